/**
 * The company pages' back-office routes under /admin/companies. Thin: read input, one service
 * call, render. CompanyEdit for an employer's own page (another's is 404) and for the region's
 * staff on every page; CompanyApprove for the region's list, review, publishing steps, new pages,
 * settings, invitations and the competence needs' export.
 */
import { employerPagesChanged } from '../public/index.ts';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import type { AdminNavItem } from '../../../platform/html/layout.ts';
import { RICHTEXT_SCRIPT } from '../../../platform/html/richtext-field.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { IdPageSchema, IdParams, PageSchema, queryText, uuidParam } from '../../../platform/http/params.ts';
import { FormBody, typed, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { storageFor } from '../../../platform/storage/index.ts';
import { getOrganisation } from '../../identity/organisations/service.ts';
import { mediaLimits } from '../../content/media/module.ts';
import { addMediaUsageLookup, imagesBySlug } from '../../content/media/service.ts';
import { parseUpload, type UploadBody } from '../../content/media/upload.ts';
import { COMPANY_LIMITS, COMPANY_STATUSES, badgesChanged } from '../model.ts';
import { getCompanyVersion, type Company } from '../store.ts';
import { changedLabels, compareFields, occupationIds, type CompareNames } from './compare.ts';
import { needsCsv } from './csv.ts';
import { editPage, type EditModel } from './edit-views.ts';
import { formValuesOf, valuesOf, type FieldErrors, type FormValues } from './form.ts';
import { companyAdminMessages } from './messages.ts';
import {
  companyImageUsage,
  companyNeeds,
  companySettings,
  exportNeeds,
  lastReturn,
  listCompanies,
  occupationsById,
  pageStats,
} from './repository.ts';
import {
  NEEDS_CSV_PATH,
  NEW_PATH,
  OWN_PATH,
  SETTINGS_PATH,
  COMPANIES_PATH,
  companyPath,
  imagesPage,
  languageName,
  listPage,
  needsPage,
  newPage,
  ownPage,
  reviewPage,
  settingsPage,
  translator,
  type ReviewModel,
} from './views.ts';
import {
  NEED_ROWS_EMPTY,
  NEW_COMPANY_FIELDS,
  PHOTO_FIELDS,
  accountNames,
  approveCompany,
  claimOwn,
  companyFor,
  createForCompany,
  createOwn,
  featureCompany,
  inviteCompanyAdmin,
  lookUpOccupations,
  megabytes,
  needRefs,
  offeredImages,
  ownPage as ownPageState,
  returnCompany,
  saveCompany,
  saveNeeds,
  saveSettings,
  storyChoices,
  submitCompany,
  unpublishOne,
  uploadPhoto,
  type CompanyAdminDeps,
  type Editor,
  type NewCompanyInput,
  type PhotoValues,
  type Reason,
  type Result,
} from './service.ts';

const edit = { permission: Permission.CompanyEdit } as const;
const approve = { permission: Permission.CompanyApprove } as const;
const PAGE_SIZE = 50;
/** The edit form url-encoded: two rich texts per language, career paths, the rest. */
const EDIT_BODY_LIMIT = 2 * 1024 * 1024;

/** A form's body, url-encoded or multipart (a file and whether it was too large, besides the fields). */
const EditBody = Type.Object(
  { file: Type.Optional(Type.Unsafe<Buffer>({})), fileTooLarge: Type.Optional(Type.Boolean()) },
  { additionalProperties: Type.Union([Type.String(), Type.Array(Type.String())]) },
);

const DONE = [
  'created',
  'claimed',
  'saved',
  'published',
  'review',
  'reviewBadges',
  'submitted',
  'approved',
  'returned',
  'unpublished',
  'featured',
  'unfeatured',
  'invited',
] as const;
type Done = (typeof DONE)[number];
const VERSIONED: readonly Done[] = ['saved', 'published', 'review', 'reviewBadges', 'approved'];

/** A version number as typed: a whole number from 1 up to what the database holds. */
function positive(value: unknown): number | undefined {
  const n = Number(typeof value === 'string' ? value : '');
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : undefined;
}

export function editorOf(request: FastifyRequest): Editor {
  const person = personOf(request);
  return {
    regionId: request.region.id,
    accountId: person.account.id,
    actor: actorOf(person),
    organisationId: person.organisation?.id ?? null,
    lang: adminLang(request),
    staff: person.permissions.has(Permission.CompanyApprove),
    canInvite: person.permissions.has(Permission.OrgsManage),
  };
}

function compareNames(
  request: FastifyRequest,
  lang: EditModel['lang'],
  labels: Map<string, string>,
): CompareNames {
  const municipalities = new Map(request.region.municipalities.map((m) => [m.code, m.shortName]));
  return {
    municipality: (code) => municipalities.get(code) ?? code,
    occupation: (id) => labels.get(id) ?? id,
    language: (code) => languageName(lang, code),
  };
}

async function occupationLabels(deps: CompanyAdminDeps, lang: EditModel['lang'], ids: string[]) {
  const found = await occupationsById(deps.db, ids);
  return new Map([...found].map(([id, o]) => [id, lang === 'en' ? (o.labelEn ?? o.label) : o.label]));
}

type EditExtra = Partial<
  Pick<EditModel, 'values' | 'base' | 'errors' | 'done' | 'refused' | 'conflict' | 'invite'>
>;

/** The edit page and what follows a step, for one app. */
function editPages(deps: CompanyAdminDeps) {
  const { db } = deps;

  async function showEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    editor: Editor,
    companyId: string,
    extra: EditExtra = {},
    status = 200,
  ) {
    const company = await companyFor(db, editor, companyId);
    if (!company) throw new AppError('LOTSA_NOT_FOUND');
    const latest = await getCompanyVersion(db, editor.regionId, company);
    if (!latest) throw new AppError('LOTSA_NOT_FOUND');
    const values = extra.values ?? valuesOf(latest.data);
    const [occupations, images, stories, settings, stats, owner, waiting, returned] = await Promise.all([
      lookUpOccupations(db, values),
      offeredImages(db, editor, company),
      storyChoices(db, editor.regionId, editor.lang),
      companySettings(db, editor.regionId),
      pageStats(db, editor.regionId, company.id),
      company.organisationId ? getOrganisation(db, editor.regionId, company.organisationId) : undefined,
      waitingLabels(request, editor, company),
      returnNote(editor, company),
    ]);
    const kept = [...(latest.data.logo ? [latest.data.logo] : []), ...latest.data.photos];
    const page = editPage({
      lang: editor.lang,
      csrf: reply.csrfToken(),
      company,
      name: latest.data.name,
      base: company.version,
      errors: {},
      municipalities: request.region.municipalities,
      images,
      keptImages: kept,
      stories,
      occupations: occupations.occupations,
      found: occupations.found,
      staff: editor.staff,
      canInvite: editor.canInvite,
      directTextEdits: settings.directTextEdits,
      stats,
      owner: owner?.name,
      waiting,
      returned,
      maxMegabytes: megabytes(deps.media.limits.maxBytes),
      ...extra,
      values,
    });
    return reply.adminPage(
      { ...page, path: companyPath(company.id), navPath: COMPANIES_PATH, scripts: [RICHTEXT_SCRIPT] },
      { status },
    );
  }

  /** What changed in the version waiting for review of a published page (by field label). */
  async function waitingLabels(request: FastifyRequest, editor: Editor, company: Company) {
    if (company.status !== 'published' || company.reviewVersion === null || company.publishedVersion === null)
      return undefined;
    const [live, next] = await Promise.all([
      getCompanyVersion(db, editor.regionId, company, company.publishedVersion),
      getCompanyVersion(db, editor.regionId, company, company.reviewVersion),
    ]);
    if (!live || !next) return undefined;
    const labels = await occupationLabels(deps, editor.lang, occupationIds(live.data, next.data));
    return changedLabels(editor.lang, live.data, next.data, compareNames(request, editor.lang, labels));
  }

  async function returnNote(editor: Editor, company: Company) {
    if (company.reviewVersion !== null) return undefined;
    const last = await lastReturn(db, editor.regionId, company.id);
    if (!last) return undefined;
    const names = await accountNames(db, editor.regionId, [last.actorId]);
    return { comment: last.comment, by: names.get(last.actorId ?? '') ?? '', at: last.at };
  }

  /** After a step: to the edit page with a notice, or the page again saying why not. */
  async function afterStep(
    request: FastifyRequest,
    reply: FastifyReply,
    editor: Editor,
    companyId: string,
    result: Result,
    done: Done,
  ) {
    if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
    if (result.kind === 'done') {
      const v = result.version ? `&v=${result.version}` : '';
      return reply.redirect(`${companyPath(companyId)}?done=${done}${v}`, 303);
    }
    if (result.kind === 'refused')
      return showEdit(request, reply, editor, companyId, { refused: result.reasons }, 409);
    return showEdit(request, reply, editor, companyId, { errors: result.errors }, 400);
  }

  return { showEdit, afterStep };
}

