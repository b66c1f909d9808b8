-- Events' back-office (issue 17): the mails of a cancellation and of a follow-up are queued by tasks,
-- a chunk at a time. A chunk run again (its worker died after the commit, before the job was marked
-- done) must not mail anyone twice: each registration is marked when its mail is queued, in the
-- chunk's own transaction, and a chunk picks only registrations not yet marked.
ALTER TABLE event_registrations
  ADD COLUMN cancel_mailed_at timestamptz,
  ADD COLUMN followup_mailed_at timestamptz;
