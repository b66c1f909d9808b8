/**
 * Accepting an invitation is the invitee's own act, so it keeps the members page's rule: the last
 * one able to manage an organisation's members cannot take a role that leaves nobody able to.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { hashSecret, randomToken } from '../../../src/platform/auth/secrets.ts';
import { buildTestApp, csrfFor, unlimited } from '../../helpers/app.ts';
import { createOrganisation, createPerson, REGION, roleIn } from '../../helpers/identity.ts';

describe('invitations: the last manager', async () => {
  const { app, database } = await buildTestApp(undefined, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const csrf = await csrfFor(app, '/sv/accessibility');
  const accept = (token: string) =>
    app.inject({
      method: 'POST',
      url: '/sv/invitations/accept',
      payload: new URLSearchParams({ _csrf: csrf.token, token }).toString(),
      headers: {
        cookie: csrf.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
        host: 'localhost',
      },
    });
  const roleOf = (organisationId: string, accountId: string) => roleIn(db, organisationId, accountId);
  /** A pending invitation of `organisationId` for `email`, sent by `invitedBy`; its token. */
  const invite = async (organisationId: string, email: string, role: string, invitedBy: string) => {
    const token = randomToken();
    await db
      .insertInto('invitations')
      .values({
        region_id: REGION,
        organisation_id: organisationId,
        email,
        role,
        token_hash: hashSecret(token),
        invited_by: invitedBy,
        expires_at: sql<Date>`now() + interval '7 days'`,
      })
      .execute();
    return token;
  };

  it('an invitation to a lesser role does not strip the organisation of its last manager', async () => {
    const regionOrg = await createOrganisation(db, { kind: 'region' });
    const admin = await createPerson(db, { role: 'admin', organisationId: regionOrg });
    const employer = await createOrganisation(db, { kind: 'employer', name: 'Orsa Snickeri AB' });
    // Invited as a plain member while not yet one; in the meantime they became the organisation's
    // only admin.
    const hanna = await createPerson(db, { role: 'employer_admin', organisationId: employer });
    const token = await invite(employer, hanna.email, 'employer_member', admin.accountId);

    const res = await accept(token);
    assert.equal(
      await roleOf(employer, hanna.accountId),
      'employer_admin',
      'still able to manage the members',
    );
    assert.equal(res.statusCode, 409, res.body.slice(0, 300));
    assert.match(res.body, /Orsa Snickeri AB/);
    assert.match(res.body, /den enda som kan hantera medlemmarna/);
    const row = await db
      .selectFrom('invitations')
      .select('accepted_at')
      .where('token_hash', '=', hashSecret(token))
      .executeTakeFirstOrThrow();
    assert.equal(row.accepted_at, null, 'the invitation is not used up');
    assert.equal(
      [res.headers['set-cookie']].flat().filter((c) => c?.startsWith('lotsa_session=')).length,
      0,
      'no session',
    );

    // With another manager beside them, the same invitation changes their role.
    await createPerson(db, { role: 'employer_admin', organisationId: employer });
    const again = await accept(token);
    assert.equal(again.statusCode, 303);
    assert.equal(await roleOf(employer, hanna.accountId), 'employer_member');
  });
  it('an invitation that takes away the right to make API tokens revokes the tokens they made', async () => {
    const regionOrg = await createOrganisation(db, { kind: 'region' });
    const admin = await createPerson(db, { role: 'admin', organisationId: regionOrg });
    const employer = await createOrganisation(db, { kind: 'employer', name: 'Mora Glas AB' });
    await createPerson(db, { role: 'employer_admin', organisationId: employer });
    const hanna = await createPerson(db, { role: 'employer_admin', organisationId: employer });
    const apiToken = `lotsa_${randomToken()}`;
    await db
      .insertInto('api_tokens')
      .values({
        region_id: REGION,
        organisation_id: employer,
        name: 'Lönesystemet',
        token_hash: hashSecret(apiToken),
        prefix: apiToken.slice(0, 12),
        permissions: ['OrgRead'],
        created_by: hanna.accountId,
      })
      .execute();
    const readOrganisation = () =>
      app.inject({
        method: 'GET',
        url: '/api/v1/organisation',
        headers: { authorization: `Bearer ${apiToken}` },
      });
    assert.equal((await readOrganisation()).statusCode, 200, 'the token works while she may make tokens');

    const token = await invite(employer, hanna.email, 'employer_member', admin.accountId);
    assert.equal((await accept(token)).statusCode, 303);
    assert.equal(await roleOf(employer, hanna.accountId), 'employer_member');
    assert.equal(
      (await readOrganisation()).statusCode,
      401,
      'the token stops working, as on the members page',
    );
  });
});
