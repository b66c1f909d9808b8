-- The talent pool's employers' side (issue 15): which organisations saw a person's anonymised card,
-- the intro requests employers send about a card, and the organisations a person blocked.
--
-- Erasure (the person deletes their account, or their talent data): their views and blocks are
-- deleted; their intro requests are kept for the employer's own record of what it sent and what
-- came of it, but without anything about the person: account_id is set null, the message (the
-- employer's words to that person) is emptied and the answer token is dropped; organisation,
-- sender, job, status and times stay (a request still waiting becomes 'withdrawn'). The foreign key sets account_id null too, should an account
-- row go another way.

-- Each card shown to an organisation in a result list or opened: one row per card and page.
CREATE TABLE talent_card_views (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The person whose card it was (the profile's account).
  account_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  -- Who at the organisation looked; null once that account is deleted.
  viewer_account_id uuid,
  viewed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, viewer_account_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (viewer_account_id)
);
CREATE INDEX talent_card_views_person ON talent_card_views (region_id, account_id, viewed_at DESC);

-- An employer's request to get in touch with the person behind a card. The person answers by the
-- e-mailed link (its token stored as SHA-256 only) or on their own page; 30 days to answer.
CREATE TABLE talent_intro_requests (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The person asked; null after their erasure (see above).
  account_id uuid,
  organisation_id uuid NOT NULL,
  sender_account_id uuid,
  -- One of the organisation's open jobs, if the sender chose one.
  job_id text,
  message text NOT NULL CHECK (length(message) <= 1000),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
  token_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (account_id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, sender_account_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (sender_account_id)
);
CREATE UNIQUE INDEX talent_intro_requests_token ON talent_intro_requests (region_id, token_hash)
  WHERE token_hash IS NOT NULL;
-- At most one waiting request per person and organisation.
CREATE UNIQUE INDEX talent_intro_requests_pending ON talent_intro_requests (region_id, account_id, organisation_id)
  WHERE status = 'pending';
CREATE INDEX talent_intro_requests_organisation ON talent_intro_requests (region_id, organisation_id, created_at DESC);
CREATE INDEX talent_intro_requests_person ON talent_intro_requests (region_id, account_id, created_at DESC);
CREATE INDEX talent_intro_requests_expiry ON talent_intro_requests (expires_at) WHERE status = 'pending';

-- Organisations a person does not want to see their card or write to them.
CREATE TABLE talent_blocks (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  account_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, account_id, organisation_id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE
);
CREATE INDEX talent_blocks_organisation ON talent_blocks (region_id, organisation_id);
