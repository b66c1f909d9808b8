/**
 * Identity hardening, from a security review reproduced against a running Lotsa: invitations are
 * limited per organisation and per recipient mailbox and their e-mails open with what the system
 * knows (the region, the organisation), never with an inviter's own text; sign-in limits count one
 * mailbox's +tags together.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { buildTestApp, unlimited } from '../helpers/app.ts';
import { createOrganisation, createPerson, sessionFor } from '../helpers/identity.ts';

/** A browser at one client address: a CSRF cookie and token, forms and JSON posted with them. */
async function browserAt(app: FastifyInstance, remoteAddress = '127.0.0.1') {
  const page = await app.inject({ url: '/sv/accessibility', remoteAddress });
  const csrfCookie = [page.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const headers = (cookie: string) => ({
    cookie: cookie ? `${cookie}; ${csrfCookie}` : csrfCookie,
    origin: 'http://localhost',
    host: 'localhost',
  });
  return {
    get: (url: string, cookie = '') => app.inject({ url, remoteAddress, headers: headers(cookie) }),
    post: (url: string, cookie: string, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams({ _csrf: token });
      for (const [key, value] of Object.entries(fields)) {
        for (const v of [value].flat()) body.append(key, v);
      }
      return app.inject({
        method: 'POST',
        url,
        remoteAddress,
        payload: body.toString(),
        headers: { ...headers(cookie), 'content-type': 'application/x-www-form-urlencoded' },
      });
    },
    postJson: (url: string, cookie: string, json: unknown) =>
      app.inject({
        method: 'POST',
        url,
        remoteAddress,
        payload: JSON.stringify(json),
        headers: {
          ...headers(cookie),
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': token,
        },
      }),
  };
}

const setDisplayName = (db: Kysely<DB>, accountId: string, name: string) =>
  db.updateTable('accounts').set({ display_name: name }).where('id', '=', accountId).execute();

const outboxTo = (db: Kysely<DB>, to: string) =>
  db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body'])
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .execute();

describe('invitation limits (finding 5) and sign-in limits per mailbox', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;

  it('an organisation sends at most 50 invitations a day: the 51st is 429 + Retry-After with the error by the field, in the admin’s language', async () => {
    const org = await createOrganisation(db, { name: 'Massutskick AB' });
    const admin = await createPerson(db, { role: 'employer_admin', organisationId: org, language: 'en' });
    const session = await sessionFor(db, admin.accountId);
    const browser = await browserAt(app, '10.0.5.1');
    for (let i = 1; i <= 50; i += 1) {
      const res = await browser.post(`/admin/organisations/${org}/members/invite`, session, {
        email: `recipient-${i}@example.org`,
        role: 'employer_member',
      });
      assert.equal(res.statusCode, 303, `invitation ${i}: ${res.body.slice(0, 200)}`);
    }
    const over = await browser.post(`/admin/organisations/${org}/members/invite`, session, {
      email: 'Recipient-51@Example.org',
      role: 'employer_member',
    });
    assert.equal(over.statusCode, 429);
    assert.ok(Number(over.headers['retry-after']) > 0, 'Retry-After');
    assert.match(over.body, /<html lang="en"/);
    assert.match(over.body, /id="email-error"/);
    assert.match(over.body, /50 invitations/);
    assert.match(over.body, /value="Recipient-51@Example.org"/, 'what was typed is shown again');
    assert.match(over.body, /<option value="employer_member" selected>/);
    const sent = await db
      .selectFrom('invitations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', org)
      .executeTakeFirstOrThrow();
    assert.equal(Number(sent.n), 50, 'no 51st invitation');
    assert.equal((await outboxTo(db, 'recipient-51@example.org')).length, 0, 'no 51st e-mail');
  });

  it('one mailbox gets at most 3 invitations a day across organisations; +tags and Gmail dots count as the same mailbox', async () => {
    const browser = await browserAt(app, '10.0.5.2');
    const inviteFrom = async (email: string, lang: 'sv' | 'en' = 'sv') => {
      const org = await createOrganisation(db);
      const admin = await createPerson(db, { role: 'employer_admin', organisationId: org, language: lang });
      const session = await sessionFor(db, admin.accountId);
      return browser.post(`/admin/organisations/${org}/members/invite`, session, {
        email,
        role: 'employer_member',
      });
    };
    assert.equal((await inviteFrom('anna+1@example.se')).statusCode, 303);
    assert.equal((await inviteFrom('Anna+2@example.se')).statusCode, 303);
    assert.equal((await inviteFrom('anna@example.se')).statusCode, 303);
    const fourth = await inviteFrom('anna+spam@example.se');
    assert.equal(fourth.statusCode, 429);
    assert.ok(Number(fourth.headers['retry-after']) > 0);
    assert.match(fourth.body, /<html lang="sv"/);
    assert.match(fourth.body, /id="email-error"/);
    assert.match(fourth.body, /value="anna\+spam@example.se"/);
    assert.equal((await outboxTo(db, 'anna+spam@example.se')).length, 0);
    // The stored address is the one typed: only the limit's key drops the tag.
    assert.equal((await outboxTo(db, 'anna+2@example.se')).length, 1);

    for (const email of ['j.doe@gmail.com', 'jdoe+x@googlemail.com', 'J.D.O.E@gmail.com']) {
      assert.equal((await inviteFrom(email, 'en')).statusCode, 303, email);
    }
    const gmail = await inviteFrom('jd.oe@gmail.com', 'en');
    assert.equal(gmail.statusCode, 429);
    assert.match(gmail.body, /<html lang="en"/);
    // Another mailbox at the same domain is not affected.
    assert.equal((await inviteFrom('other@example.se')).statusCode, 303);
  });

  it('sign-in e-mails per address count every +tag of one mailbox together', async () => {
    const browser = await browserAt(app, '10.0.5.3');
    for (let i = 1; i <= 5; i += 1) {
      const res = await browser.post('/sv/login', '', { email: `bertil+${i}@example.se` });
      assert.equal(res.statusCode, 200, `e-mail ${i}`);
    }
    const sixth = await browser.post('/sv/login', '', { email: 'bertil+6@example.se' });
    assert.equal(sixth.statusCode, 429);
    assert.ok(Number(sixth.headers['retry-after']) > 0);
    assert.equal((await outboxTo(db, 'bertil+6@example.se')).length, 0, 'no sixth e-mail');
    const gmail = await browserAt(app, '10.0.5.4');
    for (const email of [
      'c.e.s.a.r@gmail.com',
      'cesar@googlemail.com',
      'ce.sar+a@gmail.com',
      'cesar+b@gmail.com',
      'c.esar@gmail.com',
    ]) {
      assert.equal((await gmail.post('/sv/login', '', { email })).statusCode, 200, email);
    }
    assert.equal((await gmail.post('/sv/login', '', { email: 'CESAR@gmail.com' })).statusCode, 429);
  });
});

