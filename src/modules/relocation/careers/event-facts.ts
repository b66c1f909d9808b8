/**
 * The navigators' reads of the events module's tables (migration 0035): the leads captured at fair
 * stands as a source of possible duplicates and of adults to link, and a household's events for
 * the case file's "Evenemang" panel. Reads only — the events module owns and writes these tables;
 * these reads may move into it later. Every read is bounded.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { formatDate, LANGUAGES, type Lang } from '../../../platform/i18n/index.ts';
import { inScope, type CaseScope } from '../cases.ts';
import { OPEN_STAGES } from '../model.ts';
import { careersMessages } from './messages.ts';

/** Where a lead was met, in words: "träffades på Jobbmässan Malmö, monter A1, Dala Energi, 3 mars 2027". */
export type MetAt = Readonly<Record<Lang, string>>;

export interface MetAtFacts {
  titleSv: string;
  titleEn: string;
  stand: string;
  employer: string | null;
  at: Date;
}

export function metAt(f: MetAtFacts): MetAt {
  const say = (lang: Lang) => {
    const title = (lang === 'en' ? f.titleEn || f.titleSv : f.titleSv || f.titleEn) || '—';
    const parts = [careersMessages.t(lang, 'dup.met', { event: title })];
    if (f.stand) parts.push(careersMessages.t(lang, 'dup.metStand', { stand: f.stand }));
    parts.push(f.employer ?? careersMessages.t(lang, 'dup.metOrganiser'));
    parts.push(formatDate(lang, f.at));
    return parts.join(', ');
  };
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, say(lang)])) as Record<Lang, string>;
}

const OPEN = sql.join(OPEN_STAGES.map((s) => sql`${s}`));

/** The cases of the scope that are not merged, as a CTE body (the duplicates page's own rule). */
function visibleCases(scope: CaseScope) {
  return sql`SELECT c.id, c.stage FROM relocation_cases c
    WHERE c.region_id = ${scope.regionId} AND c.merged_into IS NULL AND ${inScope(scope)}`;
}

interface LeadRow {
  title_sv: string;
  title_en: string;
  stand: string;
  employer: string | null;
  created_at: Date;
}

const leadFacts = (r: LeadRow): MetAtFacts => ({
  titleSv: r.title_sv,
  titleEn: r.title_en,
  stand: r.stand,
  employer: r.employer,
  at: r.created_at,
});

/**
 * Pairs of visible cases joined by a fair lead: the case made when the lead asked for a navigator
 * (event_leads.case_id) and another open case with an adult of the lead's e-mail, each pair with
 * where they were met. At most `limit` rows (lead and pair).
 */
export async function leadCasePairs(
  db: Kysely<DB>,
  scope: CaseScope,
  limit: number,
): Promise<Array<{ a: string; b: string; metAt: MetAt }>> {
  const rows = await sql<LeadRow & { a: string; b: string }>`
    WITH v AS MATERIALIZED (${visibleCases(scope)}),
    adults AS MATERIALIZED (
      SELECT DISTINCT p.case_id, lower(trim(p.email)) AS email
      FROM relocation_persons p JOIN v ON v.id = p.case_id
      WHERE p.region_id = ${scope.regionId} AND p.role <> 'child' AND v.stage IN (${OPEN})
        AND p.email IS NOT NULL AND trim(p.email) <> '')
    SELECT least(l.case_id, ad.case_id) AS a, greatest(l.case_id, ad.case_id) AS b,
      e.title_sv, e.title_en, l.stand, o.name AS employer, l.created_at
    FROM event_leads l
    JOIN v lv ON lv.id = l.case_id
    JOIN adults ad ON ad.email = lower(trim(l.email)) AND ad.case_id <> l.case_id
    JOIN events e ON e.region_id = l.region_id AND e.id = l.event_id
    LEFT JOIN organisations o ON o.region_id = l.region_id AND o.id = l.organisation_id
    WHERE l.region_id = ${scope.regionId} AND l.case_id IS NOT NULL
    ORDER BY a, b, l.created_at DESC
    LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({ a: r.a, b: r.b, metAt: metAt(leadFacts(r)) }));
}

/**
 * Adults without an account of visible open cases whose e-mail a fair lead left, when the lead's
 * account has a talent pool profile (they joined the pool at the stand): the adult may be linked
 * to it, as the duplicates page's "talent" source offers. At most `limit`.
 */
export async function leadLinks(
  db: Kysely<DB>,
  scope: CaseScope,
  limit: number,
): Promise<Array<{ personId: string; caseId: string; accountId: string; metAt: MetAt }>> {
  const rows = await sql<LeadRow & { person_id: string; case_id: string; account_id: string }>`
    WITH v AS MATERIALIZED (${visibleCases(scope)})
    SELECT DISTINCT ON (p.id) p.id AS person_id, p.case_id, a.id AS account_id,
      e.title_sv, e.title_en, l.stand, o.name AS employer, l.created_at
    FROM relocation_persons p
    JOIN v ON v.id = p.case_id AND v.stage IN (${OPEN})
    JOIN event_leads l ON l.region_id = p.region_id AND lower(trim(l.email)) = lower(trim(p.email))
    JOIN accounts a ON a.region_id = l.region_id AND a.id = l.account_id
      AND lower(a.email) = lower(trim(p.email))
    JOIN talent_profiles t ON t.region_id = a.region_id AND t.account_id = a.id
    JOIN events e ON e.region_id = l.region_id AND e.id = l.event_id
    LEFT JOIN organisations o ON o.region_id = l.region_id AND o.id = l.organisation_id
    WHERE p.region_id = ${scope.regionId} AND p.role <> 'child'
      AND p.email IS NOT NULL AND p.account_id IS NULL
    ORDER BY p.id, l.created_at DESC
    LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    personId: r.person_id,
    caseId: r.case_id,
    accountId: r.account_id,
    metAt: metAt(leadFacts(r)),
  }));
}

