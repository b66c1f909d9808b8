import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stockholmLocalLatest, stockholmLocalToDate, stockholmLowerBound, toStockholmLocal } from './time.ts';

const iso = (s: string) => stockholmLocalToDate(s)?.toISOString();

describe('Stockholm local time', () => {
  it('reads summer (CEST, +2) and winter (CET, +1) times', () => {
    // A real ad: publication_date 2025-09-11T11:25:57, timestamp 1757582757157.
    assert.equal(iso('2025-09-11T11:25:57'), '2025-09-11T09:25:57.000Z');
    assert.equal(
      Math.floor(1757582757157 / 1000) * 1000,
      stockholmLocalToDate('2025-09-11T11:25:57')?.getTime(),
    );
    assert.equal(iso('2025-01-15T12:00:00'), '2025-01-15T11:00:00.000Z');
    assert.equal(iso('2025-09-25T23:59:59'), '2025-09-25T21:59:59.000Z');
    assert.equal(iso('2025-12-31'), '2025-12-30T23:00:00.000Z');
    assert.equal(iso('2025-09-11T11:25:57.5'), '2025-09-11T09:25:57.500Z');
  });

  it('is correct on both sides of the spring change (2025-03-30 02:00 → 03:00)', () => {
    assert.equal(iso('2025-03-30T01:59:59'), '2025-03-30T00:59:59.000Z');
    assert.equal(iso('2025-03-30T03:00:00'), '2025-03-30T01:00:00.000Z');
    // 02:30 never happens that night: read it as 03:30 CEST.
    assert.equal(iso('2025-03-30T02:30:00'), '2025-03-30T01:30:00.000Z');
  });

  it('takes the first of the two autumn 02:30s (2025-10-26 03:00 → 02:00)', () => {
    assert.equal(iso('2025-10-26T01:59:59'), '2025-10-25T23:59:59.000Z');
    assert.equal(iso('2025-10-26T02:30:00'), '2025-10-26T00:30:00.000Z');
    assert.equal(stockholmLocalLatest('2025-10-26T02:30:00')?.toISOString(), '2025-10-26T01:30:00.000Z');
    assert.equal(iso('2025-10-26T03:00:00'), '2025-10-26T02:00:00.000Z');
  });

  it('writes instants as naive local time across both changes', () => {
    assert.equal(toStockholmLocal(new Date('2025-03-30T00:59:59Z')), '2025-03-30T01:59:59');
    assert.equal(toStockholmLocal(new Date('2025-03-30T01:00:00Z')), '2025-03-30T03:00:00');
    assert.equal(toStockholmLocal(new Date('2025-10-26T00:30:00Z')), '2025-10-26T02:30:00');
    assert.equal(toStockholmLocal(new Date('2025-10-26T01:30:00Z')), '2025-10-26T02:30:00');
    assert.equal(toStockholmLocal(new Date('2025-10-26T02:00:00.999Z')), '2025-10-26T03:00:00');
    assert.equal(toStockholmLocal(new Date('2026-11-26T08:00:00Z')), '2026-11-26T09:00:00');
  });

  it('round-trips every quarter hour through two DST changes', () => {
    for (const day of ['2025-03-29T12:00:00Z', '2025-10-25T12:00:00Z']) {
      const start = Date.parse(day);
      for (let t = start; t < start + 36 * 3_600_000; t += 15 * 60_000) {
        const local = toStockholmLocal(new Date(t));
        const back = stockholmLocalToDate(local) as Date;
        assert.equal(toStockholmLocal(back), local, local);
        // Unambiguous times come back as the same instant; the repeated hour as its first occurrence.
        assert.ok(back.getTime() === t || back.getTime() === t - 3_600_000, local);
      }
    }
  });

  it('keeps a stream lower bound at or before the instant even in the repeated hour', () => {
    assert.equal(stockholmLowerBound(new Date('2025-09-11T09:25:57.157Z')), '2025-09-11T11:25:57');
    // First 02:35 (CEST): "02:35" could also mean the later CET one, so go back an hour.
    assert.equal(stockholmLowerBound(new Date('2025-10-26T00:35:00Z')), '2025-10-26T01:35:00');
    // Second 02:35 (CET): every reading of "02:35" is at or before it.
    assert.equal(stockholmLowerBound(new Date('2025-10-26T01:35:00Z')), '2025-10-26T02:35:00');
  });

  it('accepts explicit offsets and rejects what is not a date-time', () => {
    assert.equal(iso('2025-09-11T09:25:57Z'), '2025-09-11T09:25:57.000Z');
    assert.equal(iso('2025-09-11T11:25:57+02:00'), '2025-09-11T09:25:57.000Z');
    for (const bad of [
      '',
      'tomorrow',
      '2025-02-30T00:00:00',
      '2025-13-01T00:00:00',
      '2025-09-11T24:00:00',
      '11/09/2025',
    ]) {
      assert.equal(stockholmLocalToDate(bad), null, bad);
    }
  });
});