/**
 * The back-office's routes in a scope of their own inside the module's: its multipart parser stays
 * with them (the module's other parts register theirs beside it).
 */
export async function registerCompanyAdminRoutes(app: App, moduleDeps: ModuleDeps): Promise<void> {
  await app.register(async (scope) => registerInScope(typed(scope), moduleDeps));
}

function registerInScope(app: App, moduleDeps: ModuleDeps): void {
  const deps: CompanyAdminDeps = {
    db: moduleDeps.database.db,
    media: {
      db: moduleDeps.database.db,
      storage: storageFor(moduleDeps.config),
      limits: mediaLimits(moduleDeps.config),
      rateLimiter: moduleDeps.rateLimiter,
    },
    queue: moduleDeps.queue,
    rateLimiter: moduleDeps.rateLimiter,
    secret: moduleDeps.secret,
    pagesChanged: employerPagesChanged,
  };
  const uploadLimits = {
    maxBytes: deps.media.limits.maxBytes,
    maxRequestBytes: deps.media.limits.maxBytes * 2 + EDIT_BODY_LIMIT,
    fields: 1_000,
    fieldSize: 200_000,
  };
  // The edit form and the images' upload are multipart (a file); parsed before the CSRF check, as
  // the media library's upload (its parser: a file over the limit is kept out, the form kept).
  app.addContentTypeParser('multipart/form-data', (request, payload, done) =>
    parseUpload(request.raw, uploadLimits, (error, body) => done(error, body)),
  );
  // The media library's "used on" knows the pages' logos and photos: an image a page shows is
  // never deleted or renamed from under it.
  addMediaUsageLookup(companyImageUsage);
  const pages = editPages(deps);
  registerLists(app, deps);
  registerEdit(app, deps, pages);
  registerRegionSteps(app, deps, pages);
  registerImagesAndNeeds(app, deps);
}

