/**
 * The editors' back-office routes under /admin/content: the list, a new item, the edit page and its
 * save, the workflow's steps, versions (compare, restore) and the preview. Thin: read input, one
 * service call, render. ContentEdit for writing; ContentApprove for approving, sending back and
 * unpublishing; a municipality editor's reach is checked by the service (others' items are 404).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { RICHTEXT_SCRIPT } from '../../../platform/html/richtext-field.ts';
import { IdPageSchema, IdParams, uuidParam } from '../../../platform/http/params.ts';
import { FormBody, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import type { AdminNavItem } from '../../../platform/html/layout.ts';
import { editorialMessages } from './messages.ts';
import { formValuesOf, one, valuesOf, type FieldErrors, type FormValues } from './form.ts';
import type { ContentRenderers } from '../render.ts';
import { imagesBySlug, usableImages } from '../media/service.ts';
import { getVersion } from '../store.ts';
import { changedFields } from './compare.ts';
import { editPage, type EditModel } from './edit-views.ts';
import {
  APPROVE_FIELDS,
  approveItem,
  deleteItem,
  itemFor,
  itemName,
  publishBlockers,
  restoreVersion,
  returnComment,
  returnItem,
  saveItem,
  submitItem,
  unpublishItem,
  type ApproveInput,
  type Editor,
  type EditorialDeps,
  type ImageLookup,
  type Result,
} from './service.ts';
import { slugsByKind } from './repository.ts';
import { CONTENT_PATH, itemPath, longWhen, translator } from './views.ts';
import { editorOf } from './editor.ts';
import { positive, registerEditorialPages } from './page-routes.ts';

const edit = { permission: Permission.ContentEdit } as const;
const approve = { permission: Permission.ContentApprove } as const;
/** The edit form: many fields, some repeated (checkboxes). */
const AnyForm = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
/**
 * The edit form's body: two rich texts of up to 40,000 characters each, url-encoded (a Swedish
 * letter is six bytes), the steps and the rest — more than the site's default limit.
 */
const EDIT_BODY_LIMIT = 1024 * 1024;
const DONE = [
  'created',
  'saved',
  'submitted',
  'approved',
  'scheduled',
  'returned',
  'unpublished',
  'restored',
] as const;

/** The notices that name the version saved. */
const VERSIONED: readonly (typeof DONE)[number][] = ['saved', 'restored'];

/** The service's answer as a status: refused steps 409, bad input 400. */
const statusOf = (result: Result) => (result.kind === 'refused' ? 409 : 400);

/** The edit page and what follows a step, for one app's database. */
function editPages(service: EditorialDeps) {
  const { db } = service;
  /** The edit page of an item the editor may see, with what the request left to show. */
  async function showEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    editor: Editor,
    itemId: string,
    extra: Partial<EditModel> = {},
    status = 200,
  ) {
    const item = await itemFor(db, editor, itemId);
    if (!item) throw new AppError('LOTSA_NOT_FOUND');
    const version = await getVersion(db, editor.regionId, item);
    if (!version) throw new AppError('LOTSA_NOT_FOUND');
    const values = extra.values ?? valuesOf(item.kind, version.data);
    const hero = one(values, 'hero_image').trim();
    const [images, heroImages] = await Promise.all([
      usableImages(db, editor.regionId),
      hero && hero.length <= 120 ? imagesBySlug(db, editor.regionId, [hero]) : undefined,
    ]);
    const page = editPage({
      lang: editor.lang,
      csrf: reply.csrfToken(),
      item,
      title: itemName(version.data, item.slug, editor.lang),
      base: item.version,
      errors: {},
      municipalities: request.region.municipalities,
      choices: await slugsByKind(db, editor.regionId),
      images,
      heroImage: heroImages?.get(hero),
      ...extra,
      values,
      canApprove: editor.canApprove,
      returned: await returnComment(db, editor, item),
      blockers:
        item.publishedVersion === item.version ? [] : await publishBlockers(service, editor, version.data),
      consentEnds: version.data.story?.consent.endsOn,
    });
    return reply.adminPage(
      { ...page, path: itemPath(item.id), navPath: CONTENT_PATH, scripts: [RICHTEXT_SCRIPT] },
      { status },
    );
  }

  /** After a workflow step: back to the edit page with a notice, or the page again saying why not. */
  async function afterStep(
    request: FastifyRequest,
    reply: FastifyReply,
    editor: Editor,
    itemId: string,
    result: Result,
    done: (typeof DONE)[number],
    form: (errors: FieldErrors) => Partial<EditModel> = () => ({}),
  ) {
    if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
    if (result.kind === 'done') {
      const v = result.version ? `&v=${result.version}` : '';
      return reply.redirect(`${itemPath(itemId)}?done=${done}${v}`, 303);
    }
    const extra = result.kind === 'refused' ? { refused: result.reasons, ...form({}) } : form(result.errors);
    return showEdit(request, reply, editor, itemId, extra, statusOf(result));
  }

  return { showEdit, afterStep };
}

type Pages = ReturnType<typeof editPages>;

