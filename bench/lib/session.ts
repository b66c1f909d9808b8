/**
 * Sessions for the bench's back-office and toolbox requests, written into the database as
 * test/helpers/identity.ts sessionFor does: past the second factor, acting for an organisation.
 */
import { sql, type Kysely } from 'kysely';
import { hashSecret, randomToken } from '../../src/platform/auth/secrets.ts';
import { sessionCookieName } from '../../src/platform/auth/sessions.ts';
import type { DB } from '../../src/platform/db/schema.ts';

/** A session's Cookie header for the account, acting for the organisation. */
export async function benchSession(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  organisationId: string,
): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('sessions')
    .values({
      region_id: regionId,
      token_hash: hashSecret(token),
      account_id: accountId,
      method: 'link',
      expires_at: sql`now() + interval '1 day'`,
      second_factor_at: sql`now()`,
      active_organisation_id: organisationId,
      device: 'Bench',
    })
    .execute();
  return `${sessionCookieName(false)}=${token}`;
}

/**
 * A session for a demo member by e-mail (a TOTP secret given first, so staff pass the second-factor
 * check), and the organisation it acts for.
 */
export async function memberSession(
  db: Kysely<DB>,
  regionId: string,
  email: string,
): Promise<{ cookie: string; organisationId: string }> {
  const member = await db
    .selectFrom('accounts as a')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.region_id', '=', 'a.region_id').onRef('m.account_id', '=', 'a.id'),
    )
    .select(['a.id', 'm.organisation_id'])
    .where('a.region_id', '=', regionId)
    .where('a.email', '=', email)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('totp_secrets')
    .values({
      region_id: regionId,
      account_id: member.id,
      secret: 'JBSWY3DPEHPK3PXP',
      confirmed_at: new Date(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const cookie = await benchSession(db, regionId, member.id, member.organisation_id);
  return { cookie, organisationId: member.organisation_id };
}
