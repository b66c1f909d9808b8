-- The newcomer network ("Ny i Dalarna", issue 16): newcomers and locals join interest groups,
-- groups have meetups (their own small list until an events module exists), and ambassadors —
-- residents who volunteer — are matched to newcomer households by a navigator. The relocation
-- module's network part (src/modules/relocation/network/) owns these tables.

CREATE TABLE network_groups (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  name_sv text NOT NULL CHECK (length(name_sv) BETWEEN 1 AND 120),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
  description_sv text NOT NULL DEFAULT '' CHECK (length(description_sv) <= 2000),
  description_en text NOT NULL DEFAULT '' CHECK (length(description_en) <= 2000),
  topic text NOT NULL CHECK (topic IN (
    'outdoors', 'families', 'tech', 'language_cafe', 'sports', 'culture', 'food', 'other'
  )),
  -- null: the whole region.
  municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, slug),
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by)
);

CREATE TABLE network_members (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  group_id uuid NOT NULL,
  account_id uuid NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, group_id, account_id),
  FOREIGN KEY (region_id, group_id) REFERENCES network_groups (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE
);
CREATE INDEX network_members_account ON network_members (region_id, account_id);

CREATE TABLE network_meetups (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at timestamptz NOT NULL,
  minutes smallint NOT NULL DEFAULT 120 CHECK (minutes BETWEEN 15 AND 720),
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  -- null: no limit.
  capacity integer CHECK (capacity BETWEEN 1 AND 10000),
  cancelled_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, group_id) REFERENCES network_groups (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX network_meetups_group ON network_meetups (region_id, group_id, starts_at);

-- "Jag kommer": written by one conditional INSERT … SELECT under a lock of the meetup's row, so
-- the count never passes the capacity however many answer at once.
CREATE TABLE network_meetup_attendees (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  meetup_id uuid NOT NULL,
  account_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, meetup_id, account_id),
  FOREIGN KEY (region_id, meetup_id) REFERENCES network_meetups (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE
);
CREATE INDEX network_meetup_attendees_account ON network_meetup_attendees (region_id, account_id);

-- Residents who volunteer to welcome newcomers; pending until the region approves them.
CREATE TABLE network_ambassadors (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'paused')),
  municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
  -- ISO 639-1 codes.
  languages text[] NOT NULL CHECK (
    cardinality(languages) BETWEEN 1 AND 12 AND array_to_string(languages, ',') ~ '^[a-z]{2}(,[a-z]{2})*$'
  ),
  occupation text NOT NULL DEFAULT '' CHECK (length(occupation) <= 200),
  personas text[] NOT NULL DEFAULT '{}' CHECK (
    cardinality(personas) <= 6 AND personas <@ ARRAY['families', 'international', 'returners', 'nature', 'students', 'entrepreneurs']
  ),
  interests text[] NOT NULL DEFAULT '{}' CHECK (
    cardinality(interests) <= 8 AND interests <@ ARRAY['outdoors', 'families', 'tech', 'language_cafe', 'sports', 'culture', 'food', 'other']
  ),
  about text NOT NULL DEFAULT '' CHECK (length(about) <= 1000),
  consent_text_version text NOT NULL,
  approved_by uuid,
  approved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, account_id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, approved_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (approved_by)
);
CREATE INDEX network_ambassadors_status ON network_ambassadors (region_id, status);

-- An ambassador matched to a household by a navigator.
CREATE TABLE network_ambassador_matches (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  ambassador_id uuid NOT NULL,
  matched_by uuid,
  matched_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'introduced' CHECK (status IN ('proposed', 'introduced', 'ended')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  ended_at timestamptz,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, case_id, ambassador_id),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, ambassador_id) REFERENCES network_ambassadors (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, matched_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (matched_by)
);
CREATE INDEX network_ambassador_matches_ambassador ON network_ambassador_matches (region_id, ambassador_id);
