-- A narrow copy of the open ads for search: the filter columns, the dates the board sorts by, a
-- small headline+occupation vector for ranking and the full text vector for matching. job_ads rows
-- are wide (raw JSON, description), so scanning them for facet counts read the whole table; this one
-- stays in memory. A trigger keeps it in step with job_ads inside the same transaction.

CREATE TABLE job_index (
  region_id text NOT NULL,
  id text NOT NULL,
  municipality_code text,
  occupation_field_id text,
  occupation_group_id text,
  employment_type_id text,
  worktime_extent_id text,
  remote boolean NOT NULL,
  published_at timestamptz NOT NULL,
  deadline_at timestamptz,
  employer_key text NOT NULL,
  employer_name text NOT NULL,
  title tsvector NOT NULL,
  search tsvector NOT NULL,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, id) REFERENCES job_ads (region_id, id) ON DELETE CASCADE
);
-- Rows stay small: the full vector always lives out of line (TOAST), only the fields the facet counts
-- and the ranking read stay in the row.
ALTER TABLE job_index ALTER COLUMN search SET STORAGE EXTERNAL;
ALTER TABLE job_index ALTER COLUMN title SET STORAGE MAIN;
ALTER TABLE job_index SET (toast_tuple_target = 128);
CREATE INDEX job_index_search ON job_index USING gin (search);
CREATE INDEX job_index_newest ON job_index (region_id, published_at DESC, id DESC);
CREATE INDEX job_index_deadline ON job_index (region_id, deadline_at, published_at DESC, id DESC);

-- The full-text index now lives on job_index.
DROP INDEX job_ads_search;

CREATE FUNCTION job_index_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'open' THEN
    DELETE FROM job_index WHERE region_id = NEW.region_id AND id = NEW.id;
    RETURN NULL;
  END IF;
  INSERT INTO job_index AS j (
    region_id, id, municipality_code, occupation_field_id, occupation_group_id, employment_type_id,
    worktime_extent_id, remote, published_at, deadline_at, employer_key, employer_name, title, search
  ) VALUES (
    NEW.region_id, NEW.id, NEW.municipality_code, NEW.occupation_field_id, NEW.occupation_group_id,
    NEW.employment_type_id, NEW.worktime_extent_id, NEW.remote, NEW.published_at, NEW.deadline_at,
    NEW.employer_key, NEW.employer_name,
    setweight(to_tsvector('swedish'::regconfig, NEW.headline), 'A')
      || setweight(to_tsvector('swedish'::regconfig, NEW.occupation_label || ' ' || NEW.occupation_group_label), 'B')
      || CASE WHEN NEW.lang = 'en' THEN setweight(to_tsvector('english'::regconfig, NEW.headline), 'A')
              ELSE ''::tsvector END,
    NEW.search
  )
  ON CONFLICT (region_id, id) DO UPDATE SET
    municipality_code = EXCLUDED.municipality_code,
    occupation_field_id = EXCLUDED.occupation_field_id,
    occupation_group_id = EXCLUDED.occupation_group_id,
    employment_type_id = EXCLUDED.employment_type_id,
    worktime_extent_id = EXCLUDED.worktime_extent_id,
    remote = EXCLUDED.remote,
    published_at = EXCLUDED.published_at,
    deadline_at = EXCLUDED.deadline_at,
    employer_key = EXCLUDED.employer_key,
    employer_name = EXCLUDED.employer_name,
    title = EXCLUDED.title,
    search = EXCLUDED.search;
  RETURN NULL;
END;
$$;

CREATE TRIGGER job_index_sync AFTER INSERT OR UPDATE ON job_ads
  FOR EACH ROW EXECUTE FUNCTION job_index_sync();

-- Ads that exist already.
INSERT INTO job_index (
  region_id, id, municipality_code, occupation_field_id, occupation_group_id, employment_type_id,
  worktime_extent_id, remote, published_at, deadline_at, employer_key, employer_name, title, search
)
SELECT region_id, id, municipality_code, occupation_field_id, occupation_group_id, employment_type_id,
  worktime_extent_id, remote, published_at, deadline_at, employer_key, employer_name,
  setweight(to_tsvector('swedish'::regconfig, headline), 'A')
    || setweight(to_tsvector('swedish'::regconfig, occupation_label || ' ' || occupation_group_label), 'B')
    || CASE WHEN lang = 'en' THEN setweight(to_tsvector('english'::regconfig, headline), 'A')
            ELSE ''::tsvector END,
  search
FROM job_ads WHERE status = 'open';
