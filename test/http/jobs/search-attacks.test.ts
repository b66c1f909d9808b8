/**
 * An attacker's review of the in-memory job search (issue 11): odd query text on every path (page,
 * RSS, API), searches that run side by side, facet counts against a plain SQL count, and what the
 * search does with the text besides searching it (corrections, places, phrases, exclusions). Each
 * finding is a test that failed before its fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import {
  applyBatch,
  emptyCounts,
  markChanged,
  scopeForRegion,
} from '../../../src/modules/jobs/ingest/apply.ts';
import { parseRecordAt } from '../../../src/modules/jobs/ingest/normalize.ts';
import { EMPTY_QUERY, MAX_QUERY_LENGTH } from '../../../src/modules/jobs/query.ts';
import { JobIndexes, JobSearch } from '../../../src/modules/jobs/search/index.ts';
import { DELTA_LIMIT } from '../../../src/modules/jobs/search/memory.ts';
import { loadRegions } from '../../../src/modules/regions/repository.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

const now = new Date();
const PART_TIME = { concept_id: '947z_JGS_Uk2', label: 'Deltid' };
const FALUN = '2080';

const ADS = [
  makeAd({ id: '9400001', headline: 'Sjuksköterska till akutmottagningen', occupation: 'nurse' }, now),
  makeAd(
    {
      id: '9400002',
      headline: 'Förskollärare till Solstrålen',
      occupation: 'preschoolTeacher',
      municipality: 'mora',
    },
    now,
  ),
  makeAd(
    {
      id: '9400003',
      headline: 'Backend developer',
      occupation: 'developer',
      municipality: 'borlange',
      employer: 'Code Shop AB',
      text: 'We are looking for a backend developer who likes writing code. Apply in English.',
    },
    now,
  ),
  makeAd({ id: '9400004', headline: 'Lärare i Falun', occupation: 'teacher', employer: 'Falu kommun' }, now),
  {
    ...makeAd(
      { id: '9400005', headline: 'Sjuksköterska i Mora', occupation: 'nurse', municipality: 'mora' },
      now,
    ),
    working_hours_type: PART_TIME,
  },
  makeAd(
    {
      id: '9400006',
      headline: 'Sjuksköterska till akuten',
      occupation: 'nurse',
      municipality: 'ludvika',
      employer: 'Ludvika Vård AB',
      text: 'Vi har ett trevligt arbetslag. Välkommen med din ansökan idag.',
    },
    now,
  ),
  {
    ...makeAd(
      {
        id: '9400007',
        headline: 'Förskollärare i Falun',
        occupation: 'preschoolTeacher',
        employer: 'Falu kommun',
      },
      now,
    ),
    working_hours_type: PART_TIME,
  },
];

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

describe('search attacks', async () => {
  const { app, database } = await buildTestApp();
  await loadAds(database.db, ADS, now);
  const region = (await loadRegions(database.db)).find((r) => r.id === 'dalarna');
  assert.ok(region);
  let client = 0;
  /** Each request from its own address: the per-client search limits are tested elsewhere. */
  const get = (url: string) =>
    app.inject({
      method: 'GET',
      url,
      remoteAddress: `10.1.${Math.floor(client / 250)}.${(client++ % 250) + 1}`,
      headers: { accept: 'text/html' },
    });
  const api = async (params: string) => {
    const res = await get(`/api/v1/jobs?${params}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as {
      total: number;
      items: Array<{ id: string }>;
      corrected: { typed: string; searched: string } | null;
      places: Array<{ word: string; municipality: string }>;
      facets: Record<string, Array<{ value: string; count: number }>>;
    };
  };

  it('odd query text answers 2xx or 4xx on the page, the feed and the API, never 500', async () => {
    const texts = [
      '"',
      '""',
      '"sjuksköterska',
      'a"b"c',
      '-',
      '-"',
      'OR',
      'OR OR sjuksköterska OR',
      '-OR',
      'x'.repeat(2000),
      `${'a'.repeat(MAX_QUERY_LENGTH - 1)}😀`,
      'sjuksköterska '.repeat(150),
      '😀 sjuksköterska',
      'sjuksko\u0308terska e\u0301',
      '\u200f\u200e\u202e',
      'a\u0000b',
      'och att det som en på',
      '"och att det som en på i av för med till är"',
      '!!! ... ???',
      '"sjuksköterska .* (a|b)+ [x] \\1 $ ^"',
      'ö'.repeat(200),
      Array.from({ length: 30 }, (_, i) => `okändord${i}`).join(' '),
      Array.from({ length: 30 }, (_, i) => `lärare${i} OR sjuksköterska`).join(' OR '),
      'falun falun falun falun mora mora',
      '-sjuksköterska -"sjuksköterska till" -falun',
      '<script>alert(1)</script>',
      "'''",
      '漢字 عربي ١٢٣',
    ];
    for (const q of texts) {
      for (const path of ['/sv/jobs', '/en/jobs.rss', '/api/v1/jobs']) {
        for (const literal of ['', '&literal=1']) {
          const url = `${path}?q=${encodeURIComponent(q)}${literal}`;
          const res = await get(url);
          assert.ok(res.statusCode < 500, `${res.statusCode} for ${url.slice(0, 80)}`);
          // A NUL is refused as a bad request (400) before the search sees it.
          if (q.includes('\u0000')) assert.equal(res.statusCode, 400, url);
          else if (path !== '/api/v1/jobs' || q.length <= MAX_QUERY_LENGTH)
            assert.equal(
              res.statusCode,
              200,
              `${JSON.stringify(url.slice(0, 80))} ${/LOTSA_[A-Z_]+/.exec(res.body)?.[0]}`,
            );
          else assert.match(res.body, /"q"/, 'the API names the parameter');
          assert.doesNotMatch(res.body, /<script>alert/);
        }
      }
    }
  });

  it('the search text is cut at the cap on the page and in the feed', async () => {
    const long = `${'sjuksköterska '.repeat(100)}`;
    const page = await get(`/sv/jobs?q=${encodeURIComponent(long)}`);
    const value = /name="q"[^>]*value="([^"]*)"/.exec(page.body)?.[1] ?? '';
    assert.ok(value.length <= MAX_QUERY_LENGTH, `${value.length} characters shown`);
    const feed = await get(`/sv/jobs.rss?q=${encodeURIComponent(long)}`);
    assert.equal(feed.statusCode, 200);
    assert.ok(!feed.body.includes('sjuksköterska '.repeat(20)), 'the feed repeats the whole text');
  });

  it('searches running side by side answer what each answers alone', async () => {
    const search = new JobSearch(database.db, { cacheSize: 0 });
    const queries = [
      'sjuksköterska',
      'förskollärare',
      'sjuksköterska OR förskollärare',
      '"sjuksköterska till"',
      'lärare -förskollärare',
      'developer',
      'sjukskoterska',
      'sjuksköterska falun',
      'akuten OR akutmottagningen -mora',
      'okändaord',
    ];
    const one = (q: string) => search.search(region, 'e.1', { ...EMPTY_QUERY, q }, 'sv');
    const alone: string[][] = [];
    for (const q of queries) alone.push(ids((await one(q)).items));
    for (let round = 0; round < 3; round++) {
      const together = await Promise.all(queries.map(one));
      assert.deepEqual(
        together.map((r) => ids(r.items)),
        alone,
      );
    }
  });

  it('facet counts are those of a plain SQL count with every filter but their own', async () => {
    const columns = {
      municipality: 'municipality_code',
      occupation_field: 'occupation_field_id',
      occupation_group: 'occupation_group_id',
      employment_type: 'employment_type_id',
      worktime: 'worktime_extent_id',
      employer: 'employer_key',
      language: 'lang',
    } as const;
    const worktimes = await sql<{ id: string }>`SELECT DISTINCT worktime_extent_id AS id FROM job_ads
      WHERE worktime_extent_id IS NOT NULL ORDER BY 1`.execute(database.db);
    const fullTime = worktimes.rows.find((r) => r.id !== PART_TIME.concept_id)?.id;
    assert.ok(fullTime);
    const filters: Record<string, string[]> = {
      municipality: [FALUN, '2062'],
      worktime: [fullTime],
      language: ['sv'],
    };
    for (const q of ['', 'sjuksköterska OR förskollärare OR lärare']) {
      const text = q ? `q=${encodeURIComponent(q)}&literal=1&` : '';
      const matched = ids((await api(`${text}limit=100`)).items);
      const params = Object.entries(filters)
        .flatMap(([k, vs]) => vs.map((v) => `${k}=${v}`))
        .join('&');
      const result = await api(`${text}${params}`);
      for (const [facet, column] of Object.entries(columns)) {
        const others = Object.entries(filters)
          .filter(([k]) => k !== facet)
          .map(([k, vs]) => sql`${sql.ref(columns[k as keyof typeof columns])} = ANY(${vs}::text[])`);
        const where = others.length ? sql`AND ${sql.join(others, sql` AND `)}` : sql``;
        const { rows } = await sql<{
          v: string;
          n: number;
        }>`SELECT ${sql.ref(column)} AS v, count(*)::int AS n
          FROM job_ads WHERE region_id = 'dalarna' AND status = 'open' AND id = ANY(${matched}::text[])
          ${where} GROUP BY 1`.execute(database.db);
        const expected = Object.fromEntries(rows.filter((r) => r.v !== null).map((r) => [r.v, r.n]));
        const shown = Object.fromEntries(
          (result.facets[facet] ?? []).filter((o) => o.count > 0).map((o) => [o.value, o.count]),
        );
        assert.deepEqual(shown, expected, `${facet} for "${q}"`);
      }
    }
  });

  it('a correction that names a place searches that municipality, as a place typed right does', async () => {
    // "falnu" is corrected to "falun", a municipality: the corrected search must be Falun's nurses,
    // not every nurse of the region under a note that says "sjuksköterska falun".
    const typedRight = await api(`q=${encodeURIComponent('sjuksköterska falun')}`);
    assert.deepEqual(ids(typedRight.items), ['9400001']);
    const typo = await api(`q=${encodeURIComponent('sjuksköterska falnu')}`);
    assert.equal(typo.corrected?.searched, 'sjuksköterska falun');
    assert.deepEqual(ids(typo.items), ['9400001']);
    assert.deepEqual(
      typo.places.map((p) => p.municipality),
      [FALUN],
    );
  });

  it('two quoted phrases find the ad with one in its headline and the other in its text', async () => {
    const result = await api(`q=${encodeURIComponent('"sjuksköterska till" "välkommen med"')}`);
    assert.ok(ids(result.items).includes('9400006'), JSON.stringify(ids(result.items)));
    // Each phrase alone finds it too.
    assert.ok(ids((await api(`q=${encodeURIComponent('"välkommen med"')}`)).items).includes('9400006'));
  });

  it('an excluded phrase leaves out the ads with the phrase, not every ad with one of its words', async () => {
    // 9400001's text says "Välkommen med din ansökan!", never "välkommen hem".
    const result = await api(`q=${encodeURIComponent('sjuksköterska -"välkommen hem"')}`);
    assert.ok(ids(result.items).includes('9400001'), JSON.stringify(ids(result.items)));
    const phrase = await api(`q=${encodeURIComponent('sjuksköterska -"välkommen med"')}`);
    assert.ok(!ids(phrase.items).includes('9400001'), 'the ad with the phrase is left out');
  });

  it('an ad changed by a writer that commits after a later writer is not missed by the index', async () => {
    // Ingestion and the expiry sweep run in different task lanes (and processes): change numbers are
    // taken when rows are written, not when their transaction commits.
    const search = new JobSearch(database.db, { cacheSize: 0 });
    const scope = scopeForRegion(region);
    assert.ok(scope);
    const find = async (q: string, version: string) =>
      ids((await search.search(region, version, { ...EMPTY_QUERY, q, literal: true }, 'sv')).items);
    assert.deepEqual(await find('brandman', 'w.0'), []);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    // Writer 1 renames 9400004 and holds its transaction open.
    const first = database.db.transaction().execute(async (trx) => {
      const record = makeAd({ id: '9400004', headline: 'Brandman i Falun', occupation: 'teacher' }, now);
      const n = await applyBatch(trx, scope, [parseRecordAt(record, now)], { now }, emptyCounts());
      assert.equal(n, 1);
      written();
      await held;
      await markChanged(trx, region.id);
    });
    await wrote;
    // Writer 2 adds an ad and commits first (when writers are serialised, it waits for writer 1).
    const second = loadAds(
      database.db,
      [
        makeAd(
          { id: '9400008', headline: 'Brandman i Mora', occupation: 'teacher', municipality: 'mora' },
          now,
        ),
      ],
      now,
    );
    const secondDone = await Promise.race([
      second.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 500)),
    ]);
    // A search in between: it sees writer 2's ad if writer 2 committed.
    assert.deepEqual(await find('brandman', 'w.1'), secondDone ? ['9400008'] : []);
    release();
    await first;
    await second;
    assert.deepEqual(await find('brandman', 'w.2'), ['9400004', '9400008']);
  });
  it('a background rebuild of the index does not bring back an ad closed while it ran', async () => {
    // The database as the index sees it: the second statement run straight in a transaction (the
    // rebuild's read of the changes since its base) answers only when the test says so.
    let statements = 0;
    let reached!: () => void;
    const atRebuild = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const db = new Proxy(database.db, {
      get(target, prop) {
        if (prop !== 'transaction') return Reflect.get(target, prop, target) as unknown;
        return () => {
          const builder = target.transaction();
          return new Proxy(builder, {
            get(b, name) {
              const value = Reflect.get(b, name, b) as unknown;
              if (name !== 'execute') return typeof value === 'function' ? value.bind(b) : value;
              return async <T>(fn: (trx: Kysely<DB>) => Promise<T>) => {
                const result = await b.execute(fn);
                if (++statements === 2) {
                  reached();
                  await released;
                }
                return result;
              };
            },
          });
        };
      },
    });
    const indexes = new JobIndexes(db);
    const openIds = (index: Awaited<ReturnType<typeof indexes.get>>) =>
      new Set(index.summaries.filter((_, ord) => index.alive[ord]).map((s) => s.id));
    assert.ok(openIds(await indexes.get(region.id, 'r.0')).has('9400001'));
    // Enough changed ads that the index is rebuilt in the background.
    await loadAds(
      database.db,
      Array.from({ length: DELTA_LIMIT / 2 + 1 }, (_, i) =>
        makeAd({ id: String(9500000 + i), headline: `Vikarie ${i}`, occupation: 'teacher' }, now),
      ),
      now,
    );
    assert.ok(openIds(await indexes.get(region.id, 'r.1')).has('9500000'));
    await atRebuild;
    // While the rebuild waits, 9400001 is removed and a search sees it closed.
    await loadAds(database.db, [{ id: '9400001', removed: true, removed_date: now.toISOString() }], now);
    assert.ok(!openIds(await indexes.get(region.id, 'r.2')).has('9400001'));
    release();
    const state = (indexes as unknown as { regions: Map<string, { rebuilding: Promise<void> | null }> })
      .regions;
    await state.get(region.id)?.rebuilding;
    const after = await indexes.get(region.id, 'r.2');
    assert.ok(!openIds(after).has('9400001'), 'the closed ad is open again');
    assert.ok(openIds(after).has('9500000'));
  });
});
