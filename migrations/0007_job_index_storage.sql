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

-- Rewrite the rows already there under the new storage.
CREATE TEMPORARY TABLE job_index_copy ON COMMIT DROP AS SELECT * FROM job_index;
TRUNCATE job_index;
INSERT INTO job_index SELECT * FROM job_index_copy;
