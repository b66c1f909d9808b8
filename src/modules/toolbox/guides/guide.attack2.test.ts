/**
 * A guide item's link is https only (isGuideLink, since the new-user review) — but only when it is
 * saved: the reader's side (guideHref) still links any http:// address, so an item saved before
 * the change (or written by an import or seed that does not go through the form) is still shown to
 * employers as a plain-http link that anyone on their network can rewrite.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guideHref, isGuideLink } from './guide.ts';

describe('guide links: https only (attack2)', () => {
  it('stores no http link (holds)', () => {
    assert.equal(isGuideLink('http://example.org/rekrytering'), false);
  });

  it('links no http address for a reader either', () => {
    assert.equal(guideHref('sv', 'http://example.org/rekrytering'), null);
    assert.equal(guideHref('sv', 'https://example.org/rekrytering'), 'https://example.org/rekrytering');
  });
});
