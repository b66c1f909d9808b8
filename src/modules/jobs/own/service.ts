/**
 * The rules of employers' own ads: publish, edit, close early, and close at the deadline. An ad
 * belongs to the employer organisation the person acts for (JobAdsManage: its admins and members);
 * every read and write is scoped to it, so another organisation's ad is not found.
 *
 * Each change is one transaction written the way ingestion writes ads (ingest/apply.ts): the
 * region's write lock first (change numbers commit in order for the in-memory search), the row,
 * the generation bump and NOTIFY lotsa_jobs (every process drops its cached pages and reads the
 * change), and the audit event. The ad appears in the search, on its job page and in the API at
 * once; this process is told directly too (`changed`), before the answer goes out.
 */
import type { Kysely } from 'kysely';
import type { RateLimiter, RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Region } from '../../../platform/region.ts';
import { lockRegionWrites, markChanged } from '../ingest/apply.ts';
import { toStockholmLocal } from '../ingest/time.ts';
import { fold } from '../words.ts';
import { checkValues, type FieldErrors, type FormValues } from './form.ts';
import { newOwnAdId } from './ids.ts';
import type { Occupation, OwnAdData, OwnAdInput } from './model.ts';
import { ownAdRow } from './record.ts';
import {
  closeOwnAd,
  conceptLabel,
  conceptsOfType,
  countOpenOwnAds,
  dueOwnAds,
  getOwnAd,
  insertOwnAd,
  occupationById,
  searchOccupations,
  updateOwnAd,
  type OwnAd,
} from './repository.ts';

/** Open own ads one organisation may have at once. */
export const MAX_OPEN_ADS = 200;
/** Occupations offered for one search. */
export const OCCUPATION_MATCHES = 20;
/** Own ads the expiry task closes per transaction. */
const EXPIRY_BATCH = 500;
/**
 * Employment types not offered for new ads: "Vanlig anställning" is what JobTech replaced with
 * "Tillsvidareanställning" and "Tidsbegränsad anställning" (mirrored ads still carry it).
 */
const REPLACED_EMPLOYMENT_TYPES = new Set(['PFZr_Syz_cUq']);

/**
 * The employer's name on an organisation's ads: the organisation's name, or the name of its
 * published company page when it has one (the companies module's lookup, given by the caller).
 */
export type EmployerNameLookup = (
  db: Kysely<DB>,
  regionId: string,
  organisation: { id: string; name: string },
) => Promise<string>;

export const organisationName: EmployerNameLookup = async (_db, _regionId, organisation) => organisation.name;

export interface OwnAdsDeps {
  db: Kysely<DB>;
  employerName: EmployerNameLookup;
  /** Tells this process's job board that the region's ads changed (the NOTIFY tells the others). */
  changed?: (regionId: string) => void;
  /** Counts each person's publications and saves (OWN_AD_WRITE_LIMIT); without it none are counted. */
  rateLimiter?: RateLimiter;
}

/**
 * Publications and saves of own ads, per person: each one rewrites the ad and makes every process
 * read the region's ads again, so a loop of them must not keep the job board busy; a person
 * writing ads, however busily, stays far below.
 */
export const OWN_AD_WRITE_LIMIT: RateLimitRule = { name: 'own-ad-write', max: 60, windowSeconds: 600 };

/** Seconds until the publisher may write again, or undefined when this write is taken. */
async function overWriteLimit(deps: OwnAdsDeps, publisher: Publisher): Promise<number | undefined> {
  return deps.rateLimiter?.hit(`${OWN_AD_WRITE_LIMIT.name}:${publisher.accountId}`, OWN_AD_WRITE_LIMIT);
}

/** The person publishing, and the employer organisation they act for. */
export interface Publisher {
  region: Region;
  organisation: { id: string; name: string; orgNumber: string | null };
  accountId: string;
  actor: AuditActor;
}

export type Outcome =
  | { kind: 'done'; id: string }
  /** Refused input: the errors by the field, and occupations that match what was typed. */
  | { kind: 'invalid'; errors: FieldErrors; matches: Occupation[] }
  | { kind: 'not-found' }
  /** The ad changed (or closed) since the form was opened. */
  | { kind: 'conflict' }
  /** The organisation has MAX_OPEN_ADS open ads already. */
  | { kind: 'too-many' }
  /** Past OWN_AD_WRITE_LIMIT: nothing written; the seconds until a write is taken again. */
  | { kind: 'limited'; retryAfter: number };

/** Today's date in Stockholm, YYYY-MM-DD. */
export function stockholmToday(now: Date): string {
  return toStockholmLocal(now).slice(0, 10);
}

/** The employment types and working times the form offers. */
export async function formChoices(db: Kysely<DB>) {
  const [employmentTypes, worktimes] = await Promise.all([
    conceptsOfType(db, 'employment-type'),
    conceptsOfType(db, 'worktime-extent'),
  ]);
  return {
    employmentTypes: employmentTypes.filter((c) => !REPLACED_EMPLOYMENT_TYPES.has(c.id)),
    worktimes,
  };
}

