/**
 * The editors' rules. Takes plain values (who acts, an item id, what was typed) and returns what
 * happened; every change runs in one transaction with its audit event.
 *
 *   draft ──submit──▶ review ──approve (now or at a minute)──▶ published ──unpublish──▶ unpublished
 *     ▲                 │ return with a comment                  │ edit: the published version
 *     └─────────────────┘                                        ▼ stays live; the new one is a draft
 *
 * A new version of a live page approved for a later minute waits (scheduleVersion): visitors keep
 * the live version until the scheduler swaps it in at that minute. Approving again replaces the
 * wait; unpublishing ends it.
 *
 * A municipality editor sees and edits only the place pages and stories of their own municipality,
 * and cannot approve. Saving names the version the form started from: when someone saved meanwhile,
 * nothing is stored and the caller shows both (optimistic locking).
 */
import type { Kysely } from 'kysely';
import { accountActor, recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { parseDate } from '../../../platform/html/forms.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { findAccountById } from '../../identity/accounts.ts';
import {
  CONTENT_KINDS,
  TARGET_GROUPS,
  emptyContent,
  missingLanguages,
  type ContentData,
  type ContentKind,
  type Localised,
} from '../model.ts';
import {
  getItem,
  getItemBySlug,
  getVersion,
  insertItem,
  publish,
  saveVersion,
  scheduleVersion,
  unpublish,
  type ContentItem,
  type ContentVersion,
} from '../store.ts';
import {
  readContent,
  SLUG,
  SLUG_MAX,
  NOTE_MAX,
  suggestSlug,
  type FieldErrors,
  type FormValues,
} from './form.ts';
import { imageSlugs } from './markup.ts';
import { editorialMessages, type EditorialMessageKey } from './messages.ts';
import {
  deleteItemRow,
  forgetStoryOnPaths,
  lastReturn,
  lockItem,
  scrubItemAudit,
  setStatus,
  setWentLive,
  slugsByKind,
  SCOPED_KINDS,
  type Scope,
} from './repository.ts';
import { minuteOf, parseTime, stockholmInstant, stockholmToday } from '../../../platform/i18n/stockholm.ts';

/** Who acts, as the rules need it. */
export interface Editor {
  regionId: string;
  accountId: string;
  organisationId: string | null;
  lang: Lang;
  scope: Scope;
  canApprove: boolean;
}

/** What the media library says of an image (its imagesBySlug), when the library is there. */
export interface ImageFacts {
  alt: { sv: string; en: string };
  expired: boolean;
}
export type ImageLookup = (regionId: string, slugs: string[]) => Promise<Map<string, ImageFacts>>;

/** Why an image cannot be shown on a page: not in the library, no alt text, licence expired. */
export type ImageProblem = 'unknown' | 'alt' | 'expired';

export function imageProblem(image: ImageFacts | undefined): ImageProblem | undefined {
  if (!image) return 'unknown';
  if (!image.alt.sv.trim() || !image.alt.en.trim()) return 'alt';
  return image.expired ? 'expired' : undefined;
}

const HERO_ERRORS: Record<ImageProblem, EditorialMessageKey> = {
  unknown: 'error.heroUnknown',
  alt: 'error.heroAlt',
  expired: 'error.heroExpired',
};

/**
 * The images a version names, checked against the library: the hero image must be one that can be
 * shown, and an image line in a text must name an image the library has — each told by its field.
 */
async function checkImages(
  deps: EditorialDeps,
  regionId: string,
  data: ContentData,
  errors: FieldErrors,
): Promise<void> {
  if (!deps.images) return;
  const body = { sv: imageSlugs(data.body.sv), en: imageSlugs(data.body.en) };
  const slugs = [...new Set([...(data.heroImage ? [data.heroImage] : []), ...body.sv, ...body.en])];
  if (slugs.length === 0) return;
  const known = await deps.images(regionId, slugs);
  if (data.heroImage) {
    const problem = imageProblem(known.get(data.heroImage));
    if (problem) errors.hero_image ??= { key: HERO_ERRORS[problem], params: { image: data.heroImage } };
  }
  for (const lang of ['sv', 'en'] as const) {
    const unknown = body[lang].find((slug) => !known.has(slug));
    if (unknown) errors[`body_${lang}`] ??= { key: 'error.bodyImageUnknown', params: { image: unknown } };
  }
}

export interface EditorialDeps {
  db: Kysely<DB>;
  /** The media library's images by slug; without it images are not checked at approval. */
  images?: ImageLookup;
}

/** Whether the editor may see and change the item (else it is "not found" to them). */
export function mayEdit(editor: Editor, item: Pick<ContentItem, 'kind' | 'municipalityCode'>): boolean {
  if (editor.scope.all) return true;
  return (
    SCOPED_KINDS.includes(item.kind) &&
    editor.scope.municipalityCode !== null &&
    item.municipalityCode === editor.scope.municipalityCode
  );
}

/** The item, when the editor may see it. */
export async function itemFor(
  db: Kysely<DB>,
  editor: Editor,
  itemId: string,
): Promise<ContentItem | undefined> {
  const item = await getItem(db, editor.regionId, itemId);
  return item && mayEdit(editor, item) ? item : undefined;
}

/** An item's name in sentences: its title in the language, the other's, or its slug. */
export function itemName(data: ContentData | undefined, slug: string, lang: Lang = 'sv'): string {
  const other = lang === 'sv' ? 'en' : 'sv';
  return data?.title[lang].trim() || data?.title[other].trim() || slug;
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

export type Result<E = FieldErrors> =
  | { kind: 'done'; id: string; version?: number }
  | { kind: 'invalid'; errors: E }
  | { kind: 'refused'; reasons: Reason[] }
  | { kind: 'not-found' };

/** Why a workflow step was refused, in words with the facts they name. */
export interface Reason {
  key: EditorialMessageKey;
  params?: Record<string, string>;
}

function audit(
  trx: Kysely<DB>,
  editor: Editor,
  action: string,
  item: { id: string; kind: string },
  data: Record<string, string | number | boolean | null>,
) {
  return recordAudit(trx, {
    regionId: editor.regionId,
    actor: accountActor(editor.accountId),
    organisationId: editor.organisationId,
    action,
    subjectType: 'content',
    subjectId: item.id,
    data: { kind: item.kind, ...data },
  });
}

// Create.

export interface NewItemInput {
  kind: string;
  slug: string;
  municipality: string;
  group: string;
  title_sv: string;
  title_en: string;
}

export const NEW_ITEM_FIELDS = ['kind', 'slug', 'municipality', 'group', 'title_sv', 'title_en'] as const;

/** The kinds an editor may create. */
export function creatableKinds(editor: Editor): ContentKind[] {
  return editor.scope.all ? [...CONTENT_KINDS] : [...SCOPED_KINDS];
}

function checkNew(editor: Editor, input: NewItemInput, municipalities: ReadonlyMap<string, string>) {
  const errors: FieldErrors = {};
  const kind = creatableKinds(editor).find((k) => k === input.kind);
  if (!kind) errors.kind = { key: 'error.kind' };
  const municipality = editor.scope.all ? input.municipality : (editor.scope.municipalityCode ?? '');
  // A story of the region's may have no municipality; a municipality editor's is always of theirs
  // (one whose organisation names none could not see what they made).
  const needsMunicipality = kind === 'place' || (kind === 'story' && (municipality || !editor.scope.all));
  if (needsMunicipality && !municipalities.has(municipality))
    errors.municipality = { key: 'error.municipality' };
  const title = { sv: input.title_sv.trim(), en: input.title_en.trim() };
  if (!title.sv && !title.en) errors.title_sv = { key: 'error.titleRequired' };
  for (const lang of ['sv', 'en'] as const)
    if (title[lang].length > 120) errors[`title_${lang}`] = { key: 'error.tooLong', params: { max: '120' } };
  let slug = input.slug.trim();
  if (kind === 'place') slug = municipalities.get(municipality) ?? '';
  else if (kind === 'path') {
    slug = input.group;
    if (!TARGET_GROUPS.some((g) => g === slug)) errors.group = { key: 'error.group' };
  } else if (!slug) slug = suggestSlug(title.sv || title.en);
  else if (!SLUG.test(slug) || slug.length > SLUG_MAX)
    errors.slug = { key: 'error.slug', params: { max: String(SLUG_MAX) } };
  if (kind && kind !== 'place' && kind !== 'path' && !slug && !errors.title_sv)
    errors.slug = { key: 'error.slug', params: { max: String(SLUG_MAX) } };
  return { kind, slug, municipality: municipality || null, title, errors };
}

/** A new item in draft; a clash with an existing slug of the kind is an error by its field. */
export async function createItem(
  deps: EditorialDeps,
  editor: Editor,
  input: NewItemInput,
  municipalities: ReadonlyMap<string, string>,
): Promise<Result> {
  const checked = checkNew(editor, input, municipalities);
  const { kind, slug, title, errors } = checked;
  if (!kind || Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  const municipalityCode = kind === 'place' || kind === 'story' ? checked.municipality : null;
  const clashField = kind === 'place' ? 'municipality' : kind === 'path' ? 'group' : 'slug';
  const data = emptyContent(kind);
  data.title = title;
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const existing = await getItemBySlug(trx, editor.regionId, kind, slug);
    const item = existing
      ? undefined
      : await insertItem(trx, {
          regionId: editor.regionId,
          kind,
          slug,
          municipalityCode,
          data,
          authorId: editor.accountId,
        });
    if (!item)
      return {
        kind: 'invalid',
        errors: {
          [clashField]: { key: `error.clash.${clashField}` as EditorialMessageKey, params: { slug } },
        },
      };
    await audit(trx, editor, 'content.created', item, { name: itemName(data, slug, 'sv'), slug });
    return { kind: 'done', id: item.id, version: 1 };
  });
}

// Save.

export interface SaveInput {
  base: number;
  values: FormValues;
  note: string;
}

export type SaveResult =
  | Result
  | { kind: 'conflict'; base: ContentVersion | undefined; current: ContentVersion; authorName: string };

/** Stores the form as the item's next version, unless someone saved since `base`. */
export async function saveItem(
  deps: EditorialDeps,
  editor: Editor,
  itemId: string,
  input: SaveInput,
): Promise<SaveResult> {
  const item = await itemFor(deps.db, editor, itemId);
  if (!item) return { kind: 'not-found' };
  const choices = await slugsByKind(deps.db, editor.regionId);
  const { data, errors } = readContent(item.kind, input.values, choices);
  const note = input.note.replace(/\s+/g, ' ').trim();
  if (note.length > NOTE_MAX) errors.note = { key: 'error.tooLong', params: { max: String(NOTE_MAX) } };
  await checkImages(deps, editor.regionId, data, errors);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  const result = await deps.db.transaction().execute(async (trx) => {
    const saved = await saveVersion(trx, {
      regionId: editor.regionId,
      itemId,
      baseVersion: input.base,
      data,
      authorId: editor.accountId,
      note,
      status: item.status === 'unpublished' ? 'draft' : undefined,
    });
    if (saved.ok)
      await audit(trx, editor, 'content.saved', item, {
        name: itemName(data, item.slug),
        version: saved.version,
      });
    return saved;
  });
  if (result.ok) return { kind: 'done', id: itemId, version: result.version };
  if ('missing' in result) return { kind: 'not-found' };
  const current = await getVersion(deps.db, editor.regionId, { ...item, version: result.conflict });
  if (!current) return { kind: 'not-found' };
  const base = await getVersion(deps.db, editor.regionId, item, input.base);
  const names = await accountNames(deps.db, editor.regionId, [current.authorId]);
  return { kind: 'conflict', base, current, authorName: names.get(current.authorId ?? '') ?? '' };
}

/** Restores an earlier version as the next one (history is never rewritten). */
export async function restoreVersion(
  deps: EditorialDeps,
  editor: Editor,
  itemId: string,
  from: number,
  base: number,
): Promise<Result> {
  const item = await itemFor(deps.db, editor, itemId);
  if (!item) return { kind: 'not-found' };
  const old = Number.isInteger(from) ? await getVersion(deps.db, editor.regionId, item, from) : undefined;
  if (!old) return { kind: 'not-found' };
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const note = editorialMessages.t(editor.lang, 'versions.restoredNote', { version: String(from) });
    const saved = await saveVersion(trx, {
      regionId: editor.regionId,
      itemId,
      baseVersion: base,
      data: old.data,
      authorId: editor.accountId,
      note,
      status: item.status === 'unpublished' ? 'draft' : undefined,
    });
    if (!saved.ok) return { kind: 'refused', reasons: [{ key: 'refused.changed' }] };
    await audit(trx, editor, 'content.restored', item, {
      name: itemName(old.data, item.slug),
      from,
      version: saved.version,
    });
    return { kind: 'done', id: itemId, version: saved.version };
  });
}

