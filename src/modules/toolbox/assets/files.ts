/**
 * An uploaded asset file known by its bytes, never by its name: PDF (`%PDF-`), PNG and JPEG, SVG
 * (a logo: text whose first element is <svg>), ZIP-based presentation templates (.pptx, .potx,
 * .odp: a ZIP whose entries are a presentation's, the content type by the extension), MP4 (`ftyp` at byte 4) and WebM
 * (`1A45DFA3`). Each kind of asset takes some of these formats. Also the clean file name a download
 * is sent under. Pure.
 */
import { createHash } from 'node:crypto';
import type { AssetKind } from '../model.ts';

/** The largest file an editor may upload (50 MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const FORMATS = ['pdf', 'png', 'jpeg', 'svg', 'pptx', 'potx', 'odp', 'mp4', 'webm'] as const;
export type FileFormat = (typeof FORMATS)[number];

export const CONTENT_TYPE: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  potx: 'application/vnd.openxmlformats-officedocument.presentationml.template',
  odp: 'application/vnd.oasis.opendocument.presentation',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

export const EXTENSION: Record<FileFormat, string> = {
  pdf: 'pdf',
  png: 'png',
  jpeg: 'jpg',
  svg: 'svg',
  pptx: 'pptx',
  potx: 'potx',
  odp: 'odp',
  mp4: 'mp4',
  webm: 'webm',
};

/** The formats each kind of asset takes (a photo is the media library's, no file). */
export const FORMATS_OF: Record<Exclude<AssetKind, 'photo'>, readonly FileFormat[]> = {
  logo: ['svg', 'png', 'jpeg', 'pdf'],
  'graphic-profile': ['pdf'],
  template: ['pptx', 'potx', 'odp'],
  film: ['mp4', 'webm'],
  document: ['pdf', 'png', 'jpeg'],
};

const startsWith = (bytes: Buffer, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Whether the bytes are an SVG document: UTF-8 text whose first element is <svg>. */
function isSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  // the XML declaration, comments and a doctype may come before the root element
  const rest = text.replace(/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<svg[\s>]/i.test(rest);
}

/** Most entries read from a ZIP's central directory (a template has a few hundred). */
const MAX_ZIP_ENTRIES = 20_000;

/**
 * The names in a ZIP's central directory (found from its end record), or undefined when the bytes
 * are not a well-formed ZIP. Bounded: the end record is looked for in the last 64 KiB, at most
 * MAX_ZIP_ENTRIES names are read, every offset is checked against the length.
 */
export function zipEntries(bytes: Buffer): string[] | undefined {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (count > MAX_ZIP_ENTRIES) return undefined;
  const names: string[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return undefined;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

const ODP_TYPE = 'application/vnd.oasis.opendocument.presentation';

/**
 * Whether a ZIP is the presentation its name says: an Office Open XML presentation (.pptx, .potx)
 * has [Content_Types].xml and ppt/presentation.xml; an OpenDocument presentation (.odp) starts with
 * its `mimetype` entry naming the type and has content.xml. A ZIP of anything else is refused.
 */
function isPresentation(bytes: Buffer, ext: 'pptx' | 'potx' | 'odp'): boolean {
  const names = zipEntries(bytes);
  if (!names) return false;
  if (ext === 'odp') {
    if (bytes.length < 30) return false;
    const nameLength = bytes.readUInt16LE(26);
    const extra = bytes.readUInt16LE(28);
    const first = bytes.toString('utf8', 30, 30 + nameLength);
    const data = 30 + nameLength + extra;
    return (
      first === 'mimetype' &&
      bytes.toString('utf8', data, data + ODP_TYPE.length) === ODP_TYPE &&
      names.includes('content.xml')
    );
  }
  return names.includes('[Content_Types].xml') && names.includes('ppt/presentation.xml');
}

/** The extension of an (untrusted) file name, lower case, or ''. */
export function extensionOf(name: string | undefined): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name ?? '');
  return match ? match[1]!.toLowerCase() : '';
}

/**
 * What the bytes are, or undefined: a ZIP is a presentation template only under the extension
 * .pptx, .potx or .odp (the name picks which of the three; the bytes must be a ZIP).
 */
export function sniffFormat(bytes: Buffer, fileName: string | undefined): FileFormat | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const ext = extensionOf(fileName);
    if (ext !== 'pptx' && ext !== 'potx' && ext !== 'odp') return undefined;
    return isPresentation(bytes, ext) ? ext : undefined;
  }
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'mp4';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (isSvg(bytes)) return 'svg';
  return undefined;
}

/** The format of an upload for a kind of asset, or why not. */
export function checkFile(
  kind: Exclude<AssetKind, 'photo'>,
  bytes: Buffer,
  fileName: string | undefined,
): { format: FileFormat } | { error: 'unknown' | 'wrongKind' } {
  const format = sniffFormat(bytes, fileName);
  if (!format) return { error: 'unknown' };
  if (!FORMATS_OF[kind].includes(format)) return { error: 'wrongKind' };
  return { format };
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The format a stored content type stands for (a download's extension). */
export function formatOfType(contentType: string): FileFormat | undefined {
  return FORMATS.find((f) => CONTENT_TYPE[f] === contentType);
}

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', ü: 'u', æ: 'ae', ø: 'o' };

/**
 * A download's file name: the title folded to plain ASCII letters, digits and hyphens (at most 80),
 * and the format's extension ("dalarna-ordmarke.svg"); `fallback` when nothing is left.
 */
export function cleanFileName(title: string, extension: string, fallback = 'material'): string {
  const base = title
    .toLowerCase()
    .replace(/[åäöéüæø]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return `${base || fallback}.${extension}`;
}

/** The bytes as "1,2 MB" / "1.2 MB" (kB under a megabyte). */
export function sizeText(lang: 'sv' | 'en', bytes: number): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  if (bytes < 1024 * 1024) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} kB`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
