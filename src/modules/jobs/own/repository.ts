/**
 * SQL of the employers' own ads (job_ads rows of origin 'own', migration 0024) and the taxonomy
 * lookups their form needs. Every read names the region and, for the back-office, the
 * organisation: another organisation's ad is simply not found. Writes take the caller's
 * transaction (the service holds the rules, the write lock, the change notice and the audit).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { FOLD_FROM, FOLD_TO, fold } from '../words.ts';
import type { JobAdRow } from '../ingest/normalize.ts';
import type { Occupation, OwnAdData } from './model.ts';
import { isWellFormedOwnAdId } from './ids.ts';

/** An own ad as the back-office lists it. */
export interface OwnAdSummary {
  id: string;
  headline: string;
  municipalityCode: string | null;
  status: 'open' | 'closed';
  closedReason: 'removed' | 'expired' | 'missing' | null;
  publishedAt: Date;
  deadlineAt: Date;
  closedAt: Date | null;
}

/** An own ad with what its form shows, and the change number an edit starts from. */
export interface OwnAd extends OwnAdSummary {
  data: OwnAdData;
  /** The row's change number (migration 0014): an edit saves only over the version it started from. */
  changeSeq: string;
  employerName: string;
}

const SUMMARY = [
  'id',
  'headline',
  'municipality_code',
  'status',
  'closed_reason',
  'published_at',
  'deadline_at',
  'closed_at',
] as const;

type SummaryRow = {
  id: string;
  headline: string;
  municipality_code: string | null;
  status: 'open' | 'closed';
  closed_reason: 'removed' | 'expired' | 'missing' | null;
  published_at: Date;
  deadline_at: Date | null;
  closed_at: Date | null;
};

function toSummary(r: SummaryRow): OwnAdSummary {
  return {
    id: r.id,
    headline: r.headline,
    municipalityCode: r.municipality_code,
    status: r.status,
    closedReason: r.closed_reason,
    publishedAt: r.published_at,
    // Own ads always have one (migration 0024's check).
    deadlineAt: r.deadline_at as Date,
    closedAt: r.closed_at,
  };
}

function ownAds(db: Kysely<DB>, regionId: string, organisationId: string) {
  return db
    .selectFrom('job_ads')
    .where('region_id', '=', regionId)
    .where('origin', '=', 'own')
    .where('organisation_id', '=', organisationId);
}

/** The organisation's open ads (soonest deadline first) and its latest closed ones. */
export async function listOwnAds(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  closedLimit: number,
): Promise<{ open: OwnAdSummary[]; closed: OwnAdSummary[]; closedMore: boolean }> {
  const [open, closed] = await Promise.all([
    ownAds(db, regionId, organisationId)
      .select(SUMMARY)
      .where('status', '=', 'open')
      .orderBy('deadline_at')
      .orderBy('id')
      .execute(),
    ownAds(db, regionId, organisationId)
      .select(SUMMARY)
      .where('status', '=', 'closed')
      .orderBy('closed_at', 'desc')
      .orderBy('id')
      .limit(closedLimit + 1)
      .execute(),
  ]);
  return {
    open: open.map(toSummary),
    closed: closed.slice(0, closedLimit).map(toSummary),
    closedMore: closed.length > closedLimit,
  };
}

