-- The editors' schedule: when a scheduled item was noted as gone live (the scheduler writes the
-- audit event "went live" once, then sets this). Null for an item approved for a later minute that
-- has not come yet; set at approval for one published at once. Visitors' visibility does not depend
-- on it (content_published.visible_from is exact).
ALTER TABLE content_items ADD COLUMN went_live_at timestamptz;
CREATE INDEX content_items_live_due ON content_items (publish_at)
  WHERE publish_at IS NOT NULL AND went_live_at IS NULL;
