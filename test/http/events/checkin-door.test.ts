/**
 * Check-in at the door (events/checkin): by the search and by a typed ticket code without
 * JavaScript; a forged code, a used ticket, a waiting-list ticket and another event's ticket each
 * answered and nothing written; the door's queued batch counting a registration once however often
 * it is sent; undo; the offline list holding no more than it must; another organisation's event a
 * 404 for every route; every check-in audited.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { REGION } from '../../helpers/identity.ts';
import { checkinPanel } from '../../../src/modules/events/checkin/panel.ts';
import { eventById } from '../../../src/modules/events/events.ts';
import type { Region } from '../../../src/platform/region.ts';

describe('check-in at the door', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const organiser = await createOrganiser(db);
  const event = await createEvent(db, { title: 'Jobbmässa i Falun', capacity: 100 });
  const other = await createEvent(db, { title: 'After work i Uppsala' });
  const page = `/admin/events/${event.id}/checkin`;

  const checkins = async (registrationId?: string) => {
    let query = db
      .selectFrom('event_checkins')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('event_id', '=', event.id);
    if (registrationId) query = query.where('registration_id', '=', registrationId);
    return query.execute();
  };
  const auditCount = async (action: string, subject: string) =>
    Number(
      (
        await db
          .selectFrom('audit_events')
          .select(sql<string>`count(*)`.as('n'))
          .where('action', '=', action)
          .where('subject_id', '=', subject)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('finds a registration by name without JavaScript and checks in how many came', async () => {
    const anna = await createRegistration(db, event.id, {
      name: 'Anna Andersson',
      email: 'anna.andersson@example.org',
      seats: 3,
    });
    const found = await client.get(`${page}?q=andersson`, organiser.cookie);
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /Anna Andersson/);
    assert.match(found.body, /anna\.andersson@example\.org/);
    assert.match(found.body, /aria-label="Checka in Anna Andersson"/);
    assert.match(found.body, /<select[^>]*id="people-[^"]+"[^>]*name="people"/);
    assert.match(found.body, /src="[^"]*js\/events-checkin\.js[^"]*" defer/);
    assert.match(String(found.headers['permissions-policy']), /camera=\(self\)/);

    const done = await client.postForm(page, organiser.cookie, {
      registration: anna.id,
      people: '2',
      q: 'andersson',
    });
    assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    const back = await client.get(String(done.headers.location), organiser.cookie);
    assert.match(back.body, /Anna Andersson är incheckad \(2 personer\)\./);
    assert.match(back.body, /Incheckad \d\d:\d\d \(2 personer\)/);
    assert.match(back.body, /aria-label="Ångra incheckningen av Anna Andersson"/);

    const rows = await checkins(anna.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.people, 2);
    assert.equal(rows[0]!.method, 'search');
    assert.equal(rows[0]!.checked_in_by, organiser.accountId);
    assert.equal(await auditCount('event.checkin.recorded', anna.id), 1);
  });

  it('checks in a typed ticket code, and says when a reused one was used', async () => {
    const bo = await createRegistration(db, event.id, { name: 'Bo Berg' });
    const first = await client.postForm(`${page}/code`, organiser.cookie, { code: bo.ticketCode });
    assert.equal(first.statusCode, 303, first.body.slice(0, 300));
    const shown = await client.get(String(first.headers.location), organiser.cookie);
    assert.match(shown.body, /Bo Berg är incheckad\./);

    const again = await client.postForm(`${page}/code`, organiser.cookie, { code: bo.ticketCode });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Bo Berg checkades redan in kl\. \d\d:\d\d\. Biljetten har redan använts\./);
    assert.match(again.body, /aria-invalid="true"/);
    const rows = await checkins(bo.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.method, 'manual');
    assert.equal(await auditCount('event.checkin.recorded', bo.id), 1);
  });

  it('refuses a forged code and a malformed one, with the answer by the field', async () => {
    const before = (await checkins()).length;
    const forged = await client.postForm(`${page}/code`, organiser.cookie, {
      code: 'LT1-AAAAAAAAAAAAAAAAAAAA',
    });
    assert.equal(forged.statusCode, 400);
    assert.match(forged.body, /Ingen anmälan har den här biljettkoden/);
    assert.match(forged.body, /value="LT1-AAAAAAAAAAAAAAAAAAAA"/);
    const malformed = await client.postForm(`${page}/code`, organiser.cookie, { code: 'hej<script>' });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.body, /Biljettkoden ska börja med LT1-/);
    assert.doesNotMatch(malformed.body, /hej<script>/);
    assert.equal((await checkins()).length, before);
  });

  it("refuses a waiting-list ticket and another event's ticket", async () => {
    const waiting = await createRegistration(db, event.id, { name: 'Vera Väntar', status: 'waiting' });
    const refused = await client.postForm(`${page}/code`, organiser.cookie, { code: waiting.ticketCode });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Vera Väntar har ingen bekräftad plats \(på väntelistan\)/);
    assert.equal((await checkins(waiting.id)).length, 0);

    const elsewhere = await createRegistration(db, other.id, { name: 'Olle Annan' });
    const wrong = await client.postForm(`${page}/code`, organiser.cookie, { code: elsewhere.ticketCode });
    assert.equal(wrong.statusCode, 409);
    assert.match(wrong.body, /Biljetten gäller ett annat evenemang/);
    assert.doesNotMatch(wrong.body, /Olle Annan/);
    const bySearch = await client.postForm(page, organiser.cookie, { registration: elsewhere.id });
    assert.equal(bySearch.statusCode, 409);
    const anywhere = await db
      .selectFrom('event_checkins')
      .select('registration_id')
      .where('registration_id', 'in', [waiting.id, elsewhere.id])
      .execute();
    assert.equal(anywhere.length, 0);
  });

  it('counts a batch with duplicates once, however often it is sent', async () => {
    const cia = await createRegistration(db, event.id, { name: 'Cia Carlsson', seats: 2 });
    const dan = await createRegistration(db, event.id, { name: 'Dan Dahl' });
    const cancelled = await createRegistration(db, event.id, { name: 'Eva Ek', status: 'cancelled' });
    const recordedAt = new Date(Date.now() - 60_000).toISOString();
    const items = [
      { clientId: 'a1', registrationId: cia.id, people: 2, recordedAt, method: 'search', offline: true },
      { clientId: 'a2', registrationId: cia.id, people: 2, recordedAt, method: 'search', offline: true },
      { clientId: 'a3', ticketCode: cia.ticketCode, recordedAt, method: 'qr', offline: true },
      { clientId: 'a4', ticketCode: dan.ticketCode, recordedAt, method: 'qr' },
      { clientId: 'a5', ticketCode: 'LT1-BBBBBBBBBBBBBBBBBBBB', method: 'manual' },
      { clientId: 'a6', registrationId: cancelled.id, method: 'search' },
    ];
    const sent = await client.postJson(`${page.replace('/checkin', '/checkins')}`, organiser.cookie, {
      items,
    });
    assert.equal(sent.statusCode, 200, sent.body.slice(0, 400));
    assert.equal(sent.headers['cache-control'], 'no-store');
    const body = sent.json() as { results: { clientId: string; outcome: string; time?: string }[] };
    assert.deepEqual(
      body.results.map((r) => [r.clientId, r.outcome]),
      [
        ['a1', 'checked_in'],
        ['a2', 'already'],
        ['a3', 'already'],
        ['a4', 'checked_in'],
        ['a5', 'unknown'],
        ['a6', 'not_confirmed'],
      ],
    );
    assert.match(body.results[1]!.time ?? '', /^\d\d:\d\d$/);

    const resent = await client.postJson(`/admin/events/${event.id}/checkins`, organiser.cookie, { items });
    assert.equal(resent.statusCode, 200);
    const outcomes = (resent.json() as { results: { outcome: string }[] }).results.map((r) => r.outcome);
    assert.deepEqual(outcomes, ['already', 'already', 'already', 'already', 'unknown', 'not_confirmed']);

    const ciaRows = await checkins(cia.id);
    assert.equal(ciaRows.length, 1);
    assert.equal(ciaRows[0]!.people, 2);
    assert.equal(ciaRows[0]!.recorded_at?.toISOString(), recordedAt);
    assert.equal((await checkins(dan.id)).length, 1);
    assert.equal((await checkins(cancelled.id)).length, 0);
    assert.equal(await auditCount('event.checkin.recorded', cia.id), 1);
    const audit = await db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'event.checkin.recorded')
      .where('subject_id', '=', cia.id)
      .executeTakeFirstOrThrow();
    assert.equal((audit.data as Record<string, unknown>).offline, true);
    assert.equal((audit.data as Record<string, unknown>).method, 'search');

    const counts = await client.get(`${page}/counts.json`, organiser.cookie);
    assert.equal(counts.statusCode, 200);
    const c = counts.json() as Record<string, number>;
    assert.equal(c.checkedIn, (await checkins()).length);
  });

  it('speaks English to an English-speaking organiser, and refuses a wrong head count', async () => {
    const english = await createOrganiser(db, { language: 'en' });
    const jo = await createRegistration(db, event.id, { name: 'Jo Jansson', seats: 2 });
    const shown = await client.get(`${page}?q=jansson`, english.cookie);
    assert.match(shown.body, /<html lang="en"/);
    assert.match(shown.body, /Check-in: Jobbmässa i Falun \(en\)/);
    assert.match(shown.body, /aria-label="Check in Jo Jansson"/);
    assert.match(shown.body, /"queue\.waiting":"\{count\} check-ins waiting to be sent"/);
    const wrong = await client.postForm(page, english.cookie, { registration: jo.id, people: 'lots' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Choose how many came/);
    const forged = await client.postForm(`${page}/code`, english.cookie, {
      code: 'LT1-CCCCCCCCCCCCCCCCCCCC',
    });
    assert.match(forged.body, /No registration has this ticket code/);
    assert.equal((await checkins(jo.id)).length, 0);
  });

  it('refuses a batch too large, empty or with unknown fields', async () => {
    const url = `/admin/events/${event.id}/checkins`;
    const item = { clientId: 'x', registrationId: '00000000-0000-4000-8000-000000000000', method: 'search' };
    const big = Array.from({ length: 201 }, (_, i) => ({ ...item, clientId: `x${i}` }));
    assert.equal((await client.postJson(url, organiser.cookie, { items: big })).statusCode, 400);
    assert.equal((await client.postJson(url, organiser.cookie, { items: [] })).statusCode, 400);
    assert.equal(
      (await client.postJson(url, organiser.cookie, { items: [{ ...item, sql: 'drop' }] })).statusCode,
      400,
    );
    assert.equal(
      (await client.postJson(url, organiser.cookie, { items: [{ ...item, people: 999 }] })).statusCode,
      400,
    );
  });

  it('undoes a check-in made by mistake, audited', async () => {
    const fia = await createRegistration(db, event.id, { name: 'Fia Fel' });
    await client.postForm(`${page}/code`, organiser.cookie, { code: fia.ticketCode });
    assert.equal((await checkins(fia.id)).length, 1);
    const undone = await client.postForm(`${page}/undo`, organiser.cookie, {
      registration: fia.id,
      q: 'fia',
    });
    assert.equal(undone.statusCode, 303);
    const back = await client.get(String(undone.headers.location), organiser.cookie);
    assert.match(back.body, /Incheckningen av Fia Fel är ångrad\./);
    assert.equal((await checkins(fia.id)).length, 0);
    assert.equal(await auditCount('event.checkin.undone', fia.id), 1);
    const twice = await client.postForm(`${page}/undo`, organiser.cookie, { registration: fia.id });
    assert.equal(twice.statusCode, 409);
    // Checked in again after the undo: it counts.
    const again = await client.postForm(`${page}/code`, organiser.cookie, { code: fia.ticketCode });
    assert.equal(again.statusCode, 303);
  });

  it('hands the door only what it needs for offline use', async () => {
    await createRegistration(db, event.id, {
      name: 'Gun Gone',
      status: 'cancelled',
      email: 'gun@example.org',
    });
    const listed = await client.get(`${page}/list.json`, organiser.cookie);
    assert.equal(listed.statusCode, 200);
    assert.equal(listed.headers['cache-control'], 'no-store');
    const body = listed.json() as { truncated: boolean; registrations: Record<string, unknown>[] };
    assert.equal(body.truncated, false);
    assert.ok(body.registrations.length > 0);
    for (const r of body.registrations) {
      assert.deepEqual(Object.keys(r).sort(), [
        'checkedInAt',
        'email',
        'id',
        'name',
        'people',
        'seats',
        'status',
        'ticketHash',
      ]);
      assert.match(String(r.email), /^.{1,2}…@/);
      assert.ok(['confirmed', 'waiting', 'offered', 'applied'].includes(String(r.status)));
    }
    assert.ok(!body.registrations.some((r) => r.name === 'Gun Gone'));
    assert.ok(!body.registrations.some((r) => r.name === 'Olle Annan'));
    assert.doesNotMatch(listed.body, /manage|answers|[a-z.]{3,}@example/);
    const anna = body.registrations.find((r) => r.name === 'Anna Andersson')!;
    assert.equal(anna.email, 'an…@example.org');
    assert.equal(anna.people, 2);
    assert.ok(anna.checkedInAt);
  });

  it("answers 404 for another organisation's event on every route", async () => {
    const employer = await createOrganiser(db, { role: 'employer_admin' });
    const someone = await createRegistration(db, event.id, { name: 'Hugo Hemlig' });
    for (const url of [page, `${page}/list.json`, `${page}/counts.json`]) {
      assert.equal((await client.get(url, employer.cookie)).statusCode, 404, url);
    }
    assert.equal(
      (await client.postForm(page, employer.cookie, { registration: someone.id })).statusCode,
      404,
    );
    assert.equal(
      (await client.postForm(`${page}/code`, employer.cookie, { code: someone.ticketCode })).statusCode,
      404,
    );
    assert.equal(
      (await client.postForm(`${page}/undo`, employer.cookie, { registration: someone.id })).statusCode,
      404,
    );
    const batch = await client.postJson(`/admin/events/${event.id}/checkins`, employer.cookie, {
      items: [{ clientId: 'z', ticketCode: someone.ticketCode, method: 'qr' }],
    });
    assert.equal(batch.statusCode, 404);
    assert.equal((await checkins(someone.id)).length, 0);

    // Their own event is theirs to check in.
    const own = await createEvent(db, { organisationId: employer.organisationId });
    assert.equal((await client.get(`/admin/events/${own.id}/checkin`, employer.cookie)).statusCode, 200);
    // A malformed id is a 404 too.
    assert.equal((await client.get('/admin/events/not-an-id/checkin', organiser.cookie)).statusCode, 404);
  });

  it('refuses check-in to a cancelled event', async () => {
    const gone = await createEvent(db, { status: 'cancelled' });
    const reg = await createRegistration(db, gone.id, { name: 'Ivar Inställd' });
    const shown = await client.get(`/admin/events/${gone.id}/checkin`, organiser.cookie);
    assert.match(shown.body, /inte publicerat eller är inställt/);
    const refused = await client.postForm(`/admin/events/${gone.id}/checkin/code`, organiser.cookie, {
      code: reg.ticketCode,
    });
    assert.equal(refused.statusCode, 409);
  });

  it('shows the counts and a link on the back-office event page', async () => {
    const row = (await eventById(db, REGION, event.id))!;
    const panel = await checkinPanel.render({
      db,
      region: { id: REGION } as Region,
      lang: 'en',
      person: {} as never,
      access: {} as never,
      relation: 'manage',
      event: row,
      csrfToken: '',
      query: {},
    });
    assert.ok(panel);
    assert.match(panel.html.toString(), /have checked in/);
    assert.match(panel.html.toString(), new RegExp(`href="/admin/events/${event.id}/checkin"`));
    const exhibitor = await checkinPanel.render({
      db,
      region: { id: REGION } as Region,
      lang: 'en',
      person: {} as never,
      access: {} as never,
      relation: 'exhibitor',
      event: row,
      csrfToken: '',
      query: {},
    });
    assert.equal(exhibitor, null);
  });
});
