/** The home page's place cards: one of each picture first, the order kept otherwise. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { variedFirst } from './home.ts';

describe('the home page’s place cards', () => {
  it('put one of each picture first and keep the order otherwise', () => {
    const items = [
      { slug: 'vansbro', heroImage: 'lake' },
      { slug: 'smedjebacken', heroImage: 'lake' },
      { slug: 'sater', heroImage: 'town' },
      { slug: 'orsa', heroImage: null },
      { slug: 'leksand', heroImage: 'lake' },
      { slug: 'mora', heroImage: 'forest' },
    ];
    assert.deepEqual(
      variedFirst(items).map((i) => i.slug),
      ['vansbro', 'sater', 'orsa', 'mora', 'smedjebacken', 'leksand'],
    );
  });
});
