/**
 * What every part of the toolbox shares: today's date by the app's clock, an asset's effective last
 * day of use, the approved texts (the texts part writes them; the builder and the widget read them),
 * the organisation a person acts for.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { stockholmToday } from '../../platform/i18n/stockholm.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Localised, Persona, Topic } from './model.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Today in Sweden (YYYY-MM-DD) by the app's clock (ModuleDeps.clock: a test may move it). */
export function todayOf(clock: () => Date): string {
  return stockholmToday(clock());
}

/**
 * An asset's last day of use (YYYY-MM-DD or null): the earlier of its own expires_on and, for a
 * photo, the media library image's. As SQL over `toolbox_assets as a` left-joined with
 * `media_images as m` on the image.
 */
export const EFFECTIVE_EXPIRY = sql<string | null>`to_char(least(a.expires_on, m.expires_on), 'YYYY-MM-DD')`;

/** Whether a last day of use has passed on `today` (both YYYY-MM-DD). */
export function isExpired(expiresOn: string | null, today: string): boolean {
  return expiresOn !== null && expiresOn < today;
}

/** An approved text or argument (toolbox_texts). */
export interface ApprovedText {
  id: string;
  persona: Persona;
  topic: Topic;
  /** null: about the whole region. */
  municipalityCode: string | null;
  title: Localised;
  body: Localised;
  source: { name: string; url: string; date: string | null };
}

export interface TextFilter {
  personas?: readonly string[];
  topics?: readonly string[];
  /** Texts of these municipalities; `region: true` adds the region-wide ones. */
  municipalities?: readonly string[];
  region?: boolean;
  /** Only texts written in this language (its title and body not empty). */
  lang?: Lang;
  /** Only these texts (a page of outlines); their order is not kept. */
  ids?: readonly string[];
  limit?: number;
}

/** Approved texts, newest first, at most `limit` (default 200). */
export async function approvedTexts(
  db: Db,
  regionId: string,
  filter: TextFilter = {},
): Promise<ApprovedText[]> {
  let query = db
    .selectFrom('toolbox_texts')
    .select([
      'id',
      'persona',
      'topic',
      'municipality_code',
      'title_sv',
      'title_en',
      'body_sv',
      'body_en',
      'source_name',
      'source_url',
      sql<string | null>`to_char(source_date, 'YYYY-MM-DD')`.as('source_date'),
    ])
    .where('region_id', '=', regionId)
    .where('status', '=', 'approved');
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('id', 'in', [...filter.ids]);
  }
  if (filter.personas?.length) query = query.where('persona', 'in', [...filter.personas]);
  if (filter.topics?.length) query = query.where('topic', 'in', [...filter.topics]);
  if (filter.municipalities || filter.region !== undefined) {
    const codes = [...(filter.municipalities ?? [])];
    query = query.where((eb) => {
      const ors = [];
      if (codes.length) ors.push(eb('municipality_code', 'in', codes));
      if (filter.region !== false) ors.push(eb('municipality_code', 'is', null));
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  }
  if (filter.lang === 'sv') query = query.where('title_sv', '<>', '').where('body_sv', '<>', '');
  if (filter.lang === 'en') query = query.where('title_en', '<>', '').where('body_en', '<>', '');
  const rows = await query
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(Math.min(filter.limit ?? 200, 500))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    persona: r.persona as Persona,
    topic: r.topic as Topic,
    municipalityCode: r.municipality_code,
    title: { sv: r.title_sv, en: r.title_en },
    body: { sv: r.body_sv, en: r.body_en },
    source: { name: r.source_name, url: r.source_url, date: r.source_date },
  }));
}

/** What lists and filters need of an approved text, without its words: cheap for every text. */
export interface TextOutline {
  id: string;
  persona: Persona;
  topic: Topic;
  municipalityCode: string | null;
  /** Title and body written in the language. */
  written: { sv: boolean; en: boolean };
}

export function outlineOf(t: ApprovedText): TextOutline {
  const written = (lang: Lang) => t.title[lang] !== '' && t.body[lang] !== '';
  return {
    id: t.id,
    persona: t.persona,
    topic: t.topic,
    municipalityCode: t.municipalityCode,
    written: { sv: written('sv'), en: written('en') },
  };
}

/** Every approved text's outline (at most `limit`, default 20,000), newest first. */
export async function approvedOutlines(db: Db, regionId: string, limit = 20_000): Promise<TextOutline[]> {
  const rows = await db
    .selectFrom('toolbox_texts')
    .select([
      'id',
      'persona',
      'topic',
      'municipality_code',
      sql<boolean>`title_sv <> '' and body_sv <> ''`.as('sv'),
      sql<boolean>`title_en <> '' and body_en <> ''`.as('en'),
    ])
    .where('region_id', '=', regionId)
    .where('status', '=', 'approved')
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    persona: r.persona as Persona,
    topic: r.topic as Topic,
    municipalityCode: r.municipality_code,
    written: { sv: r.sv, en: r.en },
  }));
}

/** A text's paragraphs (split on empty lines, trimmed, empty ones dropped). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}
