/**
 * sitemap.xml: the site's own pages, then each module's (SitemapSource), in numbered files of at
 * most `site.sitemapUrlLimit` URLs. While everything fits in one file, /sitemap.xml is that file;
 * past it, /sitemap.xml is a <sitemapindex> of /sitemap-1.xml, /sitemap-2.xml, …
 *
 * Nothing holds every page at once: a file is read from its sources a slice at a time. A file of
 * up to CACHED_ENTRIES entries is kept as text for the version of its sources it was read at (a
 * crawler or anyone else asking again costs no database read); larger files are streamed.
 */
import { Readable } from 'node:stream';
import { localPath, type Site, type SitemapEntry, type SitemapSource } from '../../platform/html/layout.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Region } from '../../platform/region.ts';

/** Pages of the site module that exist in every language of the region. */
const PAGES = ['/', '/accessibility', '/privacy'] as const;

/** Files of at most this many entries are kept as text per version; larger ones are streamed. */
const CACHED_ENTRIES = 5_000;

const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
const URLSET_CLOSE = '</urlset>\n';

/** The site's own pages, as a source held in memory. */
function ownPages(region: Region): SitemapEntry[] {
  return [
    ...PAGES.map((path) => ({ path, languages: region.languages })),
    { path: '/lattlast', languages: ['sv'] as const },
  ];
}

/** The <url> elements of one entry: one per language, each naming the others (hreflang). */
function entryXml(origin: string, region: Region, entry: SitemapEntry): string {
  const langs = entry.languages.filter((l: Lang) => region.languages.includes(l));
  const alternates =
    langs
      .map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${origin}${localPath(l, entry.path)}"/>`)
      .join('') +
    (langs.length > 1
      ? `<xhtml:link rel="alternate" hreflang="x-default" href="${origin}${localPath(region.defaultLanguage, entry.path)}"/>`
      : '');
  const lastmod = entry.lastModified ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>` : '';
  return langs
    .map((l) => `<url><loc>${origin}${localPath(l, entry.path)}</loc>${lastmod}${alternates}</url>\n`)
    .join('');
}

/** What /sitemap.xml is for a region now: one file, or an index of `files` numbered files. */
export type SitemapShape = { kind: 'single' } | { kind: 'index'; files: number };

interface RegionCache {
  key: string;
  counts: Promise<number[]>;
  files: Map<number, Promise<string>>;
}

export class Sitemaps {
  private readonly cache = new Map<string, RegionCache>();

  constructor(private readonly site: Site) {}

  /** Entries per file: every entry gives at most one URL per language of the region. */
  private perFile(region: Region): number {
    return Math.max(1, Math.floor(this.site.sitemapUrlLimit / Math.max(1, region.languages.length)));
  }

  private sources(region: Region): SitemapSource[] {
    const own = ownPages(region);
    const inMemory: SitemapSource = {
      version: () => region.languages.join(','),
      count: async () => own.length,
      entries: async function* (_region, offset, limit) {
        yield* own.slice(offset, offset + limit);
      },
    };
    return [inMemory, ...this.site.sitemapSources];
  }

  private regionCache(region: Region, origin: string, sources: SitemapSource[]): RegionCache {
    const key = [origin, ...sources.map((s) => s.version(region))].join('|');
    const known = this.cache.get(region.id);
    if (known?.key === key) return known;
    const counts = Promise.all(sources.map((s) => s.count(region)));
    const fresh: RegionCache = { key, counts, files: new Map() };
    this.cache.set(region.id, fresh);
    counts.catch(() => {
      if (this.cache.get(region.id) === fresh) this.cache.delete(region.id);
    });
    return fresh;
  }

  /** The number of files the region's sitemap takes. */
  async files(region: Region, origin: string): Promise<number> {
    const sources = this.sources(region);
    const counts = await this.regionCache(region, origin, sources).counts;
    const total = counts.reduce((a, b) => a + b, 0);
    return Math.max(1, Math.ceil(total / this.perFile(region)));
  }

  /** /sitemap.xml: the only file, or the index of the numbered ones. */
  async root(region: Region, origin: string): Promise<string | Readable> {
    const files = await this.files(region, origin);
    if (files === 1) return (await this.file(region, origin, 1)) ?? '';
    const items = Array.from(
      { length: files },
      (_, i) => `<sitemap><loc>${origin}/sitemap-${i + 1}.xml</loc></sitemap>\n`,
    );
    return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('')}</sitemapindex>\n`;
  }

  /** File `n` (from 1), or null when there is no such file. */
  async file(region: Region, origin: string, n: number): Promise<string | Readable | null> {
    const sources = this.sources(region);
    const cache = this.regionCache(region, origin, sources);
    const counts = await cache.counts;
    const perFile = this.perFile(region);
    const total = counts.reduce((a, b) => a + b, 0);
    if (n < 1 || n > Math.max(1, Math.ceil(total / perFile))) return null;
    const start = (n - 1) * perFile;
    const size = Math.min(perFile, total - start);
    const chunks = () => this.chunks(region, origin, sources, counts, start, size);
    if (size > CACHED_ENTRIES) return Readable.from(chunks());
    const known = cache.files.get(n);
    if (known) return known;
    const text = (async () => {
      let out = '';
      for await (const chunk of chunks()) out += chunk;
      return out;
    })();
    cache.files.set(n, text);
    text.catch(() => cache.files.delete(n));
    return text;
  }

  /** The XML of entries [start, start + size) across the sources in order, a slice at a time. */
  private async *chunks(
    region: Region,
    origin: string,
    sources: SitemapSource[],
    counts: number[],
    start: number,
    size: number,
  ): AsyncGenerator<string> {
    yield URLSET_OPEN;
    let skip = start;
    let left = size;
    for (const [i, source] of sources.entries()) {
      const count = counts[i] ?? 0;
      if (skip >= count) {
        skip -= count;
        continue;
      }
      const take = Math.min(left, count - skip);
      let batch = '';
      for await (const entry of source.entries(region, skip, take)) {
        batch += entryXml(origin, region, entry);
        if (batch.length > 64_000) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
      left -= take;
      skip = 0;
      if (left <= 0) break;
    }
    yield URLSET_CLOSE;
  }
}
