/**
 * The SQL of the employers' side (migration 0029: talent_card_views, talent_intro_requests,
 * talent_blocks) and its reads of the pool, the taxonomy and the organisation's jobs.
 */
import { ownerConsentsTo } from '../profiles.ts';
import { sql, type Kysely } from 'kysely';
import type { DB, TalentIntroStatus } from '../../../platform/db/schema.ts';
import { FOLD_FROM, FOLD_TO, fold } from '../../jobs/words.ts';
import type { ExperienceLevel, MoveTimeframe } from '../model.ts';
import type { PoolProfile } from './cards.ts';

/** Preschool: 1–5 years; school: 6–15 years (the ages are never shown). */
const PRESCHOOL = (age: number) => age >= 1 && age <= 5;
const SCHOOL = (age: number) => age >= 6 && age <= 15;

/** The visible pool: active profiles whose owners consent to being shown to employers. */
export async function loadPool(db: Kysely<DB>, regionId: string): Promise<PoolProfile[]> {
  const rows = await db
    .selectFrom('talent_profiles as p')
    .select([
      'p.id',
      'p.account_id',
      'p.occupations',
      'p.occupation_groups',
      'p.occupation_fields',
      'p.skills',
      'p.experience',
      'p.languages',
      'p.municipalities',
      'p.anywhere',
      'p.move_when',
      'p.has_partner',
      'p.partner_occupation_fields',
      'p.children_ages',
      'p.updated_at',
    ])
    .where('p.region_id', '=', regionId)
    .where('p.status', '=', 'active')
    .where(ownerConsentsTo('employers'))
    .execute();
  // The group and field of each first occupation (the profile's arrays are sorted sets, whose first
  // group need not be the first occupation's): a card coarsens its own occupation, and the search
  // matches it within its own group and field.
  const parents = await parentsOfNames(db, [...new Set(rows.map((r) => r.occupations[0] ?? ''))]);
  return rows.map((r) => ({
    profileId: r.id,
    accountId: r.account_id,
    occupation: r.occupations[0] ?? '',
    ...(parents.get(r.occupations[0] ?? '') ??
      (r.occupations.length === 1
        ? { group: r.occupation_groups[0] ?? '', field: r.occupation_fields[0] ?? '' }
        : { group: '', field: '' })),
    occupationConcepts: [...r.occupations, ...r.occupation_groups, ...r.occupation_fields],
    skills: r.skills,
    experience: r.experience as ExperienceLevel,
    languages: r.languages,
    municipalities: r.municipalities,
    anywhere: r.anywhere,
    moveWhen: r.move_when as MoveTimeframe,
    partnerField: r.has_partner ? (r.partner_occupation_fields[0] ?? '') : '',
    preschoolChildren: r.children_ages.some(PRESCHOOL),
    schoolChildren: r.children_ages.some(SCHOOL),
    updatedAt: r.updated_at.getTime(),
  }));
}

/** The SSYK-4 group and occupation field of occupation names. */
async function parentsOfNames(
  db: Kysely<DB>,
  names: readonly string[],
): Promise<Map<string, { group: string; field: string }>> {
  const wanted = names.filter(Boolean);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('taxonomy_concepts as o')
    .innerJoin('taxonomy_concepts as g', 'g.concept_id', 'o.parent_id')
    .select(['o.concept_id as name_id', 'g.concept_id as group_id', 'g.parent_id as field_id'])
    .where('o.type', '=', 'occupation-name')
    .where('g.type', '=', 'ssyk-level-4')
    .where('o.concept_id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.name_id, { group: r.group_id, field: r.field_id ?? '' }]));
}

/**
 * The broader occupation concepts of those searched: a name's group and field, a group's field.
 * A card coarsened to one of them matches the search (its occupation may be the one searched).
 */
export async function broaderOccupations(db: Kysely<DB>, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)].filter((id) => /^[A-Za-z0-9_-]{1,40}$/.test(id));
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('taxonomy_concepts as c')
    .leftJoin('taxonomy_concepts as up', 'up.concept_id', 'c.parent_id')
    .select(['c.type', 'c.parent_id', 'up.type as up_type', 'up.parent_id as up_parent_id'])
    .where('c.concept_id', 'in', wanted)
    .where('c.type', 'in', ['occupation-name', 'ssyk-level-4'])
    .execute();
  const broader = new Set<string>();
  for (const r of rows) {
    if (!r.parent_id) continue;
    broader.add(r.parent_id);
    if (r.type === 'occupation-name' && r.up_type === 'ssyk-level-4' && r.up_parent_id) {
      broader.add(r.up_parent_id);
    }
  }
  return [...broader];
}

