/**
 * The rules of the company pages' back-office. Takes plain values (who acts, a page's id, what was
 * typed) and returns what happened; every change runs in one transaction with its audit event.
 *
 *   draft ──submit──▶ review ──approve──▶ published ──unpublish──▶ unpublished ──submit──▶ review
 *     ▲                 │ send back                │ save: badges changed (or the region wants every
 *     └─────────────────┘ with a comment           ▼ edit reviewed) → waits for review, the published
 *                                                    version stays; other edits publish at once
 *
 * Who: an employer's admins and members edit their own organisation's page (another's is "not
 * found" to them) and can never publish what needs review; the region's editors and admins
 * (CompanyApprove) edit every page, approve, send back, unpublish, feature, create pages for
 * companies that have not claimed one, and — admins, who manage organisations — invite a
 * company's admin to take its page over.
 *
 * Taking over: the page and the employer organisation are matched by organisationsnummer, which
 * only the region registers (identity's organisations). Claiming ("Ta över sidan") links an
 * unclaimed page to the organisation of the same number; inviting links it at once to that
 * organisation (found, or created by the invitation), so whoever accepts — and only through an
 * invitation does anyone join an organisation — edits the page. No page is ever moved from one
 * organisation to another here.
 */
import { slugFromName } from '../../../platform/html/slug.ts';
import type { Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { RateLimiter, RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { detectImageType } from '../../../platform/images/index.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { imagesBySlug, usableImages, type MediaImage } from '../../content/media/service.ts';
import { TEXT_FIELDS, uploadImage, uploadWait, type MediaDeps } from '../../content/media/library.ts';
import { publishedList } from '../../content/store.ts';
import { findAccountById, isValidEmail, normalizeEmail } from '../../identity/accounts.ts';
import { countInvitation, createInvitation, isMemberAddress } from '../../identity/invitations/service.ts';
import { parseOrgNumber } from '../../identity/organisations/orgnr.ts';
import {
  createOrganisation,
  findByOrgNumber,
  getOrganisation,
  type Organisation,
} from '../../identity/organisations/service.ts';
import { COMPANY_LIMITS, badgesChanged, emptyCompany, type CompanyData } from '../model.ts';
import {
  claimCompany,
  companyByOrgNumber,
  companyOfOrganisation,
  getCompany,
  getCompanyVersion,
  insertCompany,
  lockCompany,
  publishCompanyVersion,
  requestCompanyReview,
  returnCompanyReview,
  saveCompanyVersion,
  setCompanyFeatured,
  unpublishCompany,
  type Company,
  type CompanyVersion,
} from '../store.ts';
import {
  line,
  occupationRefs,
  readCompany,
  type FieldErrors,
  type FormChoices,
  type FormValues,
} from './form.ts';
import { companyAdminMessages, type CompanyMessageKey } from './messages.ts';
import {
  companySettings,
  occupationsById,
  replaceNeeds,
  saveCompanySettings,
  searchOccupations,
  slugTaken,
  type Occupation,
} from './repository.ts';

/** Who acts, as the rules need it. */
export interface Editor {
  regionId: string;
  accountId: string;
  actor: AuditActor;
  /** The organisation acted for. */
  organisationId: string | null;
  lang: Lang;
  /** The region's editors and admins (CompanyApprove): every page, and the region's steps. */
  staff: boolean;
  /** May create organisations and invite into them (OrgsManage: the region's admins). */
  canInvite: boolean;
}

export interface CompanyAdminDeps {
  db: Kysely<DB>;
  /** The media library's upload (a logo, photos). */
  media: MediaDeps;
  queue: TaskQueue;
  rateLimiter: RateLimiter;
  secret: string;
  /**
   * Told after a change of what visitors see (published, unpublished, a new live version, featured),
   * so the job board's employer logos and links in this process follow at once (other processes
   * within their minute).
   */
  pagesChanged?: (regionId: string) => void;
}

/** Why a step was refused, in words with the facts they name. */
export interface Reason {
  key: CompanyMessageKey;
  params?: Record<string, string>;
}

export type Result<E = FieldErrors> =
  | { kind: 'done'; id: string; version?: number }
  | { kind: 'invalid'; errors: E }
  | { kind: 'refused'; reasons: Reason[] }
  | { kind: 'not-found' };

const refused = (key: CompanyMessageKey, params?: Record<string, string>): Result => ({
  kind: 'refused',
  reasons: [{ key, params }],
});

/** Whether the editor may see and change the page (else it is "not found" to them). */
export function mayEdit(editor: Editor, company: Pick<Company, 'organisationId'>): boolean {
  return (
    editor.staff || (company.organisationId !== null && company.organisationId === editor.organisationId)
  );
}

/** The page, when the editor may see it. */
export async function companyFor(
  db: Kysely<DB>,
  editor: Editor,
  companyId: string,
): Promise<Company | undefined> {
  const company = await getCompany(db, editor.regionId, companyId);
  return company && mayEdit(editor, company) ? company : undefined;
}

function audit(
  trx: Kysely<DB>,
  editor: Editor,
  action: string,
  company: Pick<Company, 'id' | 'organisationId'>,
  data: Record<string, string | number | boolean | null>,
) {
  return recordAudit(trx, {
    regionId: editor.regionId,
    actor: editor.actor,
    organisationId: company.organisationId ?? editor.organisationId,
    action,
    subjectType: 'company',
    subjectId: company.id,
    data,
  });
}

/** Display names of accounts by id ('' for a deleted one). */
export async function accountNames(
  db: Kysely<DB>,
  regionId: string,
  ids: Iterable<string | null>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (!id || names.has(id)) continue;
    const account = await findAccountById(db, regionId, id);
    names.set(id, account ? account.displayName.trim() || account.email : '');
  }
  return names;
}

// The employer's own page: claim or create.

export type OwnPage =
  | { kind: 'page'; company: Company }
  /** The region made a page for the organisation's number; nobody has claimed it. */
  | { kind: 'claimable'; company: Company; organisation: Organisation }
  | { kind: 'none'; organisation: Organisation }
  /** The organisation has no organisationsnummer (the region adds it). */
  | { kind: 'no-number'; organisation: Organisation }
  /** The page of its number is another organisation's (the region sorts it out). */
  | { kind: 'taken'; organisation: Organisation }
  | { kind: 'no-organisation' };

/** Where the editor's organisation stands with its page. */
export async function ownPage(db: Kysely<DB>, editor: Editor): Promise<OwnPage> {
  if (!editor.organisationId) return { kind: 'no-organisation' };
  const organisation = await getOrganisation(db, editor.regionId, editor.organisationId);
  if (!organisation || organisation.kind !== 'employer') return { kind: 'no-organisation' };
  const own = await companyOfOrganisation(db, editor.regionId, organisation.id);
  if (own) return { kind: 'page', company: own };
  if (!organisation.orgNumber) return { kind: 'no-number', organisation };
  const byNumber = await companyByOrgNumber(db, editor.regionId, organisation.orgNumber);
  if (!byNumber) return { kind: 'none', organisation };
  if (byNumber.organisationId === null) return { kind: 'claimable', company: byNumber, organisation };
  return { kind: 'taken', organisation };
}

/** Gives the organisation the page the region made for its organisationsnummer. */
export async function claimOwn(deps: CompanyAdminDeps, editor: Editor): Promise<Result> {
  const state = await ownPage(deps.db, editor);
  if (state.kind === 'page') return { kind: 'done', id: state.company.id };
  if (state.kind !== 'claimable') return refused('refused.cannotClaim');
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const company = await lockCompany(trx, editor.regionId, state.company.id);
    if (!company || company.organisationId !== null) return refused('refused.cannotClaim');
    await claimCompany(trx, editor.regionId, company.id, state.organisation.id, editor.accountId);
    await audit(
      trx,
      editor,
      'company.claimed',
      { ...company, organisationId: state.organisation.id },
      {
        name: company.name,
        organisation_name: state.organisation.name,
      },
    );
    return { kind: 'done', id: company.id };
  });
}

