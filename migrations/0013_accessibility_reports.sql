-- Accessibility reports are read, answered and closed in the back-office by the region: the Act on
-- accessibility to digital public services (2018:1937) expects an answer without undue delay.
-- A report is 'new'; it becomes 'answered' when staff record an answer (e-mailed to the reporter
-- when they gave an address, else only recorded), and 'closed' when the matter is done: after an
-- answer, or without one, with a reason. The staff member's account id is kept (set to null when
-- their account is deleted); the reporter's deletion removes the whole row, answer included.
ALTER TABLE accessibility_feedback
  ADD COLUMN status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'answered', 'closed')),
  ADD COLUMN answer text CHECK (length(answer) BETWEEN 1 AND 5000),
  ADD COLUMN answered_at timestamptz,
  ADD COLUMN answered_by uuid,
  -- Whether the answer was queued as e-mail to the reporter (false: recorded only), and that
  -- mail, so that erasing the report erases the mail too (the outbox may have dropped it since).
  ADD COLUMN answer_emailed boolean NOT NULL DEFAULT false,
  ADD COLUMN answer_mail_id bigint,
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN closed_by uuid,
  ADD COLUMN close_reason text CHECK (close_reason IN
    ('answered', 'fixed', 'duplicate', 'not_accessibility', 'spam', 'other')),
  ADD COLUMN close_note text CHECK (length(close_note) <= 2000),
  -- Staff-only working notes (never sent to the reporter).
  ADD COLUMN internal_note text NOT NULL DEFAULT '' CHECK (length(internal_note) <= 5000),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT accessibility_feedback_answer_complete
    CHECK ((answer IS NULL) = (answered_at IS NULL)),
  ADD CONSTRAINT accessibility_feedback_answered_has_answer
    CHECK (status <> 'answered' OR answer IS NOT NULL),
  ADD CONSTRAINT accessibility_feedback_closed_complete
    CHECK ((status = 'closed') = (closed_at IS NOT NULL AND close_reason IS NOT NULL)),
  ADD CONSTRAINT accessibility_feedback_answered_reason
    CHECK (close_reason IS DISTINCT FROM 'answered' OR answer IS NOT NULL),
  ADD CONSTRAINT accessibility_feedback_answered_by_fkey
    FOREIGN KEY (region_id, answered_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (answered_by),
  ADD CONSTRAINT accessibility_feedback_closed_by_fkey
    FOREIGN KEY (region_id, closed_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (closed_by);

-- The back-office list: a region's reports by status, oldest first.
CREATE INDEX accessibility_feedback_status ON accessibility_feedback (region_id, status, created_at);
