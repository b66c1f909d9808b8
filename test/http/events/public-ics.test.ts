/**
 * An event's .ics and the subscribable feed, read back with ical.js: the right DTSTART, DTEND,
 * SUMMARY, UID (the event's id at the configured host, never the request's Host), URL, STATUS and
 * SEQUENCE; lines folded at 75 octets; the feed filtered like the list, the last 30 days kept,
 * a bad filter a 400, and an unchanged feed answered 304 to its ETag.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { createEvent } from '../../helpers/events.ts';
import { assertFolded, parseCalendar } from '../../helpers/ical.ts';

const DAY = 86_400_000;
const inDays = (n: number, hourUtc = 16) => {
  const d = new Date(Date.now() + n * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

describe('the events’ iCalendar', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const long = `Rekryteringsmässa för arbetsmiljöingenjörer, svetsare; och 🎉 alla andra ${'långtnamn'.repeat(6)}`;
  const fair = await createEvent(db, {
    slug: 'massa-med-langt-namn',
    title: long,
    titleEn: 'A fair with a long name',
    kind: 'fair',
    locationKind: 'away',
    locality: 'Malmö',
    startsAt: inDays(10, 8),
    endsAt: inDays(11, 15),
  });
  const cancelled = await createEvent(db, {
    slug: 'installd',
    title: 'Inställd',
    status: 'cancelled',
    startsAt: inDays(4),
  });
  await db.updateTable('events').set({ version: 5 }).where('id', '=', cancelled.id).execute();
  const online = await createEvent(db, {
    slug: 'digital',
    title: 'Digital dag',
    kind: 'online',
    locationKind: 'online',
    startsAt: inDays(6),
  });
  await createEvent(db, {
    slug: 'for-tre-veckor-sedan',
    title: 'För tre veckor sedan',
    startsAt: inDays(-21),
  });
  await createEvent(db, {
    slug: 'for-sex-veckor-sedan',
    title: 'För sex veckor sedan',
    startsAt: inDays(-42),
  });
  await createEvent(db, { slug: 'utkastet', title: 'Utkastet', status: 'draft', startsAt: inDays(3) });

  it('an event’s .ics is one VEVENT with its times, title, UID at the configured host and its page', async () => {
    const res = await app.inject({
      url: '/sv/events/massa-med-langt-namn/calendar.ics',
      headers: { host: 'evil.example' },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="massa-med-langt-namn.ics"');
    assertFolded(res.body);
    const { events } = parseCalendar(res.body);
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(event!.uid, `${fair.id}@localhost`);
    assert.equal(event!.summary, long);
    assert.equal(event!.start.getTime(), inDays(10, 8).getTime());
    assert.equal(event!.end.getTime(), inDays(11, 15).getTime());
    assert.equal(event!.url, 'http://localhost:3000/sv/events/massa-med-langt-namn');
    assert.equal(event!.status, 'CONFIRMED');
    assert.equal(event!.sequence, 1);
    assert.match(event!.location, /Malmö/);
    assert.doesNotMatch(res.body, /evil\.example/);
    assert.match(res.body, /DTSTART:\d{8}T\d{6}Z\r\n/);
    const en = parseCalendar((await app.inject('/en/events/massa-med-langt-namn/calendar.ics')).body);
    assert.equal(en.events[0]!.summary, 'A fair with a long name');
    assert.equal(en.events[0]!.url, 'http://localhost:3000/en/events/massa-med-langt-namn');
  });

  it('a cancelled event’s .ics says CANCELLED with the event’s version as SEQUENCE; an online one keeps its link private', async () => {
    const { events } = parseCalendar((await app.inject('/sv/events/installd/calendar.ics')).body);
    assert.equal(events[0]!.status, 'CANCELLED');
    assert.equal(events[0]!.sequence, 5);
    const body = (await app.inject('/sv/events/digital/calendar.ics')).body;
    assert.equal(parseCalendar(body).events[0]!.location, 'Digitalt');
    assert.doesNotMatch(body, /meet\.example\.org/);
    assert.equal(online.slug, 'digital');
  });

  it('a draft or unknown event has no .ics', async () => {
    assert.equal((await app.inject('/sv/events/utkastet/calendar.ics')).statusCode, 404);
    assert.equal((await app.inject('/sv/events/finns-inte/calendar.ics')).statusCode, 404);
  });

  it('the feed holds the upcoming events and the last 30 days, filtered like the list', async () => {
    const res = await app.inject('/sv/events/calendar.ics');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    assertFolded(res.body);
    const feed = parseCalendar(res.body);
    assert.equal(feed.method, 'PUBLISH');
    assert.deepEqual(
      feed.events.map((e) => e.summary),
      ['För tre veckor sedan', 'Inställd', 'Digital dag', long],
    );
    const onlyOnline = parseCalendar((await app.inject('/sv/events/calendar.ics?where=online')).body);
    assert.deepEqual(
      onlyOnline.events.map((e) => e.summary),
      ['Digital dag'],
    );
    const fairs = parseCalendar((await app.inject('/en/events/calendar.ics?kind=fair')).body);
    assert.deepEqual(
      fairs.events.map((e) => e.summary),
      ['A fair with a long name'],
    );
  });

  it('a bad filter is a 400 naming the field', async () => {
    const res = await app.inject('/sv/events/calendar.ics?kind=rave');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /fältet Typ/);
    assert.equal((await app.inject('/en/events/calendar.ics?municipality=x&municipality=y')).statusCode, 400);
  });

  it('answers an unchanged feed with 304 to its ETag, and a changed one anew', async () => {
    const first = await app.inject('/sv/events/calendar.ics');
    const etag = first.headers.etag as string;
    assert.ok(etag);
    const again = await app.inject({ url: '/sv/events/calendar.ics', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    await db
      .updateTable('events')
      .set({ title_sv: 'Ny titel', updated_at: new Date() })
      .where('id', '=', online.id)
      .execute();
    const changed = await app.inject({ url: '/sv/events/calendar.ics', headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
    assert.match(changed.body, /SUMMARY:Ny titel/);
  });
});