/** The region's list, the employer's own page, a new page, the settings and the export. */
function registerLists(app: App, deps: CompanyAdminDeps): void {
  const { db } = deps;
  app.get(COMPANIES_PATH, { schema: PageSchema, config: edit }, async (request, reply) => {
    const editor = editorOf(request);
    if (!editor.staff) return reply.redirect(OWN_PATH, 303);
    const statusText = queryText(request.query.status);
    const status = COMPANY_STATUSES.find((s) => s === statusText);
    const review = queryText(request.query.review) === '1';
    const page = positive(queryText(request.query.page)) ?? 1;
    const { rows, total } = await listCompanies(db, editor.regionId, {
      status,
      review,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const query = (n: number) => {
      const params = new URLSearchParams();
      if (status) params.set('status', status);
      if (review) params.set('review', '1');
      if (n > 1) params.set('page', String(n));
      const text = params.toString();
      return text ? `${COMPANIES_PATH}?${text}` : COMPANIES_PATH;
    };
    const view = listPage({
      lang: editor.lang,
      rows,
      total,
      page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      filter: { status: status ?? '', review },
      query,
      canCreate: true,
    });
    return reply.adminPage({ ...view, path: COMPANIES_PATH });
  });

  const showOwn = async (request: FastifyRequest, reply: FastifyReply, refused?: Reason[], status = 200) => {
    const editor = editorOf(request);
    if (editor.staff) return reply.redirect(COMPANIES_PATH, 303);
    const state = await ownPageState(db, editor);
    if (state.kind === 'page') return reply.redirect(companyPath(state.company.id), 303);
    const view = ownPage({ lang: editor.lang, csrf: reply.csrfToken(), state, refused });
    return reply.adminPage({ ...view, path: OWN_PATH, navPath: COMPANIES_PATH }, { status });
  };
  app.get(OWN_PATH, { schema: PageSchema, config: edit }, (request, reply) => showOwn(request, reply));

  for (const [action, run, done] of [
    ['claim', claimOwn, 'claimed'],
    ['create', createOwn, 'created'],
  ] as const) {
    app.post(
      `${OWN_PATH}/${action}`,
      { schema: { body: FormBody() }, config: edit },
      async (request, reply) => {
        const editor = editorOf(request);
        if (editor.staff) return reply.redirect(COMPANIES_PATH, 303);
        const result = await run(deps, editor);
        if (result.kind === 'done') return reply.redirect(`${companyPath(result.id)}?done=${done}`, 303);
        return showOwn(request, reply, result.kind === 'refused' ? result.reasons : undefined, 409);
      },
    );
  }

  const showNew = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: NewCompanyInput,
    errors: FieldErrors,
    status = 200,
  ) => {
    const view = newPage({ lang: adminLang(request), csrf: reply.csrfToken(), values, errors });
    return reply.adminPage({ ...view, path: NEW_PATH, navPath: COMPANIES_PATH }, { status });
  };
  app.get(NEW_PATH, { schema: PageSchema, config: approve }, (request, reply) =>
    showNew(request, reply, { name: '', org_number: '' }, {}),
  );
  app.post(
    NEW_PATH,
    { schema: { body: FormBody(...NEW_COMPANY_FIELDS) }, config: approve },
    async (request, reply) => {
      const values = { name: request.body.name ?? '', org_number: request.body.org_number ?? '' };
      const result = await createForCompany(deps, editorOf(request), values);
      if (result.kind === 'done') return reply.redirect(`${companyPath(result.id)}?done=created`, 303);
      return showNew(request, reply, values, result.kind === 'invalid' ? result.errors : {}, 400);
    },
  );

  const showSettings = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { value?: string; errors?: FieldErrors; done?: boolean },
    status = 200,
  ) => {
    const settings = await companySettings(db, request.region.id);
    const view = settingsPage({
      lang: adminLang(request),
      csrf: reply.csrfToken(),
      value: form.value ?? (settings.directTextEdits ? 'yes' : 'no'),
      errors: form.errors ?? {},
      done: form.done,
    });
    return reply.adminPage({ ...view, path: SETTINGS_PATH, navPath: COMPANIES_PATH }, { status });
  };
  app.get(SETTINGS_PATH, { schema: PageSchema, config: approve }, (request, reply) =>
    showSettings(request, reply, { done: queryText(request.query.done) === 'saved' }),
  );
  app.post(
    SETTINGS_PATH,
    { schema: { body: FormBody('direct') }, config: approve },
    async (request, reply) => {
      const value = request.body.direct ?? '';
      const result = await saveSettings(deps, editorOf(request), value);
      if (result.kind === 'done') return reply.redirect(`${SETTINGS_PATH}?done=saved`, 303);
      return showSettings(
        request,
        reply,
        { value, errors: result.kind === 'invalid' ? result.errors : {} },
        400,
      );
    },
  );

  app.get(NEEDS_CSV_PATH, { schema: PageSchema, config: approve }, async (request, reply) => {
    const lang = adminLang(request);
    const rows = await exportNeeds(db, request.region.id);
    const name = companyAdminMessages.t(lang, 'csv.file');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(needsCsv(lang, rows));
  });
}

