/** An instant with Stockholm's offset (JSON-LD's startDate), right on both sides of a DST change. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoStockholm } from './page.ts';

describe('isoStockholm', () => {
  it('writes winter and summer time with their offsets', () => {
    assert.equal(isoStockholm(new Date('2026-12-12T16:00:00Z')), '2026-12-12T17:00:00+01:00');
    assert.equal(isoStockholm(new Date('2026-07-01T08:30:00Z')), '2026-07-01T10:30:00+02:00');
    // The night the clocks go forward (29 March 2026, 02:00 → 03:00).
    assert.equal(isoStockholm(new Date('2026-03-29T00:59:00Z')), '2026-03-29T01:59:00+01:00');
    assert.equal(isoStockholm(new Date('2026-03-29T01:00:00Z')), '2026-03-29T03:00:00+02:00');
    for (const iso of ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'])
      assert.equal(new Date(isoStockholm(new Date(iso))).getTime(), new Date(iso).getTime());
  });
});