/** A new page with a slug made from the name (a number added until it is free). */
async function insertWithFreeSlug(
  trx: Kysely<DB>,
  editor: Editor,
  input: { name: string; orgNumber: string; organisationId: string | null },
): Promise<{ ok: true; company: Company } | { ok: false }> {
  const base = slugFromName(input.name) || `foretag-${input.orgNumber}`;
  for (let n = 1; n <= 50; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (await slugTaken(trx, editor.regionId, slug)) continue;
    const inserted = await insertCompany(trx, {
      regionId: editor.regionId,
      slug,
      orgNumber: input.orgNumber,
      organisationId: input.organisationId,
      data: emptyCompany(input.name),
      authorId: editor.accountId,
    });
    if (inserted.ok) return inserted;
    if (inserted.clash === 'org_number') return { ok: false };
  }
  return { ok: false };
}

/** The organisation's own new page, named as the organisation is (in draft). */
export async function createOwn(deps: CompanyAdminDeps, editor: Editor): Promise<Result> {
  const state = await ownPage(deps.db, editor);
  if (state.kind === 'page') return { kind: 'done', id: state.company.id };
  if (state.kind === 'claimable') return claimOwn(deps, editor);
  if (state.kind !== 'none' || !state.organisation.orgNumber) return refused('refused.cannotCreate');
  const { organisation } = state;
  const orgNumber = state.organisation.orgNumber;
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const made = await insertWithFreeSlug(trx, editor, {
      name: organisation.name.slice(0, COMPANY_LIMITS.name),
      orgNumber,
      organisationId: organisation.id,
    });
    if (!made.ok) return refused('refused.cannotCreate');
    await audit(trx, editor, 'company.created', made.company, {
      name: made.company.name,
      slug: made.company.slug,
    });
    return { kind: 'done', id: made.company.id, version: 1 };
  });
}

export interface NewCompanyInput {
  name: string;
  org_number: string;
}
export const NEW_COMPANY_FIELDS = ['name', 'org_number'] as const;

