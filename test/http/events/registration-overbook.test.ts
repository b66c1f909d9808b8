/**
 * Never overbook: 50 concurrent registrations for the last 10 seats, 25 rounds on fresh events
 * (some with households of 2–3 seats), through the service on the pool and through HTTP. Confirmed
 * seats never exceed the capacity, every refused person is on the waiting list, everyone answered
 * "confirmed" holds a seat, and seats_taken equals the seats of the seat-holding registrations.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { register, type RegisterResult } from '../../../src/modules/events/registration/service.ts';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createRegistration } from '../../helpers/events.ts';
import { REGION } from '../../helpers/identity.ts';

async function check(db: Kysely<DB>, eventId: string, capacity: number) {
  const event = await db
    .selectFrom('events')
    .select(['seats_taken', 'capacity'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  const regs = await db
    .selectFrom('event_registrations')
    .select(['id', 'email', 'status', 'seats'])
    .where('event_id', '=', eventId)
    .execute();
  const held = regs.filter((r) => r.status === 'confirmed' || r.status === 'offered');
  const heldSeats = held.reduce((s, r) => s + r.seats, 0);
  assert.ok(heldSeats <= capacity, `held ${heldSeats} <= ${capacity}`);
  assert.equal(event.seats_taken, heldSeats, 'seats_taken is the sum of seat-holding registrations');
  return regs;
}

describe('registration never overbooks', async () => {
  const { app, database, queue } = await buildTestApp({ LOTSA_SECRET: TEST_SECRET }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const deps = { db, queue, secret: TEST_SECRET, origin: 'http://localhost:3000' };

  it('50 concurrent registrations for the last 10 seats, 25 rounds, households too', async () => {
    for (let round = 0; round < 25; round++) {
      const capacity = 40;
      const households = round % 3 === 2;
      const event = await createEvent(db, { capacity, maxGroup: 4 });
      // 30 seats already taken: the last 10 are contested.
      for (let i = 0; i < 3; i++) await createRegistration(db, event.id, { seats: 10 });
      const people = Array.from({ length: 50 }, (_, i) => ({
        email: `r${round}-p${i}@example.org`,
        seats: households ? 1 + (i % 3) : 1,
      }));
      const results = await Promise.all(
        people.map((p) =>
          register(deps, {
            regionId: REGION,
            eventId: event.id,
            lang: 'sv',
            name: `Person ${p.email}`,
            email: p.email,
            seats: p.seats,
            share: false,
            answers: {},
          }).then((r): [typeof p, RegisterResult] => [p, r]),
        ),
      );
      const regs = await check(db, event.id, capacity);
      const byEmail = new Map(regs.map((r) => [r.email, r]));
      let confirmedSeats = 0;
      for (const [p, r] of results) {
        const row = byEmail.get(p.email);
        assert.ok(row, 'every person has a registration');
        if (r.kind === 'confirmed') {
          assert.equal(row.status, 'confirmed', 'answered confirmed → holds a seat');
          confirmedSeats += row.seats;
        } else {
          assert.equal(r.kind, 'waiting');
          assert.equal(row.status, 'waiting', 'refused → on the waiting list');
        }
      }
      assert.ok(confirmedSeats <= 10);
      if (!households) assert.equal(confirmedSeats, 10, 'every free seat is given');
      else assert.ok(confirmedSeats >= 8, 'households fill the seats as far as they fit');
    }
  });

  it('through HTTP: 50 concurrent posts for the last 10 seats', async () => {
    const client = await formClient(app);
    for (let round = 0; round < 3; round++) {
      const event = await createEvent(db, { capacity: 12 });
      await createRegistration(db, event.id, { seats: 2 });
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          client.postForm(`/sv/events/${event.slug}/register`, '', {
            name: `Gäst ${i}`,
            email: `http${round}-${i}@example.org`,
            seats: '1',
            consent: 'yes',
          }),
        ),
      );
      for (const a of answers) assert.equal(a.statusCode, 303, a.body.slice(0, 300));
      const done = answers.map((a) => /done=(\w+)/.exec(String(a.headers.location))?.[1]);
      assert.equal(done.filter((d) => d === 'registered').length, 10);
      assert.equal(done.filter((d) => d === 'waiting').length, 40);
      const regs = await check(db, event.id, 12);
      assert.equal(regs.filter((r) => r.status === 'waiting').length, 40);
    }
  });
});
