-- The media library: the region's photographs and illustrations, each with its alt text in both
-- languages (an image without both cannot be chosen for a page), its credits (photographer,
-- licence, source: shown under the image) and an optional expiry date (a licence bought for a
-- period; past it the image is flagged wherever editors see it). The files themselves are in the
-- storage (files under LOTSA_DATA_DIR or S3): renditions only, never the uploaded original, so no
-- GPS position or camera owner survives an upload. Their keys are `storage_prefix/<width>-<hash>.<ext>`
-- for each width in `widths` and each of AVIF, WebP and JPEG; an illustration (SVG, only from files
-- the project ships) is the one file `storage_prefix/<hash>.svg`.
CREATE TABLE media_images (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  kind text NOT NULL DEFAULT 'photo' CHECK (kind IN ('photo', 'illustration')),
  alt_sv text NOT NULL DEFAULT '' CHECK (length(alt_sv) <= 300),
  alt_en text NOT NULL DEFAULT '' CHECK (length(alt_en) <= 300),
  caption_sv text NOT NULL DEFAULT '' CHECK (length(caption_sv) <= 300),
  caption_en text NOT NULL DEFAULT '' CHECK (length(caption_en) <= 300),
  photographer text NOT NULL DEFAULT '' CHECK (length(photographer) <= 200),
  licence text NOT NULL DEFAULT '' CHECK (length(licence) <= 200),
  licence_url text NOT NULL DEFAULT '' CHECK (length(licence_url) <= 2000),
  source text NOT NULL DEFAULT '' CHECK (length(source) <= 200),
  source_url text NOT NULL DEFAULT '' CHECK (length(source_url) <= 2000),
  expires_on date,
  -- The largest rendition's size (the picture's aspect ratio for width/height attributes).
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  -- What was uploaded (jpeg, png, webp, avif) or shipped (svg), and its size in bytes.
  format text NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'avif', 'svg')),
  bytes integer NOT NULL CHECK (bytes > 0),
  storage_prefix text NOT NULL,
  file_hash text NOT NULL CHECK (file_hash ~ '^[0-9a-f]{10}$'),
  widths integer[] NOT NULL DEFAULT '{}',
  demo boolean NOT NULL DEFAULT false,
  uploaded_by uuid,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, slug),
  CHECK ((kind = 'illustration') = (format = 'svg')),
  FOREIGN KEY (region_id, uploaded_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (uploaded_by),
  FOREIGN KEY (region_id, updated_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (updated_by)
);

-- The back-office grid: newest first.
CREATE INDEX media_images_created ON media_images (region_id, created_at DESC);
