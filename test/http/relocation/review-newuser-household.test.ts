/**
 * Review (new users): an engineer in Lisbon asks a navigator on /en/move with her partner and two
 * children, reads the receipt, opens her moving page, and later answers the follow-up survey. Each
 * test goes through the real form and links (not createCase), as the household would.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createSignInLink } from '../../../src/modules/identity/login/service.ts';
import { sendFollowups } from '../../../src/modules/relocation/household/followups.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { REGION } from '../../helpers/identity.ts';
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

describe('review-newuser: the household’s journey', async () => {
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

  it('a household that asks for help with the partner’s job can never let the navigator introduce the partner to an employer', async () => {
    const form = await client.get('/en/move');
    const h = await askAndOpen('ana.partner@example.org');
    const own = await client.get('/en/me/move', h.cookie);
    assert.equal(own.statusCode, 200);
    // Neither the request form nor the moving page offers any way for the partner's consent to be
    // given: no partner e-mail (to invite them), no consent for the partner, no form for their person.
    const formOffersPartner = /name="partner_(email|consents?)"/.test(form.body);
    const pageOffersPartner = own.body.includes(`name="person" value="${h.partnerId}"`);
    assert.ok(
      formOffersPartner || pageOffersPartner,
      'neither /en/move nor /en/me/move lets João (or Ana for him) agree to be introduced to employers',
    );
    // …so the navigator, whom the household asked for "A job for my partner", is stuck:
    const file = await client.get(`/admin/cases/${h.caseId}`, anna.cookie);
    assert.doesNotMatch(
      file.body,
      /João Ferreira[^<]*<\/[^>]+>[\s\S]{0,400}Har inte gått med på att lotsen presenterar hen/,
    );
    assert.match(file.body, new RegExp(`introductions\\?person=${h.partnerId}`));
  });

  it('the receipt’s “See your moving checklist”, after signing in with the same e-mail, says there is no case', async () => {
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
  });

  it('an in-person meeting the navigator plans shows the household when but never where', async () => {
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
  });

  it('the follow-up survey’s thank-you page offers “På svenska” that leads to a page not found', async () => {
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
