-- The navigator ("lots", issue 16): a household asks for help once, a case file is shared by the
-- region's navigators, and the household follows its own moving checklist. The relocation module
-- owns these tables. A case belongs to the inbox of an organisation (the wished municipality's, or
-- the region's when the household is not sure yet) and is held by one navigator at a time.
--
-- Later migrations of this issue add the partner careers (introductions, job search) and the
-- newcomer network (groups, meetups, ambassadors).

-- The times navigators offer for a first conversation. A household books one with its request;
-- `case_id` is set by a single UPDATE … WHERE case_id IS NULL, so two households never get the same
-- slot.
CREATE TABLE relocation_slots (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  navigator_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  minutes smallint NOT NULL DEFAULT 30 CHECK (minutes BETWEEN 10 AND 180),
  channels text[] NOT NULL CHECK (
    cardinality(channels) BETWEEN 1 AND 3 AND channels <@ ARRAY['email', 'phone', 'video']
  ),
  case_id uuid,
  booked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, navigator_id, starts_at),
  FOREIGN KEY (region_id, navigator_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE
);
CREATE INDEX relocation_slots_open ON relocation_slots (region_id, starts_at) WHERE case_id IS NULL;

CREATE TABLE relocation_cases (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The number people say on the phone ("ärende 1042").
  ref bigint GENERATED ALWAYS AS IDENTITY,
  stage text NOT NULL DEFAULT 'new' CHECK (stage IN (
    'new', 'in_contact', 'exploring', 'visit_planned', 'offer', 'moving', 'moved', 'settled', 'closed'
  )),
  stage_changed_at timestamptz NOT NULL DEFAULT now(),
  -- Whose inbox: the wished municipality's organisation, else the region's.
  organisation_id uuid NOT NULL,
  -- The wished municipality; null: "not sure yet".
  municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
  -- The navigator holding the case (named on the receipt); null while nobody has one.
  navigator_id uuid,
  -- What they need help with.
  needs text[] NOT NULL DEFAULT '{}' CHECK (
    cardinality(needs) <= 6 AND needs <@ ARRAY['job', 'partner_job', 'housing', 'school', 'permits', 'social']
  ),
  channel text NOT NULL CHECK (channel IN ('email', 'phone', 'video')),
  -- The language they want to be helped in: 'sv', 'en', or another they name.
  language text NOT NULL DEFAULT 'sv' CHECK (length(language) BETWEEN 2 AND 60),
  housing text NOT NULL DEFAULT 'not_sure' CHECK (housing IN ('rent', 'buy', 'either', 'not_sure')),
  message text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
  -- What Lotsa already knew and carried along: the job they were reading, the campaign that brought
  -- them, the page they came from, whether a talent profile was linked. Plain facts, no person data.
  source jsonb NOT NULL DEFAULT '{}',
  -- The main mover's account once they have one (signed in, or confirmed the e-mail link).
  account_id uuid,
  first_response_at timestamptz,
  first_response_by uuid,
  -- The outcome, recorded when the household moves (or the case closes).
  outcome_municipality text CHECK (outcome_municipality ~ '^[0-9]{4}$'),
  outcome_main_employment text CHECK (outcome_main_employment IN ('employed', 'self_employed', 'searching', 'studying', 'other')),
  outcome_partner_employment text CHECK (outcome_partner_employment IN ('employed', 'self_employed', 'searching', 'studying', 'other', 'no_partner')),
  moved_on date,
  close_reason text CHECK (close_reason IN ('not_moving', 'withdrawn', 'no_contact', 'duplicate', 'spam', 'other')),
  closed_at timestamptz,
  -- A duplicate merged into another case keeps its row (and history) pointing at the survivor.
  merged_into uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, ref),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id),
  FOREIGN KEY (region_id, navigator_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (navigator_id),
  FOREIGN KEY (region_id, first_response_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (first_response_by),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (account_id),
  FOREIGN KEY (region_id, merged_into) REFERENCES relocation_cases (region_id, id) ON DELETE SET NULL (merged_into)
);
CREATE INDEX relocation_cases_inbox ON relocation_cases (region_id, organisation_id, stage, created_at);
CREATE INDEX relocation_cases_navigator ON relocation_cases (region_id, navigator_id, stage);
CREATE INDEX relocation_cases_account ON relocation_cases (region_id, account_id) WHERE account_id IS NOT NULL;

-- A deleted case (erasure) frees its slot.
ALTER TABLE relocation_slots
  ADD FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE SET NULL (case_id);

-- The household: the main mover, a partner, children. Children have an age and nothing else.
CREATE TABLE relocation_persons (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('main', 'partner', 'child')),
  name text NOT NULL DEFAULT '' CHECK (length(name) <= 120),
  email text CHECK (length(email) <= 254),
  phone text CHECK (length(phone) <= 40),
  -- Children: their age when the household told us (with the date, so it can be counted on).
  age smallint CHECK (age BETWEEN 0 AND 25),
  age_on date,
  citizenship text NOT NULL DEFAULT 'unknown' CHECK (citizenship IN ('nordic', 'eu', 'non_eu', 'unknown')),
  -- What the adult does, in their words (the talent profile, when linked, says it in taxonomy terms).
  occupation text NOT NULL DEFAULT '' CHECK (length(occupation) <= 200),
  -- The adult's own account (the partner may have one of their own).
  account_id uuid,
  -- The partner's (or main mover's) job search, tracked as part of the case.
  job_search text NOT NULL DEFAULT 'not_started' CHECK (job_search IN (
    'not_started', 'searching', 'interviewing', 'offer', 'employed', 'not_looking'
  )),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (account_id),
  CHECK (role = 'child' OR age IS NULL)
);
CREATE INDEX relocation_persons_case ON relocation_persons (region_id, case_id);
CREATE INDEX relocation_persons_email ON relocation_persons (region_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX relocation_persons_account ON relocation_persons (region_id, account_id) WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX relocation_persons_main ON relocation_persons (region_id, case_id) WHERE role = 'main';

-- Consent per adult and purpose, with time and text version; withdrawing sets withdrawn_at, giving
-- again is a new row. 'contact': the navigator may contact and keep the case (given with the
-- request); 'employers': what the navigator may share with employers they introduce the person to;
-- 'ambassador': a volunteer ambassador may be matched and told their name; 'followup': the surveys
-- at 3, 12 and 24 months.
CREATE TABLE relocation_consents (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('contact', 'employers', 'ambassador', 'followup')),
  text_version text NOT NULL,
  given_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, person_id) REFERENCES relocation_persons (region_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX relocation_consents_live ON relocation_consents (region_id, person_id, purpose)
  WHERE withdrawn_at IS NULL;

-- The case's history: every note, contact, stage change, handover, and what the parts record.
CREATE TABLE relocation_case_events (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  -- The navigator (or household member) who did it; null for the system or an erased account.
  actor_id uuid,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_.]{1,40}$'),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
  data jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, actor_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (actor_id)
);
CREATE INDEX relocation_case_events_case ON relocation_case_events (region_id, case_id, at);