/** How many open ads the organisation has (the cap on publishing). */
export async function countOpenOwnAds(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
): Promise<number> {
  const row = await ownAds(db, regionId, organisationId)
    .where('status', '=', 'open')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One of the organisation's ads; undefined for an id of another organisation, a mirrored ad or
 * none. `lock` takes its row for the rest of the transaction.
 */
export async function getOwnAd(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<OwnAd | undefined> {
  if (!isWellFormedOwnAdId(id)) return undefined;
  let query = ownAds(db, regionId, organisationId)
    .select([...SUMMARY, 'employer_name', 'change_seq', sql<unknown>`raw->'lotsa_own'`.as('data')])
    .where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toSummary(row),
    employerName: row.employer_name,
    changeSeq: String(row.change_seq),
    data: row.data as OwnAdData,
  };
}

export async function insertOwnAd(trx: Kysely<DB>, row: JobAdRow): Promise<void> {
  await trx.insertInto('job_ads').values(row).execute();
}

/** Writes an edited ad over the stored one (same id, organisation and first publication). */
export async function updateOwnAd(trx: Kysely<DB>, row: JobAdRow): Promise<void> {
  const {
    region_id,
    id,
    organisation_id,
    created_by: _createdBy,
    published_at: _published,
    first_seen_at: _firstSeen,
    ...rest
  } = row;
  await trx
    .updateTable('job_ads')
    .set({ ...rest, updated_at: sql`now()` })
    .where('region_id', '=', region_id)
    .where('id', '=', id)
    .where('origin', '=', 'own')
    .where('organisation_id', '=', organisation_id ?? null)
    .execute();
}

/** Closes an open own ad; false when it was not open. */
export async function closeOwnAd(
  trx: Kysely<DB>,
  ad: { regionId: string; id: string; updatedBy: string | null },
  reason: 'removed' | 'expired',
  at: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('job_ads')
    .set({
      status: 'closed',
      closed_reason: reason,
      closed_at: at,
      updated_at: sql`now()`,
      ...(ad.updatedBy ? { updated_by: ad.updatedBy } : {}),
    })
    .where('region_id', '=', ad.regionId)
    .where('id', '=', ad.id)
    .where('origin', '=', 'own')
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** An own ad whose deadline has passed, as the expiry task closes it. */
export interface DueOwnAd {
  regionId: string;
  id: string;
  headline: string;
  organisationId: string | null;
  deadlineAt: Date;
}

/** Open own ads (of every region) whose deadline is before `now`, at most `limit`, locked. */
export async function dueOwnAds(trx: Kysely<DB>, now: Date, limit: number): Promise<DueOwnAd[]> {
  const rows = await trx
    .selectFrom('job_ads')
    .select(['region_id', 'id', 'headline', 'organisation_id', 'deadline_at'])
    .where('origin', '=', 'own')
    .where('status', '=', 'open')
    .where('deadline_at', '<', now)
    .orderBy('deadline_at')
    .orderBy('region_id')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => ({
    regionId: r.region_id,
    id: r.id,
    headline: r.headline,
    organisationId: r.organisation_id,
    deadlineAt: r.deadline_at as Date,
  }));
}

// ---------------------------------------------------------------------------------------------
// The taxonomy the form chooses from

function occupations(db: Kysely<DB>) {
  return db
    .selectFrom('taxonomy_concepts as o')
    .leftJoin('taxonomy_concepts as g', (j) =>
      j.onRef('g.concept_id', '=', 'o.parent_id').on('g.type', '=', 'ssyk-level-4'),
    )
    .leftJoin('taxonomy_concepts as f', (j) =>
      j.onRef('f.concept_id', '=', 'g.parent_id').on('f.type', '=', 'occupation-field'),
    )
    .select([
      'o.concept_id as id',
      'o.label as label',
      'g.concept_id as group_id',
      'g.label as group_label',
      'f.concept_id as field_id',
      'f.label as field_label',
    ])
    .where('o.type', '=', 'occupation-name')
    .where('o.deprecated', '=', false);
}

type OccupationRow = {
  id: string;
  label: string;
  group_id: string | null;
  group_label: string | null;
  field_id: string | null;
  field_label: string | null;
};

const toOccupation = (r: OccupationRow): Occupation => ({
  id: r.id,
  label: r.label,
  groupId: r.group_id,
  groupLabel: r.group_label ?? '',
  fieldId: r.field_id,
  fieldLabel: r.field_label ?? '',
});

/** A current occupation name by its concept id; undefined for anything else. */
export async function occupationById(db: Kysely<DB>, id: string): Promise<Occupation | undefined> {
  if (!/^[A-Za-z0-9_-]{3,40}$/.test(id)) return undefined;
  const row = await occupations(db).where('o.concept_id', '=', id).executeTakeFirst();
  return row && toOccupation(row);
}

/**
 * Current occupation names whose label contains `text` (letters folded: "sjukskoterska" finds
 * "Sjuksköterska"), those that start with it and the shortest first; at most `limit`.
 */
export async function searchOccupations(db: Kysely<DB>, text: string, limit: number): Promise<Occupation[]> {
  const needle = fold(text.trim().replace(/\s+/g, ' '));
  if (needle === '') return [];
  const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
  const folded = sql<string>`translate(lower(o.label), ${FOLD_FROM}, ${FOLD_TO})`;
  const rows = await occupations(db)
    .where(folded, 'like', `%${escaped}%`)
    .orderBy(sql`${folded} = ${needle}`, 'desc')
    .orderBy(sql`${folded} LIKE ${`${escaped}%`}`, 'desc')
    .orderBy(sql`length(o.label)`)
    .orderBy('o.label')
    .limit(limit)
    .execute();
  return rows.map(toOccupation);
}

/** The label of a taxonomy concept of `type`; undefined when it is not one. */
export async function conceptLabel(
  db: Kysely<DB>,
  type: 'employment-type' | 'worktime-extent',
  id: string,
): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{3,40}$/.test(id)) return undefined;
  const row = await db
    .selectFrom('taxonomy_concepts')
    .select('label')
    .where('concept_id', '=', id)
    .where('type', '=', type)
    .where('deprecated', '=', false)
    .executeTakeFirst();
  return row?.label;
}

/** The enumeration's concepts (id, Swedish and English label), by Swedish label. */
export async function conceptsOfType(
  db: Kysely<DB>,
  type: 'employment-type' | 'worktime-extent',
): Promise<Array<{ id: string; label: string; labelEn: string | null }>> {
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', 'label', 'label_en'])
    .where('type', '=', type)
    .where('deprecated', '=', false)
    .orderBy('label')
    .execute();
  return rows.map((r) => ({ id: r.concept_id, label: r.label, labelEn: r.label_en }));
}
