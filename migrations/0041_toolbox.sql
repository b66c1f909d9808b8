-- The employer toolbox (issue 18): the region's brand platform, licensed assets with a download
-- log, approved texts and arguments (the recruitment-text builder reads them), the widget employers
-- put on their own career pages, and guides for recruiting from afar with checklists an
-- organisation ticks. The toolbox module owns these tables.

-- The brand platform: every saved version; the newest is what the toolbox shows. A save names the
-- version it started from, so two editors cannot overwrite each other (the primary key refuses the
-- second). data: BrandData (src/modules/toolbox/model.ts), every text { sv, en }.
CREATE TABLE toolbox_brand_versions (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND octet_length(data::text) <= 200000),
  -- What changed, in the editor's words (optional).
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
  saved_by uuid,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, version),
  FOREIGN KEY (region_id, saved_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (saved_by)
);

-- Assets employers and public actors download: a photo is one of the media library's images (its
-- photographer, licence and expiry are the library's); every other kind is a file in the platform
-- storage under `file_key`, with the creator, licence and expiry kept here. The effective last day
-- of use is the earlier of the asset's and the image's expires_on. Past it, or withdrawn, the asset
-- cannot be downloaded and those who downloaded it are told (expiry_notified_at: once).
CREATE TABLE toolbox_assets (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('photo', 'logo', 'graphic-profile', 'template', 'film', 'document')),
  -- draft: only the region's editors see it; published: in the toolbox; withdrawn: kept for the log.
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  title_sv text NOT NULL DEFAULT '' CHECK (length(title_sv) <= 160),
  title_en text NOT NULL DEFAULT '' CHECK (length(title_en) <= 160),
  description_sv text NOT NULL DEFAULT '' CHECK (length(description_sv) <= 2000),
  description_en text NOT NULL DEFAULT '' CHECK (length(description_en) <= 2000),
  -- TOPICS and PERSONAS of model.ts.
  topics text[] NOT NULL DEFAULT '{}' CHECK (cardinality(topics) <= 10),
  personas text[] NOT NULL DEFAULT '{}' CHECK (cardinality(personas) <= 10),
  media_image_id uuid,
  file_key text CHECK (length(file_key) <= 300),
  file_name text CHECK (length(file_name) <= 200),
  content_type text CHECK (length(content_type) <= 100),
  bytes bigint CHECK (bytes > 0),
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- Who made it (a photo's photographer is the library's).
  creator text NOT NULL DEFAULT '' CHECK (length(creator) <= 200),
  licence text NOT NULL DEFAULT '' CHECK (length(licence) <= 200),
  licence_url text NOT NULL DEFAULT '' CHECK (length(licence_url) <= 2000),
  -- USES of model.ts: where the asset may be used.
  permitted_uses text[] NOT NULL DEFAULT '{}' CHECK (cardinality(permitted_uses) <= 10),
  use_note_sv text NOT NULL DEFAULT '' CHECK (length(use_note_sv) <= 1000),
  use_note_en text NOT NULL DEFAULT '' CHECK (length(use_note_en) <= 1000),
  expires_on date,
  expiry_warned_at timestamptz,
  expiry_notified_at timestamptz,
  demo boolean NOT NULL DEFAULT false,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK ((kind = 'photo') = (media_image_id IS NOT NULL)),
  CHECK (kind = 'photo' OR (file_key IS NOT NULL AND file_name IS NOT NULL AND content_type IS NOT NULL AND bytes IS NOT NULL)),
  FOREIGN KEY (region_id, media_image_id) REFERENCES media_images (region_id, id) ON DELETE RESTRICT,
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by),
  FOREIGN KEY (region_id, updated_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (updated_by)
);
CREATE INDEX toolbox_assets_status ON toolbox_assets (region_id, status, kind);
CREATE INDEX toolbox_assets_image ON toolbox_assets (region_id, media_image_id) WHERE media_image_id IS NOT NULL;