-- Tasks on a case, with a due date and an e-mail reminder to the one who holds it.
CREATE TABLE relocation_tasks (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  due_on date NOT NULL,
  assignee_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  reminded_at timestamptz,
  done_at timestamptz,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, assignee_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (assignee_id),
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX relocation_tasks_due ON relocation_tasks (region_id, due_on) WHERE done_at IS NULL AND reminded_at IS NULL;

-- Meetings with the household: the booked first conversation (slot_id) and any planned later.
CREATE TABLE relocation_meetings (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  slot_id uuid,
  navigator_id uuid,
  starts_at timestamptz NOT NULL,
  minutes smallint NOT NULL DEFAULT 30 CHECK (minutes BETWEEN 10 AND 480),
  channel text NOT NULL CHECK (channel IN ('email', 'phone', 'video', 'in_person')),
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, slot_id) REFERENCES relocation_slots (region_id, id) ON DELETE SET NULL (slot_id),
  FOREIGN KEY (region_id, navigator_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (navigator_id)
);
CREATE INDEX relocation_meetings_case ON relocation_meetings (region_id, case_id, starts_at);

-- The household's moving checklist: which steps (keys of the shipped catalogue) are done.
CREATE TABLE relocation_checklist (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  step text NOT NULL CHECK (step ~ '^[a-z0-9-]{1,60}$'),
  done_at timestamptz NOT NULL DEFAULT now(),
  done_by uuid,
  PRIMARY KEY (region_id, case_id, step),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, done_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (done_by)
);

-- Documents the household shares with its navigator (kept in the platform's storage).
CREATE TABLE relocation_documents (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  storage_key text NOT NULL,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  bytes integer NOT NULL CHECK (bytes > 0),
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, uploaded_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (uploaded_by)
);
CREATE INDEX relocation_documents_case ON relocation_documents (region_id, case_id);

-- Follow-ups after the move: a short survey at 3, 12 and 24 months, its link's hash, the answers.
CREATE TABLE relocation_followups (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  months smallint NOT NULL CHECK (months IN (3, 12, 24)),
  due_on date NOT NULL,
  token_hash text,
  sent_at timestamptz,
  answered_at timestamptz,
  answers jsonb,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, case_id, months),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX relocation_followups_token ON relocation_followups (region_id, token_hash) WHERE token_hash IS NOT NULL;
CREATE INDEX relocation_followups_due ON relocation_followups (region_id, due_on) WHERE sent_at IS NULL;

-- The e-mail link a household gets with its receipt: opens its moving page (the POST creates or
-- finds the account and links it to the case). Only the SHA-256 of the token is kept.
CREATE TABLE relocation_links (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  case_id uuid NOT NULL,
  person_id uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, token_hash),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, person_id) REFERENCES relocation_persons (region_id, id) ON DELETE CASCADE
);
