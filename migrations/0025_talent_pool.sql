-- The talent pool (issue 15): people who tell the region what they do and dream of without
-- applying, their household, and their consents per purpose. A profile belongs to an account (the
-- e-mail confirmed by a link creates or finds it); before that, what was typed waits in
-- talent_signups under a hashed token. Personnummer is never asked and has no column.
--
-- Later migrations of this issue add the job alerts and saved jobs, the matching tables, and the
-- employers' side (card views, intro requests, blocks).

-- What a region decides about its pool: k for the anonymised cards, and the consent periods
-- (asked to renew after renew_after_months; hidden hide_after_days later without an answer;
-- deleted delete_after_months after being hidden). Shown on the privacy page.
CREATE TABLE talent_settings (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  k_anonymity integer NOT NULL DEFAULT 5 CHECK (k_anonymity BETWEEN 2 AND 100),
  renew_after_months integer NOT NULL DEFAULT 12 CHECK (renew_after_months BETWEEN 1 AND 60),
  hide_after_days integer NOT NULL DEFAULT 30 CHECK (hide_after_days BETWEEN 1 AND 365),
  delete_after_months integer NOT NULL DEFAULT 6 CHECK (delete_after_months BETWEEN 1 AND 60),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id)
);

CREATE TABLE talent_profiles (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  -- 'hidden': consent not renewed in time, or the person paused it; matched and shown to no one.
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'hidden')),
  -- JobTech taxonomy concept ids: occupation names and skills (checked against taxonomy_concepts
  -- by the service; the arrays are bounded here too).
  occupations text[] NOT NULL DEFAULT '{}' CHECK (cardinality(occupations) <= 5),
  skills text[] NOT NULL DEFAULT '{}' CHECK (cardinality(skills) <= 30),
  -- The occupation groups (SSYK-4) and fields of `occupations`, kept for matching and search.
  occupation_groups text[] NOT NULL DEFAULT '{}',
  occupation_fields text[] NOT NULL DEFAULT '{}',
  experience text NOT NULL CHECK (experience IN ('none', 'lt2', '2to5', '5to10', 'gt10')),
  -- Language concept ids of the taxonomy.
  languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 10),
  education text NOT NULL CHECK (education IN ('compulsory', 'upper-secondary', 'vocational', 'university', 'doctorate')),
  -- Municipality codes they would consider; `anywhere` for the whole region.
  municipalities text[] NOT NULL DEFAULT '{}' CHECK (cardinality(municipalities) <= 30),
  anywhere boolean NOT NULL DEFAULT false,
  move_when text NOT NULL CHECK (move_when IN ('now', 'within-6-months', 'within-a-year', 'later', 'not-sure', 'live-here')),
  remote_now boolean NOT NULL DEFAULT false,
  -- In their own words, for them and the navigators; never shown to employers.
  about text NOT NULL DEFAULT '' CHECK (length(about) <= 1000),
  -- The household: the partner's occupations and skills (the partner may later claim their part
  -- with an account of their own), the children's ages, housing wishes.
  has_partner boolean NOT NULL DEFAULT false,
  partner_occupations text[] NOT NULL DEFAULT '{}' CHECK (cardinality(partner_occupations) <= 5),
  partner_skills text[] NOT NULL DEFAULT '{}' CHECK (cardinality(partner_skills) <= 30),
  partner_occupation_groups text[] NOT NULL DEFAULT '{}',
  partner_occupation_fields text[] NOT NULL DEFAULT '{}',
  partner_account_id uuid,
  children_ages smallint[] NOT NULL DEFAULT '{}' CHECK (cardinality(children_ages) <= 10),
  housing text NOT NULL DEFAULT 'not-sure' CHECK (housing IN ('rent', 'buy', 'either', 'not-sure')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The last time the person confirmed they want to stay (joining counts); renewal runs from it.
  renewed_at timestamptz NOT NULL DEFAULT now(),
  renewal_asked_at timestamptz,
  hidden_at timestamptz,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, account_id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, partner_account_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (partner_account_id)
);
CREATE INDEX talent_profiles_occupations ON talent_profiles USING gin (occupations);
CREATE INDEX talent_profiles_groups ON talent_profiles USING gin (occupation_groups);
CREATE INDEX talent_profiles_partner_groups ON talent_profiles USING gin (partner_occupation_groups);
CREATE INDEX talent_profiles_renewal ON talent_profiles (region_id, status, renewed_at);
CREATE UNIQUE INDEX talent_profiles_partner ON talent_profiles (region_id, partner_account_id)
  WHERE partner_account_id IS NOT NULL;

-- Consent per purpose, each with its time and the exact version of the text the person was
-- shown. Withdrawing sets withdrawn_at; giving it again is a new row. At most one live row per
-- purpose.
CREATE TABLE talent_consents (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('navigator', 'employers', 'alerts', 'newsletter')),
  text_version text NOT NULL CHECK (length(text_version) <= 40),
  granted_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX talent_consents_live ON talent_consents (region_id, account_id, purpose)
  WHERE withdrawn_at IS NULL;

-- A sign-up waiting for its e-mail to be confirmed: what was typed (the profile and the consents
-- ticked), under the SHA-256 of the link's token. A second sign-up with the same address replaces
-- the waiting one; confirming merges into the account's profile if it has one.
CREATE TABLE talent_signups (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  language text NOT NULL CHECK (language IN ('sv', 'en')),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (region_id, token_hash)
);
CREATE UNIQUE INDEX talent_signups_email ON talent_signups (region_id, email);
CREATE INDEX talent_signups_expiry ON talent_signups (expires_at);

-- New matches waiting for the person's "new jobs for you" digest: the matching writes a row when a
-- new or changed job fits a profile (the main mover's or the partner's side) whose owner consents to
-- alerts; the alerts' digest sends the unsent ones and marks them. `reasons` holds the explanation
-- already in words, { "sv": "…", "en": "…" }. Rows go with the account.
CREATE TABLE talent_match_inbox (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  account_id uuid NOT NULL,
  job_id text NOT NULL,
  side text NOT NULL CHECK (side IN ('main', 'partner')),
  score real NOT NULL,
  reasons jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (region_id, account_id, job_id, side),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE
);
CREATE INDEX talent_match_inbox_unsent ON talent_match_inbox (region_id, account_id) WHERE sent_at IS NULL;

-- Extra headers of an outgoing message (List-Unsubscribe and List-Unsubscribe-Post for alerts).
ALTER TABLE mail_outbox ADD COLUMN headers jsonb;