-- Every download: who (the account; null once the account is deleted), for which organisation,
-- which asset, when. Kept 24 months (toolbox.retention).
CREATE TABLE toolbox_downloads (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  asset_id uuid NOT NULL,
  account_id uuid,
  organisation_id uuid,
  downloaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, asset_id) REFERENCES toolbox_assets (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (account_id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE SET NULL (organisation_id)
);
CREATE INDEX toolbox_downloads_asset ON toolbox_downloads (region_id, asset_id, downloaded_at DESC);
CREATE INDEX toolbox_downloads_account ON toolbox_downloads (region_id, account_id, downloaded_at DESC);
CREATE INDEX toolbox_downloads_organisation ON toolbox_downloads (region_id, organisation_id, downloaded_at DESC);
CREATE INDEX toolbox_downloads_time ON toolbox_downloads (downloaded_at);

-- Texts and arguments: short paragraphs about life in the region or one municipality, for a
-- persona and a topic, in both languages. Only approved ones reach the toolbox and the builder; a
-- text that states a figure names its source.
CREATE TABLE toolbox_texts (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'retired')),
  -- A target group of content/model.ts, or 'everyone'.
  persona text NOT NULL CHECK (length(persona) <= 40),
  -- TOPICS of model.ts.
  topic text NOT NULL CHECK (length(topic) <= 40),
  -- null: the whole region.
  municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
  title_sv text NOT NULL DEFAULT '' CHECK (length(title_sv) <= 160),
  title_en text NOT NULL DEFAULT '' CHECK (length(title_en) <= 160),
  -- Plain text; paragraphs separated by an empty line.
  body_sv text NOT NULL DEFAULT '' CHECK (length(body_sv) <= 3000),
  body_en text NOT NULL DEFAULT '' CHECK (length(body_en) <= 3000),
  source_name text NOT NULL DEFAULT '' CHECK (length(source_name) <= 200),
  source_url text NOT NULL DEFAULT '' CHECK (length(source_url) <= 2000),
  source_date date,
  demo boolean NOT NULL DEFAULT false,
  created_by uuid,
  updated_by uuid,
  approved_by uuid,
  approved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, municipality_code) REFERENCES municipalities (region_id, code) ON DELETE CASCADE,
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by),
  FOREIGN KEY (region_id, updated_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (updated_by),
  FOREIGN KEY (region_id, approved_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (approved_by)
);
CREATE INDEX toolbox_texts_approved ON toolbox_texts (region_id, status, persona, topic);

-- An employer's widget: its public key (in the snippet and the API's URL) and what it shows.
CREATE TABLE toolbox_widgets (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[a-z0-9]{12,32}$'),
  lang text NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en')),
  -- The municipality whose life the widget tells of (null: the region).
  municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
  show_jobs boolean NOT NULL DEFAULT true,
  max_jobs integer NOT NULL DEFAULT 5 CHECK (max_jobs BETWEEN 1 AND 20),
  enabled boolean NOT NULL DEFAULT true,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, organisation_id),
  UNIQUE (region_id, key),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, municipality_code) REFERENCES municipalities (region_id, code) ON DELETE SET NULL (municipality_code),
  FOREIGN KEY (region_id, updated_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (updated_by)
);

-- Guides for recruiting from afar: the newest version of each; data: GuideData (model.ts) with
-- sections and checklist items, each item under a stable key so ticks survive edits.
CREATE TABLE toolbox_guides (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  position integer NOT NULL DEFAULT 0,
  published boolean NOT NULL DEFAULT true,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND octet_length(data::text) <= 200000),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, slug),
  FOREIGN KEY (region_id, updated_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (updated_by)
);

-- An organisation's run through a guide's checklist (one recruitment): a label of its own and the
-- keys of the items done.
CREATE TABLE toolbox_checklists (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  guide_slug text NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
  done text[] NOT NULL DEFAULT '{}' CHECK (cardinality(done) <= 200),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, guide_slug) REFERENCES toolbox_guides (region_id, slug) ON DELETE CASCADE,
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX toolbox_checklists_organisation ON toolbox_checklists (region_id, organisation_id, updated_at DESC);
