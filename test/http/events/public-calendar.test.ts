/**
 * The visitors' calendar and event pages: the list (upcoming published events soonest first, a
 * cancelled one marked until its date, drafts and past events left out), each filter with its
 * counts and chips, a bad filter a 400 naming the field, paging, an event's page (404 unless
 * published or cancelled, the cancellation with its reason, the sections, JSON-LD), the sitemap,
 * the navigation and the place pages' section.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../helpers/app.ts';
import { addExhibitor, createEvent, createRegistration } from '../../helpers/events.ts';
import { createOrganisation, REGION } from '../../helpers/identity.ts';

const DAY = 86_400_000;
const inDays = (n: number, hourUtc = 16) => {
  const d = new Date(Date.now() + n * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

/** The titles of the cards on a list page, in order. */
function cardTitles(body: string): string[] {
  return [...body.matchAll(/<h3 class="event-card__title"><a href="[^"]*">([^<]*)<\/a><\/h3>/g)].map(
    (m) => m[1]!,
  );
}

/** The page's schema.org JSON-LD block, parsed. */
interface JsonLd {
  '@context': string;
  '@type': string;
  name: string;
  url: string;
  startDate: string;
  endDate: string;
  eventStatus: string;
  eventAttendanceMode: string;
  location: {
    '@type': string;
    address: { '@type': string; addressLocality: string; postalCode: string; addressCountry: string };
  };
  organizer: { '@type': string; name: string }[];
  offers: { '@type': string; price: number; availability: string; url: string };
}

function jsonLdOf(body: string): JsonLd {
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body);
  assert.ok(block, 'a JSON-LD block');
  return JSON.parse(block[1]!) as JsonLd;
}

