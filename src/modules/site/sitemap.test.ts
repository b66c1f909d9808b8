import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import type { Site, SitemapEntry, SitemapSource } from '../../platform/html/layout.ts';
import type { Region } from '../../platform/region.ts';
import { Sitemaps } from './sitemap.ts';

const region = { id: 'test', languages: ['sv', 'en'], defaultLanguage: 'sv' } as unknown as Region;
const ORIGIN = 'https://lotsa.test';

/** A source of `count` jobs that counts how many entries it was asked for. */
function jobs(count: number) {
  const asked = { entries: 0, largestSlice: 0 };
  const source: SitemapSource = {
    version: () => '1',
    count: () => Promise.resolve(count),
    async *entries(_region, offset, limit): AsyncGenerator<SitemapEntry> {
      const end = Math.min(count, offset + limit);
      asked.largestSlice = Math.max(asked.largestSlice, end - offset);
      for (let i = offset; i < end; i++) {
        asked.entries++;
        yield { path: `/jobs/${i}`, languages: ['sv', 'en'] };
        if (i % 1000 === 0) await Promise.resolve();
      }
    },
  };
  return { source, asked };
}

const siteWith = (source: SitemapSource, limit = 50_000) =>
  ({ sitemapSources: [source], sitemapUrlLimit: limit }) as unknown as Site;

async function text(body: string | Readable | null): Promise<string> {
  if (body === null) throw new Error('no such file');
  if (typeof body === 'string') return body;
  let out = '';
  for await (const chunk of body) out += String(chunk);
  return out;
}

const count = (xml: string, tag: string) => xml.split(`<${tag}>`).length - 1;

describe('sitemap files', () => {
  it('is one file up to 50,000 URLs', async () => {
    const { source } = jobs(10);
    const sitemaps = new Sitemaps(siteWith(source));
    const xml = await text(await sitemaps.root(region, ORIGIN));
    assert.match(xml, /<urlset /);
    // /, /accessibility, /privacy in two languages, /lattlast in Swedish, ten jobs in two.
    assert.equal(count(xml, 'url'), 7 + 20);
  });

  it('past 50,000 URLs is an index of files of at most 50,000 URLs, streamed from slices', async () => {
    const { source, asked } = jobs(60_000);
    const sitemaps = new Sitemaps(siteWith(source));
    const index = await text(await sitemaps.root(region, ORIGIN));
    assert.match(index, /<sitemapindex /);
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(
      files,
      [1, 2, 3].map((n) => `${ORIGIN}/sitemap-${n}.xml`),
    );
    let urls = 0;
    const seen = new Set<string>();
    for (const n of [1, 2, 3]) {
      const body = await sitemaps.file(region, ORIGIN, n);
      if (n < 3) assert.ok(body instanceof Readable, `file ${n} is streamed, not held`);
      const xml = await text(body);
      const inFile = count(xml, 'url');
      assert.ok(inFile <= 50_000, `file ${n}: ${inFile} URLs`);
      urls += inFile;
      for (const m of xml.matchAll(/<loc>([^<]+\/sv\/jobs\/\d+)<\/loc>/g)) seen.add(m[1] as string);
    }
    assert.equal(urls, 7 + 120_000);
    assert.equal(seen.size, 60_000, 'every job once');
    assert.equal(asked.entries, 60_000, 'each job read once');
    assert.ok(asked.largestSlice <= 25_000);
    assert.equal(await sitemaps.file(region, ORIGIN, 4), null);
  });
});
