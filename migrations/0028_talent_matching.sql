-- The talent pool's matching (issue 15): what the matching has read from each job ad (skills,
-- languages, experience), where the incremental matching stands in each region's stream of job
-- changes, and the links that renew a person's consent.

-- What an ad asks for, computed once per version of the ad (job_ads.change_seq): the skills of
-- JobTech's must_have/nice_to_have plus the taxonomy's skill labels found in the headline and the
-- description, the required languages, and months of experience asked for (0: none asked). Only
-- open ads have a row (a closed one's goes when the matching reads the change), with the columns
-- of job_ads the matching reads, so that a talent's candidates are one index range of this table.
CREATE TABLE talent_job_features (
  region_id text NOT NULL,
  job_id text NOT NULL,
  occupation_id text,
  occupation_group_id text,
  occupation_field_id text,
  municipality_code text,
  remote boolean NOT NULL DEFAULT false,
  published_at timestamptz NOT NULL,
  skills text[] NOT NULL DEFAULT '{}' CHECK (cardinality(skills) <= 60),
  languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 20),
  experience_months integer NOT NULL DEFAULT 0 CHECK (experience_months BETWEEN 0 AND 600),
  computed_seq bigint NOT NULL,
  PRIMARY KEY (region_id, job_id),
  FOREIGN KEY (region_id, job_id) REFERENCES job_ads (region_id, id) ON DELETE CASCADE
);

-- The last job change (job_ads.change_seq) the incremental matching has handled, per region.
-- Until `initialised`, it only computes the features of the ads that were there before it began.
CREATE TABLE talent_match_state (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  last_change_seq bigint NOT NULL DEFAULT 0,
  initialised boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id)
);

-- The link in a renewal e-mail: only the SHA-256 of its token is stored. It goes with the profile.
CREATE TABLE talent_renewal_tokens (
  region_id text NOT NULL,
  token_hash text NOT NULL,
  profile_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, token_hash),
  FOREIGN KEY (region_id, profile_id) REFERENCES talent_profiles (region_id, id) ON DELETE CASCADE
);
CREATE INDEX talent_renewal_tokens_profile ON talent_renewal_tokens (region_id, profile_id);

-- A talent's candidate jobs by occupation name, group or field, newest first.
CREATE INDEX talent_job_features_occupation ON talent_job_features (region_id, occupation_id, published_at DESC);
CREATE INDEX talent_job_features_group ON talent_job_features (region_id, occupation_group_id, published_at DESC);
CREATE INDEX talent_job_features_field ON talent_job_features (region_id, occupation_field_id, published_at DESC);
CREATE INDEX talent_job_features_place ON talent_job_features (region_id, occupation_group_id, municipality_code, published_at DESC);
-- The renewal's hide and delete steps.
CREATE INDEX talent_profiles_hidden ON talent_profiles (region_id, hidden_at) WHERE status = 'hidden';
