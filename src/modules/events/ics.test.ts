/**
 * iCalendar of events with hostile text: commas, semicolons, backslashes, line breaks, control
 * characters, emoji and long Swedish words are escaped and folded so that a real parser (ical.js)
 * reads back exactly what was written, every line at most 75 octets, no UTF-8 character split.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFolded, parseCalendar } from '../../../test/helpers/ical.ts';
import { escapeText, foldLine, formatUtc, renderCalendar, type IcsEvent } from './ics.ts';

const base: IcsEvent = {
  uid: '0b6f7c1e-1111-4222-8333-444455556666@dalarna.lotsa.se',
  start: new Date('2026-12-12T16:00:00Z'),
  end: new Date('2026-12-12T19:00:00Z'),
  summary: 'After work',
  updated: new Date('2026-12-01T10:00:00Z'),
  sequence: 3,
};

describe('iCalendar for events', () => {
  it('escapes backslashes, semicolons, commas and line breaks, and drops control characters', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
    assert.equal(escapeText('bell\u0007 tab\t nul\u0000'), 'bell tab nul');
  });

  it('folds at 75 octets without splitting a character, continuation lines starting with a space', () => {
    const line = `SUMMARY:${'å'.repeat(100)}`;
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    assert.ok(lines.length > 1);
    for (const [i, l] of lines.entries()) {
      assert.ok(Buffer.byteLength(l, 'utf8') <= 75);
      if (i > 0) assert.ok(l.startsWith(' '));
      assert.doesNotMatch(l, /\uFFFD/);
    }
    assert.equal(lines.map((l, i) => (i ? l.slice(1) : l)).join(''), line);
    const emoji = foldLine(`X:${'🎉'.repeat(40)}`);
    for (const l of emoji.split('\r\n')) assert.ok(Buffer.byteLength(l, 'utf8') <= 75);
    assert.equal(emoji.replace(/\r\n /g, ''), `X:${'🎉'.repeat(40)}`);
  });

  it('writes times in UTC', () => {
    assert.equal(formatUtc(new Date('2026-03-29T01:30:00Z')), '20260329T013000Z');
  });

  it('a calendar with hostile text parses back to exactly what was written', () => {
    const summary = 'Rekryteringsmässa; Malmö, Hyllie \\ "Dalarna" 🎉 – välkommen!';
    const description =
      'Rad ett, med komma; och semikolon\nRad två\r\nRad tre: arbetsmiljöingenjörsutbildningsprogrammet och naturvetenskapsundervisningsmaterialet 👩‍🔬🇸🇪 slut';
    const location = 'Malmömässan, Mässgatan 6; 215 32 Malmö';
    const text = renderCalendar({
      name: 'Evenemang, Dalarna; allt',
      product: 'Lotsa//Dalarna',
      events: [
        { ...base, summary, description, location, url: 'https://dalarna.lotsa.se/sv/events/massa' },
        { ...base, uid: 'two@dalarna.lotsa.se', summary: 'Inställd', status: 'CANCELLED', sequence: 7 },
      ],
      now: new Date('2026-12-02T00:00:00Z'),
    });
    assertFolded(text);
    const parsed = parseCalendar(text);
    // ical.js leaves an X- property's value as written: it is escaped as TEXT.
    assert.equal(parsed.name, 'Evenemang\\, Dalarna\\; allt');
    assert.equal(parsed.method, 'PUBLISH');
    assert.equal(parsed.events.length, 2);
    const [first, second] = parsed.events;
    assert.equal(first!.summary, summary);
    assert.equal(first!.description, description.replace(/\r\n/g, '\n'));
    assert.equal(first!.location, location);
    assert.equal(first!.uid, base.uid);
    assert.equal(first!.start.getTime(), base.start.getTime());
    assert.equal(first!.end.getTime(), base.end.getTime());
    assert.equal(first!.sequence, 3);
    assert.equal(first!.status, 'CONFIRMED');
    assert.equal(first!.url, 'https://dalarna.lotsa.se/sv/events/massa');
    assert.equal(second!.status, 'CANCELLED');
    assert.equal(second!.sequence, 7);
  });

  it('a URL or UID cannot break out of its line', () => {
    const text = renderCalendar({
      name: 'x',
      product: 'Lotsa//Dalarna',
      events: [{ ...base, uid: 'a\r\nBEGIN:VALARM', url: 'https://x.example/\nATTACH:evil' }],
    });
    assertFolded(text);
    assert.doesNotMatch(text, /\r\nBEGIN:VALARM|\r\nATTACH:/);
    assert.equal(parseCalendar(text).events.length, 1);
  });
});
