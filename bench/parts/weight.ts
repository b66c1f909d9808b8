/**
 * Part 2: what the home page costs a first visit. GET /sv/ as a browser asks for it, then every
 * stylesheet, icon and image it references (and anything those stylesheets reference), each counted
 * as the bytes of its body on the wire, compressed as served. Response headers are not counted.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { get, type RawResponse } from '../lib/proc.ts';

export const ACCEPT_ENCODING = 'br, gzip';
export const BUDGET_BYTES = 50 * 1024;

export interface WeightItem {
  url: string;
  kind: string;
  status: number;
  contentType: string;
  encoding: string;
  /** Body bytes as transferred. */
  wire: number;
  /** Body bytes after decoding. */
  decoded: number;
}

export interface WeightResult {
  measuredAt: string;
  page: string;
  items: WeightItem[];
  totalWire: number;
  totalDecoded: number;
  budget: number;
  scripts: number;
  /** Referenced but not loaded by a browser rendering the page (e.g. og:image); not counted. */
  notCounted: { url: string; why: string }[];
  problems: string[];
  pass: boolean;
}

function decode(response: RawResponse): Buffer {
  const encoding = String(response.headers['content-encoding'] ?? '');
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    out[(match[1] as string).toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return out;
}

const unescapeHtml = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** What a browser fetches to render `html`: stylesheets, icons, images (src and srcset), preloads. */
export function referencedResources(html: string): {
  refs: { url: string; kind: string }[];
  ogImages: string[];
} {
  const refs: { url: string; kind: string }[] = [];
  const ogImages: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(tag);
    const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
    if (!a.href) continue;
    if (rel.includes('stylesheet')) refs.push({ url: unescapeHtml(a.href), kind: 'stylesheet' });
    else if (rel.includes('icon') || rel.includes('apple-touch-icon'))
      refs.push({ url: unescapeHtml(a.href), kind: 'icon' });
    else if (rel.includes('preload') || rel.includes('modulepreload'))
      refs.push({ url: unescapeHtml(a.href), kind: 'preload' });
  }
  for (const [tag] of html.matchAll(/<(?:img|source|input)\b[^>]*>/gi)) {
    const a = attributes(tag);
    if (a.src) refs.push({ url: unescapeHtml(a.src), kind: 'image' });
    for (const candidate of (a.srcset ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) refs.push({ url: unescapeHtml(url), kind: 'image' });
    }
  }
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributes(tag);
    if ((a.property === 'og:image' || a.name === 'twitter:image') && a.content) ogImages.push(a.content);
  }
  return { refs, ogImages };
}

/** url(...) references in CSS (images, fonts), except data: URIs, which are already counted. */
export function cssReferences(css: string): string[] {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)]
    .map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim())
    .filter((url) => url && !url.startsWith('data:') && !url.startsWith('#'));
}

export async function runWeight(port: number, page = '/sv/'): Promise<WeightResult> {
  const origin = `http://localhost:${port}`;
  const headers = { 'accept-encoding': ACCEPT_ENCODING, accept: 'text/html,*/*' };
  const problems: string[] = [];
  const items: WeightItem[] = [];
  const notCounted: { url: string; why: string }[] = [];
  const seen = new Set<string>();

  const fetchItem = async (url: string, kind: string): Promise<Buffer | undefined> => {
    const target = new URL(url, origin);
    if (target.origin !== origin) {
      problems.push(`${url} is on another origin; not fetched (only localhost is benchmarked)`);
      return undefined;
    }
    const key = target.pathname + target.search;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const response = await get(port, key, headers);
    const body = decode(response);
    items.push({
      url: key,
      kind,
      status: response.status,
      contentType: String(response.headers['content-type'] ?? ''),
      encoding: String(response.headers['content-encoding'] ?? 'identity'),
      wire: response.body.length,
      decoded: body.length,
    });
    if (response.status !== 200) problems.push(`${key} answered ${response.status}`);
    return body;
  };

  const htmlBody = await fetchItem(page, 'html');
  const html = htmlBody?.toString('utf8') ?? '';
  const { refs, ogImages } = referencedResources(html);
  for (const ref of refs) {
    const body = await fetchItem(ref.url, ref.kind);
    if (body && ref.kind === 'stylesheet') {
      const base = new URL(ref.url, origin + page);
      for (const url of cssReferences(body.toString('utf8')))
        await fetchItem(new URL(url, base).href, 'css url()');
    }
  }
  for (const url of ogImages)
    notCounted.push({ url, why: 'og:image: fetched by link previews, not by the page' });

  const htmlItem = items[0];
  if (htmlItem && htmlItem.encoding === 'identity' && htmlItem.decoded > 1024) {
    problems.push(`${page} was sent uncompressed (${htmlItem.decoded} bytes)`);
  }
  const totalWire = items.reduce((sum, i) => sum + i.wire, 0);
  const totalDecoded = items.reduce((sum, i) => sum + i.decoded, 0);
  const scripts = (html.match(/<script\b/gi) ?? []).length;
  return {
    measuredAt: new Date().toISOString(),
    page,
    items,
    totalWire,
    totalDecoded,
    budget: BUDGET_BYTES,
    scripts,
    notCounted,
    problems,
    pass: totalWire <= BUDGET_BYTES && scripts === 0 && problems.length === 0,
  };
}