/** The region's page for a company that has not made one (unclaimed until the company takes it). */
export async function createForCompany(
  deps: CompanyAdminDeps,
  editor: Editor,
  input: NewCompanyInput,
): Promise<Result> {
  if (!editor.staff) return refused('refused.staffOnly');
  const errors: FieldErrors = {};
  const name = line(input.name);
  if (!name) errors.name = { key: 'error.nameRequired' };
  else if (name.length > COMPANY_LIMITS.name)
    errors.name = { key: 'error.tooLong', params: { max: String(COMPANY_LIMITS.name) } };
  const number = parseOrgNumber(input.org_number.slice(0, 40));
  if (!number.ok) errors.org_number = { key: `error.orgNumber.${number.error}` };
  if (!number.ok || Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  const existing = await companyByOrgNumber(deps.db, editor.regionId, number.value);
  if (existing)
    return {
      kind: 'invalid',
      errors: { org_number: { key: 'error.orgNumberTaken', params: { name: existing.name } } },
    };
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const made = await insertWithFreeSlug(trx, editor, {
      name,
      orgNumber: number.value,
      organisationId: null,
    });
    if (!made.ok)
      return { kind: 'invalid', errors: { org_number: { key: 'error.orgNumberTaken', params: { name } } } };
    await audit(trx, editor, 'company.created', made.company, {
      name: made.company.name,
      slug: made.company.slug,
      orgNumber: number.value,
    });
    return { kind: 'done', id: made.company.id, version: 1 };
  });
}

// What the edit form offers.

/** Whose images a page may show: its organisation's, and for the region's staff the region's own. */
function imageOwners(editor: Editor, company: Company): (string | null)[] {
  const owners: (string | null)[] = company.organisationId ? [company.organisationId] : [];
  if (editor.staff || company.organisationId === null) owners.push(null);
  return owners;
}

/** The images the page's form offers (usable: alt text in both languages; a licence in force). */
export async function offeredImages(db: Kysely<DB>, editor: Editor, company: Company): Promise<MediaImage[]> {
  const images = await usableImages(db, editor.regionId, { owners: imageOwners(editor, company) });
  return images.filter((image) => !image.expired);
}

export interface StoryChoice {
  slug: string;
  title: string;
}

/** The published stories a page may link, titled in the language (else the other's). */
export async function storyChoices(db: Kysely<DB>, regionId: string, lang: Lang): Promise<StoryChoice[]> {
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  const [mine, theirs] = await Promise.all([
    publishedList(db, regionId, lang, { kind: 'story', limit: 500 }),
    publishedList(db, regionId, other, { kind: 'story', limit: 500 }),
  ]);
  const titles = new Map<string, string>();
  for (const item of [...theirs, ...mine]) titles.set(item.slug, item.title || item.slug);
  return [...titles]
    .map(([slug, title]) => ({ slug, title }))
    .sort((a, b) => a.title.localeCompare(b.title, 'sv'));
}

/** The occupations a form names and what its search words find. */
export async function lookUpOccupations(
  db: Kysely<DB>,
  values: FormValues,
  refs = occupationRefs(values),
): Promise<{ occupations: Map<string, Occupation>; found: Map<string, Occupation[]> }> {
  const found = new Map<string, Occupation[]>();
  for (const [row, q] of [...refs.searches].slice(0, 60)) found.set(row, await searchOccupations(db, q));
  return { occupations: await occupationsById(db, refs.ids), found };
}

// Save.

/** What a save did: stored a draft, published at once, or sent the version to review (and why). */
export type SaveOutcome = 'saved' | 'published' | 'review' | 'review-badges';

export interface LogoUpload {
  file: Buffer | undefined;
  tooLarge: boolean;
}

export type SaveResult =
  | { kind: 'done'; id: string; version: number; outcome: SaveOutcome }
  | { kind: 'invalid'; errors: FieldErrors; values: FormValues }
  | {
      kind: 'conflict';
      values: FormValues;
      base: CompanyVersion | undefined;
      current: CompanyVersion;
      authorName: string;
    }
  /** Past COMPANY_SAVE_LIMIT: nothing stored; the seconds until a save is taken again. */
  | { kind: 'limited'; values: FormValues; retryAfter: number }
  | { kind: 'not-found' };

/**
 * Saves that store a version, per person. Every version is kept for good (up to PAGE_MAX_BYTES),
 * so a loop of saves must not fill the disk; a person editing, however busily, stays far below.
 */
export const COMPANY_SAVE_LIMIT: RateLimitRule = { name: 'company-save', max: 60, windowSeconds: 600 };

const LOGO_ERRORS = {
  'error.notImage': 'error.logoNotImage',
  'error.tooLarge': 'error.logoTooLarge',
  'error.tooManyPixels': 'error.logoTooManyPixels',
  'error.unreadable': 'error.logoUnreadable',
  'error.busy': 'error.logoBusy',
} as const satisfies Partial<Record<string, CompanyMessageKey>>;

/** A media-library slug for a new image of the page (random, so two uploads never meet). */
function newImageSlug(company: Company, what: 'logotyp' | 'bild'): string {
  const random = crypto.randomUUID().slice(0, 8);
  return `${company.slug.slice(0, 60).replace(/-+$/, '')}-${what}-${random}`;
}

function mediaEditor(editor: Editor) {
  return {
    regionId: editor.regionId,
    actor: editor.actor,
    accountId: editor.accountId,
    organisationId: editor.organisationId,
    canApprove: editor.staff,
  };
}

