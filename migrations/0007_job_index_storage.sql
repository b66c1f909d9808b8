-- Keep job_index's short columns in the row. With toast_tuple_target = 128 the toaster also moved
-- the filter keys out of line, so counting facets fetched them one by one from the TOAST table.
-- Only the full text vector belongs out of line.
ALTER TABLE job_index
  ALTER COLUMN region_id SET STORAGE PLAIN,
  ALTER COLUMN id SET STORAGE PLAIN,
  ALTER COLUMN municipality_code SET STORAGE PLAIN,
  ALTER COLUMN occupation_field_id SET STORAGE PLAIN,
  ALTER COLUMN occupation_group_id SET STORAGE PLAIN,
  ALTER COLUMN employment_type_id SET STORAGE PLAIN,
  ALTER COLUMN worktime_extent_id SET STORAGE PLAIN,
  ALTER COLUMN employer_key SET STORAGE PLAIN,
  ALTER COLUMN employer_name SET STORAGE MAIN;

-- Refill from job_ads, so that the full vectors arrive as TOAST values and are stored out of line
-- again (a copy of job_index's own rows would bring them in line: toast_tuple_target only applies
-- to rows over about 2 kB).
TRUNCATE job_index;
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
