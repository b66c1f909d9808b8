-- The job board: JobTech taxonomy (national reference data), the region's job ads mirrored from
-- JobStream (and generated demo ads), ingestion state, and the vocabulary behind "did you mean".

-- Taxonomy concepts shared by every region: occupation fields, SSYK-4 groups, occupation names,
-- skills, län and kommuner, and the small enumerations ads refer to (employment type, …).
CREATE TABLE taxonomy_concepts (
  concept_id text PRIMARY KEY CHECK (concept_id ~ '^[A-Za-z0-9_-]{3,40}$'),
  type text NOT NULL CHECK (type IN (
    'occupation-field', 'ssyk-level-4', 'occupation-name', 'skill', 'region', 'municipality',
    'employment-type', 'worktime-extent', 'salary-type', 'employment-duration', 'driving-licence', 'language'
  )),
  label text NOT NULL,
  label_en text,
  code text,
  parent_id text,
  deprecated boolean NOT NULL DEFAULT false
);
CREATE INDEX taxonomy_concepts_type ON taxonomy_concepts (type, parent_id);

-- One row per ad and region. Ads are keyed by JobTech's id as a string; the raw JSON is kept
-- without application_contacts (contact persons are never stored for display).
CREATE TABLE job_ads (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id text NOT NULL CHECK (id ~ '^[A-Za-z0-9-]{1,64}$'),
  origin text NOT NULL DEFAULT 'jobtech' CHECK (origin IN ('jobtech', 'generated')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_reason text CHECK (closed_reason IN ('removed', 'expired', 'missing')),
  closed_at timestamptz,
  source_timestamp bigint NOT NULL,
  content_hash text NOT NULL,
  raw jsonb NOT NULL,
  lang text NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en')),
  headline text NOT NULL,
  employer_name text NOT NULL,
  employer_key text NOT NULL,
  employer_orgnr text,
  workplace text,
  municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
  occupation_id text,
  occupation_label text NOT NULL DEFAULT '',
  occupation_group_id text,
  occupation_group_label text NOT NULL DEFAULT '',
  occupation_field_id text,
  occupation_field_label text NOT NULL DEFAULT '',
  employment_type_id text,
  worktime_extent_id text,
  salary_type_id text,
  duration_id text,
  remote boolean NOT NULL DEFAULT false,
  vacancies integer,
  description_text text NOT NULL DEFAULT '',
  published_at timestamptz NOT NULL,
  last_publication_at timestamptz,
  deadline_at timestamptz,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish'::regconfig, headline), 'A')
    || setweight(to_tsvector('swedish'::regconfig, occupation_label || ' ' || occupation_group_label), 'B')
    || setweight(to_tsvector('swedish'::regconfig, employer_name || ' ' || coalesce(workplace, '')), 'C')
    || setweight(to_tsvector('swedish'::regconfig, description_text), 'D')
    || CASE WHEN lang = 'en' THEN
         setweight(to_tsvector('english'::regconfig, headline), 'A')
         || setweight(to_tsvector('english'::regconfig, description_text), 'D')
       ELSE ''::tsvector END
  ) STORED,
  PRIMARY KEY (region_id, id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX job_ads_search ON job_ads USING gin (search) WHERE status = 'open';
CREATE INDEX job_ads_newest ON job_ads (region_id, published_at DESC, id) WHERE status = 'open';
CREATE INDEX job_ads_deadline ON job_ads (region_id, deadline_at, id) WHERE status = 'open';
CREATE INDEX job_ads_municipality ON job_ads (region_id, municipality_code, published_at DESC) WHERE status = 'open';
CREATE INDEX job_ads_field ON job_ads (region_id, occupation_field_id, published_at DESC) WHERE status = 'open';
CREATE INDEX job_ads_group ON job_ads (region_id, occupation_group_id) WHERE status = 'open';
CREATE INDEX job_ads_employer ON job_ads (region_id, employer_key) WHERE status = 'open';
CREATE INDEX job_ads_closing ON job_ads (last_publication_at) WHERE status = 'open';
CREATE INDEX job_ads_closed ON job_ads (region_id, closed_at) WHERE status = 'closed';

-- Where each region's JobStream reading stands. The cursor moves in the same transaction as the
-- rows it covers, so it is never ahead of them.
CREATE TABLE job_ingest_state (
  region_id text PRIMARY KEY REFERENCES regions (id) ON DELETE CASCADE,
  stream_cursor timestamptz,
  snapshot_at timestamptz,
  generation bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per ingestion run, for operators: what came in, what changed, what was skipped.
CREATE TABLE job_ingest_runs (
  id bigserial PRIMARY KEY,
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('snapshot', 'stream', 'demo')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  outcome text CHECK (outcome IN ('ok', 'failed')),
  received integer NOT NULL DEFAULT 0,
  written integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  stale integer NOT NULL DEFAULT 0,
  closed integer NOT NULL DEFAULT 0,
  malformed integer NOT NULL DEFAULT 0,
  error text
);
CREATE INDEX job_ingest_runs_region ON job_ingest_runs (region_id, started_at DESC);

-- Words of the region's open ads (headlines and occupations), with how many ads use them: the
-- vocabulary for "did you mean" and for finding compounds (lärare → förskollärare).
CREATE TABLE job_search_words (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  word text NOT NULL,
  folded text NOT NULL,
  ads integer NOT NULL,
  PRIMARY KEY (region_id, word)
);
CREATE INDEX job_search_words_folded ON job_search_words USING gin (folded gin_trgm_ops);
CREATE INDEX job_search_words_suffix ON job_search_words (region_id, reverse(word) text_pattern_ops);
