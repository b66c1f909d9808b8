/**
 * Competence needs: an employer records the occupations (from the taxonomy) and the number of
 * people they expect to recruit in the coming year, stored at once and audited; mistakes come back
 * by the field; the region downloads every company's needs as CSV that no spreadsheet runs as a
 * formula.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv } from '../../../src/modules/jobs/taxonomy.ts';
import {
  REGION,
  auditActions,
  createOrganisation,
  createPerson,
  sessionFor,
} from '../../helpers/identity.ts';
import { LIST, companyFixture, inputValue } from './admin-fixture.ts';

describe('competence needs', async () => {
  const f = await companyFixture();
  const id = await f.ownPage();
  const stored = () =>
    f.db
      .selectFrom('company_competence_needs')
      .select(['occupation_id', 'people'])
      .where('region_id', '=', REGION)
      .where('company_id', '=', id)
      .orderBy('occupation_id')
      .execute();

  it('records occupations and numbers at once, without review, audited', async () => {
    const form = await f.get(`${LIST}/${id}/needs`, f.memberCookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Vi kommer att behöva/);
    assert.match(form.body, /name="need_2_people"/, 'three empty rows');
    const res = await f.post(`${LIST}/${id}/needs`, f.memberCookie, {
      rows: '3',
      need_0_q: 'Svetsare',
      need_0_people: '5',
      need_1_occ: 'rQds_YGd_quU',
      need_1_people: '2',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
    assert.deepEqual(await stored(), [
      { occupation_id: 'rQds_YGd_quU', people: 2 },
      { occupation_id: 'rxrQ_Nyy_k6y', people: 5 },
    ]);
    assert.ok((await auditActions(f.db)).includes('company.needs.updated'));
    const page = await f.get(String(res.headers.location), f.memberCookie);
    assert.match(page.body, /Kompetensbehoven är sparade/);
    assert.match(page.body, /Valt yrke: Mjukvaruutvecklare/);
    assert.equal(inputValue(page.body, 'need_0_people'), '5');
    // Emptying a number removes its row.
    const removed = await f.post(`${LIST}/${id}/needs`, f.hrCookie, {
      rows: '2',
      need_0_occ: 'rxrQ_Nyy_k6y',
      need_0_people: '7',
      need_1_occ: 'rQds_YGd_quU',
      need_1_people: '',
    });
    assert.equal(removed.statusCode, 303);
    assert.deepEqual(await stored(), [{ occupation_id: 'rxrQ_Nyy_k6y', people: 7 }]);
  });

  it('answers a bad number, an unknown occupation and one twice by the field, keeping what was typed', async () => {
    const res = await f.post(`${LIST}/${id}/needs`, f.hrCookie, {
      rows: '4',
      need_0_occ: 'rxrQ_Nyy_k6y',
      need_0_people: '0',
      need_1_occ: 'XXXX_not_real',
      need_1_people: '3',
      need_2_occ: 'rxrQ_Nyy_k6y',
      need_2_people: '10001',
      need_3_q: 'Drakfångare',
      need_3_people: '1',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#need_0_people">Skriv ett antal från 1 till 10 000/);
    assert.match(res.body, /href="#need_1_q">Yrket finns inte i yrkeslistan/);
    assert.match(res.body, /href="#need_2_people">Skriv ett antal från 1 till 10 000/);
    assert.match(res.body, /href="#need_3_q">Inget yrke i yrkeslistan passar ”Drakfångare”/);
    assert.equal(inputValue(res.body, 'need_3_q'), 'Drakfångare');
    assert.equal(inputValue(res.body, 'need_2_people'), '10001');
    assert.deepEqual(await stored(), [{ occupation_id: 'rxrQ_Nyy_k6y', people: 7 }], 'nothing changed');

    const twice = await f.post(`${LIST}/${id}/needs`, f.hrCookie, {
      rows: '2',
      need_0_occ: 'rxrQ_Nyy_k6y',
      need_0_people: '1',
      need_1_q: 'Svetsare',
      need_1_people: '2',
    });
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /Yrket finns redan på en annan rad/);
    // No more rows than the limit, whatever the form says.
    const many = await f.get(`${LIST}/${id}/needs`, f.hrCookie);
    assert.doesNotMatch(many.body, /name="need_30_/);
    const huge = await f.post(`${LIST}/${id}/needs`, f.hrCookie, {
      rows: '100000',
      need_0_occ: 'rxrQ_Nyy_k6y',
      need_0_people: '7',
    });
    assert.equal(huge.statusCode, 303);
    assert.deepEqual(await stored(), [{ occupation_id: 'rxrQ_Nyy_k6y', people: 7 }]);
  });

  it('exports every company’s needs as CSV for the region, and nobody else', async () => {
    const nasty = await createOrganisation(f.db, {
      kind: 'employer',
      name: '=HYPERLINK("http://x.invalid","klicka")',
    });
    const nastyHr = await createPerson(f.db, { role: 'employer_admin', organisationId: nasty });
    const cookie = await sessionFor(f.db, nastyHr.accountId);
    const theirs = await f.ownPage(cookie);
    const saved = await f.post(`${LIST}/${theirs}/needs`, cookie, {
      rows: '1',
      need_0_occ: 'rQds_YGd_quU',
      need_0_people: '12',
    });
    assert.equal(saved.statusCode, 303);
    for (const name of ['+SUM(1,1)', '-2+3', '@SUM(A1)', '\tTab AB']) {
      const org = await createOrganisation(f.db, { kind: 'employer', name });
      const person = await createPerson(f.db, { role: 'employer_admin', organisationId: org });
      const c = await sessionFor(f.db, person.accountId);
      const page = await f.ownPage(c);
      await f.post(`${LIST}/${page}/needs`, c, { rows: '1', need_0_occ: 'rxrQ_Nyy_k6y', need_0_people: '1' });
    }

    assert.equal((await f.get(`${LIST}/needs.csv`, f.hrCookie)).statusCode, 403);
    const res = await f.get(`${LIST}/needs.csv`, f.editorCookie);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="kompetensbehov\.csv"/);
    const text = res.body.replace(/^\uFEFF/, '');
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], [
      'Företag',
      'Organisationsnummer',
      'Yrkes-id',
      'Yrke',
      'Antal personer',
      'Uppdaterat',
    ]);
    const berg = rows.find((r) => r[0] === 'Bergslagens Stål AB');
    assert.ok(berg, text);
    assert.equal(berg[2], 'rxrQ_Nyy_k6y');
    assert.equal(berg[3], 'Svetsare');
    assert.equal(berg[4], '7');
    assert.match(berg[1] as string, /^\d{6}-\d{4}$/);
    assert.match(berg[5] as string, /^\d{4}-\d{2}-\d{2}$/);
    const cells = rows.flat();
    assert.ok(cells.includes(`'=HYPERLINK("http://x.invalid","klicka")`), 'a formula is defused');
    for (const name of ['+SUM(1,1)', '-2+3', '@SUM(A1)', '\tTab AB'])
      assert.ok(cells.includes(`'${name}`), name);
    assert.ok(!cells.some((c) => /^[=+\-@\t]/.test(c)), 'no cell starts like a formula');
  });
});
