-- Employers' own job ads (issue 14). An employer organisation publishes an ad on Lotsa itself. It
-- is a row of job_ads like the mirrored JobTech ads and the generated demo ads, so that the same
-- in-memory search (its delta follows change_seq), the same job pages, API and JobPosting markup
-- read it unchanged: origin 'own' marks it, `raw` holds it in JobTech's shape as Lotsa publishes it
-- (the form's own fields — the description per language, the hours as written — under
-- raw.lotsa_own), and the columns below say who publishes and edits it. No second table: every
-- field of the form has its place in the row, and one row cannot drift from another.
--
-- Own ads are never touched by ingestion: their ids start with `own-` (JobTech's ids are digits),
-- the check below ties that prefix to the origin so that no JobStream record can overwrite one
-- (the upsert would make it 'jobtech' and fail), and the snapshot's "missing" logic and the expiry
-- sweep read only JobTech ads (own ads have no last_publication_at). They close at their deadline
-- (the end of the chosen day, Europe/Stockholm) by their own task, jobs.own.expire.
ALTER TABLE job_ads DROP CONSTRAINT job_ads_origin_check;
ALTER TABLE job_ads ADD CONSTRAINT job_ads_origin_check CHECK (origin IN ('jobtech', 'generated', 'own'));

-- The employer organisation that publishes the ad, and the accounts that created and last changed
-- it (kept while they exist; the ad stays a public record after an account is deleted).
ALTER TABLE job_ads ADD COLUMN organisation_id uuid;
ALTER TABLE job_ads ADD COLUMN created_by uuid;
ALTER TABLE job_ads ADD COLUMN updated_by uuid;
ALTER TABLE job_ads ADD CONSTRAINT job_ads_organisation
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE SET NULL (organisation_id);
ALTER TABLE job_ads ADD CONSTRAINT job_ads_created_by
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by);
ALTER TABLE job_ads ADD CONSTRAINT job_ads_updated_by
  FOREIGN KEY (region_id, updated_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (updated_by);

ALTER TABLE job_ads ADD CONSTRAINT job_ads_own_id CHECK ((origin = 'own') = (id LIKE 'own-%'));
ALTER TABLE job_ads ADD CONSTRAINT job_ads_own_columns
  CHECK (origin = 'own' OR (organisation_id IS NULL AND created_by IS NULL AND updated_by IS NULL));
ALTER TABLE job_ads ADD CONSTRAINT job_ads_own_deadline CHECK (origin <> 'own' OR deadline_at IS NOT NULL);

-- An organisation's own ads in the back-office, newest first; the open ones past their deadline.
CREATE INDEX job_ads_own ON job_ads (region_id, organisation_id, published_at DESC) WHERE origin = 'own';
CREATE INDEX job_ads_own_deadline ON job_ads (deadline_at) WHERE origin = 'own' AND status = 'open';
