/**
 * The asset form as typed and as stored: kind, titles and descriptions (sv/en), topics, personas,
 * permitted uses with a note, a photo's media-library image (by slug) or another kind's file (its
 * format known by its bytes, files.ts), creator, licence, licence URL and last day of use. Bounded,
 * one error per field in the part's message keys. Pure: the images the editor may choose are given.
 */
import { parseDate } from '../../../platform/html/forms.ts';
import {
  FormReader,
  many,
  one,
  type FieldErrors,
  type FormValues,
} from '../../../platform/html/form-values.ts';
import { isWebAddress } from '../../../platform/html/links.ts';
import { ASSET_KINDS, PERSONAS, TOPICS, USES, isOneOf, type AssetKind } from '../model.ts';
import { checkFile, MAX_FILE_BYTES, type FileFormat } from './files.ts';
import type { AssetMessageKey } from './messages.ts';
import type { AssetRow } from './repository.ts';

export const LIMITS = {
  title: 160,
  description: 2000,
  useNote: 1000,
  creator: 200,
  licence: 200,
  licenceUrl: 2000,
} as const;

export const TEXT_FIELDS = [
  'kind',
  'title_sv',
  'title_en',
  'description_sv',
  'description_en',
  'use_note_sv',
  'use_note_en',
  'image',
  'creator',
  'licence',
  'licence_url',
  'expires_on',
] as const;
export const LIST_FIELDS = ['topics', 'personas', 'uses'] as const;

export type AssetFormValues = Record<(typeof TEXT_FIELDS)[number], string> &
  Record<(typeof LIST_FIELDS)[number], string[]>;
export type AssetFormErrors = FieldErrors<AssetMessageKey>;

/** An upload as the multipart parser gives it. */
export interface Upload {
  bytes?: Buffer;
  name?: string;
  tooLarge?: boolean;
}

/** What the row gets from the form (a file, when one was sent and is good, besides). */
export interface AssetInput {
  kind: AssetKind;
  title_sv: string;
  title_en: string;
  description_sv: string;
  description_en: string;
  topics: string[];
  personas: string[];
  permitted_uses: string[];
  use_note_sv: string;
  use_note_en: string;
  /** A photo's image id. */
  media_image_id: string | null;
  creator: string;
  licence: string;
  licence_url: string;
  expires_on: string | null;
  file?: { bytes: Buffer; format: FileFormat; name: string };
}

export function emptyForm(): AssetFormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as unknown as AssetFormValues;
  values.topics = [];
  values.personas = ['everyone'];
  values.uses = [];
  return values;
}

/** A stored asset as the form shows it (`slug`: its image's). */
export function formOf(asset: AssetRow, slug: string): AssetFormValues {
  return {
    kind: asset.kind,
    title_sv: asset.title_sv,
    title_en: asset.title_en,
    description_sv: asset.description_sv,
    description_en: asset.description_en,
    use_note_sv: asset.use_note_sv,
    use_note_en: asset.use_note_en,
    image: slug,
    creator: asset.creator,
    licence: asset.licence,
    licence_url: asset.licence_url,
    expires_on: asset.own_expiry ?? '',
    topics: [...asset.topics],
    personas: [...asset.personas],
    uses: [...asset.permitted_uses],
  };
}

/** The posted body as the form shows it again. */
export function readValues(body: FormValues): AssetFormValues {
  const values = {} as AssetFormValues;
  for (const f of TEXT_FIELDS) values[f] = one(body, f).slice(0, 10_000);
  for (const f of LIST_FIELDS) values[f] = many(body, f).slice(0, 20);
  return values;
}

export interface FormContext {
  /** The kind of a stored asset (fixed); undefined on a new one. */
  kind?: AssetKind;
  /** Whether a stored asset already has its file (a new one is then optional). */
  hasFile: boolean;
  /** Image slug → id, of the images an editor may choose. */
  images: ReadonlyMap<string, string>;
  upload: Upload;
}

/** Checks the form; the input for the row when there are no errors. */
export function checkForm(
  values: AssetFormValues,
  context: FormContext,
): { errors: AssetFormErrors; input?: AssetInput } {
  const reader = new FormReader<AssetMessageKey>(values, 'error.tooLong');
  const kindText = context.kind ?? values.kind;
  const kind = isOneOf(ASSET_KINDS, kindText) ? kindText : undefined;
  if (!kind) reader.fail('kind', 'error.kind');
  const title = reader.localised('title', LIMITS.title);
  if (!title.sv) reader.fail('title_sv', 'error.required');
  if (!title.en) reader.fail('title_en', 'error.required');
  const description = reader.localised('description', LIMITS.description, true);
  const useNote = reader.localised('use_note', LIMITS.useNote, true);
  const list = (name: (typeof LIST_FIELDS)[number], allowed: readonly string[]) => {
    const picked = [...new Set(values[name])];
    if (picked.some((v) => !allowed.includes(v))) reader.fail(name, 'error.choice');
    return picked.filter((v) => allowed.includes(v)).slice(0, 10);
  };
  const topics = list('topics', TOPICS);
  const personas = list('personas', PERSONAS);
  const uses = list('uses', USES);
  if (uses.length === 0) reader.fail('uses', 'error.uses');
  const expiresText = values.expires_on.trim();
  const expires = parseDate(expiresText);
  if (expires === undefined) reader.fail('expires_on', 'error.date');

  let mediaImageId: string | null = null;
  let creator = '';
  let licence = '';
  let licenceUrl = '';
  let file: AssetInput['file'];
  if (kind === 'photo') {
    const slug = values.image.trim();
    mediaImageId = context.images.get(slug) ?? null;
    if (!mediaImageId) reader.fail('image', 'error.image');
  } else if (kind) {
    creator = reader.text('creator', LIMITS.creator);
    licence = reader.text('licence', LIMITS.licence);
    licenceUrl = reader.text('licence_url', LIMITS.licenceUrl);
    if (!creator) reader.fail('creator', 'error.required');
    if (!licence) reader.fail('licence', 'error.required');
    if (licenceUrl && !isWebAddress(licenceUrl)) reader.fail('licence_url', 'error.url');
    const { upload } = context;
    if (upload.tooLarge || (upload.bytes && upload.bytes.length > MAX_FILE_BYTES)) {
      reader.fail('file', 'error.fileTooLarge');
    } else if (upload.bytes && upload.bytes.length > 0) {
      const checked = checkFile(kind, upload.bytes, upload.name);
      if ('error' in checked)
        reader.fail('file', checked.error === 'unknown' ? 'error.fileUnknown' : 'error.fileWrongKind');
      else file = { bytes: upload.bytes, format: checked.format, name: upload.name ?? '' };
    } else if (!context.hasFile) {
      reader.fail('file', 'error.fileRequired');
    }
  }
  const errors = reader.errors;
  // a good file sent with a form that has other errors is not kept: say so by the field
  if (file && Object.keys(errors).length > 0) reader.fail('file', 'error.fileAgain');
  if (Object.keys(errors).length > 0 || !kind) return { errors };
  return {
    errors,
    input: {
      kind,
      title_sv: title.sv,
      title_en: title.en,
      description_sv: description.sv,
      description_en: description.en,
      topics,
      personas,
      permitted_uses: uses,
      use_note_sv: useNote.sv,
      use_note_en: useNote.en,
      media_image_id: mediaImageId,
      creator,
      licence,
      licence_url: licenceUrl,
      expires_on: expires ?? null,
      file,
    },
  };
}
