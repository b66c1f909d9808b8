-- The site search's spelling help (src/modules/content/search.ts): when nothing matches, the words
-- of visible titles and summaries that look like a typed word are found by trigram similarity
-- (pg_trgm, migration 0001). This index finds the rows that have such a word (`word <% text`)
-- without reading every published row. The words themselves keep å, ä and ö: nothing is unaccented.
CREATE INDEX content_published_words_trgm ON content_published
  USING gin ((lower(title || ' ' || summary)) gin_trgm_ops);