const emptyImageTexts = () =>
  Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<(typeof TEXT_FIELDS)[number], string>;

/**
 * Uploads a new logo into the media library as the page owner's image; its alt text names the
 * company. An error by the logo field, or the logo's slug.
 */
async function uploadLogo(
  deps: CompanyAdminDeps,
  editor: Editor,
  company: Company,
  name: string,
  file: Buffer,
): Promise<{ slug: string } | { error: FieldErrors[string] }> {
  const wait = await uploadWait(deps.media, editor.accountId);
  if (wait !== undefined)
    return { error: { key: 'error.rateLimited', params: { minutes: String(Math.ceil(wait / 60)) } } };
  const slug = newImageSlug(company, 'logotyp');
  const values = {
    ...emptyImageTexts(),
    slug,
    alt_sv: companyAdminMessages.t('sv', 'logo.alt', { name }).slice(0, 300),
    alt_en: companyAdminMessages.t('en', 'logo.alt', { name }).slice(0, 300),
  };
  const uploaded = await uploadImage(deps.media, mediaEditor(editor), {
    values,
    file,
    fileTooLarge: false,
    organisationId: company.organisationId,
  });
  if (uploaded.kind === 'done') return { slug };
  const key = uploaded.kind === 'invalid' ? uploaded.errors.file?.key : undefined;
  const mapped =
    key && key in LOGO_ERRORS ? LOGO_ERRORS[key as keyof typeof LOGO_ERRORS] : 'error.logoUnreadable';
  return { error: { key: mapped, params: { size: megabytes(deps.media.limits.maxBytes) } } };
}

export const megabytes = (bytes: number) =>
  (bytes / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 });

/** What the form may choose from for this page (images, stories, the occupations it names). */
export async function formChoices(
  deps: CompanyAdminDeps,
  editor: Editor,
  company: Company,
  values: FormValues,
  municipalities: readonly string[],
): Promise<FormChoices> {
  const current = await getCompanyVersion(deps.db, editor.regionId, company);
  const published =
    company.publishedVersion && company.publishedVersion !== company.version
      ? await getCompanyVersion(deps.db, editor.regionId, company, company.publishedVersion)
      : undefined;
  const [images, stories, occupations] = await Promise.all([
    offeredImages(deps.db, editor, company),
    storyChoices(deps.db, editor.regionId, editor.lang),
    lookUpOccupations(deps.db, values),
  ]);
  // What the page already shows may stay (an image the region chose before the page was claimed),
  // unless its licence has expired since.
  const kept = [current, published].flatMap((v) =>
    v ? [...(v.data.logo ? [v.data.logo] : []), ...v.data.photos] : [],
  );
  const keptImages = await imagesBySlug(deps.db, editor.regionId, kept);
  return {
    municipalities,
    images: new Set([...images.map((i) => i.slug), ...kept]),
    expired: new Set(kept.filter((slug) => keptImages.get(slug)?.expired)),
    stories: new Set([...stories.map((s) => s.slug), ...(current?.data.stories ?? [])]),
    occupations: occupations.occupations,
    found: occupations.found,
  };
}

/**
 * Stores the form as the page's next version, unless someone saved since `base`; then, by the
 * workflow: a published page's change of badges (or any change, where the region reviews text
 * edits too) waits for review while the published version stays; other edits go live at once; a
 * page in review has its newest version reviewed; a draft stays a draft.
 */
export async function saveCompany(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
  input: { base: number; values: FormValues; logo: LogoUpload; municipalities: readonly string[] },
): Promise<SaveResult> {
  const company = await companyFor(deps.db, editor, companyId);
  if (!company) return { kind: 'not-found' };
  const choices = await formChoices(deps, editor, company, input.values, input.municipalities);
  const read = readCompany(input.values, choices);
  const { data, errors, values } = read;
  // A new logo file takes the place of the chosen one, whose licence may have expired.
  if (input.logo.file && input.logo.file.length > 0 && errors.logo?.key === 'error.imageExpired')
    delete errors.logo;
  const size = { size: megabytes(deps.media.limits.maxBytes) };
  if (input.logo.tooLarge) errors.logo_file = { key: 'error.logoTooLarge', params: size };
  else if (input.logo.file && input.logo.file.length > 0) {
    // By its first bytes, so a wrong file is named even when another field is wrong too.
    if (!detectImageType(input.logo.file)) errors.logo_file = { key: 'error.logoNotImage', params: size };
    else if (Object.keys(errors).length > 0) errors.logo_file = { key: 'error.logoAgain' };
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors, values };
  if (company.version !== input.base) return conflict(deps, editor, company, input.base, values);
  const wait = await deps.rateLimiter.hit(
    `${COMPANY_SAVE_LIMIT.name}:${editor.accountId}`,
    COMPANY_SAVE_LIMIT,
  );
  if (wait !== undefined) return { kind: 'limited', values, retryAfter: wait };
  if (input.logo.file && input.logo.file.length > 0) {
    const logo = await uploadLogo(deps, editor, company, data.name, input.logo.file);
    if ('error' in logo) return { kind: 'invalid', errors: { logo_file: logo.error }, values };
    data.logo = logo.slug;
    values.logo = logo.slug;
  }
  const result = await deps.db.transaction().execute(async (trx) => {
    const locked = await lockCompany(trx, editor.regionId, companyId);
    if (!locked || !mayEdit(editor, locked)) return { missing: true } as const;
    const settings = await companySettings(trx, editor.regionId);
    const saved = await saveCompanyVersion(trx, {
      regionId: editor.regionId,
      companyId,
      baseVersion: input.base,
      data,
      authorId: editor.accountId,
    });
    if (!saved.ok) return saved;
    const outcome = await afterSave(trx, editor, locked, saved.version, data, settings.directTextEdits);
    await audit(trx, editor, 'company.saved', locked, { name: data.name, version: saved.version });
    if (outcome === 'published')
      await audit(trx, editor, 'company.published', locked, { name: data.name, version: saved.version });
    else if (outcome !== 'saved')
      await audit(trx, editor, 'company.review', locked, {
        name: data.name,
        version: saved.version,
        badges: outcome === 'review-badges',
      });
    return { ok: true, version: saved.version, outcome } as const;
  });
  if (result.ok) {
    if (result.outcome === 'published') deps.pagesChanged?.(editor.regionId);
    return { kind: 'done', id: companyId, version: result.version, outcome: result.outcome };
  }
  if ('missing' in result) return { kind: 'not-found' };
  return conflict(deps, editor, company, input.base, values);
}

