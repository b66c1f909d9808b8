/**
 * The navigators' inbox and case file: views as tabs, the scope (a Falun navigator sees Falun's
 * cases, not Borlänge's: 404 on its file), the waiting time, another region's case is a 404, the
 * case file's sections and the household.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';

describe('the navigators’ inbox', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const falun = await createNavigator(db, { municipalityCode: '2080', name: 'Frida Falun' });
  const borlange = await createNavigator(db, { municipalityCode: '2081', name: 'Bo Borlänge' });
  const region = await createNavigator(db, { name: 'Rut Region', language: 'en' });
  const refOf = async (id: string) =>
    (await db.selectFrom('relocation_cases').select('ref').where('id', '=', id).executeTakeFirstOrThrow())
      .ref;

  it('shows a municipality navigator the new cases of their municipality, oldest first, with the waiting time', async () => {
    const older = await createCase(db, {
      municipalityCode: '2080',
      createdAt: new Date(Date.now() - 3 * 3600_000 - 60_000),
      main: { name: 'Greta Gammal' },
      needs: ['job', 'school'],
      channel: 'phone',
    });
    const newer = await createCase(db, {
      municipalityCode: '2080',
      createdAt: new Date(Date.now() - 20 * 60_000),
      main: { name: 'Nina Ny' },
    });
    const other = await createCase(db, { municipalityCode: '2081', main: { name: 'Olle Borlänge' } });
    const res = await client.get('/admin/cases', falun.cookie);
    assert.equal(res.statusCode, 200);
    const body = res.body;
    const [olderRef, newerRef, otherRef] = await Promise.all([
      refOf(older.caseId),
      refOf(newer.caseId),
      refOf(other.caseId),
    ]);
    assert.ok(body.includes(`Ärende ${olderRef}<`));
    assert.ok(body.indexOf(`Ärende ${olderRef}<`) < body.indexOf(`Ärende ${newerRef}<`), 'oldest first');
    assert.ok(!body.includes(`Ärende ${otherRef}<`), 'not another municipality’s case');
    assert.match(body, /väntat 3 tim/);
    assert.match(body, /väntat 20 min/);
    assert.match(body, /Jobb, Förskola och skola/);
    assert.match(body, /Telefon/);
    assert.match(body, /Greta Gammal/);
    assert.match(body, /href="\/admin\/cases" aria-current="page">Nya \(\d+\)/);
    assert.match(body, /<caption id="cases-caption">/);
    // The back-office menu has the entry.
    assert.match(body, /href="\/admin\/cases"[^>]*>Flyttärenden</);

    // The Borlänge case's file is not found for Falun; Borlänge's navigator opens it.
    const hidden = await client.get(`/admin/cases/${other.caseId}`, falun.cookie);
    assert.equal(hidden.statusCode, 404);
    const own = await client.get(`/admin/cases/${other.caseId}`, borlange.cookie);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, new RegExp(`Ärende ${otherRef}`));

    // The region's navigator sees all, in English.
    const all = await client.get('/admin/cases', region.cookie);
    assert.match(all.body, /<html lang="en"/);
    assert.ok(all.body.includes(`Case ${olderRef}<`) && all.body.includes(`Case ${otherRef}<`));
    assert.match(all.body, /waited 3 h/);
  });

  it('has views for my cases, all open (filtered by stage and municipality) and finished ones, with empty states', async () => {
    const mine = await createCase(db, {
      municipalityCode: '2080',
      navigatorId: falun.accountId,
      stage: 'exploring',
    });
    const visit = await createCase(db, { municipalityCode: '2080', stage: 'visit_planned' });
    const closed = await createCase(db, { municipalityCode: '2080', stage: 'closed' });
    const [mineRef, visitRef, closedRef] = await Promise.all([
      refOf(mine.caseId),
      refOf(visit.caseId),
      refOf(closed.caseId),
    ]);
    const mineView = await client.get('/admin/cases?view=mine', falun.cookie);
    assert.ok(mineView.body.includes(`Ärende ${mineRef}<`));
    assert.ok(!mineView.body.includes(`Ärende ${visitRef}<`));
    assert.match(mineView.body, /aria-current="page">Mina \(1\)/);

    const open = await client.get(
      '/admin/cases?view=open&stage=visit_planned&municipality=2080',
      falun.cookie,
    );
    assert.equal(open.statusCode, 200);
    assert.ok(open.body.includes(`Ärende ${visitRef}<`));
    assert.ok(!open.body.includes(`Ärende ${mineRef}<`));
    assert.match(open.body, /<option value="visit_planned" selected>/);

    const finished = await client.get('/admin/cases?view=closed', falun.cookie);
    assert.ok(finished.body.includes(`Ärende ${closedRef}<`));

    const empty = await client.get('/admin/cases?view=mine', borlange.cookie);
    assert.match(empty.body, /Du har inga öppna ärenden\. Ta ett ärende bland de nya/);
    // Unknown filters are ignored rather than refused.
    const odd = await client.get('/admin/cases?view=nope&stage=x&page=-1', falun.cookie);
    assert.equal(odd.statusCode, 200);
  });

  it('pages 50 cases at a time', async () => {
    const many = await createNavigator(db, { municipalityCode: '2084' });
    for (let i = 0; i < 51; i++) await createCase(db, { municipalityCode: '2084' });
    const first = await client.get('/admin/cases', many.cookie);
    assert.match(first.body, /sida 1 av 2/);
    assert.match(first.body, /rel="next"/);
    const second = await client.get('/admin/cases?page=2', many.cookie);
    assert.match(second.body, /sida 2 av 2/);
    assert.equal((second.body.match(/<th scope="row">/g) ?? []).length, 1);
  });

  it('shows the case file with its sections, the household with ages and consents, and what was carried along', async () => {
    const c = await createCase(db, {
      municipalityCode: '2080',
      partner: { name: 'Pia Partner', occupation: 'Sjuksköterska' },
      childrenAges: [4],
      consents: ['followup'],
      message: 'Vi vill bo nära skogen.',
    });
    // The child was 4 two years and a day ago: 6 today.
    await db
      .updateTable('relocation_persons')
      .set({ age_on: sql<string>`(current_date - interval '2 years' - interval '1 day')::date` })
      .where('id', '=', c.childIds[0]!)
      .execute();
    await db
      .updateTable('relocation_cases')
      .set({ source: JSON.stringify({ jobId: '12345', campaign: 'flytthem' }) })
      .where('id', '=', c.caseId)
      .execute();
    const res = await client.get(`/admin/cases/${c.caseId}`, falun.cookie);
    assert.equal(res.statusCode, 200);
    const body = res.body;
    for (const id of ['facts', 'work', 'household', 'tasks', 'meetings', 'notes', 'history'])
      assert.match(body, new RegExp(`<section id="${id}" aria-labelledby="${id}-title">`), id);
    assert.match(body, /href="#household">Hushållet</);
    assert.match(body, /Pia Partner/);
    assert.match(body, /Barn: 6 år/);
    assert.match(body, /Ni får fråga hur det går efter flytten/);
    assert.match(body, /Lotsen får kontakta mig/);
    assert.match(body, /Vi vill bo nära skogen\./);
    assert.match(body, /href="\/sv\/jobs\/12345"/);
    assert.match(body, /kampanjen flytthem/);
    assert.match(body, /Falun/);
    assert.match(body, /Ingen än/);
  });

  it('a malformed id, a case of another region, and people without CasesWork get nothing', async () => {
    assert.equal((await client.get('/admin/cases/not-a-uuid', falun.cookie)).statusCode, 404);
    await db
      .insertInto('regions')
      .values({
        id: 'gavleborg',
        name_sv: 'Gävleborg',
        name_en: 'Gävleborg',
        brand_primary: '#0b5563',
        brand_accent: '#b4400a',
        logo_path: 'img/regions/dalarna.svg',
        contact_organisation: 'Region Gävleborg',
        contact_email: 'lotsa@gavleborg.example',
      })
      .execute();
    const org = await db
      .insertInto('organisations')
      .values({ region_id: 'gavleborg', kind: 'region', name: 'Region Gävleborg' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await db
      .insertInto('relocation_cases')
      .values({ region_id: 'gavleborg', organisation_id: org.id, channel: 'email' })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal((await client.get(`/admin/cases/${foreign.id}`, region.cookie)).statusCode, 404);
    const take = await client.postForm(`/admin/cases/${foreign.id}/take`, region.cookie, {});
    assert.equal(take.statusCode, 404);

    const editor = await createPerson(db, { role: 'region_editor' });
    const editorSession = await sessionFor(db, editor.accountId, { secondFactor: true });
    assert.equal((await client.get('/admin/cases', editorSession)).statusCode, 403);
    assert.equal(REGION, 'dalarna');
  });
});