/** The edit page, its save and sending it for review. */
function registerEdit(app: App, deps: CompanyAdminDeps, pages: ReturnType<typeof editPages>): void {
  const { showEdit, afterStep } = pages;
  app.get(`${COMPANIES_PATH}/:id`, { schema: IdPageSchema, config: edit }, async (request, reply) => {
    const editor = editorOf(request);
    const id = uuidParam(request.params.id);
    const version = positive(queryText(request.query.v));
    const done = DONE.find((d) => d === queryText(request.query.done) && (version || !VERSIONED.includes(d)));
    const t = translator(editor.lang);
    const notice = done ? t(`done.${done}`, { version: String(version ?? '') }) : undefined;
    return showEdit(request, reply, editor, id, { done: notice });
  });

  app.post(
    `${COMPANIES_PATH}/:id`,
    { schema: { params: IdParams, body: EditBody }, config: edit, bodyLimit: EDIT_BODY_LIMIT },
    async (request, reply) => {
      const editor = editorOf(request);
      const id = uuidParam(request.params.id);
      const body = request.body as UploadBody;
      const values: FormValues = formValuesOf(body);
      const base = positive(values.base) ?? 0;
      const result = await saveCompany(deps, editor, id, {
        base,
        values,
        logo: {
          file: Buffer.isBuffer(body.file) ? body.file : undefined,
          tooLarge: body.fileTooLarge === true,
        },
        municipalities: request.region.municipalities.map((m) => m.code),
      });
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      if (result.kind === 'invalid') {
        const status = result.errors.logo_file?.key === 'error.logoTooLarge' ? 413 : 400;
        return showEdit(
          request,
          reply,
          editor,
          id,
          { values: result.values, base, errors: result.errors },
          status,
        );
      }
      if (result.kind === 'limited') {
        reply.header('retry-after', String(result.retryAfter));
        const minutes = String(Math.ceil(result.retryAfter / 60));
        return showEdit(
          request,
          reply,
          editor,
          id,
          { values: result.values, base, refused: [{ key: 'refused.tooManySaves', params: { minutes } }] },
          429,
        );
      }
      if (result.kind === 'conflict') {
        const names = compareNames(
          request,
          editor.lang,
          await occupationLabels(deps, editor.lang, occupationIds(result.base?.data, result.current.data)),
        );
        const changes = compareFields(editor.lang, result.base?.data ?? null, result.current.data, names);
        const conflict = {
          version: result.current.version,
          authorName: result.authorName,
          savedAt: result.current.savedAt,
          base: result.base?.version ?? base,
          changes: result.base ? changes : [],
        };
        return showEdit(
          request,
          reply,
          editor,
          id,
          { values: result.values, base: result.current.version, conflict },
          409,
        );
      }
      // "Spara och skicka för granskning": the version just saved goes to the region (a page that
      // is live or already waiting is refused by submitCompany, saying why).
      if (values.then === 'submit' && result.outcome === 'saved') {
        const submitted = await submitCompany(deps, editor, id, result.version);
        return afterStep(request, reply, editor, id, submitted, 'submitted');
      }
      const done: Done = result.outcome === 'review-badges' ? 'reviewBadges' : result.outcome;
      return reply.redirect(`${companyPath(id)}?done=${done}&v=${result.version}`, 303);
    },
  );

  app.post(
    `${COMPANIES_PATH}/:id/submit`,
    { schema: { params: IdParams, body: FormBody('shown') }, config: edit },
    async (request, reply) => {
      const editor = editorOf(request);
      const id = uuidParam(request.params.id);
      const result = await submitCompany(deps, editor, id, positive(request.body.shown));
      return afterStep(request, reply, editor, id, result, 'submitted');
    },
  );
}

