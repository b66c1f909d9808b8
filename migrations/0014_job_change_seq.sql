-- Job search keeps each region's open ads in memory (src/modules/jobs/search/memory.ts). To bring
-- that copy up to date it reads only the ads changed since it was built: every insert or update of
-- a job ad takes the next number of one sequence, in the transaction that writes it.
CREATE SEQUENCE job_ads_change_seq;
ALTER TABLE job_ads ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('job_ads_change_seq');

CREATE FUNCTION job_ads_next_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_seq := nextval('job_ads_change_seq');
  RETURN NEW;
END;
$$;

CREATE TRIGGER job_ads_next_change BEFORE UPDATE ON job_ads
  FOR EACH ROW EXECUTE FUNCTION job_ads_next_change();

CREATE INDEX job_ads_changes ON job_ads (region_id, change_seq);

-- The narrow copy of the open ads that search used to read (0005–0007) is no longer read: search
-- answers from memory. Ingestion stops maintaining it.
DROP TRIGGER job_index_sync ON job_ads;
DROP FUNCTION job_index_sync();
DROP TABLE job_index;
