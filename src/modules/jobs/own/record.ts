/**
 * An employer's own ad as a job_ads row. The ad is written in JobTech's shape (`raw`) and goes
 * through the ingester's own validation and normalisation (parseRecordAt, normalizeAd), so that
 * its columns, its search vector, its job page, API answer and JobPosting are made exactly as a
 * mirrored ad's are. What only an own ad has — the description per language and the hours as the
 * employer wrote them — rides along under `raw.lotsa_own` (OwnAdData), which the job page reads.
 */
import type { Region } from '../../../platform/region.ts';
import type { JobAd } from '../jobtech.ts';
import { SWEDEN_CONCEPT_ID } from '../jobtech.ts';
import { normalizeAd, parseRecordAt, type JobAdRow } from '../ingest/normalize.ts';
import { toStockholmLocal } from '../ingest/time.ts';
import { paragraphs } from '../sanitize.ts';
import type { IngestScope } from '../ingest/scope.ts';
import type { OwnAdData, OwnAdInput } from './model.ts';

export interface OwnAdContext {
  id: string;
  region: Region;
  employer: { name: string; orgNumber: string | null };
  organisationId: string;
  accountId: string;
  /** When the ad was first published (now for a new ad). */
  publishedAt: Date;
  now: Date;
}

/** The end of a Stockholm day (`YYYY-MM-DD`), as the naive local time JobTech writes. */
export function endOfDay(date: string): string {
  return `${date}T23:59:59`;
}

/** The description people read: Swedish first, then English, a blank line between. */
function descriptionText(data: OwnAdData): string {
  return [data.descriptionSv, data.descriptionEn].filter((t) => t.trim() !== '').join('\n\n');
}

/** The ad in JobTech's shape, as Lotsa publishes it. */
export function ownAdRecord(input: OwnAdInput, ctx: OwnAdContext): JobAd {
  const { data, occupation } = input;
  const municipality = ctx.region.municipalities.find((m) => m.code === data.municipalityCode);
  const ref = (id: string | null, label: string) => (id ? { concept_id: id, label } : null);
  return {
    id: ctx.id,
    headline: input.headline,
    publication_date: toStockholmLocal(ctx.publishedAt),
    application_deadline: endOfDay(data.deadline),
    number_of_vacancies: data.vacancies,
    // Plain text as escaped paragraphs: the API, JobPosting and search show it as typed, never as markup.
    description: { text: descriptionText(data), text_formatted: paragraphs(descriptionText(data)) },
    employment_type: ref(data.employmentTypeId, input.employmentTypeLabel),
    working_hours_type: ref(data.worktimeId, input.worktimeLabel),
    employer: { name: ctx.employer.name, organization_number: ctx.employer.orgNumber },
    application_details: {
      url: data.applyUrl || null,
      email: data.applyEmail || null,
      via_af: false,
    },
    occupation: ref(occupation.id, occupation.label),
    occupation_group: ref(occupation.groupId, occupation.groupLabel),
    occupation_field: ref(occupation.fieldId, occupation.fieldLabel),
    workplace_address: {
      municipality: municipality?.shortName ?? null,
      municipality_code: data.municipalityCode,
      municipality_concept_id: municipality?.jobtechConceptId || null,
      region: ctx.region.name.sv,
      region_concept_id: ctx.region.jobtechConceptId || null,
      country: 'Sverige',
      country_concept_id: SWEDEN_CONCEPT_ID,
    },
    remote_work: data.remote,
    source_type: 'LOTSA',
    timestamp: ctx.now.getTime(),
    lotsa_own: { ...data },
  };
}

/**
 * The job_ads row of an own ad: the ingester's normalisation of its record, with what the
 * employer said taking the place of what the ingester would guess (the language, remote work) and
 * the owner's columns.
 */
export function ownAdRow(input: OwnAdInput, ctx: OwnAdContext): JobAdRow {
  const record = ownAdRecord(input, ctx);
  const checked = parseRecordAt(record, ctx.now);
  if (checked.kind !== 'ad')
    throw new Error(`own ad ${ctx.id} is not a valid record: ${JSON.stringify(checked)}`);
  // The ingester cuts JobTech's strings to its lengths in UTF-16 code units: a description the form
  // took (10,000 characters as people count them, emoji included) can be longer than that, and its
  // escaped paragraphs longer still. Lotsa wrote these itself from checked values: kept whole.
  const parsed = {
    ...checked,
    ad: { ...checked.ad, description: record.description, lotsa_own: record.lotsa_own },
  };
  const scope: IngestScope = {
    regionId: ctx.region.id,
    regionConceptId: ctx.region.jobtechConceptId ?? '',
    municipalities: new Map(),
  };
  const row = normalizeAd(parsed, scope, ctx.now);
  return {
    ...row,
    origin: 'own',
    // The ad is open until its deadline: its own task closes it then (not the ingester's expiry).
    status: 'open',
    closed_reason: null,
    closed_at: null,
    last_publication_at: null,
    lang: input.data.descriptionSv.trim() ? 'sv' : 'en',
    municipality_code: input.data.municipalityCode,
    remote: input.data.remote,
    organisation_id: ctx.organisationId,
    created_by: ctx.accountId,
    updated_by: ctx.accountId,
  };
}
