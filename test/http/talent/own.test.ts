/**
 * The own side of the talent pool: a signed-in person joins without the e-mail step, edits the
 * profile, hides it, invites the partner who claims and edits their part; the API's type-ahead;
 * erasing the account leaves no row with the address or the about text in the pool's tables.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';

const ABOUT = 'En unik mening om fjällvandring i Idre.';

describe('the own talent profile', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);

  const concept = async (type: string, offset = 0) =>
    (
      await db
        .selectFrom('taxonomy_concepts')
        .select('concept_id')
        .where('type', '=', type)
        .where('deprecated', '=', false)
        .orderBy('concept_id')
        .offset(offset)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).concept_id;

  const form = async (extra: Record<string, string | string[]> = {}) => ({
    occupations: [await concept('occupation-name')],
    skills: [await concept('skill')],
    experience: 'gt10',
    education: 'vocational',
    anywhere: '1',
    move_when: 'later',
    about: ABOUT,
    has_partner: '1',
    partner_occupations: [await concept('occupation-name', 1)],
    children: '3, 7',
    housing: 'buy',
    language: 'en',
    ...extra,
  });

  it('the API answers the type-ahead in both languages, bounded, and refuses a long query', async () => {
    const res = await app.inject({
      url: '/api/v1/taxonomy/concepts?type=occupation-name&q=l%C3%A4rare&lang=sv',
    });
    assert.equal(res.statusCode, 200);
    const body = JSON.parse(res.body) as { concepts: { id: string; label: string }[] };
    assert.ok(body.concepts.length > 0 && body.concepts.length <= 20);
    assert.ok(body.concepts.every((c) => /lärare/i.test(c.label)));
    const english = await app.inject({
      url: '/api/v1/taxonomy/concepts?type=occupation-name&q=nurse&lang=en',
    });
    const nurses = (JSON.parse(english.body) as { concepts: { label: string }[] }).concepts;
    assert.ok(
      nurses.some((c) => /sjuksköterska/i.test(c.label)),
      'an English title finds the Swedish names',
    );
    const long = await app.inject({ url: `/api/v1/taxonomy/concepts?type=skill&q=${'a'.repeat(101)}` });
    assert.equal(long.statusCode, 400);
    const bad = await app.inject({ url: '/api/v1/taxonomy/concepts?type=municipality&q=a' });
    assert.equal(bad.statusCode, 400);
  });

  it('a signed-in person joins without the e-mail step, edits, hides, invites the partner', async () => {
    const person = await createPerson(db, { email: 'main.mover@example.se' });
    const cookie = await sessionFor(db, person.accountId);
    const step4 = await client.postForm('/en/talent-pool/join/3', cookie, {
      ...(await form()),
      action: 'next',
    });
    assert.equal(step4.statusCode, 200);
    assert.doesNotMatch(step4.body, /name="email"/);
    assert.match(step4.body, /Consents/);
    // None of the consents is pre-ticked.
    assert.doesNotMatch(step4.body, /name="consents" value="[a-z]+" checked/);
    const joined = await client.postForm('/en/talent-pool/join/send', cookie, {
      ...(await form()),
      consents: ['employers'],
    });
    assert.equal(joined.statusCode, 303);
    assert.equal(joined.headers.location, '/en/me?talent=joined#talent');
    const me = await client.get('/en/me', cookie);
    assert.match(me.body, /Your profile in the talent pool/);
    assert.match(me.body, /Anywhere in the region/);
    assert.match(me.body, /3, 7/);
    assert.match(me.body, /Yes since .* \(text version employers-2026-12\)/);

    const edit = await client.get('/en/me/talent', cookie);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /Change your profile in the talent pool/);
    const saved = await client.postForm('/en/me/talent', cookie, {
      ...(await form()),
      move_when: 'now',
      action: 'save',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/en/me?talent=saved#talent');
    const wrongChildren = await client.postForm('/en/me/talent', cookie, {
      ...(await form()),
      children: 'three',
      action: 'save',
    });
    assert.equal(wrongChildren.statusCode, 422);
    assert.match(wrongChildren.body, /value="three"/);

    assert.equal(
      (await client.postForm('/en/me/talent/visibility', cookie, { hidden: '1' })).statusCode,
      303,
    );
    assert.match((await client.get('/en/me', cookie)).body, /Your profile is hidden/);
    await client.postForm('/en/me/talent/visibility', cookie, { hidden: '0' });

    const mistyped = await client.postForm('/en/me/talent/partner/invite', cookie, {
      partner_email: 'partner@',
    });
    assert.equal(mistyped.statusCode, 422);
    assert.match(mistyped.body, /value="partner@"/);
    assert.match(mistyped.body, /id="partner_email-error"/);
    const invited = await client.postForm('/en/me/talent/partner/invite', cookie, {
      partner_email: 'Partner@Example.se',
    });
    assert.equal(invited.statusCode, 303);
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'partner@example.se')
      .executeTakeFirstOrThrow();
    const token = /partner\/([A-Za-z0-9_-]{43})/.exec(mail.text_body)![1]!;
    const page = await client.get(`/en/talent-pool/partner/${token}`);
    assert.equal(page.statusCode, 200);
    const claimed = await client.postForm('/en/talent-pool/partner', '', { token });
    assert.equal(claimed.statusCode, 303);
    const partnerCookie = [claimed.headers['set-cookie']].flat()[0]!.split(';')[0]!;
    const partnerMe = await client.get('/en/me', partnerCookie);
    assert.match(partnerMe.body, /Your part of a household in the talent pool/);
    const partnerSave = await client.postForm('/en/me/talent/partner', partnerCookie, {
      partner_occupations: [await concept('occupation-name', 2)],
      partner_skills: [await concept('skill', 1)],
      action: 'save',
    });
    assert.equal(partnerSave.statusCode, 303);
    const row = await db
      .selectFrom('talent_profiles')
      .selectAll()
      .where('account_id', '=', person.accountId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.partner_occupations, [await concept('occupation-name', 2)]);
    assert.ok(row.partner_account_id);
    // The main mover's edit page leaves the claimed part to the partner, and saving keeps it.
    const mainEdit = await client.get('/en/me/talent', cookie);
    assert.match(mainEdit.body, /Your partner changes their own occupations and skills/);
    assert.doesNotMatch(mainEdit.body, /name="q_partner_occupations"/);
    const { partner_occupations: _dropped, ...withoutPartner } = await form();
    void _dropped;
    assert.equal(
      (await client.postForm('/en/me/talent', cookie, { ...withoutPartner, action: 'save' })).statusCode,
      303,
    );
    const kept = await db
      .selectFrom('talent_profiles')
      .select('partner_occupations')
      .where('account_id', '=', person.accountId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(kept.partner_occupations, [await concept('occupation-name', 2)]);
    // The main mover sees the address they typed, and nothing else of the partner's account.
    assert.match((await client.get('/en/me', cookie)).body, /partner@example.se/);

    // Erasing the main mover's account leaves nothing with the address or the about text.
    const deleted = await client.postForm('/en/me/delete', cookie, { confirm: person.email });
    assert.equal(deleted.statusCode, 303);
    for (const table of ['talent_profiles', 'talent_consents', 'talent_signups', 'talent_partner_invites']) {
      const rows = await sql<{ t: string }>`SELECT t::text AS t FROM ${sql.table(table)} t`.execute(db);
      for (const r of rows.rows) {
        assert.ok(!r.t.includes('main.mover@example.se'), `${table} holds the address`);
        assert.ok(!r.t.includes(ABOUT), `${table} holds the about text`);
      }
    }
    assert.equal((await db.selectFrom('talent_profiles').select('id').execute()).length, 0);
  });
});
