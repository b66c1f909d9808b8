/**
 * Possible duplicates among the cases a navigator may see (not merged): pairs of cases that share
 * an adult's e-mail (lower-case, trimmed), a phone (its last nine digits) or the same folded name in
 * the same wished municipality; and adults who signed up to the talent pool but are not linked to
 * their account. Each is a source in a list; the fair scans are one more entry of each (`event`:
 * a lead captured at a stand who asked for a navigator, or whose e-mail is an adult's of an open
 * case — event-facts.ts), and carry where the person was met as the finding's details. Every
 * source is bounded (MAX_FOUND) and groups the visible adults by its key once (linear in the
 * adults: bench part `navigator`, 20,000 cases).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { FOLD_FROM, FOLD_TO } from '../../jobs/words.ts';
import { inScope, type CaseScope } from '../cases.ts';
import { leadCasePairs, leadLinks } from './event-facts.ts';

/** What a source says about one finding, in each language ("met at …, stand …"). */
export type Detail = Readonly<Record<Lang, string>>;

/** At most this many pairs (and as many sign-ups) are listed. */
export const MAX_FOUND = 200;

/** Two cases that may be the same household, `a` < `b`. */
export interface CasePair {
  a: string;
  b: string;
  /** What the source knows about why (shown under the reasons). */
  details?: Detail[];
}

/** A way of finding pairs of cases. */
export interface DuplicateSource {
  /** Stable key (also the reason's word: `dup.reason.<key>` unless `label` is given). */
  key: string;
  label?: Readonly<Record<Lang, string>>;
  pairs(db: Kysely<DB>, scope: CaseScope, limit: number): Promise<CasePair[]>;
}

/** An adult of a case who may be linked to an account (a sign-up somewhere else). */
export interface LinkCandidate {
  personId: string;
  caseId: string;
  accountId: string;
  source: string;
  /**
   * The account is proven to be this adult's (the case was made by that account for its main
   * mover), so the navigator may link them. Otherwise the e-mail is only what someone typed: the
   * adult gets a link to confirm it themselves.
   */
  proven?: boolean;
  /** What the source knows about the match (shown with it). */
  details?: Detail[];
}

/** A way of finding adults who are someone already known by another door. */
export interface LinkSource {
  key: string;
  links(db: Kysely<DB>, scope: CaseScope, limit: number): Promise<LinkCandidate[]>;
}

/** The cases of the scope that are not merged, as a CTE body. */
function visibleCases(scope: CaseScope) {
  return sql`SELECT c.id, c.municipality_code, c.account_id FROM relocation_cases c
    WHERE c.region_id = ${scope.regionId} AND c.merged_into IS NULL AND ${inScope(scope)}`;
}

/**
 * Pairs of visible cases whose adults (not children) share a `key` (an expression over the adult
 * `p` and its case `v`), among the adults satisfying `has`. The keys are grouped first (one hash
 * aggregate over the visible adults) and only the keys of two or more cases are paired, so the
 * work grows with the number of adults, not their square: a self-join on the raw condition under
 * LIMIT led the planner to a nested loop over every pair of adults (minutes at 20,000 cases).
 */
async function pairsBy(
  db: Kysely<DB>,
  scope: CaseScope,
  limit: number,
  key: ReturnType<typeof sql>,
  has: ReturnType<typeof sql>,
): Promise<CasePair[]> {
  const rows = await sql<{ a: string; b: string }>`
    WITH v AS MATERIALIZED (${visibleCases(scope)}),
    k AS MATERIALIZED (
      SELECT p.case_id, ${key} AS key
      FROM relocation_persons p
      JOIN v ON v.id = p.case_id
      WHERE p.region_id = ${scope.regionId} AND p.role <> 'child' AND ${has}),
    shared AS (SELECT key FROM k GROUP BY key HAVING count(DISTINCT case_id) > 1)
    SELECT DISTINCT k1.case_id AS a, k2.case_id AS b
    FROM shared
    JOIN k k1 ON k1.key = shared.key
    JOIN k k2 ON k2.key = shared.key AND k2.case_id > k1.case_id
    ORDER BY a, b
    LIMIT ${limit}`.execute(db);
  return rows.rows;
}

const folded = (column: string) =>
  sql`translate(lower(regexp_replace(trim(${sql.ref(column)}), '\\s+', ' ', 'g')), ${FOLD_FROM}, ${FOLD_TO})`;
const digits = sql`regexp_replace(p.phone, '[^0-9]', '', 'g')`;

