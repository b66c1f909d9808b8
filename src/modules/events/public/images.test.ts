import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seasonOf } from './images.ts';

describe('a meetup’s picture by season', () => {
  it('reads the season on Stockholm’s clock', () => {
    assert.equal(seasonOf(new Date('2026-12-10T17:00:00Z')), 0, 'December is winter');
    assert.equal(seasonOf(new Date('2027-02-28T22:30:00Z')), 0, 'the last evening of February');
    // 23:30 UTC on 31 May is already 1 June in Stockholm: summer.
    assert.equal(seasonOf(new Date('2027-05-31T23:30:00Z')), 2);
    assert.equal(seasonOf(new Date('2027-04-30T18:00:00Z')), 1, 'Valborg is spring');
    assert.equal(seasonOf(new Date('2027-10-01T08:00:00Z')), 3, 'October is autumn');
  });
});