export type FormChoices = Awaited<ReturnType<typeof formChoices>>;

/**
 * The occupation the form names: the one picked from the list (its concept id), else the one whose
 * name is exactly what was typed; with the occupations matching the text, to pick from.
 */
export async function resolveOccupation(
  db: Kysely<DB>,
  values: Pick<FormValues, 'occupation' | 'occupation_id'>,
): Promise<{ occupation?: Occupation; matches: Occupation[]; error?: FieldErrors['occupation'] }> {
  const text = values.occupation;
  const matches = text ? await searchOccupations(db, text, OCCUPATION_MATCHES) : [];
  if (values.occupation_id) {
    const occupation = await occupationById(db, values.occupation_id);
    if (occupation) return { occupation, matches };
    return { matches, error: { key: 'error.occupation.notInTaxonomy' } };
  }
  if (!text) return { matches, error: { key: 'error.occupation.missing' } };
  const exact = matches.find((m) => fold(m.label) === fold(text));
  if (exact) return { occupation: exact, matches };
  if (matches.length === 0) return { matches, error: { key: 'error.occupation.unknown', params: { text } } };
  return { matches, error: { key: 'error.occupation.choose' } };
}

/** Checks the whole form; the ad to write, or the errors by the field. */
async function checkForm(
  db: Kysely<DB>,
  region: Region,
  values: FormValues,
  now: Date,
): Promise<{ input: OwnAdInput } | { errors: FieldErrors; matches: Occupation[] }> {
  const errors = checkValues(values, stockholmToday(now));
  const { occupation, matches, error } = await resolveOccupation(db, values);
  if (error && !errors.occupation) errors.occupation = error;
  if (!region.municipalities.some((m) => m.code === values.municipality))
    errors.municipality = { key: 'error.municipality' };
  const [employmentTypeLabel, worktimeLabel] = await Promise.all([
    REPLACED_EMPLOYMENT_TYPES.has(values.employment_type)
      ? undefined
      : conceptLabel(db, 'employment-type', values.employment_type),
    conceptLabel(db, 'worktime-extent', values.worktime),
  ]);
  if (!employmentTypeLabel) errors.employment_type = { key: 'error.employmentType' };
  if (!worktimeLabel) errors.worktime = { key: 'error.worktime' };
  if (Object.keys(errors).length > 0 || !occupation || !employmentTypeLabel || !worktimeLabel)
    return { errors, matches };
  const data: OwnAdData = {
    occupationId: occupation.id,
    occupationLabel: occupation.label,
    municipalityCode: values.municipality,
    employmentTypeId: values.employment_type,
    worktimeId: values.worktime,
    hours: values.hours,
    remote: values.remote !== '',
    vacancies: values.vacancies === '' ? 1 : Number(values.vacancies),
    deadline: values.deadline,
    applyUrl: values.apply_url,
    applyEmail: values.apply_email,
    descriptionSv: values.description_sv,
    descriptionEn: values.description_en,
  };
  return { input: { headline: values.headline, data, occupation, employmentTypeLabel, worktimeLabel } };
}

/** Publishes a new ad for the publisher's organisation: open at once. */
export async function publishOwnAd(
  deps: OwnAdsDeps,
  publisher: Publisher,
  values: FormValues,
  now = new Date(),
): Promise<Outcome> {
  const { db } = deps;
  const { region, organisation } = publisher;
  const checked = await checkForm(db, region, values, now);
  if ('errors' in checked) return { kind: 'invalid', ...checked };
  const wait = await overWriteLimit(deps, publisher);
  if (wait !== undefined) return { kind: 'limited', retryAfter: wait };
  const employerName = await deps.employerName(db, region.id, organisation);
  const id = newOwnAdId();
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    await lockRegionWrites(trx, [region.id]);
    // Counted under the region's lock, so two publications at once cannot pass the cap together.
    if ((await countOpenOwnAds(trx, region.id, organisation.id)) >= MAX_OPEN_ADS) return { kind: 'too-many' };
    const row = ownAdRow(checked.input, {
      id,
      region,
      employer: { name: employerName, orgNumber: organisation.orgNumber },
      organisationId: organisation.id,
      accountId: publisher.accountId,
      publishedAt: now,
      now,
    });
    await insertOwnAd(trx, row);
    await markChanged(trx, region.id);
    await audit(trx, publisher, 'jobs.own.published', id, {
      headline: checked.input.headline,
      deadline: checked.input.data.deadline,
    });
    return { kind: 'done', id };
  });
  if (outcome.kind === 'done') deps.changed?.(region.id);
  return outcome;
}

/**
 * Saves an edit of an open ad over the version the form was opened on (`base`, its change number);
 * a change or close in between is a conflict, and nothing is written.
 */
