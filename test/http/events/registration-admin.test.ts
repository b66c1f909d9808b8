/**
 * The organisers' side and the person's data: the panel-less list of an event's registrations
 * (filter, search, paging), its CSV with formula cells defused, cancelling a person, deciding
 * test-living applications (approve, no seats → waiting list, decline with a message); who reaches
 * it (a 404 otherwise); the own page's "Dina evenemang", the export and the erasure that offers the
 * freed seats on and leaves the person in no table.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  registrationAdminPanel,
  registrationPublicPanel,
} from '../../../src/modules/events/registration/panels.ts';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { decodeQuotedPrintable, startSmtpServer } from '../../helpers/smtp.ts';

describe('registrations in the back-office and as personal data', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue, regions } = await buildTestApp(
    { SMTP_URL: smtp.url, LOTSA_SECRET: TEST_SECRET },
    undefined,
    { rateLimiter: unlimited },
  );
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const status = async (id: string) =>
    (
      await db
        .selectFrom('event_registrations')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;
  const mailTo = async (address: string) => {
    await queue.drain();
    return decodeQuotedPrintable(smtp.received.filter((m) => m.to.includes(address)).at(-1)?.raw ?? '');
  };

  it('lists, filters, searches and pages the registrations; exports CSV with formulas defused', async () => {
    const event = await createEvent(db, { capacity: 100 });
    await createRegistration(db, event.id, {
      name: '=HYPERLINK("http://evil.example")',
      email: 'evil@example.org',
    });
    await createRegistration(db, event.id, {
      name: 'Karin Berg',
      email: 'karin@example.org',
      status: 'waiting',
    });
    for (let i = 0; i < 55; i++) await createRegistration(db, event.id, { name: `Gäst ${i}` });
    const base = `/admin/events/${event.id}/registrations`;
    const list = await client.get(base, editor.cookie);
    assert.equal(list.statusCode, 200, list.body.slice(0, 300));
    assert.match(list.body, /Anmälningar, 57 st\./);
    assert.match(list.body, /rel="next"/);
    const search = await client.get(`${base}?q=KARIN`, editor.cookie);
    assert.match(search.body, /Anmälningar, 1 st\./);
    assert.match(search.body, /karin@example\.org/);
    const waiting = await client.get(`${base}?status=waiting`, editor.cookie);
    assert.match(waiting.body, /Anmälningar, 1 st\./);
    const page2 = await client.get(`${base}?page=2`, editor.cookie);
    assert.match(page2.body, /rel="prev"/);
    assert.equal((await client.get(`${base}?page=x&status=nonsense`, editor.cookie)).statusCode, 200);

    const csv = await client.get(`${base}.csv`, editor.cookie);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /"'=HYPERLINK\(""http:\/\/evil\.example""\)"/);
    assert.equal(csv.body.trim().split('\r\n').length, 58);
  });

  it('the seams render: the public box and the organisers’ counts (managers only)', async () => {
    const event = await createEvent(db, { capacity: 10, title: 'Panelprov' });
    await createRegistration(db, event.id, { seats: 3 });
    await createRegistration(db, event.id, { status: 'waiting' });
    const row = await db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    const region = regions.byId(REGION)!;
    const pub = await registrationPublicPanel.render({
      db,
      region,
      lang: 'sv',
      event: row,
      query: {},
      csrfToken: 'tok',
    });
    assert.ok(pub);
    assert.match(String(pub.html), /7 platser kvar/);
    assert.match(String(pub.html), /name="_csrf" value="tok"/);
    const access = {
      regionId: row.region_id,
      accountId: editor.accountId,
      organisationId: editor.organisationId,
      wholeRegion: true,
      canApprove: true,
    };
    const context = {
      db,
      region,
      lang: 'sv' as const,
      person: {} as never,
      access,
      event: row,
      csrfToken: 'tok',
      query: {},
    };
    const panel = await registrationAdminPanel.render({ ...context, relation: 'manage' });
    assert.match(String(panel?.html), /3 av 10/);
    assert.match(String(panel?.html), new RegExp(`/admin/events/${event.id}/registrations`));
    assert.equal(await registrationAdminPanel.render({ ...context, relation: 'exhibitor' }), null);
  });

  it('is a 404 to an organisation that does not manage the event, and for a malformed id', async () => {
    const event = await createEvent(db);
    const other = await createOrganiser(db, { role: 'employer_admin' });
    const base = `/admin/events/${event.id}/registrations`;
    assert.equal((await client.get(base, other.cookie)).statusCode, 404);
    assert.equal((await client.get(`${base}.csv`, other.cookie)).statusCode, 404);
    assert.equal((await client.get('/admin/events/not-a-uuid/registrations', editor.cookie)).statusCode, 404);
    const reg = await createRegistration(db, event.id);
    const cancel = await client.postForm(`${base}/${reg.id}/cancel`, other.cookie, {});
    assert.equal(cancel.statusCode, 404);
    assert.equal(await status(reg.id), 'confirmed');
    // The owner organisation reaches its own event.
    const owner = await createOrganiser(db, { role: 'employer_admin' });
    const own = await createEvent(db, { organisationId: owner.organisationId });
    assert.equal((await client.get(`/admin/events/${own.id}/registrations`, owner.cookie)).statusCode, 200);
  });

  it('the organiser cancels a registration: mailed, the seat offered on, audited', async () => {
    const event = await createEvent(db, { capacity: 1 });
    const held = await createRegistration(db, event.id, { email: 'lars@example.org' });
    const next = await createRegistration(db, event.id, { status: 'waiting', email: 'maja@example.org' });
    const res = await client.postForm(
      `/admin/events/${event.id}/registrations/${held.id}/cancel`,
      editor.cookie,
      {},
    );
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /done=cancelled/);
    assert.equal(await status(held.id), 'cancelled');
    assert.equal(await status(next.id), 'offered');
    assert.match(await mailTo('lars@example.org'), /Arrangören har avbokat/);
    const again = await client.postForm(
      `/admin/events/${event.id}/registrations/${held.id}/cancel`,
      editor.cookie,
      {},
    );
    assert.match(String(again.headers.location), /done=gone/);
    const audit = await db
      .selectFrom('audit_events')
      .select(['actor_id', 'data'])
      .where('action', '=', 'event.registration.cancelled')
      .where('subject_id', '=', held.id)
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_id, editor.accountId);
  });

  it('decides applications for a test-living weekend', async () => {
    const event = await createEvent(db, { kind: 'test_living', registration: 'application', capacity: 4 });
    const form = await client.get(`/sv/events/${event.slug}/register`);
    assert.match(form.body, /Varför vill ni testbo här\?/);
    assert.match(form.body, /Skicka ansökan/);
    const missing = await client.postForm(`/sv/events/${event.slug}/register`, '', {
      name: 'Nora',
      email: 'nora@example.org',
      seats: '3',
      consent: 'yes',
    });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Berätta varför ni vill komma/);
    const applied = await client.postForm(`/sv/events/${event.slug}/register`, '', {
      name: 'Nora',
      email: 'nora@example.org',
      seats: '3',
      consent: 'yes',
      motivation: 'Vi vill flytta från Göteborg.',
      companions: 'Min man och vår dotter',
    });
    assert.match(String(applied.headers.location), /done=applied/);
    assert.match(await mailTo('nora@example.org'), /Tack för din ansökan/);
    const nora = await db
      .selectFrom('event_registrations')
      .select(['id', 'status', 'answers'])
      .where('email', '=', 'nora@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(nora.status, 'applied');
    assert.equal(nora.answers.motivation, 'Vi vill flytta från Göteborg.');
    const other = await createRegistration(db, event.id, {
      status: 'applied',
      seats: 2,
      email: 'olle@example.org',
    });
    const third = await createRegistration(db, event.id, { status: 'applied', email: 'pia@example.org' });

    const list = await client.get(`/admin/events/${event.id}/registrations?status=applied`, editor.cookie);
    assert.match(list.body, /Vi vill flytta från Göteborg\./);
    const base = `/admin/events/${event.id}/registrations`;
    const ok = await client.postForm(`${base}/${nora.id}/approve`, editor.cookie, {});
    assert.match(String(ok.headers.location), /done=approved/);
    assert.equal(await status(nora.id), 'confirmed');
    const approvedMail = await mailTo('nora@example.org');
    assert.match(approvedMail, /text\/calendar/);
    const full = await client.postForm(`${base}/${other.id}/approve`, editor.cookie, {});
    assert.match(String(full.headers.location), /done=full/);
    assert.equal(await status(other.id), 'applied');
    const shown = await client.get(String(full.headers.location), editor.cookie);
    assert.match(shown.body, /Det finns inte plats för ansökan just nu/);
    const wait = await client.postForm(`${base}/${other.id}/wait`, editor.cookie, {});
    assert.match(String(wait.headers.location), /done=waiting/);
    assert.equal(await status(other.id), 'waiting');
    const long = await client.postForm(`${base}/${third.id}/decline`, editor.cookie, {
      message: 'x'.repeat(1001),
    });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /högst 1000 tecken/);
    const no = await client.postForm(`${base}/${third.id}/decline`, editor.cookie, {
      message: 'Helgen är för familjer med barn.',
    });
    assert.match(String(no.headers.location), /done=declined/);
    assert.equal(await status(third.id), 'declined');
    assert.match(await mailTo('pia@example.org'), /Arrangören skriver: Helgen är för familjer med barn\./);
  });

  it('shows "Dina evenemang" on the own page, exports them, and erases them offering the seats on', async () => {
    const stamp = Date.now().toString(36);
    const email = `rut-${stamp}@example.org`;
    const name = `Rut Raderasson${stamp}`;
    const person = await createPerson(db, { email });
    const session = await sessionFor(db, person.accountId);
    const event = await createEvent(db, { capacity: 2, title: `Företagsbesök ${stamp}` });
    await createRegistration(db, event.id, { name, email, seats: 2 });
    const waiting = await createRegistration(db, event.id, {
      status: 'waiting',
      email: `sam-${stamp}@example.org`,
    });
    const me = await client.get('/sv/me', session);
    assert.equal(me.statusCode, 200);
    assert.match(me.body, /Dina evenemang/);
    assert.match(me.body, new RegExp(`Företagsbesök ${stamp}`));
    const own = /href="(\/sv\/me\/events\/[0-9a-f-]{36})"/.exec(me.body);
    assert.ok(own, 'the own page links to the registration');
    const followed = await client.get(own[1]!, session);
    assert.equal(followed.statusCode, 303);
    assert.match(String(followed.headers.location), /^\/sv\/events\/registration\/[A-Za-z0-9_-]{32}$/);
    const someoneElse = await sessionFor(db, (await createPerson(db)).accountId);
    assert.equal((await client.get(own[1]!, someoneElse)).statusCode, 404, 'not another person’s');
    const exported = await client.get('/sv/me/export.json', session);
    assert.equal(exported.statusCode, 200);
    const data = JSON.parse(exported.body) as Record<string, unknown>;
    const mine = JSON.stringify(
      data.eventRegistrations ??
        (data.modules as Record<string, unknown> | undefined)?.eventRegistrations ??
        data,
    );
    assert.match(mine, new RegExp(name));
    assert.match(mine, /events-registration-2026-12/);

    assert.ok((await tablesHolding(db, name)).length > 0);
    const deleted = await client.postForm('/sv/me/delete', session, { confirm: email });
    assert.equal(deleted.statusCode, 303);
    assert.deepEqual(await tablesHolding(db, name), []);
    // The offers task (every minute) offers the freed seats to the waiting list.
    await queue.enqueue('events.offers', {});
    await queue.drain();
    assert.equal(await status(waiting.id), 'offered', 'the freed seats went to the waiting list');
    const seats = await db
      .selectFrom('events')
      .select('seats_taken')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    assert.equal(seats.seats_taken, 1);
  });
});
