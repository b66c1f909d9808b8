/**
 * The navigators' routes (Permission.CasesWork): the inbox, the case file, and its forms — take,
 * hand over, note or logged contact, stage, tasks, meetings — each a POST that redirects back with a
 * `done` notice, or re-shows the case file with the errors by the field (400). A case outside the
 * navigator's scope, or of another region, is a 404. Thin: read input, one service call, render.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { doneOf, uuidParam } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { caseScopeOf, liveConsentsOf, type CaseScope } from '../cases.ts';
import { PATHS, casePath } from '../model.ts';
import type { CasePanelView, PartsContext } from '../part.ts';
import {
  addNote,
  addTask,
  cancelCaseMeeting,
  caseFile,
  changeStage,
  handOver,
  inbox,
  markTask,
  planMeeting,
  readHandover,
  readInboxQuery,
  readMeeting,
  readNote,
  readStage,
  readTask,
  takeCase,
  type ChangeResult,
} from './service.ts';
import { caseFilePage, inboxPage, type CaseFileModel } from './views.ts';

const work = { permission: Permission.CasesWork } as const;

const INBOX_DONE = ['handedOverAway'] as const;
const CASE_DONE = [
  'taken',
  'handedOver',
  'noted',
  'staged',
  'taskAdded',
  'taskDone',
  'taskUndone',
  'meetingPlanned',
  'meetingCancelled',
] as const;
type CaseDone = (typeof CASE_DONE)[number];

const CaseParams = PathParams('id');
const TaskParams = PathParams('id', 'task');
const MeetingParams = PathParams('id', 'meeting');

type FormState = Omit<
  CaseFileModel,
  'lang' | 'region' | 'scope' | 'file' | 'panels' | 'history' | 'csrf' | 'now'
>;

export function registerCaseRoutes(app: App, deps: ModuleDeps, parts: PartsContext): void {
  const db = deps.database.db;
  const serviceDeps = { db, queue: deps.queue };

  async function scopeOf(request: FastifyRequest): Promise<CaseScope> {
    const scope = await caseScopeOf(db, request.region.id, personOf(request));
    if (!scope) throw new AppError('LOTSA_NOT_FOUND');
    return scope;
  }

  async function showCase(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: CaseScope,
    caseId: string,
    state: FormState,
    status = 200,
  ) {
    const file = await caseFile(db, scope, caseId);
    if (!file) throw new AppError('LOTSA_NOT_FOUND');
    const lang = adminLang(request);
    const csrf = reply.csrfToken();
    const consents = await liveConsentsOf(
      db,
      scope.regionId,
      file.persons.map((p) => p.id),
    );
    const panels: CasePanelView[] = [];
    for (const panel of parts.casePanels) {
      const view = await panel.render({
        db,
        region: request.region,
        lang,
        person: personOf(request),
        scope,
        case: file.case,
        persons: file.persons,
        consents,
        csrfToken: csrf,
        query: (request.query ?? {}) as Record<string, unknown>,
      });
      if (view) panels.push(view);
    }
    const page = caseFilePage({
      lang,
      region: request.region,
      scope,
      file,
      panels,
      history: parts.historySentences,
      csrf,
      now: new Date(),
      ...state,
    });
    return reply.adminPage({ ...page, path: casePath(caseId), navPath: PATHS.cases }, { status });
  }

  /** After a change: 303 to the case with its notice, or the case file again with the errors. */
  function after<F>(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: CaseScope,
    caseId: string,
    result: ChangeResult<F>,
    done: CaseDone,
    form: (errors: Extract<ChangeResult<F>, { kind: 'invalid' }>) => FormState,
  ) {
    switch (result.kind) {
      case 'done':
        return reply.redirect(`${casePath(caseId)}?done=${done}`, 303);
      case 'not-found':
        throw new AppError('LOTSA_NOT_FOUND');
      case 'invalid':
        return showCase(request, reply, scope, caseId, form(result), 400);
    }
  }

  app.get(PATHS.cases, { schema: { querystring: AnyQuery }, config: work }, async (request, reply) => {
    const scope = await scopeOf(request);
    const { filter, page } = readInboxQuery(request.region, request.query);
    const model = await inbox(db, scope, filter, page);
    const view = inboxPage({
      lang: adminLang(request),
      region: request.region,
      scope,
      inbox: model,
      done: doneOf(request.query.done, INBOX_DONE),
      now: new Date(),
    });
    return reply.adminPage({ ...view, path: PATHS.cases });
  });

  app.get(
    `${PATHS.cases}/:id`,
    { schema: { params: CaseParams, querystring: AnyQuery }, config: work },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const scope = await scopeOf(request);
      return showCase(request, reply, scope, id, { done: doneOf(request.query.done, CASE_DONE) });
    },
  );

  app.post(
    `${PATHS.cases}/:id/take`,
    { schema: { params: CaseParams }, config: work },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const scope = await scopeOf(request);
      const result = await takeCase(serviceDeps, scope, id);
      return after(request, reply, scope, id, result, 'taken', () => ({}));
    },
  );

  app.post(
    `${PATHS.cases}/:id/handover`,
    { schema: { params: CaseParams, body: FormBody('navigator', 'note') }, config: work },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const scope = await scopeOf(request);
      const values = readHandover(request.body);
      const result = await handOver(serviceDeps, request.region, siteOrigin(request), scope, id, values);
      if (result.kind === 'done' && !result.inScope)
        return reply.redirect(`${PATHS.cases}?done=handedOverAway`, 303);
      return after(request, reply, scope, id, result, 'handedOver', (r) => ({
        handover: { values, errors: r.errors },
      }));
    },
  );

  app.post(
    `${PATHS.cases}/:id/note`,
    { schema: { params: CaseParams, body: FormBody('body', 'channel') }, config: work },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const scope = await scopeOf(request);
      const values = readNote(request.body);
      const result = await addNote(serviceDeps, scope, id, values);
      return after(request, reply, scope, id, result, 'noted', (r) => ({
        note: { values, errors: r.errors },
      }));
    },
  );

  app.post(
    `${PATHS.cases}/:id/stage`,
    {
      schema: {
        params: CaseParams,
        body: FormBody(
          'stage',
          'outcome_municipality',
          'main_employment',
          'partner_employment',
          'moved_on',
          'close_reason',
        ),
      },
      config: work,
    },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const scope = await scopeOf(request);
      const values = readStage(request.body);
      const result = await changeStage(serviceDeps, request.region, scope, id, values);
      return after(request, reply, scope, id, result, 'staged', (r) => ({
        stage: { values, errors: r.errors },
      }));
    },
  );

  app.post(
    `${PATHS.cases}/:id/tasks`,
    { schema: { params: CaseParams, body: FormBody('title', 'due_on', 'assignee') }, config: work },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const scope = await scopeOf(request);
      const values = readTask(request.body);
      const result = await addTask(serviceDeps, scope, id, values);
      return after(request, reply, scope, id, result, 'taskAdded', (r) => ({
        task: { values, errors: r.errors },
      }));
    },
  );

  for (const [verb, done] of [
    ['done', true],
    ['undo', false],
  ] as const) {
    app.post(
      `${PATHS.cases}/:id/tasks/:task/${verb}`,
      { schema: { params: TaskParams }, config: work },
      async (request, reply) => {
        const id = uuidParam(request.params.id);
        const taskId = uuidParam(request.params.task);
        const scope = await scopeOf(request);
        const result = await markTask(serviceDeps, scope, id, taskId, done);
        return after(request, reply, scope, id, result, done ? 'taskDone' : 'taskUndone', () => ({}));
      },
    );
  }

  app.post(
    `${PATHS.cases}/:id/meetings`,
    {
      schema: { params: CaseParams, body: FormBody('date', 'time', 'minutes', 'channel', 'place', 'note') },
      config: work,
    },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const scope = await scopeOf(request);
      const values = readMeeting(request.body);
      const result = await planMeeting(serviceDeps, request.region, siteOrigin(request), scope, id, values);
      return after(request, reply, scope, id, result, 'meetingPlanned', (r) => ({
        meeting: { values, errors: r.errors },
      }));
    },
  );

  app.post(
    `${PATHS.cases}/:id/meetings/:meeting/cancel`,
    { schema: { params: MeetingParams }, config: work },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const meetingId = uuidParam(request.params.meeting);
      const scope = await scopeOf(request);
      const result = await cancelCaseMeeting(
        serviceDeps,
        request.region,
        siteOrigin(request),
        scope,
        id,
        meetingId,
      );
      return after(request, reply, scope, id, result, 'meetingCancelled', () => ({}));
    },
  );
}
