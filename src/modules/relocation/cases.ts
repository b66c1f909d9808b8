/**
 * What every part of the navigator shares about cases (migration 0030): who may see which cases
 * (CaseScope), reading one case with its household, the case's history, the navigators of the
 * region, the inbox a municipality's request goes to, and the household's consents.
 *
 * Scope: a navigator of a municipality sees the cases of their organisation's inbox, the cases
 * wished for their municipality and the cases they hold; a navigator of the region or of a partner
 * organisation, and a region admin, see every case of the region. Everything else is a 404.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { DB, RelocationCasesTable, RelocationPersonsTable } from '../../platform/db/schema.ts';
import { Permission } from '../../platform/permissions.ts';
import { CONSENT_TEXT_VERSIONS, type ConsentPurpose, type Stage } from './model.ts';

export type CaseRow = Selectable<RelocationCasesTable>;
export type PersonRow = Selectable<RelocationPersonsTable>;

/** Which cases a navigator (or admin) may see and work. */
export interface CaseScope {
  regionId: string;
  /** The person acting. */
  accountId: string;
  /** The organisation acted for. */
  organisationId: string;
  /** Every case of the region (region and partner navigators, admins). */
  wholeRegion: boolean;
  /** A municipality navigator's municipality code (their organisation's). */
  municipalityCode: string | null;
}

/** The scope of a back-office principal holding CasesWork; undefined for anyone else. */
export async function caseScopeOf(
  db: Kysely<DB>,
  regionId: string,
  principal: Principal | undefined,
): Promise<CaseScope | undefined> {
  if (!principal?.account || !principal.organisation) return undefined;
  if (!principal.permissions.has(Permission.CasesWork)) return undefined;
  const org = await db
    .selectFrom('organisations')
    .select(['kind', 'municipality_code'])
    .where('region_id', '=', regionId)
    .where('id', '=', principal.organisation.id)
    .executeTakeFirst();
  if (!org) return undefined;
  return {
    regionId,
    accountId: principal.account.id,
    organisationId: principal.organisation.id,
    wholeRegion: principal.role === 'admin' || org.kind !== 'municipality',
    municipalityCode: org.kind === 'municipality' ? org.municipality_code : null,
  };
}

/**
 * The condition "this case is within the scope" for a query over relocation_cases aliased `c`
 * (the region is named by the caller's own where).
 */
export function inScope(scope: CaseScope) {
  if (scope.wholeRegion) return sql<boolean>`true`;
  return sql<boolean>`(c.organisation_id = ${scope.organisationId}
    or c.navigator_id = ${scope.accountId}
    ${scope.municipalityCode ? sql`or c.municipality_code = ${scope.municipalityCode}` : sql``})`;
}

/** One case the scope may see (merged duplicates too: their page points to the survivor). */
export async function caseInScope(
  db: Kysely<DB>,
  scope: CaseScope,
  caseId: string,
): Promise<CaseRow | undefined> {
  return db
    .selectFrom('relocation_cases as c')
    .selectAll('c')
    .where('c.region_id', '=', scope.regionId)
    .where('c.id', '=', caseId)
    .where(inScope(scope))
    .executeTakeFirst();
}

/** A case by id without a scope (the household's own pages check the account themselves). */
export async function caseById(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
): Promise<CaseRow | undefined> {
  return db
    .selectFrom('relocation_cases')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', caseId)
    .executeTakeFirst();
}

/** The household of a case: the main mover first, then the partner, then children by age. */
export async function personsOf(db: Kysely<DB>, regionId: string, caseId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('relocation_persons')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .orderBy(sql`case role when 'main' then 0 when 'partner' then 1 else 2 end`)
    .orderBy('age', 'desc')
    .orderBy('created_at')
    .execute();
}

/**
 * The open cases (not closed, not merged) in which this account is an adult of the household,
 * newest first: the household's own pages read them.
 */
export async function casesOfAccount(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<CaseRow[]> {
  return db
    .selectFrom('relocation_cases as c')
    .selectAll('c')
    .where('c.region_id', '=', regionId)
    .where('c.merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        eb('c.account_id', '=', accountId),
        eb.exists(
          eb
            .selectFrom('relocation_persons as p')
            .select(sql`1`.as('one'))
            .whereRef('p.region_id', '=', 'c.region_id')
            .whereRef('p.case_id', '=', 'c.id')
            .where('p.account_id', '=', accountId),
        ),
      ]),
    )
    .orderBy('c.created_at', 'desc')
    .execute();
}

/** One entry of a case's history. `kind` is dotted lower-case (`note`, `stage`, `checklist.done` …). */
export interface CaseEventInput {
  regionId: string;
  caseId: string;
  actorId: string | null;
  kind: string;
  body?: string;
  data?: Record<string, unknown>;
}

