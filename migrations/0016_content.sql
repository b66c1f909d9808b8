-- The region's digital home: place pages, moving guides, stories and the target groups' paths,
-- written by editors. An item keeps every saved version (content_versions: the editors' texts in
-- both languages as one JSON document, ContentData in src/modules/content/model.ts); `version` is
-- the latest saved one (the optimistic lock: a save names the version it started from) and
-- `published_version` the one visitors see, copied per language into content_published when it
-- is published. An item being revised stays visible in its published version meanwhile.
CREATE TABLE content_items (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('place', 'guide', 'story', 'path')),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  -- A place page's municipality; a story's; null otherwise. A municipality editor edits only
  -- the items of their own municipality.
  municipality_code text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'published', 'unpublished')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  published_version integer CHECK (published_version BETWEEN 1 AND version),
  -- Scheduled publishing and unpublishing (a story's consent end is its unpublish_at).
  publish_at timestamptz,
  unpublish_at timestamptz CHECK (unpublish_at IS NULL OR publish_at IS NULL OR unpublish_at > publish_at),
  published_at timestamptz,
  demo boolean NOT NULL DEFAULT false,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, kind, slug),
  FOREIGN KEY (region_id, municipality_code) REFERENCES municipalities (region_id, code),
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by),
  FOREIGN KEY (region_id, updated_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (updated_by),
  CHECK (kind <> 'place' OR municipality_code IS NOT NULL)
);
CREATE INDEX content_items_list ON content_items (region_id, kind, status, updated_at DESC);
-- The scheduler's two questions: what is due to go live, what is due to come down.
CREATE INDEX content_items_publish_due ON content_items (publish_at) WHERE publish_at IS NOT NULL;
CREATE INDEX content_items_unpublish_due ON content_items (unpublish_at) WHERE unpublish_at IS NOT NULL;

CREATE TABLE content_versions (
  region_id text NOT NULL,
  item_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND octet_length(data::text) <= 400000),
  author_id uuid,
  saved_at timestamptz NOT NULL DEFAULT now(),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  PRIMARY KEY (region_id, item_id, version),
  FOREIGN KEY (region_id, item_id) REFERENCES content_items (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, author_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (author_id)
);

-- What visitors see: the published version of each item, one row per language, with the words
-- of its title (A), summary (B) and text (C) for the site search (the language's configuration).
-- Visible while visible_from <= now() < visible_until, so a scheduled page appears at its minute
-- whatever the scheduler is doing.
CREATE TABLE content_published (
  region_id text NOT NULL,
  item_id uuid NOT NULL,
  lang text NOT NULL CHECK (lang IN ('sv', 'en')),
  kind text NOT NULL,
  slug text NOT NULL,
  municipality_code text,
  version integer NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  hero_image text,
  target_groups text[] NOT NULL DEFAULT '{}',
  data jsonb NOT NULL,
  search tsvector NOT NULL,
  visible_from timestamptz NOT NULL,
  visible_until timestamptz CHECK (visible_until IS NULL OR visible_until > visible_from),
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, item_id, lang),
  UNIQUE (region_id, lang, kind, slug),
  FOREIGN KEY (region_id, item_id) REFERENCES content_items (region_id, id) ON DELETE CASCADE
);
CREATE INDEX content_published_list ON content_published (region_id, lang, kind, published_at DESC);
CREATE INDEX content_published_groups ON content_published USING gin (target_groups);
CREATE INDEX content_published_search ON content_published USING gin (search);
