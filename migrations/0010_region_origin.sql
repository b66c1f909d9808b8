-- Absolute links (sign-in and invitation links, canonical URLs, feeds, the sitemap, the API's url
-- fields) come from configuration only: the region's canonical origin, else PUBLIC_URL. Never from
-- a request's Host or X-Forwarded-Host header.
ALTER TABLE regions ADD COLUMN canonical_origin text
  CHECK (canonical_origin ~ '^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$');
