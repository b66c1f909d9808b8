/**
 * Factories for people, organisations and sessions, for tests that need someone signed in. Each
 * builds what it needs (an employer organisation, an account) when not given.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { hashSecret, randomToken } from '../../src/platform/auth/secrets.ts';
import { sessionCookieName } from '../../src/platform/auth/sessions.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { OrganisationKind, Role } from '../../src/platform/permissions.ts';

export const REGION = 'dalarna';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}${randomBytes(2).toString('hex')}`;

/** A valid organisationsnummer (Luhn, third digit ≥ 2) made from 9 digits. */
export function orgNumber(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return nine + String((10 - (sum % 10)) % 10);
}

export async function createOrganisation(
  db: Kysely<DB>,
  options: { kind?: OrganisationKind; name?: string; regionId?: string } = {},
): Promise<string> {
  const kind = options.kind ?? 'employer';
  const regionId = options.regionId ?? REGION;
  if (kind === 'region' || kind === 'municipality') {
    const row = await db
      .selectFrom('organisations')
      .select('id')
      .where('region_id', '=', regionId)
      .where('kind', '=', kind)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  // The third digit of an organisationsnummer is at least 2 (lower ones are personnummer).
  const digits = `${2 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const row = await db
    .insertInto('organisations')
    .values({
      region_id: regionId,
      kind,
      name: options.name ?? `Testbolaget ${unique()} AB`,
      org_number: kind === 'employer' || kind === 'course_provider' ? orgNumber(`55${digits}`) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The seeded organisation of a municipality of the region (by its code, e.g. 2080 Falun). */
export async function municipalityOrg(db: Kysely<DB>, code: string): Promise<string> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', REGION)
    .where('kind', '=', 'municipality')
    .where('municipality_code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TestPerson {
  accountId: string;
  email: string;
  organisationId: string | null;
  role: Role | null;
}

/** An account; with a role, also a membership (in `organisationId`, else a fitting organisation). */
export async function createPerson(
  db: Kysely<DB>,
  options: {
    email?: string;
    role?: Role | null;
    organisationId?: string;
    /** Give the account a confirmed TOTP secret (so it has a second factor). */
    totpSecret?: string;
    regionId?: string;
    language?: 'sv' | 'en';
  } = {},
): Promise<TestPerson> {
  const regionId = options.regionId ?? REGION;
  const email = options.email ?? `person-${unique()}@example.org`;
  const account = await db
    .insertInto('accounts')
    .values({ region_id: regionId, email, language: options.language ?? 'sv', display_name: 'Test Person' })
    .returning('id')
    .executeTakeFirstOrThrow();
  let organisationId: string | null = null;
  const role = options.role ?? null;
  if (role) {
    organisationId =
      options.organisationId ??
      (await createOrganisation(db, {
        regionId,
        kind: ['admin', 'region_editor', 'navigator'].includes(role)
          ? 'region'
          : role === 'municipality_editor'
            ? 'municipality'
            : role === 'course_provider'
              ? 'course_provider'
              : 'employer',
      }));
    await db
      .insertInto('memberships')
      .values({ region_id: regionId, organisation_id: organisationId, account_id: account.id, role })
      .execute();
  }
  if (options.totpSecret) {
    await db
      .insertInto('totp_secrets')
      .values({
        region_id: regionId,
        account_id: account.id,
        secret: options.totpSecret,
        confirmed_at: sql`now()`,
      })
      .execute();
  }
  return { accountId: account.id, email, organisationId, role };
}

/**
 * A live session for an account, as the Cookie header a browser would send (`secure` picks the
 * `__Host-` name used over HTTPS). `secondFactor` marks the session as having shown one.
 */
export async function sessionFor(
  db: Kysely<DB>,
  accountId: string,
  options: {
    secondFactor?: boolean;
    secure?: boolean;
    regionId?: string;
    activeOrganisationId?: string;
  } = {},
): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('sessions')
    .values({
      region_id: options.regionId ?? REGION,
      token_hash: hashSecret(token),
      account_id: accountId,
      method: 'link',
      expires_at: sql`now() + interval '1 day'`,
      second_factor_at: options.secondFactor ? sql`now()` : null,
      active_organisation_id: options.activeOrganisationId ?? null,
      device: 'Test',
    })
    .execute();
  return `${sessionCookieName(options.secure ?? false)}=${token}`;
}

/** The account's role in the organisation, or undefined when not a member. */
export async function roleIn(
  db: Kysely<DB>,
  organisationId: string,
  accountId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.role;
}

/** The audit events of the region, newest first, as `action subject_id` strings and rows. */
export async function auditActions(db: Kysely<DB>, regionId = REGION): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('action')
    .where('region_id', '=', regionId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.action);
}
