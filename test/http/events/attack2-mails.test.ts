/**
 * Attack on the chunked mails (events.cancel-mails / events.followup-mails): a chunk run twice must
 * not mail anyone twice, and a cancellation must not reach people whose event already took place.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CANCEL_MAILS_TASK, cancelMails, type MailChunk } from '../../../src/modules/events/admin/service.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';

describe('attack 2: chunked event mails', async () => {
  const { app, database, queue } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const employer = await createOrganiser(db, { role: 'employer_admin' });

  const outbox = (prefix: string) =>
    db.selectFrom('mail_outbox').select('id').where('to_address', 'like', `${prefix}%@example.org`).execute();

  it('does not mail a cancellation twice when its chunk task runs again (retry after commit)', async () => {
    const event = await createEvent(db, { organisationId: employer.organisationId, capacity: 20 });
    for (let i = 0; i < 3; i++)
      await createRegistration(db, event.id, { name: `Retry ${i}`, email: `retry${i}@example.org` });
    const res = await client.postForm(`/admin/events/${event.id}/cancel`, employer.cookie, {
      reason: 'Förhinder.',
    });
    assert.equal(res.statusCode, 303);
    const job = await db
      .selectFrom('jobs')
      .select('payload')
      .where('name', '=', CANCEL_MAILS_TASK)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const payload = (typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload) as MailChunk;
    assert.equal(payload.eventId, event.id);
    await queue.drain();
    assert.equal((await outbox('retry')).length, 3);
    // The worker died after the chunk's transaction committed but before the job was marked done:
    // the lock runs out and the same payload runs again.
    await cancelMails({ db, queue }, payload);
    await queue.drain();
    assert.equal(
      (await outbox('retry')).length,
      3,
      'the same chunk run again queued every cancellation mail a second time',
    );
  });

  it('does not cancel an event that already took place, mailing those who came that it is cancelled', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      startsAt: new Date(Date.now() - 3 * 86_400_000),
      endsAt: new Date(Date.now() - 3 * 86_400_000 + 3_600_000),
    });
    for (let i = 0; i < 2; i++)
      await createRegistration(db, event.id, { name: `Came ${i}`, email: `came${i}@example.org` });
    const res = await client.postForm(`/admin/events/${event.id}/cancel`, employer.cookie, {
      reason: 'Inställt.',
    });
    await queue.drain();
    assert.equal(
      (await outbox('came')).length,
      0,
      `an event that ended three days ago was cancelled (HTTP ${res.statusCode}) and its attendees mailed “cancelled”`,
    );
  });
});
