/**
 * The editors' guide routes under /admin/toolbox/guides (ToolboxEdit: the region's admins and
 * editors): the list, one guide's form (saved over the version it was read at: another save first
 * is a 409 keeping what was typed; a bad field a 400 by the field), and publish/unpublish. An
 * unknown guide is a 404. Thin: read input, one service call, render.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { doneOf } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { usableImages } from '../../content/media/service.ts';
import { ADMIN_GUIDES, adminEditPage, adminGuidePath, adminListPage } from './admin-views.ts';
import { formOfGuide, guideFromForm, readGuideForm, type GuideForm, type GuideFormErrors } from './form.ts';
import type { GuideRecord } from './guide.ts';
import { guidesMessages } from './messages.ts';
import { checklistCounts, guideBySlug, listGuides } from './repository.ts';
import { publishGuide, saveGuide } from './service.ts';

const edit = { permission: Permission.ToolboxEdit } as const;
const GUIDE_DONE = ['saved', 'published', 'unpublished'] as const;
const SlugParams = PathParams('slug');
/** The guide form's fields are named by their place (form.ts): any name, each once, a string. */
const GuideBody = Type.Record(Type.String(), Type.String());
const PublishBody = FormBody('version', 'published');
export const GUIDES_ADMIN_CSS = 'css/toolbox-guides.css';

const versionOf = (value: string | undefined) => (/^\d{1,9}$/.test(value ?? '') ? Number(value) : 0);

export function registerGuideAdminRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.get(ADMIN_GUIDES, { schema: { querystring: AnyQuery }, config: edit }, async (request, reply) => {
    const lang = adminLang(request);
    const [guides, counts] = await Promise.all([
      listGuides(db, request.region.id, { publishedOnly: false }),
      checklistCounts(db, request.region.id),
    ]);
    const done = doneOf(request.query.done, GUIDE_DONE);
    const view = adminListPage(
      lang,
      guides,
      counts,
      done ? guidesMessages.t(lang, `admin.done.${done}`) : undefined,
    );
    return reply.adminPage({ ...view, path: ADMIN_GUIDES, stylesheets: [GUIDES_ADMIN_CSS] });
  });

  async function guideOf(request: FastifyRequest, slug: string): Promise<GuideRecord> {
    const guide = await guideBySlug(db, request.region.id, slug);
    if (!guide) throw new AppError('LOTSA_NOT_FOUND');
    return guide;
  }

  const regionImages = (regionId: string) => usableImages(db, regionId, { owners: [null] });

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    guide: GuideRecord,
    form: GuideForm,
    errors: GuideFormErrors,
    options: { status?: number; stale?: boolean; notice?: string } = {},
  ) {
    const lang = adminLang(request);
    const images = (await regionImages(request.region.id)).filter((i) => !i.expired);
    const view = adminEditPage({
      lang,
      csrf: reply.csrfToken(),
      guide,
      form,
      errors,
      images,
      stale: options.stale,
      notice: options.notice,
    });
    return reply.adminPage(
      { ...view, path: adminGuidePath(guide.slug), navPath: ADMIN_GUIDES, stylesheets: [GUIDES_ADMIN_CSS] },
      { status: options.status ?? 200 },
    );
  }

  app.get(
    `${ADMIN_GUIDES}/:slug`,
    { schema: { params: SlugParams, querystring: AnyQuery }, config: edit },
    async (request, reply) => {
      const guide = await guideOf(request, request.params.slug);
      const done = doneOf(request.query.done, GUIDE_DONE);
      const notice = done ? guidesMessages.t(adminLang(request), `admin.done.${done}`) : undefined;
      return showForm(request, reply, guide, formOfGuide(guide.data, guide.version), {}, { notice });
    },
  );

  app.post(
    `${ADMIN_GUIDES}/:slug`,
    { schema: { params: SlugParams, body: GuideBody }, config: edit },
    async (request, reply) => {
      const guide = await guideOf(request, request.params.slug);
      const form = readGuideForm(request.body);
      const images = await regionImages(request.region.id);
      const checked = guideFromForm(
        form,
        new Set(images.filter((i) => !i.expired || i.slug === guide.data.image).map((i) => i.slug)),
      );
      if (checked.errors) return showForm(request, reply, guide, form, checked.errors, { status: 400 });
      const result = await saveGuide(
        db,
        request.region.id,
        personOf(request),
        guide.slug,
        versionOf(form.version),
        checked.data,
      );
      if (result === 'missing') throw new AppError('LOTSA_NOT_FOUND');
      if (result === 'stale') {
        const current = (await guideBySlug(db, request.region.id, guide.slug)) ?? guide;
        return showForm(
          request,
          reply,
          current,
          { ...form, version: String(current.version) },
          {},
          { status: 409, stale: true },
        );
      }
      return reply.redirect(`${adminGuidePath(guide.slug)}?done=saved`, 303);
    },
  );

  app.post(
    `${ADMIN_GUIDES}/:slug/publish`,
    { schema: { params: SlugParams, body: PublishBody }, config: edit },
    async (request, reply) => {
      const guide = await guideOf(request, request.params.slug);
      const published = request.body.published === 'true';
      const result = await publishGuide(
        db,
        request.region.id,
        personOf(request),
        guide.slug,
        versionOf(request.body.version),
        published,
      );
      if (result === 'missing') throw new AppError('LOTSA_NOT_FOUND');
      if (result === 'stale')
        return showForm(
          request,
          reply,
          guide,
          formOfGuide(guide.data, guide.version),
          {},
          { status: 409, stale: true },
        );
      return reply.redirect(
        `${adminGuidePath(guide.slug)}?done=${published ? 'published' : 'unpublished'}`,
        303,
      );
    },
  );
}