describe('what an invitation e-mail and page open with (finding 5)', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const browser = await browserAt(app);
  const org = await createOrganisation(db, { name: 'Siljans Bageri AB' });
  const phisher = await createPerson(db, { role: 'employer_admin', organisationId: org, language: 'sv' });
  // Written straight into the database: older rows, the CLI or a future form may hold anything.
  await setDisplayName(
    db,
    phisher.accountId,
    'Arbetsförmedlingen: ditt BankID har gått ut, förnya på https://evil.example/bankid\r\nRing 010-1234567 \u202Enu\u202C',
  );
  const session = await sessionFor(db, phisher.accountId);

  it('subject and first line name the region and the organisation; the inviter’s own text comes later, marked, one line, shortened, with no link', async () => {
    const res = await browser.post(`/admin/organisations/${org}/members/invite`, session, {
      email: 'mottagare@example.org',
      role: 'employer_member',
    });
    assert.equal(res.statusCode, 303);
    const [mail] = await outboxTo(db, 'mottagare@example.org');
    assert.ok(mail);
    assert.match(mail.subject, /Siljans Bageri AB/);
    assert.match(mail.subject, /Dalarna/);
    assert.doesNotMatch(mail.subject, /Arbetsförmedlingen|BankID|evil/);
    const lines = mail.text_body.split('\n').filter((l) => l.trim() !== '');
    const opening = lines.slice(0, 2).join('\n');
    assert.match(opening, /Siljans Bageri AB/);
    assert.match(opening, /Dalarna/);
    assert.doesNotMatch(opening, /Arbetsförmedlingen|BankID|evil/);
    const nameLine = lines.find((l) => l.includes('Arbetsförmedlingen'));
    assert.ok(nameLine, 'the inviter’s name is still there, later');
    assert.ok(lines.indexOf(nameLine) > 2, 'not in the opening');
    assert.match(nameLine, /själv/, 'marked as written by that person');
    assert.doesNotMatch(mail.text_body, /evil\.example/, 'no link can be smuggled');
    assert.doesNotMatch(mail.text_body, /https:\/\/evil/);
    assert.doesNotMatch(mail.text_body, /[\r\u202E\u202C]/, 'no control or direction characters');
    assert.doesNotMatch(mail.text_body, /Ring 010/, 'one line, shortened');
    const link = /http:\/\/localhost:3000\/sv\/invitations\/[A-Za-z0-9_-]+/.exec(mail.text_body);
    assert.ok(link, 'the system’s own link is there');

    const page = await browser.get(link[0].replace('http://localhost:3000', ''));
    assert.equal(page.statusCode, 200);
    const h1 = /<h1>([^<]*)<\/h1>/.exec(page.body)?.[1] ?? '';
    const lead = /<p class="lead">([\s\S]*?)<\/p>/.exec(page.body)?.[1] ?? '';
    assert.match(h1, /Siljans Bageri AB/);
    assert.match(lead, /Siljans Bageri AB/);
    assert.doesNotMatch(`${h1}${lead}`, /Arbetsförmedlingen|BankID/);
    assert.doesNotMatch(page.body, /evil\.example/);
  });

  it('accessibility feedback: the sender’s one-line fields cannot add lines to the mail to the region', async () => {
    const res = await browser.post('/sv/accessibility/feedback', '', {
      message: 'Knappen saknar namn.',
      page_url: '/sv/jobb\nÄrende: 1\nE-post: falsk@example.org',
      name: 'Åsa\r\nSida: https://evil.example',
      email: 'asa@example.org',
    });
    assert.equal(res.statusCode, 303);
    const mail = await db
      .selectFrom('mail_outbox')
      .select(['text_body'])
      .where('reply_to', '=', 'asa@example.org')
      .executeTakeFirstOrThrow();
    const lines = mail.text_body.split('\n');
    assert.equal(lines.filter((l) => /^E-post:/.test(l)).length, 1, 'one e-mail line');
    assert.equal(lines.filter((l) => /^Sida:/.test(l)).length, 1, 'one page line');
    assert.equal(lines.filter((l) => /^Ärende:/.test(l)).length, 1, 'one reference line');
  });
});