describe('the events calendar and event pages', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;

  const fair = await createEvent(db, {
    slug: 'massa-i-malmo',
    title: 'Mässa i Malmö',
    titleEn: 'Fair in Malmö',
    kind: 'fair',
    locationKind: 'away',
    locality: 'Malmö',
    venue: 'Malmömässan',
    startsAt: inDays(20, 8),
    endsAt: inDays(20, 15),
    personas: ['students'],
    capacity: null,
    registration: 'none',
  });
  const employer = await createOrganisation(db, { name: 'Stålverket Test AB' });
  await addExhibitor(db, fair.id, { organisationId: employer, stand: 'B7' });
  const afterwork = await createEvent(db, {
    slug: 'after-work-falun',
    title: 'After work i Falun',
    titleEn: 'After-work in Falun',
    startsAt: inDays(3),
    capacity: 10,
  });
  await createRegistration(db, afterwork.id, { seats: 4 });
  const online = await createEvent(db, {
    slug: 'digital-jobbdag',
    title: 'Digital jobbdag',
    kind: 'online',
    locationKind: 'online',
    startsAt: inDays(5),
    capacity: 2,
    personas: ['international'],
  });
  await createRegistration(db, online.id, { seats: 2 });
  const cancelled = await createEvent(db, {
    slug: 'installd-traff',
    title: 'Inställd träff',
    kind: 'info',
    status: 'cancelled',
    startsAt: inDays(8),
    municipalityCode: '2081',
    locality: 'Borlänge',
  });
  await db
    .updateTable('events')
    .set({ cancel_reason: 'Lokalen är vattenskadad.' })
    .where('id', '=', cancelled.id)
    .execute();
  await createEvent(db, { slug: 'utkast', title: 'Hemligt utkast', status: 'draft', startsAt: inDays(2) });
  await createEvent(db, {
    slug: 'granskas',
    title: 'Väntar på granskning',
    status: 'in_review',
    startsAt: inDays(2),
  });
  await createEvent(db, { slug: 'forra-manaden', title: 'Förra månadens träff', startsAt: inDays(-30) });
  // Still running: started yesterday, ends tomorrow.
  await createEvent(db, {
    slug: 'pagaende-testbo',
    title: 'Pågående testbo-helg',
    kind: 'test_living',
    registration: 'application',
    startsAt: inDays(-1),
    endsAt: inDays(1),
  });

  it('lists the upcoming published events soonest first, a cancelled one marked, drafts and past ones left out', async () => {
    const res = await app.inject('/sv/events');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Evenemang<\/h1>/);
    assert.deepEqual(cardTitles(res.body), [
      'Pågående testbo-helg',
      'After work i Falun',
      'Digital jobbdag',
      'Inställd träff',
      'Mässa i Malmö',
    ]);
    assert.match(res.body, /5 kommande evenemang/);
    assert.match(res.body, /event-card--cancelled[\s\S]*?Inställt/);
    assert.match(res.body, /6 platser kvar/);
    assert.match(res.body, /Fullt – väntelista/);
    assert.match(res.body, /Ingen anmälan/);
    assert.match(res.body, /css\/events\.css/);
    assert.match(
      res.body,
      /href="\/sv\/events\/calendar\.ics"[^>]*>(<svg[^]*?<\/svg>)?Prenumerera på kalendern/,
    );
    for (const hidden of ['Hemligt utkast', 'Väntar på granskning', 'Förra månadens träff'])
      assert.doesNotMatch(res.body, new RegExp(hidden));
    const en = await app.inject('/en/events');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /Fair in Malmö/);
    assert.match(en.body, /Subscribe to the calendar/);
    assert.match(en.body, /Full – waiting list/);
  });

  it('filters by kind, where, municipality, target group and employer, with counts and removable chips', async () => {
    const kind = await app.inject('/sv/events?kind=fair');
    assert.equal(kind.statusCode, 200);
    assert.deepEqual(cardTitles(kind.body), ['Mässa i Malmö']);
    assert.match(kind.body, /<option value="fair" selected>Rekryteringsmässa \(1\)<\/option>/);
    // Other kinds are counted with the other filters applied (none here): what choosing them would show.
    assert.match(kind.body, /<option value="online">Digital jobbdag \(1\)<\/option>/);
    assert.match(kind.body, /class="event-chosen__chip" href="\/sv\/events"/);
    assert.match(kind.body, /<meta name="robots" content="noindex/);
    assert.deepEqual(cardTitles((await app.inject('/sv/events?where=online')).body), ['Digital jobbdag']);
    assert.deepEqual(cardTitles((await app.inject('/sv/events?where=away')).body), ['Mässa i Malmö']);
    assert.deepEqual(cardTitles((await app.inject('/sv/events?municipality=borlange')).body), [
      'Inställd träff',
    ]);
    assert.deepEqual(cardTitles((await app.inject('/sv/events?persona=students')).body), ['Mässa i Malmö']);
    const company = await app.inject(`/sv/events?company=${employer}`);
    assert.equal(company.statusCode, 200);
    assert.deepEqual(cardTitles(company.body), ['Mässa i Malmö']);
    assert.match(
      company.body,
      new RegExp(`<option value="${employer}" selected>Stålverket Test AB \\(1\\)</option>`),
    );
    const both = await app.inject('/sv/events?where=region&municipality=falun');
    assert.deepEqual(cardTitles(both.body), ['Pågående testbo-helg', 'After work i Falun']);
    // A chip takes its own filter off and keeps the other.
    assert.match(both.body, /href="\/sv\/events\?municipality=falun">I regionen/);
    assert.match(both.body, /href="\/sv\/events\?where=region">Falun/);
    const none = await app.inject('/sv/events?kind=fair&where=online');
    assert.deepEqual(cardTitles(none.body), []);
    assert.match(none.body, /Inga kommande evenemang passar filtren/);
  });

  it('answers an unknown or repeated filter value with 400, naming the field, by the field', async () => {
    const bad = await app.inject('/sv/events?kind=rave');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vi känner inte igen värdet ”rave” i fältet Typ/);
    assert.match(bad.body, /href="#ef-kind"/);
    // The list is still there, without the bad filter.
    assert.equal(cardTitles(bad.body).length, 5);
    const en = await app.inject('/en/events?municipality=stockholm');
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /“stockholm” in the field Municipality/);
    for (const url of [
      '/sv/events?where=moon',
      '/sv/events?persona=pirates',
      `/sv/events?company=${'0'.repeat(8)}-0000-0000-0000-000000000000`,
      '/sv/events?company=%3Cscript%3E',
      '/sv/events?page=0',
      '/sv/events?page=abc',
      '/sv/events?kind=fair&kind=online',
    ])
      assert.equal((await app.inject(url)).statusCode, 400, url);
    assert.match((await app.inject('/sv/events?kind=fair&kind=online')).body, /Fältet Typ fick flera värden/);
    // Parameters it does not know are ignored.
    assert.equal((await app.inject('/sv/events?utm_source=news')).statusCode, 200);
  });

  it('pages 20 events at a time', async () => {
    for (let i = 0; i < 23; i++)
      await createEvent(db, {
        slug: `traff-${i}`,
        title: `Stugträff nummer ${i}`,
        locationKind: 'online',
        personas: ['cottage'],
        startsAt: inDays(30 + i),
      });
    const first = await app.inject('/sv/events?persona=cottage');
    assert.equal(cardTitles(first.body).length, 20);
    assert.equal(cardTitles(first.body)[0], 'Stugträff nummer 0');
    assert.match(first.body, /Sida 1 av 2/);
    assert.match(first.body, /rel="next" href="\/sv\/events\?persona=cottage&amp;page=2"/);
    const second = await app.inject('/sv/events?persona=cottage&page=2');
    assert.equal(second.statusCode, 200);
    assert.deepEqual(cardTitles(second.body), [
      'Stugträff nummer 20',
      'Stugträff nummer 21',
      'Stugträff nummer 22',
    ]);
    assert.match(second.body, /rel="prev" href="\/sv\/events\?persona=cottage"/);
    assert.match((await app.inject('/en/events?persona=cottage&page=2')).body, /Page 2 of 2/);
    // A page past the last is named, and the first page shown.
    const past = await app.inject('/sv/events?persona=cottage&page=3');
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /Sidan ”3” finns inte/);
    assert.equal(cardTitles(past.body)[0], 'Stugträff nummer 0');
    // The unfiltered list's first page is still the soonest 20.
    assert.equal(cardTitles((await app.inject('/sv/events')).body)[0], 'Pågående testbo-helg');
  });

  it('shows an event’s page with its facts and sections; drafts and unknown slugs are 404', async () => {
    const res = await app.inject('/sv/events/massa-i-malmo');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /no-store/);
    assert.match(res.body, /<h1>Mässa i Malmö<\/h1>/);
    assert.match(res.body, /Rekryteringsmässa/);
    assert.match(res.body, /Malmömässan, Storgatan 1, 791 00 Malmö/);
    assert.match(res.body, /<dt>Språk<\/dt><dd>svenska, engelska<\/dd>/);
    assert.match(res.body, /Unga och studenter/);
    assert.match(res.body, /<h2 id="event-about-title">Om evenemanget<\/h2>/);
    assert.match(res.body, /<h2 id="event-organisers-title">Arrangörer och arbetsgivare<\/h2>/);
    assert.match(res.body, /Stålverket Test AB <span class="event-muted">· Monter B7/);
    assert.match(res.body, /<h2 id="event-place-title">Plats<\/h2>/);
    assert.match(res.body, /href="\/sv\/events\/massa-i-malmo\/calendar\.ics"[^>]*>Lägg till i kalendern/);
    const en = await app.inject('/en/events/massa-i-malmo');
    assert.match(en.body, /<h1>Fair in Malmö<\/h1>/);
    assert.match(en.body, /Employers taking part/);
    for (const slug of ['utkast', 'granskas', 'finns-inte', 'BAD%20slug', 'a'.repeat(81)])
      assert.equal((await app.inject(`/sv/events/${slug}`)).statusCode, 404, slug);
  });

  it('an online event says the link goes to those registered, and shows seats left', async () => {
    const res = await app.inject('/sv/events/digital-jobbdag');
    assert.match(res.body, /Digitalt <span class="event-facts__note">\(Länken skickas till anmälda\)/);
    assert.doesNotMatch(res.body, /meet\.example\.org/);
    assert.match(res.body, /Fullt – du kan ställa dig på väntelistan/);
    const afterworkPage = await app.inject('/sv/events/after-work-falun');
    assert.match(afterworkPage.body, /6 platser kvar av 10/);
  });

  it('a cancelled event says so at the top with its reason', async () => {
    const res = await app.inject('/sv/events/installd-traff');
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /class="event-cancelled" role="status"[\s\S]*?Evenemanget är inställt\.[\s\S]*?Lokalen är vattenskadad\./,
    );
    const en = await app.inject('/en/events/installd-traff');
    assert.match(en.body, /This event is cancelled\./);
  });

  it('carries schema.org Event JSON-LD with the fields search engines read', async () => {
    const body = (await app.inject('/sv/events/massa-i-malmo')).body;
    const data = jsonLdOf(body);
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'Event');
    assert.equal(data.name, 'Mässa i Malmö');
    assert.match(data.startDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    assert.equal(new Date(data.startDate).getTime(), inDays(20, 8).getTime());
    assert.equal(new Date(data.endDate).getTime(), inDays(20, 15).getTime());
    assert.equal(data.eventStatus, 'https://schema.org/EventScheduled');
    assert.equal(data.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
    assert.equal(data.location['@type'], 'Place');
    assert.equal(data.location.address['@type'], 'PostalAddress');
    assert.equal(data.location.address.addressLocality, 'Malmö');
    assert.equal(data.location.address.postalCode, '791 00');
    assert.equal(data.location.address.addressCountry, 'SE');
    assert.equal(data.url, 'http://localhost:3000/sv/events/massa-i-malmo');
    assert.ok(Array.isArray(data.organizer) && data.organizer.length === 1);
    assert.equal(data.organizer[0]?.['@type'], 'Organization');

    const online = jsonLdOf((await app.inject('/sv/events/digital-jobbdag')).body);
    assert.equal(online.eventAttendanceMode, 'https://schema.org/OnlineEventAttendanceMode');
    assert.equal(online.location['@type'], 'VirtualLocation');
    assert.equal(online.offers['@type'], 'Offer');
    assert.equal(online.offers.price, 0);
    assert.equal(online.offers.availability, 'https://schema.org/SoldOut');
    const open = jsonLdOf((await app.inject('/sv/events/after-work-falun')).body);
    assert.equal(open.offers.availability, 'https://schema.org/InStock');
    const gone = jsonLdOf((await app.inject('/sv/events/installd-traff')).body);
    assert.equal(gone.eventStatus, 'https://schema.org/EventCancelled');
  });

  it('shows the programme grouped by day', async () => {
    const start = inDays(12, 14);
    const event = await createEvent(db, {
      slug: 'testbo-med-program',
      title: 'Testbo med program',
      kind: 'test_living',
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * DAY),
    });
    const host = await createOrganisation(db, { name: 'Sågverket Test AB' });
    const rows = [
      { at: 0, sv: 'Ankomst', kind: 'travel' },
      { at: DAY, sv: 'Besök på sågverket', kind: 'company_visit', organisation_id: host },
      { at: DAY + 3 * 3_600_000, sv: 'Husvisning', kind: 'house_viewing' },
      { at: 2 * DAY - 3_600_000, sv: 'Avresa', kind: 'travel' },
    ];
    for (const r of rows)
      await db
        .insertInto('event_programme')
        .values({
          region_id: REGION,
          event_id: event.id,
          starts_at: new Date(start.getTime() + r.at),
          kind: r.kind,
          title_sv: r.sv,
          title_en: `${r.sv} (en)`,
          organisation_id: r.organisation_id ?? null,
        })
        .execute();
    const body = (await app.inject('/sv/events/testbo-med-program')).body;
    assert.match(body, /<h2 id="event-programme-title">Program<\/h2>/);
    assert.equal([...body.matchAll(/class="event-programme__day"/g)].length, 3);
    assert.match(body, /Besök på sågverket[\s\S]*?Företagsbesök · Värd: Sågverket Test AB/);
    assert.match(body, /Husvisning[\s\S]*?Bostadsvisning/);
    assert.ok(
      body.indexOf('Ankomst') < body.indexOf('Husvisning') &&
        body.indexOf('Husvisning') < body.indexOf('Avresa'),
    );
    assert.match((await app.inject('/en/events/testbo-med-program')).body, /House viewing/);
  });

  it('is in the header menu, and the sitemap lists the calendar and the published events in both languages', async () => {
    const home = (await app.inject('/sv/')).body;
    assert.match(home, /<a href="\/sv\/events"[^>]*>Evenemang<\/a>/);
    const xml = (await app.inject('/sitemap.xml')).body;
    for (const path of ['/events', '/events/massa-i-malmo', '/events/after-work-falun'])
      for (const lang of ['sv', 'en'])
        assert.ok(xml.includes(`<loc>http://localhost:3000/${lang}${path}</loc>`), `${lang}${path}`);
    assert.doesNotMatch(xml, /events\/utkast|events\/granskas|events\/installd-traff/);
  });

  it('a place page lists the upcoming events there, and links to the calendar filtered to it', async () => {
    const falun = (await app.inject('/sv/places/falun')).body;
    assert.match(falun, /<h2 id="place-events">Evenemang i Falun<\/h2>/);
    assert.match(falun, /<a href="\/sv\/events\/after-work-falun">After work i Falun<\/a>/);
    assert.match(falun, /href="\/sv\/events\?municipality=falun">Alla evenemang i Falun<\/a>/);
    assert.doesNotMatch(falun, /Hemligt utkast/);
    assert.match((await app.inject('/en/places/falun')).body, /Events in Falun/);
    assert.doesNotMatch((await app.inject('/sv/places/vansbro')).body, /place-events/);
  });

  it('keeps the seats it shows in step with the database', async () => {
    await db
      .updateTable('events')
      .set({ seats_taken: sql`capacity` })
      .where('id', '=', afterwork.id)
      .execute();
    assert.match(
      (await app.inject('/sv/events/after-work-falun')).body,
      /Fullt – du kan ställa dig på väntelistan/,
    );
  });
});
