/**
 * The demo events: only with demo data, upcoming from the day the seed runs, the fair's exhibitors
 * being the companies' demo employers (by organisationsnummer), the test-living weekend an
 * application with three days of programme, seats held by registrations that add up, and a second
 * run that changes nothing an editor changed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { DEMO_EVENTS, seedDemoEvents } from '../../../src/modules/events/public/seed.ts';
import { stockholmDate } from '../../../src/platform/i18n/stockholm.ts';
import { buildTestApp } from '../../helpers/app.ts';

describe('the demo events', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;

  it('are not seeded without demo data', async () => {
    assert.equal(await seedDemoEvents(db, false), 0);
    const { count } = await db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count), 0);
  });

  it('are upcoming, realistic and consistent', async () => {
    assert.equal(await seedDemoEvents(db, true), DEMO_EVENTS.length);
    const events = await db.selectFrom('events').selectAll().orderBy('starts_at').execute();
    assert.equal(events.length, DEMO_EVENTS.length);
    for (const e of events) {
      assert.equal(e.status, 'published');
      assert.ok(e.starts_at > new Date(), e.slug);
      assert.ok(
        e.title_sv && e.title_en && e.description_sv && e.description_en && e.accessibility_en,
        e.slug,
      );
    }
    const kinds = new Set(events.map((e) => e.kind));
    for (const kind of ['fair', 'afterwork', 'company_visit', 'test_living', 'online', 'info'])
      assert.ok(kinds.has(kind), kind);
    const fair = events.find((e) => e.kind === 'fair')!;
    assert.equal(fair.locality, 'Malmö');
    const exhibitors = await db
      .selectFrom('event_organisations as eo')
      .innerJoin('organisations as o', (j) =>
        j.onRef('o.id', '=', 'eo.organisation_id').onRef('o.region_id', '=', 'eo.region_id'),
      )
      .select(['o.org_number', 'eo.stand'])
      .where('eo.event_id', '=', fair.id)
      .execute();
    assert.equal(exhibitors.length, 4);
    for (const x of exhibitors) assert.match(x.org_number ?? '', /^5550000\d{3}$/);
    const weekend = events.find((e) => e.kind === 'test_living')!;
    assert.equal(weekend.registration, 'application');
    const programme = await db
      .selectFrom('event_programme')
      .selectAll()
      .where('event_id', '=', weekend.id)
      .execute();
    assert.equal(new Set(programme.map((p) => stockholmDate(p.starts_at))).size, 3);
    assert.ok(programme.some((p) => p.kind === 'house_viewing'));
    assert.ok(programme.filter((p) => p.kind === 'company_visit').length >= 2);
    // Seats taken are what the registrations hold; one event is nearly full.
    const held = await db
      .selectFrom('event_registrations')
      .select(['event_id', sql<number>`sum(seats)::int`.as('seats')])
      .where('status', 'in', ['confirmed', 'offered'])
      .groupBy('event_id')
      .execute();
    for (const e of events)
      assert.equal(e.seats_taken, held.find((h) => h.event_id === e.id)?.seats ?? 0, e.slug);
    assert.ok(
      events.some(
        (e) => e.capacity !== null && e.capacity - e.seats_taken <= 2 && e.capacity > e.seats_taken,
      ),
    );
    const questions = await db.selectFrom('event_questions').select('label_sv').execute();
    assert.ok(questions.some((q) => /äta/.test(q.label_sv)));
    // The calendar shows them.
    const list = await app.inject('/sv/events');
    assert.match(list.body, /Dalarna på Framtidsmässan i Malmö/);
    assert.match(list.body, /2 platser kvar/);
  });

  it('a second run adds nothing and overwrites nothing', async () => {
    await db
      .updateTable('events')
      .set({ title_sv: 'Ändrad av redaktören' })
      .where('slug', '=', DEMO_EVENTS[0]!.slug)
      .execute();
    assert.equal(await seedDemoEvents(db, true), 0);
    const row = await db
      .selectFrom('events')
      .select('title_sv')
      .where('slug', '=', DEMO_EVENTS[0]!.slug)
      .executeTakeFirstOrThrow();
    assert.equal(row.title_sv, 'Ändrad av redaktören');
  });
});
