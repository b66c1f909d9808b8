/**
 * The household's routes: the own moving page and its forms (Permission.SignedIn; a case, person,
 * step or document not the account's own is 404), the navigators' document download
 * (Permission.CasesWork, the case in scope), and the follow-up survey behind its e-mailed link
 * (Public, rate-limited POST).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { bodyField } from '../../../platform/html/forms.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { doneOf, isUuid, uuidParam } from '../../../platform/http/params.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import {
  AnyQuery,
  FormBody,
  LangParams,
  PathParams,
  typed,
  type App,
} from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import type { Region } from '../../../platform/region.ts';
import { storageFor } from '../../../platform/storage/index.ts';
import { parseUpload, type UploadBody } from '../../content/media/upload.ts';
import { caseInScope, caseScopeOf, navigatorName } from '../cases.ts';
import { CONSENT_PURPOSES, isOneOf, PATHS } from '../model.ts';
import { answerFollowup, followupByToken, readSurvey, SURVEY_FIELDS } from './followups.ts';
import { surveyPage, surveyDonePage } from './survey-views.ts';
import { documentOf, documentsOf, liveConsentDates, navigatorOf, nextMeeting } from './repository.ts';
import {
  checklistOf,
  DOCUMENT_CONTENT_TYPES,
  deleteDocument,
  linkCasesByEmail,
  MAX_DOCUMENT_BYTES,
  ownCases,
  saveHousehold,
  setConsent,
  tickStep,
  uploadDocument,
  type OwnCase,
  type UploadError,
} from './service.ts';
import { movePage, MOVE_DONE, noCasePage, type CaseView, type MoveDone } from './views.ts';

const signedIn = { permission: Permission.SignedIn } as const;
const casesWork = { permission: Permission.CasesWork } as const;
/** Survey answers from one address: generous for a household, a wall for a script. */
export const SURVEY_PER_IP: RateLimitRule = { name: 'relocation-survey', max: 30, windowSeconds: 900 };

function accountOf(request: FastifyRequest) {
  const account = request.auth?.account;
  if (!account) throw new AppError('LOTSA_UNAUTHENTICATED');
  return account;
}

/** What the page shows of one case. */
async function caseView(db: Kysely<DB>, regionId: string, own: OwnCase): Promise<CaseView> {
  const c = own.case;
  const [navigator, meeting, checklist, documents, consents] = await Promise.all([
    c.navigator_id ? navigatorOf(db, regionId, c.navigator_id) : undefined,
    nextMeeting(db, regionId, c.id),
    checklistOf(db, regionId, c, own.persons),
    documentsOf(db, regionId, c.id),
    liveConsentDates(
      db,
      regionId,
      own.actsFor.map((p) => p.id),
    ),
  ]);
  return {
    own,
    navigator: navigator
      ? {
          name: navigatorName(navigator),
          organisation: navigator.organisation ?? '',
        }
      : null,
    meeting: meeting ?? null,
    checklist,
    consents,
    documents,
  };
}

