/**
 * Working a case: take, hand over (also to someone who has left since: 400, note kept, nothing
 * changed), notes and logged contacts stopping the first-response clock once, stages with the
 * outcome or a reason, follow-ups on 'moved' with consent only, tasks and their reminder e-mails,
 * meetings, and the history told in sentences; each change audited.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { sendTaskReminders } from '../../../src/modules/relocation/cases/service.ts';
import { seedDemoCases } from '../../../src/modules/relocation/cases/seed.ts';
import { stockholmToday } from '../../../src/modules/relocation/model.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';

const mailTo = (db: Kysely<DB>, to: string) =>
  db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body', 'language'])
    .where(sql<string>`lower(to_address)`, '=', to.toLowerCase())
    .orderBy('id')
    .execute();

const caseRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('relocation_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const events = (db: Kysely<DB>, id: string) =>
  db
    .selectFrom('relocation_case_events')
    .select(['kind', 'body', 'data', 'actor_id'])
    .where('case_id', '=', id)
    .orderBy('at')
    .execute();

describe('working a case', async () => {
  const { app, database, queue } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const falun = await createNavigator(db, { municipalityCode: '2080', name: 'Frida Falun' });
  const mora = await createNavigator(db, {
    municipalityCode: '2062',
    name: 'Mats Mora',
    email: 'mats.mora@example.org',
    language: 'en',
  });
  const regionNav = await createNavigator(db, { name: 'Rut Region' });
  const post = (url: string, fields: Record<string, string>, cookie = falun.cookie) =>
    client.postForm(url, cookie, fields);

  it('takes a case: it is mine, in the history and the audit trail', async () => {
    const c = await createCase(db, { municipalityCode: '2080' });
    const res = await post(`/admin/cases/${c.caseId}/take`, {});
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/cases/${c.caseId}?done=taken`);
    assert.equal((await caseRow(db, c.caseId)).navigator_id, falun.accountId);
    assert.deepEqual(
      (await events(db, c.caseId)).map((e) => e.kind),
      ['taken'],
    );
    assert.equal((await auditActions(db))[0], 'relocation.case.taken');
    const page = await client.get(`/admin/cases/${c.caseId}?done=taken`, falun.cookie);
    assert.match(page.body, /Ärendet är ditt\./);
    assert.match(page.body, /Frida Falun tog ärendet\./);
    assert.match(page.body, /Du har ärendet\./);
    // Taking does not stop the first-response clock.
    assert.equal((await caseRow(db, c.caseId)).first_response_at, null);
  });

  it('hands a case over to a colleague in another municipality, with a note and an e-mail', async () => {
    const c = await createCase(db, { municipalityCode: '2080', navigatorId: falun.accountId });
    const form = await client.get(`/admin/cases/${c.caseId}`, falun.cookie);
    assert.match(form.body, /Mats Mora — Mora kommun/);
    const res = await post(`/admin/cases/${c.caseId}/handover`, {
      navigator: `${mora.accountId}:${mora.organisationId}`,
      note: 'Familjen vill hellre bo i Mora. Ring på fredag.',
    });
    assert.equal(res.statusCode, 303);
    // The case is Mora's now; Falun still sees it (wished municipality is Falun).
    const row = await caseRow(db, c.caseId);
    assert.equal(row.navigator_id, mora.accountId);
    assert.equal(row.organisation_id, mora.organisationId);
    const mail = await mailTo(db, 'mats.mora@example.org');
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.language, 'en');
    assert.match(mail[0]!.subject, new RegExp(`Case ${row.ref} has been handed over to you`));
    assert.match(mail[0]!.text_body, /Familjen vill hellre bo i Mora/);
    assert.match(mail[0]!.text_body, new RegExp(`/admin/cases/${c.caseId}`));
    assert.match(mail[0]!.text_body, /Frida Falun/);
    const moraPage = await client.get(`/admin/cases/${c.caseId}`, mora.cookie);
    assert.equal(moraPage.statusCode, 200);
    assert.match(moraPage.body, /Frida Falun handed the case over to Mats Mora \(Mora kommun\)\./);
    assert.match(moraPage.body, /Familjen vill hellre bo i Mora/);
    assert.ok((await auditActions(db)).includes('relocation.case.handed_over'));
  });

  it('a handover to a navigator who has left is refused by the field, the note kept, the case unchanged', async () => {
    const leaving = await createNavigator(db, { municipalityCode: '2082', name: 'Lisa Lämnar' });
    const c = await createCase(db, { municipalityCode: '2080', navigatorId: falun.accountId });
    const before = await caseRow(db, c.caseId);
    await db.deleteFrom('memberships').where('account_id', '=', leaving.accountId).execute();
    const res = await post(`/admin/cases/${c.caseId}/handover`, {
      navigator: `${leaving.accountId}:${leaving.organisationId}`,
      note: 'Ta över, tack — viktig anteckning.',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Kollegan är inte längre lots här/);
    assert.match(res.body, /id="navigator-error"/);
    assert.match(res.body, /Ta över, tack — viktig anteckning\./);
    const after = await caseRow(db, c.caseId);
    assert.equal(after.navigator_id, before.navigator_id);
    assert.equal(after.organisation_id, before.organisation_id);
    assert.equal((await events(db, c.caseId)).length, 0);
    // A forged value, and no note.
    const forged = await post(`/admin/cases/${c.caseId}/handover`, { navigator: 'x:y', note: '' });
    assert.equal(forged.statusCode, 400);
    assert.match(forged.body, /Skriv en anteckning\./);
  });

  it('a handover that takes the case out of my scope lands me on the inbox', async () => {
    const c = await createCase(db, { municipalityCode: '2062', navigatorId: falun.accountId });
    const res = await post(`/admin/cases/${c.caseId}/handover`, {
      navigator: `${mora.accountId}:${mora.organisationId}`,
      note: 'Din kommun.',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/cases?done=handedOverAway');
    assert.equal((await client.get(`/admin/cases/${c.caseId}`, falun.cookie)).statusCode, 404);
  });

  it('notes and logged contacts stop the first-response clock exactly once', async () => {
    const c = await createCase(db, { municipalityCode: '2080' });
    const tooLong = await post(`/admin/cases/${c.caseId}/note`, { body: 'x'.repeat(4001), channel: '' });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /Skriv högst 4\s000 tecken\./);
    assert.equal((await caseRow(db, c.caseId)).first_response_at, null);

    const contact = await post(`/admin/cases/${c.caseId}/note`, {
      body: 'Ringde, pratade 20 min.',
      channel: 'phone',
    });
    assert.equal(contact.statusCode, 303);
    const first = await caseRow(db, c.caseId);
    assert.ok(first.first_response_at);
    assert.equal(first.first_response_by, falun.accountId);
    await new Promise((r) => setTimeout(r, 20));
    const again = await post(
      `/admin/cases/${c.caseId}/note`,
      { body: 'Skickade länkar.', channel: '' },
      regionNav.cookie,
    );
    assert.equal(again.statusCode, 303);
    const second = await caseRow(db, c.caseId);
    assert.equal(second.first_response_at?.getTime(), first.first_response_at.getTime());
    assert.equal(second.first_response_by, falun.accountId);
    const page = await client.get(`/admin/cases/${c.caseId}`, falun.cookie);
    assert.match(page.body, /Frida Falun loggade en kontakt \(telefon\)\./);
    assert.match(page.body, /Rut Region skrev en anteckning\./);
    assert.match(page.body, /svar efter 0 min/);
    const actions = await auditActions(db);
    assert.ok(
      actions.includes('relocation.case.contact_logged') && actions.includes('relocation.case.noted'),
    );
    const bad = await post(`/admin/cases/${c.caseId}/note`, { body: 'x', channel: 'pigeon' });
    assert.equal(bad.statusCode, 400);
  });

  it('moving to moved requires the outcome; the follow-ups are planned only with consent', async () => {
    const withConsent = await createCase(db, {
      municipalityCode: '2080',
      partner: { name: 'P' },
      consents: ['followup'],
    });
    const missing = await post(`/admin/cases/${withConsent.caseId}/stage`, { stage: 'moved' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Välj kommunen hushållet flyttade till\./);
    assert.match(missing.body, /Välj huvudflyttarens sysselsättning\./);
    assert.match(missing.body, /Skriv flyttdagen\./);
    assert.equal((await caseRow(db, withConsent.caseId)).stage, 'new');

    const future = await post(`/admin/cases/${withConsent.caseId}/stage`, {
      stage: 'moved',
      outcome_municipality: '2080',
      main_employment: 'employed',
      partner_employment: 'searching',
      moved_on: '2999-01-01',
    });
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /Flyttdagen kan inte vara i framtiden\./);
    assert.match(future.body, /value="2999-01-01"/);

    const moved = await post(`/admin/cases/${withConsent.caseId}/stage`, {
      stage: 'moved',
      outcome_municipality: '2080',
      main_employment: 'employed',
      partner_employment: 'searching',
      moved_on: '2026-01-15',
    });
    assert.equal(moved.statusCode, 303);
    const row = await caseRow(db, withConsent.caseId);
    assert.equal(row.stage, 'moved');
    assert.equal(row.outcome_municipality, '2080');
    assert.equal(row.outcome_partner_employment, 'searching');
    assert.ok(row.first_response_at, 'a stage change stops the clock');
    const followups = await db
      .selectFrom('relocation_followups')
      .select(['months', sql<string>`due_on::text`.as('due')])
      .where('case_id', '=', withConsent.caseId)
      .orderBy('months')
      .execute();
    assert.deepEqual(followups, [
      { months: 3, due: '2026-04-15' },
      { months: 12, due: '2027-01-15' },
      { months: 24, due: '2028-01-15' },
    ]);
    const page = await client.get(`/admin/cases/${withConsent.caseId}`, falun.cookie);
    assert.match(page.body, /Frida Falun flyttade ärendet från Ny till Har flyttat\./);

    const without = await createCase(db, { municipalityCode: '2080' });
    await post(`/admin/cases/${without.caseId}/stage`, {
      stage: 'moved',
      outcome_municipality: '2080',
      main_employment: 'employed',
      partner_employment: 'no_partner',
      moved_on: '2026-01-15',
    });
    assert.equal((await caseRow(db, without.caseId)).stage, 'moved');
    const none = await db
      .selectFrom('relocation_followups')
      .select('id')
      .where('case_id', '=', without.caseId)
      .execute();
    assert.equal(none.length, 0);
    // Moving through the other stages needs nothing more.
    const other = await createCase(db, { municipalityCode: '2080', consents: ['followup'] });
    assert.equal((await post(`/admin/cases/${other.caseId}/stage`, { stage: 'exploring' })).statusCode, 303);
    assert.equal(
      (await db.selectFrom('relocation_followups').select('id').where('case_id', '=', other.caseId).execute())
        .length,
      0,
    );
  });

  it('closing requires a reason', async () => {
    const c = await createCase(db, { municipalityCode: '2080' });
    const res = await post(`/admin/cases/${c.caseId}/stage`, { stage: 'closed' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Välj varför ärendet avslutas\./);
    const ok = await post(`/admin/cases/${c.caseId}/stage`, { stage: 'closed', close_reason: 'not_moving' });
    assert.equal(ok.statusCode, 303);
    const row = await caseRow(db, c.caseId);
    assert.equal(row.stage, 'closed');
    assert.equal(row.close_reason, 'not_moving');
    assert.ok(row.closed_at);
    const page = await client.get(`/admin/cases/${c.caseId}`, falun.cookie);
    assert.match(page.body, /från Ny till Avslutat \(Flyttar inte hit\)\./);
    assert.equal((await post(`/admin/cases/${c.caseId}/stage`, { stage: 'nonsense' })).statusCode, 400);
    // The audit trail tells it in words.
    const admin = await createPerson(db, { role: 'admin', organisationId: regionNav.organisationId });
    const trail = await client.get(
      '/admin/audit',
      await sessionFor(db, admin.accountId, { secondFactor: true }),
    );
    assert.match(trail.body, new RegExp(`Frida Falun flyttade ärende ${row.ref} till steget avslutat`));
  });

  it('tasks: added, marked done and undone; the reminder sends one mail per due task, once', async () => {
    const c = await createCase(db, { municipalityCode: '2080', navigatorId: falun.accountId });
    const today = stockholmToday();
    const bad = await post(`/admin/cases/${c.caseId}/tasks`, { title: '', due_on: '2026-13-01' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Skriv vad som ska göras\./);
    assert.match(bad.body, /Skriv datumet som ÅÅÅÅ-MM-DD/);
    assert.equal(
      (
        await post(`/admin/cases/${c.caseId}/tasks`, {
          title: 'Skicka förskolelistan',
          due_on: today,
          assignee: 'me',
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (
        await post(`/admin/cases/${c.caseId}/tasks`, {
          title: 'Boka visning',
          due_on: '2020-01-01',
          assignee: mora.accountId,
        })
      ).statusCode,
      303,
    );
    await post(`/admin/cases/${c.caseId}/tasks`, { title: 'Senare', due_on: '2999-01-01', assignee: 'me' });
    const page = await client.get(`/admin/cases/${c.caseId}`, falun.cookie);
    assert.match(page.body, /Skicka förskolelistan/);
    assert.match(page.body, /Försenad/);
    assert.match(page.body, /Frida Falun lade till uppgiften ”Boka visning”/);

    const now = new Date();
    const sent = await sendTaskReminders({ db, queue }, 'http://localhost:3000', now);
    assert.equal(sent, 2);
    assert.equal(await sendTaskReminders({ db, queue }, 'http://localhost:3000', now), 0);
    const falunMail = (await mailTo(db, falun.email)).filter((m) => m.subject.startsWith('Påminnelse'));
    assert.equal(falunMail.length, 1);
    assert.match(falunMail[0]!.subject, /Skicka förskolelistan/);
    assert.match(falunMail[0]!.text_body, new RegExp(`/admin/cases/${c.caseId}`));
    const moraMail = (await mailTo(db, mora.email)).filter((m) => m.subject.startsWith('Reminder'));
    assert.equal(moraMail.length, 1);
    assert.match(moraMail[0]!.subject, /Boka visning/);

    const task = await db
      .selectFrom('relocation_tasks')
      .select('id')
      .where('case_id', '=', c.caseId)
      .where('title', '=', 'Senare')
      .executeTakeFirstOrThrow();
    const done = await post(`/admin/cases/${c.caseId}/tasks/${task.id}/done`, {});
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/admin/cases/${c.caseId}?done=taskDone`);
    const undo = await post(`/admin/cases/${c.caseId}/tasks/${task.id}/undo`, {});
    assert.equal(undo.statusCode, 303);
    const kinds = (await events(db, c.caseId)).map((e) => e.kind);
    assert.deepEqual(kinds.slice(-2), ['task.done', 'task.undone']);
    // A task of another case is not found here.
    const other = await createCase(db, { municipalityCode: '2080' });
    assert.equal((await post(`/admin/cases/${other.caseId}/tasks/${task.id}/done`, {})).statusCode, 303);
    assert.equal(
      (
        await db
          .selectFrom('relocation_tasks')
          .select('done_at')
          .where('id', '=', task.id)
          .executeTakeFirstOrThrow()
      ).done_at,
      null,
    );
  });

  it('meetings: planned in Stockholm time, shown with the booked slot, cancelled', async () => {
    const c = await createCase(db, { municipalityCode: '2080' });
    await db
      .insertInto('relocation_slots')
      .values({
        region_id: REGION,
        navigator_id: falun.accountId,
        organisation_id: falun.organisationId,
        starts_at: new Date('2030-05-02T08:00:00Z'),
        channels: ['video'],
        case_id: c.caseId,
        booked_at: new Date(),
      })
      .execute();
    const bad = await post(`/admin/cases/${c.caseId}/meetings`, {
      date: '2030-05-10',
      time: '25:00',
      minutes: '5',
      channel: 'fax',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Skriv tiden som TT:MM/);
    assert.match(bad.body, /mellan 10 och 480 minuter/);
    const ok = await post(`/admin/cases/${c.caseId}/meetings`, {
      date: '2030-05-10',
      time: '14:30',
      minutes: '90',
      channel: 'in_person',
      place: 'Stadshuset, Falun',
      note: 'Visa skolan efteråt.',
    });
    assert.equal(ok.statusCode, 303);
    const meeting = await db
      .selectFrom('relocation_meetings')
      .select(['id', 'starts_at'])
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(meeting.starts_at.toISOString(), '2030-05-10T12:30:00.000Z');
    const page = await client.get(`/admin/cases/${c.caseId}`, falun.cookie);
    assert.match(page.body, /Stadshuset, Falun/);
    assert.match(page.body, /Bokad med förfrågan/);
    assert.match(page.body, /14:30/);
    assert.match(page.body, /10:00/, 'the booked slot at 10:00 Stockholm');
    const cancel = await post(`/admin/cases/${c.caseId}/meetings/${meeting.id}/cancel`, {});
    assert.equal(cancel.statusCode, 303);
    const after = await client.get(`/admin/cases/${c.caseId}`, falun.cookie);
    assert.match(after.body, /Inställt/);
    assert.match(after.body, /Frida Falun ställde in mötet/);
  });

  it('shows a generic sentence for another part’s kind of event, and a merged case points to the survivor', async () => {
    const survivor = await createCase(db, { municipalityCode: '2080' });
    const dup = await createCase(db, { municipalityCode: '2080' });
    await db
      .updateTable('relocation_cases')
      .set({ merged_into: survivor.caseId })
      .where('id', '=', dup.caseId)
      .execute();
    await db
      .insertInto('relocation_case_events')
      .values({
        region_id: REGION,
        case_id: dup.caseId,
        actor_id: null,
        kind: 'checklist.done',
        body: 'Steg klart',
      })
      .execute();
    await db
      .insertInto('relocation_case_events')
      .values({
        region_id: REGION,
        case_id: dup.caseId,
        actor_id: null,
        kind: 'unknown.kind',
        body: 'Något hände',
      })
      .execute();
    const page = await client.get(`/admin/cases/${dup.caseId}`, falun.cookie);
    assert.equal(page.statusCode, 200);
    // Another part's kind reads as that part's sentence; a kind nobody knows as a plain one, with its body.
    assert.match(page.body, /Någon bockade av ”Steg klart” i checklistan\./);
    assert.match(page.body, /Någon ändrade ärendet\./);
    assert.match(page.body, /Något hände/);
    assert.doesNotMatch(page.body, /checklist\.done|unknown\.kind/);
    assert.match(page.body, /Steg klart/);
    assert.match(page.body, /slagits ihop med/);
    assert.match(page.body, new RegExp(`href="/admin/cases/${survivor.caseId}"`));
  });

  it('the demo seed makes twenty cases once and never again', async () => {
    await createPerson(db, {
      email: 'lots@example.org',
      role: 'navigator',
      organisationId: falun.organisationId,
    });
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('relocation_cases')
            .select(sql<string>`count(*)`.as('n'))
            .where('region_id', '=', 'dalarna')
            .executeTakeFirstOrThrow()
        ).n,
      );
    await db.deleteFrom('relocation_cases').execute();
    await seedDemoCases(db);
    assert.equal(await count(), 20);
    await seedDemoCases(db);
    assert.equal(await count(), 20);
    const names = await db
      .selectFrom('relocation_persons')
      .select(['name', 'email'])
      .where('role', '=', 'main')
      .execute();
    assert.ok(names.every((p) => p.name.endsWith('(demo)') && p.email?.endsWith('@demo.lotsa.invalid')));
  });
});
