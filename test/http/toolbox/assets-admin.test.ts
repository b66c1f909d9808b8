/**
 * The back-office's assets (/admin/toolbox/assets): a file known by its bytes (a renamed .exe as
 * PDF refused), a file over 50 MB refused by the field with the rest of the form kept, a good PDF
 * stored with its sha256, publish / withdraw / delete with their audit events, the download log and
 * its CSV (formula cells defused), a photo from the media library that the library then refuses to
 * delete. Employers cannot reach any of it.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, REGION } from '../../helpers/identity.ts';
import { multipart } from '../../helpers/images.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';
import { createLibraryPhoto, EXE_BYTES, PDF_BYTES } from '../../helpers/toolbox-assets.ts';
import { storageFor } from '../../../src/platform/storage/index.ts';

describe('toolbox assets: the back-office', async () => {
  const { app, database, config } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  const hr = await toolboxUser(db);

  const fields = (extra: Record<string, string> = {}) => ({
    _csrf: client.csrf.token,
    kind: 'document',
    title_sv: 'Fakta om pendling',
    title_en: 'Facts about commuting',
    description_sv: 'Tåg och bussar i länet.',
    description_en: 'Trains and buses in the county.',
    uses: 'web',
    creator: 'Regionen',
    licence: 'CC0 1.0',
    licence_url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    expires_on: '',
    ...extra,
  });
  const post = (
    url: string,
    cookie: string,
    body: Record<string, string>,
    file?: { name: string; type: string; bytes: Buffer },
  ) => {
    const { payload, contentType } = multipart(body, file);
    return app.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...client.headers(cookie), 'content-type': contentType },
    });
  };

  it('refuses an .exe renamed to .pdf by its bytes, keeping what was typed', async () => {
    const response = await post('/admin/toolbox/assets/new', editor.cookie, fields(), {
      name: 'fakta.pdf',
      type: 'application/pdf',
      bytes: EXE_BYTES,
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="file-error"[^>]*>[^<]*inte av något format/);
    assert.match(response.body, /value="Fakta om pendling"/);
    const count = await db
      .selectFrom('toolbox_assets')
      .select('id')
      .where('title_sv', '=', 'Fakta om pendling')
      .execute();
    assert.equal(count.length, 0);
  });

  it('refuses a file over 50 MB by the field, the rest of the form kept', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x20);
    PDF_BYTES.copy(big);
    const response = await post(
      '/admin/toolbox/assets/new',
      editor.cookie,
      fields({ title_sv: 'För stor fil' }),
      {
        name: 'stor.pdf',
        type: 'application/pdf',
        bytes: big,
      },
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="file-error"[^>]*>[^<]*större än 50 MB/);
    assert.match(response.body, /value="För stor fil"/);
    assert.match(response.body, /value="Facts about commuting"/);
  });

  it('refuses a PDF for a film and a ZIP that is not named as a template', async () => {
    const film = await post('/admin/toolbox/assets/new', editor.cookie, fields({ kind: 'film' }), {
      name: 'film.mp4',
      type: 'video/mp4',
      bytes: PDF_BYTES,
    });
    assert.equal(film.statusCode, 400);
    assert.match(film.body, /tar inte emot filer av det formatet/);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    const template = await post('/admin/toolbox/assets/new', editor.cookie, fields({ kind: 'template' }), {
      name: 'mall.zip',
      type: 'application/zip',
      bytes: zip,
    });
    assert.equal(template.statusCode, 400);
    assert.match(template.body, /id="file-error"/);
  });

  let assetId = '';
  it('stores a PDF with its sha256, as a draft, audited; publishes it', async () => {
    const response = await post('/admin/toolbox/assets/new', editor.cookie, fields({ topics: 'commute' }), {
      name: 'Fakta.PDF',
      type: 'application/octet-stream',
      bytes: PDF_BYTES,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 400));
    assetId = /\/admin\/toolbox\/assets\/([0-9a-f-]{36})/.exec(String(response.headers.location))![1]!;
    const row = await db
      .selectFrom('toolbox_assets')
      .selectAll()
      .where('id', '=', assetId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
    assert.equal(row.content_type, 'application/pdf');
    assert.equal(row.sha256, createHash('sha256').update(PDF_BYTES).digest('hex'));
    assert.equal(Number(row.bytes), PDF_BYTES.length);
    const stored = await storageFor(config).get(row.file_key!);
    assert.ok(stored, 'in the platform storage');
    assert.ok((await auditActions(db)).includes('toolbox.asset.created'));

    assert.equal(
      (await app.inject({ url: `/sv/toolbox/assets/${assetId}`, headers: { cookie: hr.cookie } })).statusCode,
      404,
    );
    const published = await client.postForm(`/admin/toolbox/assets/${assetId}/publish`, editor.cookie, {});
    assert.equal(published.statusCode, 303);
    assert.equal(
      (await app.inject({ url: `/sv/toolbox/assets/${assetId}`, headers: { cookie: hr.cookie } })).statusCode,
      200,
    );
    assert.ok((await auditActions(db)).includes('toolbox.asset.published'));
  });

  it('shows the download log and sends it as CSV with formula cells defused', async () => {
    const sly = await toolboxUser(db);
    await db
      .updateTable('accounts')
      .set({ display_name: '=HYPERLINK("http://x")' })
      .where('id', '=', sly.accountId)
      .execute();
    assert.equal(
      (await app.inject({ url: `/sv/toolbox/assets/${assetId}/download`, headers: { cookie: sly.cookie } }))
        .statusCode,
      200,
    );
    const page = await client.get(`/admin/toolbox/assets/${assetId}`, editor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /=HYPERLINK/, 'the person’s name in the log');
    const csv = await client.get(`/admin/toolbox/assets/${assetId}/downloads.csv`, editor.cookie);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(csv.body, /"'=HYPERLINK\(""http:\/\/x""\)"/);
    assert.match(csv.body, /"Fakta om pendling"/);
    const list = await client.get('/admin/toolbox/assets', editor.cookie);
    assert.match(list.body, /Fakta om pendling/);
  });

  it('withdraws (audited, the expiry task queued) and refuses deleting what is not a draft', async () => {
    const withdrawn = await client.postForm(`/admin/toolbox/assets/${assetId}/withdraw`, editor.cookie, {});
    assert.equal(withdrawn.statusCode, 303);
    const jobs = await db
      .selectFrom('jobs')
      .select('name')
      .where('name', '=', 'toolbox.assets.expiry')
      .execute();
    assert.ok(jobs.length >= 1);
    const refused = await client.postForm(`/admin/toolbox/assets/${assetId}/delete`, editor.cookie, {});
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Bara ett utkast som ingen har laddat ner/);
  });

  it('deletes a draft nobody downloaded, and its file', async () => {
    const created = await post(
      '/admin/toolbox/assets/new',
      editor.cookie,
      fields({ title_sv: 'Kortlivat utkast' }),
      {
        name: 'a.pdf',
        type: 'application/pdf',
        bytes: PDF_BYTES,
      },
    );
    const id = /assets\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
    const key = (
      await db.selectFrom('toolbox_assets').select('file_key').where('id', '=', id).executeTakeFirstOrThrow()
    ).file_key!;
    const deleted = await client.postForm(`/admin/toolbox/assets/${id}/delete`, editor.cookie, {});
    assert.equal(deleted.statusCode, 303);
    assert.equal(
      await db.selectFrom('toolbox_assets').select('id').where('id', '=', id).executeTakeFirst(),
      undefined,
    );
    assert.equal(await storageFor(config).exists(key), false);
    assert.ok((await auditActions(db)).includes('toolbox.asset.deleted'));
  });

  it('a photo takes its credit from the media library, which then shows the use and refuses deletion', async () => {
    const image = await createLibraryPhoto(db, config, {
      expiresOn: '2099-12-31',
      photographer: 'Bo Bildare',
    });
    const response = await client.postForm('/admin/toolbox/assets/new', editor.cookie, {
      kind: 'photo',
      title_sv: 'Skymning',
      title_en: 'Dusk',
      uses: ['web', 'social'],
      personas: 'everyone',
      image: image.slug,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const id = /assets\/([0-9a-f-]{36})/.exec(String(response.headers.location))![1]!;
    const page = await client.get(`/admin/toolbox/assets/${id}`, editor.cookie);
    assert.match(page.body, /Bo Bildare/);
    assert.match(page.body, /href="\/admin\/media\/[0-9a-f-]{36}"/);
    const admin = await toolboxUser(db, { role: 'admin' });
    const media = await client.get(`/admin/media/${image.id}`, admin.cookie);
    assert.equal(media.statusCode, 200);
    assert.match(media.body, new RegExp(`/admin/toolbox/assets/${id}`));
    const del = await client.postForm(`/admin/media/${image.id}/delete`, admin.cookie, {});
    assert.equal(del.statusCode, 409, 'an image the toolbox uses is not deleted');
    assert.ok(
      await db
        .selectFrom('media_images')
        .select('id')
        .where('id', '=', image.id)
        .where('region_id', '=', REGION)
        .executeTakeFirst(),
    );
  });

  it('is the region editors’ only', async () => {
    assert.equal((await client.get('/admin/toolbox/assets', hr.cookie)).statusCode, 403);
    assert.equal((await client.get(`/admin/toolbox/assets/${assetId}`, hr.cookie)).statusCode, 403);
    const forged = await post('/admin/toolbox/assets/new', hr.cookie, fields(), {
      name: 'a.pdf',
      type: 'application/pdf',
      bytes: PDF_BYTES,
    });
    assert.equal(forged.statusCode, 403);
  });
});
