/**
 * Changes to the media library: upload (checked by content, rendered, stored, recorded), edit of
 * the texts and credits (of an image visitors or others' pages see: by approvers only, as it
 * changes on them at once),
 * deletion when unused. Each writes one audit event in its transaction; the
 * files are written before the row (a failed insert removes them) and removed after the row is
 * gone, so a row never names a file that is not there.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { parseDate } from '../../../platform/html/forms.ts';
import { isWebAddress } from '../../../platform/html/links.ts';
import {
  CONTENT_TYPES,
  detectImageType,
  processImage,
  type ImageLimits,
  type Rendition,
} from '../../../platform/images/index.ts';
import type { Params } from '../../../platform/i18n/index.ts';
import type { RateLimiter, RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { Storage } from '../../../platform/storage/index.ts';
import type { MediaMessageKey } from './messages.ts';
import {
  deleteImageRow,
  imageById,
  imageIdForSlug,
  insertImage,
  updateImageValues,
  type ImageRow,
  type ImageValues,
} from './repository.ts';
import { illustrationFile, mediaUsage, renditionFile, type MediaUsage } from './service.ts';

export interface MediaDeps {
  db: Kysely<DB>;
  storage: Storage;
  limits: ImageLimits;
  /** Counts each person's uploads (MEDIA_UPLOAD_LIMIT); without it uploads are not limited (tests). */
  rateLimiter?: RateLimiter;
}

/** Uploads per person: every image is decoded and rendered in several sizes and formats. */
export const MEDIA_UPLOAD_LIMIT: RateLimitRule = { name: 'media-upload', max: 60, windowSeconds: 600 };

/**
 * Counts one upload by the person; the seconds to wait when they are over MEDIA_UPLOAD_LIMIT (the
 * upload is then refused before its file is read as an image), else undefined.
 */
export async function uploadWait(deps: MediaDeps, accountId: string | null): Promise<number | undefined> {
  if (!deps.rateLimiter || !accountId) return undefined;
  return deps.rateLimiter.hit(`${MEDIA_UPLOAD_LIMIT.name}:${accountId}`, MEDIA_UPLOAD_LIMIT);
}

export interface Editor {
  regionId: string;
  actor: AuditActor;
  accountId: string | null;
  organisationId: string | null;
  /**
   * May approve content (ContentApprove): may change an image pages use, whose texts and credits
   * show on them at once without review. Others may change an image no page uses, and one they
   * uploaded that only drafts show.
   */
  canApprove: boolean;
}

export const TEXT_FIELDS = [
  'slug',
  'alt_sv',
  'alt_en',
  'caption_sv',
  'caption_en',
  'photographer',
  'licence',
  'licence_url',
  'source',
  'source_url',
  'expires_on',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type FormField = TextField | 'file';
export type FormValues = Record<TextField, string>;
export interface FieldError {
  key: MediaMessageKey;
  params?: Params;
}
export type FormErrors = Partial<Record<FormField, FieldError>>;

export type ChangeResult =
  | { kind: 'done'; id: string }
  | { kind: 'invalid'; errors: FormErrors }
  | { kind: 'not-found' }
  | { kind: 'in-use'; usage: MediaUsage[] };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX: Record<TextField, number> = {
  slug: 80,
  alt_sv: 300,
  alt_en: 300,
  caption_sv: 300,
  caption_en: 300,
  photographer: 200,
  licence: 200,
  licence_url: 2000,
  source: 200,
  source_url: 2000,
  expires_on: 10,
};

/** The form's text fields as typed (trimmed; absent ones empty). */
export function readForm(body: Partial<Record<string, unknown>>): FormValues {
  const values = {} as FormValues;
  for (const name of TEXT_FIELDS) {
    const value = body[name];
    values[name] = typeof value === 'string' ? value.trim() : '';
  }
  return values;
}

/** Checks the texts; Swedish alt text is needed at once, English may follow (till then: not usable). */
export function checkForm(values: FormValues): { errors: FormErrors; parsed: ImageValues } {
  const errors: FormErrors = {};
  for (const name of TEXT_FIELDS) {
    if (values[name].length > MAX[name]) errors[name] = { key: 'error.tooLong', params: { max: MAX[name] } };
  }
  if (!errors.slug && !SLUG.test(values.slug)) errors.slug = { key: 'error.slug' };
  if (!errors.alt_sv && values.alt_sv === '') errors.alt_sv = { key: 'error.altSv' };
  for (const name of ['licence_url', 'source_url'] as const) {
    if (!errors[name] && values[name] !== '' && !isWebAddress(values[name])) {
      errors[name] = { key: 'error.url' };
    }
  }
  const expires = parseDate(values.expires_on);
  if (expires === undefined) errors.expires_on = { key: 'error.date' };
  const { expires_on: _, ...texts } = values;
  return { errors, parsed: { ...texts, expires_on: expires ?? null } };
}

const fileHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);
export const prefixOf = (regionId: string, id: string) => `media/${regionId}/${id}`;