/** The accounts that block the organisation. */
export async function blockersOf(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('talent_blocks')
    .select('account_id')
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Set(rows.map((r) => r.account_id));
}

/** One row per card shown, in one statement. */
export async function logViews(
  db: Kysely<DB>,
  view: { regionId: string; organisationId: string; viewerAccountId: string; accountIds: readonly string[] },
): Promise<void> {
  if (view.accountIds.length === 0) return;
  await db
    .insertInto('talent_card_views')
    .values(
      view.accountIds.map((accountId) => ({
        region_id: view.regionId,
        account_id: accountId,
        organisation_id: view.organisationId,
        viewer_account_id: view.viewerAccountId,
      })),
    )
    .execute();
}

export type ConceptKind = 'occupation' | 'skill';
const TYPES: Record<ConceptKind, string[]> = {
  occupation: ['occupation-name', 'ssyk-level-4', 'occupation-field'],
  skill: ['skill'],
};

export interface Concept {
  id: string;
  type: string;
  label: string;
  labelEn: string | null;
}

/** Concepts of a kind whose label contains the text (letters folded), best first. */
export async function searchConcepts(
  db: Kysely<DB>,
  kind: ConceptKind,
  text: string,
  limit: number,
): Promise<Concept[]> {
  const needle = fold(text.trim().replace(/\s+/g, ' ')).slice(0, 100);
  if (needle === '') return [];
  const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
  const folded = sql<string>`translate(lower(label), ${FOLD_FROM}, ${FOLD_TO})`;
  const foldedEn = sql<string>`translate(lower(coalesce(label_en, '')), ${FOLD_FROM}, ${FOLD_TO})`;
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', 'type', 'label', 'label_en'])
    .where('type', 'in', TYPES[kind])
    .where('deprecated', '=', false)
    .where((eb) => eb.or([eb(folded, 'like', `%${escaped}%`), eb(foldedEn, 'like', `%${escaped}%`)]))
    .orderBy(sql`${folded} = ${needle}`, 'desc')
    .orderBy(sql`${folded} LIKE ${`${escaped}%`}`, 'desc')
    .orderBy(sql`length(label)`)
    .orderBy('label')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.concept_id, type: r.type, label: r.label, labelEn: r.label_en }));
}

/** Labels of the given concepts. */
export async function conceptsById(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, Concept>> {
  const wanted = [...new Set(ids)].filter((id) => /^[A-Za-z0-9_-]{1,40}$/.test(id));
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', 'type', 'label', 'label_en'])
    .where('concept_id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [r.concept_id, { id: r.concept_id, type: r.type, label: r.label, labelEn: r.label_en }]),
  );
}

export interface OpenJob {
  id: string;
  headline: string;
}

/** The organisation's open jobs: its own ads, and ads naming its organisationsnummer. */
export async function openJobsOf(
  db: Kysely<DB>,
  regionId: string,
  organisation: { id: string; orgNumber: string | null },
  limit = 100,
): Promise<OpenJob[]> {
  return db
    .selectFrom('job_ads')
    .select(['id', 'headline'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'open')
    .where((eb) =>
      organisation.orgNumber
        ? eb.or([
            eb('organisation_id', '=', organisation.id),
            eb('employer_orgnr', '=', organisation.orgNumber),
          ])
        : eb('organisation_id', '=', organisation.id),
    )
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
}

export interface IntroRow {
  id: string;
  accountId: string | null;
  organisationId: string;
  organisationName: string;
  senderAccountId: string | null;
  senderName: string | null;
  senderEmail: string | null;
  jobId: string | null;
  jobHeadline: string | null;
  message: string;
  status: TalentIntroStatus;
  createdAt: Date;
  expiresAt: Date;
  answeredAt: Date | null;
  /** The person's name and e-mail: only filled by the reads that may show them. */
  personName: string | null;
  personEmail: string | null;
}

function introQuery(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('talent_intro_requests as r')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'r.region_id').onRef('o.id', '=', 'r.organisation_id'),
    )
    .leftJoin('accounts as s', (j) =>
      j.onRef('s.region_id', '=', 'r.region_id').onRef('s.id', '=', 'r.sender_account_id'),
    )
    .leftJoin('accounts as p', (j) =>
      j.onRef('p.region_id', '=', 'r.region_id').onRef('p.id', '=', 'r.account_id'),
    )
    .leftJoin('job_ads as j', (j) =>
      j.onRef('j.region_id', '=', 'r.region_id').onRef('j.id', '=', 'r.job_id'),
    )
    .select([
      'r.id',
      'r.account_id',
      'r.organisation_id',
      'o.name as organisation_name',
      'r.sender_account_id',
      's.display_name as sender_name',
      's.email as sender_email',
      'r.job_id',
      'j.headline as job_headline',
      'r.message',
      'r.status',
      'r.created_at',
      'r.expires_at',
      'r.answered_at',
      'p.display_name as person_name',
      'p.email as person_email',
    ])
    .where('r.region_id', '=', regionId);
}

