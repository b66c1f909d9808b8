import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Region } from '../../../platform/region.ts';
import {
  applyFilter,
  facets,
  filterQuery,
  NO_FILTER,
  parseCompanyFilter,
  type ListedCompany,
} from './filters.ts';

const region = {
  municipalities: [
    { code: '2080', slug: 'falun', shortName: 'Falun' },
    { code: '2081', slug: 'borlange', shortName: 'Borlänge' },
  ],
} as unknown as Pick<Region, 'municipalities'>;

function company(name: string, change: Partial<ListedCompany> = {}): ListedCompany {
  return {
    slug: name.toLowerCase(),
    orgNumber: '5561000010',
    name,
    summary: { sv: '', en: '' },
    industries: [],
    sections: [],
    municipalities: [],
    badges: [],
    logo: null,
    photo: null,
    jobs: 0,
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    featured: false,
    demo: false,
    ...change,
  };
}

const companies = [
  company('Östra Kraft', { sections: ['D'], municipalities: ['2080'], badges: ['english'], jobs: 2 }),
  company('Alfa Stål', {
    sections: ['C'],
    municipalities: ['2081', '2080'],
    badges: ['relocation', 'english'],
  }),
  company('Beta Data', {
    sections: ['J', 'C'],
    municipalities: ['2081'],
    jobs: 9,
    publishedAt: new Date('2026-05-01T00:00:00Z'),
  }),
];

describe('the company list’s filters', () => {
  it('reads what it knows, names what it does not, and ignores other parameters', () => {
    assert.deepEqual(
      parseCompanyFilter({ industry: 'C', municipality: 'falun', jobs: '1', utm: 'x' }, region),
      {
        filter: { ...NO_FILTER, industry: 'C', municipality: '2080', jobs: true },
        problems: [],
      },
    );
    const bad = parseCompanyFilter(
      { industry: 'c', badge: 'pool', sort: ['name', 'jobs'], municipality: '' },
      region,
    );
    assert.deepEqual(bad.filter, NO_FILTER);
    assert.deepEqual(bad.problems, [
      { field: 'industry', value: 'c', reason: 'unknown' },
      { field: 'badge', value: 'pool', reason: 'unknown' },
      { field: 'sort', value: 'name', reason: 'repeated' },
    ]);
    assert.equal(parseCompanyFilter({ industry: 'x'.repeat(5000) }, region).problems[0]?.value.length, 100);
  });

  it('writes the filter back as a canonical query string', () => {
    assert.equal(filterQuery(NO_FILTER, region), '');
    assert.equal(
      filterQuery({ industry: 'C', municipality: '2081', badge: 'remote', jobs: true, sort: 'jobs' }, region),
      '?industry=C&municipality=borlange&badge=remote&jobs=1&sort=jobs',
    );
  });

  it('applies every filter and sorts by name (Swedish order), most jobs or newest', () => {
    const names = (f: Partial<typeof NO_FILTER>) =>
      applyFilter(companies, { ...NO_FILTER, ...f }).map((c) => c.name);
    assert.deepEqual(names({}), ['Alfa Stål', 'Beta Data', 'Östra Kraft']);
    assert.deepEqual(names({ industry: 'C' }), ['Alfa Stål', 'Beta Data']);
    assert.deepEqual(names({ municipality: '2080', badge: 'english' }), ['Alfa Stål', 'Östra Kraft']);
    assert.deepEqual(names({ jobs: true, sort: 'jobs' }), ['Beta Data', 'Östra Kraft']);
    assert.deepEqual(names({ sort: 'newest' }), ['Beta Data', 'Alfa Stål', 'Östra Kraft']);
  });

  it('counts each option with the other filters applied, never its own', () => {
    const f = facets(companies, { ...NO_FILTER, industry: 'C', municipality: '2081' });
    // Industries with the municipality applied: both in Borlänge are C, one is also J.
    assert.deepEqual([...f.industry].sort(), [
      ['C', 2],
      ['J', 1],
    ]);
    // Municipalities with the industry applied: a company in two municipalities counts in each.
    assert.deepEqual([...f.municipality].sort(), [
      ['2080', 1],
      ['2081', 2],
    ]);
    assert.equal(f.badge.get('relocation'), 1);
    assert.equal(f.badge.get('remote'), 0);
    assert.equal(f.jobs, 1);
  });
});
