/**
 * A long ingestion never delays a sign-in e-mail: with the long lane busy (more ingest-like tasks
 * queued than it has slots), a person asks for a sign-in link and the e-mail reaches the SMTP server
 * while the long tasks still run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INGEST_TASKS } from '../../../src/modules/jobs/ingest/tasks.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson } from '../../helpers/identity.ts';
import { startSmtpServer } from '../../helpers/smtp.ts';

/** Waits until `check` holds, looking every 20 ms; fails naming `what` after 15 s. */
async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 750; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`gave up waiting: ${what}`);
}

describe('signing in while a snapshot ingests', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp({ SMTP_URL: smtp.url });
  const { db } = database;

  it('the ingestion tasks run in the long lane, mail in the short one', () => {
    assert.equal(queue.laneOf(INGEST_TASKS.snapshot), 'long');
    assert.equal(queue.laneOf(INGEST_TASKS.stream), 'long');
    assert.equal(queue.laneOf('mail.send'), 'short');
  });

  it('the sign-in e-mail is sent while long tasks hold every long slot', async () => {
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    queue.define({ name: 'test.ingest-like', lane: 'long', run: () => finished });
    const longStates = async () =>
      (await db.selectFrom('jobs').select('state').where('name', '=', 'test.ingest-like').execute())
        .map((r) => r.state)
        .sort();
    await createPerson(db, { email: 'during.ingest@example.se' });
    for (let i = 0; i < 2; i++) await queue.enqueue('test.ingest-like', { i });
    queue.start();
    try {
      await until('an ingest-like task runs', async () => (await longStates()).includes('running'));
      const { postForm } = await formClient(app);
      const asked = await postForm('/sv/login', '', { email: 'during.ingest@example.se' });
      assert.equal(asked.statusCode, 200);
      await until('the sign-in e-mail reaches the SMTP server', () =>
        smtp.received.some((m) => m.to.includes('during.ingest@example.se')),
      );
      const mail = smtp.received.find((m) => m.to.includes('during.ingest@example.se'));
      const unwrapped = (mail?.raw ?? '').replace(/=\r?\n/g, ''); // quoted-printable soft breaks
      assert.match(unwrapped, /\/sv\/login\/link\//, 'it holds the sign-in link');
      assert.deepEqual(await longStates(), ['queued', 'running'], 'the ingestion was still running');
      finish();
      await until('the ingest-like tasks finish', async () =>
        (await longStates()).every((state) => state === 'done'),
      );
    } finally {
      finish();
      await queue.stop();
    }
  });
});