/** What follows a saved version (see saveCompany). */
async function afterSave(
  trx: Kysely<DB>,
  editor: Editor,
  company: Company,
  version: number,
  data: CompanyData,
  directTextEdits: boolean,
): Promise<SaveOutcome> {
  if (company.status === 'published' && company.publishedVersion !== null) {
    const live = await getCompanyVersion(trx, editor.regionId, company, company.publishedVersion);
    if (live && badgesChanged(live.data, data)) {
      await requestCompanyReview(trx, editor.regionId, company.id, version);
      return 'review-badges';
    }
    if (!directTextEdits) {
      await requestCompanyReview(trx, editor.regionId, company.id, version);
      return 'review';
    }
    await publishCompanyVersion(trx, editor.regionId, company.id, version, data.name);
    return 'published';
  }
  if (company.status === 'review') {
    // The newest version is the one reviewed (the approval names the version its page showed).
    await requestCompanyReview(trx, editor.regionId, company.id, version);
    return 'review';
  }
  return 'saved';
}

async function conflict(
  deps: CompanyAdminDeps,
  editor: Editor,
  company: Company,
  base: number,
  values: FormValues,
): Promise<SaveResult> {
  const now = await getCompany(deps.db, editor.regionId, company.id);
  if (!now) return { kind: 'not-found' };
  const current = await getCompanyVersion(deps.db, editor.regionId, now);
  if (!current) return { kind: 'not-found' };
  const before =
    base >= 1 && base <= now.version
      ? await getCompanyVersion(deps.db, editor.regionId, now, base)
      : undefined;
  const names = await accountNames(deps.db, editor.regionId, [current.authorId]);
  return {
    kind: 'conflict',
    values,
    base: before,
    current,
    authorName: names.get(current.authorId ?? '') ?? '',
  };
}

// The workflow's steps.

/** A step on a locked page the editor may see, at the version their page showed. */
async function step(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
  run: (trx: Kysely<DB>, company: Company) => Promise<Result>,
): Promise<Result> {
  const result = await deps.db.transaction().execute(async (trx): Promise<Result> => {
    const company = await lockCompany(trx, editor.regionId, companyId);
    if (!company || !mayEdit(editor, company)) return { kind: 'not-found' };
    return run(trx, company);
  });
  if (result.kind === 'done') deps.pagesChanged?.(editor.regionId);
  return result;
}

/** Sends a page that is not live (a draft, an unpublished page) for the region's review. */
export async function submitCompany(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
  shown: number | undefined,
): Promise<Result> {
  return step(deps, editor, companyId, async (trx, company) => {
    if (shown !== company.version) return refused('refused.changed');
    if (company.status === 'review') return refused('refused.inReview');
    if (company.status === 'published') return refused('refused.nothingNew');
    const version = await getCompanyVersion(trx, editor.regionId, company);
    if (!version) return { kind: 'not-found' };
    if (!version.data.summary.sv.trim() || !version.data.summary.en.trim())
      return refused('refused.summaryMissing');
    await requestCompanyReview(trx, editor.regionId, company.id, company.version);
    await audit(trx, editor, 'company.submitted', company, {
      name: version.data.name,
      version: company.version,
    });
    return { kind: 'done', id: company.id };
  });
}

/** Publishes the version waiting for review (the one the reviewer's page showed). */
export async function approveCompany(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
  shown: number | undefined,
): Promise<Result> {
  if (!editor.staff) return refused('refused.staffOnly');
  return step(deps, editor, companyId, async (trx, company) => {
    if (company.reviewVersion === null) return refused('refused.notInReview');
    if (shown !== company.reviewVersion) return refused('refused.changed');
    const version = await getCompanyVersion(trx, editor.regionId, company, company.reviewVersion);
    if (!version) return { kind: 'not-found' };
    await publishCompanyVersion(trx, editor.regionId, company.id, version.version, version.data.name);
    await audit(trx, editor, 'company.approved', company, {
      name: version.data.name,
      version: version.version,
    });
    return { kind: 'done', id: company.id, version: version.version };
  });
}

