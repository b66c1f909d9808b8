/**
 * Creating content: a municipality editor whose organisation names no municipality cannot make a
 * story they could then not see; a region editor may make a story of the whole region.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createItem, type EditorialDeps, type Editor } from './service.ts';

const editor = (scope: Editor['scope']): Editor => ({
  regionId: 'dalarna',
  accountId: '00000000-0000-4000-8000-000000000001',
  organisationId: null,
  lang: 'sv',
  scope,
  canApprove: scope.all,
});
const input = { kind: 'story', slug: 'anna', municipality: '', group: '', title_sv: 'Anna', title_en: '' };
const municipalities = new Map([['2080', 'falun']]);
// Refused input never reaches the database.
const deps = { db: undefined } as unknown as EditorialDeps;

describe('creating content', () => {
  it('refuses a story from a municipality editor without a municipality, by the field', async () => {
    const result = await createItem(
      deps,
      editor({ all: false, municipalityCode: null }),
      input,
      municipalities,
    );
    assert.equal(result.kind, 'invalid');
    assert.ok('errors' in result && result.errors.municipality);
  });
});
