-- The talent pool's partner part (issue 15): the main mover invites their partner by e-mail; the
-- partner confirms with the link and their account becomes the profile's partner_account_id, so
-- they can keep their own occupations and skills. Only the SHA-256 of the link's token is stored;
-- `email` is the address the main mover typed (they may see it; no other address of the partner's).
CREATE TABLE talent_partner_invites (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  profile_id uuid NOT NULL,
  email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  language text NOT NULL CHECK (language IN ('sv', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (region_id, token_hash),
  FOREIGN KEY (region_id, profile_id) REFERENCES talent_profiles (region_id, id) ON DELETE CASCADE
);
-- One waiting invitation per profile: a new one replaces it.
CREATE UNIQUE INDEX talent_partner_invites_profile ON talent_partner_invites (region_id, profile_id);
CREATE INDEX talent_partner_invites_email ON talent_partner_invites (region_id, email);