export const COMMENT_MAX = 500;

/** Sends the version in review back with a comment (the published version, if any, stays). */
export async function returnCompany(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
  comment: string,
  shown: number | undefined,
): Promise<Result> {
  if (!editor.staff) return refused('refused.staffOnly');
  const text = comment.replace(/\r\n?/g, '\n').trim();
  if (!text) return { kind: 'invalid', errors: { comment: { key: 'error.commentRequired' } } };
  if (text.length > COMMENT_MAX)
    return {
      kind: 'invalid',
      errors: { comment: { key: 'error.tooLong', params: { max: String(COMMENT_MAX) } } },
    };
  return step(deps, editor, companyId, async (trx, company) => {
    if (company.reviewVersion === null) return refused('refused.notInReview');
    if (shown !== company.reviewVersion) return refused('refused.changed');
    const version = await getCompanyVersion(trx, editor.regionId, company, company.reviewVersion);
    await returnCompanyReview(trx, editor.regionId, company.id);
    await audit(trx, editor, 'company.returned', company, {
      name: version?.data.name ?? company.name,
      version: company.reviewVersion,
      comment: text,
    });
    return { kind: 'done', id: company.id };
  });
}

/** Takes a published page off the site. */
export async function unpublishOne(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
): Promise<Result> {
  if (!editor.staff) return refused('refused.staffOnly');
  return step(deps, editor, companyId, async (trx, company) => {
    if (company.status !== 'published') return refused('refused.notPublished');
    await unpublishCompany(trx, editor.regionId, company.id);
    await audit(trx, editor, 'company.unpublished', company, { name: company.name });
    return { kind: 'done', id: company.id };
  });
}

/** Features a published page (home page, its municipalities' pages), or stops featuring it. */
export async function featureCompany(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
  featured: boolean,
): Promise<Result> {
  if (!editor.staff) return refused('refused.staffOnly');
  return step(deps, editor, companyId, async (trx, company) => {
    if (featured && company.status !== 'published') return refused('refused.featureUnpublished');
    if (company.featured === featured) return { kind: 'done', id: company.id };
    await setCompanyFeatured(trx, editor.regionId, company.id, featured);
    await audit(trx, editor, featured ? 'company.featured' : 'company.unfeatured', company, {
      name: company.name,
    });
    return { kind: 'done', id: company.id };
  });
}

/** The region's choice: do a published page's text edits go live at once, or wait for review? */
export async function saveSettings(deps: CompanyAdminDeps, editor: Editor, value: string): Promise<Result> {
  if (!editor.staff) return refused('refused.staffOnly');
  if (value !== 'yes' && value !== 'no')
    return { kind: 'invalid', errors: { 'direct-yes': { key: 'error.choose' } } };
  const directTextEdits = value === 'yes';
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const before = await companySettings(trx, editor.regionId);
    if (before.directTextEdits === directTextEdits) return { kind: 'done', id: '' };
    await saveCompanySettings(trx, editor.regionId, { directTextEdits });
    await recordAudit(trx, {
      regionId: editor.regionId,
      actor: editor.actor,
      organisationId: editor.organisationId,
      action: 'company.settings.updated',
      subjectType: 'region',
      subjectId: editor.regionId,
      data: { directTextEdits },
    });
    return { kind: 'done', id: '' };
  });
}

// Competence needs.

export const NEED_ROWS_EMPTY = 3;
export const PEOPLE_MAX = 10_000;

/** How many need rows the form shows (the form carries it; at most the limit). */
export function needRows(values: FormValues): number {
  const n = Number(typeof values.rows === 'string' ? values.rows : '');
  return Math.min(Number.isInteger(n) && n > 0 ? n : NEED_ROWS_EMPTY, COMPANY_LIMITS.competenceNeeds);
}

export const needPrefix = (i: number) => `need_${i}`;

/** The occupation ids and search words of the needs form. */
export function needRefs(values: FormValues): { ids: string[]; searches: Map<string, string> } {
  const ids: string[] = [];
  const searches = new Map<string, string>();
  for (let i = 0; i < needRows(values); i += 1) {
    const p = needPrefix(i);
    const id = typeof values[`${p}_occ`] === 'string' ? (values[`${p}_occ`] as string).trim() : '';
    if (id) ids.push(id);
    const q = line(typeof values[`${p}_q`] === 'string' ? (values[`${p}_q`] as string) : '');
    if (q) searches.set(p, q.slice(0, 100));
  }
  return { ids, searches };
}

