/**
 * The household part's SQL: the checklist's ticks, the documents shared with the navigator, the
 * follow-ups, the next meeting and the navigator holding a case, and the cases an account belongs
 * to (for the personal data).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, RelocationDocumentsTable, RelocationFollowupsTable } from '../../../platform/db/schema.ts';
import type { ConsentPurpose } from '../model.ts';

export type DocumentRow = Selectable<RelocationDocumentsTable>;
export type FollowupRow = Selectable<RelocationFollowupsTable>;

export interface Tick {
  step: string;
  doneAt: Date;
  doneBy: string | null;
}

/** The steps ticked off on a case. */
export async function ticksOf(db: Kysely<DB>, regionId: string, caseId: string): Promise<Map<string, Tick>> {
  const rows = await db
    .selectFrom('relocation_checklist')
    .select(['step', 'done_at', 'done_by'])
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .execute();
  return new Map(rows.map((r) => [r.step, { step: r.step, doneAt: r.done_at, doneBy: r.done_by }]));
}

/** Ticks a step off (true when it was not ticked yet). */
export async function insertTick(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  step: string,
  accountId: string,
): Promise<boolean> {
  const row = await db
    .insertInto('relocation_checklist')
    .values({ region_id: regionId, case_id: caseId, step, done_by: accountId })
    .onConflict((oc) => oc.columns(['region_id', 'case_id', 'step']).doNothing())
    .returning('step')
    .executeTakeFirst();
  return row !== undefined;
}

/** Unticks a step (true when it was ticked). */
export async function deleteTick(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  step: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('relocation_checklist')
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .where('step', '=', step)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A case's documents, newest first. */
export async function documentsOf(db: Kysely<DB>, regionId: string, caseId: string): Promise<DocumentRow[]> {
  return db
    .selectFrom('relocation_documents')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function documentOf(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  documentId: string,
): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('relocation_documents')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

export async function countDocuments(db: Kysely<DB>, regionId: string, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('relocation_documents')
    .select(sql<string>`count(*)`.as('n'))
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A case's follow-ups, 3 months first. */
export async function followupsOf(db: Kysely<DB>, regionId: string, caseId: string): Promise<FollowupRow[]> {
  return db
    .selectFrom('relocation_followups')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .orderBy('months')
    .execute();
}

/** The next meeting not cancelled, from now on. */
export async function nextMeeting(db: Kysely<DB>, regionId: string, caseId: string) {
  return db
    .selectFrom('relocation_meetings')
    .select(['starts_at', 'minutes', 'channel', 'place'])
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>=', sql<Date>`now()`)
    .orderBy('starts_at')
    .executeTakeFirst();
}

/** The navigator holding a case: name, e-mail, and the organisation they work for as a navigator. */
export async function navigatorOf(db: Kysely<DB>, regionId: string, accountId: string) {
  return db
    .selectFrom('accounts as a')
    .leftJoin('memberships as m', (j) =>
      j
        .onRef('m.region_id', '=', 'a.region_id')
        .onRef('m.account_id', '=', 'a.id')
        .on('m.role', '=', 'navigator'),
    )
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
    )
    .select(['a.display_name as name', 'a.email', 'a.language', 'o.name as organisation'])
    .where('a.region_id', '=', regionId)
    .where('a.id', '=', accountId)
    .orderBy('m.created_at')
    .executeTakeFirst();
}

/**
 * The ids of the cases a person belongs to as an adult (the case's account, an adult with the
 * account, or an adult with the e-mail), merged ones too; with whether they are the main mover.
 */
export async function casesOfPerson(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  email: string,
): Promise<{ caseId: string; main: boolean }[]> {
  const rows = await db
    .selectFrom('relocation_cases as c')
    .leftJoin('relocation_persons as p', (j) =>
      j
        .onRef('p.region_id', '=', 'c.region_id')
        .onRef('p.case_id', '=', 'c.id')
        .on('p.role', 'in', ['main', 'partner'])
        .on((eb) =>
          eb.or([
            eb('p.account_id', '=', accountId),
            eb.and([eb(sql`lower(p.email)`, '=', email.toLowerCase()), eb('p.account_id', 'is', null)]),
          ]),
        ),
    )
    .select(['c.id', 'c.account_id', 'p.role'])
    .where('c.region_id', '=', regionId)
    .where((eb) => eb.or([eb('c.account_id', '=', accountId), eb('p.id', 'is not', null)]))
    .execute();
  const result = new Map<string, boolean>();
  for (const row of rows) {
    const main = row.account_id === accountId || row.role === 'main';
    result.set(row.id, (result.get(row.id) ?? false) || main);
  }
  return [...result].map(([caseId, main]) => ({ caseId, main }));
}

/** The live consents of some adults with when each was given: person id → purpose → time. */
export async function liveConsentDates(
  db: Kysely<DB>,
  regionId: string,
  personIds: readonly string[],
): Promise<Map<string, Map<ConsentPurpose, Date>>> {
  const result = new Map<string, Map<ConsentPurpose, Date>>();
  if (personIds.length === 0) return result;
  const rows = await db
    .selectFrom('relocation_consents')
    .select(['person_id', 'purpose', 'given_at'])
    .where('region_id', '=', regionId)
    .where('person_id', 'in', personIds)
    .where('withdrawn_at', 'is', null)
    .execute();
  for (const row of rows) {
    const map = result.get(row.person_id) ?? new Map<ConsentPurpose, Date>();
    map.set(row.purpose as ConsentPurpose, row.given_at);
    result.set(row.person_id, map);
  }
  return result;
}
