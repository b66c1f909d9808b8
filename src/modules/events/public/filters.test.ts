/** The calendar's filter: read from a query string, written back, applied, counted and paged. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventRow } from '../events.ts';
import {
  applyFilter,
  facets,
  filterQuery,
  NO_FILTER,
  pageOf,
  parseEventFilter,
  PAGE_SIZE,
} from './filters.ts';
import { feedPick, type ListedEvent } from './repository.ts';

const region = {
  municipalities: [
    { code: '2080', slug: 'falun', shortName: 'Falun', officialName: 'Falu kommun', jobtechConceptId: '' },
    {
      code: '2081',
      slug: 'borlange',
      shortName: 'Borlänge',
      officialName: 'Borlänge kommun',
      jobtechConceptId: '',
    },
  ],
};
const ORG = '0b6f7c1e-1111-4222-8333-444455556666';

function listed(
  kind: string,
  where: string,
  municipality: string | null,
  personas: string[],
  orgs: string[] = [],
): ListedEvent {
  return {
    event: { kind, location_kind: where, municipality_code: municipality, personas } as unknown as EventRow,
    organisations: orgs.map((id) => ({
      organisationId: id,
      name: id,
      orgNumber: null,
      role: 'exhibitor',
      stand: '',
    })),
  };
}

describe('the events filter', () => {
  it('reads known values and names unknown or repeated ones', () => {
    const { filter, problems } = parseEventFilter(
      { kind: 'fair', where: 'away', municipality: 'falun', persona: 'students', company: ORG, page: '2' },
      region,
      new Set([ORG]),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(filter, {
      kind: 'fair',
      where: 'away',
      municipality: '2080',
      persona: 'students',
      company: ORG,
      page: 2,
    });
    assert.equal(
      filterQuery(filter, region),
      `?kind=fair&where=away&municipality=falun&persona=students&company=${ORG}&page=2`,
    );
    const bad = parseEventFilter(
      {
        kind: 'x',
        where: ['away', 'online'],
        municipality: 'oslo',
        persona: '<b>',
        company: ORG,
        page: '0',
        other: 'ok',
      },
      region,
      new Set(),
    );
    assert.deepEqual(
      bad.problems.map((p) => `${p.field}:${p.reason}`),
      [
        'kind:unknown',
        'where:repeated',
        'municipality:unknown',
        'persona:unknown',
        'company:unknown',
        'page:unknown',
      ],
    );
    assert.deepEqual(bad.filter, NO_FILTER);
    assert.equal(
      parseEventFilter({ kind: 'y'.repeat(5000) }, region, new Set()).problems[0]!.value.length,
      100,
    );
    assert.equal(filterQuery(NO_FILTER, region), '');
  });

  it('applies every filter, counts each option with the others applied, and pages', () => {
    const events = [
      listed('fair', 'away', null, ['students'], [ORG]),
      listed('afterwork', 'away', null, ['students']),
      listed('company_visit', 'region', '2080', ['families']),
      listed('online', 'online', null, ['international'], [ORG]),
    ];
    const filter = { ...NO_FILTER, where: 'away' as const };
    assert.equal(applyFilter(events, filter).length, 2);
    const f = facets(events, filter);
    assert.equal(f.where.get('away'), 2);
    assert.equal(f.where.get('online'), 1);
    assert.equal(f.kind.get('fair'), 1);
    assert.equal(f.kind.get('online'), undefined);
    assert.equal(f.company.get(ORG), 1);
    assert.equal(applyFilter(events, { ...NO_FILTER, company: ORG }).length, 2);
    assert.equal(applyFilter(events, { ...NO_FILTER, municipality: '2080' }).length, 1);
    const many = Array.from({ length: PAGE_SIZE * 2 + 1 }, (_, i) => i);
    assert.deepEqual(pageOf(many, 3), { items: [PAGE_SIZE * 2], pages: 3 });
    assert.deepEqual(pageOf([], 1), { items: [], pages: 1 });
  });

  it('the feed picks the soonest upcoming first, then the most recently ended, in time order', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const at = (name: string, hours: number): ListedEvent => ({
      event: {
        id: name,
        starts_at: new Date(now.getTime() + (hours - 1) * 3_600_000),
        ends_at: new Date(now.getTime() + hours * 3_600_000),
      } as unknown as ListedEvent['event'],
      organisations: [],
    });
    const events = [at('old', -48), at('recent', -2), at('running', 0.5), at('next', 5), at('later', 9)];
    const names = (list: ListedEvent[]) => list.map((e) => e.event.id);
    assert.deepEqual(names(feedPick(events, now, 10)), ['old', 'recent', 'running', 'next', 'later']);
    assert.deepEqual(names(feedPick(events, now, 4)), ['recent', 'running', 'next', 'later']);
    assert.deepEqual(names(feedPick(events, now, 2)), ['running', 'next']);
    assert.deepEqual(feedPick([], now, 2), []);
  });
});