// Workflow.

/** A step on a locked item the editor may see, at the version their page showed. */
async function step(
  deps: EditorialDeps,
  editor: Editor,
  itemId: string,
  shown: number | undefined,
  run: (trx: Kysely<DB>, item: ContentItem, version: ContentVersion) => Promise<Result>,
): Promise<Result> {
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    if (!(await lockItem(trx, editor.regionId, itemId))) return { kind: 'not-found' };
    const item = await itemFor(trx, editor, itemId);
    if (!item) return { kind: 'not-found' };
    if (shown !== undefined && shown !== item.version)
      return { kind: 'refused', reasons: [{ key: 'refused.changed' }] };
    const version = await getVersion(trx, editor.regionId, item);
    if (!version) return { kind: 'not-found' };
    return run(trx, item, version);
  });
}

export async function submitItem(
  deps: EditorialDeps,
  editor: Editor,
  itemId: string,
  shown?: number,
): Promise<Result> {
  return step(deps, editor, itemId, shown, async (trx, item, version) => {
    if (item.status === 'review') return { kind: 'refused', reasons: [{ key: 'refused.inReview' }] };
    if (item.publishedVersion === item.version)
      return { kind: 'refused', reasons: [{ key: 'refused.nothingNew' }] };
    await setStatus(trx, editor.regionId, item.id, 'review', editor.accountId);
    await audit(trx, editor, 'content.submitted', item, {
      name: itemName(version.data, item.slug),
      version: item.version,
    });
    return { kind: 'done', id: item.id };
  });
}

