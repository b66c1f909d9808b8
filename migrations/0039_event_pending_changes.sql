-- Events' back-office (issue 17): an organisation without EventsApprove that edits its published
-- event does not change what visitors and registrants see. Its edit is kept here until an approver
-- publishes it (the values copied onto the row) or sends it back with a comment (kept here, for the
-- organiser to go on editing). The form's reviewed values (ISO instants), who saved them and when,
-- and the approver's comment: { "values": {...}, "by": account id, "at": ISO, "comment": text }.
-- Null when nothing waits.
ALTER TABLE events ADD COLUMN pending jsonb CHECK (pending IS NULL OR jsonb_typeof(pending) = 'object');
