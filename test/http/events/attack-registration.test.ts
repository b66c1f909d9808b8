/**
 * Attacks on registration and what it keeps. The privacy notice (registration/personal-data.ts)
 * promises that registrations are kept "six months after the event" — nothing ever deletes them:
 * no task, no sweep, so a registrant without an account (who cannot use /me's deletion) keeps
 * their name, address, answers and check-in in the database for ever.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';

describe('attack: registration', async () => {
  const { database, queue } = await buildTestApp({ LOTSA_SECRET: TEST_SECRET }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const editor = await createOrganiser(db);

  it('registrations are gone six months after the event, as the privacy notice promises', async () => {
    const day = 86_400_000;
    const startsAt = new Date(Date.now() - 220 * day);
    const event = await createEvent(db, { organisationId: editor.organisationId, startsAt });
    const name = `Ingen Konto ${Date.now().toString(36)}`;
    await createRegistration(db, event.id, { name, email: `glomd-${Date.now().toString(36)}@example.org` });
    // Every sweep the app schedules that could delete it.
    for (const task of ['events.offers', 'events.reminders', 'platform.sweep', 'identity.sweep'])
      await queue.enqueue(task, {});
    await queue.drain();
    assert.deepEqual(
      await tablesHolding(db, name),
      [],
      'a registration for an event that ended seven months ago is still kept',
    );
  });
});
