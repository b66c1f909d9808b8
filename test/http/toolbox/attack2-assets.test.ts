/**
 * Second attack pass on the toolbox's assets (what changed since 1326c3d). Each test asserts the
 * safe behaviour and fails today:
 * - a crafted .odp (a local header followed at once by an empty end record: 26 bytes) makes the
 *   template check read past the end of the buffer: the back-office form answers 500, not 400;
 * - the download limit is per address and counted before the session is read: requests that never
 *   download anything (signed out, from a page on another site, a colleague behind the same NAT)
 *   use up the address's 120, and a signed-in person there is refused their first download;
 * - a person with one asset being warned about and another that has run out, in the same run,
 *   gets two mails, not the one digest of "every asset of the run";
 * - saving an expired asset with its last day moved to another past day (a typo put right) clears
 *   its notice mark: every downloader is told again that a licence they were told of has expired.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { multipart } from '../../helpers/images.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';
import { createFileAsset, downloadsOf } from '../../helpers/toolbox-assets.ts';
import { runAssetExpiry } from '../../../src/modules/toolbox/assets/service.ts';

/** `PK\x03\x04` and straight after it an end-of-central-directory record of no entries. */
function tinyOdp(size: 26 | 28): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.writeUInt32LE(0x04034b50, 0);
  bytes.writeUInt32LE(0x06054b50, size - 22);
  return bytes;
}

describe('toolbox assets: second attack pass', async () => {
  let now = new Date('2099-08-01T09:00:00Z');
  const { app, database, queue, config } = await buildTestApp({}, undefined, { clock: () => now });
  const db = database.db;
  const client = await formClient(app);
  const editor = await toolboxUser(db, { role: 'region_editor' });

  const editorPost = (
    url: string,
    body: Record<string, string>,
    file?: { name: string; type: string; bytes: Buffer },
  ) => {
    const { payload, contentType } = multipart({ _csrf: client.csrf.token, ...body }, file);
    return app.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...client.headers(editor.cookie), 'content-type': contentType },
    });
  };
  const templateFields = {
    kind: 'template',
    title_sv: 'Presentationsmall',
    title_en: 'Presentation template',
    uses: 'print',
    creator: 'Regionen',
    licence: 'CC0 1.0',
    expires_on: '',
  };

  it('answers 400, not 500, to a 26-byte ZIP named .odp (the check reads past its end)', async () => {
    for (const size of [26, 28] as const) {
      const response = await editorPost('/admin/toolbox/assets/new', templateFields, {
        name: 'mall.odp',
        type: 'application/vnd.oasis.opendocument.presentation',
        bytes: tinyOdp(size),
      });
      assert.equal(
        response.statusCode,
        400,
        `a ${size}-byte .odp answered ${response.statusCode}: ${response.body.slice(0, 200)}`,
      );
    }
  });

  it('does not let requests that download nothing use up a signed-in person’s download limit', async () => {
    const id = await createFileAsset(db, config, { title: 'Delad adress' });
    const office = '198.51.100.23';
    // Signed out (an <img> on any page a colleague visits sends these without the session): not one
    // of them downloads a file or writes a log row.
    let refused = 0;
    for (let i = 0; i < 125; i++) {
      const response = await app.inject({
        url: `/sv/toolbox/assets/${id}/download`,
        remoteAddress: office,
      });
      assert.notEqual(response.statusCode, 200, 'a signed-out request downloaded the file');
      if (response.statusCode === 429) refused += 1;
    }
    assert.equal((await downloadsOf(db, id)).length, 0);
    const hr = await toolboxUser(db);
    const first = await app.inject({
      url: `/sv/toolbox/assets/${id}/download`,
      headers: client.headers(hr.cookie),
      remoteAddress: office,
    });
    assert.equal(
      first.statusCode,
      200,
      `a signed-in person's first download was refused with ${first.statusCode} after ${125 - refused} signed-out requests (and ${refused} refused ones) from the same address; nothing was downloaded`,
    );
  });

  it('sends a person one mail in a run that both warns of one asset and tells of another that ran out', async () => {
    now = new Date('2099-09-01T09:00:00Z');
    const person = await toolboxUser(db, { email: `both-${Date.now()}@example.org`, language: 'sv' });
    const soon = await createFileAsset(db, config, { title: 'Snart slut', expiresOn: '2099-09-25' });
    const gone = await createFileAsset(db, config, { title: 'Redan slut', expiresOn: '2099-09-05' });
    for (const id of [soon, gone]) {
      const response = await app.inject({
        url: `/sv/toolbox/assets/${id}/download`,
        headers: client.headers(person.cookie),
      });
      assert.equal(response.statusCode, 200);
    }
    // Before both were told (a run missed a few days, or the mark was cleared by a new last day):
    // one needs its warning, the other its notice.
    now = new Date('2099-09-10T06:00:00Z');
    const run = await runAssetExpiry({ db, queue, origin: config.publicUrl.origin }, now);
    assert.equal(run.warned + run.notified, 2, JSON.stringify(run));
    const mails = await db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', person.email)
      .execute();
    assert.equal(
      mails.length,
      1,
      `one run mailed the person ${mails.length} times: ${mails.map((m) => m.subject).join(' | ')}`,
    );
  });

  it('does not tell the downloaders again when an expired asset’s last day moves to another past day', async () => {
    now = new Date('2099-10-01T09:00:00Z');
    const person = await toolboxUser(db, { email: `again-${Date.now()}@example.org`, language: 'sv' });
    const id = await createFileAsset(db, config, { title: 'Rättat datum', expiresOn: '2099-10-05' });
    const got = await app.inject({
      url: `/sv/toolbox/assets/${id}/download`,
      headers: client.headers(person.cookie),
    });
    assert.equal(got.statusCode, 200);
    const deps = { db, queue, origin: config.publicUrl.origin };
    now = new Date('2099-10-10T06:00:00Z');
    await runAssetExpiry(deps, now);
    // The editor corrects the day it ran out: the 4th, not the 5th. It is no more usable than before.
    const saved = await client.postForm(`/admin/toolbox/assets/${id}`, editor.cookie, {
      kind: 'document',
      title_sv: 'Rättat datum',
      title_en: 'Corrected date',
      uses: 'web',
      creator: 'Regionen',
      licence: 'CC0 1.0',
      expires_on: '2099-10-04',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    now = new Date('2099-10-11T06:00:00Z');
    await runAssetExpiry(deps, now);
    const mails = await db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', person.email)
      .execute();
    assert.equal(
      mails.length,
      1,
      `told ${mails.length} times that one licence expired: ${mails.map((m) => m.subject).join(' | ')}`,
    );
  });
});
