/**
 * The careers part's SQL (migration 0031): job applications, introductions to employers, the
 * region's employer organisations and their admins, and what the merge moves from one case to
 * another. Services call these inside their transactions.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { FOLD_FROM, FOLD_TO } from '../../jobs/words.ts';

export const APPLICATION_STATUSES = [
  'applied',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const INTRO_STATUSES = ['sent', 'interested', 'not_now', 'hired'] as const;
export type IntroStatus = (typeof INTRO_STATUSES)[number];
/** What an employer may answer. */
export const INTRO_ANSWERS = ['interested', 'not_now', 'hired'] as const;
export type IntroAnswer = (typeof INTRO_ANSWERS)[number];

/** Exactly what an employer is shown of the person introduced. */
export interface SharedFacts {
  name: string;
  occupation: string;
  email: string | null;
  phone: string | null;
}

// ------------------------------------------------------------------ applications

export interface ApplicationRow {
  id: string;
  personId: string;
  employer: string;
  title: string;
  jobId: string | null;
  jobHeadline: string | null;
  status: ApplicationStatus;
  notedOn: Date;
  note: string;
  createdAt: Date;
}

export async function applicationsOf(
  db: Kysely<DB>,
  regionId: string,
  personIds: readonly string[],
  limit = 200,
): Promise<ApplicationRow[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('relocation_job_applications as a')
    .leftJoin('job_ads as j', (j) =>
      j.onRef('j.region_id', '=', 'a.region_id').onRef('j.id', '=', 'a.job_id'),
    )
    .select([
      'a.id',
      'a.person_id',
      'a.employer',
      'a.title',
      'a.job_id',
      'j.headline',
      'a.status',
      'a.noted_on',
      'a.note',
      'a.created_at',
    ])
    .where('a.region_id', '=', regionId)
    .where('a.person_id', 'in', personIds)
    .orderBy('a.noted_on', 'desc')
    .orderBy('a.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    employer: r.employer,
    title: r.title,
    jobId: r.job_id,
    jobHeadline: r.headline,
    status: r.status as ApplicationStatus,
    notedOn: r.noted_on,
    note: r.note,
    createdAt: r.created_at,
  }));
}

/** One application of a person of the case. */
export async function applicationOfCase(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  applicationId: string,
) {
  return db
    .selectFrom('relocation_job_applications as a')
    .innerJoin('relocation_persons as p', (j) =>
      j.onRef('p.region_id', '=', 'a.region_id').onRef('p.id', '=', 'a.person_id'),
    )
    .select(['a.id', 'a.person_id', 'a.employer', 'a.title', 'a.status', 'p.role'])
    .where('a.region_id', '=', regionId)
    .where('a.id', '=', applicationId)
    .where('p.case_id', '=', caseId)
    .executeTakeFirst();
}

export async function openJobExists(db: Kysely<DB>, regionId: string, jobId: string): Promise<boolean> {
  const row = await db
    .selectFrom('job_ads')
    .select('id')
    .where('region_id', '=', regionId)
    .where('id', '=', jobId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row !== undefined;
}

// ------------------------------------------------------------------ employers

export interface EmployerOrg {
  id: string;
  name: string;
  orgNumber: string | null;
}

/** Employer organisations of the region whose name contains the text (letters folded), by name. */
export async function searchEmployers(
  db: Kysely<DB>,
  regionId: string,
  text: string,
  limit = 20,
): Promise<EmployerOrg[]> {
  const needle = text.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 100);
  if (needle === '') return [];
  const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
  const folded = sql<string>`translate(lower(name), ${FOLD_FROM}, ${FOLD_TO})`;
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'org_number'])
    .where('region_id', '=', regionId)
    .where('kind', '=', 'employer')
    .where(folded, 'like', sql<string>`'%' || translate(${escaped}, ${FOLD_FROM}, ${FOLD_TO}) || '%'`)
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, orgNumber: r.org_number }));
}

export async function employerById(
  db: Kysely<DB>,
  regionId: string,
  id: string,
): Promise<EmployerOrg | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'org_number'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .where('kind', '=', 'employer')
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, orgNumber: row.org_number };
}

/** The organisation's employer admins (whom a new introduction is e-mailed to). */
export async function employerAdmins(db: Kysely<DB>, regionId: string, organisationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'm.region_id').onRef('a.id', '=', 'm.account_id'),
    )
    .select(['a.id', 'a.email', 'a.language'])
    .where('m.region_id', '=', regionId)
    .where('m.organisation_id', '=', organisationId)
    .where('m.role', '=', 'employer_admin')
    .orderBy('a.email')
    .limit(50)
    .execute();
}

// ------------------------------------------------------------------ introductions

