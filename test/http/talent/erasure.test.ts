/**
 * Erasure across the talent pool: a person with a profile and household, consents, an alert made as
 * a visitor before they had an account, a saved job, a match waiting for the digest, an employer's
 * view of their card and an accepted intro request, and an invitation to be someone's partner —
 * then they delete their account on /sv/me. A scan of every text, json and array column of every
 * table finds neither their e-mail address, their name nor what they wrote; the employer keeps
 * only that a request was sent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardIdOf } from '../../../src/modules/talent/employers/service.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';
import { REGION, sessionFor } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { addTalent, employersFixture, newestOutboxMail } from './employers-fixture.ts';

describe('erasing a member of the talent pool', async () => {
  const f = await employersFixture();
  const stamp = Date.now().toString(36);
  const name = `Wilhelmina Zetterqvist ${stamp}`;
  const about = `Jag drömmer om en stuga vid Siljan och ett labb i Borlänge ${stamp}`;
  for (let i = 0; i < 5; i += 1) await addTalent(f.db);
  const person = await addTalent(f.db, { name, about, childrenAges: [3, 9], partnerOccupation: 'nurse' });

  it('leaves nothing of the person in any table, and the employer only the bare request', async () => {
    const db = f.db;
    const now = new Date();
    await loadAds(db, [makeAd({ id: '9300001', headline: 'Sjuksköterska i Falun' }, now)], now);
    // An alert made as a visitor with the same address, before the account.
    await db
      .insertInto('job_alerts')
      .values({
        region_id: REGION,
        email: person.email,
        language: 'sv',
        kind: 'search',
        query: 'q=sjuksk%C3%B6terska',
        frequency: 'weekly',
        confirmed_at: now,
        unsubscribe_token_hash: `hash-${stamp}`,
        consent_text_version: 'alerts-2026-12',
        consent_given_at: now,
      })
      .execute();
    await db
      .insertInto('saved_jobs')
      .values({ region_id: REGION, account_id: person.accountId, job_id: '9300001' })
      .execute();
    await db
      .insertInto('talent_match_inbox')
      .values({
        region_id: REGION,
        account_id: person.accountId,
        job_id: '9300001',
        side: 'main',
        score: 80,
        reasons: JSON.stringify({ sv: 'ditt yrke', en: 'your occupation' }),
      })
      .execute();
    await db
      .insertInto('talent_signups')
      .values({
        region_id: REGION,
        token_hash: `signup-${stamp}`,
        email: person.email,
        language: 'sv',
        data: JSON.stringify({ about }),
        expires_at: new Date(Date.now() + 3_600_000),
      })
      .execute();

    // An employer sees the card and asks; the person accepts by the e-mail's link.
    const card = `/admin/talent/cards/${cardIdOf('test-secret-test-secret-test-secret!', REGION, f.employer, person.profileId)}`;
    assert.equal((await f.get(card, f.adminCookie)).statusCode, 200);
    const sent = await f.post(card, f.adminCookie, { message: `Hej ${name}, vill du jobba hos oss?` });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    const mail = await newestOutboxMail(db, person.email);
    const token = /\/talent-pool\/intro\/([A-Za-z0-9_-]+)/.exec(mail?.text_body ?? '')?.[1];
    assert.ok(token, 'the person got the request by e-mail');
    const answered = await f.client.postForm(`/sv/talent-pool/intro/${token}`, '', { answer: 'accept' });
    assert.ok(answered.statusCode < 400, answered.body.slice(0, 300));

    for (const needle of [person.email, name, about])
      assert.ok((await tablesHolding(db, needle)).length > 0, `the scan finds ${needle} before`);

    const session = await sessionFor(db, person.accountId);
    const deleted = await f.client.postForm('/sv/me/delete', session, { confirm: person.email });
    assert.equal(deleted.statusCode, 303, deleted.body.slice(0, 300));

    const left: Record<string, string[]> = {};
    for (const needle of [person.email, name, about, `Hej ${name}`]) {
      const tables = await tablesHolding(db, needle);
      if (tables.length > 0) left[needle] = tables;
    }
    assert.deepEqual(left, {}, 'something of the person remains');
    const requests = await db
      .selectFrom('talent_intro_requests')
      .select(['account_id', 'message', 'status'])
      .where('organisation_id', '=', f.employer)
      .execute();
    assert.deepEqual(requests, [{ account_id: null, message: '', status: 'accepted' }]);
    for (const table of [
      'talent_profiles',
      'talent_consents',
      'saved_jobs',
      'talent_match_inbox',
      'talent_card_views',
    ] as const) {
      const rows = await db
        .selectFrom(table)
        .select('region_id')
        .where('account_id', '=', person.accountId)
        .execute();
      assert.equal(rows.length, 0, `${table} holds none of the person's rows`);
    }
  });
});
