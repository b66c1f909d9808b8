/**
 * What the widget says about an organisation's jobs (fix-widget, the new-user review's findings 10
 * and 12): "All open jobs on Lotsa" lists exactly the organisation's open ads on the job board; with
 * none the link is left out and the widget says there are none; with the jobs switched off there is
 * no job section at all; an organisation without an organisationsnummer (a municipality) is never
 * told "no open jobs" — the widget claims nothing and links to the region's jobs, and the settings
 * page says why and what to do.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { municipalityOrg, REGION } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { createText, toolboxUser } from '../../helpers/toolbox.ts';

interface WidgetJson {
  showJobs: boolean;
  jobs: { title: string; url: string }[];
  moreJobsUrl?: string;
  texts: Record<string, string>;
}

const GOOD = { lang: 'sv', municipality: 'region', show_jobs: 'on', max_jobs: '1', enabled: 'on' };

describe('toolbox widget: the organisation’s jobs', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const hr = await toolboxUser(db);
  const org = await db
    .selectFrom('organisations')
    .select(['name', 'org_number'])
    .where('id', '=', hr.organisationId)
    .executeTakeFirstOrThrow();
  const orgnr = org.org_number!;
  const falun = await municipalityOrg(db, '2080');
  const editor = await toolboxUser(db, { role: 'municipality_editor', organisationId: falun });
  const now = new Date();
  await loadAds(
    db,
    [
      makeAd({ id: '9400001', headline: 'Svetsare', orgnr, employer: org.name, publishedDaysAgo: 2 }, now),
      makeAd({ id: '9400002', headline: 'Underhållstekniker', orgnr, employer: org.name }, now),
      makeAd(
        { id: '9400003', headline: 'Någon annans jobb', orgnr: '2321000180', employer: 'Annat AB' },
        now,
      ),
      makeAd({ id: '9400004', headline: 'Förskollärare i Falun', orgnr: null, employer: 'Falu kommun' }, now),
    ],
    now,
  );
  await createText(db, { body: 'Om regionen.', bodyEn: 'About the region.' });
  const keyOf = async (organisationId: string) =>
    (
      await db
        .selectFrom('toolbox_widgets')
        .select('key')
        .where('region_id', '=', REGION)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow()
    ).key;
  const json = async (key: string) => {
    const res = await app.inject({ url: `/api/v1/widget/${key}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<WidgetJson>();
  };
  const pathOf = (url: string) => {
    const u = new URL(url);
    return u.pathname + u.search;
  };

  it('links "All open jobs on Lotsa" to a list of every open job of the employer, more than it shows', async () => {
    await client.postForm('/sv/toolbox/widget', hr.cookie, GOOD);
    const key = await keyOf(hr.organisationId);
    const body = await json(key);
    assert.equal(body.showJobs, true);
    assert.deepEqual(
      body.jobs.map((j) => j.title),
      ['Underhållstekniker'],
    );
    assert.equal(body.moreJobsUrl, `http://localhost:3000/sv/jobs?employer=${orgnr}`);
    const list = await app.inject({ url: pathOf(body.moreJobsUrl!) });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Underhållstekniker/);
    assert.match(list.body, /Svetsare/);
    assert.doesNotMatch(list.body, /Någon annans jobb|Förskollärare i Falun/);
  });

  it('leaves the job section out when the employer does not show its jobs', async () => {
    await client.postForm('/sv/toolbox/widget', hr.cookie, { ...GOOD, show_jobs: '' });
    const key = await keyOf(hr.organisationId);
    const body = await json(key);
    assert.equal(body.showJobs, false);
    assert.deepEqual(body.jobs, []);
    assert.equal(body.moreJobsUrl, undefined);
    const page = await app.inject({ url: `/sv/widget/${key}` });
    assert.doesNotMatch(page.body, /Lediga jobb hos|Inga lediga jobb/);
  });

  it('lists a numberless municipality’s own ads, and never says it has none', async () => {
    await client.postForm('/sv/toolbox/widget', editor.cookie, { ...GOOD, max_jobs: '5' });
    const key = await keyOf(falun);
    const settings = await client.get('/sv/toolbox/widget', editor.cookie);
    assert.match(
      settings.body,
      /Er organisation saknar organisationsnummer i Lotsa, så widgeten visar bara annonser/,
    );
    assert.match(settings.body, /Be regionens administratörer lägga in ert organisationsnummer/);
    assert.doesNotMatch(
      (await client.get('/sv/toolbox/widget', hr.cookie)).body,
      /saknar organisationsnummer/,
    );

    // No ad of its own: no "no open jobs", a word on what is shown, and the region's jobs.
    let body = await json(key);
    assert.deepEqual(body.jobs, []);
    assert.notEqual(body.texts.noJobs, 'Inga lediga jobb just nu.');
    assert.match(body.texts.noJobs ?? '', /bara jobb som Falu kommun lägger ut direkt på Lotsa/);
    assert.equal(body.moreJobsUrl, 'http://localhost:3000/sv/jobs');
    const page = await app.inject({ url: `/sv/widget/${key}` });
    assert.doesNotMatch(page.body, /Inga lediga jobb just nu/);
    assert.match(page.body, /href="http:\/\/localhost:3000\/sv\/jobs">Alla lediga jobb på Lotsa</);

    // An ad of its own (keyed on the job board by its name): listed, and "all jobs" filters by it.
    await db
      .updateTable('job_ads')
      .set({ id: 'own-widgetfalun', origin: 'own', organisation_id: falun })
      .where('region_id', '=', REGION)
      .where('id', '=', '9400004')
      .execute();
    body = await json(key);
    assert.deepEqual(
      body.jobs.map((j) => j.title),
      ['Förskollärare i Falun'],
    );
    assert.equal(body.moreJobsUrl, 'http://localhost:3000/sv/jobs?employer=falu-kommun');
  });

  it('says "no open jobs" without a link to an empty list when an employer with a number has none', async () => {
    const other = await toolboxUser(db);
    await client.postForm('/en/toolbox/widget', other.cookie, { ...GOOD, lang: 'en' });
    const key = await keyOf(other.organisationId);
    const body = await json(key);
    assert.deepEqual(body.jobs, []);
    assert.equal(body.texts.noJobs, 'No open jobs right now.');
    assert.equal(body.moreJobsUrl, undefined);
    const page = await app.inject({ url: `/en/widget/${key}` });
    assert.match(page.body, /No open jobs right now\./);
    assert.doesNotMatch(page.body, /All open jobs on Lotsa/);
  });
});
