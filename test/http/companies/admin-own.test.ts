/**
 * An employer's own company page: created from "Vår företagssida" (named as the organisation, a
 * slug from the name), or the page the region made for its organisationsnummer taken over; edited
 * and saved by admins and members alike; another employer's page is "not found", whatever the
 * route; the region's pages stay the region's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { REGION, auditActions } from '../../helpers/identity.ts';
import { publishItem } from '../../helpers/published-content.ts';
import { getCompany } from '../../../src/modules/companies/store.ts';
import { LIST, companyFixture, filled, inputValue } from './admin-fixture.ts';

describe('an employer’s own company page', async () => {
  const f = await companyFixture();
  let id = '';

  it('sends an employer from the list to their own page, which offers to create one', async () => {
    const list = await f.get(LIST, f.hrCookie);
    assert.equal(list.statusCode, 303);
    assert.equal(list.headers.location, `${LIST}/own`);
    const own = await f.get(`${LIST}/own`, f.hrCookie);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /<h1>Vår företagssida<\/h1>/);
    assert.match(own.body, /Bergslagens Stål AB har ingen företagssida än/);
    assert.match(own.body, /Skapa vår företagssida/);
    assert.match(own.body, /href="\/admin\/companies" aria-current="page">Företagssidor/);
  });

  it('creates the page in draft, named as the organisation, with a slug from the name', async () => {
    id = await f.ownPage();
    const company = await getCompany(f.db, REGION, id);
    assert.equal(company?.slug, 'bergslagens-stal-ab');
    assert.equal(company?.status, 'draft');
    assert.equal(company?.organisationId, f.employer);
    const page = await f.get(`${LIST}/${id}?done=created`, f.hrCookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Sidan är skapad/);
    assert.equal(inputValue(page.body, 'name'), 'Bergslagens Stål AB');
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /Skicka för granskning/);
    // Back to "Vår företagssida" later: straight to the page.
    const own = await f.get(`${LIST}/own`, f.hrCookie);
    assert.equal(own.statusCode, 303);
    assert.equal(own.headers.location, `${LIST}/${id}`);
    assert.ok((await auditActions(f.db)).includes('company.created'));
  });

  it('saves a draft in both languages, the member as well as the admin', async () => {
    const res = await f.save(id, f.memberCookie, filled('Bergslagens Stål'));
    assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
    assert.match(String(res.headers.location), /\?done=saved&v=2$/);
    const { company, data } = await f.latest(id);
    assert.equal(company.status, 'draft', 'a draft stays a draft until it is sent for review');
    assert.equal(data.name, 'Bergslagens Stål');
    assert.equal(data.summary.en, 'Bergslagens Stål makes steel in Dalarna.');
    assert.equal(data.about.sv.blocks[0]?.t, 'h2');
    assert.deepEqual(data.industries, ['24']);
    assert.deepEqual(data.municipalities, ['2081']);
    assert.equal(data.facts.employees, 1200);
    assert.deepEqual(data.facts.languages, ['sv', 'en']);
    const page = await f.get(String(res.headers.location), f.hrCookie);
    assert.match(page.body, /Version 2 är sparad/);
  });

  it('links published stories and profiles elsewhere, and shows the page’s visitors', async () => {
    await publishItem(f.db, REGION, {
      kind: 'story',
      slug: 'svetsaren-fran-porto',
      title: { sv: 'Svetsaren från Porto', en: 'The welder from Porto' },
      municipalityCode: '2081',
    });
    const form = await f.get(`${LIST}/${id}`, f.hrCookie);
    assert.match(form.body, /value="svetsaren-fran-porto"/);
    assert.match(form.body, /Svetsaren från Porto/);
    const saved = await f.save(
      id,
      f.hrCookie,
      filled('Bergslagens Stål', {
        stories: ['svetsaren-fran-porto', 'no-such-story'],
        same_as: 'https://www.linkedin.com/company/example\r\nhttps://sv.wikipedia.org/wiki/Example',
        film_url: 'https://www.youtube.com/watch?v=abc',
      }),
    );
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    const { data } = await f.latest(id);
    assert.deepEqual(data.stories, ['svetsaren-fran-porto'], 'only published stories');
    assert.deepEqual(data.sameAs, [
      'https://www.linkedin.com/company/example',
      'https://sv.wikipedia.org/wiki/Example',
    ]);
    const bad = await f.save(
      id,
      f.hrCookie,
      filled('Bergslagens Stål', { same_as: 'https://ok.example\nftp://nej.example' }),
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Rad 2: skriv en adress som börjar med https:\/\//);

    await f.db
      .insertInto('company_page_stats')
      .values([
        { region_id: REGION, company_id: id, day: sql<string>`current_date`, views: 40, job_clicks: 7 },
        { region_id: REGION, company_id: id, day: sql<string>`current_date - 3`, views: 2, job_clicks: 1 },
        {
          region_id: REGION,
          company_id: id,
          day: sql<string>`current_date - 90`,
          views: 1000,
          job_clicks: 100,
        },
      ])
      .execute();
    const page = await f.get(`${LIST}/${id}`, f.hrCookie);
    const stats = /<h2 id="stats-title">[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
    assert.match(stats, /De senaste 30 dagarna<\/th>\s*<td>42<\/td>\s*<td>8<\/td>/);
    assert.match(stats, /Sedan starten<\/th>\s*<td>1\s042<\/td>\s*<td>108<\/td>/);
  });

  it('sends the draft for review; the employer cannot approve it', async () => {
    const submitted = await f.post(`${LIST}/${id}/submit`, f.memberCookie, { shown: '3' });
    assert.equal(submitted.statusCode, 303);
    const { company } = await f.latest(id);
    assert.equal(company.status, 'review');
    assert.equal(company.reviewVersion, 3);
    const page = await f.get(`${LIST}/${id}`, f.hrCookie);
    assert.match(page.body, /Version 3 väntar på regionens granskning/);
    for (const cookie of [f.hrCookie, f.memberCookie]) {
      const approve = await f.post(`${LIST}/${id}/approve`, cookie, { shown: '3' });
      assert.equal(approve.statusCode, 403);
      const review = await f.get(`${LIST}/${id}/review`, cookie);
      assert.equal(review.statusCode, 403);
    }
    assert.equal((await f.latest(id)).company.status, 'review');
  });

  it('answers another employer with 404 on every route of the page, and changes nothing', async () => {
    const before = (await f.latest(id)).company.version;
    for (const path of ['', '/images', '/needs']) {
      const res = await f.get(`${LIST}/${id}${path}`, f.otherCookie);
      assert.equal(res.statusCode, 404, path);
      assert.doesNotMatch(res.body, /Bergslagens/);
    }
    const saved = await f.save(id, f.otherCookie, filled('Kapad'));
    assert.equal(saved.statusCode, 404);
    const submit = await f.post(`${LIST}/${id}/submit`, f.otherCookie, { shown: String(before) });
    assert.equal(submit.statusCode, 404);
    const needs = await f.post(`${LIST}/${id}/needs`, f.otherCookie, {
      rows: '1',
      need_0_q: 'Svetsare',
      need_0_people: '3',
    });
    assert.equal(needs.statusCode, 404);
    assert.equal((await f.latest(id)).company.version, before);
    assert.equal((await f.latest(id)).data.name, 'Bergslagens Stål');
    // A page id that does not exist, or is no id at all, is the same 404.
    assert.equal((await f.get(`${LIST}/00000000-0000-4000-8000-000000000000`, f.hrCookie)).statusCode, 404);
    assert.equal((await f.get(`${LIST}/not-an-id`, f.hrCookie)).statusCode, 404);
  });

  it('lets an employer take over the page the region made for its organisationsnummer', async () => {
    const orgNumber = (
      await f.db
        .selectFrom('organisations')
        .select('org_number')
        .where('id', '=', f.other)
        .executeTakeFirstOrThrow()
    ).org_number as string;
    const made = await f.post(`${LIST}/new`, f.editorCookie, {
      name: 'Andra Bolaget',
      org_number: orgNumber,
    });
    assert.equal(made.statusCode, 303, made.body.slice(0, 2000));
    const regionPage = String(made.headers.location).replace(/\?.*$/, '').split('/').at(-1) as string;
    assert.equal((await getCompany(f.db, REGION, regionPage))?.organisationId, null);
    // Unclaimed, it is the region's: the employer does not reach it by its address.
    assert.equal((await f.get(`${LIST}/${regionPage}`, f.otherCookie)).statusCode, 404);

    const own = await f.get(`${LIST}/own`, f.otherCookie);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Regionen har redan gjort en sida för Andra Bolaget/);
    const claimed = await f.post(`${LIST}/own/claim`, f.otherCookie);
    assert.equal(claimed.statusCode, 303);
    assert.equal(claimed.headers.location, `${LIST}/${regionPage}?done=claimed`);
    assert.equal((await getCompany(f.db, REGION, regionPage))?.organisationId, f.other);
    const page = await f.get(`${LIST}/${regionPage}?done=claimed`, f.otherCookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Sidan är er nu/);
    assert.ok((await auditActions(f.db)).includes('company.claimed'));
    // And still not the first employer's.
    assert.equal((await f.get(`${LIST}/${regionPage}`, f.hrCookie)).statusCode, 404);
  });
});