/** Reads the needs form: occupation (picked like a career step's) and people per row. */
export function readNeeds(
  input: FormValues,
  occupations: ReadonlyMap<string, Occupation>,
  found: ReadonlyMap<string, readonly Occupation[]>,
): { needs: { occupationId: string; people: number }[]; errors: FieldErrors; values: FormValues } {
  const values: FormValues = { ...input };
  const errors: FieldErrors = {};
  const needs: { occupationId: string; people: number }[] = [];
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  for (let i = 0; i < needRows(values); i += 1) {
    const p = needPrefix(i);
    const q = line(text(`${p}_q`));
    let id = text(`${p}_occ`).trim();
    const peopleText = text(`${p}_people`).replace(/[\s\u00a0]/g, '');
    if (!q && !id && !peopleText) continue;
    if (q) {
      const hits = found.get(p) ?? [];
      const exact = hits.filter((o) => o.label.toLowerCase() === q.toLowerCase());
      const pick = hits.length === 1 ? hits[0] : exact.length === 1 ? exact[0] : undefined;
      if (pick) {
        id = pick.id;
        values[`${p}_occ`] = pick.id;
        values[`${p}_q`] = '';
      } else {
        errors[`${p}_q`] = {
          key: hits.length === 0 ? 'error.occupationNone' : 'error.occupationPick',
          params: { q },
        };
        continue;
      }
    }
    // An emptied number removes the row.
    if (!peopleText) continue;
    if (!id) {
      errors[`${p}_q`] = { key: 'error.occupationMissing' };
      continue;
    }
    if (!occupations.has(id) && !(found.get(p) ?? []).some((o) => o.id === id)) {
      errors[`${p}_q`] = { key: 'error.occupationUnknown' };
      continue;
    }
    const people = /^[0-9]{1,6}$/.test(peopleText) ? Number(peopleText) : Number.NaN;
    if (!Number.isInteger(people) || people < 1 || people > PEOPLE_MAX) {
      errors[`${p}_people`] = { key: 'error.people' };
      continue;
    }
    if (needs.some((n) => n.occupationId === id)) {
      errors[`${p}_q`] = { key: 'error.needTwice' };
      continue;
    }
    needs.push({ occupationId: id, people });
  }
  return { needs, errors, values };
}

export type NeedsResult =
  | { kind: 'done'; id: string }
  | { kind: 'invalid'; errors: FieldErrors; values: FormValues }
  | { kind: 'not-found' };

/** Stores the page's competence needs as they are now (no review), with its audit event. */
export async function saveNeeds(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
  input: FormValues,
): Promise<NeedsResult> {
  const company = await companyFor(deps.db, editor, companyId);
  if (!company) return { kind: 'not-found' };
  const refs = needRefs(input);
  const { occupations, found } = await lookUpOccupations(deps.db, input, refs);
  const read = readNeeds(input, occupations, found);
  if (Object.keys(read.errors).length > 0)
    return { kind: 'invalid', errors: read.errors, values: read.values };
  return deps.db.transaction().execute(async (trx): Promise<NeedsResult> => {
    const locked = await lockCompany(trx, editor.regionId, companyId);
    if (!locked || !mayEdit(editor, locked)) return { kind: 'not-found' };
    const changed = await replaceNeeds(trx, editor.regionId, companyId, read.needs);
    if (changed > 0)
      await audit(trx, editor, 'company.needs.updated', locked, {
        name: locked.name,
        occupations: read.needs.length,
        people: read.needs.reduce((sum, n) => sum + n.people, 0),
      });
    return { kind: 'done', id: companyId };
  });
}

// Images of the page's owner.

export const PHOTO_FIELDS = ['alt_sv', 'alt_en', 'caption_sv', 'caption_en', 'photographer'] as const;
export type PhotoValues = Record<(typeof PHOTO_FIELDS)[number], string>;

/** Uploads a photo into the media library as the page owner's image (alt text in both languages). */
export async function uploadPhoto(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
  input: { values: PhotoValues; file: Buffer | undefined; tooLarge: boolean },
): Promise<Result & { status?: number }> {
  const company = await companyFor(deps.db, editor, companyId);
  if (!company) return { kind: 'not-found' };
  const errors: FieldErrors = {};
  const v = input.values;
  const size = { size: megabytes(deps.media.limits.maxBytes) };
  if (input.tooLarge) errors.file = { key: 'error.logoTooLarge', params: size };
  else if (!input.file || input.file.length === 0) errors.file = { key: 'error.fileMissing' };
  else if (!detectImageType(input.file)) errors.file = { key: 'error.logoNotImage', params: size };
  for (const name of PHOTO_FIELDS) {
    if (v[name].length > 300) errors[name] = { key: 'error.tooLong', params: { max: '300' } };
  }
  if (!v.alt_sv && !errors.alt_sv) errors.alt_sv = { key: 'error.altRequired.sv' };
  if (!v.alt_en && !errors.alt_en) errors.alt_en = { key: 'error.altRequired.en' };
  if (Object.keys(errors).length > 0 || !input.file) return { kind: 'invalid', errors };
  const wait = await uploadWait(deps.media, editor.accountId);
  if (wait !== undefined)
    return {
      kind: 'invalid',
      errors: { file: { key: 'error.rateLimited', params: { minutes: String(Math.ceil(wait / 60)) } } },
      status: 429,
    };
  const uploaded = await uploadImage(deps.media, mediaEditor(editor), {
    values: { ...emptyImageTexts(), ...v, slug: newImageSlug(company, 'bild') },
    file: input.file,
    fileTooLarge: false,
    organisationId: company.organisationId,
  });
  if (uploaded.kind === 'done') return { kind: 'done', id: uploaded.id };
  const key = uploaded.kind === 'invalid' ? uploaded.errors.file?.key : undefined;
  const mapped =
    key && key in LOGO_ERRORS ? LOGO_ERRORS[key as keyof typeof LOGO_ERRORS] : 'error.logoUnreadable';
  return { kind: 'invalid', errors: { file: { key: mapped, params: size } } };
}

