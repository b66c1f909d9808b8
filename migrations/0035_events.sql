-- Events and fairs (issue 17): a shared calendar of the region's events at home and away
-- (recruitment fairs, after-works for students, company visits, test-living weekends, newcomer
-- meetups, online job days), registration that never overbooks with a waiting list, check-in at the
-- door, and leads captured at exhibitors' stands. The events module owns these tables.
--
-- Mail may carry attachments (an event's .ics): mail_outbox.attachments, a JSON list of
-- { filename, contentType, content } with text content, dropped once sent like the bodies.

ALTER TABLE mail_outbox ADD COLUMN attachments jsonb;

CREATE TABLE events (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  -- The organisation that owns it (edits, checks in, sees every registration).
  organisation_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN (
    'fair', 'afterwork', 'company_visit', 'test_living', 'meetup', 'online', 'info'
  )),
  -- draft → in_review (an organisation that may not publish itself) → published; cancelled ends it.
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'cancelled')),
  title_sv text NOT NULL DEFAULT '' CHECK (length(title_sv) <= 160),
  title_en text NOT NULL DEFAULT '' CHECK (length(title_en) <= 160),
  summary_sv text NOT NULL DEFAULT '' CHECK (length(summary_sv) <= 400),
  summary_en text NOT NULL DEFAULT '' CHECK (length(summary_en) <= 400),
  description_sv text NOT NULL DEFAULT '' CHECK (length(description_sv) <= 8000),
  description_en text NOT NULL DEFAULT '' CHECK (length(description_en) <= 8000),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- 'region': in one of the region's municipalities; 'away': elsewhere (a fair in Malmö);
  -- 'online': a link only.
  location_kind text NOT NULL CHECK (location_kind IN ('region', 'away', 'online')),
  municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
  venue text NOT NULL DEFAULT '' CHECK (length(venue) <= 200),
  street_address text NOT NULL DEFAULT '' CHECK (length(street_address) <= 200),
  postal_code text NOT NULL DEFAULT '' CHECK (length(postal_code) <= 12),
  locality text NOT NULL DEFAULT '' CHECK (length(locality) <= 100),
  online_url text CHECK (length(online_url) <= 500),
  -- Languages spoken at the event (ISO 639-1).
  languages text[] NOT NULL DEFAULT '{sv}' CHECK (
    cardinality(languages) BETWEEN 1 AND 8 AND array_to_string(languages, ',') ~ '^[a-z]{2}(,[a-z]{2})*$'
  ),
  -- The target groups it is for (content's six).
  personas text[] NOT NULL DEFAULT '{}' CHECK (
    cardinality(personas) <= 6 AND personas <@ ARRAY['families', 'nature', 'cottage', 'dreamers', 'students', 'international']
  ),
  accessibility_sv text NOT NULL DEFAULT '' CHECK (length(accessibility_sv) <= 1000),
  accessibility_en text NOT NULL DEFAULT '' CHECK (length(accessibility_en) <= 1000),
  -- A picture from the media library (its id), shown on the card and the page.
  image_id uuid,
  -- 'open': register and get a seat while there are seats; 'application': apply and the organiser
  -- decides (test-living weekends); 'none': no registration (drop in).
  registration text NOT NULL DEFAULT 'open' CHECK (registration IN ('open', 'application', 'none')),
  -- Seats; null: no limit.
  capacity integer CHECK (capacity BETWEEN 1 AND 100000),
  -- Seats held by confirmed registrations and open waiting-list offers, kept in the same
  -- transaction as every change of them (under this row's lock), so the CHECK below makes
  -- overbooking impossible whatever the code does.
  seats_taken integer NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
  CHECK (capacity IS NULL OR seats_taken <= capacity),
  -- A household may register together: at most this many seats per registration.
  max_group integer NOT NULL DEFAULT 4 CHECK (max_group BETWEEN 1 AND 20),
  registration_opens_at timestamptz,
  registration_closes_at timestamptz,
  -- How long a freed seat offered to the next on the waiting list is held for them.
  offer_hours integer NOT NULL DEFAULT 24 CHECK (offer_hours BETWEEN 1 AND 168),
  -- For a newcomer meetup: the network group it belongs to.
  network_group_id uuid,
  cancelled_at timestamptz,
  cancel_reason text NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= 1000),
  published_at timestamptz,
  followup_sent_at timestamptz,
  -- Optimistic locking: a save names the version it started from.
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, slug),
  CHECK (ends_at > starts_at),
  CHECK (location_kind <> 'region' OR municipality_code IS NOT NULL),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, network_group_id) REFERENCES network_groups (region_id, id) ON DELETE SET NULL (network_group_id),
  FOREIGN KEY (region_id, created_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX events_calendar ON events (region_id, starts_at) WHERE status = 'published';
CREATE INDEX events_organisation ON events (region_id, organisation_id, starts_at);

-- The other organisations of an event: co-organisers (they manage it with the owner) and
-- exhibiting employers (a stand; they see the leads and registrations that consented to them).
CREATE TABLE event_organisations (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  event_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('co_organiser', 'exhibitor')),
  stand text NOT NULL DEFAULT '' CHECK (length(stand) <= 60),
  -- The code in the stand's QR link a visitor scans to leave their details (not a secret: printed).
  stand_code text NOT NULL DEFAULT substr(md5(gen_random_uuid()::text), 1, 16) CHECK (stand_code ~ '^[a-z0-9]{8,32}$'),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, event_id, organisation_id),
  UNIQUE (region_id, stand_code),
  FOREIGN KEY (region_id, event_id) REFERENCES events (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE
);
CREATE INDEX event_organisations_org ON event_organisations (region_id, organisation_id);