/** The region's steps: review, approve, send back, unpublish, feature, invite. */
function registerRegionSteps(app: App, deps: CompanyAdminDeps, pages: ReturnType<typeof editPages>): void {
  const { db } = deps;
  const { showEdit, afterStep } = pages;

  async function showReview(
    request: FastifyRequest,
    reply: FastifyReply,
    editor: Editor,
    id: string,
    extra: Partial<Pick<ReviewModel, 'comment' | 'errors' | 'refused'>> = {},
    status = 200,
  ) {
    const company = await companyFor(db, editor, id);
    if (!company) throw new AppError('LOTSA_NOT_FOUND');
    const latest = await getCompanyVersion(db, editor.regionId, company);
    const next =
      company.reviewVersion !== null
        ? await getCompanyVersion(db, editor.regionId, company, company.reviewVersion)
        : undefined;
    const live =
      next && company.status === 'published' && company.publishedVersion !== null
        ? await getCompanyVersion(db, editor.regionId, company, company.publishedVersion)
        : undefined;
    const labels = await occupationLabels(deps, editor.lang, occupationIds(live?.data, next?.data));
    const changes = next
      ? compareFields(editor.lang, live?.data ?? null, next.data, compareNames(request, editor.lang, labels))
      : [];
    const slugs = next ? [...(next.data.logo ? [next.data.logo] : []), ...next.data.photos] : [];
    const pictures = await imagesBySlug(db, editor.regionId, slugs);
    const view = reviewPage({
      lang: editor.lang,
      csrf: reply.csrfToken(),
      company,
      name: latest?.data.name ?? company.name,
      version: next ? next.version : null,
      changes,
      badgesChanged: next ? badgesChanged(live?.data ?? null, next.data) : false,
      pictures: slugs.flatMap((slug) => pictures.get(slug) ?? []),
      comment: extra.comment ?? '',
      errors: extra.errors ?? {},
      refused: extra.refused,
    });
    return reply.adminPage(
      { ...view, path: `${companyPath(id)}/review`, navPath: COMPANIES_PATH },
      { status },
    );
  }

  app.get(`${COMPANIES_PATH}/:id/review`, { schema: IdPageSchema, config: approve }, async (request, reply) =>
    showReview(request, reply, editorOf(request), uuidParam(request.params.id)),
  );

  app.post(
    `${COMPANIES_PATH}/:id/approve`,
    { schema: { params: IdParams, body: FormBody('shown') }, config: approve },
    async (request, reply) => {
      const editor = editorOf(request);
      const id = uuidParam(request.params.id);
      const result = await approveCompany(deps, editor, id, positive(request.body.shown));
      if (result.kind === 'refused')
        return showReview(request, reply, editor, id, { refused: result.reasons }, 409);
      return afterStep(request, reply, editor, id, result, 'approved');
    },
  );

  app.post(
    `${COMPANIES_PATH}/:id/return`,
    { schema: { params: IdParams, body: FormBody('shown', 'comment') }, config: approve },
    async (request, reply) => {
      const editor = editorOf(request);
      const id = uuidParam(request.params.id);
      const comment = request.body.comment ?? '';
      const result = await returnCompany(deps, editor, id, comment, positive(request.body.shown));
      if (result.kind === 'refused')
        return showReview(request, reply, editor, id, { comment, refused: result.reasons }, 409);
      if (result.kind === 'invalid')
        return showReview(request, reply, editor, id, { comment, errors: result.errors }, 400);
      return afterStep(request, reply, editor, id, result, 'returned');
    },
  );

  app.post(
    `${COMPANIES_PATH}/:id/unpublish`,
    { schema: { params: IdParams, body: FormBody() }, config: approve },
    async (request, reply) => {
      const editor = editorOf(request);
      const id = uuidParam(request.params.id);
      return afterStep(request, reply, editor, id, await unpublishOne(deps, editor, id), 'unpublished');
    },
  );

  app.post(
    `${COMPANIES_PATH}/:id/feature`,
    { schema: { params: IdParams, body: FormBody('featured') }, config: approve },
    async (request, reply) => {
      const editor = editorOf(request);
      const id = uuidParam(request.params.id);
      const featured = request.body.featured === 'yes';
      const result = await featureCompany(deps, editor, id, featured);
      return afterStep(request, reply, editor, id, result, featured ? 'featured' : 'unfeatured');
    },
  );

  app.post(
    `${COMPANIES_PATH}/:id/invite`,
    { schema: { params: IdParams, body: FormBody('email') }, config: approve },
    async (request, reply) => {
      const editor = editorOf(request);
      const id = uuidParam(request.params.id);
      const email = request.body.email ?? '';
      const person = personOf(request);
      const result = await inviteCompanyAdmin(deps, editor, id, {
        email,
        region: request.region,
        origin: siteOrigin(request),
        inviterName: person.account.displayName || person.account.email,
      });
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      if (result.kind === 'done') return reply.redirect(`${companyPath(id)}?done=invited`, 303);
      if (result.kind === 'refused')
        return showEdit(request, reply, editor, id, { refused: result.reasons }, 409);
      if (result.retryAfter) reply.header('retry-after', String(result.retryAfter));
      return showEdit(
        request,
        reply,
        editor,
        id,
        { invite: { email, errors: result.errors } },
        result.retryAfter ? 429 : 400,
      );
    },
  );
}

