/**
 * Possible duplicates among the cases a navigator may see (not merged): pairs of cases that share
 * an adult's e-mail (lower-case, trimmed), a phone (its last nine digits) or the same folded name in
 * the same wished municipality; and adults who signed up to the talent pool but are not linked to
 * their account. Each is a source in a list, so another way of finding them (the events module's
 * fair scans) is one more entry. Every source is bounded (MAX_FOUND) and reads through indexes
 * (relocation_persons on lower(email) and on the phone's last nine digits).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { FOLD_FROM, FOLD_TO } from '../../jobs/words.ts';
import { inScope, type CaseScope } from '../cases.ts';

/** At most this many pairs (and as many sign-ups) are listed. */
export const MAX_FOUND = 200;

/** Two cases that may be the same household, `a` < `b`. */
export interface CasePair {
  a: string;
  b: string;
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
 * Pairs of visible cases whose adults satisfy `same` (over `p1`, `p2` and their cases `v1`, `v2`);
 * p2 is read from the table itself so its indexes serve the comparison.
 */
async function pairsBy(
  db: Kysely<DB>,
  scope: CaseScope,
  limit: number,
  same: ReturnType<typeof sql>,
): Promise<CasePair[]> {
  const rows = await sql<{ a: string; b: string }>`
    WITH v AS MATERIALIZED (${visibleCases(scope)})
    SELECT DISTINCT p1.case_id AS a, p2.case_id AS b
    FROM relocation_persons p1
    JOIN v v1 ON v1.id = p1.case_id
    JOIN relocation_persons p2 ON p2.region_id = p1.region_id AND p2.case_id > p1.case_id
    JOIN v v2 ON v2.id = p2.case_id
    WHERE p1.region_id = ${scope.regionId} AND p1.role <> 'child' AND p2.role <> 'child' AND ${same}
    ORDER BY a, b
    LIMIT ${limit}`.execute(db);
  return rows.rows;
}

const folded = (column: string) =>
  sql`translate(lower(regexp_replace(trim(${sql.ref(column)}), '\\s+', ' ', 'g')), ${FOLD_FROM}, ${FOLD_TO})`;

export const DUPLICATE_SOURCES: DuplicateSource[] = [
  {
    key: 'email',
    pairs: (db, scope, limit) =>
      pairsBy(
        db,
        scope,
        limit,
        sql`p1.email IS NOT NULL AND trim(p1.email) <> '' AND lower(p2.email) = lower(trim(p1.email))`,
      ),
  },
  {
    key: 'phone',
    pairs: (db, scope, limit) =>
      pairsBy(
        db,
        scope,
        limit,
        sql`p1.phone IS NOT NULL AND length(regexp_replace(p1.phone, '[^0-9]', '', 'g')) >= 7
          AND right(regexp_replace(p2.phone, '[^0-9]', '', 'g'), 9) = right(regexp_replace(p1.phone, '[^0-9]', '', 'g'), 9)`,
      ),
  },
  {
    key: 'name',
    pairs: (db, scope, limit) =>
      pairsBy(
        db,
        scope,
        limit,
        sql`v1.municipality_code IS NOT NULL AND v2.municipality_code = v1.municipality_code
          AND trim(p1.name) <> '' AND ${folded('p2.name')} = ${folded('p1.name')}`,
      ),
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
];

export interface FoundPair extends CasePair {
  /** The sources that found it. */
  reasons: string[];
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
      const found = byKey.get(key) ?? { ...pair, reasons: [] };
      if (!found.reasons.includes(source.key)) found.reasons.push(source.key);
      byKey.set(key, found);
    }
  }
  const pairs = [...byKey.values()].slice(0, MAX_FOUND);
  if (byKey.size > MAX_FOUND) capped = true;
  const links: LinkCandidate[] = [];
  for (const source of sources.links) {
    const found = await source.links(db, scope, MAX_FOUND);
    if (found.length >= MAX_FOUND) capped = true;
    links.push(...found);
  }
  return { pairs, links: links.slice(0, MAX_FOUND), capped };
}
