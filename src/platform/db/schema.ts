/**
 * Kysely's view of the tables in `migrations/`. Keep in step with the SQL: the schema test builds
 * the database from the migrations and the type checker sees every query against these types.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface RegionsTable {
  id: string;
  name_sv: string;
  name_en: string;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  default_language: ColumnType<string, string | undefined, string>;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  county_code: string | null;
  jobtech_concept_id: string | null;
  brand_primary: string;
  brand_accent: string;
  logo_path: string;
  contact_organisation: string;
  contact_email: string;
  contact_phone: string | null;
  contact_address: string | null;
  canonical_origin: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RegionHostsTable {
  region_id: string;
  host: string;
}

export interface MunicipalitiesTable {
  region_id: string;
  code: string;
  official_name: string;
  short_name: string;
  slug: string;
  jobtech_concept_id: string;
}

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: Json;
  state: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | undefined, string>;
  dedupe_key: string | null;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  locked_until: Date | null;
  locked_by: string | null;
  /** The claiming worker's token; a heartbeat or an outcome counts only while it matches. */
  lock_token: string | null;
  last_error: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
}

export interface JobSchedulesTable {
  name: string;
  every_seconds: number;
  next_run_at: Timestamp;
  last_run_at: Date | null;
}

export interface RateLimitHitsTable {
  bucket: string;
  window_start: Date;
  hits: number;
}

export interface MailOutboxTable {
  region_id: string;
  id: Generated<number>;
  to_address: string;
  reply_to: string | null;
  language: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  state: ColumnType<'pending' | 'sent' | 'failed', 'pending' | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  message_id: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
  /** Extra headers (List-Unsubscribe …), migration 0025. */
  headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  /** Attachments (an event's .ics), migration 0035: JSON of MailAttachment[]; dropped once sent. */
  attachments: ColumnType<
    { filename: string; contentType: string; content: string }[] | null,
    string | null | undefined,
    string | null
  >;
}

export interface AccessibilityFeedbackTable {
  region_id: string;
  id: Generated<number>;
  page_url: string | null;
  message: string;
  name: string | null;
  email: string | null;
  language: string;
  created_at: CreatedAt;
  /** 'new' → 'answered' → 'closed', or 'new' → 'closed' with a reason (migration 0013). */
  status: Generated<'new' | 'answered' | 'closed'>;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  answer_emailed: Generated<boolean>;
  answer_mail_id: number | null;
  closed_at: Date | null;
  closed_by: string | null;
  close_reason: 'answered' | 'fixed' | 'duplicate' | 'not_accessibility' | 'spam' | 'other' | null;
  close_note: string | null;
  internal_note: Generated<string>;
  updated_at: Generated<Date>;
}

export interface TaxonomyConceptsTable {
  concept_id: string;
  type: string;
  label: string;
  label_en: string | null;
  code: string | null;
  parent_id: string | null;
  deprecated: ColumnType<boolean, boolean | undefined, boolean>;
}

/** Where an ad comes from: JobTech's stream, the demo generator, or an employer on Lotsa. */
export type JobAdOrigin = 'jobtech' | 'generated' | 'own';

