-- The site search's spelling help (src/modules/content/search.ts) now compares words folded, as the
-- job search does (src/modules/jobs/words.ts `fold`: å → a, ä → a, ö → o, é → e …): "ratvik" is one
-- letter from Rättvik. The trigram index of migration 0020 read the words with their å/ä/ö, which
-- share few trigrams with the same word typed without them; this one reads the folded text. The
-- letters here are FOLD_FROM and FOLD_TO of words.ts, in the same order.
CREATE INDEX content_published_folded_words_trgm ON content_published
  USING gin ((translate(lower(title || ' ' || summary), 'åäöéèêëüáàâíìóòúùçñ', 'aaoeeeeuaaaiioouucn')) gin_trgm_ops);

DROP INDEX content_published_words_trgm;
