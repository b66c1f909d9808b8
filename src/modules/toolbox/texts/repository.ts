/**
 * The SQL of toolbox_texts for the back-office: one text with its version token, the filtered and
 * paged list, the counts of the overview card, and the writes (the service runs them in its
 * transactions). A text's version is its updated_at in microseconds, as text: a save names the
 * version it started from, and a write changes updated_at by at least a microsecond.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { TextStatus } from '../model.ts';
import type { CheckedText } from './form.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Rows on a page of the back-office list. */
export const ADMIN_PAGE_SIZE = 50;

export const VERSION = sql<string>`(extract(epoch from updated_at) * 1000000)::bigint::text`;
/** The next updated_at: now, or a microsecond after the last one when the clock has not moved. */
export const NEXT_UPDATED_AT = sql<Date>`greatest(now(), updated_at + interval '1 microsecond')`;

export interface TextRow {
  id: string;
  status: TextStatus;
  persona: string;
  topic: string;
  municipality_code: string | null;
  title_sv: string;
  title_en: string;
  body_sv: string;
  body_en: string;
  source_name: string;
  source_url: string;
  source_date: string | null;
  approved_at: Date | null;
  approved_by_name: string | null;
  version: string;
}

export async function textById(db: Db, regionId: string, id: string): Promise<TextRow | undefined> {
  const row = await db
    .selectFrom('toolbox_texts as t')
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 't.region_id').onRef('a.id', '=', 't.approved_by'),
    )
    .select([
      't.id',
      't.status',
      't.persona',
      't.topic',
      't.municipality_code',
      't.title_sv',
      't.title_en',
      't.body_sv',
      't.body_en',
      't.source_name',
      't.source_url',
      sql<string | null>`to_char(t.source_date, 'YYYY-MM-DD')`.as('source_date'),
      't.approved_at',
      'a.display_name as approved_by_name',
      sql<string>`(extract(epoch from t.updated_at) * 1000000)::bigint::text`.as('version'),
    ])
    .where('t.region_id', '=', regionId)
    .where('t.id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, status: row.status as TextStatus } : undefined;
}

/** Locks a text's row for a change and gives its status and version. */
export async function lockText(trx: Transaction<DB>, regionId: string, id: string) {
  return trx
    .selectFrom('toolbox_texts')
    .select(['id', 'status', 'title_sv', 'title_en', VERSION.as('version')])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export interface AdminFilter {
  status: TextStatus | '';
  persona: string;
  topic: string;
  /** A municipality code, 'region' (region-wide texts only) or '' (all). */
  municipality: string;
  page: number;
}

export interface ListRow {
  id: string;
  status: TextStatus;
  persona: string;
  topic: string;
  municipality_code: string | null;
  title_sv: string;
  title_en: string;
  has_sv: boolean;
  has_en: boolean;
  updated_at: Date;
}

export async function listTexts(
  db: Db,
  regionId: string,
  filter: AdminFilter,
): Promise<{ rows: ListRow[]; total: number }> {
  let query = db.selectFrom('toolbox_texts').where('region_id', '=', regionId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.persona) query = query.where('persona', '=', filter.persona);
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  if (filter.municipality === 'region') query = query.where('municipality_code', 'is', null);
  else if (filter.municipality) query = query.where('municipality_code', '=', filter.municipality);
  const { total } = await query
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'id',
      'status',
      'persona',
      'topic',
      'municipality_code',
      'title_sv',
      'title_en',
      sql<boolean>`(title_sv <> '' and body_sv <> '')`.as('has_sv'),
      sql<boolean>`(title_en <> '' and body_en <> '')`.as('has_en'),
      'updated_at',
    ])
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(ADMIN_PAGE_SIZE)
    .offset((filter.page - 1) * ADMIN_PAGE_SIZE)
    .execute();
  return {
    rows: rows.map((r) => ({ ...r, status: r.status as TextStatus })),
    total: Number(total),
  };
}

/** The overview card's figures: texts by status, and the live ones (not retired) missing a language. */
export async function textCounts(db: Db, regionId: string) {
  const row = await db
    .selectFrom('toolbox_texts')
    .select([
      sql<string>`count(*) filter (where status = 'approved')`.as('approved'),
      sql<string>`count(*) filter (where status = 'draft')`.as('draft'),
      sql<string>`count(*) filter (where status = 'retired')`.as('retired'),
      sql<string>`count(*) filter (where status <> 'retired' and not ((title_sv <> '' and body_sv <> '') and (title_en <> '' and body_en <> '')))`.as(
        'missing',
      ),
    ])
    .where('region_id', '=', regionId)
    .executeTakeFirstOrThrow();
  return {
    approved: Number(row.approved),
    draft: Number(row.draft),
    retired: Number(row.retired),
    missing: Number(row.missing),
  };
}

function contentOf(text: CheckedText) {
  return {
    persona: text.persona,
    topic: text.topic,
    municipality_code: text.municipalityCode,
    title_sv: text.title.sv,
    title_en: text.title.en,
    body_sv: text.body.sv,
    body_en: text.body.en,
    source_name: text.sourceName,
    source_url: text.sourceUrl,
    source_date: text.sourceDate,
  };
}

export async function insertText(
  trx: Transaction<DB>,
  regionId: string,
  text: CheckedText,
  by: string,
  approvedAt: Date | null,
): Promise<string> {
  const row = await trx
    .insertInto('toolbox_texts')
    .values({
      region_id: regionId,
      ...contentOf(text),
      status: approvedAt ? 'approved' : 'draft',
      created_by: by,
      updated_by: by,
      approved_by: approvedAt ? by : null,
      approved_at: approvedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes a save: the content, and the status it leaves (approved with who and when, else draft). */
export async function updateText(
  trx: Transaction<DB>,
  regionId: string,
  id: string,
  text: CheckedText,
  by: string,
  approvedAt: Date | null,
): Promise<void> {
  await trx
    .updateTable('toolbox_texts')
    .set({
      ...contentOf(text),
      status: approvedAt ? 'approved' : 'draft',
      approved_by: approvedAt ? by : null,
      approved_at: approvedAt,
      updated_by: by,
      updated_at: NEXT_UPDATED_AT,
    })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}

export async function setStatus(
  trx: Transaction<DB>,
  regionId: string,
  id: string,
  status: TextStatus,
  by: string,
  approvedAt: Date | null,
): Promise<void> {
  await trx
    .updateTable('toolbox_texts')
    .set({
      status,
      updated_by: by,
      updated_at: NEXT_UPDATED_AT,
      // Approving records who and when; a draft is nobody's approval; retiring keeps the record.
      ...(status === 'approved'
        ? { approved_by: by, approved_at: approvedAt }
        : status === 'draft'
          ? { approved_by: null, approved_at: null }
          : {}),
    })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}
