-- The newcomer network's meetups become events (issue 17): migration 0032 kept them in their own
-- small list "until events exist". Every network_meetups row is copied into events (kind 'meetup',
-- owned by the region's own organisation, network_group_id = the group, the same id; a cancelled
-- meetup a cancelled event holding no seats), every "Jag kommer" into event_registrations (a
-- confirmed seat of the account, cancelled for a cancelled meetup), and the two network tables go. The network part now reads a group's meetups from
-- events (src/modules/relocation/network/events.ts).

-- A region that has meetups but no organisation of its own gets one (the identity seed makes it
-- in every installed region; this only guards an installation that skipped it).
INSERT INTO organisations (region_id, kind, name)
SELECT r.id, 'region', left(coalesce(nullif(trim(r.contact_organisation), ''), r.name_sv), 200)
FROM regions r
WHERE EXISTS (SELECT 1 FROM network_meetups m WHERE m.region_id = r.id)
  AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.region_id = r.id AND o.kind = 'region');

INSERT INTO events (
  region_id, id, slug, organisation_id, kind, status, title_sv, title_en, description_sv,
  description_en, starts_at, ends_at, location_kind, municipality_code, venue, capacity,
  seats_taken, network_group_id, cancelled_at, published_at, created_by, created_at, updated_at
)
SELECT
  m.region_id,
  m.id,
  -- The title folded to a slug (at most 60 characters, "traff" when nothing is left) and twelve
  -- hex digits of the id, which keep it unique.
  coalesce(
    nullif(trim(BOTH '-' FROM left(trim(BOTH '-' FROM regexp_replace(
      translate(lower(m.title), 'åäöéèêëüúùóòôõñçæø', 'aaoeeeeuuuooooncao'), '[^a-z0-9]+', '-', 'g'
    )), 60)), ''),
    'traff'
  ) || '-' || left(replace(m.id::text, '-', ''), 12),
  o.id,
  'meetup',
  CASE WHEN m.cancelled_at IS NULL THEN 'published' ELSE 'cancelled' END,
  left(m.title, 160),
  left(m.title, 160),
  m.description,
  m.description,
  m.starts_at,
  m.starts_at + make_interval(mins => m.minutes),
  CASE WHEN coalesce(g.municipality_code, first_municipality.code) IS NULL THEN 'away' ELSE 'region' END,
  coalesce(g.municipality_code, first_municipality.code),
  m.place,
  m.capacity,
  -- A cancelled meetup holds no seats (as cancelEvent leaves an event: every sign-up cancelled).
  CASE WHEN m.cancelled_at IS NULL THEN least(attendees.n, coalesce(m.capacity, attendees.n)) ELSE 0 END,
  m.group_id,
  m.cancelled_at,
  m.created_at,
  m.created_by,
  m.created_at,
  m.created_at
FROM network_meetups m
JOIN network_groups g ON g.region_id = m.region_id AND g.id = m.group_id
JOIN organisations o ON o.region_id = m.region_id AND o.kind = 'region'
CROSS JOIN LATERAL (
  SELECT count(*)::int AS n FROM network_meetup_attendees a
  WHERE a.region_id = m.region_id AND a.meetup_id = m.id
) attendees
LEFT JOIN LATERAL (
  SELECT mu.code FROM municipalities mu WHERE mu.region_id = m.region_id ORDER BY mu.code LIMIT 1
) first_municipality ON true;

-- Each "Jag kommer" as a one-seat registration of the account: confirmed, or cancelled (holding
-- no seat) when the meetup was cancelled. A migration has no installation secret, so the hashes
-- are unique placeholders ('migrated:…') that no token hashes to (a token's SHA-256 in base64url
-- is 43 characters); the `events.offers` task (every minute) replaces them with the hashes of the
-- registration's derived personal link and ticket (tokens.ts), after which the own page's link
-- (/me/events/:id), the reminder and the ticket work as for any registration.
INSERT INTO event_registrations (
  region_id, event_id, account_id, name, email, language, seats, status, queued_at,
  consent_text_version, manage_hash, ticket_hash, cancelled_at, created_at, updated_at
)
SELECT
  a.region_id,
  a.meetup_id,
  a.account_id,
  left(coalesce(nullif(trim(acc.display_name), ''), nullif(split_part(acc.email, '@', 1), ''), acc.email), 120),
  lower(acc.email),
  acc.language,
  1,
  CASE WHEN e.status = 'cancelled' THEN 'cancelled' ELSE 'confirmed' END,
  a.created_at,
  'events-registration-2026-12',
  'migrated:' || md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text),
  'migrated:' || md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text),
  e.cancelled_at,
  a.created_at,
  -- Its last change: the cancellation, if any (the retention of ended registrations counts from it).
  greatest(e.cancelled_at, a.created_at)
FROM network_meetup_attendees a
JOIN accounts acc ON acc.region_id = a.region_id AND acc.id = a.account_id
JOIN events e ON e.region_id = a.region_id AND e.id = a.meetup_id;

-- The placeholders still waiting for their hashes, found at once by the offers task (empty after).
CREATE INDEX event_registrations_migrated ON event_registrations (region_id, id)
  WHERE manage_hash LIKE 'migrated:%';

DROP TABLE network_meetup_attendees;
DROP TABLE network_meetups;