/** Adds to a case's history; pass the change's transaction. Also touches the case's updated_at. */
export async function addCaseEvent(db: Kysely<DB>, event: CaseEventInput): Promise<void> {
  await db
    .insertInto('relocation_case_events')
    .values({
      region_id: event.regionId,
      case_id: event.caseId,
      actor_id: event.actorId,
      kind: event.kind,
      body: event.body ?? '',
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
  await db
    .updateTable('relocation_cases')
    .set({ updated_at: sql`now()` })
    .where('region_id', '=', event.regionId)
    .where('id', '=', event.caseId)
    .execute();
}

/**
 * Records the first response to a case (the first contact, note to the household or stage change
 * by a navigator) once: the inbox's clock stops here.
 */
export async function markFirstResponse(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  navigatorId: string,
): Promise<void> {
  await db
    .updateTable('relocation_cases')
    .set({ first_response_at: sql`now()`, first_response_by: navigatorId })
    .where('region_id', '=', regionId)
    .where('id', '=', caseId)
    .where('first_response_at', 'is', null)
    .execute();
}

/** A navigator of the region: who they are and where they work. */
export interface Navigator {
  accountId: string;
  name: string;
  email: string;
  language: string;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  municipalityCode: string | null;
}

/**
 * Everyone who holds the navigator role in the region now (one row per person and organisation),
 * by name. A person who has left (membership removed) is not here.
 */
export async function navigatorsOf(db: Kysely<DB>, regionId: string): Promise<Navigator[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'm.region_id').onRef('a.id', '=', 'm.account_id'),
    )
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
    )
    .select([
      'a.id as accountId',
      'a.display_name as name',
      'a.email',
      'a.language',
      'o.id as organisationId',
      'o.name as organisationName',
      'o.kind as organisationKind',
      'o.municipality_code as municipalityCode',
    ])
    .where('m.region_id', '=', regionId)
    .where('m.role', '=', 'navigator')
    .execute();
  const collator = new Intl.Collator('sv');
  return rows.sort((a, b) => collator.compare(a.name || a.email, b.name || b.email));
}

/** The navigator's name as people see it (the display name, else the part of the e-mail before @). */
export function navigatorName(navigator: { name: string; email: string }): string {
  return navigator.name.trim() || navigator.email.split('@')[0]!;
}

/**
 * The organisation whose inbox a request goes to: the municipality organisation of the wished
 * municipality, else (not sure yet, or no such organisation) the region's own organisation.
 */
export async function inboxOrganisation(
  db: Kysely<DB>,
  regionId: string,
  municipalityCode: string | null,
): Promise<string> {
  if (municipalityCode) {
    const municipal = await db
      .selectFrom('organisations')
      .select('id')
      .where('region_id', '=', regionId)
      .where('kind', '=', 'municipality')
      .where('municipality_code', '=', municipalityCode)
      .orderBy('created_at')
      .executeTakeFirst();
    if (municipal) return municipal.id;
  }
  const region = await db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('kind', '=', 'region')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!region) throw new Error(`Region ${regionId} has no region organisation`);
  return region.id;
}

export { organisationName } from '../identity/organisations/service.ts';

/** The live consents of some persons: person id → the purposes consented to now. */
export async function liveConsentsOf(
  db: Kysely<DB>,
  regionId: string,
  personIds: readonly string[],
): Promise<Map<string, Set<ConsentPurpose>>> {
  const result = new Map<string, Set<ConsentPurpose>>();
  if (personIds.length === 0) return result;
  const rows = await db
    .selectFrom('relocation_consents')
    .select(['person_id', 'purpose'])
    .where('region_id', '=', regionId)
    .where('person_id', 'in', personIds)
    .where('withdrawn_at', 'is', null)
    .execute();
  for (const row of rows) {
    const set = result.get(row.person_id) ?? new Set<ConsentPurpose>();
    set.add(row.purpose as ConsentPurpose);
    result.set(row.person_id, set);
  }
  return result;
}

/** Gives a consent with the text version in force (nothing when it is live already). */
export async function giveConsent(
  db: Kysely<DB>,
  regionId: string,
  personId: string,
  purpose: ConsentPurpose,
): Promise<boolean> {
  const inserted = await db
    .insertInto('relocation_consents')
    .values({
      region_id: regionId,
      person_id: personId,
      purpose,
      text_version: CONSENT_TEXT_VERSIONS[purpose],
    })
    .onConflict((oc) =>
      oc.columns(['region_id', 'person_id', 'purpose']).where('withdrawn_at', 'is', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Withdraws a live consent (true when there was one). */
export async function withdrawConsent(
  db: Kysely<DB>,
  regionId: string,
  personId: string,
  purpose: ConsentPurpose,
): Promise<boolean> {
  const result = await db
    .updateTable('relocation_consents')
    .set({ withdrawn_at: sql`now()` })
    .where('region_id', '=', regionId)
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves a case to a stage (the stage and its time; the caller records the history and audit). */
export async function setStage(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  stage: Stage,
): Promise<void> {
  await db
    .updateTable('relocation_cases')
    .set({ stage, stage_changed_at: sql`now()`, updated_at: sql`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', caseId)
    .execute();
}
