-- Regions are the tenants of Lotsa: every domain table carries region_id in its keys.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
  id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,39}$'),
  name_sv text NOT NULL,
  name_en text NOT NULL,
  languages text[] NOT NULL DEFAULT '{sv,en}' CHECK (languages <@ '{sv,en}'::text[] AND cardinality(languages) > 0),
  default_language text NOT NULL DEFAULT 'sv' CHECK (default_language IN ('sv', 'en')),
  is_default boolean NOT NULL DEFAULT false,
  county_code text CHECK (county_code ~ '^[0-9]{2}$'),
  jobtech_concept_id text,
  brand_primary text NOT NULL CHECK (brand_primary ~ '^#[0-9a-f]{6}$'),
  brand_accent text NOT NULL CHECK (brand_accent ~ '^#[0-9a-f]{6}$'),
  logo_path text NOT NULL,
  contact_organisation text NOT NULL,
  contact_email text NOT NULL,
  contact_phone text,
  contact_address text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- At most one region answers hosts that no region claims.
CREATE UNIQUE INDEX regions_one_default ON regions (is_default) WHERE is_default;

CREATE TABLE region_hosts (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  host text NOT NULL CHECK (host = lower(host)),
  PRIMARY KEY (region_id, host),
  UNIQUE (host)
);

CREATE TABLE municipalities (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[0-9]{4}$'),
  official_name text NOT NULL,
  short_name text NOT NULL,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9-]+$'),
  jobtech_concept_id text NOT NULL,
  PRIMARY KEY (region_id, code),
  UNIQUE (region_id, slug),
  UNIQUE (region_id, jobtech_concept_id)
);
