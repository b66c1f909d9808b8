-- Platform infrastructure shared by all modules: the job queue and scheduler, rate-limit counters
-- and the e-mail outbox.

CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  -- Jobs with the same key are not queued twice while one is waiting or running.
  dedupe_key text,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  locked_until timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_ready ON jobs (run_at) WHERE state = 'queued';
CREATE INDEX jobs_running ON jobs (locked_until) WHERE state = 'running';
CREATE UNIQUE INDEX jobs_dedupe ON jobs (name, dedupe_key) WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running');
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state IN ('done', 'failed');

CREATE TABLE job_schedules (
  name text PRIMARY KEY,
  every_seconds integer NOT NULL CHECK (every_seconds > 0),
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz
);

CREATE TABLE rate_limit_hits (
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);

CREATE TABLE mail_outbox (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  to_address text NOT NULL,
  reply_to text,
  language text NOT NULL CHECK (language IN ('sv', 'en')),
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  message_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX mail_outbox_pending ON mail_outbox (created_at) WHERE state = 'pending';
