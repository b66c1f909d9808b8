/**
 * Found by looking at sitemap.xml as a region's web editor would: the job board page itself was not
 * in it, so a region whose ads are all demo ads or mirrored from Platsbanken listed no job page at all.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';

describe('the sitemap and the job board', async () => {
  const { app } = await buildTestApp();

  it('lists the job board in both languages, with its hreflang alternates, once', async () => {
    const res = await app.inject({ method: 'GET', url: '/sitemap.xml' });
    assert.equal(res.statusCode, 200);
    const locs = [...res.body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    for (const lang of ['sv', 'en']) {
      const url = `http://localhost:3000/${lang}/jobs`;
      assert.equal(locs.filter((l) => l === url).length, 1, url);
    }
    assert.match(
      res.body,
      /<loc>http:\/\/localhost:3000\/en\/jobs<\/loc><xhtml:link rel="alternate" hreflang="sv" href="http:\/\/localhost:3000\/sv\/jobs"\/>/,
    );
  });
});
