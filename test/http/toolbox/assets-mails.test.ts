/**
 * Telling the users (toolbox.assets.expiry): everyone who downloaded an asset (distinct accounts
 * still present) gets a mail 30 days before its last day and once it has passed, in their own
 * language, once each however often the task runs; a withdrawn asset's downloaders once too. Read
 * back from a real SMTP server. Retention deletes downloads after 24 months. Personal data: the
 * downloads are in the person's export; on erasure the rows keep the organisation and lose the
 * account, and nothing of the person is left in any table.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';
import { REGION } from '../../helpers/identity.ts';
import { readMail, startSmtpServer } from '../../helpers/smtp.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';
import {
  createFileAsset,
  createLibraryPhoto,
  createPhotoAsset,
  downloadsOf,
} from '../../helpers/toolbox-assets.ts';
import { deleteAccount } from '../../../src/modules/identity/me/service.ts';
import { downloadsPersonalData } from '../../../src/modules/toolbox/assets/personal-data.ts';
import { runAssetExpiry, runDownloadRetention } from '../../../src/modules/toolbox/assets/service.ts';

describe('toolbox assets: expiry mails, retention and personal data', async () => {
  const smtp = await startSmtpServer();
  let now = new Date('2099-02-01T09:00:00Z');
  const { app, database, queue, config } = await buildTestApp({ SMTP_URL: smtp.url }, undefined, {
    clock: () => now,
  });
  const db = database.db;
  const client = await formClient(app);
  const deps = { db, queue, origin: config.publicUrl.origin };
  // Dates are in 2099: the queue's own daily run (by the real time) never reaches them.
  const mailsTo = async (address: string) => {
    await queue.drain();
    return smtp.received.filter((m) => m.to.includes(address)).map(readMail);
  };
  const download = (id: string, cookie: string) =>
    app.inject({ url: `/sv/toolbox/assets/${id}/download`, headers: { cookie } });

  const sv = await toolboxUser(db, { email: `sara-${Date.now()}@example.org`, language: 'sv' });
  const en = await toolboxUser(db, { email: `emma-${Date.now()}@example.org`, language: 'en' });

  it('warns 30 days before the last day and tells when it has passed, once each, in each language', async () => {
    const image = await createLibraryPhoto(db, config, { expiresOn: '2099-03-15' });
    const id = await createPhotoAsset(db, image.id, { title: 'Fjällsjön', titleEn: 'The mountain lake' });
    assert.equal((await download(id, sv.cookie)).statusCode, 200);
    assert.equal((await download(id, sv.cookie)).statusCode, 200, 'twice: still one person');
    assert.equal((await download(id, en.cookie)).statusCode, 200);

    // more than 30 days before: nothing
    await runAssetExpiry(deps, now);
    assert.equal((await mailsTo(sv.email)).length, 0);

    now = new Date('2099-02-14T06:00:00Z');
    await runAssetExpiry(deps, now);
    await runAssetExpiry(deps, now);
    const [warnSv, ...moreSv] = await mailsTo(sv.email);
    assert.equal(moreSv.length, 0, 'one warning, though downloaded twice and the task ran twice');
    assert.equal(warnSv!.subject, 'Licensen för Fjällsjön går ut den 15 mars 2099');
    assert.equal(warnSv!.language, 'sv');
    assert.match(warnSv!.text, new RegExp(`http://localhost:3000/sv/toolbox/assets/${id}`));
    const [warnEn] = await mailsTo(en.email);
    assert.equal(warnEn!.subject, 'The licence for The mountain lake runs out on 15 March 2099');
    assert.match(warnEn!.text, new RegExp(`http://localhost:3000/en/toolbox/assets/${id}`));

    now = new Date('2099-03-16T06:00:00Z');
    await runAssetExpiry(deps, now);
    await runAssetExpiry(deps, now);
    const svMails = await mailsTo(sv.email);
    assert.equal(svMails.length, 2);
    assert.equal(svMails[1]!.subject, 'Licensen för Fjällsjön har gått ut');
    assert.match(svMails[1]!.text, /Ta bort det från era kanaler/);
    const enMails = await mailsTo(en.email);
    assert.equal(enMails.length, 2);
    assert.equal(enMails[1]!.subject, 'The licence for The mountain lake has expired');
  });

  it('tells the downloaders of a withdrawn asset once', async () => {
    now = new Date('2099-04-01T09:00:00Z');
    const editor = await toolboxUser(db, { role: 'region_editor' });
    const id = await createFileAsset(db, config, { title: 'Gamla mallen' });
    assert.equal((await download(id, sv.cookie)).statusCode, 200);
    const before = (await mailsTo(sv.email)).length;
    assert.equal(
      (await client.postForm(`/admin/toolbox/assets/${id}/withdraw`, editor.cookie, {})).statusCode,
      303,
    );
    await queue.drain(); // the withdrawal queued the task
    await runAssetExpiry(deps, now);
    const after = await mailsTo(sv.email);
    assert.equal(after.length, before + 1);
    assert.equal(after.at(-1)!.subject, 'Gamla mallen har dragits tillbaka');
  });

  it('tells a person of several assets running out together in one mail that lists them', async () => {
    now = new Date('2099-05-01T09:00:00Z');
    const person = await toolboxUser(db, { email: `many-${Date.now()}@example.org`, language: 'sv' });
    const titles = ['Sjön i maj', 'Skogen i maj', 'Fjället i maj'];
    const ids: string[] = [];
    for (const title of titles) {
      const id = await createFileAsset(db, config, { title, expiresOn: '2099-05-10' });
      ids.push(id);
      assert.equal((await download(id, person.cookie)).statusCode, 200);
    }
    now = new Date('2099-05-11T06:00:00Z');
    const run = await runAssetExpiry(deps, now);
    assert.equal(run.notified, 3);
    const mails = await mailsTo(person.email);
    assert.equal(mails.length, 1, 'one mail for the three, not three');
    assert.equal(mails[0]!.subject, '3 material du har laddat ner får inte användas längre');
    for (const [i, title] of titles.entries()) {
      assert.match(mails[0]!.text, new RegExp(`${title}: licensen gick ut den 10 maj 2099`));
      assert.match(mails[0]!.text, new RegExp(`/sv/toolbox/assets/${ids[i]}`));
    }
    assert.equal((await runAssetExpiry(deps, now)).mails, 0, 'a second run mails nobody');
  });

  it('deletes downloads older than 24 months', async () => {
    const id = await createFileAsset(db, config);
    assert.equal((await download(id, sv.cookie)).statusCode, 200);
    await sql`update toolbox_downloads set downloaded_at = '2024-03-01T00:00:00Z' where asset_id = ${id}`.execute(
      db,
    );
    assert.ok((await runDownloadRetention(db, new Date('2026-04-01T00:00:00Z'))) >= 1);
    assert.equal((await downloadsOf(db, id)).length, 0);
  });

  it('exports a person’s downloads and, on erasure, keeps the organisation but not the account', async () => {
    const person = await toolboxUser(db, { email: `glomd-${Date.now()}@example.org` });
    await db
      .updateTable('accounts')
      .set({ display_name: 'Greta Glömd' })
      .where('id', '=', person.accountId)
      .execute();
    const id = await createFileAsset(db, config, { title: 'Exportfakta' });
    assert.equal((await download(id, person.cookie)).statusCode, 200);

    const exported = await app.inject({ url: '/sv/me/export.json', headers: { cookie: person.cookie } });
    assert.equal(exported.statusCode, 200);
    const data = JSON.parse(exported.body) as { toolboxDownloads?: Array<{ material: string }> };
    assert.deepEqual(
      data.toolboxDownloads?.map((d) => d.material),
      ['Exportfakta'],
    );

    const parts = [downloadsPersonalData];
    assert.equal(await deleteAccount(db, REGION, person.accountId, parts), 'deleted');
    const rows = await downloadsOf(db, id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.account_id, null);
    assert.equal(rows[0]!.organisation_id, person.organisationId);
    assert.deepEqual(await tablesHolding(db, person.email), []);
    assert.deepEqual(await tablesHolding(db, 'Greta Glömd'), []);
  });
});
