-- Facts about each municipality, shown on the place pages with their source and date: population,
-- median house price, travel times, preschools and schools (numbers with a unit), nature and
-- culture (lists, in both languages). They come from a dated data file: the one Lotsa ships
-- (src/modules/regions/data/place-facts.json, imported at seed when its date is newer than what is
-- stored) or one an editor uploads at /admin/places/facts. Every applied file is recorded with
-- who applied it, when and the file's own date, and is kept so the current one can be downloaded.
CREATE TABLE place_fact_imports (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- 'shipped': the file in the release, at seed; 'upload': an editor's file.
  origin text NOT NULL CHECK (origin IN ('shipped', 'upload')),
  -- The file's own date (its `version`): a shipped file is imported only when newer than the last one.
  file_date date NOT NULL,
  actor_id uuid,
  actor_label text NOT NULL DEFAULT '',
  imported_at timestamptz NOT NULL DEFAULT now(),
  municipality_count integer NOT NULL CHECK (municipality_count >= 0),
  fact_count integer NOT NULL CHECK (fact_count >= 0),
  -- The file as applied (what the editors' page offers as the current file).
  file jsonb NOT NULL CHECK (jsonb_typeof(file) = 'object' AND octet_length(file::text) <= 2000000),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, actor_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (actor_id)
);
CREATE INDEX place_fact_imports_latest ON place_fact_imports (region_id, file_date DESC, id DESC);

CREATE TABLE place_facts (
  region_id text NOT NULL,
  municipality_code text NOT NULL,
  -- 'population', 'medianHousePrice', 'preschools', 'schools', 'travel.<destination>', 'nature',
  -- 'culture' (FACT_KEYS in src/modules/regions/facts.ts).
  key text NOT NULL CHECK (key ~ '^[a-z][a-zA-Z]*(\.[a-z0-9-]+)?$' AND length(key) <= 80),
  kind text NOT NULL CHECK (kind IN ('number', 'list')),
  -- A number's value and unit ('people', 'sek', 'minutes', 'count'); null for a list.
  value numeric,
  unit text CHECK (unit IS NULL OR unit IN ('people', 'sek', 'minutes', 'count')),
  -- A travel time's destination and way of travel, e.g. 'Stockholm (tåg)'; '' otherwise.
  label_sv text NOT NULL DEFAULT '' CHECK (length(label_sv) <= 200),
  label_en text NOT NULL DEFAULT '' CHECK (length(label_en) <= 200),
  -- A list's items in each language; empty for a number.
  items_sv text[] NOT NULL DEFAULT '{}',
  items_en text[] NOT NULL DEFAULT '{}',
  -- A number's source is required; nature and culture are listed without one ('').
  source text NOT NULL CHECK (length(source) <= 200),
  source_url text NOT NULL CHECK ((source_url = '' OR source_url ~ '^https?://') AND length(source_url) <= 2000),
  -- The day the figure holds for (a list: the file's date).
  as_of date NOT NULL,
  approx boolean NOT NULL DEFAULT false,
  import_id bigint NOT NULL,
  PRIMARY KEY (region_id, municipality_code, key),
  FOREIGN KEY (region_id, municipality_code) REFERENCES municipalities (region_id, code) ON DELETE CASCADE,
  FOREIGN KEY (region_id, import_id) REFERENCES place_fact_imports (region_id, id) ON DELETE CASCADE,
  CHECK ((kind = 'number') = (value IS NOT NULL AND unit IS NOT NULL)),
  CHECK (kind <> 'number' OR (source <> '' AND source_url <> ''))
);
