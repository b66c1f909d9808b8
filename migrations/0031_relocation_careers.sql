-- Partner careers (issue 16): the adults' job applications tracked in the case, and introductions
-- of an adult to an employer by their navigator. The relocation module's careers part owns these
-- tables. Both belong to a person of the household and go with them (erasure deletes the case and
-- its persons; these rows cascade).

-- An adult's job applications, logged by the navigator as the household tells them.
CREATE TABLE relocation_job_applications (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  employer text NOT NULL CHECK (length(employer) BETWEEN 1 AND 200),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- A job on the board, when the application is for one (the link goes when the ad is purged).
  job_id text,
  status text NOT NULL DEFAULT 'applied' CHECK (status IN (
    'applied', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'
  )),
  noted_on date NOT NULL DEFAULT current_date,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, person_id) REFERENCES relocation_persons (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, job_id) REFERENCES job_ads (region_id, id) ON DELETE SET NULL (job_id),
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX relocation_job_applications_person ON relocation_job_applications (region_id, person_id, noted_on);

-- A navigator introduces an adult of the household to an employer organisation of the region,
-- with the person's 'employers' consent. `shared` is exactly what the employer's people are shown
-- (name, occupation, e-mail, phone as they were when sent); they never see the case.
CREATE TABLE relocation_introductions (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  person_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  job_id text,
  message text NOT NULL DEFAULT '' CHECK (length(message) <= 1000),
  shared jsonb NOT NULL,
  navigator_id uuid,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'interested', 'not_now', 'hired')),
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  answered_by uuid,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, person_id) REFERENCES relocation_persons (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, job_id) REFERENCES job_ads (region_id, id) ON DELETE SET NULL (job_id),
  FOREIGN KEY (region_id, navigator_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (navigator_id),
  FOREIGN KEY (region_id, answered_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (answered_by)
);
CREATE INDEX relocation_introductions_case ON relocation_introductions (region_id, case_id, created_at);
CREATE INDEX relocation_introductions_person ON relocation_introductions (region_id, person_id);
CREATE INDEX relocation_introductions_organisation ON relocation_introductions (region_id, organisation_id, created_at DESC);

-- The duplicates finder compares phones by their last nine digits.
CREATE INDEX relocation_persons_phone ON relocation_persons (
  region_id, right(regexp_replace(phone, '[^0-9]', '', 'g'), 9)
) WHERE phone IS NOT NULL;
