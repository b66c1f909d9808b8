/**
 * Attacks on the toolbox's assets that succeed today (each test asserts the safe behaviour):
 * - a HEAD request to a download writes a row in the download log without sending the file (a
 *   forged download: the person is then mailed about an asset they never had);
 * - the download route has no limit: one member writes as many log rows as requests they send;
 * - the back-office's form answers 500 to a `file` that is text (url-encoded, repeated, or a
 *   multipart text field) instead of 400;
 * - a licence renewed after it ran out never tells its downloaders again when it runs out anew;
 * - any ZIP named .pptx is stored and offered to employers as a presentation template.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { multipart } from '../../helpers/images.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';
import { createFileAsset, downloadsOf } from '../../helpers/toolbox-assets.ts';
import { runAssetExpiry } from '../../../src/modules/toolbox/assets/service.ts';
import { zipOf } from '../../helpers/zip.ts';

describe('toolbox assets: attacks', async () => {
  let now = new Date('2099-02-01T09:00:00Z');
  const { app, database, queue, config } = await buildTestApp({}, undefined, { clock: () => now });
  const db = database.db;
  const client = await formClient(app);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  const hr = await toolboxUser(db);

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
  const documentFields = {
    kind: 'document',
    title_sv: 'Fakta om pendling',
    title_en: 'Facts about commuting',
    uses: 'web',
    creator: 'Regionen',
    licence: 'CC0 1.0',
    expires_on: '',
  };

  it('logs no download for a HEAD request (no file was sent)', async () => {
    const id = await createFileAsset(db, config, { title: 'Huvudfakta' });
    const head = await app.inject({
      method: 'HEAD',
      url: `/sv/toolbox/assets/${id}/download`,
      headers: client.headers(hr.cookie),
    });
    assert.ok(head.statusCode < 500, `HEAD answered ${head.statusCode}`);
    assert.equal((await downloadsOf(db, id)).length, 0, 'a HEAD request wrote a row in the download log');
  });

  it('limits how many downloads one client logs: a flood is refused with 429', async () => {
    const id = await createFileAsset(db, config, { title: 'Flodfakta' });
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const response = await app.inject({
        url: `/sv/toolbox/assets/${id}/download`,
        headers: client.headers(hr.cookie),
        remoteAddress: '203.0.113.77',
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) break;
    }
    const rows = (await downloadsOf(db, id)).length;
    assert.ok(
      statuses.includes(429),
      `300 downloads of one asset in a row by one person were all served; the log now has ${rows} rows`,
    );
  });

  it('answers 400, not 500, when the form’s `file` is text', async () => {
    const urlencoded = await client.postForm('/admin/toolbox/assets/new', editor.cookie, {
      ...documentFields,
      file: 'abc',
    });
    assert.equal(urlencoded.statusCode, 400, 'a url-encoded file=abc');
    const repeated = await client.postForm('/admin/toolbox/assets/new', editor.cookie, {
      ...documentFields,
      file: ['abc', 'def'],
    });
    assert.equal(repeated.statusCode, 400, 'a url-encoded file given twice');
    const field = await editorPost('/admin/toolbox/assets/new', { ...documentFields, file: 'xyz' });
    assert.equal(field.statusCode, 400, 'a multipart text field named file');
    const id = await createFileAsset(db, config, { status: 'draft' });
    const edit = await client.postForm(`/admin/toolbox/assets/${id}`, editor.cookie, {
      ...documentFields,
      file: 'abc',
    });
    assert.equal(edit.statusCode, 400, 'the edit form with file=abc');
  });

  it('tells the downloaders again when a renewed licence runs out again', async () => {
    // its own downloader: the flood above spent hr's download limit (counted per person)
    const hr = await toolboxUser(db);
    const id = await createFileAsset(db, config, { title: 'Förnyad licens', expiresOn: '2099-02-10' });
    const deps = { db, queue, origin: config.publicUrl.origin };
    assert.equal((await client.get(`/sv/toolbox/assets/${id}/download`, hr.cookie)).statusCode, 200);
    now = new Date('2099-02-12T09:00:00Z');
    const first = await runAssetExpiry(deps, now);
    assert.ok(first.notified >= 1 && first.mails >= 1, 'the first expiry is told');
    assert.equal((await client.get(`/sv/toolbox/assets/${id}/download`, hr.cookie)).statusCode, 410);

    // The region renews the licence: the editor moves the last day on, through the form.
    const saved = await client.postForm(`/admin/toolbox/assets/${id}`, editor.cookie, {
      ...documentFields,
      title_sv: 'Förnyad licens',
      title_en: 'Renewed licence',
      expires_on: '2099-06-30',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    assert.equal((await client.get(`/sv/toolbox/assets/${id}/download`, hr.cookie)).statusCode, 200);

    // It runs out again: the people who downloaded the renewed file must be told again.
    now = new Date('2099-07-02T09:00:00Z');
    const second = await runAssetExpiry(deps, now);
    const mails = await db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', hr.email)
      .execute();
    assert.equal(
      second.notified,
      1,
      `the second expiry told nobody (run: ${JSON.stringify(second)}; mails to the downloader: ${mails.length})`,
    );
    assert.equal(mails.length, 2);
  });

  it('refuses a ZIP named .pptx that is not a presentation', async () => {
    const zip = zipOf({ 'setup.exe': Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x41)]) });
    const response = await editorPost(
      '/admin/toolbox/assets/new',
      { ...documentFields, kind: 'template', title_sv: 'Mall', title_en: 'Template' },
      {
        name: 'mall.pptx',
        type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        bytes: zip,
      },
    );
    assert.equal(
      response.statusCode,
      400,
      `a ZIP holding only setup.exe was stored as a presentation template (${response.statusCode} ${String(response.headers.location)})`,
    );
  });
});