export async function returnItem(
  deps: EditorialDeps,
  editor: Editor,
  itemId: string,
  comment: string,
  shown?: number,
): Promise<Result> {
  const text = comment.replace(/\r\n?/g, '\n').trim();
  if (!text) return { kind: 'invalid', errors: { comment: { key: 'error.commentRequired' } } };
  if (text.length > NOTE_MAX)
    return {
      kind: 'invalid',
      errors: { comment: { key: 'error.tooLong', params: { max: String(NOTE_MAX) } } },
    };
  if (!editor.canApprove) return { kind: 'refused', reasons: [{ key: 'refused.approver' }] };
  return step(deps, editor, itemId, shown, async (trx, item, version) => {
    if (item.status !== 'review') return { kind: 'refused', reasons: [{ key: 'refused.notInReview' }] };
    await setStatus(trx, editor.regionId, item.id, 'draft', editor.accountId);
    await audit(trx, editor, 'content.returned', item, {
      name: itemName(version.data, item.slug),
      version: item.version,
      comment: text,
    });
    return { kind: 'done', id: item.id };
  });
}

export async function unpublishItem(deps: EditorialDeps, editor: Editor, itemId: string): Promise<Result> {
  if (!editor.canApprove) return { kind: 'refused', reasons: [{ key: 'refused.approver' }] };
  return step(deps, editor, itemId, undefined, async (trx, item, version) => {
    if (item.publishedVersion === null)
      return { kind: 'refused', reasons: [{ key: 'refused.notPublished' }] };
    await unpublish(trx, editor.regionId, item.id);
    await audit(trx, editor, 'content.unpublished', item, {
      name: itemName(version.data, item.slug),
      version: item.publishedVersion,
    });
    return { kind: 'done', id: item.id };
  });
}

