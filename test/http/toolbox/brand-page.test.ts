/**
 * The toolbox's home /:lang/toolbox: the brand platform as an employer and a municipality editor
 * see it (the position, from → to, properties, bearers, voice, words, do's and don'ts with
 * examples, the hero's photograph with its credit, cards to the other sections), in Swedish and
 * English; before any version, "not written yet"; a talent's 403 page saying who the toolbox is for
 * and how to get in, with the region's contact; anonymous sent to sign in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importDemoPhotos } from '../../../src/modules/content/media/demo.ts';
import { mediaLimits } from '../../../src/modules/content/media/module.ts';
import { seedBrand } from '../../../src/modules/toolbox/brand/seed.ts';
import { storageFor } from '../../../src/platform/storage/index.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { createPerson, municipalityOrg, REGION, sessionFor } from '../../helpers/identity.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

describe('the brand platform in the toolbox', async () => {
  const { app, database, config } = await buildTestApp();
  const db = database.db;
  const employer = await toolboxUser(db);
  const get = (url: string, cookie = '') => app.inject({ url, headers: cookie ? { cookie } : {} });

  it('before any version: a friendly "not written yet" and the other sections', async () => {
    const page = await get('/sv/toolbox', employer.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Varumärkesplattformen är inte skriven än/);
    for (const path of ['assets', 'texts', 'builder', 'widget', 'guides'])
      assert.match(page.body, new RegExp(`href="/sv/toolbox/${path}"`));
  });

  it('the demo seed writes version 1 once, only with demo', async () => {
    assert.equal(await seedBrand(db, { demo: false }), 0);
    assert.equal(await seedBrand(db, { demo: true }), 1);
    assert.equal(await seedBrand(db, { demo: true }), 0);
    const rows = await db
      .selectFrom('toolbox_brand_versions')
      .select('version')
      .where('region_id', '=', REGION)
      .execute();
    assert.deepEqual(
      rows.map((r) => r.version),
      [1],
    );
  });

  it('an employer reads the whole platform, with the hero photograph and its credit', async () => {
    await importDemoPhotos(db, storageFor(config), REGION, mediaLimits(config), undefined, [
      'lake-jetty-sunset',
    ]);
    const page = await get('/sv/toolbox', employer.cookie);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /<meta name="robots" content="noindex/);
    assert.match(page.body, /css\/toolbox-brand\.[^"]*css/);
    const body = page.body;
    assert.match(body, /<h2 class="brand-hero__position" id="brand-position">En modern karriärregion<\/h2>/);
    assert.match(body, /Foto: Anders Jildén/);
    assert.match(body, /Midsommar, dalahästar och folkdräkter/);
    assert.match(body, /Modern högteknologi/);
    for (const word of [
      'Öppen',
      'Okonstlad',
      'Innovativ',
      'Företagen och deras innovationer',
      'Människorna',
      'Livsstilen',
    ])
      assert.ok(body.includes(word), word);
    assert.match(body, /Varm, personlig och rak/);
    assert.match(body, /<li>grön omställning<\/li>/);
    assert.match(body, /<s>industri<\/s>/);
    assert.match(
      body,
      /Skriv: ”Du utvecklar tekniken bakom fossilfritt stål\.”<br \/>Inte: ”Jobb inom tung industri\.”/,
    );
    assert.match(body, /Låt inte traditionerna ta huvudrollen/);
    assert.match(body, /Version 1, uppdaterad/);
    assert.match(body, /href="\/sv\/toolbox\/builder"/);
    assert.match(body, /aria-current="page"[^>]*>|href="\/sv\/toolbox" aria-current="page"/);
  });

  it('in English, with an untranslated text marked as Swedish', async () => {
    const page = await get('/en/toolbox', employer.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="en"/);
    assert.match(page.body, />A modern career region</);
    assert.match(page.body, /Write: “You develop the technology behind fossil-free steel\.”/);
    assert.match(page.body, /Photo: Anders Jildén/);
    // A version whose voice is only in Swedish: the English page shows it, marked lang="sv".
    const latest = await db
      .selectFrom('toolbox_brand_versions')
      .select('data')
      .where('region_id', '=', REGION)
      .executeTakeFirstOrThrow();
    const data = latest.data as { voice: { sv: string; en: string } };
    data.voice.en = '';
    await db
      .insertInto('toolbox_brand_versions')
      .values({ region_id: REGION, version: 2, data: JSON.stringify(data) })
      .execute();
    const again = await get('/en/toolbox', employer.cookie);
    assert.match(
      again.body,
      /<div class="brand-prose brand-voice__text" lang="sv"><p>Varm, personlig och rak/,
    );
    await db
      .deleteFrom('toolbox_brand_versions')
      .where('region_id', '=', REGION)
      .where('version', '=', 2)
      .execute();
  });

  it('a municipality editor reads it too', async () => {
    const editor = await toolboxUser(db, {
      role: 'municipality_editor',
      organisationId: await municipalityOrg(db, '2080'),
    });
    const page = await get('/sv/toolbox', editor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /En modern karriärregion/);
  });

  it('a talent gets a 403 page in their language: who the toolbox is for, how to get in, the region’s contact', async () => {
    const talent = await createPerson(db, { role: null, language: 'en' });
    const cookie = await sessionFor(db, talent.accountId);
    const region = await db
      .selectFrom('regions')
      .select(['contact_email', 'contact_organisation'])
      .where('id', '=', REGION)
      .executeTakeFirstOrThrow();
    const page = await get('/sv/toolbox', cookie);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /Verktygslådan är för arbetsgivare och offentliga aktörer/);
    assert.match(page.body, /bjuda in dig/);
    assert.ok(page.body.includes(`mailto:${region.contact_email}`));
    assert.doesNotMatch(page.body, /En modern karriärregion/);
    const english = await get('/en/toolbox', cookie);
    assert.equal(english.statusCode, 403);
    assert.match(english.body, /The toolbox is for employers and public actors/);
  });

  it('anonymous people are sent to sign in', async () => {
    const page = await get('/sv/toolbox');
    assert.equal(page.statusCode, 303);
    assert.match(String(page.headers.location), /login/);
  });
});
