/**
 * What the builder reads (nothing is written): the organisation's own open ads and the region's
 * open ads under its organisationsnummer, a capped search of the board, the chosen ad, the approved
 * arguments and the place facts; and from them the text. Every read names the region.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import type { Region } from '../../../platform/region.ts';
import { factsOf, type StoredFact } from '../../regions/facts.ts';
import { employerJobs, organisationOpenJobs } from '../../jobs/employers.ts';
import { findJob } from '../../jobs/repository.ts';
import { searchOpenJobs } from '../../jobs/service.ts';
import { approvedTexts, type ApprovedText } from '../toolbox.ts';
import { composeText, MIN_ARGUMENTS, pickArguments, type RecruitmentText } from './compose.ts';
import { NO_JOB, SEARCH_LIMIT, type BuilderInput, type Problem } from './params.ts';

/** Own and employer ads listed at most. */
export const MAX_LISTED = 30;

export interface JobChoice {
  id: string;
  headline: string;
  employerName: string;
  municipalityCode: string | null;
  status: 'open' | 'closed';
}

export interface Step1 {
  /** The organisation's open ads: its own on Lotsa, then the board's under its number. */
  own: JobChoice[];
  /** The organisation has no organisationsnummer in Lotsa: the board's ads cannot be found by it. */
  noNumber: boolean;
  /**
   * A municipality without a number: the board's open ads in its municipality under its exact
   * name (Platsbanken names a municipality as employer by its name), listed apart and said so.
   */
  byName: JobChoice[];
  /** The board search's results (undefined: no search). */
  found?: { total: number; items: JobChoice[] };
  searchFailed: boolean;
}

export interface ActingOrganisation {
  id: string;
  name: string;
  orgNumber: string | null;
  kind: string;
  municipalityCode: string | null;
  /** Its company page's slug, else its id (the navigator link's utm_campaign). */
  campaign: string;
}

export async function actingOrganisationOf(
  db: Kysely<DB>,
  regionId: string,
  id: string,
): Promise<ActingOrganisation | undefined> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'org_number', 'kind', 'municipality_code'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) return undefined;
  const company = await db
    .selectFrom('companies')
    .select('slug')
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', id)
    .orderBy('slug')
    .limit(1)
    .executeTakeFirst();
  return {
    id: org.id,
    name: org.name,
    orgNumber: org.org_number,
    kind: org.kind,
    municipalityCode: org.municipality_code,
    campaign: company?.slug ?? org.id,
  };
}

/** Whether the board's ads are looked up by the organisation's name: a municipality without a number. */
function byNameOf(org: ActingOrganisation): org is ActingOrganisation & { municipalityCode: string } {
  return org.orgNumber === null && org.kind === 'municipality' && org.municipalityCode !== null;
}

/** Whether an ad is the organisation's by its name (see byNameOf). */
function sameName(
  org: ActingOrganisation,
  job: { employerName: string; municipalityCode: string | null },
): boolean {
  return (
    byNameOf(org) &&
    job.municipalityCode === org.municipalityCode &&
    job.employerName.trim().toLocaleLowerCase('sv') === org.name.trim().toLocaleLowerCase('sv')
  );
}

async function jobsByName(db: Kysely<DB>, regionId: string, org: ActingOrganisation): Promise<JobChoice[]> {
  if (!byNameOf(org)) return [];
  const rows = await db
    .selectFrom('job_ads')
    .select(['id', 'headline', 'employer_name', 'municipality_code'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'open')
    .where('origin', '!=', 'own')
    .where('municipality_code', '=', org.municipalityCode)
    .where(sql<boolean>`lower(employer_name) = lower(${org.name.trim()})`)
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(MAX_LISTED)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    employerName: r.employer_name,
    municipalityCode: r.municipality_code,
    status: 'open' as const,
  }));
}

export async function step1(
  deps: Pick<ModuleDeps, 'database' | 'logger'>,
  region: Region,
  org: ActingOrganisation,
  lang: Lang,
  q: string,
): Promise<Step1> {
  const db = deps.database.db;
  const [ownRows, board, byName] = await Promise.all([
    organisationOpenJobs(db, region.id, org.id, MAX_LISTED),
    org.orgNumber ? employerJobs(db, region.id, org.orgNumber, MAX_LISTED) : { total: 0, jobs: [] },
    jobsByName(db, region.id, org),
  ]);
  const own: JobChoice[] = ownRows.map((j) => ({
    id: j.id,
    headline: j.headline,
    employerName: j.employerName,
    municipalityCode: j.municipalityCode,
    status: 'open',
  }));
  for (const j of board.jobs) {
    if (own.length >= MAX_LISTED) break;
    if (own.some((o) => o.id === j.id)) continue;
    own.push({
      id: j.id,
      headline: j.headline,
      employerName: j.employerName,
      municipalityCode: j.municipalityCode,
      status: 'open',
    });
  }
  const base = { own, noNumber: org.orgNumber === null, byName };
  if (!q) return { ...base, searchFailed: false };
  try {
    const result = await searchOpenJobs(deps.database, region, lang, q, SEARCH_LIMIT);
    if (!result) return { ...base, searchFailed: true };
    const items = result.items.slice(0, SEARCH_LIMIT).map((j) => ({
      id: j.id,
      headline: j.headline,
      employerName: j.employerName,
      municipalityCode: j.municipalityCode,
      status: 'open' as const,
    }));
    return { ...base, found: { total: result.total, items }, searchFailed: false };
  } catch (error) {
    deps.logger.warn({ err: error }, 'toolbox builder: the job search gave up');
    return { ...base, searchFailed: true };
  }
}

