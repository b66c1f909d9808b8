import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApprovedText } from '../toolbox.ts';
import {
  applyPublicFilter,
  parseAdminFilter,
  parsePublicFilter,
  publicFacets,
  publicQuery,
} from './filters.ts';
import { outlineOf } from '../toolbox.ts';

const region = {
  municipalities: [
    { code: '2080', slug: 'falun', shortName: 'Falun', officialName: 'Falu kommun', jobtechConceptId: 'x' },
    {
      code: '2085',
      slug: 'ludvika',
      shortName: 'Ludvika',
      officialName: 'Ludvika kommun',
      jobtechConceptId: 'y',
    },
  ],
};

const text = (over: Partial<ApprovedText>): ApprovedText => ({
  id: 'x',
  persona: 'everyone',
  topic: 'career',
  municipalityCode: null,
  title: { sv: 'Rubrik', en: 'Title' },
  body: { sv: 'Text', en: 'Text' },
  source: { name: '', url: '', date: null },
  ...over,
});

describe('the texts’ filters', () => {
  it('reads known values, names unknown and repeated ones, and ignores other parameters', () => {
    const { filter, problems } = parsePublicFilter(
      { persona: 'students', municipality: 'falun', language: 'en', page: '2', utm_source: 'x' },
      region,
      'sv',
    );
    assert.deepEqual(filter, {
      persona: 'students',
      topic: '',
      municipality: '2080',
      language: 'en',
      page: 2,
    });
    assert.deepEqual(problems, []);
    assert.equal(
      publicQuery(filter, region, 'sv'),
      '?persona=students&municipality=falun&language=en&page=2',
    );
    const bad = parsePublicFilter(
      { topic: ['career', 'nature'], municipality: '2080', page: '1001' },
      region,
      'sv',
    );
    assert.deepEqual(
      bad.problems.map((p) => [p.field, p.reason]),
      [
        ['topic', 'repeated'],
        ['municipality', 'unknown'],
        ['page', 'unknown'],
      ],
    );
    assert.deepEqual(parseAdminFilter({ municipality: 'region', status: 'retired' }, region).filter, {
      status: 'retired',
      persona: '',
      topic: '',
      municipality: 'region',
      page: 1,
    });
    assert.equal(parseAdminFilter({ municipality: 'falun' }, region).problems[0]?.field, 'municipality');
  });

  it('keeps the region-wide texts for a municipality and counts each option with the other filters', () => {
    const texts = [
      text({ id: 'a' }),
      text({ id: 'b', municipalityCode: '2080', persona: 'families' }),
      text({
        id: 'c',
        municipalityCode: '2085',
        title: { sv: 'Bara svenska', en: '' },
        body: { sv: 'Text', en: '' },
      }),
    ];
    const { filter } = parsePublicFilter({ municipality: 'falun' }, region, 'sv');
    assert.deepEqual(
      applyPublicFilter(texts.map(outlineOf), filter).map((t) => t.id),
      ['a', 'b'],
    );
    const facets = publicFacets(texts.map(outlineOf), filter, region);
    assert.equal(facets.municipality.get('2080'), 2);
    assert.equal(facets.municipality.get('2085'), 2);
    assert.equal(facets.persona.get('families'), 1);
    const english = parsePublicFilter({ language: 'en' }, region, 'sv').filter;
    assert.deepEqual(
      applyPublicFilter(texts.map(outlineOf), english).map((t) => t.id),
      ['a', 'b'],
    );
    assert.equal(publicFacets(texts.map(outlineOf), english, region).language.get('sv'), 3);
  });
});