/** The page owner's images (and their upload) and the competence needs. */
function registerImagesAndNeeds(app: App, deps: CompanyAdminDeps): void {
  const { db } = deps;
  const emptyPhoto = Object.fromEntries(PHOTO_FIELDS.map((f) => [f, ''])) as PhotoValues;

  async function showImages(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { values?: PhotoValues; errors?: FieldErrors; done?: boolean },
    status = 200,
  ) {
    const editor = editorOf(request);
    const company = await companyFor(db, editor, id);
    if (!company) throw new AppError('LOTSA_NOT_FOUND');
    const latest = await getCompanyVersion(db, editor.regionId, company);
    const view = imagesPage({
      lang: editor.lang,
      csrf: reply.csrfToken(),
      company,
      name: latest?.data.name ?? company.name,
      images: await offeredImages(db, editor, company),
      values: form.values ?? emptyPhoto,
      errors: form.errors ?? {},
      maxMegabytes: megabytes(deps.media.limits.maxBytes),
      done: form.done,
    });
    return reply.adminPage(
      { ...view, path: `${companyPath(id)}/images`, navPath: COMPANIES_PATH },
      { status },
    );
  }

  app.get(`${COMPANIES_PATH}/:id/images`, { schema: IdPageSchema, config: edit }, (request, reply) =>
    showImages(request, reply, uuidParam(request.params.id), {
      done: queryText(request.query.done) === 'uploaded',
    }),
  );

  app.post(
    `${COMPANIES_PATH}/:id/images`,
    { schema: { params: IdParams, body: EditBody }, config: edit },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const body = request.body as UploadBody;
      const values = Object.fromEntries(
        PHOTO_FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string).trim() : '']),
      ) as PhotoValues;
      const result = await uploadPhoto(deps, editorOf(request), id, {
        values,
        file: Buffer.isBuffer(body.file) ? body.file : undefined,
        tooLarge: body.fileTooLarge === true,
      });
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      if (result.kind === 'done') return reply.redirect(`${companyPath(id)}/images?done=uploaded`, 303);
      const errors = result.kind === 'invalid' ? result.errors : {};
      const status = result.status ?? (errors.file?.key === 'error.logoTooLarge' ? 413 : 400);
      return showImages(request, reply, id, { values, errors }, status);
    },
  );

  async function showNeeds(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { values?: FormValues; errors?: FieldErrors; done?: boolean },
    status = 200,
  ) {
    const editor = editorOf(request);
    const company = await companyFor(db, editor, id);
    if (!company) throw new AppError('LOTSA_NOT_FOUND');
    const latest = await getCompanyVersion(db, editor.regionId, company);
    let values = form.values;
    if (!values) {
      const needs = await companyNeeds(db, editor.regionId, company.id);
      values = { rows: String(Math.min(needs.length + NEED_ROWS_EMPTY, COMPANY_LIMITS.competenceNeeds)) };
      needs.forEach((n, i) => {
        values![`need_${i}_occ`] = n.occupationId;
        values![`need_${i}_people`] = String(n.people);
      });
    }
    const { occupations, found } = await lookUpOccupations(db, values, needRefs(values));
    const view = needsPage({
      lang: editor.lang,
      csrf: reply.csrfToken(),
      company,
      name: latest?.data.name ?? company.name,
      values,
      errors: form.errors ?? {},
      occupations,
      found,
      done: form.done,
    });
    return reply.adminPage(
      { ...view, path: `${companyPath(id)}/needs`, navPath: COMPANIES_PATH },
      { status },
    );
  }

  app.get(`${COMPANIES_PATH}/:id/needs`, { schema: IdPageSchema, config: edit }, (request, reply) =>
    showNeeds(request, reply, uuidParam(request.params.id), {
      done: queryText(request.query.done) === 'saved',
    }),
  );

  app.post(
    `${COMPANIES_PATH}/:id/needs`,
    { schema: { params: IdParams, body: EditBody }, config: edit },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const values = formValuesOf(request.body as UploadBody);
      const result = await saveNeeds(deps, editorOf(request), id, values);
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      if (result.kind === 'done') return reply.redirect(`${companyPath(id)}/needs?done=saved`, 303);
      return showNeeds(request, reply, id, { values: result.values, errors: result.errors }, 400);
    },
  );
}

/** The back-office menu's item: "Företagssidor" — the region's list, or an employer's own page. */
export const companyAdminNavigation: readonly AdminNavItem[] = [
  {
    path: COMPANIES_PATH,
    label: (lang) => companyAdminMessages.t(lang, 'nav.companies'),
    permission: Permission.CompanyEdit,
    order: 25,
  },
];
