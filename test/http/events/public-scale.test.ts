/**
 * The calendar at a region's scale: with more upcoming events than the old cap of 1,000 (written in
 * bulk with SQL), every one is on a page and in the counts, the last one too, and the employer
 * filter finds an exhibitor of the last one; the feed holds at most FEED_CAP events, the soonest
 * upcoming first, and a filter picks before the cap; past the index's cap the calendar says how far
 * it reaches instead of dropping events silently.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { formatNumber } from '../../../src/platform/i18n/index.ts';
import { FEED_CAP, UPCOMING_CAP } from '../../../src/modules/events/public/repository.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { createOrganisation, REGION } from '../../helpers/identity.ts';
import { parseCalendar } from '../../helpers/ical.ts';

/** The titles of the cards on a list page, in order. */
function cardTitles(body: string): string[] {
  return [...body.matchAll(/<h3 class="event-card__title"><a href="[^"]*">([^<]*)<\/a><\/h3>/g)].map(
    (m) => m[1]!,
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the events calendar with thousands of upcoming events', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const owner = await createOrganisation(db, { kind: 'region' });
  const employer = await createOrganisation(db, { name: 'Sist i kalendern AB' });

  /**
   * `count` published events, one an hour from `firstHour` hours from now (numbered from `from`),
   * in Falun, for students, with an 8,000-character description each.
   */
  async function insertEvents(prefix: string, from: number, count: number, firstHour: number) {
    await sql`INSERT INTO events (region_id, slug, organisation_id, kind, status, title_sv, title_en,
        summary_sv, description_sv, description_en, starts_at, ends_at, location_kind,
        municipality_code, locality, personas, published_at)
      SELECT ${REGION}, ${prefix} || '-' || i, ${owner}::uuid, 'afterwork', 'published',
        'Träff ' || lpad(i::text, 5, '0'), 'Meetup ' || lpad(i::text, 5, '0'),
        'Kom och träffa arbetsgivare.', repeat('x', 8000), repeat('y', 8000),
        now() + make_interval(hours => ${firstHour} + i - ${from}),
        now() + make_interval(hours => ${firstHour} + i - ${from}, mins => 90),
        'region', '2080', 'Falun', '{students}', now() - interval '40 days'
      FROM generate_series(${from}::int, ${from + count - 1}::int) AS i`.execute(db);
  }

  const UPCOMING = 2021;
  await insertEvents('traff', 1, UPCOMING, 2);
  // Three that ended in the last 30 days (the feed reaches back to them).
  await sql`INSERT INTO events (region_id, slug, organisation_id, kind, status, title_sv, title_en,
      starts_at, ends_at, location_kind, municipality_code, personas, published_at)
    SELECT ${REGION}, 'forra-' || i, ${owner}::uuid, 'online', 'published', 'Förra ' || i, 'Past ' || i,
      now() - make_interval(days => i, hours => 2), now() - make_interval(days => i),
      'online', NULL, '{nature}', now() - interval '60 days'
    FROM generate_series(1, 3) AS i`.execute(db);
  const last = await db
    .selectFrom('events')
    .select('id')
    .where('slug', '=', `traff-${UPCOMING}`)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('event_organisations')
    .values({
      region_id: REGION,
      event_id: last.id,
      organisation_id: employer,
      role: 'exhibitor',
      stand: 'A1',
    })
    .execute();
  const lastTitle = `Träff ${String(UPCOMING).padStart(5, '0')}`;
  const pages = Math.ceil(UPCOMING / 20);

  it('counts every upcoming event and pages to the last one', async () => {
    const first = await app.inject('/sv/events');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, new RegExp(`${escape(formatNumber('sv', UPCOMING))} kommande evenemang`));
    assert.match(first.body, new RegExp(`Sida 1 av ${pages}`));
    assert.equal(cardTitles(first.body)[0], 'Träff 00001');
    assert.doesNotMatch(first.body, /Kalendern visar de första/);
    // The descriptions are not on the list (nor read for it).
    assert.doesNotMatch(first.body, /xxxxxxxxxx/);

    const end = await app.inject(`/sv/events?page=${pages}`);
    assert.equal(end.statusCode, 200);
    const titles = cardTitles(end.body);
    assert.equal(titles.length, UPCOMING - (pages - 1) * 20);
    assert.equal(titles.at(-1), lastTitle);
    assert.match(end.body, /rel="prev"/);
    assert.doesNotMatch(end.body, /rel="next"/);
    assert.equal((await app.inject(`/sv/events?page=${pages + 1}`)).statusCode, 400);

    // A filter's count holds them all; the option of the last event's exhibitor is offered and counted.
    const students = await app.inject('/en/events?persona=students');
    assert.match(students.body, new RegExp(`${escape(formatNumber('en', UPCOMING))} upcoming events`));
    assert.match(
      students.body,
      new RegExp(`Young people and students \\(${escape(formatNumber('en', UPCOMING))}\\)`),
    );
    assert.match(students.body, /Sist i kalendern AB \(1\)/);
    const byEmployer = await app.inject(`/sv/events?company=${employer}`);
    assert.equal(byEmployer.statusCode, 200);
    assert.deepEqual(cardTitles(byEmployer.body), [lastTitle]);
    assert.match(byEmployer.body, /1 kommande evenemang/);
  });

  it('the feed holds the soonest upcoming events up to its cap, and a filter picks before the cap', async () => {
    const feed = parseCalendar((await app.inject('/sv/events/calendar.ics')).body);
    assert.equal(feed.events.length, FEED_CAP);
    assert.equal(feed.events[0]!.summary, 'Träff 00001');
    assert.equal(feed.events.at(-1)!.summary, `Träff ${String(FEED_CAP).padStart(5, '0')}`);
    // The upcoming fill the feed: the past ones make room for them.
    assert.ok(!feed.events.some((e) => e.summary.startsWith('Förra')));
    // Where fewer are picked, the last 30 days come too, in time order.
    const online = parseCalendar((await app.inject('/sv/events/calendar.ics?where=online')).body);
    assert.deepEqual(
      online.events.map((e) => e.summary),
      ['Förra 3', 'Förra 2', 'Förra 1'],
    );
    const byEmployer = parseCalendar((await app.inject(`/sv/events/calendar.ics?company=${employer}`)).body);
    assert.deepEqual(
      byEmployer.events.map((e) => e.summary),
      [lastTitle],
    );
  });

  it('past the index’s cap, says how far the calendar reaches instead of dropping events silently', async () => {
    await insertEvents('senare', UPCOMING + 1, UPCOMING_CAP - UPCOMING + 5, UPCOMING + 2);
    const res = await app.inject('/sv/events');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`${escape(formatNumber('sv', UPCOMING_CAP))} kommande evenemang`));
    assert.match(
      res.body,
      new RegExp(
        `Kalendern visar de första ${escape(formatNumber('sv', UPCOMING_CAP))} kommande evenemangen, till och med [a-zåäö]+dag \\d+ [a-zåäö]+ \\d{4}\\.`,
      ),
    );
    const en = await app.inject(`/en/events?page=${UPCOMING_CAP / 20}`);
    assert.equal(en.statusCode, 200);
    assert.equal(cardTitles(en.body).at(-1), `Meetup ${String(UPCOMING_CAP).padStart(5, '0')}`);
    assert.match(en.body, /The calendar shows the first/);
  });
});
