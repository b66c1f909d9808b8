/**
 * Intro requests: an employer asks to get in touch from a card; the person gets an e-mail in their
 * language with the organisation, the message and the job, and answers by its link; only on accept
 * do both sides get each other's contact details; declining may block the employer, whose search
 * then no longer shows the card. Limits and refusals keep what was typed; nothing is sent to
 * someone who withdrew.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  cardIdOf,
  eraseEmployerData,
  exportEmployerData,
  INTROS_PER_DAY,
} from '../../../src/modules/talent/employers/service.ts';
import { REGION, auditActions } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import {
  addTalent,
  cardLinks,
  employersFixture,
  newestOutboxMail,
  withdrawConsent,
  type Talent,
} from './employers-fixture.ts';

const SEARCH = '/admin/talent?occupation=Sjuksk%C3%B6terska';

describe('intro requests', async () => {
  const f = await employersFixture();
  const people: Talent[] = [];
  for (let i = 0; i < 7; i += 1) people.push(await addTalent(f.db, { language: i === 0 ? 'en' : 'sv' }));

  /** The card link of a person, found by trying the cards (their ids are opaque). */
  async function cardOf(person: Talent, cookie = f.adminCookie): Promise<string> {
    const links = cardLinks((await f.get(SEARCH, cookie)).body);
    const organisation = cookie === f.otherCookie ? f.other : f.employer;
    const id = cardIdOf('test-secret-test-secret-test-secret!', REGION, organisation, person.profileId);
    const link = `/admin/talent/cards/${id}`;
    assert.ok(links.includes(link), 'the person’s card is among the results');
    return link;
  }

  async function tokenFrom(person: Talent): Promise<string> {
    const mail = await newestOutboxMail(f.db, person.email);
    assert.ok(mail, `an e-mail to ${person.email}`);
    const match = /\/(?:sv|en)\/talent-pool\/intro\/([A-Za-z0-9_-]+)/.exec(mail.text_body);
    assert.ok(match, 'the e-mail links to the answer page');
    return match[1]!;
  }

  it('e-mails the person in their language with the organisation, the message and the job', async () => {
    const now = new Date();
    // An ad naming the employer's organisationsnummer is one of its jobs.
    const { org_number } = await f.db
      .selectFrom('organisations')
      .select('org_number')
      .where('id', '=', f.employer)
      .executeTakeFirstOrThrow();
    await loadAds(f.db, [
      makeAd({ id: 'vard-1', headline: 'Sjuksköterska till akuten', orgnr: org_number }, now),
    ]);
    const card = await cardOf(people[0]!);
    const page = await f.get(card, f.memberCookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Sjuksköterska till akuten/, 'the organisation’s open jobs to choose from');
    const sent = await f.post(card, f.memberCookie, {
      message: 'Hej! Vi söker sjuksköterskor i Falun.',
      job: 'vard-1',
    });
    assert.equal(sent.statusCode, 303);
    const mail = await newestOutboxMail(f.db, people[0]!.email);
    assert.ok(mail);
    assert.equal(mail.language, 'en');
    assert.equal(mail.subject, 'Dalarnas Vårdbolag AB would like to get in touch with you');
    assert.match(mail.text_body, /Hej! Vi söker sjuksköterskor i Falun\./);
    assert.match(mail.text_body, /Sjuksköterska till akuten/);
    assert.match(mail.text_body, /\/en\/talent-pool\/intro\//);
    assert.ok((await auditActions(f.db)).includes('talent.intro.sent'));
    const requests = await f.get('/admin/talent/requests', f.adminCookie);
    assert.match(requests.body, /Väntar på svar/);
    assert.ok(!requests.body.includes(people[0]!.email), 'no contact details before an answer');
  });

  it('reveals the contacts to both sides only when the person accepts', async () => {
    const token = await tokenFrom(people[0]!);
    const page = await f.get(`/en/talent-pool/intro/${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Hej! Vi söker sjuksköterskor i Falun\./);
    assert.ok(!page.body.includes(f.member.email), 'no sender address before accepting');
    assert.match(page.body, /Accept and share my contact details/);
    const answered = await f.client.postForm(`/en/talent-pool/intro/${token}`, '', { answer: 'accept' });
    assert.equal(answered.statusCode, 200);
    assert.match(answered.body, /You accepted/);
    assert.ok(answered.body.includes(f.member.email), 'the sender’s address once accepted');
    const toSender = await newestOutboxMail(f.db, 'hr@vardbolag.example');
    // The request was sent by the member; the admin sees it on the requests page.
    const memberMail = await f.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('text_body', 'like', `%${people[0]!.email}%`)
      .executeTakeFirst();
    assert.ok(memberMail, 'the sender is e-mailed the person’s name and address');
    assert.match(memberMail.text_body, new RegExp(people[0]!.name));
    assert.equal(toSender, undefined, 'the admin who did not send it gets no e-mail');
    const requests = await f.get('/admin/talent/requests', f.adminCookie);
    assert.match(requests.body, /Tackade ja/);
    assert.ok(requests.body.includes(people[0]!.email));
    const me = await f.get('/sv/me', await f.cookieOf(people[0]!.accountId));
    assert.match(me.body, /Tackade ja|Accepted/);
  });

  it('hides the card from an employer the person declined and blocked', async () => {
    const card = await cardOf(people[1]!);
    assert.equal((await f.post(card, f.adminCookie, { message: 'Vill du jobba hos oss?' })).statusCode, 303);
    const token = await tokenFrom(people[1]!);
    const answered = await f.client.postForm(`/sv/talent-pool/intro/${token}`, '', {
      answer: 'decline',
      block: '1',
    });
    assert.equal(answered.statusCode, 200);
    assert.match(answered.body, /Du tackade nej/);
    assert.match(answered.body, /ser inte ditt kort längre/);
    assert.equal((await f.get(card, f.adminCookie)).statusCode, 404);
    const links = cardLinks((await f.get(SEARCH, f.adminCookie)).body);
    assert.equal(links.length, 6);
    assert.ok(!links.includes(card));
    const requests = await f.get('/admin/talent/requests', f.adminCookie);
    assert.match(requests.body, /Tackade nej/);
    assert.ok(!requests.body.includes(people[1]!.email));
    // A second answer changes nothing.
    const again = await f.client.postForm(`/sv/talent-pool/intro/${token}`, '', { answer: 'accept' });
    assert.match(again.body, /Du tackade nej/);
  });

  it('allows one waiting request per person and a bounded number a day, keeping the message', async () => {
    const card = await cardOf(people[2]!);
    assert.equal((await f.post(card, f.adminCookie, { message: 'Första' })).statusCode, 303);
    const twice = await f.post(card, f.memberCookie, { message: 'Andra gången' });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /redan en förfrågan till den här personen/);
    assert.match(twice.body, />Andra gången<\/textarea>/);
    // Fill the day's quota.
    const sent = await f.db
      .selectFrom('talent_intro_requests')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', f.employer)
      .executeTakeFirstOrThrow();
    for (let i = sent.n; i < INTROS_PER_DAY; i += 1) {
      await f.db
        .insertInto('talent_intro_requests')
        .values({
          region_id: REGION,
          account_id: null,
          organisation_id: f.employer,
          message: 'x',
          status: 'declined',
          expires_at: sql<Date>`now() + interval '30 days'`,
        })
        .execute();
    }
    const limited = await f.post(await cardOf(people[3]!), f.adminCookie, { message: 'En till' });
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /Försök igen i morgon/);
    assert.match(limited.body, />En till<\/textarea>/);
    assert.equal(await newestOutboxMail(f.db, people[3]!.email), undefined, 'nothing sent');
  });

  it('refuses a request to someone who withdrew the consent, and sends nothing', async () => {
    const card = await cardOf(people[4]!, f.otherCookie);
    await withdrawConsent(f.db, people[4]!.accountId);
    const res = await f.post(card, f.otherCookie, { message: 'Hej' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Inget har skickats/);
    assert.equal(await newestOutboxMail(f.db, people[4]!.email), undefined);
  });

  it('refuses a request to someone who hid the profile or blocked the employer', async () => {
    const hidden = await addTalent(f.db);
    const blocking = await addTalent(f.db);
    const cardFor = (t: Talent) =>
      `/admin/talent/cards/${cardIdOf('test-secret-test-secret-test-secret!', REGION, f.other, t.profileId)}`;
    assert.equal((await f.get(cardFor(hidden), f.otherCookie)).statusCode, 200);
    await f.db
      .updateTable('talent_profiles')
      .set({ status: 'hidden' })
      .where('id', '=', hidden.profileId)
      .execute();
    await f.db
      .insertInto('talent_blocks')
      .values({ region_id: REGION, account_id: blocking.accountId, organisation_id: f.other })
      .execute();
    for (const t of [hidden, blocking]) {
      const res = await f.post(cardFor(t), f.otherCookie, { message: 'Hej' });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Inget har skickats/);
      assert.equal(await newestOutboxMail(f.db, t.email), undefined);
    }
  });

  it('checks the message and the job by their fields', async () => {
    const card = await cardOf(people[5]!, f.otherCookie);
    const empty = await f.post(card, f.otherCookie, { message: '   ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Skriv ett meddelande/);
    const long = await f.post(card, f.otherCookie, { message: 'a'.repeat(1001) });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /högst 1000 tecken/);
    const job = await f.post(card, f.otherCookie, { message: 'Hej', job: 'vard-1' });
    assert.equal(job.statusCode, 422, 'another organisation’s job cannot be chosen');
    assert.match(job.body, /Välj ett av era öppna jobb/);
  });

  it('keeps each organisation’s requests to itself', async () => {
    const theirs = await f.get('/admin/talent/requests', f.otherCookie);
    assert.equal(theirs.statusCode, 200);
    assert.match(theirs.body, /inte skickat några förfrågningar/);
    assert.equal((await f.get('/admin/talent/requests', f.talentCookie)).statusCode, 403);
  });

  it('lets the person answer on their own page and unblock an employer', async () => {
    const card = await cardOf(people[6]!);
    // The day's quota is used up: make room by moving the old requests back a day.
    await sql`UPDATE talent_intro_requests SET created_at = now() - interval '2 days'`.execute(f.db);
    assert.equal((await f.post(card, f.adminCookie, { message: 'Hej från oss' })).statusCode, 303);
    const cookie = await f.cookieOf(people[6]!.accountId);
    const me = await f.get('/sv/me', cookie);
    assert.match(me.body, /Hej från oss/);
    const id = /name="id" value="([0-9a-f-]{36})"/.exec(me.body)?.[1];
    assert.ok(id);
    const res = await f.post('/sv/talent-pool/requests/answer', cookie, {
      id,
      answer: 'decline',
      block: '1',
    });
    assert.equal(res.statusCode, 303);
    const after = await f.get('/sv/me?talent_done=declined', cookie);
    assert.match(after.body, /Du tackade nej/);
    assert.match(after.body, /Sluta blockera/);
    const unblock = await f.post('/sv/talent-pool/blocks/remove', cookie, { organisation: f.employer });
    assert.equal(unblock.statusCode, 303);
    assert.equal((await f.get(card, f.adminCookie)).statusCode, 200, 'the card is shown again');
    // Another person cannot answer it.
    const stranger = await f.post('/sv/talent-pool/requests/answer', f.talentCookie, {
      id,
      answer: 'accept',
    });
    assert.equal(stranger.statusCode, 404);
  });

  it('exports the person’s part and erases it, keeping the employer’s record without them', async () => {
    const person = { regionId: REGION, accountId: people[0]!.accountId, email: people[0]!.email };
    const data = await exportEmployerData(f.db, person);
    assert.equal(data.introRequests[0]?.message, 'Hej! Vi söker sjuksköterskor i Falun.');
    assert.equal(data.introRequests[0]?.status, 'accepted');
    assert.ok(data.cardViews.length > 0);
    await f.db.transaction().execute((trx) => eraseEmployerData(trx, person));
    const left = await f.db
      .selectFrom('talent_intro_requests')
      .selectAll()
      .where('organisation_id', '=', f.employer)
      .where('message', '=', '')
      .where('status', '=', 'accepted')
      .execute();
    assert.equal(left.length, 1, 'the employer keeps that a request was accepted');
    assert.equal(left[0]!.account_id, null);
    const views = await f.db
      .selectFrom('talent_card_views')
      .select('id')
      .where('account_id', '=', people[0]!.accountId)
      .execute();
    assert.equal(views.length, 0);
  });

  it('deletes the person’s account with their part, the employer’s record kept without them', async () => {
    const person = people[1]!;
    const cookie = await f.cookieOf(person.accountId);
    const res = await f.post('/sv/me/delete', cookie, { confirm: person.email });
    assert.equal(res.statusCode, 303);
    const rows = await f.db
      .selectFrom('talent_intro_requests')
      .select(['account_id', 'message', 'status'])
      .where('organisation_id', '=', f.employer)
      .where('status', '=', 'declined')
      .where('message', '=', 'Vill du jobba hos oss?')
      .execute();
    assert.equal(rows.length, 0, 'the message to the person is gone');
    for (const table of ['talent_blocks', 'talent_card_views'] as const) {
      const left = await f.db
        .selectFrom(table)
        .select('account_id')
        .where('account_id', '=', person.accountId)
        .execute();
      assert.equal(left.length, 0, `nothing of the person in ${table}`);
    }
    const requests = await f.get('/admin/talent/requests', f.adminCookie);
    assert.match(requests.body, /Tackade nej/, 'the employer still sees that its request was declined');
  });

  it('says clearly when an answer link does not work', async () => {
    const res = await f.get('/sv/talent-pool/intro/not-a-real-token-at-all-xxxxx');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Länken fungerar inte/);
  });
});
