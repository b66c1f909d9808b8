/**
 * Back-office routes for accessibility reports (Permission.AccessibilityReportsManage): the list,
 * one report, and its answer, close and note forms (each a POST that redirects back on success and
 * re-shows the page with the errors by the field otherwise). Thin: read input, one service call,
 * render.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { AnyQuery, FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import { Permission } from '../../../platform/permissions.ts';
import {
  answerReport,
  closeReport,
  parseFilter,
  parseReportId,
  readAnswer,
  readClose,
  readNote,
  reportDetail,
  reportList,
  saveNote,
  type ChangeResult,
  type Staff,
} from './service.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { listPage, reportPage, reportPath, REPORTS_PATH, type ReportPageModel } from './views.ts';

const manage = { permission: Permission.AccessibilityReportsManage } as const;
const DONE = ['emailed', 'recorded', 'closed', 'noted'] as const;

const ReportParams = PathParams('id');
const answerSchema = { params: ReportParams, body: FormBody('answer') };
const closeSchema = { params: ReportParams, body: FormBody('reason', 'close_note') };
const noteSchema = { params: ReportParams, body: FormBody('note') };

/** The report in the URL (`/:id`, a positive whole number); anything else is "not found". */
function idOf(value: string): number {
  const id = parseReportId(value);
  if (id === undefined) throw new AppError('LOTSA_NOT_FOUND');
  return id;
}

function staffOf(request: FastifyRequest): Staff {
  const person = personOf(request);
  return {
    regionId: request.region.id,
    accountId: person.account.id,
    organisationId: person.organisation?.id ?? null,
  };
}

export function registerReportRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  const serviceDeps = { db, queue: deps.queue };

  /** The report page, with whatever the request left to show (a notice, a form's errors). */
  async function showReport(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: Omit<ReportPageModel, 'lang' | 'csrf' | 'detail'>,
    status = 200,
  ) {
    const detail = await reportDetail(db, request.region.id, id);
    if (!detail) throw new AppError('LOTSA_NOT_FOUND');
    const page = reportPage({ lang: adminLang(request), csrf: reply.csrfToken(), detail, ...extra });
    return reply.adminPage({ ...page, path: reportPath(id), navPath: REPORTS_PATH }, { status });
  }

  /** After a change: a redirect when done, else the page again with what went wrong. */
  function afterChange<F>(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    result: ChangeResult<F>,
    form: (
      errors: ChangeResult<F> & { kind: 'invalid' },
    ) => Omit<ReportPageModel, 'lang' | 'csrf' | 'detail'>,
    done: (typeof DONE)[number],
  ) {
    switch (result.kind) {
      case 'done':
        return reply.redirect(`${reportPath(id)}?done=${done}`, 303);
      case 'not-found':
        throw new AppError('LOTSA_NOT_FOUND');
      case 'conflict':
        return showReport(request, reply, id, { conflict: result.message }, 409);
      case 'invalid':
        return showReport(request, reply, id, form(result), 422);
    }
  }

  app.get(REPORTS_PATH, { schema: { querystring: AnyQuery }, config: manage }, async (request, reply) => {
    const list = await reportList(db, request.region.id, parseFilter(request.query.status));
    const page = listPage(adminLang(request), list);
    return reply.adminPage({ ...page, path: REPORTS_PATH });
  });

  const pageSchema = { params: ReportParams, querystring: AnyQuery };
  app.get(`${REPORTS_PATH}/:id`, { schema: pageSchema, config: manage }, async (request, reply) => {
    const done = DONE.find((d) => d === request.query.done);
    return showReport(request, reply, idOf(request.params.id), { done });
  });

  app.post(`${REPORTS_PATH}/:id/answer`, { schema: answerSchema, config: manage }, async (request, reply) => {
    const id = idOf(request.params.id);
    const values = readAnswer(request.body);
    const result = await answerReport(
      serviceDeps,
      request.region,
      siteOrigin(request),
      staffOf(request),
      id,
      values,
    );
    const done = result.kind === 'done' && result.emailed ? 'emailed' : 'recorded';
    return afterChange(request, reply, id, result, (r) => ({ answer: { values, errors: r.errors } }), done);
  });

  app.post(`${REPORTS_PATH}/:id/close`, { schema: closeSchema, config: manage }, async (request, reply) => {
    const id = idOf(request.params.id);
    const values = readClose(request.body);
    const result = await closeReport(serviceDeps, request.region.id, staffOf(request), id, values);
    return afterChange(
      request,
      reply,
      id,
      result,
      (r) => ({ close: { values, errors: r.errors } }),
      'closed',
    );
  });

  app.post(`${REPORTS_PATH}/:id/note`, { schema: noteSchema, config: manage }, async (request, reply) => {
    const id = idOf(request.params.id);
    const values = readNote(request.body);
    const result = await saveNote(serviceDeps, request.region.id, staffOf(request), id, values);
    return afterChange(request, reply, id, result, (r) => ({ note: { values, errors: r.errors } }), 'noted');
  });
}