/** Facts of a story's audit events that may name its person: dropped when the story is deleted. */
const STORY_FACTS = ['name', 'slug', 'comment'] as const;

/**
 * Deletes an item no version of which is published (a draft, one in review, an unpublished one),
 * with every version, once the editor has confirmed. A story names a person: its audit events
 * keep no name, address or comment of it afterwards, the deletion's event names none either, and
 * no path lists its address any more.
 */
export async function deleteItem(
  deps: EditorialDeps,
  editor: Editor,
  itemId: string,
  confirmed: boolean,
): Promise<Result> {
  if (!confirmed)
    return { kind: 'invalid', errors: { 'delete_confirm-yes': { key: 'error.deleteConfirm' } } };
  return step(deps, editor, itemId, undefined, async (trx, item, version) => {
    if (item.publishedVersion !== null)
      return { kind: 'refused', reasons: [{ key: 'refused.deletePublished' }] };
    const story = item.kind === 'story';
    await deleteItemRow(trx, editor.regionId, item.id);
    if (story) {
      await scrubItemAudit(trx, editor.regionId, item.id, STORY_FACTS);
      await forgetStoryOnPaths(trx, editor.regionId, item.slug);
    }
    await audit(
      trx,
      editor,
      'content.deleted',
      item,
      story
        ? { version: item.version }
        : { name: itemName(version.data, item.slug), slug: item.slug, version: item.version },
    );
    return { kind: 'done', id: item.id };
  });
}

