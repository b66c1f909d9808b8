-- The talent pool's job alerts and saved jobs (issue 15).
--
-- job_alerts: a saved search mailed as a digest ('search': its URL query string, read by the job
-- board's query parser), or the person's "new matches for you" digest ('matches', one per account,
-- read from talent_match_inbox). A visitor's alert waits for its e-mail to be confirmed (hashed
-- token, 48 h); a signed-in person's is confirmed at once. A visitor without an account keeps the
-- consent text's version and time on the row; with an account it is in talent_consents too.
-- Unsubscribing (one click, RFC 8058) sets stopped_at; the digest skips stopped alerts.
CREATE TABLE job_alerts (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid,
  email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  language text NOT NULL CHECK (language IN ('sv', 'en')),
  kind text NOT NULL CHECK (kind IN ('search', 'matches')),
  query text NOT NULL DEFAULT '' CHECK (length(query) <= 4000),
  frequency text NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  confirmed_at timestamptz,
  confirm_token_hash text,
  confirm_expires_at timestamptz,
  unsubscribe_token_hash text NOT NULL,
  consent_text_version text CHECK (length(consent_text_version) <= 40),
  consent_given_at timestamptz,
  last_sent_at timestamptz,
  stopped_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE,
  CHECK (kind = 'search' OR account_id IS NOT NULL)
);
CREATE UNIQUE INDEX job_alerts_unsubscribe ON job_alerts (region_id, unsubscribe_token_hash);
CREATE UNIQUE INDEX job_alerts_confirm ON job_alerts (region_id, confirm_token_hash)
  WHERE confirm_token_hash IS NOT NULL;
CREATE INDEX job_alerts_email ON job_alerts (region_id, email);
CREATE INDEX job_alerts_account ON job_alerts (region_id, account_id);
CREATE UNIQUE INDEX job_alerts_matches ON job_alerts (region_id, account_id) WHERE kind = 'matches';
CREATE INDEX job_alerts_due ON job_alerts (region_id, kind, last_sent_at)
  WHERE confirmed_at IS NOT NULL AND stopped_at IS NULL;
CREATE INDEX job_alerts_unconfirmed ON job_alerts (confirm_expires_at) WHERE confirmed_at IS NULL;

-- Jobs a signed-in person starred. The ad may close later; the own page says so (closed_seen_at:
-- when the person was first shown that it closed).
CREATE TABLE saved_jobs (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  account_id uuid NOT NULL,
  job_id text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  closed_seen_at timestamptz,
  PRIMARY KEY (region_id, account_id, job_id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, job_id) REFERENCES job_ads (region_id, id) ON DELETE CASCADE
);
CREATE INDEX saved_jobs_job ON saved_jobs (region_id, job_id);
