/**
 * The navigator's case file on a household's journey (found in the new-user review): a navigator in
 * Falun (Swedish) reads the case file of a household that asked on /en/move and then used its own
 * moving page, as a real household would (no createCase).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createOrganisation } from '../../helpers/identity.ts';
import { createNavigator } from '../../helpers/relocation.ts';

const request = (email: string) => ({
  needs: ['job', 'partner_job', 'school', 'housing'],
  municipality: '2080',
  channel: 'email',
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

describe('journey: the navigator’s case file', async () => {
  const t = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = t.database.db;
  const client = await formClient(t.app);
  const anna = await createNavigator(db, {
    municipalityCode: '2080',
    name: 'Anna Lind',
    email: 'anna.lind@example.org',
    language: 'sv',
  });
  const employer = await createOrganisation(db, { name: 'Dalarnas Skolbolag AB' });

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
    const line = [opened.headers['set-cookie']].flat().find((c) => /session/i.test(String(c)));
    const cookie = String(line).split(';')[0]!;
    const main = await db
      .selectFrom('relocation_persons')
      .select(['id', 'case_id'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return { cookie, caseId: main.case_id, mainId: main.id };
  }

  const historyOf = (body: string) => body.slice(body.indexOf('id="history"'));
  /** The case file above its history, without the choices of its forms (a close reason says "drog tillbaka"). */
  const beforeHistory = (body: string) =>
    body.slice(0, body.indexOf('id="history"')).replace(/<option[^>]*>[^<]*<\/option>/g, '');

  it('the history reads as sentences, never as codes such as “Någon: created.” or “ana: consent.withdrawn.”', async () => {
    const h = await askAndOpen('ana.history@example.org');
    await client.postForm('/en/me/move/checklist', h.cookie, {
      case: h.caseId,
      step: 'documents',
      done: 'yes',
    });
    await client.postForm('/en/me/move/consent', h.cookie, {
      case: h.caseId,
      person: h.mainId,
      purpose: 'ambassador',
      action: 'withdraw',
    });
    const intro = await client.postForm(`/admin/cases/${h.caseId}/introductions`, anna.cookie, {
      person: h.mainId,
      organisation: employer,
      message: 'Ana är ingenjör',
    });
    assert.equal(intro.statusCode, 303, intro.body.slice(0, 300));
    const file = await client.get(`/admin/cases/${h.caseId}`, anna.cookie);
    assert.equal(file.statusCode, 200);
    const history = historyOf(file.body);
    const codes = [
      ...history.matchAll(
        /: (created|meeting\.booked|account\.linked|consent\.(?:given|withdrawn)|checklist\.(?:done|undone)|household\.updated|introduction\.sent|document\.added)\./g,
      ),
    ].map((m) => m[1]);
    assert.deepEqual(codes, [], `the Swedish history reads: ${codes.join(', ')}`);
  });

  it('a household that withdraws its consent to be contacted is flagged to the navigator: the case file, the inbox, an e-mail', async () => {
    const h = await askAndOpen('ana.withdraw@example.org');
    const withdrawn = await client.postForm('/en/me/move/consent', h.cookie, {
      case: h.caseId,
      person: h.mainId,
      purpose: 'contact',
      action: 'withdraw',
    });
    assert.equal(withdrawn.statusCode, 303);
    const file = await client.get(`/admin/cases/${h.caseId}`, anna.cookie);
    assert.equal(file.statusCode, 200);
    // Only a missing line under "Samtycken" (and a code in the history) tells her; the case stays
    // "Ny" in her inbox with the first-response clock running, and she goes on contacting them.
    assert.match(
      beforeHistory(file.body),
      /drog tillbaka|dragit tillbaka|återkall/i,
      'nothing above the history says the household no longer wants to be contacted',
    );
    assert.match(beforeHistory(file.body), /Hushållet vill inte längre bli kontaktat/);
    assert.ok(
      file.body.indexOf('Hushållet vill inte längre bli kontaktat') < file.body.indexOf('id="facts"'),
      'said at the top',
    );
    const inbox = await client.get('/admin/cases', anna.cookie);
    const row = new RegExp(`${h.caseId}[\\s\\S]{0,300}Vill inte bli kontaktad`);
    assert.match(inbox.body, row, 'the inbox row is marked');
    const mail = await db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body', 'language'])
      .where('to_address', '=', 'anna.lind@example.org')
      .where('subject', 'like', '%vill inte längre bli kontaktat%')
      .executeTakeFirstOrThrow();
    assert.equal(mail.language, 'sv');
    assert.match(mail.text_body, new RegExp(`/admin/cases/${h.caseId}`));
    // Nothing is deleted: the household and the case are there.
    const persons = await db
      .selectFrom('relocation_persons')
      .select('id')
      .where('case_id', '=', h.caseId)
      .execute();
    assert.equal(persons.length, 4);
    // A meeting planned now is not mailed to a household that asked not to be contacted.
    const planned = await client.postForm(`/admin/cases/${h.caseId}/meetings`, anna.cookie, {
      date: '2027-05-03',
      time: '10:00',
      minutes: '30',
      channel: 'phone',
      place: '',
      note: '',
    });
    assert.equal(planned.statusCode, 303);
    const toHousehold = await db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', 'ana.withdraw@example.org')
      .execute();
    assert.equal(toHousehold.length, 1, 'only the welcome mail');
    // Given again, the alert is gone.
    await client.postForm('/en/me/move/consent', h.cookie, {
      case: h.caseId,
      person: h.mainId,
      purpose: 'contact',
      action: 'give',
    });
    const again = await client.get(`/admin/cases/${h.caseId}`, anna.cookie);
    assert.doesNotMatch(again.body, /Hushållet vill inte längre bli kontaktat/);
  });

  it('“Det hushållet redan berättat” says “Frågade från sidan move” (a route name)', async () => {
    const h = await askAndOpen('ana.source@example.org');
    const file = await client.get(`/admin/cases/${h.caseId}`, anna.cookie);
    assert.doesNotMatch(file.body, /Frågade från sidan move\b/);
    assert.match(file.body, /Frågade via formuläret ”Fråga en lots”/);
  });

  it('a handover tells the household by e-mail who their navigator is now', async () => {
    const h = await askAndOpen('ana.handover@example.org');
    const erik = await createNavigator(db, {
      municipalityCode: '2080',
      name: 'Erik Berg',
      email: 'erik.berg@example.org',
    });
    const colleague = await db
      .selectFrom('memberships')
      .select(['account_id', 'organisation_id'])
      .where('account_id', '=', erik.accountId)
      .executeTakeFirstOrThrow();
    const handed = await client.postForm(`/admin/cases/${h.caseId}/handover`, anna.cookie, {
      navigator: `${colleague.account_id}:${colleague.organisation_id}`,
      note: 'Erik kan skolfrågorna bäst.',
    });
    assert.equal(handed.statusCode, 303, handed.body.slice(0, 300));
    const mail = await db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body', 'language', 'reply_to'])
      .where('to_address', '=', 'ana.handover@example.org')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(mail.language, 'en');
    assert.match(mail.subject, /you have a new navigator/);
    assert.match(mail.text_body, /Your navigator is now Erik Berg, /);
    assert.equal(mail.reply_to, 'erik.berg@example.org');
    assert.doesNotMatch(mail.text_body, /skolfrågorna/, 'the colleagues’ note stays between them');
  });
});
