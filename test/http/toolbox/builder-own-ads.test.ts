/**
 * The builder's step 1 for an organisation without an organisationsnummer: it is told why the
 * board's ads are missing and what to do; a municipality finds the board's ads under its own name
 * in its own municipality, listed apart and said so, and such an ad counts as its own. And a search
 * keeps every choice made before it, without nagging about what the text still needs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { municipalityOrg } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { createText, toolboxUser } from '../../helpers/toolbox.ts';

describe('builder: the organisation’s own ads', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const mora = await municipalityOrg(db, '2062');
  const { name } = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', mora)
    .executeTakeFirstOrThrow();
  const municipal = await toolboxUser(db, { role: 'municipality_editor', organisationId: mora });
  // A partner organisation (a business network, say): no organisationsnummer is required of it.
  const company = await toolboxUser(db);
  await db
    .updateTable('organisations')
    .set({ kind: 'partner', org_number: null })
    .where('id', '=', company.organisationId)
    .execute();
  await loadAds(db, [
    makeAd({
      id: 'bo-1',
      headline: 'Förskollärare',
      employer: name,
      orgnr: '2120002062',
      municipality: 'mora',
    }),
    // The same name in another municipality, and another employer in Mora: neither is the municipality's.
    makeAd({ id: 'bo-2', headline: 'Lärare', employer: name, orgnr: '2120002062', municipality: 'falun' }),
    makeAd({ id: 'bo-3', headline: 'Sjuksköterska', employer: 'Region Dalarna', municipality: 'mora' }),
  ]);
  await createText(db, { body: 'Om regionen.', bodyEn: 'About the region.' });
  const get = (cookie: string, url: string) => app.inject({ url, headers: { cookie } });

  it('lists a municipality’s board ads found by its name in its municipality, and says how they were found', async () => {
    const res = await get(municipal.cookie, '/sv/toolbox/builder');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /saknar organisationsnummer/);
    assert.match(res.body, new RegExp(`under namnet ${name}`));
    assert.match(res.body, /value="bo-1"/);
    assert.doesNotMatch(res.body, /value="bo-2"|value="bo-3"/);
    const text = await get(municipal.cookie, '/sv/toolbox/builder?job=bo-1&text=sv');
    assert.equal(text.statusCode, 200);
    assert.doesNotMatch(text.body, /Annonsen är inte er organisations/);
  });

  it('tells a partner organisation without a number why its board ads are missing and what to do', async () => {
    const res = await get(company.cookie, '/en/toolbox/builder');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /no organisationsnummer/);
    assert.match(res.body, /Ask the region to add your organisationsnummer/);
    assert.match(res.body, /Ads you add on Lotsa yourselves are listed here/);
    assert.doesNotMatch(res.body, /value="bo-/);
  });

  it('a search keeps the choices and does not ask for what the text still needs', async () => {
    const res = await get(
      company.cookie,
      '/en/toolbox/builder?search=1&q=l%C3%A4rare&job=none&title=&persona=international&text=sv&blocks=partner&blocks=english',
    );
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.doesNotMatch(res.body, /Type the job title/);
    assert.doesNotMatch(res.body, /id="builder-result"/);
    assert.match(res.body, /value="bo-2"/);
    assert.match(res.body, /id="persona-international"[^>]*checked/);
    assert.match(res.body, /id="text-sv"[^>]*checked/);
    assert.match(res.body, /id="blocks-partner"[^>]*checked/);
    assert.match(res.body, /id="blocks-english"[^>]*checked/);
    assert.doesNotMatch(res.body, /id="blocks-navigator"[^>]*checked/);
    // The same choices sent by "Write the text" ask for the title.
    const build = await get(
      company.cookie,
      '/en/toolbox/builder?job=none&title=&persona=international&text=sv',
    );
    assert.equal(build.statusCode, 400);
    assert.match(build.body, /Type the job title/);
  });
});