type IntroSelect = Awaited<ReturnType<ReturnType<typeof introQuery>['execute']>>[number];

/** A row as read; contact details only once the person accepted. */
function toIntro(r: IntroSelect): IntroRow {
  const accepted = r.status === 'accepted';
  return {
    id: r.id,
    accountId: r.account_id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    senderAccountId: r.sender_account_id,
    senderName: accepted ? r.sender_name : null,
    senderEmail: accepted ? r.sender_email : null,
    jobId: r.job_id,
    jobHeadline: r.job_headline,
    message: r.message,
    status: r.status,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    answeredAt: r.answered_at,
    personName: accepted ? r.person_name : null,
    personEmail: accepted ? r.person_email : null,
  };
}

export async function introsOfOrganisation(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  limit = 200,
): Promise<IntroRow[]> {
  const rows = await introQuery(db, regionId)
    .where('r.organisation_id', '=', organisationId)
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toIntro);
}

export async function introsOfPerson(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  limit = 100,
): Promise<IntroRow[]> {
  const rows = await introQuery(db, regionId)
    .where('r.account_id', '=', accountId)
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toIntro);
}

export async function introByToken(
  db: Kysely<DB>,
  regionId: string,
  tokenHash: string,
): Promise<IntroRow | undefined> {
  const row = await introQuery(db, regionId).where('r.token_hash', '=', tokenHash).executeTakeFirst();
  return row && toIntro(row);
}

export async function introById(db: Kysely<DB>, regionId: string, id: string): Promise<IntroRow | undefined> {
  const row = await introQuery(db, regionId).where('r.id', '=', id).executeTakeFirst();
  return row && toIntro(row);
}

/** Who saw the person's card: organisation and day, newest first. */
export async function viewsOfPerson(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  limit = 50,
): Promise<Array<{ organisationName: string; day: string; lastAt: Date }>> {
  const rows = await db
    .selectFrom('talent_card_views as v')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'v.region_id').onRef('o.id', '=', 'v.organisation_id'),
    )
    .select([
      'o.name',
      sql<string>`to_char(v.viewed_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')`.as('day'),
      sql<Date>`max(v.viewed_at)`.as('last_at'),
    ])
    .where('v.region_id', '=', regionId)
    .where('v.account_id', '=', accountId)
    .groupBy(['o.id', 'o.name', 'day'])
    .orderBy('last_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ organisationName: r.name, day: r.day, lastAt: r.last_at }));
}

export async function blocksOfPerson(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<Array<{ organisationId: string; organisationName: string; createdAt: Date }>> {
  const rows = await db
    .selectFrom('talent_blocks as b')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'b.region_id').onRef('o.id', '=', 'b.organisation_id'),
    )
    .select(['b.organisation_id', 'o.name', 'b.created_at'])
    .where('b.region_id', '=', regionId)
    .where('b.account_id', '=', accountId)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.name,
    createdAt: r.created_at,
  }));
}