export const DUPLICATE_SOURCES: DuplicateSource[] = [
  {
    key: 'email',
    pairs: (db, scope, limit) =>
      pairsBy(db, scope, limit, sql`lower(trim(p.email))`, sql`p.email IS NOT NULL AND trim(p.email) <> ''`),
  },
  {
    key: 'phone',
    pairs: (db, scope, limit) =>
      pairsBy(
        db,
        scope,
        limit,
        sql`right(${digits}, 9)`,
        sql`p.phone IS NOT NULL AND length(${digits}) >= 7`,
      ),
  },
  {
    key: 'name',
    pairs: (db, scope, limit) =>
      pairsBy(
        db,
        scope,
        limit,
        sql`v.municipality_code || ' ' || ${folded('p.name')}`,
        sql`v.municipality_code IS NOT NULL AND trim(p.name) <> ''`,
      ),
  },
  {
    // A lead who asked a fair stand for a navigator (its case) and an open case with their e-mail.
    key: 'event',
    pairs: async (db, scope, limit) =>
      (await leadCasePairs(db, scope, limit)).map((p) => ({ a: p.a, b: p.b, details: [p.metAt] })),
  },
];

export const LINK_SOURCES: LinkSource[] = [
  {
    // An adult with an e-mail and no account, whose e-mail is an account's with a talent profile.
    key: 'talent',
    links: async (db, scope, limit) => {
      const rows = await sql<{ person_id: string; case_id: string; account_id: string; proven: boolean }>`
        WITH v AS (${visibleCases(scope)})
        SELECT p.id AS person_id, p.case_id, a.id AS account_id,
          (p.role = 'main' AND v.account_id IS NOT DISTINCT FROM a.id) AS proven
        FROM relocation_persons p
        JOIN v ON v.id = p.case_id
        JOIN accounts a ON a.region_id = p.region_id AND lower(a.email) = lower(trim(p.email))
        JOIN talent_profiles t ON t.region_id = a.region_id AND t.account_id = a.id
        WHERE p.region_id = ${scope.regionId} AND p.role <> 'child'
          AND p.email IS NOT NULL AND p.account_id IS NULL
        ORDER BY p.created_at, p.id
        LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => ({
        personId: r.person_id,
        caseId: r.case_id,
        accountId: r.account_id,
        source: 'talent',
        proven: r.proven === true,
      }));
    },
  },
  {
    // An adult whose e-mail a fair lead left, the lead's account having a talent pool profile.
    key: 'event',
    links: async (db, scope, limit) =>
      (await leadLinks(db, scope, limit)).map((l) => ({
        personId: l.personId,
        caseId: l.caseId,
        accountId: l.accountId,
        source: 'event',
        details: [l.metAt],
      })),
  },
];

/** Adds details not already there (the same lead may be found twice). */
function addDetails(into: Detail[], more: readonly Detail[] | undefined): void {
  for (const d of more ?? []) if (!into.some((x) => x.sv === d.sv && x.en === d.en)) into.push(d);
}

export interface FoundPair extends CasePair {
  /** The sources that found it. */
  reasons: string[];
  details: Detail[];
}

export interface Found {
  pairs: FoundPair[];
  links: LinkCandidate[];
  /** More may exist than were listed. */
  capped: boolean;
}

/** Every source's findings, pairs joined across sources, at most MAX_FOUND of each. */
export async function findDuplicates(
  db: Kysely<DB>,
  scope: CaseScope,
  sources: { pairs: readonly DuplicateSource[]; links: readonly LinkSource[] } = {
    pairs: DUPLICATE_SOURCES,
    links: LINK_SOURCES,
  },
): Promise<Found> {
  const byKey = new Map<string, FoundPair>();
  let capped = false;
  for (const source of sources.pairs) {
    const pairs = await source.pairs(db, scope, MAX_FOUND);
    if (pairs.length >= MAX_FOUND) capped = true;
    for (const pair of pairs) {
      const key = `${pair.a}/${pair.b}`;
      const found = byKey.get(key) ?? { a: pair.a, b: pair.b, reasons: [], details: [] };
      if (!found.reasons.includes(source.key)) found.reasons.push(source.key);
      addDetails(found.details, pair.details);
      byKey.set(key, found);
    }
  }
  const pairs = [...byKey.values()].slice(0, MAX_FOUND);
  if (byKey.size > MAX_FOUND) capped = true;
  // One row per adult: a second source finding the same adult adds its details to the first's.
  const byPerson = new Map<string, LinkCandidate & { details: Detail[] }>();
  for (const source of sources.links) {
    const found = await source.links(db, scope, MAX_FOUND);
    if (found.length >= MAX_FOUND) capped = true;
    for (const link of found) {
      const known = byPerson.get(link.personId);
      if (known) addDetails(known.details, link.details);
      else byPerson.set(link.personId, { ...link, details: [...(link.details ?? [])] });
    }
  }
  const links = [...byPerson.values()];
  return { pairs, links: links.slice(0, MAX_FOUND), capped };
}
