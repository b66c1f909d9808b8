/**
 * Invitations end to end: the mail arrives at a real SMTP server in the right language, its link
 * shows a confirm page, accepting creates the account, the membership and a session (replacing
 * another signed-in person's), and a link works once — used, revoked and expired links get 410.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import {
  auditActions,
  createOrganisation,
  createPerson,
  REGION,
  sessionFor,
  roleIn,
} from '../../helpers/identity.ts';
import { decodeQuotedPrintable, linkIn, newestMailTo, startSmtpServer } from '../../helpers/smtp.ts';

describe('invitations', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp({ SMTP_URL: smtp.url }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const { postForm } = await formClient(app);

  const get = (url: string, session?: string) =>
    app.inject({ method: 'GET', url, headers: session ? { cookie: session } : {} });
  const post = (url: string, session: string | undefined, fields: Record<string, string> = {}) =>
    postForm(url, session ?? '', fields);

  const employer = await createOrganisation(db, { kind: 'employer', name: 'Siljan Turism AB' });
  const hr = await createPerson(db, { role: 'employer_admin', organisationId: employer, language: 'en' });
  await db
    .updateTable('accounts')
    .set({ display_name: 'Hanna Holm' })
    .where('id', '=', hr.accountId)
    .execute();
  const hrSession = await sessionFor(db, hr.accountId);
  const regionOrg = await createOrganisation(db, { kind: 'region' });
  const admin = await createPerson(db, { role: 'admin', organisationId: regionOrg });
  const adminSession = await sessionFor(db, admin.accountId, { secondFactor: true });

  async function invite(session: string, organisationId: string, email: string, role: string) {
    const res = await post(`/admin/organisations/${organisationId}/members/invite`, session, { email, role });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const mail = await newestMailTo(smtp, queue, email.toLowerCase());
    const text = decodeQuotedPrintable(mail.raw);
    const link = linkIn(text, /http:\/\/localhost:3000(\/(sv|en)\/invitations\/[A-Za-z0-9_-]+)/);
    return { text, path: link[1] as string, token: (link[1] as string).split('/').at(-1) as string };
  }

  it('mails the invitee in the inviter’s language, and accepting creates the account, membership and session', async () => {
    const { text, path, token } = await invite(
      hrSession,
      employer,
      'Ny.Medarbetare@Example.org',
      'employer_member',
    );
    assert.match(text, /^Content-Language: en/m);
    assert.match(text, /Siljan Turism AB has invited you to Dalarna – career region/);
    assert.match(
      text,
      /sent by a person at Siljan Turism AB\. They wrote their name themselves.*"Hanna Holm"/,
    );
    assert.match(text, /employer member/);
    assert.match(path, /^\/en\//);
    const row = await db
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', 'ny.medarbetare@example.org')
      .executeTakeFirstOrThrow();
    assert.notEqual(row.token_hash, token, 'only the hash is stored');
    const days = (row.expires_at.getTime() - row.created_at.getTime()) / 86_400_000;
    assert.ok(Math.abs(days - 7) < 0.01, 'valid for 7 days');

    const confirm = await get(path);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Invitation to Siljan Turism AB/);
    assert.match(
      confirm.body,
      /Siljan Turism AB has invited you to Dalarna – career region with the role employer member/,
    );
    assert.match(
      confirm.body,
      /sent by a person at Siljan Turism AB\. They wrote their name themselves: &quot;Hanna Holm&quot;/,
    );
    assert.match(confirm.body, /name="token" value="/);
    assert.match(confirm.body, /action="\/en\/invitations\/accept"/);
    assert.equal(
      (
        await db
          .selectFrom('invitations')
          .select('accepted_at')
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow()
      ).accepted_at,
      null,
      'looking at the link does not use it',
    );

    const accepted = await post('/en/invitations/accept', undefined, { token });
    assert.equal(accepted.statusCode, 303);
    assert.equal(accepted.headers.location, '/admin');
    const setCookie = [accepted.headers['set-cookie']].flat().find((c) => c?.startsWith('lotsa_session='));
    assert.ok(setCookie, 'a session cookie');
    assert.match(setCookie, /HttpOnly/i);
    const session = setCookie.split(';')[0] as string;

    const account = await db
      .selectFrom('accounts')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('email', '=', 'ny.medarbetare@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(account.language, 'en');
    assert.equal(await roleIn(db, employer, account.id), 'employer_member');
    const home = await get('/admin', session);
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<strong>Siljan Turism AB<\/strong>/);

    const twice = await post('/en/invitations/accept', undefined, { token });
    assert.equal(twice.statusCode, 410);
    assert.match(twice.body, /already been used/);
    assert.equal((await get(path)).statusCode, 410);

    const actions = await auditActions(db);
    for (const action of ['org.member.invited', 'account.created', 'org.member.joined']) {
      assert.ok(actions.includes(action), action);
    }
  });

  it('writes to someone with an account in their own language, and says when another person is signed in', async () => {
    const existing = await createPerson(db, { language: 'sv', email: 'befintlig@example.org' });
    const { text, path, token } = await invite(
      hrSession,
      employer,
      'befintlig@example.org',
      'employer_admin',
    );
    assert.match(text, /^Content-Language: sv/m);
    assert.match(text, /Siljan Turism AB har bjudit in dig till Dalarna – karriärregion/);
    assert.match(text, /"Hanna Holm"/);
    assert.match(path, /^\/sv\//);

    const someoneElse = await createPerson(db, { email: 'nagon-annan@example.org' });
    const otherSession = await sessionFor(db, someoneElse.accountId);
    const confirm = await get(path, otherSession);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Du är inloggad som nagon-annan@example\.org/);

    const accepted = await post('/sv/invitations/accept', otherSession, { token });
    assert.equal(accepted.statusCode, 303);
    assert.equal((await get('/sv/me', otherSession)).statusCode, 303, 'the other person’s session ended');
    assert.equal(await roleIn(db, employer, existing.accountId), 'employer_admin');
    const accounts = await db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'befintlig@example.org')
      .execute();
    assert.equal(accounts.length, 1, 'no second account');
  });

  it('refuses to invite someone who is already a member, keeping what was typed', async () => {
    const res = await post(`/admin/organisations/${employer}/members/invite`, hrSession, {
      email: hr.email,
      role: 'employer_member',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /is already a member of Siljan Turism AB/);
    assert.ok(res.body.includes(`value="${hr.email}"`));
    assert.match(res.body, /<option value="employer_member" selected>/);
  });

  it('gives revoked, expired and unknown links a clear page', async () => {
    const revoked = await invite(hrSession, employer, 'aterkallad@example.org', 'employer_member');
    const row = await db
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', 'aterkallad@example.org')
      .executeTakeFirstOrThrow();
    const page = await get(`/admin/organisations/${employer}/members`, hrSession);
    assert.match(page.body, /aterkallad@example\.org/);
    assert.equal(
      (await post(`/admin/organisations/${employer}/invitations/${row.id}/revoke`, hrSession)).statusCode,
      303,
    );
    const gone = await get(revoked.path);
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, /revoked/);
    assert.equal((await post('/en/invitations/accept', undefined, { token: revoked.token })).statusCode, 410);

    const expired = await invite(hrSession, employer, 'utgangen@example.org', 'employer_member');
    await db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'utgangen@example.org')
      .execute();
    const late = await post('/en/invitations/accept', undefined, { token: expired.token });
    assert.equal(late.statusCode, 410);
    assert.match(late.body, /expired/);
    const none = await db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'utgangen@example.org')
      .execute();
    assert.equal(none.length, 0, 'no account from an expired link');

    assert.equal((await get('/sv/invitations/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).statusCode, 404);
    assert.equal((await get('/sv/invitations/x')).statusCode, 404);
    assert.equal((await post('/sv/invitations/accept', undefined, { token: 'nonsense' })).statusCode, 404);
    assert.equal((await post('/sv/invitations/accept', undefined)).statusCode, 404);
    assert.equal((await get('/de/invitations/x')).statusCode, 404);
  });

  it('sends invited staff to set up a second factor before the back-office', async () => {
    const { token } = await invite(adminSession, regionOrg, 'ny-lots@example.org', 'navigator');
    const accepted = await post('/sv/invitations/accept', undefined, { token });
    assert.equal(accepted.statusCode, 303);
    const setCookie = [accepted.headers['set-cookie']].flat().find((c) => c?.startsWith('lotsa_session='));
    const session = (setCookie as string).split(';')[0] as string;
    const home = await get('/admin', session);
    assert.equal(home.statusCode, 303);
    assert.match(String(home.headers.location), /\/me\/second-factor\?next=%2Fadmin/);
  });
});