/** At most this many registrations and as many leads are shown in the case file. */
export const CASE_EVENTS_LIMIT = 50;

export interface CaseRegistration {
  eventId: string;
  titleSv: string;
  titleEn: string;
  startsAt: Date;
  eventStatus: string;
  name: string;
  status: string;
  seats: number;
  checkedIn: boolean;
}

export interface CaseLead {
  eventId: string;
  titleSv: string;
  titleEn: string;
  name: string;
  stand: string;
  employer: string | null;
  createdAt: Date;
  wantsNavigator: boolean;
}

/**
 * The events a household's adults registered for (by their account or their e-mail), latest event
 * first, and the leads captured at stands with their e-mail or for this case.
 */
export async function eventsOfHousehold(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  adults: ReadonlyArray<{ accountId: string | null; email: string | null }>,
): Promise<{ registrations: CaseRegistration[]; leads: CaseLead[] }> {
  const accounts = [...new Set(adults.flatMap((a) => (a.accountId ? [a.accountId] : [])))];
  const emails = [...new Set(adults.flatMap((a) => (a.email?.trim() ? [a.email.trim().toLowerCase()] : [])))];
  const registrations =
    accounts.length + emails.length === 0
      ? []
      : await db
          .selectFrom('event_registrations as r')
          .innerJoin('events as e', (j) =>
            j.onRef('e.region_id', '=', 'r.region_id').onRef('e.id', '=', 'r.event_id'),
          )
          .leftJoin('event_checkins as c', (j) =>
            j.onRef('c.region_id', '=', 'r.region_id').onRef('c.registration_id', '=', 'r.id'),
          )
          .select([
            'e.id as eventId',
            'e.title_sv as titleSv',
            'e.title_en as titleEn',
            'e.starts_at as startsAt',
            'e.status as eventStatus',
            'r.name',
            'r.status',
            'r.seats',
          ])
          .select(sql<boolean>`c.registration_id is not null`.as('checkedIn'))
          .where('r.region_id', '=', regionId)
          .where((eb) =>
            eb.or([
              ...(accounts.length ? [eb('r.account_id', 'in', accounts)] : []),
              ...(emails.length ? [eb('r.email', 'in', emails)] : []),
            ]),
          )
          .orderBy('e.starts_at', 'desc')
          .orderBy('r.id')
          .limit(CASE_EVENTS_LIMIT)
          .execute();
  const leads = await db
    .selectFrom('event_leads as l')
    .innerJoin('events as e', (j) =>
      j.onRef('e.region_id', '=', 'l.region_id').onRef('e.id', '=', 'l.event_id'),
    )
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'l.region_id').onRef('o.id', '=', 'l.organisation_id'),
    )
    .select([
      'e.id as eventId',
      'e.title_sv as titleSv',
      'e.title_en as titleEn',
      'l.name',
      'l.stand',
      'o.name as employer',
      'l.created_at as createdAt',
      'l.wants_navigator as wantsNavigator',
    ])
    .where('l.region_id', '=', regionId)
    .where((eb) =>
      eb.or([
        eb('l.case_id', '=', caseId),
        ...(emails.length ? [eb(sql<string>`lower(trim(l.email))`, 'in', emails)] : []),
      ]),
    )
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id')
    .limit(CASE_EVENTS_LIMIT)
    .execute();
  return { registrations, leads };
}
