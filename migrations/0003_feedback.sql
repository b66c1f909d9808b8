-- Reports of accessibility problems, sent from the accessibility statement's form.
CREATE TABLE accessibility_feedback (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  page_url text,
  message text NOT NULL,
  -- Name and e-mail are optional: given only by people who want an answer.
  name text,
  email text,
  language text NOT NULL CHECK (language IN ('sv', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX accessibility_feedback_created ON accessibility_feedback (created_at);
