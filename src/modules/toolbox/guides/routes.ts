/**
 * The organisations' guide routes (ToolboxUse, for the organisation the person acts for): the list
 * of guides and checklists, one guide, and a checklist — start, tick (every box in one POST), rename,
 * delete with a confirm step. Each POST redirects back (303) with a notice, or re-shows its page
 * with the error by the field (400) or the refusal (409: the cap). Another organisation's checklist
 * is a 404. Thin: read input, one service call, render.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { doneOf, uuidParam } from '../../../platform/http/params.ts';
import {
  AnyQuery,
  FormBody,
  FormList,
  LangParams,
  PathParams,
  type App,
} from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { imagesBySlug } from '../../content/media/service.ts';
import { TOOLBOX_CSS, toolboxFrame } from '../frame.ts';
import { PATHS } from '../model.ts';
import { LABEL_MAX, MAX_CHECKLISTS, inLang, type GuideRecord } from './guide.ts';
import { guidesMessages, type GuidesMessageKey } from './messages.ts';
import { checklistOf, checklistsOf, guideBySlug, listGuides } from './repository.ts';
import {
  deleteChecklist,
  readLabel,
  renameChecklist,
  saveTicks,
  startChecklist,
  type Acting,
} from './service.ts';
import {
  checklistBody,
  checklistPath,
  deleteBody,
  guideBody,
  guidesPath,
  listBody,
  type StartFormModel,
} from './views.ts';

export const GUIDES_CSS = 'css/toolbox-guides.css';
const use = { permission: Permission.ToolboxUse } as const;
const LIST_DONE = ['deleted'] as const;
const CHECKLIST_DONE = ['created', 'saved', 'renamed'] as const;

const SlugParams = PathParams('lang', 'slug');
const IdParams = PathParams('lang', 'id');
const StartBody = FormBody('guide', 'label', 'from');
const TickBody = Type.Object({ done: FormList() });
const LabelBody = FormBody('label');

export function registerGuideRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  function actingOf(request: FastifyRequest): Acting {
    const person = personOf(request);
    if (!person.organisation) throw new AppError('LOTSA_FORBIDDEN');
    return { regionId: request.region.id, organisationId: person.organisation.id, principal: person };
  }

  function send(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    page: { title: string; path: string; lead?: string; notice?: string; body: ReturnType<typeof listBody> },
    status = 200,
  ) {
    const person = personOf(request);
    return reply.page(
      {
        title: page.title,
        description: guidesMessages.t(lang, 'list.lead'),
        path: page.path,
        noindex: true,
        stylesheets: [TOOLBOX_CSS, GUIDES_CSS],
        main: toolboxFrame(lang, {
          current: 'guides',
          heading: page.title,
          lead: page.lead,
          notice: page.notice,
          organisationName: person.organisation?.name,
          body: page.body,
        }),
      },
      { status, cache: 'no-store' },
    );
  }

  const t = (lang: Lang, key: GuidesMessageKey, params?: Record<string, string | number>) =>
    guidesMessages.t(lang, key, params);

  async function showList(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    start: Omit<StartFormModel, 'guides' | 'count'>,
    options: { status?: number; notice?: string; refusal?: string } = {},
  ) {
    const acting = actingOf(request);
    const [all, checklists] = await Promise.all([
      listGuides(db, acting.regionId, { publishedOnly: false }),
      checklistsOf(db, acting.regionId, acting.organisationId),
    ]);
    const guides = all.filter((g) => g.published);
    const images = await imagesBySlug(
      db,
      acting.regionId,
      guides.flatMap((g) => (g.data.image ? [g.data.image] : [])),
    );
    const body = listBody({
      lang,
      csrf: reply.csrfToken(),
      guides,
      allGuides: new Map(all.map((g) => [g.slug, g])),
      checklists,
      images,
      start: { ...start, guides, count: checklists.length },
      refusal: options.refusal,
    });
    return send(
      request,
      reply,
      lang,
      {
        title: t(lang, 'list.title'),
        lead: t(lang, 'list.lead'),
        path: PATHS.guides,
        notice: options.notice,
        body,
      },
      options.status,
    );
  }

  async function showGuide(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    guide: GuideRecord,
    start: Omit<StartFormModel, 'guides' | 'count' | 'fixedGuide'>,
    options: { status?: number; refusal?: string } = {},
  ) {
    const acting = actingOf(request);
    const [images, checklists] = await Promise.all([
      imagesBySlug(db, acting.regionId, guide.data.image ? [guide.data.image] : []),
      checklistsOf(db, acting.regionId, acting.organisationId),
    ]);
    const errors = options.refusal ? { ...start.errors, label: options.refusal } : start.errors;
    const body = guideBody({
      lang,
      csrf: reply.csrfToken(),
      guide,
      image: guide.data.image ? images.get(guide.data.image) : undefined,
      start: { ...start, errors, guides: [guide], fixedGuide: guide, count: checklists.length },
    });
    return send(
      request,
      reply,
      lang,
      {
        title: inLang(guide.data.title, lang).text,
        lead: inLang(guide.data.summary, lang).text,
        path: `${PATHS.guides}/${guide.slug}`,
        body,
      },
      options.status,
    );
  }

  const emptyStart = { guide: '', label: '', errors: {} };

  app.get(
    '/:lang/toolbox/guides',
    { schema: { params: LangParams, querystring: AnyQuery }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const done = doneOf(request.query.done, LIST_DONE);
      return showList(request, reply, lang, emptyStart, {
        notice: done ? t(lang, `done.${done}`) : undefined,
      });
    },
  );

  app.get(
    '/:lang/toolbox/guides/:slug',
    { schema: { params: SlugParams, querystring: AnyQuery }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const guide = await guideBySlug(db, request.region.id, request.params.slug);
      if (!guide?.published) throw new AppError('LOTSA_NOT_FOUND');
      return showGuide(request, reply, lang, guide, emptyStart);
    },
  );

  app.post(
    '/:lang/toolbox/guides/checklists',
    { schema: { params: LangParams, body: StartBody }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const acting = actingOf(request);
      const slug = (request.body.guide ?? '').trim().slice(0, 80);
      const label = readLabel(request.body.label);
      const typed = (request.body.label ?? '').slice(0, LABEL_MAX * 2);
      const guide = await guideBySlug(db, acting.regionId, slug);
      const fromGuidePage = request.body.from === 'guide';
      const labelError = label.ok ? undefined : t(lang, label.error, { max: LABEL_MAX });
      const guideError = guide?.published ? undefined : t(lang, 'error.guide');
      if (labelError || guideError || !label.ok) {
        const start = { guide: slug, label: typed, errors: { guide: guideError, label: labelError } };
        if (fromGuidePage && guide?.published)
          return showGuide(request, reply, lang, guide, start, { status: 400 });
        return showList(request, reply, lang, start, { status: 400 });
      }
      const result = await startChecklist(db, acting, slug, label.label);
      if (!result.ok) {
        const refusal =
          result.reason === 'full' ? t(lang, 'start.full', { max: MAX_CHECKLISTS }) : t(lang, 'error.guide');
        const start = {
          guide: slug,
          label: typed,
          errors: result.reason === 'guide' ? { guide: refusal } : {},
        };
        const status = result.reason === 'full' ? 409 : 400;
        if (fromGuidePage && guide && result.reason === 'full')
          return showGuide(request, reply, lang, guide, start, { status, refusal });
        return showList(request, reply, lang, start, {
          status,
          refusal: result.reason === 'full' ? refusal : undefined,
        });
      }
      return reply.redirect(`${checklistPath(lang, result.id)}?done=created`, 303);
    },
  );

  async function reach(request: FastifyRequest, id: string) {
    const acting = actingOf(request);
    const checklist = await checklistOf(db, acting.regionId, acting.organisationId, uuidParam(id));
    if (!checklist) throw new AppError('LOTSA_NOT_FOUND');
    const guide = await guideBySlug(db, acting.regionId, checklist.guideSlug);
    if (!guide) throw new AppError('LOTSA_NOT_FOUND');
    return { acting, checklist, guide };
  }

  async function showChecklist(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    id: string,
    rename: { value?: string; error?: string } = {},
    options: { status?: number; notice?: string } = {},
  ) {
    const { checklist, guide } = await reach(request, id);
    const body = checklistBody({
      lang,
      csrf: reply.csrfToken(),
      checklist,
      guide,
      rename: { value: rename.value ?? checklist.label, error: rename.error },
    });
    return send(
      request,
      reply,
      lang,
      {
        title: checklist.label,
        lead: t(lang, 'checklist.lead', { guide: inLang(guide.data.title, lang).text }),
        path: `${PATHS.guides}/checklists/${checklist.id}`,
        notice: options.notice,
        body,
      },
      options.status,
    );
  }

  app.get(
    '/:lang/toolbox/guides/checklists/:id',
    { schema: { params: IdParams, querystring: AnyQuery }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const done = doneOf(request.query.done, CHECKLIST_DONE);
      return showChecklist(
        request,
        reply,
        lang,
        request.params.id,
        {},
        {
          notice: done ? t(lang, `done.${done}`) : undefined,
        },
      );
    },
  );

  app.post(
    '/:lang/toolbox/guides/checklists/:id',
    { schema: { params: IdParams, body: TickBody }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const id = uuidParam(request.params.id);
      const ticked = (request.body.done ?? []).slice(0, 400).map((k) => k.slice(0, 60));
      if (!(await saveTicks(db, actingOf(request), id, ticked))) throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(`${checklistPath(lang, id)}?done=saved`, 303);
    },
  );

  app.post(
    '/:lang/toolbox/guides/checklists/:id/rename',
    { schema: { params: IdParams, body: LabelBody }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const id = uuidParam(request.params.id);
      const label = readLabel(request.body.label);
      if (!label.ok) {
        const value = (request.body.label ?? '').slice(0, LABEL_MAX * 2);
        return showChecklist(
          request,
          reply,
          lang,
          id,
          { value, error: t(lang, label.error, { max: LABEL_MAX }) },
          { status: 400 },
        );
      }
      if (!(await renameChecklist(db, actingOf(request), id, label.label)))
        throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(`${checklistPath(lang, id)}?done=renamed`, 303);
    },
  );

  app.get(
    '/:lang/toolbox/guides/checklists/:id/delete',
    { schema: { params: IdParams, querystring: AnyQuery }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const { checklist } = await reach(request, request.params.id);
      return send(request, reply, lang, {
        title: t(lang, 'delete.title', { label: checklist.label }),
        path: `${PATHS.guides}/checklists/${checklist.id}/delete`,
        body: deleteBody(lang, reply.csrfToken(), checklist),
      });
    },
  );

  app.post(
    '/:lang/toolbox/guides/checklists/:id/delete',
    { schema: { params: IdParams }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const id = uuidParam(request.params.id);
      if (!(await deleteChecklist(db, actingOf(request), id))) throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(`${guidesPath(lang)}?done=deleted`, 303);
    },
  );
}
