/**
 * The public place pages: the list with its map in both languages, a municipality's page with the
 * editors' text, facts with source and date, the open jobs linking to the job search filtered to
 * the municipality, stories from there and the newcomers' contact; a municipality without a
 * published place page shows its facts-only page (decision: every municipality on the map leads
 * somewhere); an unknown slug is the 404 page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importShippedFacts } from '../../../src/modules/regions/facts.ts';
import { shippedRegions } from '../../../src/modules/regions/service.ts';
import { emptyContent, type ContentData } from '../../../src/modules/content/model.ts';
import { insertItem, publish } from '../../../src/modules/content/store.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { importIllustration } from '../../../src/modules/content/media/demo.ts';
import { storageFor } from '../../../src/platform/storage/index.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { sampleFactsFile } from '../../helpers/place-facts.ts';

const REGION = 'dalarna';
const p = (v: string) => ({ v: 1 as const, blocks: [{ t: 'p' as const, c: [{ t: 'text' as const, v }] }] });

function borlangePage(): ContentData {
  const data = emptyContent('place');
  data.title = { sv: 'Borlänge', en: 'Borlänge' };
  data.summary = {
    sv: 'Stål, logistik och en stad i förändring.',
    en: 'Steel, logistics and a town on the move.',
  };
  data.body = {
    sv: {
      v: 1,
      blocks: [{ t: 'h2', c: [{ t: 'text', v: 'Arbete' }] }, ...p('Borlänge är en järnvägsknut.').blocks],
    },
    en: {
      v: 1,
      blocks: [{ t: 'h2', c: [{ t: 'text', v: 'Work' }] }, ...p('Borlänge is a railway hub.').blocks],
    },
  };
  data.place = {
    contact: {
      name: 'Inflyttarlots Borlänge',
      email: 'inflyttning@borlange.example',
      phone: '0243-740 00',
      url: 'https://www.borlange.se',
    },
    newcomerText: { sv: 'Vi hjälper dig att hitta bostad.', en: 'We help you find a home.' },
  };
  return data;
}

async function publishItem(
  db: Kysely<DB>,
  kind: 'place' | 'story',
  slug: string,
  code: string,
  data: ContentData,
) {
  const item = await insertItem(db, {
    regionId: REGION,
    kind,
    slug,
    municipalityCode: code,
    data,
    authorId: null,
  });
  assert.ok(item);
  await publish(db, {
    regionId: REGION,
    itemId: item.id,
    version: 1,
    visibleFrom: new Date(Date.now() - 60_000),
    visibleUntil: null,
  });
}

describe('place pages', async () => {
  const { app, database, config } = await buildTestApp();
  const db = database.db;
  const region = shippedRegions()[0]!;
  // Whatever the seed imported from the shipped file, the tests' own facts.
  await db.deleteFrom('place_fact_imports').execute();
  await importShippedFacts(db, region, sampleFactsFile());
  await publishItem(db, 'place', 'borlange', '2081', borlangePage());
  const story = emptyContent('story');
  story.title = { sv: 'Från Göteborg till Borlänge', en: 'From Gothenburg to Borlänge' };
  story.summary = { sv: 'Anna bytte storstad mot skog.', en: 'Anna swapped the city for the forest.' };
  await publishItem(db, 'story', 'anna-fran-goteborg', '2081', story);
  await loadAds(db, [
    makeAd({
      id: 'place-1',
      headline: 'Backend-utvecklare',
      municipality: 'borlange',
      occupation: 'developer',
      publishedDaysAgo: 1,
    }),
    makeAd({ id: 'place-2', headline: 'Sjuksköterska', municipality: 'borlange', publishedDaysAgo: 2 }),
    makeAd({ id: 'place-3', headline: 'Lärare', municipality: 'falun', occupation: 'teacher' }),
  ]);

  it('lists every municipality on the map and as a card, in Swedish and English', async () => {
    for (const [lang, title, population] of [
      ['sv', 'Orterna i Dalarna', 'invånare'],
      ['en', 'The places of Dalarna', 'inhabitants'],
    ] as const) {
      const res = await app.inject(`/${lang}/places`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`<h1>${title}</h1>`));
      for (const m of region.municipalities) {
        const href = `/${lang}/places/${m.slug}`;
        assert.match(
          res.body,
          new RegExp(
            `<a href="${href}" class="places-map__area" tabindex="-1"><title>${m.shortName}</title>`,
          ),
          `${m.shortName} on the map`,
        );
        assert.match(
          res.body,
          new RegExp(`<h3 class="place-card__title"><a href="${href}">`),
          `${m.shortName} as a card`,
        );
      }
      assert.match(res.body, new RegExp(population));
      assert.match(
        res.body,
        /Stål, logistik|Steel, logistics/,
        'a published page gives its summary as the line',
      );
      assert.match(res.body, /href="\/assets\/css\/places\.css|css\/places\.css/);
    }
  });

  it('shows a place page with the text, facts with source and date, jobs, stories and contact', async () => {
    const res = await app.inject('/sv/places/borlange');
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.match(body, /<h1>Borlänge<\/h1>/);
    assert.match(body, /Borlänge är en järnvägsknut/);
    assert.match(
      body,
      /Källa: <a href="https:\/\/www\.scb\.se[^"]*" rel="noopener">SCB<\/a>, <time datetime="2024-12-31">2024-12-31<\/time>/,
    );
    assert.match(body, /Invånare/);
    assert.match(body, /class="place-figures__value">ca \d{2}\s\d{3}</, 'rounded population is marked');
    assert.match(body, /Stockholm \(tåg\)/);
    assert.match(body, /Just nu finns 2 lediga jobb i Borlänge/);
    assert.match(body, /href="\/sv\/jobs\?municipality=2081"[^>]*>Se alla 2 jobb i Borlänge/);
    assert.match(body, /Backend-utvecklare/);
    assert.ok(!body.includes('>Lärare<'), 'jobs elsewhere are not listed');
    assert.match(body, /href="\/sv\/stories\/anna-fran-goteborg"/);
    assert.match(body, /mailto:inflyttning@borlange\.example/);
    assert.match(body, /Vi hjälper dig att hitta bostad/);
    const en = await app.inject('/en/places/borlange');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Borlänge is a railway hub/);
    assert.match(en.body, /Source: <a [^>]*><span lang="sv">SCB<\/span><\/a>, <time datetime="2024-12-31">/);
    assert.match(en.body, /There are 2 open jobs in Borlänge right now/);
    assert.match(en.body, /href="\/en\/jobs\?municipality=2081"/);
  });

  it('the jobs link leads to the job search filtered to the municipality, with the same count', async () => {
    const res = await app.inject('/sv/jobs?municipality=2081');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Backend-utvecklare/);
    assert.match(res.body, /Sjuksköterska/);
    assert.ok(!res.body.includes('>Lärare<'));
  });

  it('a municipality without a published place page shows its facts, jobs and a contact', async () => {
    const res = await app.inject('/sv/places/mora');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Mora<\/h1>/);
    assert.match(res.body, /Redaktionen har inte skrivit om Mora ännu/);
    assert.match(res.body, /Fakta om Mora/);
    assert.match(res.body, /Källa: <a [^>]*>SCB<\/a>/);
    assert.match(res.body, /href="\/sv\/jobs"/, 'no jobs there: a link to the whole county');
  });

  it('a picture in the text keeps the caption the editor wrote; without one, the library’s', async () => {
    const storage = storageFor(config);
    await importIllustration(db, storage, REGION, {
      slug: 'illustration-test-lake',
      file: new URL('../../../src/modules/content/demo/illustrations/lake-forest.svg', import.meta.url),
      alt: { sv: 'En tecknad sjö', en: 'A drawn lake' },
      credit: 'Lotsa',
      caption: { sv: 'Bibliotekets bildtext', en: 'The library’s caption' },
    });
    const image = (caption: string) => ({ t: 'image' as const, image: 'illustration-test-lake', caption });
    const data = borlangePage();
    data.title = { sv: 'Gagnef', en: 'Gagnef' };
    data.body = {
      sv: {
        v: 1,
        blocks: [...p('Älvarna möts här.').blocks, image('Där älvarna möts, en vinterdag'), image('')],
      },
      en: {
        v: 1,
        blocks: [...p('The rivers meet here.').blocks, image('Where the rivers meet, one winter day')],
      },
    };
    await publishItem(db, 'place', 'gagnef', '2026', data);
    const sv = await app.inject('/sv/places/gagnef');
    assert.equal(sv.statusCode, 200);
    const captions = (body: string) =>
      [...body.matchAll(/<span class="media-caption">([^<]*)<\/span>/g)].map((m) => m[1]);
    assert.deepEqual(captions(sv.body), ['Där älvarna möts, en vinterdag', 'Bibliotekets bildtext']);
    const en = await app.inject('/en/places/gagnef');
    assert.deepEqual(captions(en.body), ['Where the rivers meet, one winter day']);
  });

  it('an unknown municipality is the 404 page, in either language', async () => {
    for (const url of ['/sv/places/stockholm', '/en/places/nowhere', '/sv/places/BORLANGE']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.headers['content-type'] as string, /text\/html/);
    }
  });

  it('the places section is in the header and in the footer group "live"', async () => {
    const res = await app.inject('/sv/places');
    assert.match(res.body, /<a href="\/sv\/places" aria-current="page">Orter<\/a>/);
    const footer = res.body.slice(res.body.indexOf('site-footer'));
    assert.match(footer, /<a href="\/sv\/places">Orter<\/a>/);
  });
});
