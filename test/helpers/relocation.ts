/**
 * Relocation cases for tests, written straight into the tables (migration 0030) so each part's
 * tests stand on their own: a navigator with a session that has shown its second factor, and a
 * case with its household and consents.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { CONSENT_TEXT_VERSIONS, type ConsentPurpose } from '../../src/modules/relocation/model.ts';
import { createPerson, municipalityOrg, REGION, sessionFor, type TestPerson } from './identity.ts';

export interface TestNavigator extends TestPerson {
  organisationId: string;
  /** The Cookie header of a session past its second factor. */
  cookie: string;
}

/**
 * A navigator of a municipality (by SCB code, e.g. '2080' Falun) or, without one, of the region's
 * own organisation; their session has shown a second factor.
 */
export async function createNavigator(
  db: Kysely<DB>,
  options: { municipalityCode?: string; email?: string; name?: string; language?: 'sv' | 'en' } = {},
): Promise<TestNavigator> {
  const organisationId = options.municipalityCode
    ? await municipalityOrg(db, options.municipalityCode)
    : (
        await db
          .selectFrom('organisations')
          .select('id')
          .where('region_id', '=', REGION)
          .where('kind', '=', 'region')
          .executeTakeFirstOrThrow()
      ).id;
  const person = await createPerson(db, {
    role: 'navigator',
    organisationId,
    email: options.email,
    totpSecret: 'JBSWY3DPEHPK3PXP',
    language: options.language,
  });
  if (options.name) {
    await db
      .updateTable('accounts')
      .set({ display_name: options.name })
      .where('id', '=', person.accountId)
      .execute();
  }
  const cookie = await sessionFor(db, person.accountId, {
    secondFactor: true,
    activeOrganisationId: organisationId,
  });
  return { ...person, organisationId, cookie };
}

export interface TestCaseInput {
  municipalityCode?: string | null;
  navigatorId?: string | null;
  stage?: string;
  needs?: string[];
  channel?: 'email' | 'phone' | 'video';
  accountId?: string | null;
  main?: {
    name?: string;
    email?: string | null;
    phone?: string | null;
    citizenship?: string;
    accountId?: string | null;
  };
  partner?: {
    name?: string;
    email?: string | null;
    citizenship?: string;
    occupation?: string;
    accountId?: string | null;
  } | null;
  childrenAges?: number[];
  housing?: string;
  /** Consents given by the adults (contact is always given). */
  consents?: ConsentPurpose[];
  createdAt?: Date;
  message?: string;
}

export interface TestCase {
  caseId: string;
  mainId: string;
  partnerId: string | null;
  childIds: string[];
}

/** A case in the region's inbox (or the municipality's), with its household and consents. */
export async function createCase(db: Kysely<DB>, input: TestCaseInput = {}): Promise<TestCase> {
  const municipalityCode = input.municipalityCode ?? null;
  const organisationId = municipalityCode
    ? await municipalityOrg(db, municipalityCode)
    : (
        await db
          .selectFrom('organisations')
          .select('id')
          .where('region_id', '=', REGION)
          .where('kind', '=', 'region')
          .executeTakeFirstOrThrow()
      ).id;
  const row = await db
    .insertInto('relocation_cases')
    .values({
      region_id: REGION,
      organisation_id: organisationId,
      municipality_code: municipalityCode,
      navigator_id: input.navigatorId ?? null,
      stage: input.stage ?? 'new',
      needs: input.needs ?? ['job', 'housing'],
      channel: input.channel ?? 'email',
      housing: input.housing ?? 'rent',
      message: input.message ?? '',
      account_id: input.accountId ?? input.main?.accountId ?? null,
      ...(input.createdAt ? { created_at: input.createdAt, stage_changed_at: input.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const caseId = row.id;
  const person = async (values: {
    role: string;
    name?: string;
    email?: string | null;
    phone?: string | null;
    citizenship?: string;
    occupation?: string;
    accountId?: string | null;
    age?: number;
  }) =>
    (
      await db
        .insertInto('relocation_persons')
        .values({
          region_id: REGION,
          case_id: caseId,
          role: values.role,
          name: values.name ?? '',
          email: values.email ?? null,
          phone: values.phone ?? null,
          citizenship: values.citizenship ?? 'unknown',
          occupation: values.occupation ?? '',
          account_id: values.accountId ?? null,
          age: values.age ?? null,
          age_on: values.age === undefined ? null : sql<string>`current_date`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const main = input.main ?? {};
  const mainId = await person({
    role: 'main',
    name: main.name ?? 'Ana Ferreira',
    email: main.email === undefined ? `ana-${caseId.slice(0, 8)}@example.org` : main.email,
    phone: main.phone ?? null,
    citizenship: main.citizenship ?? 'eu',
    accountId: main.accountId ?? input.accountId ?? null,
  });
  let partnerId: string | null = null;
  if (input.partner !== null && input.partner !== undefined) {
    partnerId = await person({
      role: 'partner',
      name: input.partner.name ?? 'João Ferreira',
      email: input.partner.email ?? null,
      citizenship: input.partner.citizenship ?? 'eu',
      occupation: input.partner.occupation ?? '',
      accountId: input.partner.accountId ?? null,
    });
  }
  const childIds: string[] = [];
  for (const age of input.childrenAges ?? []) childIds.push(await person({ role: 'child', age }));
  const purposes = new Set<ConsentPurpose>(['contact', ...(input.consents ?? [])]);
  for (const adult of [mainId, partnerId]) {
    if (!adult) continue;
    for (const purpose of purposes) {
      await db
        .insertInto('relocation_consents')
        .values({
          region_id: REGION,
          person_id: adult,
          purpose,
          text_version: CONSENT_TEXT_VERSIONS[purpose],
        })
        .execute();
    }
  }
  return { caseId, mainId, partnerId, childIds };
}