export async function saveOwnAd(
  deps: OwnAdsDeps,
  publisher: Publisher,
  id: string,
  base: string,
  values: FormValues,
  now = new Date(),
): Promise<Outcome> {
  const { db } = deps;
  const { region, organisation } = publisher;
  const existing = await getOwnAd(db, region.id, organisation.id, id);
  if (!existing) return { kind: 'not-found' };
  const checked = await checkForm(db, region, values, now);
  if ('errors' in checked) return { kind: 'invalid', ...checked };
  const wait = await overWriteLimit(deps, publisher);
  if (wait !== undefined) return { kind: 'limited', retryAfter: wait };
  const employerName = await deps.employerName(db, region.id, organisation);
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    await lockRegionWrites(trx, [region.id]);
    const ad = await getOwnAd(trx, region.id, organisation.id, id, { lock: true });
    if (!ad) return { kind: 'not-found' };
    if (ad.status !== 'open' || ad.changeSeq !== base) return { kind: 'conflict' };
    const row = ownAdRow(checked.input, {
      id,
      region,
      employer: { name: employerName, orgNumber: organisation.orgNumber },
      organisationId: organisation.id,
      accountId: publisher.accountId,
      publishedAt: ad.publishedAt,
      now,
    });
    await updateOwnAd(trx, row);
    await markChanged(trx, region.id);
    await audit(trx, publisher, 'jobs.own.saved', id, {
      headline: checked.input.headline,
      deadline: checked.input.data.deadline,
    });
    return { kind: 'done', id };
  });
  if (outcome.kind === 'done') deps.changed?.(region.id);
  return outcome;
}

/** Closes an open ad before its deadline ("Stäng annonsen"). */
export async function closeOwnAdEarly(
  deps: OwnAdsDeps,
  publisher: Publisher,
  id: string,
  now = new Date(),
): Promise<Outcome> {
  const { region, organisation } = publisher;
  const outcome = await deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    await lockRegionWrites(trx, [region.id]);
    const ad = await getOwnAd(trx, region.id, organisation.id, id, { lock: true });
    if (!ad) return { kind: 'not-found' };
    if (ad.status !== 'open') return { kind: 'conflict' };
    await closeOwnAd(trx, { regionId: region.id, id, updatedBy: publisher.accountId }, 'removed', now);
    await markChanged(trx, region.id);
    await audit(trx, publisher, 'jobs.own.closed', id, { headline: ad.headline });
    return { kind: 'done', id };
  });
  if (outcome.kind === 'done') deps.changed?.(region.id);
  return outcome;
}

/** One of the organisation's ads, for its page in the back-office. */
export function ownAdFor(db: Kysely<DB>, publisher: Publisher, id: string): Promise<OwnAd | undefined> {
  return getOwnAd(db, publisher.region.id, publisher.organisation.id, id);
}

function audit(
  trx: Kysely<DB>,
  publisher: Publisher,
  action: 'jobs.own.published' | 'jobs.own.saved' | 'jobs.own.closed',
  id: string,
  data: Record<string, string>,
): Promise<void> {
  return recordAudit(trx, {
    regionId: publisher.region.id,
    actor: publisher.actor,
    organisationId: publisher.organisation.id,
    action,
    subjectType: 'job_ad',
    subjectId: id,
    data,
  });
}

/**
 * Closes every open own ad whose last day to apply is over at `now` (closed_reason 'expired', at
 * its deadline), with an audit event each, in batches; returns how many closed per region. Safe to
 * run twice or in parallel (rows are taken with SKIP LOCKED, and only open ones close).
 */
export async function expireOwnAds(
  db: Kysely<DB>,
  now = new Date(),
  changed?: (regionId: string) => void,
): Promise<Map<string, number>> {
  const closed = new Map<string, number>();
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      // The regions with ads to close, their write locks taken before any row is (apply.ts's order).
      const regions = await trx
        .selectFrom('job_ads')
        .select('region_id')
        .distinct()
        .where('origin', '=', 'own')
        .where('status', '=', 'open')
        .where('deadline_at', '<', now)
        .execute();
      if (regions.length === 0) return [];
      await lockRegionWrites(
        trx,
        regions.map((r) => r.region_id),
      );
      const due = await dueOwnAds(trx, now, EXPIRY_BATCH);
      const done = [];
      for (const ad of due) {
        if (
          !(await closeOwnAd(
            trx,
            { regionId: ad.regionId, id: ad.id, updatedBy: null },
            'expired',
            ad.deadlineAt,
          ))
        )
          continue;
        await recordAudit(trx, {
          regionId: ad.regionId,
          actor: SYSTEM_ACTOR,
          organisationId: ad.organisationId,
          action: 'jobs.own.expired',
          subjectType: 'job_ad',
          subjectId: ad.id,
          data: { headline: ad.headline, deadline: toStockholmLocal(ad.deadlineAt).slice(0, 10) },
        });
        done.push(ad);
      }
      for (const regionId of new Set(done.map((ad) => ad.regionId))) await markChanged(trx, regionId);
      return done;
    });
    for (const ad of batch) closed.set(ad.regionId, (closed.get(ad.regionId) ?? 0) + 1);
    for (const regionId of new Set(batch.map((ad) => ad.regionId))) changed?.(regionId);
    if (batch.length < EXPIRY_BATCH) return closed;
  }
}
