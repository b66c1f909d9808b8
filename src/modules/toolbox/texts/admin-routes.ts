/**
 * The back-office routes of the region's texts (Permission.ToolboxEdit): the list, new, edit and
 * the workflow's moves. Each POST redirects back with a `done` notice, or re-shows its page with the
 * errors by the field (400) or with why it was refused (409: another editor saved in between, or a
 * move the status does not allow). Thin: read input, one service call, render.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { doneOf, IdPageSchema, uuidParam } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { PATHS, TEXT_STATUSES, isOneOf } from '../model.ts';
import { todayOf } from '../toolbox.ts';
import {
  ADMIN_PATH,
  adminFormPage,
  adminListPage,
  adminTextPath,
  type AdminFormModel,
} from './admin-views.ts';
import { parseAdminFilter } from './filters.ts';
import {
  checkTextForm,
  emptyTextForm,
  readTextForm,
  TEXT_FIELDS,
  type TextFormErrors,
  type TextFormValues,
} from './form.ts';
import { listTexts, textById, type TextRow } from './repository.ts';
import { createText, moveText, saveText, type Editor } from './service.ts';

const edit = { permission: Permission.ToolboxEdit } as const;
const LIST_DONE = ['created'] as const;
const TEXT_DONE = ['created', 'saved', 'approved', 'retired', 'drafted'] as const;
const TextBody = FormBody(...TEXT_FIELDS);
const StatusBody = FormBody('version', 'to');
const IdParams = PathParams('id');

export function formOf(text: TextRow): TextFormValues {
  return {
    persona: text.persona,
    topic: text.topic,
    municipality: text.municipality_code ?? '',
    title_sv: text.title_sv,
    title_en: text.title_en,
    body_sv: text.body_sv,
    body_en: text.body_en,
    source_name: text.source_name,
    source_url: text.source_url,
    source_date: text.source_date ?? '',
    version: text.version,
    approve: '',
  };
}

export function registerTextsAdminRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  const editorOf = (request: FastifyRequest): Editor => ({
    regionId: request.region.id,
    principal: personOf(request),
    clock: deps.clock,
  });

  const contextOf = (request: FastifyRequest) => ({
    municipalities: new Set(request.region.municipalities.map((m) => m.code)),
    today: todayOf(deps.clock),
  });

  async function found(request: FastifyRequest, id: string): Promise<TextRow> {
    const text = await textById(db, request.region.id, uuidParam(id));
    if (!text) throw new AppError('LOTSA_NOT_FOUND');
    return text;
  }

  function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: Omit<AdminFormModel, 'lang' | 'region' | 'csrf'>,
    status = 200,
  ) {
    const view = adminFormPage({
      ...model,
      lang: adminLang(request),
      region: request.region,
      csrf: reply.csrfToken(),
    });
    const path = model.text ? adminTextPath(model.text.id) : `${ADMIN_PATH}/new`;
    return reply.adminPage({ ...view, path, navPath: PATHS.admin }, { status });
  }

  app.get(ADMIN_PATH, { schema: { querystring: AnyQuery }, config: edit }, async (request, reply) => {
    const { filter, problems } = parseAdminFilter(request.query, request.region);
    const { rows, total } = await listTexts(db, request.region.id, filter);
    const view = adminListPage({
      lang: adminLang(request),
      region: request.region,
      filter,
      problems,
      rows,
      total,
      done: doneOf(request.query.done, LIST_DONE),
    });
    return reply.adminPage(
      { ...view, path: ADMIN_PATH, navPath: PATHS.admin },
      { status: problems.length ? 400 : 200 },
    );
  });

  app.get(`${ADMIN_PATH}/new`, { schema: { querystring: AnyQuery }, config: edit }, async (request, reply) =>
    showForm(request, reply, { values: { ...emptyTextForm(), persona: 'everyone' }, errors: {} }),
  );

  app.post(`${ADMIN_PATH}/new`, { schema: { body: TextBody }, config: edit }, async (request, reply) => {
    const values = readTextForm(request.body);
    values.version = '';
    const checked = checkTextForm(values, contextOf(request));
    if (!checked.text) return showForm(request, reply, { values, errors: checked.errors }, 400);
    const id = await createText(db, editorOf(request), checked.text);
    return reply.redirect(`${adminTextPath(id)}?done=${checked.text.approve ? 'approved' : 'created'}`, 303);
  });

  app.get(`${ADMIN_PATH}/:id`, { schema: IdPageSchema, config: edit }, async (request, reply) => {
    const text = await found(request, request.params.id);
    return showForm(request, reply, {
      text,
      values: formOf(text),
      errors: {},
      done: doneOf(request.query.done, TEXT_DONE),
    });
  });

  app.post(
    `${ADMIN_PATH}/:id`,
    { schema: { params: IdParams, body: TextBody }, config: edit },
    async (request, reply) => {
      const text = await found(request, request.params.id);
      const values = readTextForm(request.body);
      const checked = checkTextForm(values, contextOf(request));
      if (!checked.text) return showForm(request, reply, { text, values, errors: checked.errors }, 400);
      const result = await saveText(db, editorOf(request), text.id, values.version, checked.text);
      switch (result.kind) {
        case 'done':
          return reply.redirect(
            `${adminTextPath(text.id)}?done=${checked.text.approve ? 'approved' : 'saved'}`,
            303,
          );
        case 'stale': {
          // The form as typed, over the current version: saving again overwrites knowingly.
          const current = await found(request, text.id);
          const kept: TextFormValues = { ...values, version: current.version };
          return showForm(request, reply, { text: current, values: kept, errors: {}, stale: true }, 409);
        }
        default:
          throw new AppError('LOTSA_NOT_FOUND');
      }
    },
  );

  app.post(
    `${ADMIN_PATH}/:id/status`,
    { schema: { params: IdParams, body: StatusBody }, config: edit },
    async (request, reply) => {
      const text = await found(request, request.params.id);
      const to = request.body.to ?? '';
      const errors: TextFormErrors = {};
      if (!isOneOf(TEXT_STATUSES, to))
        return showForm(request, reply, { text, values: formOf(text), errors, moveProblem: 'refused' }, 400);
      const result = await moveText(db, editorOf(request), text.id, request.body.version ?? '', to);
      if (result.kind === 'done') {
        const done = to === 'approved' ? 'approved' : to === 'retired' ? 'retired' : 'drafted';
        return reply.redirect(`${adminTextPath(text.id)}?done=${done}`, 303);
      }
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      const current = await found(request, text.id);
      return showForm(
        request,
        reply,
        {
          text: current,
          values: formOf(current),
          errors,
          moveProblem: result.kind === 'stale' ? 'stale' : 'refused',
        },
        409,
      );
    },
  );
}
