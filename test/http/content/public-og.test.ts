import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { guideData, pathData, placeData, publishItem, storyData } from './public-fixture.ts';

/** The page's Open Graph image tags, by property. */
function og(body: string): Record<string, string> {
  return Object.fromEntries(
    [...body.matchAll(/<meta (?:property|name)="((?:og:image|twitter:card)[^"]*)" content="([^"]*)">/g)].map(
      (m) => [m[1] ?? '', m[2] ?? ''],
    ),
  );
}

describe('Open Graph and the sitemap', async () => {
  const { app, database } = await buildTestApp();
  before(async () => {
    const db = database.db;
    await publishItem(db, 'guide', 'work-permit', guideData('Arbetstillstånd'));
    await publishItem(db, 'story', 'anna', storyData('Anna'), { municipalityCode: '2080' });
    await publishItem(db, 'path', 'families', pathData('families', [], []));
    await publishItem(db, 'place', 'falun', placeData('Falun'), { municipalityCode: '2080' });
  });

  it('every kind of page has og:image with its alt text and size, and a Twitter card', async () => {
    const pages = [
      '/sv/',
      '/en/',
      '/sv/guides',
      '/en/guides/work-permit',
      '/sv/stories',
      '/en/stories/anna',
      '/sv/paths',
      '/en/paths/families',
      '/sv/move',
      '/sv/jobs',
      '/en/accessibility',
      '/sv/privacy',
      '/sv/lattlast',
    ];
    for (const url of pages) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, url);
      const tags = og(res.body);
      assert.match(tags['og:image'] ?? '', /^http:\/\/localhost:3000\//, url);
      assert.ok((tags['og:image:alt'] ?? '').length > 10, `${url}: og:image:alt`);
      assert.match(tags['og:image:width'] ?? '', /^\d+$/, url);
      assert.match(tags['og:image:height'] ?? '', /^\d+$/, url);
      assert.equal(tags['twitter:card'], 'summary_large_image', url);
    }
    // Without a picture of its own: the region's social image, 1200×630, alt text in the page's language.
    const en = og((await app.inject('/en/privacy')).body);
    assert.match(en['og:image'] ?? '', /\/static\/img\/og-default\.jpg/);
    assert.equal(en['og:image:width'], '1200');
    assert.equal(en['og:image:height'], '630');
    assert.match(en['og:image:alt'] ?? '', /A long wooden jetty/);
    assert.match(og((await app.inject('/sv/privacy')).body)['og:image:alt'] ?? '', /En lång träbrygga/);
  });

  it('the sitemap lists the content pages in both languages with hreflang sv, en and x-default', async () => {
    const res = await app.inject('/sitemap.xml');
    assert.equal(res.statusCode, 200);
    const xml = res.body;
    for (const path of [
      '/guides',
      '/guides/work-permit',
      '/stories',
      '/stories/anna',
      '/paths',
      '/paths/families',
      '/paths/nature',
      '/places',
      '/places/falun',
      '/move',
    ]) {
      for (const lang of ['sv', 'en']) {
        const url = `<url><loc>http://localhost:3000/${lang}${path}</loc>`;
        const start = xml.indexOf(url);
        assert.ok(start >= 0, `${lang}${path}`);
        const entry = xml.slice(start, xml.indexOf('</url>', start));
        for (const alt of ['sv', 'en'])
          assert.ok(
            entry.includes(
              `<xhtml:link rel="alternate" hreflang="${alt}" href="http://localhost:3000/${alt}${path}"/>`,
            ),
            `${lang}${path} → ${alt}`,
          );
        assert.ok(
          entry.includes(
            `<xhtml:link rel="alternate" hreflang="x-default" href="http://localhost:3000/sv${path}"/>`,
          ),
          `${lang}${path} x-default`,
        );
      }
    }
    // The same path once per language: the paths' items are not listed twice.
    assert.equal(xml.split('<loc>http://localhost:3000/sv/paths/families</loc>').length, 2);
  });
});
