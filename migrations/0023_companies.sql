-- Companies: the region's employers shown to the people it wants to reach (issue 14). A company
-- page is found by its organisationsnummer, which links it to the job ads of the same number (the
-- mirrored JobTech ads and the employer's own). A page may exist before the employer has an
-- account (the region created it; organisation_id is set when an employer organisation claims it).
--
-- Every saved version of the page is kept (company_versions: CompanyData as JSON, see
-- src/modules/companies/model.ts); `version` is the latest (the optimistic lock), `published_version`
-- the one visitors see, `review_version` one waiting for the region's approval (the first
-- publication, and any change of badges) while the published one stays visible.
CREATE TABLE companies (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  org_number text NOT NULL CHECK (org_number ~ '^[0-9]{10}$'),
  -- The employer organisation that edits the page; null while no one has claimed it.
  organisation_id uuid,
  -- The name as shown in lists (kept in step with the published version's, for sorting).
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'published', 'unpublished')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  published_version integer CHECK (published_version BETWEEN 1 AND version),
  review_version integer CHECK (review_version BETWEEN 1 AND version),
  published_at timestamptz,
  -- The region's editors feature a company on the home page and on its municipalities' pages.
  featured boolean NOT NULL DEFAULT false,
  demo boolean NOT NULL DEFAULT false,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, slug),
  UNIQUE (region_id, org_number),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE SET NULL (organisation_id),
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by),
  FOREIGN KEY (region_id, updated_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (updated_by),
  CHECK (status <> 'published' OR (published_version IS NOT NULL AND published_at IS NOT NULL))
);
CREATE UNIQUE INDEX companies_organisation ON companies (region_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX companies_published ON companies (region_id, name) WHERE status = 'published';

CREATE TABLE company_versions (
  region_id text NOT NULL,
  company_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND octet_length(data::text) <= 400000),
  author_id uuid,
  saved_at timestamptz NOT NULL DEFAULT now(),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  PRIMARY KEY (region_id, company_id, version),
  FOREIGN KEY (region_id, company_id) REFERENCES companies (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, author_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (author_id)
);

-- Whether a published company's ordinary text edits go live at once (true) or wait for the
-- region's review like badges do (false). One row per region that has changed the default.
CREATE TABLE company_settings (
  region_id text PRIMARY KEY REFERENCES regions (id) ON DELETE CASCADE,
  direct_text_edits boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The occupations a company expects to recruit in the coming year ("Vi kommer att behöva"),
-- numbers per occupation (a JobTech occupation-name or SSYK-4 concept), kept up to date by the
-- employer outside the page's review and exported for the region's competence work.
CREATE TABLE company_competence_needs (
  region_id text NOT NULL,
  company_id uuid NOT NULL,
  occupation_id text NOT NULL REFERENCES taxonomy_concepts (concept_id),
  people integer NOT NULL CHECK (people BETWEEN 1 AND 10000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, company_id, occupation_id),
  FOREIGN KEY (region_id, company_id) REFERENCES companies (region_id, id) ON DELETE CASCADE
);

-- Views of a company page and clicks from it to its jobs, per day, counted without cookies or
-- anything that tells one visitor from another.
CREATE TABLE company_page_stats (
  region_id text NOT NULL,
  company_id uuid NOT NULL,
  day date NOT NULL,
  views integer NOT NULL DEFAULT 0 CHECK (views >= 0),
  job_clicks integer NOT NULL DEFAULT 0 CHECK (job_clicks >= 0),
  PRIMARY KEY (region_id, company_id, day),
  FOREIGN KEY (region_id, company_id) REFERENCES companies (region_id, id) ON DELETE CASCADE
);

-- Images an employer uploads for its own page belong to its organisation: they are offered only
-- to that organisation's pages (null: the region's library).
ALTER TABLE media_images ADD COLUMN organisation_id uuid;
ALTER TABLE media_images ADD CONSTRAINT media_images_organisation
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE SET NULL (organisation_id);

-- The open ads of an employer, by organisationsnummer (a company page and the list's counts).
CREATE INDEX job_ads_orgnr ON job_ads (region_id, employer_orgnr, published_at DESC) WHERE status = 'open';