export interface IntroductionRow {
  id: string;
  caseId: string;
  personId: string;
  organisationId: string;
  organisationName: string;
  jobId: string | null;
  jobHeadline: string | null;
  message: string;
  shared: SharedFacts;
  /**
   * The person's 'employers' consent is no longer live (withdrawn, or the person is gone): the
   * employer's pages then show nothing of what was shared and take no answer.
   */
  withdrawn: boolean;
  navigatorId: string | null;
  navigatorName: string | null;
  navigatorEmail: string | null;
  navigatorLanguage: string | null;
  status: IntroStatus;
  createdAt: Date;
  answeredAt: Date | null;
}

function introductionQuery(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('relocation_introductions as i')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'i.region_id').onRef('o.id', '=', 'i.organisation_id'),
    )
    .leftJoin('job_ads as j', (j) =>
      j.onRef('j.region_id', '=', 'i.region_id').onRef('j.id', '=', 'i.job_id'),
    )
    .leftJoin('accounts as n', (j) =>
      j.onRef('n.region_id', '=', 'i.region_id').onRef('n.id', '=', 'i.navigator_id'),
    )
    .select([
      'i.id',
      'i.case_id',
      'i.person_id',
      'i.organisation_id',
      'o.name as organisation_name',
      'i.job_id',
      'j.headline as job_headline',
      'i.message',
      'i.shared',
      (eb) =>
        eb
          .not(
            eb.exists(
              eb
                .selectFrom('relocation_consents as k')
                .select(sql`1`.as('one'))
                .whereRef('k.region_id', '=', 'i.region_id')
                .whereRef('k.person_id', '=', 'i.person_id')
                .where('k.purpose', '=', 'employers')
                .where('k.withdrawn_at', 'is', null),
            ),
          )
          .as('withdrawn'),
      'i.navigator_id',
      'n.display_name as navigator_name',
      'n.email as navigator_email',
      'n.language as navigator_language',
      'i.status',
      'i.created_at',
      'i.answered_at',
    ])
    .where('i.region_id', '=', regionId);
}

type IntroductionSelect = Awaited<ReturnType<ReturnType<typeof introductionQuery>['execute']>>[number];

function sharedOf(value: unknown): SharedFacts {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  return {
    name: str(v.name),
    occupation: str(v.occupation),
    email: str(v.email) || null,
    phone: str(v.phone) || null,
  };
}

function toIntroduction(r: IntroductionSelect): IntroductionRow {
  return {
    id: r.id,
    caseId: r.case_id,
    personId: r.person_id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    jobId: r.job_id,
    jobHeadline: r.job_headline,
    message: r.message,
    shared: sharedOf(r.shared),
    withdrawn: r.withdrawn === true,
    navigatorId: r.navigator_id,
    navigatorName: r.navigator_name,
    navigatorEmail: r.navigator_email,
    navigatorLanguage: r.navigator_language,
    status: r.status as IntroStatus,
    createdAt: r.created_at,
    answeredAt: r.answered_at,
  };
}

