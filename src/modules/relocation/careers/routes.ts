/**
 * Routes of the careers part. Navigators (Permission.CasesWork, the case in their scope):
 * /admin/cases/:id/careers (the panel on its own page), POST …/job-search, …/applications,
 * …/applications/:application, GET/POST …/introductions; /admin/cases/duplicates with POST
 * …/link (a proven sign-up), …/confirm (an unproven one gets a link), GET/POST …/merge. Employers (Permission.TalentSearch, for the organisation they act
 * for): /admin/talent/introductions and /admin/talent/introductions/:id with its answer. Thin:
 * read, one service call, render.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { isUuid, queryText, uuidParam } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { openJobsOf } from '../../talent/employers/repository.ts';
import {
  caseInScope,
  caseScopeOf,
  liveConsentsOf,
  personsOf,
  type CaseRow,
  type CaseScope,
} from '../cases.ts';
import { casePath, PATHS } from '../model.ts';
import { findDuplicates } from './duplicates.ts';
import { careersMessages } from './messages.ts';
import { careersPath, introducePath, renderCareers, type Done, type PanelForm } from './panel.ts';
import {
  employerById,
  introductionOfOrganisation,
  introductionsOfOrganisation,
  searchEmployers,
  caseSummaries,
  personSummaries,
} from './repository.ts';
import {
  addApplication,
  answerIntroduction,
  askToConfirm,
  changeApplication,
  introduce,
  INTRODUCTIONS_PATH,
  introductionPath,
  linkToProfile,
  mergeable,
  mergeCases,
  mergeSide,
  readApplication,
  readIntroduce,
  setJobSearch,
  type Actor,
  type EmployerActor,
  type FormErrors,
  type IntroduceInput,
  type Outcome,
} from './service.ts';
import {
  careersPage,
  duplicatesPage,
  employerIntroPage,
  employerListPage,
  introducePage,
  mergePage,
  messagePage,
  type PageView,
} from './views.ts';

const work = { permission: Permission.CasesWork } as const;
const search = { permission: Permission.TalentSearch } as const;
const CaseParams = PathParams('id');
const ApplicationParams = PathParams('id', 'application');

export function registerCareersRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  async function scopeOf(request: FastifyRequest): Promise<CaseScope> {
    const scope = await caseScopeOf(db, request.region.id, personOf(request));
    if (!scope) throw new AppError('LOTSA_NOT_FOUND');
    return scope;
  }

  function actorFor(request: FastifyRequest, scope: CaseScope): Actor {
    return {
      regionId: scope.regionId,
      accountId: scope.accountId,
      organisationId: scope.organisationId,
      lang: adminLang(request),
      audit: actorOf(personOf(request)),
    };
  }

  async function caseOf(scope: CaseScope, id: string): Promise<CaseRow> {
    const kase = await caseInScope(db, scope, uuidParam(id));
    if (!kase) throw new AppError('LOTSA_NOT_FOUND');
    return kase;
  }

  /** The careers page of a case, with a failed form shown again (status 400) or a notice. */
  async function showCareers(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: CaseScope,
    kase: CaseRow,
    form?: PanelForm,
    status = 200,
  ) {
    const persons = await personsOf(db, scope.regionId, kase.id);
    const consents = await liveConsentsOf(
      db,
      scope.regionId,
      persons.filter((p) => p.role !== 'child').map((p) => p.id),
    );
    const lang = adminLang(request);
    const panel = await renderCareers(
      {
        db,
        region: request.region,
        lang,
        person: personOf(request),
        scope,
        case: kase,
        persons,
        consents,
        csrfToken: reply.csrfToken(),
        query: (request.query ?? {}) as Record<string, unknown>,
      },
      form,
    );
    const view = careersPage(lang, kase, panel.html);
    return reply.adminPage({ ...view, path: careersPath(kase.id), navPath: PATHS.cases }, { status });
  }

  function refusal(request: FastifyRequest, reply: FastifyReply, kase: CaseRow, message: string) {
    const lang = adminLang(request);
    const view = messagePage(lang, careersMessages.t(lang, 'panel.title'), message, {
      href: casePath(kase.id),
      text: careersMessages.t(lang, 'panel.back'),
    });
    return reply.adminPage({ ...view, path: careersPath(kase.id), navPath: PATHS.cases }, { status: 409 });
  }

  /** After a change to the panel: back to the case file, or the form again with its errors. */
  async function afterPanelChange(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: CaseScope,
    kase: CaseRow,
    outcome: Outcome,
    done: Done,
    form: (errors: FormErrors) => PanelForm,
  ) {
    switch (outcome.kind) {
      case 'done':
        return reply.redirect(`${casePath(kase.id)}?careers_done=${done}#careers`, 303);
      case 'not-found':
        throw new AppError('LOTSA_NOT_FOUND');
      case 'refused':
        return refusal(request, reply, kase, outcome.message);
      case 'invalid':
        return showCareers(request, reply, scope, kase, form(outcome.errors), 400);
    }
  }

  app.get(
    `${PATHS.cases}/:id/careers`,
    { schema: { params: CaseParams, querystring: AnyQuery }, config: work },
    async (request, reply) => {
      const scope = await scopeOf(request);
      return showCareers(request, reply, scope, await caseOf(scope, request.params.id));
    },
  );

  app.post(
    `${PATHS.cases}/:id/job-search`,
    { schema: { params: CaseParams, body: FormBody('person', 'job_search') }, config: work },
    async (request, reply) => {
      const scope = await scopeOf(request);
      const kase = await caseOf(scope, request.params.id);
      const values = { person: request.body.person ?? '', job_search: request.body.job_search ?? '' };
      const outcome = await setJobSearch(db, scope, actorFor(request, scope), kase.id, {
        person: values.person,
        status: values.job_search,
      });
      return afterPanelChange(request, reply, scope, kase, outcome, 'jobsearch', (errors) => ({
        form: 'jobsearch',
        personId: values.person,
        values,
        errors,
      }));
    },
  );

  app.post(
    `${PATHS.cases}/:id/applications`,
    {
      schema: {
        params: CaseParams,
        body: FormBody('person', 'employer', 'title', 'job', 'status', 'noted_on', 'note'),
      },
      config: work,
    },
    async (request, reply) => {
      const scope = await scopeOf(request);
      const kase = await caseOf(scope, request.params.id);
      const values = readApplication(request.body);
      const outcome = await addApplication(db, scope, actorFor(request, scope), kase.id, values);
      return afterPanelChange(request, reply, scope, kase, outcome, 'application', (errors) => ({
        form: 'application',
        personId: values.person,
        values: { ...values },
        errors,
      }));
    },
  );

  app.post(
    `${PATHS.cases}/:id/applications/:application`,
    { schema: { params: ApplicationParams, body: FormBody('status') }, config: work },
    async (request, reply) => {
      const scope = await scopeOf(request);
      const kase = await caseOf(scope, request.params.id);
      const applicationId = uuidParam(request.params.application);
      const status = request.body.status ?? '';
      const outcome = await changeApplication(
        db,
        scope,
        actorFor(request, scope),
        kase.id,
        applicationId,
        status,
      );
      return afterPanelChange(request, reply, scope, kase, outcome, 'applicationStatus', (errors) => ({
        form: 'status',
        personId: '',
        applicationId,
        values: { status },
        errors,
      }));
    },
  );

  // ------------------------------------------------------------------ introductions (navigator)

  async function showIntroduce(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: CaseScope,
    kase: CaseRow,
    input: { query: string; organisation: string } & Omit<IntroduceInput, 'organisation'>,
    errors: FormErrors = {},
    status = 200,
  ) {
    const persons = await personsOf(db, scope.regionId, kase.id);
    const adults = persons.filter((p) => p.role !== 'child');
    const consents = await liveConsentsOf(
      db,
      scope.regionId,
      adults.map((p) => p.id),
    );
    const consented = new Set(adults.filter((a) => consents.get(a.id)?.has('employers')).map((a) => a.id));
    const employer = isUuid(input.organisation)
      ? ((await employerById(db, scope.regionId, input.organisation)) ?? null)
      : null;
    const jobs = employer ? await openJobsOf(db, scope.regionId, employer, 100) : [];
    const results = input.query ? await searchEmployers(db, scope.regionId, input.query) : null;
    const view = introducePage({
      lang: adminLang(request),
      csrf: reply.csrfToken(),
      kase,
      adults,
      consented,
      query: input.query,
      results,
      employer,
      jobs,
      values: {
        person: adults.some((a) => a.id === input.person) ? input.person : '',
        job: input.job,
        message: input.message,
      },
      errors,
    });
    return reply.adminPage({ ...view, path: introducePath(kase.id), navPath: PATHS.cases }, { status });
  }

  app.get(
    `${PATHS.cases}/:id/introductions`,
    { schema: { params: CaseParams, querystring: AnyQuery }, config: work },
    async (request, reply) => {
      const scope = await scopeOf(request);
      const kase = await caseOf(scope, request.params.id);
      const q = request.query;
      return showIntroduce(request, reply, scope, kase, {
        query: queryText(q.q).slice(0, 100),
        organisation: queryText(q.organisation),
        person: queryText(q.person),
        job: '',
        message: '',
      });
    },
  );

  app.post(
    `${PATHS.cases}/:id/introductions`,
    {
      schema: { params: CaseParams, body: FormBody('person', 'organisation', 'job', 'message') },
      config: work,
    },
    async (request, reply) => {
      const scope = await scopeOf(request);
      const kase = await caseOf(scope, request.params.id);
      const input = readIntroduce(request.body);
      const outcome = await introduce(
        db,
        deps.queue,
        scope,
        actorFor(request, scope),
        siteOrigin(request),
        kase.id,
        input,
      );
      switch (outcome.kind) {
        case 'done':
          return reply.redirect(`${casePath(kase.id)}?careers_done=introduction#careers`, 303);
        case 'not-found':
          throw new AppError('LOTSA_NOT_FOUND');
        case 'refused':
          return refusal(request, reply, kase, outcome.message);
        case 'invalid':
          return showIntroduce(
            request,
            reply,
            scope,
            kase,
            { ...input, query: '', message: input.message.slice(0, 2000) },
            outcome.errors,
            400,
          );
      }
    },
  );

  // ------------------------------------------------------------------ introductions (employer)

  async function employerOf(request: FastifyRequest): Promise<EmployerActor> {
    const person = personOf(request);
    const acting = person.organisation;
    if (!acting) throw new AppError('LOTSA_NOT_FOUND');
    return {
      regionId: request.region.id,
      organisationId: acting.id,
      organisationName: acting.name,
      accountId: person.account.id,
      audit: actorOf(person),
    };
  }

  app.get(
    INTRODUCTIONS_PATH,
    { schema: { querystring: AnyQuery }, config: search },
    async (request, reply) => {
      const employer = await employerOf(request);
      const intros = await introductionsOfOrganisation(db, employer.regionId, employer.organisationId);
      const view = employerListPage(adminLang(request), employer.organisationName, intros);
      return reply.adminPage({ ...view, path: INTRODUCTIONS_PATH });
    },
  );

  async function showEmployerIntro(
    request: FastifyRequest,
    reply: FastifyReply,
    employer: EmployerActor,
    id: string,
    options: { answered?: boolean; error?: string } = {},
    status = 200,
  ) {
    const intro = await introductionOfOrganisation(db, employer.regionId, employer.organisationId, id);
    if (!intro) throw new AppError('LOTSA_NOT_FOUND');
    const view = employerIntroPage(adminLang(request), reply.csrfToken(), intro, options);
    return reply.adminPage({ ...view, path: introductionPath(id), navPath: INTRODUCTIONS_PATH }, { status });
  }

  app.get(
    `${INTRODUCTIONS_PATH}/:id`,
    { schema: { params: CaseParams, querystring: AnyQuery }, config: search },
    async (request, reply) => {
      const employer = await employerOf(request);
      return showEmployerIntro(request, reply, employer, uuidParam(request.params.id), {
        answered: request.query.done === 'answered',
      });
    },
  );

  app.post(
    `${INTRODUCTIONS_PATH}/:id`,
    { schema: { params: CaseParams, body: FormBody('answer') }, config: search },
    async (request, reply) => {
      const employer = await employerOf(request);
      const id = uuidParam(request.params.id);
      const outcome = await answerIntroduction(
        db,
        deps.queue,
        employer,
        siteOrigin(request),
        id,
        request.body.answer,
      );
      switch (outcome.kind) {
        case 'done':
          return reply.redirect(`${introductionPath(id)}?done=answered`, 303);
        case 'invalid-answer': {
          const lang = adminLang(request);
          const error = careersMessages.t(lang, 'error.choose', {
            field: careersMessages.t(lang, 'employer.answer').toLowerCase(),
          });
          return showEmployerIntro(request, reply, employer, id, { error }, 400);
        }
        default:
          throw new AppError('LOTSA_NOT_FOUND');
      }
    },
  );

  // ------------------------------------------------------------------ duplicates

  function pageOf(request: FastifyRequest, reply: FastifyReply, view: PageView, status = 200) {
    return reply.adminPage({ ...view, path: PATHS.duplicates, navPath: PATHS.cases }, { status });
  }

  async function showDuplicates(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: CaseScope,
    done?: string,
  ) {
    const found = await findDuplicates(db, scope);
    const caseIds = [
      ...new Set([...found.pairs.flatMap((p) => [p.a, p.b]), ...found.links.map((l) => l.caseId)]),
    ];
    const [cases, persons] = await Promise.all([
      caseSummaries(db, scope.regionId, caseIds),
      personSummaries(
        db,
        scope.regionId,
        found.links.map((l) => l.personId),
      ),
    ]);
    const view = duplicatesPage(adminLang(request), reply.csrfToken(), found, cases, persons, done);
    return pageOf(request, reply, view);
  }

  app.get(PATHS.duplicates, { schema: { querystring: AnyQuery }, config: work }, async (request, reply) => {
    const scope = await scopeOf(request);
    const lang = adminLang(request);
    const q = request.query;
    const ref = queryText(q.ref).slice(0, 20);
    const notices = {
      linked: 'dup.linked',
      confirm: 'dup.confirmSent',
      confirm_recent: 'dup.confirmRecent',
    } as const;
    const done =
      q.done === 'merged' && /^\d+$/.test(ref)
        ? careersMessages.t(lang, 'dup.merged', { ref })
        : typeof q.done === 'string' && Object.hasOwn(notices, q.done)
          ? careersMessages.t(lang, notices[q.done as keyof typeof notices])
          : undefined;
    return showDuplicates(request, reply, scope, done);
  });

  app.post(
    `${PATHS.duplicates}/link`,
    { schema: { body: FormBody('person') }, config: work },
    async (request, reply) => {
      const scope = await scopeOf(request);
      const outcome = await linkToProfile(db, scope, actorFor(request, scope), request.body.person);
      if (outcome.kind !== 'done') throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(`${PATHS.duplicates}?done=linked`, 303);
    },
  );

  app.post(
    `${PATHS.duplicates}/confirm`,
    { schema: { body: FormBody('person') }, config: work },
    async (request, reply) => {
      const scope = await scopeOf(request);
      const outcome = await askToConfirm(
        db,
        deps.queue,
        scope,
        actorFor(request, scope),
        siteOrigin(request),
        request.body.person,
      );
      if (outcome.kind !== 'done') throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(
        `${PATHS.duplicates}?done=${outcome.already ? 'confirm_recent' : 'confirm'}`,
        303,
      );
    },
  );

  /** The merge page, or the clear refusal when the pair cannot be merged. */
  async function showMerge(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: CaseScope,
    a: unknown,
    b: unknown,
    options: { survivor?: string; error?: string; conflict?: string } = {},
    status = 200,
  ) {
    const lang = adminLang(request);
    const t = (key: Parameters<typeof careersMessages.t>[1], params?: Record<string, string>) =>
      careersMessages.t(lang, key, params);
    const check = await mergeable(db, scope, a, b);
    const back = { href: PATHS.duplicates, text: t('dup.title') };
    const title = t('dup.title');
    switch (check.kind) {
      case 'not-found':
        return pageOf(request, reply, messagePage(lang, title, t('merge.notFound'), back), 404);
      case 'self':
        return pageOf(request, reply, messagePage(lang, title, t('merge.self'), back), 400);
      case 'already':
        return pageOf(
          request,
          reply,
          messagePage(lang, title, t('merge.already', { ref: check.ref }), back),
          409,
        );
      case 'ok': {
        const [left, right] = await Promise.all([
          mergeSide(db, scope.regionId, check.a),
          mergeSide(db, scope.regionId, check.b),
        ]);
        const view = mergePage(lang, request.region, reply.csrfToken(), left, right, options);
        return pageOf(request, reply, view, status);
      }
    }
  }

  app.get(
    `${PATHS.duplicates}/merge`,
    { schema: { querystring: AnyQuery }, config: work },
    async (request, reply) => {
      const scope = await scopeOf(request);
      return showMerge(request, reply, scope, queryText(request.query.a), queryText(request.query.b));
    },
  );

  app.post(
    `${PATHS.duplicates}/merge`,
    { schema: { body: FormBody('a', 'b', 'survivor') }, config: work },
    async (request, reply) => {
      const scope = await scopeOf(request);
      const lang = adminLang(request);
      const { a, b, survivor } = request.body;
      const outcome = await mergeCases(db, scope, actorFor(request, scope), { a, b, survivor });
      switch (outcome.kind) {
        case 'done':
          return reply.redirect(`${PATHS.duplicates}?done=merged&ref=${outcome.survivor.ref}`, 303);
        case 'choose':
          return showMerge(
            request,
            reply,
            scope,
            a,
            b,
            { error: careersMessages.t(lang, 'merge.chooseSurvivor') },
            400,
          );
        case 'conflict':
          return showMerge(
            request,
            reply,
            scope,
            a,
            b,
            {
              survivor,
              conflict: careersMessages.t(lang, 'merge.conflict', { names: outcome.names.join('; ') }),
            },
            409,
          );
        default:
          return showMerge(request, reply, scope, a, b);
      }
    },
  );
}
