-- A new version of a page that is already live, approved for a later minute: visitors keep seeing
-- the published version until then (content_published holds one version per item and language, so
-- the new one waits here). The scheduler (content.schedule) swaps content_published to
-- `scheduled_version` once `scheduled_at` has come, in one transaction, and clears these. A newer
-- approval replaces them; unpublishing clears them. `scheduled_until` is the new version's own
-- unpublish time (a story's consent end), if any.
ALTER TABLE content_items
  ADD COLUMN scheduled_version integer,
  ADD COLUMN scheduled_at timestamptz,
  ADD COLUMN scheduled_until timestamptz,
  ADD CONSTRAINT content_items_scheduled_version CHECK (scheduled_version BETWEEN 1 AND version),
  ADD CONSTRAINT content_items_scheduled_whole CHECK (
    (scheduled_version IS NULL) = (scheduled_at IS NULL)
    AND (scheduled_until IS NULL OR (scheduled_at IS NOT NULL AND scheduled_until > scheduled_at))
  );
CREATE INDEX content_items_swap_due ON content_items (scheduled_at) WHERE scheduled_at IS NOT NULL;
