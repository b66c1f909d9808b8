/**
 * Back-office and organisation API scoping, from a security review: what another organisation's
 * people can and cannot reach, who may give which role, what tokens and the audit API hand out, and
 * that control characters in input get a 4xx.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { deleteAccount } from '../../../src/modules/identity/me/service.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient, type FormFields } from '../../helpers/client.ts';
import { createOrganisation, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';

describe('review: authorization and data scoping', async () => {
  const { app, database, logs } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const { postForm } = await formClient(app);

  const get = (url: string, session?: string) =>
    app.inject({ method: 'GET', url, headers: session ? { cookie: session } : {} });
  const post = (url: string, session: string, fields: FormFields = {}) => postForm(url, session, fields);
  const bearer = (url: string, token: string) =>
    app.inject({ url, headers: { authorization: `Bearer ${token}` } });
  /** The message of the last unexpected error the app logged, to show why a request failed. */
  const lastError = () =>
    String(
      (logs.filter((l) => l.msg === 'request failed').at(-1)?.err as { message?: string } | undefined)
        ?.message,
    );
  const createdToken = (body: string) => /value="(lotsa_[A-Za-z0-9_-]+)"/.exec(body)?.[1] ?? '';

  const regionOrg = await createOrganisation(db, { kind: 'region' });
  const admin = await createPerson(db, { role: 'admin', organisationId: regionOrg });
  const adminSession = await sessionFor(db, admin.accountId, { secondFactor: true });

  const employer = await createOrganisation(db, { kind: 'employer', name: 'Granskning AB' });
  const otherEmployer = await createOrganisation(db, { kind: 'employer', name: 'Grannbolaget AB' });
  const courseOrg = await createOrganisation(db, { kind: 'course_provider', name: 'Kursgården AB' });
  const boss = await createPerson(db, { role: 'employer_admin', organisationId: employer });
  const bossSession = await sessionFor(db, boss.accountId);
  const colleague = await createPerson(db, { role: 'employer_member', organisationId: employer });
  const otherBoss = await createPerson(db, { role: 'employer_admin', organisationId: otherEmployer });
  const otherMember = await createPerson(db, { role: 'employer_member', organisationId: otherEmployer });
  const teacher = await createPerson(db, { role: 'course_provider', organisationId: courseOrg });
  const teacherSession = await sessionFor(db, teacher.accountId);

  // ---------------------------------------------------------------- defects

  it('the audit API hands an API token no e-mail addresses, like the members list', async () => {
    // An employer admin creates an audit token for their systems, then invites a colleague.
    const created = await post('/admin/tokens', bossSession, {
      name: 'HR-systemet',
      scopes: ['OrgRead', 'AuditRead'],
    });
    assert.equal(created.statusCode, 200);
    const token = createdToken(created.body);
    const invitee = 'anna.andersson@privat.example';
    const invited = await post(`/admin/organisations/${employer}/members/invite`, bossSession, {
      email: invitee,
      role: 'employer_member',
    });
    assert.equal(invited.statusCode, 303);

    const members = await bearer('/api/v1/organisation/members', token);
    assert.equal(members.statusCode, 200);
    assert.ok(!members.body.includes('@'), 'the members list has no e-mail addresses');

    const audit = await bearer('/api/v1/audit', token);
    assert.equal(audit.statusCode, 200);
    assert.ok(
      !audit.body.includes(invitee),
      `the audit API returns the invitee's address in data.email: ${audit.body.slice(0, 400)}`,
    );
  });

  it('a person who erased their account is no longer named by e-mail in the audit trail or API', async () => {
    const created = await post('/admin/tokens', bossSession, { name: 'Revisorn', scopes: ['AuditRead'] });
    const token = createdToken(created.body);
    const gone = 'bertil.borttagen@privat.example';
    await post(`/admin/organisations/${employer}/members/invite`, bossSession, {
      email: gone,
      role: 'employer_member',
    });
    // Bertil joins (as the invitation would) and later deletes his account from /me.
    const account = await createPerson(db, {
      email: gone,
      role: 'employer_member',
      organisationId: employer,
    });
    assert.equal(await deleteAccount(db, REGION, account.accountId), 'deleted');
    assert.equal(
      await db.selectFrom('accounts').select('id').where('email', '=', gone).executeTakeFirst(),
      undefined,
    );
    const page = await get('/admin/audit', bossSession);
    assert.equal(page.statusCode, 200);
    const api = await bearer('/api/v1/audit', token);
    assert.ok(!page.body.includes(gone), 'the back-office audit page still shows the erased address');
    assert.ok(!api.body.includes(gone), 'the audit API still returns the erased address');
  });

  it('an invitation sent by a member who is then removed no longer lets anyone in', async () => {
    const org = await createOrganisation(db, { kind: 'employer', name: 'Uppsägningen AB' });
    const leaver = await createPerson(db, { role: 'employer_admin', organisationId: org });
    const stays = await createPerson(db, { role: 'employer_admin', organisationId: org });
    const leaverSession = await sessionFor(db, leaver.accountId);
    const staysSession = await sessionFor(db, stays.accountId);
    // Before leaving, the admin invites their own private address as an admin.
    const backdoor = 'leaver.private@example.net';
    assert.equal(
      (
        await post(`/admin/organisations/${org}/members/invite`, leaverSession, {
          email: backdoor,
          role: 'employer_admin',
        })
      ).statusCode,
      303,
    );
    // The remaining admin removes them; their session loses the organisation at once …
    assert.equal(
      (await post(`/admin/organisations/${org}/members/${leaver.accountId}/remove`, staysSession)).statusCode,
      303,
    );
    assert.equal((await get(`/admin/organisations/${org}/members`, leaverSession)).statusCode, 403);
    // … but the invitation they sent is still pending and usable.
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', backdoor)
      .executeTakeFirstOrThrow();
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1] ?? '';
    assert.ok(token, 'the invitation link');
    const accepted = await post('/sv/invitations/accept', '', { token });
    const role = await db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', (j) =>
        j.onRef('a.region_id', '=', 'm.region_id').onRef('a.id', '=', 'm.account_id'),
      )
      .select('m.role')
      .where('m.organisation_id', '=', org)
      .where('a.email', '=', backdoor)
      .executeTakeFirst();
    assert.equal(
      role,
      undefined,
      `the removed admin is back as ${role?.role} (accept answered ${accepted.statusCode} ${String(accepted.headers.location)})`,
    );
  });

  it('an invitation address with a NUL byte gets a 4xx (employer admin)', async () => {
    const res = await post(`/admin/organisations/${employer}/members/invite`, bossSession, {
      email: 'a\u0000b@example.org',
      role: 'employer_member',
    });
    assert.ok(res.statusCode < 500, `status ${res.statusCode}: ${lastError()}`);
  });

  it('the audit person filter with a NUL byte gets a 4xx (employer admin)', async () => {
    const res = await get('/admin/audit?person=a%00b%40example.org', bossSession);
    assert.ok(res.statusCode < 500, `status ${res.statusCode}: ${lastError()}`);
  });

  it('renaming an organisation to a name with a NUL byte gets a 4xx', async () => {
    const partner = await createOrganisation(db, { kind: 'partner', name: 'Partnern' });
    const res = await post(`/admin/organisations/${partner}`, adminSession, {
      name: 'a\u0000b',
      org_number: '',
    });
    assert.ok(res.statusCode < 500, `status ${res.statusCode}: ${lastError()}`);
    const created = await post('/admin/organisations/new', adminSession, {
      name: 'c\u0000d',
      kind: 'partner',
      org_number: '',
    });
    assert.ok(created.statusCode < 500, `status ${created.statusCode}: ${lastError()}`);
  });

  it('the people search with a NUL byte gets a 4xx (region admin)', async () => {
    const res = await get('/admin/people?q=a%00b', adminSession);
    assert.ok(res.statusCode < 500, `status ${res.statusCode}: ${lastError()}`);
  });

  // ---------------------------------------------------------------- checked and sound

  it('another organisation’s members, invitations and removal pages answer 404', async () => {
    assert.equal((await get(`/admin/organisations/${otherEmployer}/members`, bossSession)).statusCode, 404);
    assert.equal(
      (
        await get(
          `/admin/organisations/${otherEmployer}/members/${otherMember.accountId}/remove`,
          bossSession,
        )
      ).statusCode,
      404,
    );
    for (const [url, fields] of [
      [
        `/admin/organisations/${otherEmployer}/members/invite`,
        { email: 'x@example.org', role: 'employer_admin' },
      ],
      [
        `/admin/organisations/${otherEmployer}/members/${otherMember.accountId}/role`,
        { role: 'employer_admin' },
      ],
      [`/admin/organisations/${otherEmployer}/members/${otherBoss.accountId}/remove`, {}],
      // The own organisation in the URL, another organisation's member in the path.
      [`/admin/organisations/${employer}/members/${otherBoss.accountId}/remove`, {}],
      [`/admin/organisations/${employer}/members/${otherBoss.accountId}/role`, { role: 'employer_member' }],
      [`/admin/organisations/${otherEmployer}/invitations/${randomUUID()}/revoke`, {}],
    ] as const) {
      assert.equal((await post(url, bossSession, fields)).statusCode, 404, url);
    }
    const still = await db
      .selectFrom('memberships')
      .select('role')
      .where('account_id', '=', otherBoss.accountId)
      .executeTakeFirstOrThrow();
    assert.equal(still.role, 'employer_admin');
  });

  it('an invitation of another organisation cannot be revoked through one’s own', async () => {
    const invited = await post(
      `/admin/organisations/${otherEmployer}/members/invite`,
      await sessionFor(db, otherBoss.accountId),
      {
        email: 'ny@grannbolaget.example',
        role: 'employer_member',
      },
    );
    assert.equal(invited.statusCode, 303);
    const invitation = await db
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', 'ny@grannbolaget.example')
      .executeTakeFirstOrThrow();
    const res = await post(
      `/admin/organisations/${employer}/invitations/${invitation.id}/revoke`,
      bossSession,
    );
    assert.equal(res.statusCode, 404);
  });

  it('employer admins and course providers cannot give region or foreign roles', async () => {
    for (const role of ['admin', 'navigator', 'region_editor', 'course_provider', 'bogus']) {
      const invite = await post(`/admin/organisations/${employer}/members/invite`, bossSession, {
        email: `r-${role}@example.org`,
        role,
      });
      assert.equal(invite.statusCode, 422, role);
      const change = await post(
        `/admin/organisations/${employer}/members/${colleague.accountId}/role`,
        bossSession,
        {
          role,
        },
      );
      assert.equal(change.statusCode, 422, role);
      const self = await post(
        `/admin/organisations/${employer}/members/${boss.accountId}/role`,
        bossSession,
        {
          role,
        },
      );
      assert.equal(self.statusCode, 422, role);
    }
    for (const role of ['admin', 'employer_admin', 'navigator']) {
      const invite = await post(`/admin/organisations/${courseOrg}/members/invite`, teacherSession, {
        email: `c-${role}@example.org`,
        role,
      });
      assert.equal(invite.statusCode, 422, role);
    }
    assert.equal(
      (await db.selectFrom('invitations').select('id').where('email', 'like', 'r-%').execute()).length +
        (await db.selectFrom('invitations').select('id').where('email', 'like', 'c-%').execute()).length,
      0,
    );
  });

  it('the last employer admin cannot demote or remove themselves', async () => {
    const lone = await createOrganisation(db, { kind: 'employer' });
    const only = await createPerson(db, { role: 'employer_admin', organisationId: lone });
    const session = await sessionFor(db, only.accountId);
    assert.equal(
      (
        await post(`/admin/organisations/${lone}/members/${only.accountId}/role`, session, {
          role: 'employer_member',
        })
      ).statusCode,
      422,
    );
    assert.equal(
      (await post(`/admin/organisations/${lone}/members/${only.accountId}/remove`, session)).statusCode,
      422,
    );
  });

  it('switching to an organisation one is not in answers 404; a removed or demoted member loses access at once', async () => {
    assert.equal(
      (await post('/admin/organisation', bossSession, { organisation_id: otherEmployer })).statusCode,
      404,
    );
    assert.equal(
      (await post('/admin/organisation', bossSession, { organisation_id: regionOrg })).statusCode,
      404,
    );

    const org = await createOrganisation(db, { kind: 'employer' });
    const a = await createPerson(db, { role: 'employer_admin', organisationId: org });
    const b = await createPerson(db, { role: 'employer_admin', organisationId: org });
    const bSession = await sessionFor(db, b.accountId, { activeOrganisationId: org });
    const aSession = await sessionFor(db, a.accountId);
    assert.equal((await get('/admin/tokens', bSession)).statusCode, 200);
    assert.equal(
      (
        await post(`/admin/organisations/${org}/members/${b.accountId}/role`, aSession, {
          role: 'employer_member',
        })
      ).statusCode,
      303,
    );
    assert.equal((await get('/admin/tokens', bSession)).statusCode, 403, 'demoted: no token management');
    assert.equal(
      (await post(`/admin/organisations/${org}/members/${b.accountId}/remove`, aSession)).statusCode,
      303,
    );
    assert.equal(
      (await get(`/admin/organisations/${org}/members`, bSession)).statusCode,
      403,
      'removed: no back-office',
    );
  });

  it('tokens get no more than the creator’s scopes, act only for their organisation, and fail once revoked', async () => {
    // A course provider holds no ApiTokensManage at all; an employer admin cannot grant an unknown scope.
    assert.equal(
      (await post('/admin/tokens', teacherSession, { name: 'x', scopes: 'OrgRead' })).statusCode,
      403,
    );
    for (const scopes of ['OrgMembersManage', 'ApiTokensManage', 'PeopleManage', 'OrgsManage']) {
      assert.equal((await post('/admin/tokens', bossSession, { name: 'x', scopes })).statusCode, 422, scopes);
    }
    const created = await post('/admin/tokens', bossSession, { name: 'Läsaren', scopes: 'OrgRead' });
    const token = createdToken(created.body);
    const org = (await bearer('/api/v1/organisation', token)).json() as { id: string };
    assert.equal(org.id, employer);
    assert.equal((await bearer('/api/v1/audit', token)).statusCode, 403);
    // A bearer is never read outside /api/.
    assert.notEqual((await bearer('/admin/members', token)).statusCode, 200);
    const row = await db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'Läsaren')
      .executeTakeFirstOrThrow();
    // Another organisation's admin cannot revoke it.
    assert.equal(
      (await post(`/admin/tokens/${row.id}/revoke`, await sessionFor(db, otherBoss.accountId))).statusCode,
      404,
    );
    assert.equal((await post(`/admin/tokens/${row.id}/revoke`, bossSession)).statusCode, 303);
    assert.equal((await bearer('/api/v1/organisation', token)).statusCode, 401);
  });

  it('the audit trail of an employer admin holds only their organisation; a forged filter is 404', async () => {
    assert.equal((await get(`/admin/audit?organisation=${otherEmployer}`, bossSession)).statusCode, 404);
    assert.equal((await get(`/admin/audit?organisation=${regionOrg}`, bossSession)).statusCode, 404);
    // Filtering by a person of another organisation finds nothing of theirs.
    const res = await get(
      `/admin/audit?person=${encodeURIComponent('ny@grannbolaget.example')}`,
      bossSession,
    );
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('ny@grannbolaget.example</'), 'no event of the other organisation');
    assert.ok(!res.body.includes('Grannbolaget AB'));
  });
});
