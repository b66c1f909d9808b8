/**
 * Identity hardening, from a security review reproduced against a running Lotsa: invitations are
 * limited per organisation and per recipient mailbox and their e-mails open with what the system
 * knows (the region, the organisation), never with an inviter's own text; sign-in limits count one
 * mailbox's +tags together; two admins leaving an organisation at the same moment never strand it
 * or cause a 500; and erasing an account leaves nothing of the person in any table, and no API
 * token of theirs working.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { createToken } from '../../../src/modules/identity/admin/tokens.ts';
import { createInvitation } from '../../../src/modules/identity/invitations/service.ts';
import { createRegionDirectory } from '../../../src/modules/regions/service.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createOrganisation, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { SoftAuthenticator, cookieFrom } from '../../helpers/webauthn.ts';
import { tablesHolding as scanFor } from '../../helpers/db-scan.ts';

/** A browser at one client address: a CSRF cookie and token, forms and JSON posted with them. */
async function browserAt(app: FastifyInstance, remoteAddress = '127.0.0.1') {
  const { get, postForm, postJson } = await formClient(app, { remoteAddress });
  return { get, post: postForm, postJson };
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

describe('the last admin when two leave at once (finding 10)', async () => {
  const { app, database, queue } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const browser = await browserAt(app);
  const ROUNDS = 8;

  const twoAdmins = async () => {
    const org = await createOrganisation(db);
    const a = await createPerson(db, { role: 'employer_admin', organisationId: org, language: 'en' });
    const b = await createPerson(db, { role: 'employer_admin', organisationId: org, language: 'en' });
    return { org, a, b, sa: await sessionFor(db, a.accountId), sb: await sessionFor(db, b.accountId) };
  };
  const managers = async (org: string) =>
    db
      .selectFrom('memberships')
      .select('account_id')
      .where('organisation_id', '=', org)
      .where('role', '=', 'employer_admin')
      .execute();

  it('two admins demoting themselves at the same moment: one succeeds, the other is told the organisation needs an admin, never a 500', async () => {
    const rounds = await Promise.all(
      Array.from({ length: ROUNDS }, async () => {
        const { org, a, b, sa, sb } = await twoAdmins();
        const [ra, rb] = await Promise.all([
          browser.post(`/admin/organisations/${org}/members/${a.accountId}/role`, sa, {
            role: 'employer_member',
          }),
          browser.post(`/admin/organisations/${org}/members/${b.accountId}/role`, sb, {
            role: 'employer_member',
          }),
        ]);
        return { org, responses: [ra, rb] };
      }),
    );
    for (const { org, responses } of rounds) {
      assert.deepEqual(
        responses.map((r) => r.statusCode).sort(),
        [303, 422],
        responses.map((r) => r.body.slice(0, 200)).join('\n'),
      );
      const refused = responses.find((r) => r.statusCode === 422);
      assert.match(refused?.body ?? '', /only one who can manage/);
      assert.equal((await managers(org)).length, 1, 'one admin left');
    }
  });

  it('two admins removing themselves at the same moment: one succeeds, the other is told, never a 500', async () => {
    const rounds = await Promise.all(
      Array.from({ length: ROUNDS }, async () => {
        const { org, a, b, sa, sb } = await twoAdmins();
        const [ra, rb] = await Promise.all([
          browser.post(`/admin/organisations/${org}/members/${a.accountId}/remove`, sa, {}),
          browser.post(`/admin/organisations/${org}/members/${b.accountId}/remove`, sb, {}),
        ]);
        return { org, responses: [ra, rb] };
      }),
    );
    for (const { org, responses } of rounds) {
      assert.deepEqual(
        responses.map((r) => r.statusCode).sort(),
        [303, 422],
        responses.map((r) => r.body.slice(0, 200)).join('\n'),
      );
      assert.equal((await managers(org)).length, 1, 'one admin left');
    }
  });

  it('two admins removing each other at the same moment leave one admin, never none', async () => {
    const rounds = await Promise.all(
      Array.from({ length: ROUNDS }, async () => {
        const { org, a, b, sa, sb } = await twoAdmins();
        const responses = await Promise.all([
          browser.post(`/admin/organisations/${org}/members/${b.accountId}/remove`, sa, {}),
          browser.post(`/admin/organisations/${org}/members/${a.accountId}/remove`, sb, {}),
        ]);
        return { org, responses };
      }),
    );
    for (const { org, responses } of rounds) {
      const codes = responses.map((r) => r.statusCode);
      assert.ok(
        codes.every((c) => c < 500),
        responses.map((r) => r.body.slice(0, 200)).join('\n'),
      );
      assert.equal(codes.filter((c) => c === 303).length, 1, `one removal goes through: ${codes.join(',')}`);
      assert.equal((await managers(org)).length, 1, 'one admin left');
    }
  });

  it('a token or an invitation asked for by someone demoted a moment earlier is refused, not created', async () => {
    // The request was authorised as an admin; the demotion committed before its transaction ran.
    const { org, a } = await twoAdmins();
    await db
      .updateTable('memberships')
      .set({ role: 'employer_member' })
      .where('organisation_id', '=', org)
      .where('account_id', '=', a.accountId)
      .execute();
    const token = await createToken(db, {
      regionId: REGION,
      organisationId: org,
      name: 'Late token',
      scopes: ['OrgRead'],
      createdBy: a.accountId,
      actor: { id: a.accountId, label: '' },
    });
    assert.equal(token, undefined);
    const invitation = await createInvitation(
      { db, queue },
      {
        region: (await createRegionDirectory(db)).byId(REGION)!,
        organisation: { id: org, name: 'Org', kind: 'employer' },
        email: 'late@example.org',
        role: 'employer_member',
        inviter: { actor: { id: a.accountId, label: '' }, name: 'A', language: 'sv' },
        origin: 'http://localhost:3000',
      },
    );
    assert.deepEqual(invitation, { ok: false, reason: 'notManager' });
    assert.equal((await outboxTo(db, 'late@example.org')).length, 0, 'no e-mail');
  });

  it('the region’s last two admins deleting their accounts at the same moment: one is deleted, the other is told, never a 500', async () => {
    const regionOrg = await createOrganisation(db, { kind: 'region' });
    // Only these two admins in the region.
    await db
      .deleteFrom('memberships')
      .where('organisation_id', '=', regionOrg)
      .where('role', '=', 'admin')
      .execute();
    const a = await createPerson(db, { role: 'admin', organisationId: regionOrg });
    const b = await createPerson(db, { role: 'admin', organisationId: regionOrg });
    const sa = await sessionFor(db, a.accountId, { secondFactor: true });
    const sb = await sessionFor(db, b.accountId, { secondFactor: true });
    const responses = await Promise.all([
      browser.post('/en/me/delete', sa, { confirm: a.email }),
      browser.post('/en/me/delete', sb, { confirm: b.email }),
    ]);
    assert.deepEqual(
      responses.map((r) => r.statusCode).sort(),
      [303, 409],
      responses.map((r) => r.body.slice(0, 200)).join('\n'),
    );
    const admins = await db
      .selectFrom('memberships')
      .select('account_id')
      .where('organisation_id', '=', regionOrg)
      .where('role', '=', 'admin')
      .execute();
    assert.equal(admins.length, 1);
  });
});

describe('erasure and export cover every table (finding 12)', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;

  const tablesHolding = (needle: string) => scanFor(db, needle);

  const everything = async () => {
    const stamp = Date.now().toString(36);
    const email = `wilhelmina.${stamp}@example.org`;
    const name = `Wilhelmina Zetterqvist ${stamp}`;
    const freeText = `Knappen Skicka läses inte upp av skärmläsaren ${stamp}`;
    const org = await createOrganisation(db, { name: `Raderingsbolaget ${stamp} AB` });
    const person = await createPerson(db, {
      email,
      role: 'employer_admin',
      organisationId: org,
      totpSecret: 'JBSWY3DPEHPK3PXP',
      language: 'en',
    });
    await setDisplayName(db, person.accountId, name);
    const session = await sessionFor(db, person.accountId, { secondFactor: true, activeOrganisationId: org });
    await sessionFor(db, person.accountId);
    const browser = await browserAt(app);

    // A passkey, through the real ceremony (its options carry the address and name).
    const key = new SoftAuthenticator();
    const options = await browser.postJson('/en/me/passkeys/options', session, {});
    const handle = cookieFrom(options.headers, 'lotsa_webauthn')!;
    const added = await browser.postJson('/en/me/passkeys', `${session}; ${handle}`, {
      response: key.register(options.json()),
      name: `${name}s telefon`,
    });
    assert.equal(added.statusCode, 200, added.body);
    await db
      .insertInto('recovery_codes')
      .values({ region_id: REGION, account_id: person.accountId, code_hash: `recovery-${stamp}` })
      .execute();
    // An invitation sent (its e-mail, still unsent, names the sender) and one received.
    const sent = await browser.post(`/admin/organisations/${org}/members/invite`, session, {
      email: `colleague-${stamp}@example.org`,
      role: 'employer_member',
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    const other = await createOrganisation(db);
    const otherAdmin = await createPerson(db, { role: 'employer_admin', organisationId: other });
    const received = await browser.post(
      `/admin/organisations/${other}/members/invite`,
      await sessionFor(db, otherAdmin.accountId),
      { email, role: 'employer_member' },
    );
    assert.equal(received.statusCode, 303);
    // An API token.
    const tokenPage = await browser.post('/admin/tokens', session, {
      name: `Integration ${stamp}`,
      scopes: 'OrgRead',
    });
    assert.equal(tokenPage.statusCode, 200);
    const apiToken = /value="(lotsa_[A-Za-z0-9_-]+)"/.exec(tokenPage.body)?.[1] ?? '';
    assert.ok(apiToken);
    assert.equal(
      (await app.inject({ url: '/api/v1/organisation', headers: { authorization: `Bearer ${apiToken}` } }))
        .statusCode,
      200,
    );
    // Accessibility feedback with their address (in another case) and free text.
    const feedback = await browser.post('/en/accessibility/feedback', '', {
      message: freeText,
      page_url: '/en/jobs',
      name,
      email: email.toUpperCase(),
    });
    assert.equal(feedback.statusCode, 303);
    // The region answers it by e-mail, greeting them by name, and notes their words.
    const report = await db
      .selectFrom('accessibility_feedback')
      .select('id')
      .where('message', '=', freeText)
      .executeTakeFirstOrThrow();
    const regionAdmin = await createPerson(db, { role: 'admin' });
    const adminSession = await sessionFor(db, regionAdmin.accountId, { secondFactor: true });
    const answered = await browser.post(`/admin/accessibility-reports/${report.id}/answer`, adminSession, {
      answer: `Hej ${name}! Vi har rättat det.`,
    });
    assert.equal(answered.statusCode, 303, answered.body.slice(0, 300));
    const noted = await browser.post(`/admin/accessibility-reports/${report.id}/note`, adminSession, {
      note: `${name} skrev: ${freeText}`,
    });
    assert.equal(noted.statusCode, 303);
    // A sign-in e-mail (a login token and mail in the outbox) and a profile change (audit).
    assert.equal((await browser.post('/en/login', '', { email })).statusCode, 200);
    const profile = await browser.post('/en/me/profile', session, { display_name: name, language: 'sv' });
    assert.ok(profile.statusCode < 400, `profile: ${profile.statusCode}`);
    return { email, name, freeText, person, session, browser, apiToken, org, stamp };
  };

  it('deleting an account leaves its address, name and free text in no table, and its API token stops working', async () => {
    const p = await everything();
    for (const needle of [p.email, p.name, p.freeText]) {
      assert.ok((await tablesHolding(needle)).length > 0, `the scan finds ${needle} before`);
    }
    const [invitationMail] = await outboxTo(db, `colleague-${p.stamp}@example.org`);
    assert.ok(invitationMail?.text_body.includes(p.name), 'the unsent invitation e-mail names its sender');
    const res = await p.browser.post('/en/me/delete', p.session, { confirm: p.email });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(res.headers.location, '/en/me/deleted');
    const left: Record<string, string[]> = {};
    for (const needle of [p.email, p.name, p.freeText]) {
      const tables = await tablesHolding(needle);
      if (tables.length > 0) left[needle] = tables;
    }
    assert.deepEqual(left, {}, 'something of the person remains');
    const api = await app.inject({
      url: '/api/v1/organisation',
      headers: { authorization: `Bearer ${p.apiToken}` },
    });
    assert.equal(api.statusCode, 401, 'the token of a deleted person no longer works');
    // The audit trail keeps a pseudonymous id: the deletion itself, by that id.
    const deleted = await db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'account.deleted')
      .where('subject_id', '=', p.person.accountId)
      .executeTakeFirst();
    assert.equal(deleted?.actor_id, p.person.accountId);
  });

  it('an API token stops working when its creator loses the role or the membership that allowed it', async () => {
    const org = await createOrganisation(db);
    const keeper = await createPerson(db, { role: 'employer_admin', organisationId: org });
    const keeperSession = await sessionFor(db, keeper.accountId);
    const browser = await browserAt(app);
    const tokenOf = async (accountId: string, name: string) => {
      const session = await sessionFor(db, accountId, { activeOrganisationId: org });
      const page = await browser.post('/admin/tokens', session, { name, scopes: 'OrgRead' });
      assert.equal(page.statusCode, 200);
      return /value="(lotsa_[A-Za-z0-9_-]+)"/.exec(page.body)?.[1] ?? '';
    };
    const works = async (token: string) =>
      (await app.inject({ url: '/api/v1/organisation', headers: { authorization: `Bearer ${token}` } }))
        .statusCode;

    const demoted = await createPerson(db, { role: 'employer_admin', organisationId: org });
    const removed = await createPerson(db, { role: 'employer_admin', organisationId: org });
    const demotedToken = await tokenOf(demoted.accountId, 'Demoted’s token');
    const removedToken = await tokenOf(removed.accountId, 'Removed’s token');
    const keeperToken = await tokenOf(keeper.accountId, 'Keeper’s token');
    assert.equal(await works(demotedToken), 200);

    const demote = await browser.post(
      `/admin/organisations/${org}/members/${demoted.accountId}/role`,
      keeperSession,
      {
        role: 'employer_member',
      },
    );
    assert.equal(demote.statusCode, 303);
    const remove = await browser.post(
      `/admin/organisations/${org}/members/${removed.accountId}/remove`,
      keeperSession,
      {},
    );
    assert.equal(remove.statusCode, 303);
    assert.equal(await works(demotedToken), 401, 'demoted: token revoked');
    assert.equal(await works(removedToken), 401, 'removed: token revoked');
    assert.equal(await works(keeperToken), 200, 'others’ tokens keep working');
    const revoked = await db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'api_token.revoked')
      .where('organisation_id', '=', org)
      .execute();
    assert.equal(revoked.length, 2, 'each revocation audited');
  });

  it('the export lists the person’s API tokens (never the secret) and the accessibility reports sent from their address', async () => {
    const p = await everything();
    const res = await app.inject({ url: '/en/me/export.json', headers: { cookie: p.session } });
    assert.equal(res.statusCode, 200);
    const data = res.json() as {
      apiTokens?: { name: string; scopes: string[]; createdAt: string; lastUsedAt: string | null }[];
      accessibilityReports?: { message: string; name: string | null; createdAt: string }[];
    };
    assert.equal(data.apiTokens?.length, 1);
    assert.equal(data.apiTokens?.[0]?.name, `Integration ${p.stamp}`);
    assert.deepEqual(data.apiTokens?.[0]?.scopes, ['OrgRead']);
    assert.ok(data.apiTokens?.[0]?.lastUsedAt, 'when it was last used');
    assert.ok(!res.body.includes(p.apiToken), 'never the token');
    assert.ok(!res.body.includes(p.apiToken.slice(0, 10)), 'nor its prefix');
    assert.equal(data.accessibilityReports?.length, 1);
    assert.equal(data.accessibilityReports?.[0]?.message, p.freeText);
  });
});
