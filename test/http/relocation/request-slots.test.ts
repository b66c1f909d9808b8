/** The navigators' open times at /admin/cases/slots: add in Stockholm time (across DST), refuse past and overlapping times, remove an unbooked one; the request's rate limits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { REGION } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';
import { seedDemoSlots } from '../../../src/modules/relocation/request/seed.ts';
import { relocationModule } from '../../../src/modules/relocation/module.ts';
import { createTestDatabase } from '../../helpers/db.ts';

/** A Stockholm day `days` from now, as YYYY-MM-DD. */
function dayAhead(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** The last Sunday of March (the clocks go forward) of the next year. */
function dstSunday(): { saturday: string; sunday: string; monday: string } {
  const year = new Date().getUTCFullYear() + 1;
  const d = new Date(Date.UTC(year, 2, 31));
  while (d.getUTCDay() !== 0) d.setUTCDate(d.getUTCDate() - 1);
  const iso = (x: Date) => x.toISOString().slice(0, 10);
  return {
    saturday: iso(new Date(d.getTime() - 86_400_000)),
    sunday: iso(d),
    monday: iso(new Date(d.getTime() + 86_400_000)),
  };
}

describe('the navigators’ open times', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const nav = await createNavigator(db, { municipalityCode: '2081', name: 'Sara Slot' });
  const mine = () =>
    db
      .selectFrom('relocation_slots')
      .selectAll()
      .where('navigator_id', '=', nav.accountId)
      .orderBy('starts_at')
      .execute();

  it('adds a series in Stockholm time, right across the change to summer time', async () => {
    const { saturday, monday } = dstSunday();
    for (const day of [saturday, monday]) {
      const res = await client.postForm('/admin/cases/slots', nav.cookie, {
        day,
        start: '09:00',
        minutes: '30',
        count: '2',
        channels: ['email', 'video'],
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 400));
      assert.match(res.headers.location as string, /done=added&count=2/);
    }
    const slots = await mine();
    assert.deepEqual(
      slots.map((s) => s.starts_at.toISOString().slice(11, 16)),
      ['08:00', '08:30', '07:00', '07:30'],
      'UTC+1 on the Saturday, UTC+2 on the Monday',
    );
    assert.deepEqual(slots[0]!.channels, ['email', 'video']);
    const page = await client.get('/admin/cases/slots?done=added&count=2', nav.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Mina samtalstider/);
    assert.match(page.body, /2 tider lades till/);
    assert.match(page.body, /09:00/);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('region_id', '=', REGION)
      .where('action', '=', 'relocation.slots.added')
      .execute();
    assert.equal(audit.length, 2);
  });

  it('refuses the past, overlaps with its own slots and bad values, keeping what was typed', async () => {
    const past = await client.postForm('/admin/cases/slots', nav.cookie, {
      day: dayAhead(-1),
      start: '10:00',
      minutes: '30',
      count: '1',
      channels: ['email'],
    });
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /Tiden har redan varit/);
    const { monday } = dstSunday();
    const overlap = await client.postForm('/admin/cases/slots', nav.cookie, {
      day: monday,
      start: '09:15',
      minutes: '15',
      count: '1',
      channels: ['phone'],
    });
    assert.equal(overlap.statusCode, 400);
    assert.match(overlap.body, /Du har redan en tid som krockar/);
    assert.match(overlap.body, /value="09:15"/);
    const bad = await client.postForm('/admin/cases/slots', nav.cookie, {
      day: '2026-02-30',
      start: '25:00',
      minutes: '20',
      count: '17',
    });
    assert.equal(bad.statusCode, 400);
    for (const id of ['day-error', 'start-error', 'minutes-error', 'count-error', 'channels-error'])
      assert.match(bad.body, new RegExp(`id="${id}"`), id);
    assert.equal((await mine()).length, 4);
  });

  it('removes an unbooked slot; a booked one shows its case and cannot be removed', async () => {
    const [first, second] = await mine();
    const c = await createCase(db, { municipalityCode: '2081' });
    await db
      .updateTable('relocation_slots')
      .set({ case_id: c.caseId })
      .where('id', '=', second!.id)
      .execute();
    const page = await client.get('/admin/cases/slots', nav.cookie);
    assert.match(page.body, new RegExp(`href="/admin/cases/${c.caseId}"`));
    assert.doesNotMatch(page.body, new RegExp(`/admin/cases/slots/${second!.id}/remove`));
    const removed = await client.postForm(`/admin/cases/slots/${first!.id}/remove`, nav.cookie, {});
    assert.equal(removed.statusCode, 303);
    assert.match(removed.headers.location as string, /done=removed/);
    const booked = await client.postForm(`/admin/cases/slots/${second!.id}/remove`, nav.cookie, {});
    assert.match(booked.headers.location as string, /done=gone/);
    const other = await createNavigator(db, { name: 'Olle Other' });
    const notMine = await client.postForm(
      `/admin/cases/slots/${(await mine())[1]!.id}/remove`,
      other.cookie,
      {},
    );
    assert.match(notMine.headers.location as string, /done=gone/);
    assert.equal((await mine()).length, 3);
  });

  it('a request is limited per client (429 with Retry-After, the form kept)', async () => {
    const racer = await formClient(app, { remoteAddress: '203.0.113.9' });
    const body = (i: number) => ({
      municipality: 'unknown',
      channel: 'phone',
      language: 'sv',
      citizenship: 'nordic',
      has_partner: 'no',
      housing: 'not_sure',
      name: `Limit ${i}`,
      phone: '070-123 45 67',
      consent_contact: 'yes',
      slot: 'none',
      action: 'send',
    });
    for (let i = 0; i < 5; i++) {
      const ok = await racer.postForm('/sv/move', '', body(i));
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
    }
    const over = await racer.postForm('/sv/move', '', body(5));
    assert.equal(over.statusCode, 429);
    assert.ok(Number(over.headers['retry-after']) > 0);
    assert.match(over.body, /För många förfrågningar/);
    assert.match(over.body, /value="Limit 5"/);
  });

  it('a request is limited per e-mail address (3 a day)', async () => {
    const body = (i: number) => ({
      municipality: '2081',
      channel: 'email',
      language: 'en',
      citizenship: 'eu',
      has_partner: 'no',
      housing: 'rent',
      name: `Mail ${i}`,
      email: 'same@example.org',
      consent_contact: 'yes',
      action: 'send',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const from = await formClient(app, { remoteAddress: `198.51.100.${i + 1}` });
      statuses.push((await from.postForm('/en/move', '', body(i))).statusCode);
    }
    assert.deepEqual(statuses, [303, 303, 303, 429]);
  });
});

