/**
 * The household's journey (found in the new-user review): an engineer in Lisbon asks a navigator on
 * /en/move with her partner and two children, reads the receipt, opens her moving page, and later
 * answers the follow-up survey. Each test goes through the real form and links (not createCase), as
 * the household would.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createSignInLink } from '../../../src/modules/identity/login/service.ts';
import { sendFollowups } from '../../../src/modules/relocation/household/followups.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, REGION } from '../../helpers/identity.ts';
import { createNavigator } from '../../helpers/relocation.ts';

const request = (email: string) => ({
  needs: ['job', 'partner_job', 'school', 'housing'],
  municipality: '2080',
  channel: 'video',
  language: 'en',
  citizenship: 'eu',
  has_partner: 'yes',
  partner_name: 'João Ferreira',
  partner_citizenship: 'eu',
  partner_occupation: 'Teacher',
  children: '4, 9',
  housing: 'rent',
  message: '',
  name: 'Ana Ferreira',
  email,
  phone: '',
  consent_contact: 'yes',
  consents: ['followup', 'employers', 'ambassador'],
  action: 'send',
  slot: 'none',
});

const sessionCookie = (setCookie: unknown): string => {
  const line = [setCookie].flat().find((c) => /session/i.test(String(c)));
  assert.ok(line, 'a session cookie is set');
  return String(line).split(';')[0]!;
};

describe('journey: the household’s journey', async () => {
  const t = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = t.database.db;
  const client = await formClient(t.app);
  const anna = await createNavigator(db, {
    municipalityCode: '2080',
    name: 'Anna Lind',
    email: 'anna.lind@example.org',
  });

  /** Sends the English request and opens the e-mailed welcome link; the household's session and case. */
  async function askAndOpen(email: string) {
    const sent = await client.postForm('/en/move', '', request(email));
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const welcome = /\/en\/move\/welcome\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)![0];
    const opened = await client.postForm(welcome, '', {});
    assert.equal(opened.statusCode, 303);
    const cookie = sessionCookie(opened.headers['set-cookie']);
    const main = await db
      .selectFrom('relocation_persons')
      .select(['id', 'case_id'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const partner = await db
      .selectFrom('relocation_persons')
      .select('id')
      .where('case_id', '=', main.case_id)
      .where('role', '=', 'partner')
      .executeTakeFirstOrThrow();
    return { cookie, caseId: main.case_id, mainId: main.id, partnerId: partner.id, receipt: sent };
  }

  it('a household that asks for help with the partner’s job lets the navigator introduce the partner once the main mover gives the partner’s consent', async () => {
    const form = await client.get('/en/move');
    assert.match(form.body, /name="partner_email"/, 'the form asks for the partner’s e-mail');
    assert.match(form.body, /On behalf of your partner, if they have agreed/);
    assert.match(form.body, /name="partner_consents" value="employers"/);
    const h = await askAndOpen('ana.partner@example.org');
    const own = await client.get('/en/me/move', h.cookie);
    assert.equal(own.statusCode, 200);
    // João has no account: Ana gives and withdraws his consents on his behalf.
    assert.ok(
      own.body.includes(`name="person" value="${h.partnerId}"`),
      'the moving page offers João’s consents',
    );
    assert.match(own.body, /Consents for João Ferreira, which you give or withdraw on their behalf/);
    const before = await client.get(`/admin/cases/${h.caseId}`, anna.cookie);
    assert.doesNotMatch(before.body, new RegExp(`introductions\\?person=${h.partnerId}`));
    const given = await client.postForm('/en/me/move/consent', h.cookie, {
      case: h.caseId,
      person: h.partnerId,
      purpose: 'employers',
      action: 'give',
    });
    assert.equal(given.statusCode, 303);
    // …so the navigator, whom the household asked for "A job for my partner", can introduce him:
    const file = await client.get(`/admin/cases/${h.caseId}`, anna.cookie);
    assert.doesNotMatch(
      file.body,
      /João Ferreira[^<]*<\/[^>]+>[\s\S]{0,400}Har inte gått med på att lotsen presenterar hen/,
    );
    assert.match(file.body, new RegExp(`introductions\\?person=${h.partnerId}`));
    const audit = await db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'relocation.consent.given')
      .where('subject_id', '=', h.caseId)
      .executeTakeFirstOrThrow();
    assert.equal((audit.data as Record<string, unknown>).forPartner, true);
  });

  it('the request form stores the partner’s e-mail, the consents given on their behalf, and the main mover’s occupation', async () => {
    const email = 'ana.partnerform@example.org';
    const sent = await client.postForm('/en/move', '', {
      ...request(email),
      occupation: 'Civil engineer',
      partner_email: ' Joao.Ferreira@Example.org ',
      partner_consents: ['contact', 'employers'],
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    const persons = await db
      .selectFrom('relocation_persons as p')
      .innerJoin('relocation_persons as m', 'm.case_id', 'p.case_id')
      .select(['p.id', 'p.role', 'p.email', 'p.occupation', 'p.case_id'])
      .where('m.email', '=', email)
      .where('p.role', 'in', ['main', 'partner'])
      .execute();
    const main = persons.find((p) => p.role === 'main')!;
    const partner = persons.find((p) => p.role === 'partner')!;
    assert.equal(main.occupation, 'Civil engineer');
    assert.equal(partner.email, 'joao.ferreira@example.org');
    assert.equal(partner.occupation, 'Teacher');
    const consents = await db
      .selectFrom('relocation_consents')
      .select('purpose')
      .where('person_id', '=', partner.id)
      .where('withdrawn_at', 'is', null)
      .orderBy('purpose')
      .execute();
    assert.deepEqual(
      consents.map((c) => c.purpose),
      ['contact', 'employers'],
    );
    const file = await client.get(`/admin/cases/${main.case_id}`, anna.cookie);
    assert.match(file.body, new RegExp(`introductions\\?person=${partner.id}`));
    assert.match(file.body, /Civil engineer/);
  });

  it('a partner’s e-mail or consent that is not one re-shows the form with the error by the field', async () => {
    const sent = await client.postForm('/en/move', '', {
      ...request('ana.partnerbad@example.org'),
      occupation: 'Civil engineer',
      partner_email: 'joao at home',
      partner_consents: ['employers', 'everything'],
    });
    assert.equal(sent.statusCode, 400);
    assert.match(sent.body, /id="partner_email-error"[^>]*>Give an e-mail address/);
    assert.match(sent.body, /value="joao at home"/);
    assert.match(sent.body, /value="Civil engineer"/);
    assert.match(sent.body, /href="#partner_consents-contact"/);
    const none = await db
      .selectFrom('relocation_persons')
      .select('id')
      .where('email', '=', 'ana.partnerbad@example.org')
      .execute();
    assert.equal(none.length, 0);
  });

  it('a partner with an account of their own gives their consents themself: the main mover cannot act for them', async () => {
    const h = await askAndOpen('ana.partneraccount@example.org');
    const joao = await createPerson(db, { email: 'joao.own@example.org' });
    await db
      .updateTable('relocation_persons')
      .set({ account_id: joao.accountId })
      .where('id', '=', h.partnerId)
      .execute();
    const own = await client.get('/en/me/move', h.cookie);
    assert.ok(!own.body.includes(`name="person" value="${h.partnerId}"`));
    const tried = await client.postForm('/en/me/move/consent', h.cookie, {
      case: h.caseId,
      person: h.partnerId,
      purpose: 'employers',
      action: 'give',
    });
    assert.equal(tried.statusCode, 404);
  });

  it('the receipt’s “See your moving checklist”, after signing in with the same e-mail, shows the case (linked on the spot)', async () => {
    const email = 'ana.receipt@example.org';
    const sent = await client.postForm('/en/move', '', request(email));
    assert.equal(sent.statusCode, 303);
    const receipt = await client.get(sent.headers.location as string);
    assert.match(receipt.body, /href="\/en\/me\/move"/, 'the receipt links to the moving page');
    // Not signed in yet, she presses the button and signs in with the address she just gave.
    const link = await createSignInLink(db, {
      regionId: REGION,
      email,
      language: 'en',
      origin: 'http://localhost:3000',
      nextPath: '/en/me/move',
    });
    const token = /\/login\/link\/([A-Za-z0-9_-]{43})/.exec(link.url)![1]!;
    const signedIn = await client.postForm('/en/login/link', '', { token });
    assert.equal(signedIn.statusCode, 303, signedIn.body.slice(0, 300));
    const cookie = sessionCookie(signedIn.headers['set-cookie']);
    const own = await client.get('/en/me/move', cookie);
    assert.equal(own.statusCode, 200);
    assert.doesNotMatch(
      own.body,
      /You have no relocation case with us yet/,
      'the page tells her to ask a navigator again (which makes a duplicate case)',
    );
    assert.match(own.body, /Anna Lind/);
    const main = await db
      .selectFrom('relocation_persons as p')
      .innerJoin('relocation_cases as c', 'c.id', 'p.case_id')
      .select(['p.account_id as personAccount', 'c.account_id as caseAccount', 'c.id'])
      .where('p.email', '=', email)
      .executeTakeFirstOrThrow();
    assert.ok(main.personAccount && main.personAccount === main.caseAccount, 'person and case are linked');
    const events = await db
      .selectFrom('relocation_case_events')
      .select('kind')
      .where('case_id', '=', main.id)
      .where('kind', '=', 'account.linked')
      .execute();
    assert.equal(events.length, 1);
    const file = await client.get(`/admin/cases/${main.id}`, anna.cookie);
    assert.match(file.body, /loggade in med e-postadressen från förfrågan och fick ärendet kopplat/);
    // Once, not at every visit.
    await client.get('/en/me/move', cookie);
    const again = await db
      .selectFrom('relocation_case_events')
      .select('kind')
      .where('case_id', '=', main.id)
      .where('kind', '=', 'account.linked')
      .execute();
    assert.equal(again.length, 1);
  });

  it('the receipt and the welcome page switch language to the same page, not to an empty form', async () => {
    const email = 'ana.switch@example.org';
    const sent = await client.postForm('/en/move', '', request(email));
    const receipt = await client.get(sent.headers.location as string);
    const swedish = /<a [^>]*href="(\/sv\/[^"]*)"[^>]*>På svenska/.exec(receipt.body)?.[1];
    assert.ok(swedish, 'the receipt has a link to Swedish');
    assert.ok(swedish.startsWith('/sv/move/thanks/'), `the receipt’s switch leads to ${swedish}`);
    const sv = await client.get(swedish);
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /Tack! Din lots hör av sig/);
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow();
    const welcome = /\/en\/move\/welcome\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)![0];
    const page = await client.get(welcome);
    const svWelcome = /<a [^>]*href="(\/sv\/[^"]*)"[^>]*>På svenska/.exec(page.body)?.[1];
    assert.equal(svWelcome, welcome.replace('/en/', '/sv/'));
    assert.match((await client.get(svWelcome)).body, /Öppna din flyttsida/);
  });

  it('signing in links only open cases whose main mover gave that address (any case, spaces), never another’s', async () => {
    const email = 'ana.section@example.org';
    const sent = await client.postForm('/en/move', '', request(email));
    assert.equal(sent.statusCode, 303);
    const mine = await db
      .selectFrom('relocation_persons')
      .select(['id', 'case_id'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('relocation_persons')
      .set({ email: '  Ana.Section@Example.ORG ' })
      .where('id', '=', mine.id)
      .execute();
    // A closed case with the same address, and one an account already holds, stay as they are.
    const closed = await client.postForm('/en/move', '', request('ana.closed@example.org'));
    assert.equal(closed.statusCode, 303);
    const closedCase = await db
      .selectFrom('relocation_persons')
      .select(['id', 'case_id'])
      .where('email', '=', 'ana.closed@example.org')
      .executeTakeFirstOrThrow();
    await db.updateTable('relocation_persons').set({ email }).where('id', '=', closedCase.id).execute();
    await db
      .updateTable('relocation_cases')
      .set({ stage: 'closed' })
      .where('id', '=', closedCase.case_id)
      .execute();
    const held = await client.postForm('/en/move', '', request('ana.held@example.org'));
    assert.equal(held.statusCode, 303);
    const heldCase = await db
      .selectFrom('relocation_persons')
      .select(['id', 'case_id'])
      .where('email', '=', 'ana.held@example.org')
      .executeTakeFirstOrThrow();
    const other = await createPerson(db, { email: 'someone.else@example.org' });
    await db.updateTable('relocation_persons').set({ email }).where('id', '=', heldCase.id).execute();
    await db
      .updateTable('relocation_cases')
      .set({ account_id: other.accountId })
      .where('id', '=', heldCase.case_id)
      .execute();
    const link = await createSignInLink(db, {
      regionId: REGION,
      email,
      language: 'en',
      origin: 'http://localhost:3000',
      nextPath: '/en/me',
    });
    const token = /\/login\/link\/([A-Za-z0-9_-]{43})/.exec(link.url)![1]!;
    const signedIn = await client.postForm('/en/login/link', '', { token });
    const cookie = sessionCookie(signedIn.headers['set-cookie']);
    // The own page's section links it as the moving page does.
    const me = await client.get('/en/me', cookie);
    assert.equal(me.statusCode, 200);
    assert.match(me.body, /id="move"/);
    const cases = await db
      .selectFrom('relocation_cases')
      .select(['id', 'account_id'])
      .where('id', 'in', [mine.case_id, closedCase.case_id, heldCase.case_id])
      .execute();
    const byId = new Map(cases.map((c) => [c.id, c.account_id]));
    assert.ok(byId.get(mine.case_id), 'the open case is linked');
    assert.equal(byId.get(closedCase.case_id), null, 'the closed case is not');
    assert.equal(byId.get(heldCase.case_id), other.accountId, 'another account’s case stays theirs');
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', mine.case_id)
      .where('action', '=', 'relocation.case.linked_by_email')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('an in-person meeting the navigator plans shows the household when and where, and they are told by e-mail', async () => {
    const h = await askAndOpen('ana.meeting@example.org');
    const planned = await client.postForm(`/admin/cases/${h.caseId}/meetings`, anna.cookie, {
      date: '2027-03-29',
      time: '14:30',
      minutes: '45',
      channel: 'in_person',
      place: 'Stadshuset, Slottsgatan 1, Falun',
      note: '',
    });
    assert.equal(planned.statusCode, 303, planned.body.slice(0, 300));
    const own = await client.get('/en/me/move', h.cookie);
    assert.match(own.body, /29 March 2027 at 14:30/);
    assert.match(
      own.body,
      /Stadshuset, Slottsgatan 1, Falun/,
      'the household is told to meet in person but not where (the place is read, never shown)',
    );
    const mails = async () =>
      db
        .selectFrom('mail_outbox')
        .select(['subject', 'text_body', 'reply_to', 'language'])
        .where('to_address', '=', 'ana.meeting@example.org')
        .orderBy('id')
        .execute();
    const planMail = (await mails()).at(-1)!;
    assert.equal(planMail.language, 'en', 'in the case’s language');
    assert.equal(planMail.reply_to, 'anna.lind@example.org');
    assert.match(planMail.text_body, /Anna Lind has booked a time with you: Monday,? 29 March 2027 at 14:30/);
    assert.match(planMail.text_body, /meeting in person/);
    assert.match(planMail.text_body, /Place: Stadshuset, Slottsgatan 1, Falun/);
    assert.match(planMail.text_body, /http:\/\/localhost(:\d+)?\/en\/me\/move/);
    const meeting = await db
      .selectFrom('relocation_meetings')
      .select('id')
      .where('case_id', '=', h.caseId)
      .executeTakeFirstOrThrow();
    const cancelled = await client.postForm(
      `/admin/cases/${h.caseId}/meetings/${meeting.id}/cancel`,
      anna.cookie,
      {},
    );
    assert.equal(cancelled.statusCode, 303);
    const cancelMail = (await mails()).at(-1)!;
    assert.match(cancelMail.subject, /is cancelled/);
    assert.match(
      cancelMail.text_body,
      /Monday,? 29 March 2027 at 14:30 \(Swedish time, meeting in person\) is cancelled/,
    );
  });

  it('a video meeting in a Swedish case: the link on the page, the mail in Swedish', async () => {
    const email = 'ana.video@example.org';
    const sent = await client.postForm('/en/move', '', { ...request(email), language: 'sv' });
    assert.equal(sent.statusCode, 303);
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow();
    const welcome = /\/en\/move\/welcome\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)![0];
    const cookie = sessionCookie((await client.postForm(welcome, '', {})).headers['set-cookie']);
    const { case_id: caseId } = await db
      .selectFrom('relocation_persons')
      .select('case_id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    await client.postForm(`/admin/cases/${caseId}/meetings`, anna.cookie, {
      date: '2027-04-06',
      time: '09:00',
      minutes: '30',
      channel: 'video',
      place: 'https://meet.example.org/falun-lots',
      note: '',
    });
    const own = await client.get('/en/me/move', cookie);
    assert.match(own.body, /Link: <a href="https:\/\/meet\.example\.org\/falun-lots"/);
    const planned = await db
      .selectFrom('mail_outbox')
      .select(['text_body', 'language'])
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(planned.language, 'sv');
    assert.match(planned.text_body, /Hej Ana Ferreira!/);
    assert.match(planned.text_body, /tisdag 6 april 2027 09:00 \(svensk tid\), videosamtal, 30 min/);
    assert.match(planned.text_body, /Länk: https:\/\/meet\.example\.org\/falun-lots/);
  });

  it('the follow-up survey’s thank-you page offers “På svenska” that leads to a page that exists; the mail links to the moving page', async () => {
    const h = await askAndOpen('ana.survey@example.org');
    await db
      .updateTable('relocation_cases')
      .set({
        stage: 'moved',
        moved_on: sql`current_date - interval '100 days'`,
        outcome_municipality: '2080',
      })
      .where('id', '=', h.caseId)
      .execute();
    await sendFollowups(db, t.queue, { publicOrigin: 'http://localhost:3000' });
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'ana.survey@example.org')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const survey = /\/en\/move\/followup\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];
    assert.match(
      mail.text_body,
      /withdraw your consent on your moving page:\nhttp:\/\/localhost(:\d+)?\/en\/me\/move\n/,
    );
    const thanks = await client.postForm(survey, '', {
      living: 'yes',
      municipality: '2080',
      main: 'employed',
      partner: 'searching',
      satisfied: '4',
      helped: '',
    });
    assert.equal(thanks.statusCode, 200);
    assert.match(thanks.body, /Thank you for your answers/);
    const swedish = /<a [^>]*href="(\/sv\/[^"]*)"[^>]*>På svenska/.exec(thanks.body)?.[1];
    assert.ok(swedish, 'the page has a link to Swedish');
    const followed = await client.get(swedish);
    assert.equal(followed.statusCode, 200, `“På svenska” leads to ${swedish}: ${followed.statusCode}`);
  });
});