-- The programme: items in time order; a test-living weekend spans days and employers and has a
-- house viewing.
CREATE TABLE event_programme (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  kind text NOT NULL DEFAULT 'session' CHECK (kind IN ('session', 'company_visit', 'house_viewing', 'meal', 'travel', 'other')),
  title_sv text NOT NULL DEFAULT '' CHECK (length(title_sv) <= 200),
  title_en text NOT NULL DEFAULT '' CHECK (length(title_en) <= 200),
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
  -- The employer hosting this item, if one does.
  organisation_id uuid,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, event_id) REFERENCES events (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE SET NULL (organisation_id)
);
CREATE INDEX event_programme_event ON event_programme (region_id, event_id, starts_at);

-- The organiser's own questions on the registration form (allergies, which day, …).
CREATE TABLE event_questions (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL,
  position integer NOT NULL DEFAULT 0,
  kind text NOT NULL CHECK (kind IN ('text', 'choice', 'yes_no')),
  label_sv text NOT NULL DEFAULT '' CHECK (length(label_sv) <= 200),
  label_en text NOT NULL DEFAULT '' CHECK (length(label_en) <= 200),
  -- For 'choice': [{ "sv": …, "en": … }, …], at most 12.
  choices jsonb NOT NULL DEFAULT '[]',
  required boolean NOT NULL DEFAULT false,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, event_id) REFERENCES events (region_id, id) ON DELETE CASCADE
);
CREATE INDEX event_questions_event ON event_questions (region_id, event_id, position);