/** The chosen ad as the builder uses it, with whether it is the organisation's. */
export interface ChosenJob extends JobChoice {
  mine: boolean;
}

export async function chosenJob(
  db: Kysely<DB>,
  regionId: string,
  org: ActingOrganisation,
  id: string,
): Promise<ChosenJob | undefined> {
  const job = await findJob(db, regionId, id);
  if (!job) return undefined;
  const ownRow =
    job.origin === 'own'
      ? await db
          .selectFrom('job_ads')
          .select('organisation_id')
          .where('region_id', '=', regionId)
          .where('id', '=', id)
          .executeTakeFirst()
      : undefined;
  const mine =
    ownRow?.organisation_id === org.id ||
    (org.orgNumber !== null && job.employerOrgnr !== null && job.employerOrgnr === org.orgNumber) ||
    sameName(org, job);
  return {
    id: job.id,
    headline: job.headline,
    employerName: job.employerName,
    municipalityCode: job.municipalityCode,
    status: job.status,
    mine,
  };
}

/** Why the text is thinner than asked for: said on the page, never papered over. */
export type Note =
  | { kind: 'closed' }
  | { kind: 'notOwn' }
  | { kind: 'noArguments' }
  | { kind: 'fewArguments'; count: number }
  | { kind: 'generalArguments' }
  | { kind: 'noFacts'; place: string };

export interface Built {
  text: RecruitmentText;
  notes: Note[];
  arguments: ApprovedText[];
  facts: StoredFact[];
  municipality: string;
}

export type BuildOutcome = { ok: true; built: Built; job?: ChosenJob } | { ok: false; problems: Problem[] };

/** The text for the input's choices (`input.job` set), or the problems that keep it from being written. */
export async function buildText(
  db: Kysely<DB>,
  region: Region,
  org: ActingOrganisation,
  input: BuilderInput,
  navigatorUrl: string,
): Promise<BuildOutcome> {
  let job: ChosenJob | undefined;
  if (input.job !== NO_JOB) {
    job = await chosenJob(db, region.id, org, input.job);
    if (!job) return { ok: false, problems: [{ field: 'job', reason: 'unknown' }] };
  }
  const code = input.municipality || job?.municipalityCode || '';
  const municipality = region.municipalities.find((m) => m.code === code);
  if (!municipality) return { ok: false, problems: [{ field: 'municipality', reason: 'required' }] };
  const lang = input.text;
  const [texts, facts] = await Promise.all([
    approvedTexts(db, region.id, {
      personas: [...new Set([input.persona, 'everyone'])],
      municipalities: [municipality.code],
      region: true,
      lang,
      limit: 200,
    }),
    factsOf(db, region.id, municipality.code),
  ]);
  const chosen = pickArguments(texts, input.persona, municipality.code, lang, { blocks: input.blocks });
  const notes: Note[] = [];
  if (job && job.status === 'closed') notes.push({ kind: 'closed' });
  if (job && !job.mine) notes.push({ kind: 'notOwn' });
  if (chosen.length === 0) notes.push({ kind: 'noArguments' });
  else if (chosen.length < MIN_ARGUMENTS) notes.push({ kind: 'fewArguments', count: chosen.length });
  if (chosen.length > 0 && input.persona !== 'everyone' && !chosen.some((t) => t.persona === input.persona))
    notes.push({ kind: 'generalArguments' });
  const text = composeText({
    lang,
    region: region.name[lang],
    place: municipality.shortName,
    title: job ? job.headline : input.title,
    jobPlace: region.municipalities.find((m) => m.code === job?.municipalityCode)?.shortName,
    employer: job ? job.employerName : org.name,
    arguments: chosen,
    facts,
    blocks: input.blocks,
    navigatorUrl,
  });
  if (!text.blocks.some((b) => b.kind === 'ul'))
    notes.push({ kind: 'noFacts', place: municipality.shortName });
  return { ok: true, built: { text, notes, arguments: chosen, facts, municipality: municipality.code }, job };
}
