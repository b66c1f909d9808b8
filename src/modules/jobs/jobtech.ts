/**
 * The shape of JobTech's job ads as JobSearch and JobStream deliver them (see
 * ../shared/reference/jobtech-api.md, section 1.4 and 2). Everything the ingester reads is here;
 * fields are optional or nullable where the real data shows them missing.
 */

/** A taxonomy reference inside an ad: all three members can be null. */
export interface TaxRef {
  concept_id: string | null;
  label: string | null;
  legacy_ams_taxonomy_id?: string | null;
}

export interface JobAdDescription {
  text: string | null;
  text_formatted?: string | null;
  company_information?: string | null;
  needs?: string | null;
  requirements?: string | null;
  conditions?: string | null;
}

export interface JobAdEmployer {
  phone_number?: string | null;
  email?: string | null;
  url?: string | null;
  organization_number?: string | null;
  name: string | null;
  workplace?: string | null;
}

export interface JobAdAddress {
  municipality?: string | null;
  municipality_code?: string | null;
  municipality_concept_id?: string | null;
  region?: string | null;
  region_code?: string | null;
  region_concept_id?: string | null;
  country?: string | null;
  country_code?: string | null;
  country_concept_id?: string | null;
  street_address?: string | null;
  postcode?: string | null;
  city?: string | null;
  /** [longitude, latitude]; either can be null. */
  coordinates?: [number | null, number | null] | null;
}

export interface JobAdApplication {
  information?: string | null;
  reference?: string | null;
  email?: string | null;
  via_af?: boolean | null;
  url?: string | null;
  other?: string | null;
}

/** A published (or updated) ad: a full JobAd object. */
export interface JobAd {
  id: string;
  external_id?: string | null;
  original_id?: string | null;
  label?: string | null;
  webpage_url?: string | null;
  logo_url?: string | null;
  headline: string;
  application_deadline?: string | null;
  number_of_vacancies?: number | null;
  description?: JobAdDescription | null;
  employment_type?: TaxRef | null;
  salary_type?: TaxRef | null;
  salary_description?: string | null;
  duration?: TaxRef | null;
  working_hours_type?: TaxRef | null;
  scope_of_work?: { min: number | null; max: number | null } | null;
  access?: string | null;
  employer?: JobAdEmployer | null;
  application_details?: JobAdApplication | null;
  experience_required?: boolean | null;
  access_to_own_car?: boolean | null;
  driving_license_required?: boolean | null;
  driving_license?: TaxRef[] | null;
  occupation?: TaxRef | null;
  occupation_group?: TaxRef | null;
  occupation_field?: TaxRef | null;
  workplace_address?: JobAdAddress | null;
  must_have?: Record<string, unknown> | null;
  nice_to_have?: Record<string, unknown> | null;
  /** Personal data: never stored by Lotsa (stripped before the raw JSON is kept). */
  application_contacts?: unknown[] | null;
  publication_date: string;
  last_publication_date?: string | null;
  removed?: false | null;
  removed_date?: string | null;
  source_type?: string | null;
  /** Epoch milliseconds (UTC) of the ad's last change in the source. */
  timestamp: number;
  /** Lotsa's own marker on ads made by the demo generator. */
  lotsa_generated?: boolean;
  [key: string]: unknown;
}

/** An unpublished ad in JobStream: the place and occupation fields are plain concept-id strings. */
export interface JobAdTombstone {
  id: string | number;
  removed: true;
  removed_date?: string | null;
  occupation?: string | null;
  occupation_group?: string | null;
  occupation_field?: string | null;
  municipality?: string | null;
  region?: string | null;
  country?: string | null;
  timestamp?: number;
}

export type JobStreamRecord = JobAd | JobAdTombstone;

export const SWEDEN_CONCEPT_ID = 'i46j_HmG_v64';