-- A registration (or an application) of one person, possibly for their household (seats).
CREATE TABLE event_registrations (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL,
  -- The account when they were signed in or have one with this address.
  account_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  -- Lower-cased.
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
  seats integer NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 20),
  -- confirmed: holds seats; waiting: on the waiting list (queued_at orders it); offered: a freed
  -- seat held for them until offer_expires_at; applied: an application the organiser has not
  -- decided; declined: an application turned down; cancelled: by them or the organiser; expired:
  -- an offer not taken in time.
  status text NOT NULL CHECK (status IN (
    'confirmed', 'waiting', 'offered', 'applied', 'declined', 'cancelled', 'expired'
  )),
  queued_at timestamptz NOT NULL DEFAULT now(),
  offer_expires_at timestamptz,
  -- Answers to the event's questions by question id; an application's motivation under "motivation".
  answers jsonb NOT NULL DEFAULT '{}',
  -- The consent text shown on the form (its version), and whether they agreed that the exhibiting
  -- employers may see their name and e-mail.
  consent_text_version text NOT NULL,
  share_with_exhibitors boolean NOT NULL DEFAULT false,
  -- SHA-256 (base64url) of the personal link's token (see, change, cancel) and of the ticket code
  -- in the QR shown at the door.
  manage_hash text NOT NULL,
  ticket_hash text NOT NULL,
  reminded_at timestamptz,
  followup_sent_at timestamptz,
  decided_by uuid,
  decided_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, manage_hash),
  UNIQUE (region_id, ticket_hash),
  FOREIGN KEY (region_id, event_id) REFERENCES events (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (account_id),
  FOREIGN KEY (region_id, decided_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (decided_by)
);
-- One live registration per address and event: a second one is answered, never a second seat.
CREATE UNIQUE INDEX event_registrations_live_email ON event_registrations (region_id, event_id, email)
  WHERE status IN ('confirmed', 'waiting', 'offered', 'applied');
CREATE INDEX event_registrations_event ON event_registrations (region_id, event_id, status, queued_at);
CREATE INDEX event_registrations_email ON event_registrations (region_id, email);
CREATE INDEX event_registrations_account ON event_registrations (region_id, account_id) WHERE account_id IS NOT NULL;
CREATE INDEX event_registrations_offers ON event_registrations (offer_expires_at) WHERE status = 'offered';

-- One check-in per registration: the primary key makes a queued check-in sent twice count once.
CREATE TABLE event_checkins (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  event_id uuid NOT NULL,
  registration_id uuid NOT NULL,
  -- How many of the registration's seats came through the door.
  people integer NOT NULL DEFAULT 1 CHECK (people BETWEEN 1 AND 20),
  checked_in_at timestamptz NOT NULL DEFAULT now(),
  -- When the door's device recorded it (it may have been offline), as the device said.
  recorded_at timestamptz,
  checked_in_by uuid,
  method text NOT NULL DEFAULT 'search' CHECK (method IN ('search', 'qr', 'manual')),
  PRIMARY KEY (region_id, registration_id),
  FOREIGN KEY (region_id, event_id) REFERENCES events (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, registration_id) REFERENCES event_registrations (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, checked_in_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (checked_in_by)
);
CREATE INDEX event_checkins_event ON event_checkins (region_id, event_id);

-- A visitor met at an exhibitor's stand, captured by the stand's staff or by the visitor through
-- the stand's QR link; only with their consent to that employer.
CREATE TABLE event_leads (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL,
  -- The exhibiting employer whose stand it was (null: the organiser's own stand).
  organisation_id uuid,
  stand text NOT NULL DEFAULT '' CHECK (length(stand) <= 60),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  phone text NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
  occupation text NOT NULL DEFAULT '' CHECK (length(occupation) <= 200),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
  -- What they agreed to, with the text version shown: the employer keeps the lead; the talent pool
  -- (sent a link to confirm their address); a navigator's contact (a relocation case).
  consent_text_version text NOT NULL,
  wants_talent_pool boolean NOT NULL DEFAULT false,
  wants_navigator boolean NOT NULL DEFAULT false,
  account_id uuid,
  -- The relocation case made for a navigator contact.
  case_id uuid,
  source text NOT NULL CHECK (source IN ('stand_form', 'visitor_qr')),
  captured_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, event_id) REFERENCES events (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, account_id) REFERENCES accounts (region_id, id) ON DELETE SET NULL (account_id),
  FOREIGN KEY (region_id, case_id) REFERENCES relocation_cases (region_id, id) ON DELETE SET NULL (case_id),
  FOREIGN KEY (region_id, captured_by) REFERENCES accounts (region_id, id) ON DELETE SET NULL (captured_by)
);
CREATE INDEX event_leads_event ON event_leads (region_id, event_id, organisation_id, created_at);
CREATE INDEX event_leads_email ON event_leads (region_id, email);
