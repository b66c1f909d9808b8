/**
 * What the widget serves to anyone: GET /api/v1/widget/:key (its JSON: shape, the approved text of
 * the place or else the region, the tagged navigator link, the organisation's open jobs up to its
 * limit; CORS, ETag/304, a short cache, no cookie; 404 problem details for an unknown, malformed or
 * switched-off key), GET /:lang/widget/:key (a small standalone page other sites may frame, no
 * cookie) and the script (loadable cross-origin, ≤ 15 KB with its CSS, no storage, eval or cookies).
 * Only these answers are opened to other sites: the rest of the site keeps its headers.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { REGION } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { createText, toolboxUser } from '../../helpers/toolbox.ts';

const SCRIPT = new URL('../../../public/js/lotsa-widget.js', import.meta.url);

interface WidgetJson {
  organisation: { name: string; companyUrl?: string };
  lang: string;
  life: { title: string; paragraphs: string[]; source?: { name: string; url?: string } };
  navigator: { text: string; url: string };
  jobs: { title: string; municipality: string | null; url: string; deadline?: string }[];
  moreJobsUrl: string;
  texts: Record<string, string>;
  links: { page: string; json: string; site: string };
}

describe('toolbox widget: JSON, page and script', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const hr = await toolboxUser(db);
  const org = await db
    .selectFrom('organisations')
    .select(['name', 'org_number'])
    .where('region_id', '=', REGION)
    .where('id', '=', hr.organisationId)
    .executeTakeFirstOrThrow();
  const orgnr = org.org_number!;
  const now = new Date();
  await loadAds(
    db,
    [
      makeAd(
        { id: '9300001', headline: 'Processingenjör', orgnr, employer: org.name, publishedDaysAgo: 3 },
        now,
      ),
      makeAd(
        {
          id: '9300002',
          headline: 'Elektriker',
          orgnr,
          employer: org.name,
          municipality: 'borlange',
          publishedDaysAgo: 1,
        },
        now,
      ),
      makeAd({ id: '9300003', headline: 'Någon annans jobb', orgnr: '2321000180', publishedDaysAgo: 1 }, now),
    ],
    now,
  );
  await createText(db, {
    title: 'Livet i regionen',
    body: 'Första stycket om regionen.\n\nAndra stycket om regionen.',
    bodyEn: 'The first paragraph about the region.',
    sourceName: 'SCB',
    sourceUrl: 'https://www.scb.se/',
  });
  await createText(db, {
    municipalityCode: '2080',
    body: 'Falun har en gruva.',
    bodyEn: 'Falun has a mine.',
  });
  await createText(db, { status: 'draft', body: 'Ett utkast som inte får synas.' });
  await createText(db, { persona: 'families', body: 'Bara för familjer.' });

  const save = (fields: Record<string, string>) =>
    client.postForm('/sv/toolbox/widget', hr.cookie, {
      lang: 'sv',
      municipality: 'region',
      show_jobs: 'on',
      max_jobs: '5',
      enabled: 'on',
      ...fields,
    });
  await save({});
  const key = (
    await db
      .selectFrom('toolbox_widgets')
      .select('key')
      .where('region_id', '=', REGION)
      .where('organisation_id', '=', hr.organisationId)
      .executeTakeFirstOrThrow()
  ).key;
  const json = async (headers: Record<string, string> = {}) => {
    const res = await app.inject({ url: `/api/v1/widget/${key}`, headers });
    assert.equal(res.statusCode, 200, res.body);
    return { res, body: res.json<WidgetJson>() };
  };

  it('answers the JSON of the region with the organisation’s jobs and tagged links', async () => {
    const { res, body } = await json({ origin: 'https://karriar.example.se', host: 'evil.example' });
    assert.equal(body.organisation.name, org.name);
    assert.equal(body.lang, 'sv');
    assert.equal(body.life.title, 'Livet i Dalarna');
    assert.deepEqual(body.life.paragraphs, ['Första stycket om regionen.', 'Andra stycket om regionen.']);
    assert.deepEqual(body.life.source, { name: 'SCB', url: 'https://www.scb.se/' });
    assert.equal(
      body.navigator.url,
      `http://localhost:3000/sv/move?utm_source=widget&utm_medium=career-page&utm_campaign=${key}`,
    );
    assert.deepEqual(
      body.jobs.map((j) => [j.title, j.municipality, j.url]),
      [
        ['Elektriker', 'Borlänge', 'http://localhost:3000/sv/jobs/9300002'],
        ['Processingenjör', 'Falun', 'http://localhost:3000/sv/jobs/9300001'],
      ],
    );
    assert.match(body.jobs[0]!.deadline ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(body.moreJobsUrl, `http://localhost:3000/sv/jobs?employer=${orgnr}`);
    assert.equal(body.links.page, `http://localhost:3000/sv/widget/${key}`);
    assert.equal(body.links.json, `http://localhost:3000/api/v1/widget/${key}`);
    assert.equal(body.texts.jobs, `Lediga jobb hos ${org.name}`);
    assert.doesNotMatch(res.body, /evil\.example|utkast|familjer/);
    // Readable from any origin, cached briefly, never a cookie.
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(res.headers['cache-control'], 'public, max-age=300');
    assert.equal(res.headers['set-cookie'], undefined);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const etag = String(res.headers.etag);
    const again = await app.inject({ url: `/api/v1/widget/${key}`, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    const preflight = await app.inject({ method: 'OPTIONS', url: `/api/v1/widget/${key}` });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
  });

  it('tells of the chosen place, in the chosen language, with at most max_jobs', async () => {
    await save({ municipality: '2080', max_jobs: '1' });
    let { body } = await json();
    assert.equal(body.life.title, 'Livet i Falun');
    assert.deepEqual(body.life.paragraphs, ['Falun har en gruva.']);
    assert.equal(body.jobs.length, 1);
    await save({ lang: 'en', municipality: '2062' });
    ({ body } = await json());
    // Mora has no text of its own: the region's.
    assert.equal(body.lang, 'en');
    assert.equal(body.life.title, 'Life in Mora');
    assert.deepEqual(body.life.paragraphs, ['The first paragraph about the region.']);
    assert.equal(body.jobs[0]?.url, 'http://localhost:3000/en/jobs/9300002');
    assert.match(body.navigator.url, /^http:\/\/localhost:3000\/en\/move\?/);
    await save({ show_jobs: '' });
    ({ body } = await json());
    assert.deepEqual(body.jobs, []);
    await save({});
  });

  it('shows own ads on Lotsa too, and no closed ones', async () => {
    // An organisation's own ad is a row of job_ads with origin 'own'.
    await db
      .updateTable('job_ads')
      .set({ id: 'own-widgettest', origin: 'own', organisation_id: hr.organisationId, employer_orgnr: null })
      .where('region_id', '=', REGION)
      .where('id', '=', '9300001')
      .execute();
    let { body } = await json();
    assert.ok(body.jobs.some((j) => j.url.endsWith('/sv/jobs/own-widgettest')));
    await db
      .updateTable('job_ads')
      .set({ status: 'closed', closed_at: new Date(), closed_reason: 'expired' })
      .where('id', '=', 'own-widgettest')
      .execute();
    ({ body } = await json());
    assert.deepEqual(
      body.jobs.map((j) => j.title),
      ['Elektriker'],
    );
  });

  it('answers 404 problem details for an unknown, malformed or switched-off key', async () => {
    for (const url of [
      '/api/v1/widget/abcdefghijkl1234',
      '/api/v1/widget/NOT-A-KEY',
      '/api/v1/widget/short',
    ]) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.equal(res.json<{ code: string }>().code, 'LOTSA_NOT_FOUND');
    }
    assert.equal((await app.inject(`/api/v1/widget/${'a'.repeat(65)}`)).statusCode, 400);
    await save({ enabled: '' });
    assert.equal((await app.inject(`/api/v1/widget/${key}`)).statusCode, 404);
    assert.equal((await app.inject(`/sv/widget/${key}`)).statusCode, 404);
    await save({});
  });

  it('serves the widget’s own page: standalone, frameable by any site, without cookies', async () => {
    const res = await app.inject(`/sv/widget/${key}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /^<!doctype html>\n<html lang="sv">/);
    assert.match(res.body, /<main class="lotsa-w-page__main">/);
    assert.match(res.body, /<h1 id="lotsa-w-life">Livet i Dalarna<\/h1>/);
    assert.match(res.body, new RegExp(`<h2 id="lotsa-w-jobs">Lediga jobb hos ${org.name}</h2>`));
    assert.match(res.body, /<a href="http:\/\/localhost:3000\/sv\/jobs\/9300002">Elektriker<\/a>/);
    assert.doesNotMatch(res.body, /<script/);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.equal(res.headers['x-frame-options'], undefined);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors \*/);
    assert.match(csp, /script-src 'self'/);
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    const en = await app.inject(`/en/widget/${key}`);
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /Life in Dalarna/);
    assert.equal((await app.inject('/sv/widget/abcdefghijkl1234')).statusCode, 404);
    assert.equal((await app.inject(`/xx/widget/${key}`)).statusCode, 404);
  });

  it('serves the script to other sites: no cookie, ≤ 15 KB with its CSS, nothing but its fetch', async () => {
    const res = await app.inject('/static/js/lotsa-widget.js');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.ok(statSync(SCRIPT).size <= 15 * 1024, `${statSync(SCRIPT).size} bytes`);
    const source = readFileSync(SCRIPT, 'utf8');
    for (const banned of [
      /\beval\(/,
      /new Function/,
      /localStorage/,
      /sessionStorage/,
      /document\.cookie/,
      /innerHTML/,
    ])
      assert.doesNotMatch(source, banned);
    assert.match(source, /credentials: 'omit'/);
  });

  it('opens only these answers to other sites', async () => {
    for (const url of ['/sv/', '/static/js/toolbox-copy.js', '/api/v1/jobs']) {
      const res = await app.inject(url);
      assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin', url);
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/, url);
    }
    const settings = await client.get('/sv/toolbox/widget', hr.cookie);
    assert.equal(settings.headers['x-frame-options'], 'DENY');
  });
});