export async function introductionsOfCase(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
): Promise<IntroductionRow[]> {
  const rows = await introductionQuery(db, regionId)
    .where('i.case_id', '=', caseId)
    .orderBy('i.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toIntroduction);
}

export async function introductionsOfPersons(
  db: Kysely<DB>,
  regionId: string,
  personIds: readonly string[],
): Promise<IntroductionRow[]> {
  if (personIds.length === 0) return [];
  const rows = await introductionQuery(db, regionId)
    .where('i.person_id', 'in', personIds)
    .orderBy('i.created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map(toIntroduction);
}

/** What an employer may be shown: nothing of the person (nor the message about them) once the consent is withdrawn. */
function forEmployer(intro: IntroductionRow): IntroductionRow {
  if (!intro.withdrawn) return intro;
  return { ...intro, message: '', shared: { name: '', occupation: '', email: null, phone: null } };
}

/** An employer's introductions (what was shared only while the person's consent is live). */
export async function introductionsOfOrganisation(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  limit = 200,
): Promise<IntroductionRow[]> {
  const rows = await introductionQuery(db, regionId)
    .where('i.organisation_id', '=', organisationId)
    .orderBy('i.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => forEmployer(toIntroduction(r)));
}

/** One introduction to an employer (what was shared only while the person's consent is live). */
export async function introductionOfOrganisation(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  id: string,
): Promise<IntroductionRow | undefined> {
  const row = await introductionQuery(db, regionId)
    .where('i.organisation_id', '=', organisationId)
    .where('i.id', '=', id)
    .executeTakeFirst();
  return row && forEmployer(toIntroduction(row));
}

// ------------------------------------------------------------------ merge

/** Locks both cases (FOR UPDATE, in id order so two merges never wait on each other crosswise). */
export async function lockCases(db: Kysely<DB>, regionId: string, ids: readonly string[]): Promise<void> {
  await db
    .selectFrom('relocation_cases')
    .select('id')
    .where('region_id', '=', regionId)
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Tables whose rows simply change case: history, tasks, meetings, documents, slots, links, introductions. */
const CASE_TABLES = [
  'relocation_case_events',
  'relocation_tasks',
  'relocation_meetings',
  'relocation_documents',
  'relocation_slots',
  'relocation_links',
  'relocation_introductions',
] as const;

/** Moves the case's own rows (not its persons) from `from` to `to`. */
export async function moveCaseRows(
  db: Kysely<DB>,
  regionId: string,
  from: string,
  to: string,
): Promise<void> {
  for (const table of CASE_TABLES) {
    await db
      .updateTable(table)
      .set({ case_id: to })
      .where('region_id', '=', regionId)
      .where('case_id', '=', from)
      .execute();
  }
  // The checklist: steps done in both stay the survivor's; the rest move.
  await sql`UPDATE relocation_checklist AS o SET case_id = ${to}
    WHERE o.region_id = ${regionId} AND o.case_id = ${from}
      AND NOT EXISTS (SELECT 1 FROM relocation_checklist s
                      WHERE s.region_id = o.region_id AND s.case_id = ${to} AND s.step = o.step)`.execute(db);
  await db
    .deleteFrom('relocation_checklist')
    .where('region_id', '=', regionId)
    .where('case_id', '=', from)
    .execute();
  // Follow-ups: a month the survivor has already stays the survivor's.
  await sql`UPDATE relocation_followups AS o SET case_id = ${to}
    WHERE o.region_id = ${regionId} AND o.case_id = ${from}
      AND NOT EXISTS (SELECT 1 FROM relocation_followups s
                      WHERE s.region_id = o.region_id AND s.case_id = ${to} AND s.months = o.months)`.execute(
    db,
  );
  await db
    .deleteFrom('relocation_followups')
    .where('region_id', '=', regionId)
    .where('case_id', '=', from)
    .execute();
}

/**
 * Merges person `from` into `into`: its consents (a purpose already live in `into` is kept there
 * and the moved one marked withdrawn now, so one stays live), applications, introductions and
 * e-mail links move; then `from` goes.
 */
export async function mergePersonRows(
  db: Kysely<DB>,
  regionId: string,
  from: string,
  into: string,
): Promise<void> {
  await sql`UPDATE relocation_consents AS o SET withdrawn_at = now()
    WHERE o.region_id = ${regionId} AND o.person_id = ${from} AND o.withdrawn_at IS NULL
      AND EXISTS (SELECT 1 FROM relocation_consents s
                  WHERE s.region_id = o.region_id AND s.person_id = ${into}
                    AND s.purpose = o.purpose AND s.withdrawn_at IS NULL)`.execute(db);
  for (const table of [
    'relocation_consents',
    'relocation_job_applications',
    'relocation_introductions',
    'relocation_links',
  ] as const) {
    await db
      .updateTable(table)
      .set({ person_id: into })
      .where('region_id', '=', regionId)
      .where('person_id', '=', from)
      .execute();
  }
  await db
    .deleteFrom('relocation_persons')
    .where('region_id', '=', regionId)
    .where('id', '=', from)
    .execute();
}

export async function eventCount(db: Kysely<DB>, regionId: string, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('relocation_case_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The duplicates page's cases: reference and the main mover's name, by id. */
export async function caseSummaries(
  db: Kysely<DB>,
  regionId: string,
  caseIds: readonly string[],
): Promise<Map<string, { id: string; ref: string; main: string }>> {
  const cases = new Map<string, { id: string; ref: string; main: string }>();
  if (caseIds.length === 0) return cases;
  const rows = await db
    .selectFrom('relocation_cases as c')
    .leftJoin('relocation_persons as p', (j) =>
      j.onRef('p.region_id', '=', 'c.region_id').onRef('p.case_id', '=', 'c.id').on('p.role', '=', 'main'),
    )
    .select(['c.id', 'c.ref', 'p.name'])
    .where('c.region_id', '=', regionId)
    .where('c.id', 'in', caseIds)
    .execute();
  for (const row of rows) cases.set(row.id, { id: row.id, ref: String(row.ref), main: row.name ?? '' });
  return cases;
}

/** The duplicates page's sign-ups: name, e-mail and role of each person, by id. */
export async function personSummaries(
  db: Kysely<DB>,
  regionId: string,
  personIds: readonly string[],
): Promise<Map<string, { name: string; email: string | null; role: string }>> {
  const persons = new Map<string, { name: string; email: string | null; role: string }>();
  if (personIds.length === 0) return persons;
  const rows = await db
    .selectFrom('relocation_persons')
    .select(['id', 'name', 'email', 'role'])
    .where('region_id', '=', regionId)
    .where('id', 'in', personIds)
    .execute();
  for (const row of rows) persons.set(row.id, row);
  return persons;
}