export function registerEditorialRoutes(
  app: App,
  deps: ModuleDeps,
  renderers: ContentRenderers,
  options: { images?: ImageLookup } = {},
): void {
  const db = deps.database.db;
  const service: EditorialDeps = { db, images: options.images };
  const pages = editPages(service);
  const { showEdit, afterStep } = pages;

  app.get(`${CONTENT_PATH}/:id`, { schema: IdPageSchema, config: edit }, async (request, reply) => {
    const editor = await editorOf(request, db);
    const id = uuidParam(request.params.id);
    const version = positive(request.query.v);
    // A notice that names a version says only a number the redirect put there.
    const done = DONE.find((d) => d === request.query.done && (version || !VERSIONED.includes(d)));
    let notice: string | undefined;
    if (done) {
      const item = await itemFor(db, editor, id);
      const at = item?.scheduled?.at ?? item?.publishAt;
      const when = at ? longWhen(editor.lang, at) : '';
      notice = translator(editor.lang)(`done.${done}`, { version: String(version ?? ''), when });
    }
    return showEdit(request, reply, editor, id, { done: notice });
  });

  app.post(
    `${CONTENT_PATH}/:id`,
    { schema: { params: IdParams, body: AnyForm }, config: edit, bodyLimit: EDIT_BODY_LIMIT },
    async (request, reply) => {
      const editor = await editorOf(request, db);
      const id = uuidParam(request.params.id);
      const values: FormValues = formValuesOf(request.body);
      const base = positive(one(values, 'base')) ?? 0;
      const result = await saveItem(service, editor, id, {
        base,
        values,
        note: one(values, 'note'),
      });
      if (result.kind === 'conflict') {
        const changes = result.base ? changedFields(result.base.data, result.current.data) : [];
        const conflict = {
          version: result.current.version,
          authorName: result.authorName,
          savedAt: result.current.savedAt,
          base: result.base?.version ?? base,
          changes,
        };
        return showEdit(request, reply, editor, id, { values, base: result.current.version, conflict }, 409);
      }
      if (result.kind === 'invalid')
        return showEdit(request, reply, editor, id, { values, base, errors: result.errors }, 400);
      return afterStep(request, reply, editor, id, result, 'saved');
    },
  );

  registerWorkflowRoutes(app, service, pages);
  registerEditorialPages(app, deps, renderers, service);
}

/** The workflow's steps and restoring a version: each a POST back to the edit page. */
function registerWorkflowRoutes(app: App, service: EditorialDeps, pages: Pages): void {
  const db = service.db;
  const { afterStep } = pages;
  const shownOf = (body: { shown?: string }) => positive(body.shown);

  app.post(
    `${CONTENT_PATH}/:id/submit`,
    { schema: { params: IdParams, body: FormBody('shown') }, config: edit },
    async (request, reply) => {
      const editor = await editorOf(request, db);
      const id = uuidParam(request.params.id);
      const result = await submitItem(service, editor, id, shownOf(request.body));
      return afterStep(request, reply, editor, id, result, 'submitted');
    },
  );

  const approveSchema = { params: IdParams, body: FormBody('shown', ...APPROVE_FIELDS) };
  app.post(
    `${CONTENT_PATH}/:id/approve`,
    { schema: approveSchema, config: approve },
    async (request, reply) => {
      const editor = await editorOf(request, db);
      const id = uuidParam(request.params.id);
      const values = Object.fromEntries(
        APPROVE_FIELDS.map((f) => [f, (request.body[f] ?? '').trim()]),
      ) as unknown as ApproveInput;
      const result = await approveItem(service, editor, id, values, shownOf(request.body));
      return afterStep(
        request,
        reply,
        editor,
        id,
        result,
        values.when === 'later' ? 'scheduled' : 'approved',
        (errors) => ({
          approve: { values, errors },
        }),
      );
    },
  );

  const returnSchema = { params: IdParams, body: FormBody('shown', 'comment') };
  app.post(
    `${CONTENT_PATH}/:id/return`,
    { schema: returnSchema, config: approve },
    async (request, reply) => {
      const editor = await editorOf(request, db);
      const id = uuidParam(request.params.id);
      const comment = request.body.comment ?? '';
      const result = await returnItem(service, editor, id, comment, shownOf(request.body));
      return afterStep(request, reply, editor, id, result, 'returned', (errors) => ({
        back: { comment, errors },
      }));
    },
  );

  app.post(
    `${CONTENT_PATH}/:id/unpublish`,
    { schema: { params: IdParams, body: FormBody() }, config: approve },
    async (request, reply) => {
      const editor = await editorOf(request, db);
      const id = uuidParam(request.params.id);
      return afterStep(request, reply, editor, id, await unpublishItem(service, editor, id), 'unpublished');
    },
  );

  app.post(
    `${CONTENT_PATH}/:id/delete`,
    { schema: { params: IdParams, body: FormBody('delete_confirm') }, config: edit },
    async (request, reply) => {
      const editor = await editorOf(request, db);
      const id = uuidParam(request.params.id);
      const confirmed = request.body.delete_confirm === 'yes';
      const result = await deleteItem(service, editor, id, confirmed);
      if (result.kind === 'done') return reply.redirect(`${CONTENT_PATH}?done=deleted`, 303);
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      const extra =
        result.kind === 'refused' ? { refused: result.reasons } : { remove: { errors: result.errors } };
      return pages.showEdit(request, reply, editor, id, extra, statusOf(result));
    },
  );

  const restoreSchema = { params: IdParams, body: FormBody('version', 'base') };
  app.post(`${CONTENT_PATH}/:id/restore`, { schema: restoreSchema, config: edit }, async (request, reply) => {
    const editor = await editorOf(request, db);
    const id = uuidParam(request.params.id);
    const result = await restoreVersion(
      service,
      editor,
      id,
      positive(request.body.version) ?? 0,
      positive(request.body.base) ?? 0,
    );
    return afterStep(request, reply, editor, id, result, 'restored');
  });
}

/** The back-office menu's item: "Innehåll" for everyone who may write content. */
export const editorialAdminNavigation: readonly AdminNavItem[] = [
  {
    path: CONTENT_PATH,
    label: (lang) => editorialMessages.t(lang, 'nav.content'),
    permission: Permission.ContentEdit,
    order: 20,
  },
];
