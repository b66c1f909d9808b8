/**
 * Part 2: what the home page costs a first visit. GET /sv/ as a browser asks for it, then every
 * stylesheet, script, icon and image it references (and anything those stylesheets reference), each
 * counted as the bytes of its body on the wire, compressed as served. Response headers are not counted.
 * The same for the job board's search page and a job page (`runJobPagesWeight`), whose budget leaves
 * images out and allows a little JavaScript.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { get, type RawResponse } from '../lib/proc.ts';

export const ACCEPT_ENCODING = 'br, gzip';
export const BUDGET_BYTES = 50 * 1024;

/** What a page may cost: the home page counts everything and allows no script at all. */
export interface WeightRules {
  /** Bytes on the wire that `totalWire` (or, with `countImages: false`, `withoutImages`) may reach. */
  budget: number;
  countImages: boolean;
  /** JavaScript bytes on the wire allowed; null: no `<script>` at all. */
  maxScriptBytes: number | null;
}

export const HOME_RULES: WeightRules = { budget: BUDGET_BYTES, countImages: true, maxScriptBytes: null };
/** The job board's pages: ≤ 50 KB compressed without images, ≤ 10 KB of JavaScript. */
export const JOB_PAGE_RULES: WeightRules = {
  budget: 50 * 1024,
  countImages: false,
  maxScriptBytes: 10 * 1024,
};

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
  /** Bytes on the wire of everything but images (responses with an image/* content type). */
  withoutImages?: number;
  /** JavaScript on the wire (decoded in `scriptDecoded`). */
  scriptWire?: number;
  scriptDecoded?: number;
  rules?: WeightRules;
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
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const a = attributes(tag);
    if (a.src) refs.push({ url: unescapeHtml(a.src), kind: 'script' });
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

export async function runWeight(port: number, page = '/sv/', rules = HOME_RULES): Promise<WeightResult> {
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
  const isImage = (i: WeightItem) => i.contentType.startsWith('image/');
  const isScript = (i: WeightItem) => i.kind === 'script' || /javascript/.test(i.contentType);
  const withoutImages = items.filter((i) => !isImage(i)).reduce((sum, i) => sum + i.wire, 0);
  const scriptWire = items.filter(isScript).reduce((sum, i) => sum + i.wire, 0);
  const scriptDecoded = items.filter(isScript).reduce((sum, i) => sum + i.decoded, 0);
  const counted = rules.countImages ? totalWire : withoutImages;
  const scriptsOk = rules.maxScriptBytes === null ? scripts === 0 : scriptWire <= rules.maxScriptBytes;
  return {
    measuredAt: new Date().toISOString(),
    page,
    items,
    totalWire,
    totalDecoded,
    withoutImages,
    scriptWire,
    scriptDecoded,
    rules,
    budget: rules.budget,
    scripts,
    notCounted,
    problems,
    pass: counted <= rules.budget && scriptsOk && problems.length === 0,
  };
}

export interface JobPagesWeightResult {
  measuredAt: string;
  pages: WeightResult[];
  pass: boolean;
}

/** The path of the first job the search page links to (`/sv/jobs/<id>`), if any. */
export async function firstJobPath(port: number, lang = 'sv'): Promise<string | undefined> {
  const response = await get(port, `/${lang}/jobs`, {
    'accept-encoding': ACCEPT_ENCODING,
    accept: 'text/html',
  });
  const html = decode(response).toString('utf8');
  return new RegExp(`href="(/${lang}/jobs/[A-Za-z0-9-]{1,64})"`).exec(html)?.[1];
}

/** The job board's search page and one job page, against JOB_PAGE_RULES. */
export async function runJobPagesWeight(port: number, jobPath?: string): Promise<JobPagesWeightResult> {
  const job = jobPath ?? (await firstJobPath(port));
  const pages: WeightResult[] = [await runWeight(port, '/sv/jobs', JOB_PAGE_RULES)];
  if (job) pages.push(await runWeight(port, job, JOB_PAGE_RULES));
  else pages[0]?.problems.push('the search page links to no job, so no job page was weighed');
  return {
    measuredAt: new Date().toISOString(),
    pages,
    pass: pages.length === 2 && pages.every((p) => p.pass),
  };
}