describe('the demo seed', async () => {
  const { app: _app, database } = await buildTestApp();
  const db = database.db;

  it('gives each demo navigator open slots on the next ten weekdays, once', async () => {
    const lina = await createNavigator(db, { email: 'lots@example.org', name: 'Lina Lots' });
    await seedDemoSlots(db);
    await seedDemoSlots(db);
    const slots = await db
      .selectFrom('relocation_slots')
      .select(['starts_at', 'minutes', 'channels'])
      .where('navigator_id', '=', lina.accountId)
      .orderBy('starts_at')
      .execute();
    assert.equal(slots.length, 40);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    assert.deepEqual(
      slots.slice(0, 4).map((s) => local.format(s.starts_at).slice(-5)),
      ['09:00', '10:00', '13:30', '15:00'],
    );
    assert.ok(slots.every((s) => !/lör|sön/.test(local.format(s.starts_at))));
    assert.deepEqual(slots[0]!.channels, ['email', 'phone', 'video']);
  });

  it('on a fresh database the module’s demo seed makes the demo navigator first, so the request form offers times', async () => {
    const fresh = await createTestDatabase();
    try {
      await relocationModule.seed!(fresh.db, { demo: true });
      const rows = await fresh.db
        .selectFrom('relocation_slots as s')
        .innerJoin('accounts as a', (j) =>
          j.onRef('a.region_id', '=', 's.region_id').onRef('a.id', '=', 's.navigator_id'),
        )
        .select('a.email')
        .where('s.starts_at', '>', new Date())
        .execute();
      assert.ok(rows.length >= 40, `${rows.length} open slots`);
      assert.ok(rows.every((r) => r.email === 'lots@example.org'));
    } finally {
      await fresh.close();
    }
  });
});