// Invitation.

export type InviteResult =
  | { kind: 'done'; id: string; email: string }
  | { kind: 'invalid'; errors: FieldErrors; retryAfter?: number }
  | { kind: 'refused'; reasons: Reason[] }
  | { kind: 'not-found' };

/**
 * Invites the company's admin to take the page over: the employer organisation of the page's
 * number is found or created, the page linked to it (see the file's comment), and an invitation
 * as its admin sent through identity's invitations (their limits, their e-mail, their audit).
 */
export async function inviteCompanyAdmin(
  deps: CompanyAdminDeps,
  editor: Editor,
  companyId: string,
  input: { email: string; region: Region; origin: string; inviterName: string },
): Promise<InviteResult> {
  if (!editor.staff) return { kind: 'not-found' };
  if (!editor.canInvite) return { kind: 'refused', reasons: [{ key: 'refused.notInviter' }] };
  const email = normalizeEmail(input.email.slice(0, 320));
  if (!isValidEmail(email)) return { kind: 'invalid', errors: { email: { key: 'error.email' } } };
  const company = await companyFor(deps.db, editor, companyId);
  if (!company) return { kind: 'not-found' };
  const organisation = await employerOf(deps, editor, company);
  if ('reason' in organisation) return { kind: 'refused', reasons: [organisation.reason] };
  const linked = await deps.db.transaction().execute(async (trx): Promise<Reason | undefined> => {
    const locked = await lockCompany(trx, editor.regionId, companyId);
    if (!locked) return { key: 'refused.claimedByOther' };
    if (locked.organisationId === organisation.id) return undefined;
    if (locked.organisationId !== null) return { key: 'refused.claimedByOther' };
    // An organisation edits one page (its number may have changed since it made another).
    if (await companyOfOrganisation(trx, editor.regionId, organisation.id))
      return { key: 'refused.organisationHasPage', params: { organisation: organisation.name } };
    await claimCompany(trx, editor.regionId, locked.id, organisation.id, editor.accountId);
    await audit(
      trx,
      editor,
      'company.linked',
      { ...locked, organisationId: organisation.id },
      {
        name: locked.name,
        organisation_name: organisation.name,
      },
    );
    return undefined;
  });
  if (linked) return { kind: 'refused', reasons: [linked] };
  const member = () => ({
    kind: 'invalid' as const,
    errors: {
      email: { key: 'error.alreadyMember' as const, params: { email, organisation: organisation.name } },
    },
  });
  if (await isMemberAddress(deps.db, editor.regionId, organisation.id, email)) return member();
  const limited = await countInvitation(deps, organisation.id, email);
  if (limited)
    return {
      kind: 'invalid',
      errors: {
        email: { key: 'error.inviteLimit', params: { minutes: String(Math.ceil(limited.retryAfter / 60)) } },
      },
      retryAfter: limited.retryAfter,
    };
  const sent = await createInvitation(
    { db: deps.db, queue: deps.queue },
    {
      region: input.region,
      organisation: { id: organisation.id, name: organisation.name, kind: 'employer' },
      email,
      role: 'employer_admin',
      inviter: { actor: editor.actor, name: input.inviterName, language: editor.lang },
      origin: input.origin,
    },
  );
  if (!sent.ok && sent.reason === 'alreadyMember') return member();
  if (!sent.ok) return { kind: 'refused', reasons: [{ key: 'refused.notInviter' }] };
  return { kind: 'done', id: companyId, email };
}

/** The employer organisation of the page's organisationsnummer, created when there is none. */
async function employerOf(
  deps: CompanyAdminDeps,
  editor: Editor,
  company: Company,
): Promise<Organisation | { reason: Reason }> {
  if (company.organisationId) {
    const own = await getOrganisation(deps.db, editor.regionId, company.organisationId);
    if (own) return own;
  }
  const found = await findByOrgNumber(deps.db, editor.regionId, company.orgNumber);
  if (found) {
    const organisation = await getOrganisation(deps.db, editor.regionId, found.id);
    if (organisation?.kind === 'employer') return organisation;
    return { reason: { key: 'refused.notEmployer', params: { organisation: found.name } } };
  }
  const made = await createOrganisation(deps.db, {
    regionId: editor.regionId,
    actor: editor.actor,
    kind: 'employer',
    name: company.name,
    orgNumber: company.orgNumber,
  });
  const id = made.ok ? made.id : made.taken.id;
  const organisation = await getOrganisation(deps.db, editor.regionId, id);
  if (organisation?.kind === 'employer') return organisation;
  return { reason: { key: 'refused.notEmployer', params: { organisation: organisation?.name ?? '' } } };
}
