/**
 * Uploaded images: what they are (by their bytes, never their name or the type the browser sent),
 * whether they are within the limits, and their renditions for a responsive srcset.
 *
 *   detectImageType   magic bytes: JPEG, PNG, WebP or AVIF, else undefined
 *   processImage      checks bytes and pixels (the pixel count is read from the header, so a small
 *                     file that claims huge dimensions — a decompression bomb — is refused before
 *                     anything is decoded), turns the picture upright (EXIF orientation), and
 *                     renders it at RENDITION_WIDTHS (never wider than the original) in AVIF,
 *                     WebP and JPEG; no metadata is written (EXIF, GPS, XMP, ICC are all dropped)
 *
 * Processing happens in the request that uploads (the editor sees the result or the error at once),
 * bounded: libvips uses one thread per image and at most one image is processed at a time per
 * process (a few more wait their turn; beyond that the upload is told to try again), so uploads
 * cannot take every core from the pages.
 */
import sharp, { type Metadata, type Sharp } from 'sharp';

export const IMAGE_TYPES = ['jpeg', 'png', 'webp', 'avif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export const RENDITION_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];
// 720 serves a 2× phone (a 375 px screen asks for about 700 px) without the 960 files' weight.
export const RENDITION_WIDTHS = [320, 640, 720, 960, 1280, 1920] as const;
const MAX_WIDTH = 1920;

export const CONTENT_TYPES: Record<RenditionFormat | 'png' | 'svg', string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
};
export const EXTENSIONS: Record<RenditionFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

sharp.concurrency(1);
sharp.cache(false);

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.subarray(start, end)).toString('latin1');

/** The image type by the file's first bytes, or undefined for anything else. */
export function detectImageType(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length < 16) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    // The ftyp box: major brand, minor version, then compatible brands.
    const size = Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0);
    const box = ascii(bytes, 8, Math.min(size, 64, bytes.length));
    const brands = [box.slice(0, 4), ...(box.slice(8).match(/.{4}/g) ?? [])];
    if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  }
  return undefined;
}

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

export interface Rendition {
  width: number;
  height: number;
  format: RenditionFormat;
  bytes: Buffer;
}

export type ProcessResult =
  | { ok: true; type: ImageType; width: number; height: number; renditions: Rendition[] }
  | { ok: false; reason: 'not-image' | 'too-large' | 'too-many-pixels' | 'unreadable' | 'busy' };

/** The widths to render an image `width` pixels wide at: the standard ones below it, then its own (≤ 1920). */
export function renditionWidths(width: number): number[] {
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w < width);
  const top = Math.min(width, MAX_WIDTH);
  if (!widths.includes(top)) widths.push(top);
  return widths;
}

const FORMAT_OF_SHARP: Record<string, ImageType | undefined> = { jpeg: 'jpeg', png: 'png', webp: 'webp' };

/** What sharp reads from the header agrees with the magic bytes (AVIF is HEIF with AV1 inside). */
function agrees(type: ImageType, meta: Metadata): boolean {
  if (type === 'avif') return meta.format === 'heif' && meta.compression === 'av1';
  return FORMAT_OF_SHARP[meta.format ?? ''] === type;
}

/** One image at a time per process; up to `queue` more wait. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    private readonly parallel: number,
    private readonly queue: number,
  ) {}
  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (this.running >= this.parallel) {
      if (this.waiting.length >= this.queue) return undefined;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

const gate = new Gate(1, 6);

/** Encoder efforts chosen by measurement: AVIF effort 0 is 5× faster than 2 for the same size here. */
async function encode(upright: Sharp, width: number, format: RenditionFormat): Promise<Rendition> {
  let pipeline = upright.clone().resize({ width, withoutEnlargement: true });
  if (format === 'avif') pipeline = pipeline.avif({ quality: 52, effort: 0 });
  else if (format === 'webp') pipeline = pipeline.webp({ quality: 76, effort: 3 });
  else pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, format, bytes: data };
}

/** Checks an upload and renders it; see the file's comment. */
export async function processImage(bytes: Uint8Array, limits: ImageLimits): Promise<ProcessResult> {
  if (bytes.length > limits.maxBytes) return { ok: false, reason: 'too-large' };
  const type = detectImageType(bytes);
  if (!type) return { ok: false, reason: 'not-image' };
  const options = { limitInputPixels: limits.maxPixels, failOn: 'error' as const, sequentialRead: true };
  let meta: Metadata;
  try {
    // The header only: nothing is decoded here, so the pixel count can be checked on a bomb too.
    meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!agrees(type, meta) || !meta.width || !meta.height) return { ok: false, reason: 'not-image' };
  if (meta.width * meta.height > limits.maxPixels || (meta.pages ?? 1) > 1) {
    return { ok: false, reason: 'too-many-pixels' };
  }
  const done = await gate.run(async () => {
    try {
      // Upright first: a decode at most 1920 wide, in sRGB, that every rendition starts from.
      const { data, info } = await sharp(bytes, options)
        .rotate()
        .resize({ width: MAX_WIDTH, withoutEnlargement: true })
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true });
      const upright = sharp(data, {
        raw: { width: info.width, height: info.height, channels: info.channels },
      });
      const renditions: Rendition[] = [];
      for (const width of renditionWidths(info.width)) {
        for (const format of RENDITION_FORMATS) renditions.push(await encode(upright, width, format));
      }
      // The size given is the largest rendition's (the original's when it is at most 1920 wide).
      return { ok: true as const, type, width: info.width, height: info.height, renditions };
    } catch {
      return { ok: false as const, reason: 'unreadable' as const };
    }
  });
  return done ?? { ok: false, reason: 'busy' };
}
