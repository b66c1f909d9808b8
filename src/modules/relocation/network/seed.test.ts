import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoMeetupDate, demoMeetupTimes, isHoliday } from './seed.ts';

const weekday = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' }).format(new Date(`${date}T12:00Z`));

test('a demo meetup falls on its weekday, at least the given days after the seed day', () => {
  // Monday 7 December 2026.
  assert.equal(demoMeetupDate('2026-12-07', { after: 4, weekday: 'sun' }), '2026-12-13');
  assert.equal(weekday('2026-12-13'), 'Sunday');
  assert.equal(demoMeetupDate('2026-12-07', { after: 2, weekday: 'thu' }), '2026-12-10');
  // Exactly on the day when it is the weekday already.
  assert.equal(demoMeetupDate('2026-12-07', { after: 7, weekday: 'mon' }), '2026-12-14');
  for (const today of ['2026-01-01', '2026-06-15', '2026-12-31', '2027-02-28']) {
    for (const w of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const) {
      const date = demoMeetupDate(today, { after: 3, weekday: w });
      assert.equal(weekday(date).slice(0, 3).toLowerCase(), w, `${today} ${w}`);
      assert.ok(date > today);
    }
  }
});

test('a demo meetup moves a week on from Christmas, New Year, Midsummer and Easter', () => {
  // Friday 25 December, then Friday 1 January: the barbecue is on Friday 8 January.
  assert.equal(demoMeetupDate('2026-12-07', { after: 16, weekday: 'fri' }), '2027-01-08');
  assert.ok(isHoliday(new Date(Date.UTC(2026, 11, 24))));
  assert.ok(isHoliday(new Date(Date.UTC(2026, 5, 19))), 'Midsummer Eve 2026');
  assert.ok(isHoliday(new Date(Date.UTC(2027, 2, 26))), 'Good Friday 2027');
  assert.ok(isHoliday(new Date(Date.UTC(2027, 2, 29))), 'Easter Monday 2027');
  assert.ok(isHoliday(new Date(Date.UTC(2026, 3, 5))), 'Easter Sunday 2026');
  assert.ok(!isHoliday(new Date(Date.UTC(2026, 3, 8))));
  assert.ok(!isHoliday(new Date(Date.UTC(2026, 11, 18))));
});

test('a demo meetup starts at its Stockholm wall-clock time, also on the day summer time begins', () => {
  const breakfast = demoMeetupTimes('2026-12-07', { after: 7, weekday: 'tue', start: '07:30', hours: 1.5 });
  assert.equal(breakfast.startsAt.toISOString(), '2026-12-15T06:30:00.000Z');
  assert.equal(breakfast.endsAt.toISOString(), '2026-12-15T08:00:00.000Z');
  // Sunday 29 March 2026: clocks go forward at 02:00; 10:00 is summer time (UTC+2).
  const hike = demoMeetupTimes('2026-03-23', { after: 4, weekday: 'sun', start: '10:00', hours: 3 });
  assert.equal(hike.startsAt.toISOString(), '2026-03-29T08:00:00.000Z');
});
