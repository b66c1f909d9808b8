/**
 * The organisations' page of texts, /:lang/toolbox/texts: approved texts only, filtered by target
 * group, topic, municipality (its own texts and the region-wide ones) and language, each option
 * counted; a bad or repeated value is a 400 naming its field; an English text inside a Swedish
 * page carries lang="en"; the source is named, linked and dated; the chosen municipality's place
 * facts are sentences ready to quote, the stale ones marked; a talent and anonymous are kept out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { createText, toolboxUser } from '../../helpers/toolbox.ts';

const NOW = new Date('2026-12-07T10:00:00Z');

describe('the organisations’ page of texts', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited, clock: () => NOW });
  const db = database.db;
  const client = await formClient(app);
  const employer = await toolboxUser(db);

  await createText(db, {
    persona: 'international',
    topic: 'career',
    title: 'Engelska fungerar på jobbet',
    titleEn: 'English works at work',
    body: 'Kollegorna kommer från hela världen.',
    bodyEn: 'Colleagues come from all over the world.',
  });
  await createText(db, {
    persona: 'families',
    topic: 'commute',
    municipalityCode: '2080',
    title: 'Falun – nära till Stockholm',
    titleEn: 'Falun – close to Stockholm',
    body: 'Från Falun tar tåget cirka 2 timmar och 50 minuter till Stockholm.',
    bodyEn: 'From Falun, the train takes about 2 hours and 50 minutes to Stockholm.',
    sourceName: 'SJ, tidtabell',
    sourceUrl: 'https://www.sj.se',
    sourceDate: '2026-11-01',
  });
  await createText(db, {
    persona: 'families',
    topic: 'housing',
    municipalityCode: '2085',
    title: 'Ludvika – hus inom räckhåll',
    titleEn: '',
    bodyEn: '',
  });
  await createText(db, { status: 'draft', title: 'Ett hemligt utkast', titleEn: 'A secret draft' });
  await createText(db, { status: 'retired', title: 'En gammal text', titleEn: 'An old text' });

  it('shows the approved texts only, with counts per option', async () => {
    const res = await client.get('/sv/toolbox/texts', employer.cookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Engelska fungerar på jobbet/);
    assert.match(res.body, /Falun – nära till Stockholm/);
    assert.match(res.body, /Ludvika – hus inom räckhåll/);
    assert.doesNotMatch(res.body, /Ett hemligt utkast|En gammal text/);
    assert.match(res.body, /<option value="families">Familjepusslare och återvändare \(2\)<\/option>/);
    assert.match(res.body, /<option value="international">Internationella talanger \(1\)<\/option>/);
    assert.match(res.body, /<option value="en">Engelska \(2\)<\/option>/);
    assert.match(res.body, /3 texter/);
    assert.match(res.body, /data-copy="text-[0-9a-f-]{36}"/);
    assert.match(res.body, /js\/toolbox-copy\.js/);
    assert.match(res.headers['cache-control'] as string, /no-store/);
  });

  it('filters by municipality (with the region-wide texts) and topic, and quotes the place facts', async () => {
    const res = await client.get('/sv/toolbox/texts?municipality=falun', employer.cookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Falun – nära till Stockholm/);
    assert.match(res.body, /Engelska fungerar på jobbet/);
    assert.doesNotMatch(res.body, /Ludvika – hus inom räckhåll/);
    // The source named, linked and dated inside the text that is copied.
    assert.match(
      res.body,
      /Källa: <a href="https:\/\/www\.sj\.se" rel="noopener">SJ, tidtabell<\/a>, <time datetime="2026-11-01">1 november 2026<\/time>/,
    );
    assert.match(res.body, /Fakta om Falun att citera/);
    assert.match(res.body, /Falun har cirka 59\s700 invånare \(SCB, Folkmängd i kommuner, 2023\)\./);
    assert.match(
      res.body,
      /Från Falun tar tåget cirka 2 tim 50 min till Stockholm \(SJ, tidtabell, 2026\)\./,
    );
    // The population figure is of 2023-12-31: more than two years before the clock, so marked.
    assert.match(res.body, /fact-quote fact-quote--stale[\s\S]*?59\s700[\s\S]*?Äldre än två år/);
    const topic = await client.get('/sv/toolbox/texts?municipality=falun&topic=career', employer.cookie);
    assert.match(topic.body, /Engelska fungerar på jobbet/);
    assert.doesNotMatch(topic.body, /Falun – nära till Stockholm/);
  });

  it('shows English texts on a Swedish page under lang="en", and texts in one language only where they exist', async () => {
    const res = await client.get('/sv/toolbox/texts?language=en', employer.cookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="sv"/);
    assert.match(
      res.body,
      /<h3 class="text-card__title" id="text-[0-9a-f-]{36}-title" lang="en">English works at work<\/h3>/,
    );
    assert.match(res.body, /<div class="text-card__body" id="text-[0-9a-f-]{36}" lang="en">/);
    assert.match(res.body, /Source: <a href="https:\/\/www\.sj\.se"/);
    assert.doesNotMatch(res.body, /Ludvika – hus/);
    const en = await client.get('/en/toolbox/texts', employer.cookie);
    assert.match(
      en.body,
      /<h3 class="text-card__title" id="text-[0-9a-f-]{36}-title">English works at work<\/h3>/,
    );
  });

  it('answers a bad or repeated filter value with 400 naming its field', async () => {
    const bad = await client.get('/sv/toolbox/texts?persona=pirates', employer.cookie);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="tx-persona-error"[^>]*>”pirates” finns inte bland valen för Målgrupp\./);
    const repeated = await client.get('/sv/toolbox/texts?topic=career&topic=nature', employer.cookie);
    assert.equal(repeated.statusCode, 400);
    assert.match(repeated.body, /Ämne får bara anges en gång\./);
    for (const query of ['municipality=stockholm', 'language=de', 'page=0', 'page=abc'])
      assert.equal((await client.get(`/sv/toolbox/texts?${query}`, employer.cookie)).statusCode, 400, query);
    assert.equal((await client.get('/sv/toolbox/texts?utm_source=x', employer.cookie)).statusCode, 200);
  });

  it('keeps talents and anonymous visitors out', async () => {
    const talent = await createPerson(db, {});
    const cookie = await sessionFor(db, talent.accountId);
    assert.equal((await client.get('/sv/toolbox/texts', cookie)).statusCode, 403);
    assert.equal((await client.get('/sv/toolbox/texts')).statusCode, 303);
  });
});
