/**
 * Uploads are limited per person: 60 images and 20 place-facts files in ten minutes. Past that the
 * form comes back with 429, Retry-After and the wait in the person's language by the field, what
 * was typed kept; another person may still upload.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { multipart } from '../../helpers/images.ts';

/**
 * The limiter's windows are fixed (ten minutes from the epoch's multiples): a test that crossed
 * into the next window would see its count start again. Start with a minute of the window left.
 */
async function wellInsideAWindow(windowSeconds = 600, margin = 60): Promise<void> {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, (left + 1) * 1000));
}

describe('upload limits per person', async () => {
  // The platform's own limiter (PostgreSQL windows), as the running site has it.
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const editor = await createPerson(db, { role: 'region_editor' });
  const cookie = await sessionFor(db, editor.accountId, { secondFactor: true });
  const other = await createPerson(db, { role: 'region_editor', language: 'en' });
  const otherCookie = await sessionFor(db, other.accountId, { secondFactor: true });

  const uploadImage = (fields: Record<string, string>, session = cookie) => {
    const body = multipart({ _csrf: client.csrf.token, ...fields });
    return app.inject({
      method: 'POST',
      url: '/admin/media/new',
      payload: body.payload,
      headers: { ...client.headers(session), 'content-type': body.contentType },
    });
  };

  it('refuses the 61st image upload in ten minutes with 429, Retry-After and the form kept', async () => {
    await wellInsideAWindow();
    for (let i = 0; i < 60; i++) {
      const res = await uploadImage({ slug: `bild-${i}` });
      assert.equal(res.statusCode, 400, `upload ${i + 1} is checked (no file chosen)`);
    }
    const res = await uploadImage({ slug: 'en-till', alt_sv: 'En sjö' });
    assert.equal(res.statusCode, 429);
    const wait = Number(res.headers['retry-after']);
    assert.ok(wait >= 1 && wait <= 600, String(res.headers['retry-after']));
    assert.match(res.body, /Du har laddat upp många bilder på kort tid \(högst 60 på tio minuter\)/);
    assert.match(res.body, /value="en-till"/);
    assert.match(res.body, />En sjö<\/textarea>/);

    const fresh = await uploadImage({ slug: 'annan' }, otherCookie);
    assert.equal(fresh.statusCode, 400, 'another person is not limited by the first one');
  });

  it('refuses the 21st place-facts upload in ten minutes, in the person’s language', async () => {
    await wellInsideAWindow();
    for (let i = 0; i < 20; i++) {
      const res = await client.postForm('/admin/places/facts', otherCookie, { text: '{ nope' });
      assert.equal(res.statusCode, 400, `upload ${i + 1} is checked`);
    }
    const res = await client.postForm('/admin/places/facts', otherCookie, { text: '{ "kept": 1 }' });
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers['retry-after']) >= 1);
    assert.match(res.body, /Too many uploads/);
    assert.match(res.body, /You have uploaded many files in a short time \(at most 20 in ten minutes\)/);
    assert.match(res.body, /\{ &quot;kept&quot;: 1 \}/);
    const first = await client.postForm('/admin/places/facts', cookie, { text: '{ nope' });
    assert.equal(first.statusCode, 400, 'another person is not limited by the first one');
  });
});
