/**
 * Review (new users): a navigator in Falun (Swedish) reads the case file of a household that asked
 * on /en/move and then used its own moving page, as a real household would (no createCase).
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

describe('review-newuser: the navigator’s case file', async () => {
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

  it('the history shows codes such as “Någon: created.” and “ana: consent.withdrawn.” instead of sentences', async () => {
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

  it('a household that withdraws its consent to be contacted is not flagged to the navigator', async () => {
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
  });

  it('“Det hushållet redan berättat” says “Frågade från sidan move” (a route name)', async () => {
    const h = await askAndOpen('ana.source@example.org');
    const file = await client.get(`/admin/cases/${h.caseId}`, anna.cookie);
    assert.doesNotMatch(file.body, /Frågade från sidan move\b/);
  });
});