export function registerHouseholdRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;
  const storage = storageFor(deps.config);
  const movePath = (lang: Lang, done: MoveDone, anchor = '') =>
    `${localPath(lang, PATHS.ownMove)}?done=${done}${anchor}`;

  async function showMove(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    options: { done?: MoveDone; status?: number; patch?: (v: CaseView) => CaseView } = {},
  ) {
    const account = accountOf(request);
    await linkCasesByEmail(db, request.region.id, account.id, account.email);
    const cases = await ownCases(db, request.region.id, account.id);
    if (cases.length === 0) return reply.page(noCasePage(lang), { cache: 'no-store' });
    const views = await Promise.all(cases.map((own) => caseView(db, request.region.id, own)));
    const page = movePage(
      { lang, csrf: reply.csrfToken(), done: options.done, cases: views.map(options.patch ?? ((v) => v)) },
      account.id,
    );
    return reply.page(page, { cache: 'no-store', status: options.status ?? 200 });
  }

  app.get(
    `/:lang${PATHS.ownMove}`,
    { schema: { params: LangParams, querystring: AnyQuery }, config: signedIn },
    async (request, reply) =>
      showMove(request, reply, langParam(request), { done: doneOf(request.query.done, MOVE_DONE) }),
  );

  app.post(
    `/:lang${PATHS.ownMove}/checklist`,
    { schema: { params: LangParams, body: FormBody('case', 'step', 'done') }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const { case: caseId = '', step = '', done = '' } = request.body;
      if (!isUuid(caseId) || !/^[a-z0-9-]{1,60}$/.test(step) || !['yes', 'no'].includes(done))
        throw new AppError('LOTSA_NOT_FOUND');
      const result = await tickStep(db, {
        regionId: request.region.id,
        accountId: accountOf(request).id,
        caseId: caseId.toLowerCase(),
        step,
        done: done === 'yes',
      });
      if (!result) throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(movePath(lang, done === 'yes' ? 'ticked' : 'unticked', `#step-${step}`), 303);
    },
  );

  app.post(
    `/:lang${PATHS.ownMove}/household`,
    {
      schema: {
        params: LangParams,
        body: AnyQuery,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const body = request.body as Record<string, unknown>;
      const caseId = bodyField(body, 'case');
      if (!isUuid(caseId)) throw new AppError('LOTSA_NOT_FOUND');
      const citizenship: Record<string, string> = {};
      for (const [name, value] of Object.entries(body)) {
        const id = /^citizenship_([0-9a-f-]{36})$/i.exec(name)?.[1];
        if (id && typeof value === 'string') citizenship[id.toLowerCase()] = value;
      }
      const values = {
        citizenship,
        children: bodyField(body, 'children').slice(0, 200),
        housing: bodyField(body, 'housing'),
      };
      const result = await saveHousehold(db, {
        regionId: request.region.id,
        accountId: accountOf(request).id,
        caseId: caseId.toLowerCase(),
        values,
      });
      if (!result) throw new AppError('LOTSA_NOT_FOUND');
      if (result.kind === 'saved') return reply.redirect(movePath(lang, 'household'), 303);
      return showMove(request, reply, lang, {
        status: 400,
        patch: (v) =>
          v.own.case.id === caseId.toLowerCase() ? { ...v, household: { values, errors: result.errors } } : v,
      });
    },
  );

  app.post(
    `/:lang${PATHS.ownMove}/consent`,
    {
      schema: { params: LangParams, body: FormBody('case', 'person', 'purpose', 'action') },
      config: signedIn,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const { case: caseId = '', person = '', purpose = '', action = '' } = request.body;
      if (
        !isUuid(caseId) ||
        !isUuid(person) ||
        !isOneOf(CONSENT_PURPOSES, purpose) ||
        !['give', 'withdraw'].includes(action)
      )
        throw new AppError('LOTSA_NOT_FOUND');
      const mail = { queue: deps.queue, region: request.region, origin: siteOrigin(request) };
      const result = await setConsent(db, mail, {
        regionId: request.region.id,
        accountId: accountOf(request).id,
        caseId: caseId.toLowerCase(),
        personId: person.toLowerCase(),
        purpose,
        give: action === 'give',
      });
      if (result === undefined) throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(movePath(lang, 'consent'), 303);
    },
  );

  app.post(
    `/:lang${PATHS.ownMove}/documents/delete`,
    { schema: { params: LangParams, body: FormBody('case', 'document') }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const { case: caseId = '', document = '' } = request.body;
      if (!isUuid(caseId) || !isUuid(document)) throw new AppError('LOTSA_NOT_FOUND');
      const result = await deleteDocument(db, storage, {
        regionId: request.region.id,
        accountId: accountOf(request).id,
        caseId: caseId.toLowerCase(),
        documentId: document.toLowerCase(),
      });
      if (!result) throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(movePath(lang, 'deleted'), 303);
    },
  );

  // The upload in a scope of its own: its multipart parser (read before the CSRF check, the file
  // kept in memory up to the limit, the rest of a larger one read and dropped) stays here.
  void app.register(async (plain) => {
    const scope = typed(plain);
    const limits = {
      maxBytes: MAX_DOCUMENT_BYTES,
      maxRequestBytes: MAX_DOCUMENT_BYTES * 2 + 1024 * 1024,
      fields: 5,
      fieldSize: 200,
    };
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      scope.addContentTypeParser('multipart/form-data', (request, _payload, done) =>
        parseUpload(request.raw, limits, (error, body) => done(error, body)),
      );
    }
    scope.post(
      `/:lang${PATHS.ownMove}/documents`,
      { schema: { params: LangParams }, config: { ...signedIn, rateLimit: UPLOADS_PER_IP } },
      async (request, reply) => {
        const lang = langParam(request);
        const body = (request.body ?? {}) as UploadBody;
        const caseId = typeof body.case === 'string' ? body.case : '';
        if (!isUuid(caseId)) throw new AppError('LOTSA_NOT_FOUND');
        const result = await uploadDocument(db, storage, {
          regionId: request.region.id,
          accountId: accountOf(request).id,
          caseId: caseId.toLowerCase(),
          file: Buffer.isBuffer(body.file) ? body.file : undefined,
          fileName: typeof body.fileName === 'string' ? body.fileName : undefined,
          tooLarge: body.fileTooLarge === true,
        });
        if (!result) throw new AppError('LOTSA_NOT_FOUND');
        if (result.kind === 'done') return reply.redirect(movePath(lang, 'uploaded'), 303);
        const error: UploadError = result.error;
        return showMove(request, reply, lang, {
          status: error === 'tooLarge' ? 413 : 400,
          patch: (v) => (v.own.case.id === caseId.toLowerCase() ? { ...v, uploadError: error } : v),
        });
      },
    );
  });

  // The navigators' download of a shared document: the case in their scope, as an attachment.
  /** A stored document as an attachment: its allowed type only, never sniffed, never cached. */
  async function sendDocument(reply: FastifyReply, doc: Awaited<ReturnType<typeof documentOf>>) {
    if (!doc) throw new AppError('LOTSA_NOT_FOUND');
    const stored = await storage.get(doc.storage_key);
    if (!stored) throw new AppError('LOTSA_NOT_FOUND');
    const type = DOCUMENT_CONTENT_TYPES.includes(doc.content_type)
      ? doc.content_type
      : 'application/octet-stream';
    const ascii = doc.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    );
    reply.header('content-length', stored.length);
    return reply.type(type).send(stored.body);
  }

  app.get(
    `${PATHS.cases}/:id/documents/:docId`,
    { schema: { params: PathParams('id', 'docId') }, config: casesWork },
    async (request, reply) => {
      const caseId = uuidParam(request.params.id);
      const docId = uuidParam(request.params.docId);
      const scope = await caseScopeOf(db, request.region.id, request.auth ?? undefined);
      if (!scope) throw new AppError('LOTSA_NOT_FOUND');
      const c = await caseInScope(db, scope, caseId);
      if (!c) throw new AppError('LOTSA_NOT_FOUND');
      return sendDocument(reply, await documentOf(db, request.region.id, c.id, docId));
    },
  );

  // The household downloads what it shared (any adult of the case).
  app.get(
    `/:lang${PATHS.ownMove}/documents/:docId`,
    { schema: { params: PathParams('lang', 'docId') }, config: signedIn },
    async (request, reply) => {
      langParam(request);
      const docId = uuidParam(request.params.docId);
      const own = await ownCases(db, request.region.id, accountOf(request).id);
      for (const o of own) {
        const doc = await documentOf(db, request.region.id, o.case.id, docId);
        if (doc) return sendDocument(reply, doc);
      }
      throw new AppError('LOTSA_NOT_FOUND');
    },
  );

  // The follow-up survey behind its e-mailed link. GET never spends the link.
  const surveyPath = `/:lang${PATHS.move}/followup/:token`;
  async function showSurvey(
    request: FastifyRequest,
    reply: FastifyReply,
    region: Region,
    lang: Lang,
    token: string,
  ) {
    const found = await followupByToken(db, region.id, token);
    if (!found) return reply.page(surveyDonePage(lang, 'gone'), { status: 404, cache: 'no-store' });
    if (found.answered_at)
      return reply.page(surveyDonePage(lang, 'already'), { status: 409, cache: 'no-store' });
    return undefined;
  }

  app.get(
    surveyPath,
    { schema: { params: PathParams('lang', 'token') }, config: { permission: Permission.Public } },
    async (request, reply) => {
      const lang = langParam(request);
      const token = request.params.token;
      const shown = await showSurvey(request, reply, request.region, lang, token);
      if (shown) return shown;
      const found = (await followupByToken(db, request.region.id, token))!;
      return reply.page(
        surveyPage({
          lang,
          region: request.region,
          csrf: reply.csrfToken(),
          token,
          hasPartner: found.hasPartner,
          values: {},
          errors: {},
        }),
        { cache: 'no-store' },
      );
    },
  );

  app.post(
    surveyPath,
    {
      schema: { params: PathParams('lang', 'token'), body: FormBody(...SURVEY_FIELDS) },
      config: { permission: Permission.Public, rateLimit: SURVEY_PER_IP },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const token = request.params.token;
      const shown = await showSurvey(request, reply, request.region, lang, token);
      if (shown) return shown;
      const found = (await followupByToken(db, request.region.id, token))!;
      const read = readSurvey(request.body, request.region, found.hasPartner);
      if (!read.ok) {
        return reply.page(
          surveyPage({
            lang,
            region: request.region,
            csrf: reply.csrfToken(),
            token,
            hasPartner: found.hasPartner,
            values: read.values,
            errors: read.errors,
          }),
          { status: 400, cache: 'no-store' },
        );
      }
      const answered = await answerFollowup(db, request.region, token, read.answers);
      if (answered === 'gone')
        return reply.page(surveyDonePage(lang, 'gone'), { status: 404, cache: 'no-store' });
      if (answered === 'already')
        return reply.page(surveyDonePage(lang, 'already'), { status: 409, cache: 'no-store' });
      return reply.page(surveyDonePage(lang, 'thanks'), { cache: 'no-store' });
    },
  );
}

/** Uploads from one address. */
export const UPLOADS_PER_IP: RateLimitRule = { name: 'relocation-documents', max: 60, windowSeconds: 900 };