/** Every file of an image, by storage key. */
export function imageKeys(row: Pick<ImageRow, 'storage_prefix' | 'file_hash' | 'widths' | 'kind'>): string[] {
  if (row.kind === 'illustration') return [`${row.storage_prefix}/${illustrationFile(row.file_hash)}`];
  return row.widths.flatMap((w) =>
    (['avif', 'webp', 'jpeg'] as const).map(
      (f) => `${row.storage_prefix}/${renditionFile(w, row.file_hash, f)}`,
    ),
  );
}

export async function storeRenditions(
  storage: Storage,
  prefix: string,
  hash: string,
  renditions: Rendition[],
): Promise<void> {
  for (const r of renditions) {
    await storage.put(
      `${prefix}/${renditionFile(r.width, hash, r.format)}`,
      r.bytes,
      CONTENT_TYPES[r.format],
    );
  }
}

async function removeFiles(storage: Storage, keys: string[]): Promise<void> {
  for (const key of keys) await storage.delete(key);
}

const UPLOAD_ERRORS = {
  'not-image': 'error.notImage',
  'too-large': 'error.tooLarge',
  'too-many-pixels': 'error.tooManyPixels',
  unreadable: 'error.unreadable',
  busy: 'error.busy',
} as const;

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/**
 * Whether pages wait for an image of this name (a fixed picture, a page naming it) that only an
 * approver may give them: an image under that name would show there at once, unreviewed.
 */
async function awaitedByPages(deps: MediaDeps, editor: Editor, slug: string): Promise<boolean> {
  if (editor.canApprove) return false;
  const usage = await mediaUsage(deps.db, editor.regionId, slug);
  return usage !== undefined && usage.length > 0;
}

/** An upload: the texts checked, the file checked by content and rendered, files stored, row and audit written. */
export async function uploadImage(
  deps: MediaDeps,
  editor: Editor,
  input: {
    values: FormValues;
    file: Buffer | undefined;
    fileTooLarge: boolean;
    /** An employer organisation's own image (its company page's), else the region's. */
    organisationId?: string | null;
  },
): Promise<ChangeResult> {
  const { errors, parsed } = checkForm(input.values);
  if (input.fileTooLarge) errors.file = { key: 'error.tooLarge' };
  else if (!input.file || input.file.length === 0) errors.file = { key: 'error.fileMissing' };
  // By its first bytes, so a wrong file is named even when another field is wrong too.
  else if (!detectImageType(input.file)) errors.file = { key: UPLOAD_ERRORS['not-image'] };
  if (!errors.slug && (await imageIdForSlug(deps.db, editor.regionId, parsed.slug))) {
    errors.slug = { key: 'error.slugTaken', params: { slug: parsed.slug } };
  }
  if (!errors.slug && (await awaitedByPages(deps, editor, parsed.slug)))
    errors.slug = { key: 'error.slugAwaited', params: { slug: parsed.slug } };
  if (Object.keys(errors).length > 0 || !input.file) return { kind: 'invalid', errors };
  const processed = await processImage(input.file, deps.limits);
  if (!processed.ok) return { kind: 'invalid', errors: { file: { key: UPLOAD_ERRORS[processed.reason] } } };
  const id = crypto.randomUUID();
  const hash = fileHash(input.file);
  const prefix = prefixOf(editor.regionId, id);
  await storeRenditions(deps.storage, prefix, hash, processed.renditions);
  const files = {
    kind: 'photo' as const,
    width: processed.width,
    height: processed.height,
    format: processed.type,
    bytes: input.file.length,
    storage_prefix: prefix,
    file_hash: hash,
    widths: [...new Set(processed.renditions.map((r) => r.width))],
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertImage(trx, editor.regionId, {
        id,
        ...parsed,
        ...files,
        demo: false,
        uploaded_by: editor.accountId,
        organisation_id: input.organisationId ?? null,
      });
      await audit(trx, editor, 'media.image.uploaded', id, parsed.slug);
    });
  } catch (error) {
    await removeFiles(deps.storage, imageKeys(files));
    if (isUniqueViolation(error)) {
      return { kind: 'invalid', errors: { slug: { key: 'error.slugTaken', params: { slug: parsed.slug } } } };
    }
    throw error;
  }
  return { kind: 'done', id };
}