export interface ApproveInput {
  when: string;
  publish_date: string;
  publish_time: string;
  unpublish_date: string;
  unpublish_time: string;
}
export const APPROVE_FIELDS = [
  'when',
  'publish_date',
  'publish_time',
  'unpublish_date',
  'unpublish_time',
] as const;

/** A typed date and time; errors by their fields. `time` may be empty (midnight) when `timeOptional`. */
function readInstant(
  errors: FieldErrors,
  dateField: string,
  timeField: string,
  date: string,
  time: string,
  timeOptional: boolean,
): Date | undefined {
  const day = parseDate(date);
  if (!day) {
    errors[dateField] = { key: day === null ? 'error.dateRequired' : 'error.date' };
    return undefined;
  }
  const clock = time.trim() === '' && timeOptional ? { h: 0, mi: 0 } : parseTime(time);
  if (!clock) {
    errors[timeField] = { key: 'error.time' };
    return undefined;
  }
  return stockholmInstant(day, clock);
}

/** The schedule an approval asks for: from (now or a minute not in the past) and until (optional). */
export function readSchedule(
  input: ApproveInput,
  now: Date,
): { from: Date; until: Date | null; later: boolean; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const later = input.when === 'later';
  let from = now;
  if (later) {
    const at = readInstant(
      errors,
      'publish_date',
      'publish_time',
      input.publish_date,
      input.publish_time,
      false,
    );
    if (at && at.getTime() < minuteOf(now).getTime()) errors.publish_date = { key: 'error.past' };
    if (at) from = at;
  } else if (input.when !== 'now') errors['when-now'] = { key: 'error.when' };
  let until: Date | null = null;
  if (input.unpublish_date.trim() || input.unpublish_time.trim()) {
    const at = readInstant(
      errors,
      'unpublish_date',
      'unpublish_time',
      input.unpublish_date,
      input.unpublish_time,
      true,
    );
    if (at && at.getTime() <= from.getTime()) errors.unpublish_date = { key: 'error.unpublishBefore' };
    until = at ?? null;
  }
  return { from, until, later, errors };
}

/**
 * What stops a version from being published: a missing language, a story's consent, an image the
 * library lacks, has no alt text for or whose licence has expired.
 */
export async function publishBlockers(
  deps: EditorialDeps,
  editor: Editor,
  data: ContentData,
  today = stockholmToday(),
): Promise<Reason[]> {
  const t = (key: EditorialMessageKey) => editorialMessages.t(editor.lang, key);
  const reasons: Reason[] = missingLanguages(data).map((lang) => ({
    key: 'refused.missingLanguage',
    params: { language: t(`lang.${lang}`) },
  }));
  for (const half of halfTranslated(data)) {
    const field = half.step
      ? `${editorialMessages.t(editor.lang, 'field.step', { n: String(half.step) })}: ${t(half.label).toLowerCase()}`
      : t(half.label);
    reasons.push({ key: 'refused.halfTranslated', params: { field, language: t(`lang.${half.lang}`) } });
  }
  if (data.story) {
    const endsOn = data.story.consent.endsOn;
    if (!endsOn || !data.story.consent.recordedOn || !data.story.consent.method)
      reasons.push({ key: 'refused.consentMissing' });
    else if (endsOn <= today) reasons.push({ key: 'refused.consentEnded', params: { date: endsOn } });
  }
  const slugs = [
    ...new Set([
      ...(data.heroImage ? [data.heroImage] : []),
      ...imageSlugs(data.body.sv),
      ...imageSlugs(data.body.en),
    ]),
  ];
  if (deps.images && slugs.length > 0) {
    const known = await deps.images(editor.regionId, slugs);
    for (const slug of slugs) {
      const image = known.get(slug);
      if (!image) reasons.push({ key: 'refused.imageUnknown', params: { image: slug } });
      else {
        for (const lang of ['sv', 'en'] as const)
          if (!image.alt[lang].trim())
            reasons.push({ key: 'refused.imageAlt', params: { image: slug, language: t(`lang.${lang}`) } });
        if (image.expired) reasons.push({ key: 'refused.imageExpired', params: { image: slug } });
      }
    }
  }
  return reasons;
}

/**
 * The texts written in one language only (a story's profession, a guide step's "what to bring"):
 * the other language's page would silently lack them. Title, summary and text are missingLanguages'.
 */