export interface JobAdsTable {
  region_id: string;
  id: string;
  /** 'own': an employer's own ad, published on Lotsa (migration 0024). */
  origin: ColumnType<JobAdOrigin, JobAdOrigin | undefined, JobAdOrigin>;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  closed_reason: 'removed' | 'expired' | 'missing' | null;
  closed_at: Date | null;
  /** Epoch milliseconds; bigint comes back from pg as a string. */
  source_timestamp: ColumnType<string, number | string, number | string>;
  content_hash: string;
  raw: Json;
  lang: ColumnType<'sv' | 'en', 'sv' | 'en' | undefined, 'sv' | 'en'>;
  headline: string;
  employer_name: string;
  employer_key: string;
  employer_orgnr: string | null;
  workplace: string | null;
  municipality_code: string | null;
  occupation_id: string | null;
  occupation_label: ColumnType<string, string | undefined, string>;
  occupation_group_id: string | null;
  occupation_group_label: ColumnType<string, string | undefined, string>;
  occupation_field_id: string | null;
  occupation_field_label: ColumnType<string, string | undefined, string>;
  employment_type_id: string | null;
  worktime_extent_id: string | null;
  salary_type_id: string | null;
  duration_id: string | null;
  remote: ColumnType<boolean, boolean | undefined, boolean>;
  vacancies: number | null;
  description_text: ColumnType<string, string | undefined, string>;
  published_at: Timestamp;
  last_publication_at: Date | null;
  deadline_at: Date | null;
  first_seen_at: CreatedAt;
  updated_at: Timestamp;
  search: ColumnType<string, never, never>;
  /** Set by the database on every insert and update (migration 0014). */
  change_seq: ColumnType<string, never, never>;
  /** An own ad's publishing employer organisation and its authors (migration 0024); null otherwise. */
  organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface JobIngestStateTable {
  region_id: string;
  stream_cursor: Date | null;
  snapshot_at: Date | null;
  generation: ColumnType<string, number | string | undefined, number | string>;
  updated_at: Timestamp;
}

export interface JobIngestRunsTable {
  id: Generated<string>;
  region_id: string;
  kind: 'snapshot' | 'stream' | 'demo';
  started_at: CreatedAt;
  finished_at: Date | null;
  outcome: 'ok' | 'failed' | 'refused' | 'abandoned' | null;
  received: ColumnType<number, number | undefined, number>;
  written: ColumnType<number, number | undefined, number>;
  unchanged: ColumnType<number, number | undefined, number>;
  stale: ColumnType<number, number | undefined, number>;
  closed: ColumnType<number, number | undefined, number>;
  malformed: ColumnType<number, number | undefined, number>;
  error: string | null;
}

export interface JobSearchWordsTable {
  region_id: string;
  word: string;
  folded: string;
  ads: number;
}

export interface AccountsTable {
  region_id: string;
  id: Generated<string>;
  email: string;
  display_name: ColumnType<string, string | undefined, string>;
  language: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  last_sign_in_at: Date | null;
}

export interface OrganisationsTable {
  region_id: string;
  id: Generated<string>;
  kind: string;
  name: string;
  org_number: string | null;
  municipality_code: string | null;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  region_id: string;
  organisation_id: string;
  account_id: string;
  role: string;
  created_at: CreatedAt;
}

export interface SessionsTable {
  region_id: string;
  token_hash: string;
  account_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  method: string;
  second_factor_at: Timestamp | null;
  active_organisation_id: string | null;
  device: ColumnType<string, string | undefined, string>;
}

export interface LoginTokensTable {
  region_id: string;
  token_hash: string;
  code_hash: string;
  email: string;
  account_id: string | null;
  language: string;
  next_path: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  code_failures: ColumnType<number, number | undefined, number>;
}

export interface PasskeysTable {
  region_id: string;
  credential_id: string;
  account_id: string;
  public_key: Buffer;
  counter: ColumnType<string, number | string | undefined, number | string>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  name: ColumnType<string, string | undefined, string>;
  backed_up: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
}

export interface WebauthnChallengesTable {
  region_id: string;
  handle_hash: string;
  challenge: string;
  purpose: 'register' | 'authenticate' | 'verify';
  account_id: string | null;
  expires_at: Timestamp;
}

export interface TotpSecretsTable {
  region_id: string;
  account_id: string;
  secret: string;
  confirmed_at: Timestamp | null;
  last_step: ColumnType<string, number | string | undefined, number | string>;
  created_at: CreatedAt;
  /** The session an unconfirmed secret was shown to (its token hash). */
  pending_session: string | null;
}

export interface RecoveryCodesTable {
  region_id: string;
  account_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  region_id: string;
  id: Generated<string>;
  organisation_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ApiTokensTable {
  region_id: string;
  id: Generated<string>;
  organisation_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  permissions: string[];
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditEventsTable {
  region_id: string;
  id: Generated<number>;
  at: CreatedAt;
  actor_id: string | null;
  actor_label: ColumnType<string, string | undefined, string>;
  organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface ContentItemsTable {
  region_id: string;
  id: Generated<string>;
  kind: string;
  slug: string;
  municipality_code: string | null;
  status: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  published_version: number | null;
  publish_at: Date | null;
  unpublish_at: Date | null;
  published_at: Date | null;
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** Migration 0019: when the scheduler noted a scheduled item as gone live. */
  went_live_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Migration 0022: a new version of a live item approved for a later minute (swapped in then). */
  scheduled_version: ColumnType<number | null, number | null | undefined, number | null>;
  scheduled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  scheduled_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ContentVersionsTable {
  region_id: string;
  item_id: string;
  version: number;
  data: ColumnType<unknown, string, string>;
  author_id: string | null;
  saved_at: CreatedAt;
  note: ColumnType<string, string | undefined, string>;
}

export interface ContentPublishedTable {
  region_id: string;
  item_id: string;
  lang: string;
  kind: string;
  slug: string;
  municipality_code: string | null;
  version: number;
  title: string;
  summary: string;
  hero_image: string | null;
  target_groups: ColumnType<string[], string[] | undefined, string[]>;
  data: ColumnType<unknown, string, string>;
  search: ColumnType<string, string, string>;
  visible_from: Timestamp;
  visible_until: Date | null;
  published_at: Timestamp;
}

/** Migration 0018. Dates (file_date, as_of) are read as text (YYYY-MM-DD) by the repository. */
export interface PlaceFactImportsTable {
  region_id: string;
  id: Generated<number>;
  origin: 'shipped' | 'upload';
  file_date: ColumnType<string, string, string>;
  actor_id: string | null;
  actor_label: ColumnType<string, string | undefined, string>;
  imported_at: CreatedAt;
  municipality_count: number;
  fact_count: number;
  file: ColumnType<unknown, string, string>;
}

export interface PlaceFactsTable {
  region_id: string;
  municipality_code: string;
  key: string;
  kind: 'number' | 'list';
  value: ColumnType<string | null, number | null, number | null>;
  unit: string | null;
  label_sv: ColumnType<string, string | undefined, string>;
  label_en: ColumnType<string, string | undefined, string>;
  items_sv: ColumnType<string[], string[] | undefined, string[]>;
  items_en: ColumnType<string[], string[] | undefined, string[]>;
  source: string;
  source_url: string;
  as_of: ColumnType<string, string, string>;
  approx: ColumnType<boolean, boolean | undefined, boolean>;
  import_id: number;
}

/** The media library (migration 0017; src/modules/content/media/). */
export interface MediaImagesTable {
  region_id: string;
  id: Generated<string>;
  slug: string;
  kind: Generated<'photo' | 'illustration'>;
  alt_sv: Generated<string>;
  alt_en: Generated<string>;
  caption_sv: Generated<string>;
  caption_en: Generated<string>;
  photographer: Generated<string>;
  licence: Generated<string>;
  licence_url: Generated<string>;
  source: Generated<string>;
  source_url: Generated<string>;
  /** YYYY-MM-DD: the repository reads it with to_char (pg would make a Date of it). */
  expires_on: ColumnType<string | null, string | null | undefined, string | null>;
  width: number;
  height: number;
  format: 'jpeg' | 'png' | 'webp' | 'avif' | 'svg';
  bytes: number;
  storage_prefix: string;
  file_hash: string;
  widths: ColumnType<number[], number[] | undefined, number[]>;
  demo: Generated<boolean>;
  uploaded_by: string | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Migration 0023: the employer organisation an image belongs to (null: the region's). */
  organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0023: the companies' pages (src/modules/companies). */
export interface CompaniesTable {
  region_id: string;
  id: Generated<string>;
  slug: string;
  org_number: string;
  organisation_id: string | null;
  name: string;
  status: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  published_version: number | null;
  review_version: number | null;
  published_at: Date | null;
  featured: ColumnType<boolean, boolean | undefined, boolean>;
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CompanyVersionsTable {
  region_id: string;
  company_id: string;
  version: number;
  data: ColumnType<unknown, string, string>;
  author_id: string | null;
  saved_at: CreatedAt;
  note: ColumnType<string, string | undefined, string>;
}

export interface CompanySettingsTable {
  region_id: string;
  direct_text_edits: boolean;
  updated_at: Timestamp;
}

export interface CompanyCompetenceNeedsTable {
  region_id: string;
  company_id: string;
  occupation_id: string;
  people: number;
  updated_at: Timestamp;
}

export interface CompanyPageStatsTable {
  region_id: string;
  company_id: string;
  /** YYYY-MM-DD (read with to_char). */
  day: string;
  views: ColumnType<number, number | undefined, number>;
  job_clicks: ColumnType<number, number | undefined, number>;
}

// The talent pool (migration 0025).
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface TalentSettingsTable {
  region_id: string;
  k_anonymity: ColumnType<number, number | undefined, number>;
  renew_after_months: ColumnType<number, number | undefined, number>;
  hide_after_days: ColumnType<number, number | undefined, number>;
  delete_after_months: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface TalentProfilesTable {
  region_id: string;
  id: Generated<string>;
  account_id: string;
  status: ColumnType<'active' | 'hidden', 'active' | 'hidden' | undefined, 'active' | 'hidden'>;
  occupations: TextArray;
  skills: TextArray;
  occupation_groups: TextArray;
  occupation_fields: TextArray;
  experience: string;
  languages: TextArray;
  education: string;
  municipalities: TextArray;
  anywhere: ColumnType<boolean, boolean | undefined, boolean>;
  move_when: string;
  remote_now: ColumnType<boolean, boolean | undefined, boolean>;
  about: ColumnType<string, string | undefined, string>;
  has_partner: ColumnType<boolean, boolean | undefined, boolean>;
  partner_occupations: TextArray;
  partner_skills: TextArray;
  partner_occupation_groups: TextArray;
  partner_occupation_fields: TextArray;
  partner_account_id: string | null;
  children_ages: ColumnType<number[], number[] | undefined, number[]>;
  housing: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  renewed_at: Timestamp;
  renewal_asked_at: Date | null;
  hidden_at: Date | null;
}

export interface TalentConsentsTable {
  region_id: string;
  id: Generated<string>;
  account_id: string;
  purpose: string;
  text_version: string;
  granted_at: Timestamp;
  withdrawn_at: Date | null;
}

export interface TalentMatchInboxTable {
  region_id: string;
  account_id: string;
  job_id: string;
  side: 'main' | 'partner';
  score: number;
  /** The explanation in words: { sv, en }. */
  reasons: ColumnType<{ sv: string; en: string }, string, string>;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface TalentSignupsTable {
  region_id: string;
  token_hash: string;
  email: string;
  language: string;
  data: Json;
  created_at: CreatedAt;
  expires_at: Date;
}

// Job alerts and saved jobs (migration 0027).
export interface JobAlertsTable {
  region_id: string;
  id: Generated<string>;
  account_id: string | null;
  email: string;
  language: 'sv' | 'en';
  kind: 'search' | 'matches';
  /** The search as its URL query string (jobs/query.ts), '' for the matches digest. */
  query: ColumnType<string, string | undefined, string>;
  frequency: 'daily' | 'weekly';
  confirmed_at: Date | null;
  confirm_token_hash: string | null;
  confirm_expires_at: Date | null;
  unsubscribe_token_hash: string;
  consent_text_version: string | null;
  consent_given_at: Date | null;
  last_sent_at: Date | null;
  stopped_at: Date | null;
  created_at: CreatedAt;
}

export interface SavedJobsTable {
  region_id: string;
  account_id: string;
  job_id: string;
  saved_at: CreatedAt;
  closed_seen_at: Date | null;
}

// The talent pool's partner invitations (migration 0026).
export interface TalentPartnerInvitesTable {
  region_id: string;
  token_hash: string;
  profile_id: string;
  email: string;
  language: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

// The talent pool's employers' side (migration 0029).
export interface TalentCardViewsTable {
  region_id: string;
  id: Generated<string>;
  account_id: string;
  organisation_id: string;
  viewer_account_id: string | null;
  viewed_at: Timestamp;
}

export type TalentIntroStatus = 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface TalentIntroRequestsTable {
  region_id: string;
  id: Generated<string>;
  account_id: string | null;
  organisation_id: string;
  sender_account_id: string | null;
  job_id: string | null;
  message: string;
  status: ColumnType<TalentIntroStatus, TalentIntroStatus | undefined, TalentIntroStatus>;
  token_hash: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  answered_at: Date | null;
}

export interface TalentBlocksTable {
  region_id: string;
  account_id: string;
  organisation_id: string;
  created_at: CreatedAt;
}

// The talent pool's matching (migration 0028).
export interface TalentJobFeaturesTable {
  region_id: string;
  job_id: string;
  occupation_id: string | null;
  occupation_group_id: string | null;
  occupation_field_id: string | null;
  municipality_code: string | null;
  remote: ColumnType<boolean, boolean | undefined, boolean>;
  published_at: Timestamp;
  skills: TextArray;
  languages: TextArray;
  experience_months: ColumnType<number, number | undefined, number>;
  computed_seq: ColumnType<string, string | number | bigint, string | number | bigint>;
}

export interface TalentMatchStateTable {
  region_id: string;
  last_change_seq: ColumnType<string, string | number | bigint | undefined, string | number | bigint>;
  initialised: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
}

export interface TalentRenewalTokensTable {
  region_id: string;
  token_hash: string;
  profile_id: string;
  created_at: CreatedAt;
}

// The navigator (migration 0030, src/modules/relocation/).
type Maybe<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** A `date` column: node-postgres reads it as local midnight (relocation/model.ts dayOf gives the day back); written as YYYY-MM-DD. */
type Day = ColumnType<Date, string, string>;

export interface RelocationSlotsTable {
  region_id: string;
  id: Generated<string>;
  navigator_id: string;
  organisation_id: string;
  starts_at: Timestamp;
  minutes: Defaulted<number>;
  channels: TextArray;
  case_id: Maybe<string>;
  booked_at: Maybe<Date>;
  created_at: CreatedAt;
}

export interface RelocationCasesTable {
  region_id: string;
  id: Generated<string>;
  ref: ColumnType<number, never, never>;
  stage: Defaulted<string>;
  stage_changed_at: Timestamp;
  organisation_id: string;
  municipality_code: Maybe<string>;
  navigator_id: Maybe<string>;
  needs: TextArray;
  channel: string;
  language: Defaulted<string>;
  housing: Defaulted<string>;
  message: Defaulted<string>;
  source: ColumnType<unknown, string | undefined, string>;
  account_id: Maybe<string>;
  first_response_at: Maybe<Date>;
  first_response_by: Maybe<string>;
  outcome_municipality: Maybe<string>;
  outcome_main_employment: Maybe<string>;
  outcome_partner_employment: Maybe<string>;
  moved_on: ColumnType<Date | null, string | null | undefined, string | null>;
  close_reason: Maybe<string>;
  closed_at: Maybe<Date>;
  merged_into: Maybe<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RelocationPersonsTable {
  region_id: string;
  id: Generated<string>;
  case_id: string;
  role: string;
  name: Defaulted<string>;
  email: Maybe<string>;
  phone: Maybe<string>;
  age: Maybe<number>;
  age_on: ColumnType<Date | null, string | null | undefined, string | null>;
  citizenship: Defaulted<string>;
  occupation: Defaulted<string>;
  account_id: Maybe<string>;
  job_search: Defaulted<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RelocationConsentsTable {
  region_id: string;
  id: Generated<string>;
  person_id: string;
  purpose: string;
  text_version: string;
  given_at: Timestamp;
  withdrawn_at: Maybe<Date>;
}

export interface RelocationCaseEventsTable {
  region_id: string;
  id: Generated<string>;
  case_id: string;
  at: Timestamp;
  actor_id: Maybe<string>;
  kind: string;
  body: Defaulted<string>;
  data: ColumnType<unknown, string | undefined, string>;
}

export interface RelocationTasksTable {
  region_id: string;
  id: Generated<string>;
  case_id: string;
  title: string;
  due_on: Day;
  assignee_id: Maybe<string>;
  created_by: Maybe<string>;
  created_at: CreatedAt;
  reminded_at: Maybe<Date>;
  done_at: Maybe<Date>;
}

export interface RelocationMeetingsTable {
  region_id: string;
  id: Generated<string>;
  case_id: string;
  slot_id: Maybe<string>;
  navigator_id: Maybe<string>;
  starts_at: Timestamp;
  minutes: Defaulted<number>;
  channel: string;
  place: Defaulted<string>;
  note: Defaulted<string>;
  cancelled_at: Maybe<Date>;
  created_at: CreatedAt;
}

export interface RelocationChecklistTable {
  region_id: string;
  case_id: string;
  step: string;
  done_at: Timestamp;
  done_by: Maybe<string>;
}

export interface RelocationDocumentsTable {
  region_id: string;
  id: Generated<string>;
  case_id: string;
  storage_key: string;
  filename: string;
  content_type: string;
  bytes: number;
  uploaded_by: Maybe<string>;
  created_at: CreatedAt;
}

export interface RelocationFollowupsTable {
  region_id: string;
  id: Generated<string>;
  case_id: string;
  months: number;
  due_on: Day;
  token_hash: Maybe<string>;
  sent_at: Maybe<Date>;
  answered_at: Maybe<Date>;
  answers: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface RelocationLinksTable {
  region_id: string;
  token_hash: string;
  case_id: string;
  person_id: string;
  /** The address the link was mailed to, lower case (migration 0033). */
  email: Defaulted<string>;
  expires_at: Timestamp;
  used_at: Maybe<Date>;
  created_at: CreatedAt;
}

export interface RelocationJobApplicationsTable {
  region_id: string;
  id: Generated<string>;
  person_id: string;
  employer: string;
  title: string;
  job_id: Maybe<string>;
  status: Defaulted<string>;
  noted_on: Day;
  note: Defaulted<string>;
  created_by: Maybe<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}
export interface NetworkGroupsTable {
  region_id: string;
  id: Generated<string>;
  slug: string;
  name_sv: string;
  name_en: string;
  description_sv: Defaulted<string>;
  description_en: Defaulted<string>;
  topic: string;
  municipality_code: Maybe<string>;
  status: Defaulted<string>;
  created_by: Maybe<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RelocationIntroductionsTable {
  region_id: string;
  id: Generated<string>;
  case_id: string;
  person_id: string;
  organisation_id: string;
  job_id: Maybe<string>;
  message: Defaulted<string>;
  shared: Json;
  navigator_id: Maybe<string>;
  status: Defaulted<string>;
  created_at: CreatedAt;
  answered_at: Maybe<Date>;
  answered_by: Maybe<string>;
}
export interface NetworkMembersTable {
  region_id: string;
  group_id: string;
  account_id: string;
  joined_at: CreatedAt;
}

export interface NetworkAmbassadorsTable {
  region_id: string;
  id: Generated<string>;
  account_id: string;
  status: Defaulted<string>;
  municipality_code: Maybe<string>;
  languages: TextArray;
  occupation: Defaulted<string>;
  personas: TextArray;
  interests: TextArray;
  about: Defaulted<string>;
  consent_text_version: string;
  approved_by: Maybe<string>;
  approved_at: Maybe<Date>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NetworkAmbassadorMatchesTable {
  region_id: string;
  id: Generated<string>;
  case_id: string;
  ambassador_id: string;
  matched_by: Maybe<string>;
  matched_at: CreatedAt;
  status: Defaulted<string>;
  note: Defaulted<string>;
  ended_at: Maybe<Date>;
}

export interface EventsTable {
  region_id: string;
  id: Generated<string>;
  slug: string;
  organisation_id: string;
  kind: string;
  status: Defaulted<string>;
  title_sv: Defaulted<string>;
  title_en: Defaulted<string>;
  summary_sv: Defaulted<string>;
  summary_en: Defaulted<string>;
  description_sv: Defaulted<string>;
  description_en: Defaulted<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  location_kind: string;
  municipality_code: Maybe<string>;
  venue: Defaulted<string>;
  street_address: Defaulted<string>;
  postal_code: Defaulted<string>;
  locality: Defaulted<string>;
  online_url: Maybe<string>;
  languages: Defaulted<string[]>;
  personas: Defaulted<string[]>;
  accessibility_sv: Defaulted<string>;
  accessibility_en: Defaulted<string>;
  image_id: Maybe<string>;
  registration: Defaulted<string>;
  capacity: Maybe<number>;
  seats_taken: Defaulted<number>;
  max_group: Defaulted<number>;
  registration_opens_at: Maybe<Date>;
  registration_closes_at: Maybe<Date>;
  offer_hours: Defaulted<number>;
  network_group_id: Maybe<string>;
  cancelled_at: Maybe<Date>;
  cancel_reason: Defaulted<string>;
  review_comment: Defaulted<string>;
  /** An organiser's edit of a published event waiting for review (migration 0039). */
  pending: ColumnType<unknown, string | null | undefined, string | null>;
  published_at: Maybe<Date>;
  followup_sent_at: Maybe<Date>;
  version: Defaulted<number>;
  created_by: Maybe<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EventOrganisationsTable {
  region_id: string;
  event_id: string;
  organisation_id: string;
  role: string;
  stand: Defaulted<string>;
  stand_code: Defaulted<string>;
  position: Defaulted<number>;
  created_at: CreatedAt;
}

export interface EventProgrammeTable {
  region_id: string;
  id: Generated<string>;
  event_id: string;
  starts_at: Timestamp;
  ends_at: Maybe<Date>;
  kind: Defaulted<string>;
  title_sv: Defaulted<string>;
  title_en: Defaulted<string>;
  place: Defaulted<string>;
  organisation_id: Maybe<string>;
}

export interface EventQuestionsTable {
  region_id: string;
  id: Generated<string>;
  event_id: string;
  position: Defaulted<number>;
  kind: string;
  label_sv: Defaulted<string>;
  label_en: Defaulted<string>;
  choices: ColumnType<{ sv: string; en: string }[], string | undefined, string>;
  required: Defaulted<boolean>;
}

export interface EventRegistrationsTable {
  region_id: string;
  id: Generated<string>;
  event_id: string;
  account_id: Maybe<string>;
  name: string;
  email: string;
  language: Defaulted<string>;
  seats: Defaulted<number>;
  status: string;
  queued_at: Timestamp;
  offer_expires_at: Maybe<Date>;
  answers: ColumnType<Record<string, string>, string | undefined, string>;
  consent_text_version: string;
  share_with_exhibitors: Defaulted<boolean>;
  manage_hash: string;
  ticket_hash: string;
  reminded_at: Maybe<Date>;
  followup_sent_at: Maybe<Date>;
  /** When the cancellation's or the follow-up's mail was queued for it (migration 0040). */
  cancel_mailed_at: Maybe<Date>;
  followup_mailed_at: Maybe<Date>;
  decided_by: Maybe<string>;
  decided_at: Maybe<Date>;
  cancelled_at: Maybe<Date>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EventCheckinsTable {
  region_id: string;
  event_id: string;
  registration_id: string;
  people: Defaulted<number>;
  checked_in_at: Timestamp;
  recorded_at: Maybe<Date>;
  checked_in_by: Maybe<string>;
  method: Defaulted<string>;
}

export interface EventLeadsTable {
  region_id: string;
  id: Generated<string>;
  event_id: string;
  organisation_id: Maybe<string>;
  stand: Defaulted<string>;
  name: string;
  email: string;
  phone: Defaulted<string>;
  occupation: Defaulted<string>;
  note: Defaulted<string>;
  language: Defaulted<string>;
  consent_text_version: string;
  wants_talent_pool: Defaulted<boolean>;
  wants_navigator: Defaulted<boolean>;
  account_id: Maybe<string>;
  case_id: Maybe<string>;
  source: string;
  captured_by: Maybe<string>;
  created_at: CreatedAt;
}

/** Migration 0041: the employer toolbox (src/modules/toolbox). Dates (YYYY-MM-DD) are read with to_char. */
type DayText = ColumnType<string | null, string | null | undefined, string | null>;

export interface ToolboxBrandVersionsTable {
  region_id: string;
  version: number;
  data: ColumnType<unknown, string, string>;
  note: Defaulted<string>;
  saved_by: Maybe<string>;
  saved_at: CreatedAt;
}

export interface ToolboxAssetsTable {
  region_id: string;
  id: Generated<string>;
  kind: 'photo' | 'logo' | 'graphic-profile' | 'template' | 'film' | 'document';
  status: Defaulted<'draft' | 'published' | 'withdrawn'>;
  title_sv: Defaulted<string>;
  title_en: Defaulted<string>;
  description_sv: Defaulted<string>;
  description_en: Defaulted<string>;
  topics: TextArray;
  personas: TextArray;
  media_image_id: Maybe<string>;
  file_key: Maybe<string>;
  file_name: Maybe<string>;
  content_type: Maybe<string>;
  /** bigint: pg returns it as text. */
  bytes: ColumnType<string | null, number | null | undefined, number | null>;
  sha256: Maybe<string>;
  creator: Defaulted<string>;
  licence: Defaulted<string>;
  licence_url: Defaulted<string>;
  permitted_uses: TextArray;
  use_note_sv: Defaulted<string>;
  use_note_en: Defaulted<string>;
  expires_on: DayText;
  expiry_warned_at: Maybe<Date>;
  expiry_notified_at: Maybe<Date>;
  demo: Defaulted<boolean>;
  created_by: Maybe<string>;
  updated_by: Maybe<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ToolboxDownloadsTable {
  region_id: string;
  id: Generated<string>;
  asset_id: string;
  account_id: Maybe<string>;
  organisation_id: Maybe<string>;
  downloaded_at: CreatedAt;
}

export interface ToolboxTextsTable {
  region_id: string;
  id: Generated<string>;
  status: Defaulted<'draft' | 'approved' | 'retired'>;
  persona: string;
  topic: string;
  municipality_code: Maybe<string>;
  title_sv: Defaulted<string>;
  title_en: Defaulted<string>;
  body_sv: Defaulted<string>;
  body_en: Defaulted<string>;
  source_name: Defaulted<string>;
  source_url: Defaulted<string>;
  source_date: DayText;
  demo: Defaulted<boolean>;
  created_by: Maybe<string>;
  updated_by: Maybe<string>;
  approved_by: Maybe<string>;
  approved_at: Maybe<Date>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ToolboxWidgetsTable {
  region_id: string;
  organisation_id: string;
  key: string;
  lang: Defaulted<'sv' | 'en'>;
  municipality_code: Maybe<string>;
  show_jobs: Defaulted<boolean>;
  max_jobs: Defaulted<number>;
  enabled: Defaulted<boolean>;
  updated_by: Maybe<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ToolboxGuidesTable {
  region_id: string;
  slug: string;
  version: Defaulted<number>;
  position: Defaulted<number>;
  published: Defaulted<boolean>;
  data: ColumnType<unknown, string, string>;
  updated_by: Maybe<string>;
  updated_at: Timestamp;
}

export interface ToolboxChecklistsTable {
  region_id: string;
  id: Generated<string>;
  organisation_id: string;
  guide_slug: string;
  label: string;
  done: TextArray;
  created_by: Maybe<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DB {
  regions: RegionsTable;
  region_hosts: RegionHostsTable;
  municipalities: MunicipalitiesTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  rate_limit_hits: RateLimitHitsTable;
  mail_outbox: MailOutboxTable;
  accessibility_feedback: AccessibilityFeedbackTable;
  taxonomy_concepts: TaxonomyConceptsTable;
  job_ads: JobAdsTable;
  job_ingest_state: JobIngestStateTable;
  job_ingest_runs: JobIngestRunsTable;
  job_search_words: JobSearchWordsTable;
  accounts: AccountsTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_tokens: LoginTokensTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  totp_secrets: TotpSecretsTable;
  recovery_codes: RecoveryCodesTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  content_items: ContentItemsTable;
  content_versions: ContentVersionsTable;
  content_published: ContentPublishedTable;
  place_fact_imports: PlaceFactImportsTable;
  place_facts: PlaceFactsTable;
  media_images: MediaImagesTable;
  companies: CompaniesTable;
  company_versions: CompanyVersionsTable;
  company_settings: CompanySettingsTable;
  company_competence_needs: CompanyCompetenceNeedsTable;
  company_page_stats: CompanyPageStatsTable;
  talent_settings: TalentSettingsTable;
  talent_profiles: TalentProfilesTable;
  talent_consents: TalentConsentsTable;
  talent_signups: TalentSignupsTable;
  talent_match_inbox: TalentMatchInboxTable;
  job_alerts: JobAlertsTable;
  saved_jobs: SavedJobsTable;
  talent_partner_invites: TalentPartnerInvitesTable;
  talent_card_views: TalentCardViewsTable;
  talent_intro_requests: TalentIntroRequestsTable;
  talent_blocks: TalentBlocksTable;
  talent_job_features: TalentJobFeaturesTable;
  talent_match_state: TalentMatchStateTable;
  talent_renewal_tokens: TalentRenewalTokensTable;
  relocation_slots: RelocationSlotsTable;
  relocation_cases: RelocationCasesTable;
  relocation_persons: RelocationPersonsTable;
  relocation_consents: RelocationConsentsTable;
  relocation_case_events: RelocationCaseEventsTable;
  relocation_tasks: RelocationTasksTable;
  relocation_meetings: RelocationMeetingsTable;
  relocation_checklist: RelocationChecklistTable;
  relocation_documents: RelocationDocumentsTable;
  relocation_followups: RelocationFollowupsTable;
  relocation_links: RelocationLinksTable;
  relocation_job_applications: RelocationJobApplicationsTable;
  relocation_introductions: RelocationIntroductionsTable;
  network_groups: NetworkGroupsTable;
  network_members: NetworkMembersTable;
  network_ambassadors: NetworkAmbassadorsTable;
  network_ambassador_matches: NetworkAmbassadorMatchesTable;
  events: EventsTable;
  event_organisations: EventOrganisationsTable;
  event_programme: EventProgrammeTable;
  event_questions: EventQuestionsTable;
  event_registrations: EventRegistrationsTable;
  event_checkins: EventCheckinsTable;
  event_leads: EventLeadsTable;
  toolbox_brand_versions: ToolboxBrandVersionsTable;
  toolbox_assets: ToolboxAssetsTable;
  toolbox_downloads: ToolboxDownloadsTable;
  toolbox_texts: ToolboxTextsTable;
  toolbox_widgets: ToolboxWidgetsTable;
  toolbox_guides: ToolboxGuidesTable;
  toolbox_checklists: ToolboxChecklistsTable;
}
