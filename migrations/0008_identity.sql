-- Identity: accounts, organisations and memberships (roles), sessions, sign-in tokens, second
-- factors (passkeys, TOTP, recovery codes), invitations, API tokens and the audit trail.
-- Every secret a person or program presents (session, link, code, invitation, API token, recovery
-- code) is stored only as a SHA-256 hash.

-- A person. Accounts belong to one region: the same address in two regions is two accounts.
CREATE TABLE accounts (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Lower-cased when stored; the address is also the sign-in name.
  email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  display_name text NOT NULL DEFAULT '' CHECK (length(display_name) <= 120),
  language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, email)
);

-- The region itself, its municipalities, employers, course providers and partners.
CREATE TABLE organisations (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('region', 'municipality', 'employer', 'course_provider', 'partner')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Swedish organisationsnummer, ten digits without the hyphen; required for employers.
  org_number text CHECK (org_number ~ '^[0-9]{10}$'),
  -- The municipality an organisation of kind 'municipality' stands for.
  municipality_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, municipality_code) REFERENCES municipalities (region_id, code),
  CHECK (kind <> 'employer' OR org_number IS NOT NULL),
  CHECK ((kind = 'municipality') = (municipality_code IS NOT NULL))
);
CREATE UNIQUE INDEX organisations_org_number ON organisations (region_id, org_number) WHERE org_number IS NOT NULL;
CREATE UNIQUE INDEX organisations_region ON organisations (region_id) WHERE kind = 'region';
CREATE UNIQUE INDEX organisations_municipality ON organisations (region_id, municipality_code) WHERE kind = 'municipality';

-- A person's role in an organisation. A person without any membership is a talent.
CREATE TABLE memberships (
  region_id text NOT NULL,
  organisation_id uuid NOT NULL,
  account_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'region_editor', 'municipality_editor', 'navigator',
    'employer_admin', 'employer_member', 'course_provider')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, organisation_id, account_id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE
);
CREATE INDEX memberships_account ON memberships (region_id, account_id);

-- Signed-in browsers. The cookie holds a random token; only its hash is stored.
CREATE TABLE sessions (
  region_id text NOT NULL,
  token_hash text NOT NULL,
  account_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  -- The absolute end; the idle timeout is counted from last_seen_at.
  expires_at timestamptz NOT NULL,
  -- How the session was started: 'link', 'code', 'passkey'.
  method text NOT NULL CHECK (method IN ('link', 'code', 'passkey')),
  -- When a second factor (passkey, TOTP, recovery code) was shown in this session.
  second_factor_at timestamptz,
  -- The organisation the person acts for in the back-office.
  active_organisation_id uuid,
  -- A short description of the device ("Chrome on Linux"), for the list of sessions.
  device text NOT NULL DEFAULT '',
  PRIMARY KEY (token_hash),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_account ON sessions (region_id, account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Magic links and their one-time codes. One row per e-mail sent.
CREATE TABLE login_tokens (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  -- The code is bound to the address and this row; hashed with the row's token.
  code_hash text NOT NULL,
  email text NOT NULL CHECK (email = lower(email)),
  -- The account when the address had one; a link without one creates a talent account.
  account_id uuid,
  language text NOT NULL CHECK (language IN ('sv', 'en')),
  -- Where to go after signing in (a local path).
  next_path text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  -- Wrong codes entered against this row; the code stops working after a few, the link does not.
  code_failures integer NOT NULL DEFAULT 0,
  PRIMARY KEY (token_hash)
);
CREATE INDEX login_tokens_email ON login_tokens (region_id, email, created_at);
CREATE INDEX login_tokens_expires ON login_tokens (expires_at);

-- WebAuthn credentials.
CREATE TABLE passkeys (
  region_id text NOT NULL,
  credential_id text NOT NULL,
  account_id uuid NOT NULL,
  public_key bytea NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  name text NOT NULL DEFAULT '' CHECK (length(name) <= 80),
  backed_up boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  PRIMARY KEY (region_id, credential_id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE
);
CREATE INDEX passkeys_account ON passkeys (region_id, account_id);

-- Pending WebAuthn ceremonies: the challenge we issued, bound to a browser by a random handle.
CREATE TABLE webauthn_challenges (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  handle_hash text NOT NULL,
  challenge text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('register', 'authenticate', 'verify')),
  account_id uuid,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (handle_hash)
);
CREATE INDEX webauthn_challenges_expires ON webauthn_challenges (expires_at);

-- Time-based one-time passwords (RFC 6238). confirmed_at is set once a first code matched.
CREATE TABLE totp_secrets (
  region_id text NOT NULL,
  account_id uuid NOT NULL,
  secret text NOT NULL,
  confirmed_at timestamptz,
  -- The last time step accepted, so a code cannot be used twice.
  last_step bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, account_id),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE
);

-- One-time recovery codes for a lost second factor.
CREATE TABLE recovery_codes (
  region_id text NOT NULL,
  account_id uuid NOT NULL,
  code_hash text NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, account_id, code_hash),
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE CASCADE
);

-- Invitations to join an organisation with a role.
CREATE TABLE invitations (
  region_id text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  email text NOT NULL CHECK (email = lower(email)),
  role text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  invited_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE
);
CREATE INDEX invitations_organisation ON invitations (region_id, organisation_id);

-- Tokens an organisation's own systems use against the JSON API.
CREATE TABLE api_tokens (
  region_id text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  token_hash text NOT NULL UNIQUE,
  -- The first characters of the token, shown so people can tell tokens apart.
  prefix text NOT NULL,
  permissions text[] NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE
);

-- The audit trail: who did what to what, when. Actor ids are kept when an account is erased (they
-- no longer lead to a person); actor_label says "system", "cli" or the API token's name.
CREATE TABLE audit_events (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_label text NOT NULL DEFAULT '',
  organisation_id uuid,
  action text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  -- A few facts for the sentence ("role": "navigator"); never secrets.
  data jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (region_id, id)
);
CREATE INDEX audit_events_at ON audit_events (region_id, at DESC);
CREATE INDEX audit_events_organisation ON audit_events (region_id, organisation_id, at DESC);
CREATE INDEX audit_events_actor ON audit_events (region_id, actor_id, at DESC);
CREATE INDEX audit_events_action ON audit_events (region_id, action, at DESC);
