-- Region keys for scale-out. Every per-region table has region_id first in its primary key and in
-- every unique key and foreign key, so a national deployment can distribute all of them by region
-- (Citus requires the distribution column in each unique constraint). Sessions, sign-in tokens,
-- WebAuthn challenges, invitations, API tokens and ingestion runs were the tables keyed without it.
-- Each already had region_id NOT NULL; only their keys change. Lookups by a token's hash always come
-- with the region of the host the token was presented to.

ALTER TABLE sessions DROP CONSTRAINT sessions_pkey, ADD PRIMARY KEY (region_id, token_hash);
-- The organisation a session acts for is one of the region's; a deleted organisation leaves the
-- session acting for none (the next request picks the person's next membership).
UPDATE sessions s SET active_organisation_id = NULL
WHERE active_organisation_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.region_id = s.region_id AND o.id = s.active_organisation_id);
ALTER TABLE sessions ADD FOREIGN KEY (region_id, active_organisation_id)
  REFERENCES organisations (region_id, id) ON DELETE SET NULL (active_organisation_id);

-- A sign-in e-mail's account goes with the account: an erased person's tokens cannot outlive them.
ALTER TABLE login_tokens DROP CONSTRAINT login_tokens_pkey, ADD PRIMARY KEY (region_id, token_hash);
DELETE FROM login_tokens l
WHERE account_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.region_id = l.region_id AND a.id = l.account_id);
ALTER TABLE login_tokens ADD FOREIGN KEY (region_id, account_id)
  REFERENCES accounts (region_id, id) ON DELETE CASCADE;

ALTER TABLE webauthn_challenges DROP CONSTRAINT webauthn_challenges_pkey,
  ADD PRIMARY KEY (region_id, handle_hash);
DELETE FROM webauthn_challenges c
WHERE account_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.region_id = c.region_id AND a.id = c.account_id);
ALTER TABLE webauthn_challenges ADD FOREIGN KEY (region_id, account_id)
  REFERENCES accounts (region_id, id) ON DELETE CASCADE;

-- Invitation and API token hashes are unique within their region. (invited_by and created_by keep
-- an erased person's id on purpose, as audit events do, so they have no foreign key.)
ALTER TABLE invitations DROP CONSTRAINT invitations_token_hash_key, ADD UNIQUE (region_id, token_hash);
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_token_hash_key, ADD UNIQUE (region_id, token_hash);

ALTER TABLE job_ingest_runs DROP CONSTRAINT job_ingest_runs_pkey, ADD PRIMARY KEY (region_id, id);