function audit(db: Kysely<DB>, editor: Editor, action: string, id: string, slug: string): Promise<void> {
  return recordAudit(db, {
    regionId: editor.regionId,
    actor: editor.actor,
    organisationId: editor.organisationId,
    action,
    subjectType: 'media_image',
    subjectId: id,
    data: { slug },
  });
}

/**
 * Whether the editor may change an image's texts where it is used: an approver always; anyone
 * while no page uses it; its uploader while only drafts show it (no visitor sees the change).
 */
function mayChangeInUse(editor: Editor, image: ImageRow, usage: MediaUsage[] | undefined): boolean {
  if (editor.canApprove || !usage || usage.length === 0) return true;
  return image.uploaded_by === editor.accountId && usage.every((u) => u.live === false);
}

/** The form's fields whose value differs from the image's stored one. */
function changedFields(current: ImageRow, parsed: ImageValues): TextField[] {
  return TEXT_FIELDS.filter((name) => (current[name] ?? '') !== (parsed[name] ?? ''));
}

/** New texts and credits for an image (a new slug is checked against the others). */
export async function updateImage(
  deps: MediaDeps,
  editor: Editor,
  id: string,
  values: FormValues,
): Promise<ChangeResult> {
  const current = await imageById(deps.db, editor.regionId, id);
  if (!current) return { kind: 'not-found' };
  const { errors, parsed } = checkForm(values);
  const usage = await mediaUsage(deps.db, editor.regionId, current.slug);
  if (!errors.slug && parsed.slug !== current.slug) {
    // Pages name their images by slug: a new name while in use would take the image off them.
    const other = await imageIdForSlug(deps.db, editor.regionId, parsed.slug);
    if (usage && usage.length > 0) {
      errors.slug = { key: 'error.slugInUse', params: { slug: current.slug, count: usage.length } };
    } else if (other && other !== id) errors.slug = { key: 'error.slugTaken', params: { slug: parsed.slug } };
    else if (await awaitedByPages(deps, editor, parsed.slug))
      errors.slug = { key: 'error.slugAwaited', params: { slug: parsed.slug } };
  }
  if (!mayChangeInUse(editor, current, usage)) {
    // What is shown of an image in use changes on its pages at once: for approvers only.
    for (const name of changedFields(current, parsed)) errors[name] ??= { key: 'error.inUseApprover' };
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await updateImageValues(trx, editor.regionId, id, parsed, editor.accountId);
      await audit(trx, editor, 'media.image.updated', id, parsed.slug);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { kind: 'invalid', errors: { slug: { key: 'error.slugTaken', params: { slug: parsed.slug } } } };
    }
    throw error;
  }
  return { kind: 'done', id };
}

/** Deletes an unused image: the row and its audit event, then its files. */
export async function deleteImage(deps: MediaDeps, editor: Editor, id: string): Promise<ChangeResult> {
  const current = await imageById(deps.db, editor.regionId, id);
  if (!current) return { kind: 'not-found' };
  const usage = await mediaUsage(deps.db, editor.regionId, current.slug);
  if (usage && usage.length > 0) return { kind: 'in-use', usage };
  const deleted = await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteImageRow(trx, editor.regionId, id))) return false;
    await audit(trx, editor, 'media.image.deleted', id, current.slug);
    return true;
  });
  if (!deleted) return { kind: 'not-found' };
  await removeFiles(deps.storage, imageKeys(current));
  return { kind: 'done', id };
}
