-- Ingestion hardening. A run whose process died (kill -9, a crash) never recorded an outcome; the
-- next run marks it `abandoned`. A snapshot that would close too many of a region's open ads is
-- not applied: its run is `refused`.
ALTER TABLE job_ingest_runs DROP CONSTRAINT job_ingest_runs_outcome_check;
ALTER TABLE job_ingest_runs ADD CONSTRAINT job_ingest_runs_outcome_check
  CHECK (outcome IN ('ok', 'failed', 'refused', 'abandoned'));

-- Ads stored with a source timestamp far in the future could never change or be removed again
-- (a record applies only when it is not older than the stored one); ingestion now refuses such
-- timestamps, and the ones already stored are brought back to now.
UPDATE job_ads
SET source_timestamp = (extract(epoch FROM now()) * 1000)::bigint
WHERE source_timestamp > (extract(epoch FROM now() + interval '1 day') * 1000)::bigint;