function halfTranslated(data: ContentData): { label: EditorialMessageKey; lang: Lang; step?: number }[] {
  const pairs: { label: EditorialMessageKey; value: Localised; step?: number }[] = [];
  if (data.story) {
    pairs.push({ label: 'field.profession', value: data.story.profession });
    pairs.push({ label: 'field.movedFrom', value: data.story.movedFrom });
    pairs.push({ label: 'field.quote', value: data.story.quote });
  }
  if (data.place) pairs.push({ label: 'field.newcomer', value: data.place.newcomerText });
  data.guide?.steps.forEach((s, i) => {
    const step = i + 1;
    pairs.push({ label: 'field.stepTitle', value: s.title, step });
    pairs.push({ label: 'field.stepAuthority', value: s.authority, step });
    pairs.push({ label: 'field.stepBring', value: s.bring, step });
    pairs.push({ label: 'field.stepText', value: s.text, step });
  });
  const found: { label: EditorialMessageKey; lang: Lang; step?: number }[] = [];
  for (const { label, value, step } of pairs) {
    const sv = value.sv.trim();
    const en = value.en.trim();
    if (sv && !en) found.push({ label, lang: 'en', step });
    else if (en && !sv) found.push({ label, lang: 'sv', step });
  }
  return found;
}

/** A story is taken down when its consent ends: the start of that day in Stockholm. */
function consentEnd(data: ContentData): Date | null {
  const endsOn = data.story?.consent.endsOn;
  return endsOn ? stockholmInstant(endsOn) : null;
}

export async function approveItem(
  deps: EditorialDeps,
  editor: Editor,
  itemId: string,
  input: ApproveInput,
  shown: number | undefined,
  now = new Date(),
): Promise<Result> {
  if (!editor.canApprove) return { kind: 'refused', reasons: [{ key: 'refused.approver' }] };
  const schedule = readSchedule(input, now);
  if (Object.keys(schedule.errors).length > 0) return { kind: 'invalid', errors: schedule.errors };
  return step(deps, editor, itemId, shown, async (trx, item, version) => {
    if (item.status !== 'review') return { kind: 'refused', reasons: [{ key: 'refused.notInReview' }] };
    // Visitors have one version at a time: a live page keeps its version until the new one's
    // minute, when the scheduler swaps them (never a blank page in between).
    const live =
      item.publishedVersion !== null && (!item.publishAt || item.publishAt.getTime() <= now.getTime());
    if (schedule.later && live && item.unpublishAt && item.unpublishAt.getTime() <= schedule.from.getTime())
      return {
        kind: 'invalid',
        errors: {
          publish_date: { key: 'error.afterTakeDown', params: { when: stamp(item.unpublishAt) } },
        },
      };
    const reasons = await publishBlockers(deps, editor, version.data);
    if (reasons.length > 0) return { kind: 'refused', reasons };
    const until = item.kind === 'story' ? consentEnd(version.data) : schedule.until;
    if (until && until.getTime() <= schedule.from.getTime())
      return {
        kind: 'refused',
        reasons: [
          { key: 'refused.consentEnded', params: { date: version.data.story?.consent.endsOn ?? '' } },
        ],
      };
    if (schedule.later && live) {
      await scheduleVersion(trx, editor.regionId, item.id, {
        version: item.version,
        at: schedule.from,
        until,
      });
      await audit(trx, editor, 'content.approved', item, {
        name: itemName(version.data, item.slug),
        version: item.version,
        scheduled: true,
        replaces: item.publishedVersion,
        at: stamp(schedule.from),
        until: until ? stamp(until) : null,
      });
      return { kind: 'done', id: item.id };
    }
    await publish(trx, {
      regionId: editor.regionId,
      itemId: item.id,
      version: item.version,
      visibleFrom: schedule.from,
      visibleUntil: until,
    });
    await setWentLive(trx, editor.regionId, item.id, schedule.later ? null : now);
    await audit(trx, editor, 'content.approved', item, {
      name: itemName(version.data, item.slug),
      version: item.version,
      scheduled: schedule.later,
      at: stamp(schedule.from),
      until: until ? stamp(until) : null,
    });
    return { kind: 'done', id: item.id };
  });
}

/** An instant as the audit trail's words show it in both languages: `2026-12-12 14:05`. */
export function stamp(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}

/** The comment the item was last sent back with, and by whom, while it is back in draft. */
export async function returnComment(db: Kysely<DB>, editor: Editor, item: ContentItem) {
  if (item.status !== 'draft') return undefined;
  const last = await lastReturn(db, editor.regionId, item.id);
  if (!last) return undefined;
  const names = await accountNames(db, editor.regionId, [last.actorId]);
  return { ...last, by: names.get(last.actorId ?? '') ?? '' };
}
