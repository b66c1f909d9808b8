/**
 * Consent renewal with a moved clock: asked once by e-mail after renew_after_months, the link's page
 * and its button renew; without an answer the profile is hidden hide_after_days later and deleted
 * delete_after_months after that, with its consents — the account stays.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runRenewal } from '../../../src/modules/talent/renewal/service.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, REGION } from '../../helpers/identity.ts';
import { createProfile } from './matching-fixture.ts';

const DAY = 86_400_000;

describe('consent renewal', async () => {
  const { app, database, queue } = await buildTestApp();
  const db = database.db;
  const origin = 'http://localhost:3000';

  const renewedMonthsAgo = async (profileId: string, months: number, now: Date) => {
    const at = new Date(now);
    at.setMonth(at.getMonth() - months);
    await db.updateTable('talent_profiles').set({ renewed_at: at }).where('id', '=', profileId).execute();
  };
  const mailsTo = (to: string) =>
    db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', to).execute();
  const profileRow = (id: string) =>
    db.selectFrom('talent_profiles').selectAll().where('id', '=', id).executeTakeFirst();

  it('asks once, and the link renews', async () => {
    const now = new Date();
    const person = await createProfile(db, { email: 'renew-me@example.org' });
    const fresh = await createProfile(db, { email: 'fresh@example.org' });
    await renewedMonthsAgo(person.profileId, 13, now);

    const first = await runRenewal(db, queue, { now, publicOrigin: origin });
    assert.equal(first.asked, 1);
    await runRenewal(db, queue, { now: new Date(now.getTime() + DAY), publicOrigin: origin });
    const mails = await mailsTo('renew-me@example.org');
    assert.equal(mails.length, 1, 'asked once');
    assert.equal(mails[0]!.subject, 'Vill du vara kvar i talangpoolen?');
    assert.equal((await mailsTo('fresh@example.org')).length, 0);
    void fresh;

    const link = /http:\/\/localhost:3000(\/sv\/talent-pool\/stay\/[A-Za-z0-9_-]+)/.exec(mails[0]!.text_body);
    assert.ok(link, mails[0]!.text_body);
    const page = await app.inject({ url: link[1] });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ja, jag vill vara kvar/);
    assert.equal((await profileRow(person.profileId))?.renewal_asked_at?.getTime(), now.getTime());

    const client = await formClient(app);
    const token = link[1]!.split('/').pop()!;
    const done = await client.postForm('/sv/talent-pool/stay', '', { token });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Tack, du är kvar i talangpoolen/);
    const row = await profileRow(person.profileId);
    assert.equal(row?.status, 'active');
    assert.equal(row?.renewal_asked_at, null);
    assert.ok(row!.renewed_at.getTime() > now.getTime() - 60_000);
    // The link has done its work.
    assert.equal((await app.inject({ url: link[1] })).statusCode, 410);
    assert.ok((await auditActions(db)).includes('talent.renewal.renewed'));
  });

  it('hides without an answer, then deletes the profile and its consents but keeps the account', async () => {
    const now = new Date();
    const person = await createProfile(db, { email: 'silent@example.org' });
    await renewedMonthsAgo(person.profileId, 12, now);
    const asked = new Date(now.getTime() + 2 * DAY);
    assert.equal((await runRenewal(db, queue, { now: asked, publicOrigin: origin })).asked, 1);

    // 29 days later: still there; 31 days later: hidden.
    await runRenewal(db, queue, { now: new Date(asked.getTime() + 29 * DAY), publicOrigin: origin });
    assert.equal((await profileRow(person.profileId))?.status, 'active');
    const hideAt = new Date(asked.getTime() + 31 * DAY);
    const hidden = await runRenewal(db, queue, { now: hideAt, publicOrigin: origin });
    assert.equal(hidden.hidden, 1);
    assert.equal((await profileRow(person.profileId))?.status, 'hidden');

    // Five months after hiding: kept; seven: deleted.
    const later = (months: number) => {
      const d = new Date(hideAt);
      d.setMonth(d.getMonth() + months);
      return d;
    };
    assert.equal((await runRenewal(db, queue, { now: later(5), publicOrigin: origin })).deleted, 0);
    assert.equal((await runRenewal(db, queue, { now: later(7), publicOrigin: origin })).deleted, 1);
    assert.equal(await profileRow(person.profileId), undefined);
    const consents = await db
      .selectFrom('talent_consents')
      .select('id')
      .where('account_id', '=', person.accountId)
      .execute();
    assert.equal(consents.length, 0);
    const account = await db
      .selectFrom('accounts')
      .select('email')
      .where('region_id', '=', REGION)
      .where('id', '=', person.accountId)
      .executeTakeFirst();
    assert.equal(account?.email, 'silent@example.org');
    const actions = await auditActions(db);
    for (const a of ['talent.renewal.asked', 'talent.renewal.hidden', 'talent.renewal.deleted'])
      assert.ok(actions.includes(a), a);
  });

  it('answers an unknown link with 410', async () => {
    const page = await app.inject({ url: '/sv/talent-pool/stay/nope' });
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /Länken fungerar inte längre/);
    const client = await formClient(app);
    assert.equal((await client.postForm('/en/talent-pool/stay', '', { token: 'nope' })).statusCode, 410);
  });

  it("the privacy page states the region's periods, and follows the region's settings", async () => {
    await db
      .insertInto('talent_settings')
      .values({ region_id: REGION, renew_after_months: 18, hide_after_days: 45, delete_after_months: 3 })
      .onConflict((oc) =>
        oc
          .column('region_id')
          .doUpdateSet({ renew_after_months: 18, hide_after_days: 45, delete_after_months: 3 }),
      )
      .execute();
    const sv = (await app.inject({ url: '/sv/privacy' })).body;
    assert.match(sv, /<h3 id="data-talent-pool">Talangpoolen<\/h3>/);
    assert.match(sv, /Efter 18 månader.*45 dagar senare.*3 månader/);
    const en = (await app.inject({ url: '/en/privacy' })).body;
    assert.match(en, /After 18 months.*45 days later.*3 months/);
    assert.match(en, /Job alerts and saved jobs/);
  });
});
