/**
 * Duplicates: pairs of cases found by e-mail, phone, and name + municipality, and talent pool
 * sign-ups linked to their profile (when proven; see security-link.test.ts for the others); the merge (after a page showing both) moves everything to the
 * survivor in one transaction and is audited; a conflicting merge is refused with nothing changed;
 * merging a case with itself, a merged case or one out of scope is refused clearly.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { REGION } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';
import { createProfile } from '../talent/matching-fixture.ts';

describe('careers duplicates and merge', async () => {
  const t = await buildTestApp();
  const db = t.database.db;
  const client = await formClient(t.app);
  const navigator = await createNavigator(db, { name: 'Nora Lots' });
  const PAGE = '/admin/cases/duplicates';

  const refOf = async (id: string) =>
    String(
      (await db.selectFrom('relocation_cases').select('ref').where('id', '=', id).executeTakeFirstOrThrow())
        .ref,
    );
  /** The row of the pairs table naming both cases, if any. */
  const pairRow = (body: string, a: string, b: string) =>
    body.split('<tr').find((row) => row.includes(`/admin/cases/${a}"`) && row.includes(`/admin/cases/${b}"`));

  it('finds pairs by e-mail, phone, and name in the same municipality', async () => {
    const e1 = await createCase(db, { main: { name: 'Eva Epost', email: 'Eva.Dubbel@Example.org' } });
    const e2 = await createCase(db, { main: { name: 'E. Epost', email: 'eva.dubbel@example.org' } });
    const p1 = await createCase(db, {
      main: { name: 'Per Telefon', email: null, phone: '+46 70-123 45 67' },
    });
    const p2 = await createCase(db, { main: { name: 'P Telefon', email: null, phone: '070 123 45 67' } });
    const n1 = await createCase(db, { municipalityCode: '2062', main: { name: 'Åsa  Öberg', email: null } });
    const n2 = await createCase(db, { municipalityCode: '2062', main: { name: 'asa oberg', email: null } });
    const n3 = await createCase(db, { municipalityCode: '2080', main: { name: 'Åsa Öberg', email: null } });
    const res = await client.get(PAGE, navigator.cookie);
    assert.equal(res.statusCode, 200);
    const sorted = (a: string, b: string) => (a < b ? [a, b] : [b, a]) as [string, string];
    const byEmail = pairRow(res.body, ...sorted(e1.caseId, e2.caseId));
    assert.ok(byEmail && /samma e-post/.test(byEmail), 'the e-mail pair');
    const byPhone = pairRow(res.body, ...sorted(p1.caseId, p2.caseId));
    assert.ok(byPhone && /samma telefonnummer/.test(byPhone), 'the phone pair');
    const byName = pairRow(res.body, ...sorted(n1.caseId, n2.caseId));
    assert.ok(byName && /samma namn och kommun/.test(byName), 'the name pair');
    assert.equal(pairRow(res.body, ...sorted(n1.caseId, n3.caseId)), undefined, 'another municipality');
  });

  it('links a talent pool sign-up to the profile', async () => {
    const talent = await createProfile(db, { email: `signup-${Date.now()}@example.org` });
    // The case was made by the account (so the address is proven) but its main mover is not linked.
    const c = await createCase(db, {
      accountId: talent.accountId,
      main: { name: 'Sigrid Signup', email: talent.email.toUpperCase() },
    });
    await db.updateTable('relocation_persons').set({ account_id: null }).where('id', '=', c.mainId).execute();
    const res = await client.get(PAGE, navigator.cookie);
    assert.match(res.body, /Sigrid Signup/);
    assert.match(res.body, /Koppla till profilen/);
    const linked = await client.postForm(`${PAGE}/link`, navigator.cookie, { person: c.mainId });
    assert.equal(linked.statusCode, 303);
    const person = await db
      .selectFrom('relocation_persons')
      .select('account_id')
      .where('id', '=', c.mainId)
      .executeTakeFirstOrThrow();
    assert.equal(person.account_id, talent.accountId);
    const kase = await db
      .selectFrom('relocation_cases')
      .select('account_id')
      .where('id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(kase.account_id, talent.accountId);
    const again = await client.get(PAGE, navigator.cookie);
    assert.doesNotMatch(again.body, /Sigrid Signup/);
    const actions = (
      await db.selectFrom('audit_events').select('action').where('subject_id', '=', c.caseId).execute()
    ).map((a) => a.action);
    assert.ok(actions.includes('relocation.person.linked'));
    // Linking again (nothing left to link) is a 404.
    assert.equal(
      (await client.postForm(`${PAGE}/link`, navigator.cookie, { person: c.mainId })).statusCode,
      404,
    );
  });

  it('shows both cases side by side, then merges everything into the survivor, audited', async () => {
    const keep = await createCase(db, {
      main: { name: 'Mira Merge', email: 'mira@example.org' },
      needs: ['job'],
      consents: ['employers'],
    });
    const gone = await createCase(db, {
      main: { name: 'Mira Merge', email: 'MIRA@example.org', phone: '070-555 12 34' },
      partner: { name: 'Partner Merge', email: 'partner@example.org' },
      needs: ['housing'],
      childrenAges: [4],
      consents: ['employers', 'followup'],
    });
    const nav = navigator.accountId;
    await db
      .insertInto('relocation_case_events')
      .values({ region_id: REGION, case_id: gone.caseId, kind: 'note', body: 'Ringde upp', actor_id: nav })
      .execute();
    await db
      .insertInto('relocation_tasks')
      .values({ region_id: REGION, case_id: gone.caseId, title: 'Boka visning', due_on: '2026-12-24' })
      .execute();
    await db
      .insertInto('relocation_checklist')
      .values([
        { region_id: REGION, case_id: keep.caseId, step: 'folkbokforing' },
        { region_id: REGION, case_id: gone.caseId, step: 'folkbokforing' },
        { region_id: REGION, case_id: gone.caseId, step: 'bank' },
      ])
      .execute();
    await db
      .insertInto('relocation_followups')
      .values([
        { region_id: REGION, case_id: keep.caseId, months: 3, due_on: '2027-03-01' },
        { region_id: REGION, case_id: gone.caseId, months: 3, due_on: '2027-03-02' },
        { region_id: REGION, case_id: gone.caseId, months: 12, due_on: '2027-12-01' },
      ])
      .execute();
    await db
      .insertInto('relocation_job_applications')
      .values({
        region_id: REGION,
        person_id: gone.partnerId!,
        employer: 'Bolaget AB',
        title: 'Snickare',
        noted_on: '2026-11-01',
      })
      .execute();
    const [keepRef, goneRef] = [await refOf(keep.caseId), await refOf(gone.caseId)];

    const compare = await client.get(`${PAGE}/merge?a=${keep.caseId}&b=${gone.caseId}`, navigator.cookie);
    assert.equal(compare.statusCode, 200);
    assert.match(compare.body, new RegExp(`Slå ihop ärende ${keepRef} och ${goneRef}`));
    assert.match(compare.body, /Partner Merge/);
    assert.match(compare.body, /4 år/);

    const noChoice = await client.postForm(`${PAGE}/merge`, navigator.cookie, {
      a: keep.caseId,
      b: gone.caseId,
    });
    assert.equal(noChoice.statusCode, 400);
    assert.match(noChoice.body, /Välj vilket ärende som ska finnas kvar/);

    const merged = await client.postForm(`${PAGE}/merge`, navigator.cookie, {
      a: keep.caseId,
      b: gone.caseId,
      survivor: keep.caseId,
    });
    assert.equal(merged.statusCode, 303);
    assert.equal(merged.headers.location, `${PAGE}?done=merged&ref=${keepRef}`);

    const survivor = await db
      .selectFrom('relocation_cases')
      .selectAll()
      .where('id', '=', keep.caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([...survivor.needs].sort(), ['housing', 'job']);
    const closed = await db
      .selectFrom('relocation_cases')
      .selectAll()
      .where('id', '=', gone.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(closed.stage, 'closed');
    assert.equal(closed.close_reason, 'duplicate');
    assert.equal(closed.merged_into, keep.caseId);
    assert.ok(closed.closed_at);

    // Persons: the main mover merged (the phone filled in), the partner and the child moved over.
    const persons = await db
      .selectFrom('relocation_persons')
      .selectAll()
      .where('case_id', '=', keep.caseId)
      .execute();
    assert.deepEqual(persons.map((p) => p.role).sort(), ['child', 'main', 'partner']);
    const main = persons.find((p) => p.role === 'main')!;
    assert.equal(main.id, keep.mainId);
    assert.equal(main.phone, '070-555 12 34');
    const gonePersons = await db
      .selectFrom('relocation_persons')
      .select('id')
      .where('case_id', '=', gone.caseId)
      .execute();
    assert.equal(gonePersons.length, 0);
    // Consents: one live per purpose; the followup consent came along.
    const live = await db
      .selectFrom('relocation_consents')
      .select('purpose')
      .where('person_id', '=', keep.mainId)
      .where('withdrawn_at', 'is', null)
      .execute();
    assert.deepEqual(live.map((c) => c.purpose).sort(), ['contact', 'employers', 'followup']);

    const count = async (
      table: 'relocation_tasks' | 'relocation_checklist' | 'relocation_followups',
      id: string,
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select(sql<string>`count(*)`.as('n'))
            .where('case_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await count('relocation_tasks', keep.caseId), 1);
    assert.equal(await count('relocation_checklist', keep.caseId), 2);
    assert.equal(await count('relocation_followups', keep.caseId), 2);
    assert.equal(await count('relocation_checklist', gone.caseId), 0);
    const app = await db
      .selectFrom('relocation_job_applications')
      .select('person_id')
      .where('title', '=', 'Snickare')
      .executeTakeFirstOrThrow();
    assert.equal(app.person_id, gone.partnerId);

    const keepEvents = await db
      .selectFrom('relocation_case_events')
      .select(['kind', 'body'])
      .where('case_id', '=', keep.caseId)
      .execute();
    assert.ok(
      keepEvents.some((e) => e.body === 'Ringde upp'),
      'the history moved',
    );
    assert.ok(keepEvents.some((e) => e.kind === 'merged' && e.body.includes(goneRef)));
    const goneEvents = await db
      .selectFrom('relocation_case_events')
      .select(['kind', 'body'])
      .where('case_id', '=', gone.caseId)
      .execute();
    assert.ok(goneEvents.some((e) => e.kind === 'merged' && e.body.includes(keepRef)));

    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('action', '=', 'relocation.case.merged')
      .where('subject_id', '=', keep.caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit.data, { ref: keepRef, merged_ref: goneRef });

    // Merging the merged case again is refused clearly.
    const again = await client.postForm(`${PAGE}/merge`, navigator.cookie, {
      a: keep.caseId,
      b: gone.caseId,
      survivor: keep.caseId,
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, new RegExp(`Ärende ${goneRef} är redan sammanslaget`));
  });

  it('refuses a conflicting merge with nothing changed', async () => {
    const a = await createCase(db, {
      main: { name: 'Anna Andersson', email: 'anna@example.org' },
      partner: { name: 'Bo Andersson', email: 'bo@example.org' },
    });
    const b = await createCase(db, {
      main: { name: 'Anna Andersson', email: 'anna@example.org' },
      partner: { name: 'Carl Carlsson', email: 'carl@example.org' },
    });
    await db
      .insertInto('relocation_case_events')
      .values({ region_id: REGION, case_id: b.caseId, kind: 'note', body: 'Stannar kvar' })
      .execute();
    const res = await client.postForm(`${PAGE}/merge`, navigator.cookie, {
      a: a.caseId,
      b: b.caseId,
      survivor: a.caseId,
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Carl Carlsson \/ Bo Andersson/);
    assert.match(res.body, /Inget har ändrats/);
    const still = await db
      .selectFrom('relocation_cases')
      .select(['stage', 'merged_into'])
      .where('id', '=', b.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(still.merged_into, null);
    assert.equal(still.stage, 'new');
    const persons = await db
      .selectFrom('relocation_persons')
      .select('id')
      .where('case_id', '=', b.caseId)
      .execute();
    assert.equal(persons.length, 2);
    const events = await db
      .selectFrom('relocation_case_events')
      .select('body')
      .where('case_id', '=', b.caseId)
      .execute();
    assert.deepEqual(
      events.map((e) => e.body),
      ['Stannar kvar'],
    );
  });

  it('refuses merging a case with itself and one out of scope', async () => {
    const a = await createCase(db, { municipalityCode: '2080' });
    const b = await createCase(db, { municipalityCode: '2081' });
    const self = await client.get(`${PAGE}/merge?a=${a.caseId}&b=${a.caseId}`, navigator.cookie);
    assert.equal(self.statusCode, 400);
    assert.match(self.body, /Ett ärende kan inte slås ihop med sig självt/);
    const selfPost = await client.postForm(`${PAGE}/merge`, navigator.cookie, {
      a: a.caseId,
      b: a.caseId,
      survivor: a.caseId,
    });
    assert.equal(selfPost.statusCode, 400);
    const falun = await createNavigator(db, { municipalityCode: '2080' });
    const out = await client.postForm(`${PAGE}/merge`, falun.cookie, {
      a: a.caseId,
      b: b.caseId,
      survivor: a.caseId,
    });
    assert.equal(out.statusCode, 404);
    assert.match(out.body, /ligger utanför det område du arbetar med/);
    const untouched = await db
      .selectFrom('relocation_cases')
      .select('merged_into')
      .where('id', '=', b.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(untouched.merged_into, null);
    // Their duplicates page shows only their own cases.
    const page = await client.get(PAGE, falun.cookie);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, new RegExp(b.caseId));
  });
});
