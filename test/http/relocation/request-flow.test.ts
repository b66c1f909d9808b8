/** Asking a navigator at /:lang/move: the form with slots, a full request, the receipt, the e-mails, the welcome link, a slot taken meanwhile. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createNavigator, type TestNavigator } from '../../helpers/relocation.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

/** An open slot `days` ahead at `hour` UTC, for the navigator. */
async function slot(
  db: Kysely<DB>,
  nav: TestNavigator,
  days: number,
  hour: number,
  channels = ['email', 'phone', 'video'],
) {
  const row = await db
    .insertInto('relocation_slots')
    .values({
      region_id: REGION,
      navigator_id: nav.accountId,
      organisation_id: nav.organisationId,
      starts_at: sql<Date>`date_trunc('day', now()) + make_interval(days => ${days}, hours => ${hour})`,
      minutes: 30,
      channels,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const base = {
  needs: ['job', 'partner_job', 'school'],
  municipality: '2080',
  channel: 'video',
  language: 'en',
  citizenship: 'eu',
  has_partner: 'yes',
  partner_name: 'João Ferreira',
  partner_citizenship: 'eu',
  partner_occupation: 'Nurse',
  children: '4, 7',
  housing: 'rent',
  message: 'We love the forest.',
  name: 'Ana Ferreira',
  email: 'ana@example.org',
  phone: '',
  consent_contact: 'yes',
  consents: ['followup'],
  action: 'send',
};

describe('asking a navigator', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  let anna: TestNavigator;
  let first: string;
  before(async () => {
    anna = await createNavigator(db, {
      municipalityCode: '2080',
      name: 'Anna Lind',
      email: 'anna.lind@example.org',
    });
    first = await slot(db, anna, 2, 8);
    await slot(db, anna, 2, 9);
    await slot(db, anna, 3, 8, ['phone']);
  });

  it('shows the form in Swedish and English with the open slots grouped by day', async () => {
    const sv = await client.get('/sv/move?municipality=2080');
    assert.equal(sv.statusCode, 200);
    assert.match(sv.headers['cache-control'] as string, /no-store/);
    assert.match(sv.body, /Fråga en lots/);
    assert.match(sv.body, /Flytten i korthet/);
    assert.match(sv.body, /Lotsen får kontakta mig och spara det jag berättar/);
    assert.match(sv.body, /Ingen av tiderna passar — kontakta mig/);
    assert.match(sv.body, /name="_csrf"/);
    const en = await client.get('/en/move');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Ask a navigator/);
    assert.match(en.body, /None of these — contact me/);
    // "Not sure yet" offers the region's and (here) no municipality's slots; Falun shows Anna's.
    const shown = await client.postForm('/sv/move', '', { ...base, action: 'slots', channel: 'email' });
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, new RegExp(`value="${first}"`));
    assert.match(shown.body, /Anna Lind/);
    assert.match(shown.body, /<legend>[a-zåäö]+dag \d+ [a-zåäö]+<\/legend>/);
    assert.match(shown.body, /value="We love the forest."|We love the forest\./);
    // Phone-only slot is not offered for e-mail.
    const phoneOnly = (shown.body.match(/name="slot" value="[0-9a-f-]{36}"/g) ?? []).length;
    assert.equal(phoneOnly, 2);
  });

  it('stores the case, household, consents, meeting and slot; the receipt names the navigator; both e-mails go', async () => {
    const response = await client.postForm('/sv/move', '', { ...base, slot: first });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const location = response.headers.location as string;
    assert.match(location, /^\/sv\/move\/thanks\//);
    const receipt = await client.get(location);
    assert.equal(receipt.statusCode, 200);
    assert.match(receipt.body, /Din lots är Anna Lind, Falu/);
    assert.match(receipt.body, /Ni har ett första samtal/);
    assert.match(receipt.body, /\/sv\/me\/move/);

    const c = await db
      .selectFrom('relocation_cases')
      .selectAll()
      .where('region_id', '=', REGION)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(c.navigator_id, anna.accountId);
    assert.equal(c.organisation_id, anna.organisationId);
    assert.equal(c.municipality_code, '2080');
    assert.deepEqual(c.needs, ['job', 'partner_job', 'school']);
    assert.equal(c.channel, 'video');
    assert.equal(c.language, 'en');
    assert.deepEqual(c.source, { page: 'move' });
    const persons = await db
      .selectFrom('relocation_persons')
      .selectAll()
      .where('case_id', '=', c.id)
      .orderBy('role')
      .orderBy('age')
      .execute();
    assert.deepEqual(
      persons.map((p) => [p.role, p.name, p.age]),
      [
        ['child', '', 4],
        ['child', '', 7],
        ['main', 'Ana Ferreira', null],
        ['partner', 'João Ferreira', null],
      ],
    );
    const main = persons.find((p) => p.role === 'main')!;
    assert.equal(main.email, 'ana@example.org');
    const consents = await db
      .selectFrom('relocation_consents')
      .select('purpose')
      .where('person_id', '=', main.id)
      .execute();
    assert.deepEqual(consents.map((r) => r.purpose).sort(), ['contact', 'followup']);
    const meeting = await db
      .selectFrom('relocation_meetings')
      .selectAll()
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    assert.equal(meeting.slot_id, first);
    assert.equal(meeting.navigator_id, anna.accountId);
    const booked = await db
      .selectFrom('relocation_slots')
      .select('case_id')
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    assert.equal(booked.case_id, c.id);
    const events = await db
      .selectFrom('relocation_case_events')
      .select('kind')
      .where('case_id', '=', c.id)
      .execute();
    assert.deepEqual(events.map((e) => e.kind).sort(), ['created', 'meeting.booked']);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', c.id)
      .execute();
    assert.ok(audit.some((a) => a.action === 'relocation.case.requested'));

    const mails = await db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .orderBy('id')
      .execute();
    const household = mails.find((m) => m.to_address === 'ana@example.org');
    assert.ok(household);
    assert.match(household.subject, new RegExp(`Ärende ${c.ref}`));
    assert.match(household.text_body, /Din lots är Anna Lind/);
    assert.match(household.text_body, /\/sv\/move\/welcome\/[A-Za-z0-9_-]{43}/);
    const navigator = mails.find((m) => m.to_address === 'anna.lind@example.org');
    assert.ok(navigator);
    assert.match(navigator.text_body, new RegExp(`/admin/cases/${c.id}`));
    assert.doesNotMatch(navigator.text_body, /Ana Ferreira|ana@example\.org/);
  });

  it('the receipt address cannot be guessed from a case id', async () => {
    const c = await db.selectFrom('relocation_cases').select('id').executeTakeFirstOrThrow();
    const guessed = await client.get(`/sv/move/thanks/${c.id}`);
    assert.equal(guessed.statusCode, 410);
    assert.doesNotMatch(guessed.body, /Anna Lind/);
    const forged = await client.get(`/sv/move/thanks/${c.id}.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    assert.equal(forged.statusCode, 410);
  });

  it('a request without a way to reach the person is shown again with the error by the field', async () => {
    const none = await client.postForm('/sv/move', '', { ...base, email: '', phone: '', name: 'Kim' });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Skriv din e-post eller ditt telefonnummer/);
    assert.match(none.body, /id="email-error"/);
    assert.match(none.body, /value="Kim"/);
    assert.match(none.body, /value="João Ferreira"/);
    assert.match(none.body, /We love the forest\./);
    const phone = await client.postForm('/en/move', '', { ...base, channel: 'phone', phone: '' });
    assert.equal(phone.statusCode, 400);
    assert.match(phone.body, /Give your phone number if you would like a call/);
    assert.match(phone.body, /id="phone-error"/);
    const bad = await client.postForm('/sv/move', '', { ...base, children: '4, 40', consent_contact: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="children-error"/);
    assert.match(bad.body, /id="consent_contact-error"/);
    assert.match(bad.body, /value="4, 40"/);
  });

  it('carries the job and the campaign into the case’s source', async () => {
    await loadAds(db, [makeAd({ id: 'test-job-1', headline: 'Sjuksköterska till Falun' })]);
    const page = await client.get(
      '/sv/move?job=test-job-1&utm_source=facebook&utm_medium=social&utm_campaign=vinter-2026',
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="utm_campaign" value="vinter-2026"/);
    assert.match(page.body, /Du läste om: Sjuksköterska till Falun hos Region Dalarna/);
    assert.match(page.body, /name="job" value="test-job-1"/);
    const response = await client.postForm('/sv/move', '', {
      ...base,
      email: 'job@example.org',
      job: 'test-job-1',
      utm_source: 'facebook',
      utm_medium: 'social',
      utm_campaign: 'vinter-2026',
    });
    assert.equal(response.statusCode, 303);
    const c = await db
      .selectFrom('relocation_cases')
      .select('source')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(c.source, {
      page: 'move',
      campaign: { source: 'facebook', medium: 'social', campaign: 'vinter-2026' },
      jobId: 'test-job-1',
    });
  });

  it('the welcome link: GET signs nobody in, POST links the account and signs in, once', async () => {
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'ana@example.org')
      .executeTakeFirstOrThrow();
    const path = /\/sv\/move\/welcome\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)![0];
    const get = await client.get(path);
    assert.equal(get.statusCode, 200);
    assert.match(get.body, /Öppna min flyttsida/);
    assert.ok(![get.headers['set-cookie']].flat().some((c) => /session/i.test(String(c))));
    assert.equal(
      await db.selectFrom('accounts').select('id').where('email', '=', 'ana@example.org').executeTakeFirst(),
      undefined,
    );
    const post = await client.postForm(path, '', {});
    assert.equal(post.statusCode, 303);
    assert.equal(post.headers.location, '/sv/me/move');
    assert.ok([post.headers['set-cookie']].flat().some((c) => /session/i.test(String(c))));
    const account = await db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'ana@example.org')
      .executeTakeFirstOrThrow();
    const main = await db
      .selectFrom('relocation_persons')
      .select(['account_id', 'case_id'])
      .where('email', '=', 'ana@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(main.account_id, account.id);
    const c = await db
      .selectFrom('relocation_cases')
      .select('account_id')
      .where('id', '=', main.case_id)
      .executeTakeFirstOrThrow();
    assert.equal(c.account_id, account.id);
    const again = await client.postForm(path, '', {});
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /Länken fungerar inte längre/);
  });

  it('a signed-in talent with a profile is not asked again what the profile says', async () => {
    const talent = await createPerson(db, { email: 'tove@example.org' });
    await db
      .insertInto('talent_profiles')
      .values({
        region_id: REGION,
        account_id: talent.accountId,
        status: 'active',
        occupations: [],
        occupation_groups: [],
        occupation_fields: [],
        skills: [],
        experience: '2to5',
        languages: [],
        education: 'university',
        municipalities: ['2080'],
        move_when: 'within-a-year',
        has_partner: true,
        children_ages: [3],
        housing: 'buy',
      })
      .execute();
    const cookie = await sessionFor(db, talent.accountId);
    const page = await client.get('/sv/move', cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Det här vet vi redan från din profil/);
    assert.doesNotMatch(page.body, /name="children"/);
    assert.doesNotMatch(page.body, /name="email"/);
    assert.doesNotMatch(page.body, /name="housing"/);
    assert.match(page.body, /Du är inloggad som tove@example.org/);
    const { email: _e, children: _c, housing: _h, partner_occupation: _p, ...rest } = base;
    const response = await client.postForm('/sv/move', cookie, {
      ...rest,
      has_partner: 'yes',
      channel: 'email',
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const c = await db
      .selectFrom('relocation_cases')
      .selectAll()
      .where('account_id', '=', talent.accountId)
      .executeTakeFirstOrThrow();
    assert.equal(c.housing, 'buy');
    assert.equal((c.source as { fromTalentProfile?: boolean }).fromTalentProfile, true);
    const persons = await db
      .selectFrom('relocation_persons')
      .selectAll()
      .where('case_id', '=', c.id)
      .execute();
    assert.equal(persons.find((p) => p.role === 'main')?.email, 'tove@example.org');
    assert.equal(persons.find((p) => p.role === 'main')?.account_id, talent.accountId);
    assert.deepEqual(
      persons.filter((p) => p.role === 'child').map((p) => p.age),
      [3],
    );
    assert.equal(persons.filter((p) => p.role === 'partner').length, 1);
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'tove@example.org')
      .executeTakeFirstOrThrow();
    assert.match(mail.text_body, /\/sv\/me\/move/);
    assert.doesNotMatch(mail.text_body, /welcome/);
  });

  it('a slot taken meanwhile: of 20 requests at once exactly one gets it, the others see the form again', async () => {
    const contested = await slot(db, anna, 4, 10);
    await slot(db, anna, 5, 10);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.postForm('/sv/move', '', {
          ...base,
          email: `race-${i}@example.org`,
          name: `Racer ${i}`,
          slot: contested,
        }),
      ),
    );
    const done = answers.filter((a) => a.statusCode === 303);
    const again = answers.filter((a) => a.statusCode === 409);
    assert.equal(done.length, 1, answers.map((a) => a.statusCode).join(','));
    assert.equal(again.length, 19);
    for (const a of again) {
      assert.match(a.body, /Den tiden hann någon annan boka — här är nästa lediga tider/);
      assert.match(a.body, /value="Racer \d+"/);
      assert.match(a.body, /value="João Ferreira"/);
      assert.doesNotMatch(a.body, new RegExp(`value="${contested}"`));
    }
    const holders = await db
      .selectFrom('relocation_meetings')
      .select('case_id')
      .where('slot_id', '=', contested)
      .execute();
    assert.equal(holders.length, 1);
    const s = await db
      .selectFrom('relocation_slots')
      .select('case_id')
      .where('id', '=', contested)
      .executeTakeFirstOrThrow();
    assert.equal(s.case_id, holders[0]!.case_id);
    const racers = await db
      .selectFrom('relocation_persons')
      .select('id')
      .where('email', 'like', 'race-%')
      .execute();
    assert.equal(racers.length, 1);
  });

  it('without a slot the case goes to the least-loaded navigator of the inbox', async () => {
    const bo = await createNavigator(db, { municipalityCode: '2080', name: 'Bo Berg' });
    const response = await client.postForm('/sv/move', '', {
      ...base,
      email: 'noslot@example.org',
      slot: 'none',
    });
    assert.equal(response.statusCode, 303);
    const c = await db
      .selectFrom('relocation_cases')
      .select(['navigator_id'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(c.navigator_id, bo.accountId);
    const receipt = await client.get(response.headers.location as string);
    assert.match(receipt.body, /Din lots är Bo Berg/);
  });
});
