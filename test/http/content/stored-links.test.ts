/**
 * Stored addresses are links only when they are safe web addresses: a guide step's authority
 * link, a place's newcomer contact (web, e-mail, phone), links in rich text and a fact's source.
 * Whatever was stored before the checks (or written straight into the database) and is not a
 * plain https/http address — javascript:, data:, //host, credentials, whitespace — is shown as
 * text, never as an href.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { importShippedFacts } from '../../../src/modules/regions/facts.ts';
import { shippedRegions } from '../../../src/modules/regions/service.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { sampleFactsFile } from '../../helpers/place-facts.ts';
import { guideData, placeData, publishItem } from './public-fixture.ts';

const HOSTILE = [
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example/',
  'https://www.skatteverket.se@evil.example/',
  'https://evil.example/a b\tc',
];

/** Every href of the page's main content. */
function hrefs(body: string): string[] {
  const main = body.slice(body.indexOf('<main'), body.indexOf('</main>'));
  return [...main.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
}

function assertNoHostileLink(body: string, where: string) {
  for (const href of hrefs(body)) {
    assert.doesNotMatch(href, /^(javascript|data):|^\/\/|@evil|evil\.example/i, `${where}: ${href}`);
  }
}

describe('stored links are links only when they are safe web addresses', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;

  before(async () => {
    const guide = guideData('Farliga länkar');
    const [first, second] = guide.guide!.steps;
    guide.guide!.steps = HOSTILE.map((url, i) => ({ ...(i % 2 ? second! : first!), url }));
    guide.guide!.steps.push({ ...second!, url: 'https://www.skatteverket.se/' });
    guide.body.sv = {
      v: 1,
      blocks: [
        {
          t: 'p',
          c: [
            { t: 'link', href: 'https://user:secret@evil.example/', c: [{ t: 'text', v: 'inloggad' }] },
            { t: 'text', v: ' och ' },
            { t: 'link', href: 'https://www.falun.se/', c: [{ t: 'text', v: 'kommunen' }] },
          ],
        },
      ],
    };
    await publishItem(db, 'guide', 'hostile-links', guide);

    const place = placeData('Borlänge');
    place.place!.contact = {
      name: 'Inflyttarlots',
      email: 'x@y.se?bcc=all@evil.example',
      phone: 'javascript:alert(1)',
      url: 'javascript:alert(document.cookie)',
    };
    await publishItem(db, 'place', 'borlange', place, { municipalityCode: '2081' });

    await db.deleteFrom('place_fact_imports').execute();
    await importShippedFacts(db, shippedRegions()[0]!, sampleFactsFile());
    await db
      .updateTable('place_facts')
      .set({ source_url: 'https://scb.se@evil.example/' })
      .where('municipality_code', '=', '2081')
      .execute();
  });

  it('a guide step with an unsafe address names its authority as text; a safe one stays a link', async () => {
    const res = await app.inject('/sv/guides/hostile-links');
    assert.equal(res.statusCode, 200);
    assertNoHostileLink(res.body, 'guide');
    assert.match(res.body, /<a class="gstep__link" href="https:\/\/www\.skatteverket\.se\/" rel="noopener">/);
    assert.equal([...res.body.matchAll(/<p class="gstep__link">Gå till /g)].length, HOSTILE.length);
  });

  it('rich text keeps a link with credentials as its words only', async () => {
    const res = await app.inject('/sv/guides/hostile-links');
    assert.match(
      res.body,
      /<p>inloggad och <a href="https:\/\/www\.falun\.se\/" rel="noopener">kommunen<\/a><\/p>/,
    );
  });

  it("a place's contact shows an unsafe web address, e-mail and phone as text", async () => {
    const res = await app.inject('/sv/places/borlange');
    assert.equal(res.statusCode, 200);
    assertNoHostileLink(res.body, 'place');
    assert.doesNotMatch(res.body, /href="tel:|href="mailto:x@y/);
    assert.match(res.body, /Webbplats: javascript:alert\(document\.cookie\)/);
  });

  it("a fact's source with an unsafe address is its name without a link", async () => {
    const res = await app.inject('/en/places/borlange');
    assert.equal(res.statusCode, 200);
    assertNoHostileLink(res.body, 'facts');
    assert.match(res.body, /class="fact__source">[^<]*<span lang="sv">SCB/);
  });
});
