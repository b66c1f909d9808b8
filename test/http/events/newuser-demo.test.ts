/**
 * A new user's review of the demo events (issue 17) as a family in Lisbon reads them: the
 * newcomer network's meetups named after a day or a time of day happen then, and the test-living
 * weekend's application does not ask the same thing twice.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedDemoEvents } from '../../../src/modules/events/public/seed.ts';
import { seedNetworkDemo } from '../../../src/modules/relocation/network/seed.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { REGION } from '../../helpers/identity.ts';

const stockholm = (date: Date, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', ...options }).format(date);

describe('the demo events as a newcomer reads them', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  await seedNetworkDemo(db);
  await seedDemoEvents(db, true);

  it('a meetup called "Sunday hike" is on a Sunday, a "Breakfast" in the morning', async () => {
    const meetups = await db
      .selectFrom('events')
      .select(['title_en', 'starts_at'])
      .where('region_id', '=', REGION)
      .where('kind', '=', 'meetup')
      .execute();
    const wrong: string[] = [];
    for (const m of meetups) {
      const day = stockholm(m.starts_at, { weekday: 'long' });
      const hour = Number(stockholm(m.starts_at, { hour: '2-digit', hourCycle: 'h23' }));
      const named = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/.exec(m.title_en)?.[1];
      if (named && named !== day) wrong.push(`"${m.title_en}" is on a ${day}`);
      if (/Breakfast/i.test(m.title_en) && hour >= 11) wrong.push(`"${m.title_en}" starts at ${hour}:00`);
    }
    assert.deepEqual(wrong, []);
  });

  it('the test-living weekend’s application asks "tell us about yourselves" once, not in two required fields', async () => {
    const page = await app.inject({ url: '/en/events/testbo-helg-i-rattvik/register' });
    assert.equal(page.statusCode, 200);
    // The built-in "Why would you like to test-live here? – Tell us briefly about yourselves, your
    // work…" and then the organiser's own required "Tell us briefly about yourselves and what you
    // are looking for".
    const asks = page.body.match(/Tell us briefly about yourselves/g) ?? [];
    assert.equal(asks.length, 1, 'asked once');
  });
});
