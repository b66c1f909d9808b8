import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { sql } from 'kysely';
import { applyRecords, scopeForRegion, type IngestScope } from '../../src/modules/jobs/ingest/apply.ts';
import { expireAds } from '../../src/modules/jobs/ingest/run.ts';
import { shippedRegions } from '../../src/modules/regions/service.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { fixture, fixtureAd } from '../helpers/jobstream.ts';

const scope = scopeForRegion(shippedRegions().find((r) => r.id === 'dalarna')!) as IngestScope;
/** The day after the sample ads were published: they are open. */
const NOW = new Date('2025-09-12T10:00:00Z');

describe('applyRecords', async () => {
  const database = await createTestDatabase();
  const { db } = database;

  const row = (id: string) =>
    db
      .selectFrom('job_ads')
      .selectAll()
      .select(sql<string>`xmin::text`.as('xmin'))
      .where('region_id', '=', 'dalarna')
      .where('id', '=', id)
      .executeTakeFirst();
  const versions = async () =>
    (
      await sql<{ id: string; xmin: string }>`SELECT id, xmin::text FROM job_ads ORDER BY id`.execute(db)
    ).rows.map((r) => `${r.id}@${r.xmin}`);
  const generation = async () =>
    Number(
      (
        await db
          .selectFrom('job_ingest_state')
          .select('generation')
          .where('region_id', '=', 'dalarna')
          .executeTakeFirst()
      )?.generation ?? 0,
    );
  const reset = async () => {
    await db.deleteFrom('job_ads').execute();
    await db.deleteFrom('job_ingest_state').execute();
  };

  it("stores the region's new ads and skips the others", async () => {
    await reset();
    const counts = await applyRecords(db, scope, fixture('snapshot.json'), { now: NOW, kind: 'snapshot' });
    assert.deepEqual(counts, {
      received: 10,
      written: 6,
      unchanged: 0,
      stale: 0,
      closed: 0,
      malformed: 0,
      skipped: 4,
    });
    const ids = (await db.selectFrom('job_ads').select('id').orderBy('id').execute()).map((r) => r.id);
    assert.deepEqual(ids, ['30016536', '30016539', '30016558', '30016563', '30016587', '30016589']);
    const borlange = await row('30016589');
    assert.equal(borlange?.municipality_code, '2081');
    assert.equal(borlange?.status, 'open');
    assert.equal(Number(borlange?.source_timestamp), 1757582720655);
    assert.equal(
      (await row('30016587'))?.municipality_code,
      null,
      'region-only ad kept without a municipality',
    );
    assert.equal(await generation(), 1);
    const [run] = await db.selectFrom('job_ingest_runs').selectAll().orderBy('id', 'desc').limit(1).execute();
    assert.equal(run?.kind, 'snapshot');
    assert.equal(run?.outcome, 'ok');
    assert.equal(run?.written, 6);
    const words = await db
      .selectFrom('job_search_words')
      .select('word')
      .where('region_id', '=', 'dalarna')
      .execute();
    assert.ok(
      words.some((w) => w.word === 'borlänge'),
      'search words refreshed',
    );
  });

  it('never stores application_contacts', async () => {
    const avesta = await row('30016539');
    assert.ok(avesta);
    const raw = avesta.raw as Record<string, unknown>;
    assert.equal('application_contacts' in raw, false);
    assert.equal('relevance' in raw, false);
    const dump = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM job_ads WHERE raw::text LIKE '%Kontaktperson%' OR raw ? 'application_contacts'`.execute(
      db,
    );
    assert.equal(dump.rows[0]?.n, 0);
  });

  it('writes nothing at all when the same records come again', async () => {
    const before = await versions();
    const generationBefore = await generation();
    const counts = await applyRecords(db, scope, fixture('snapshot.json'), { now: NOW });
    assert.deepEqual(counts, {
      received: 10,
      written: 0,
      unchanged: 6,
      stale: 0,
      closed: 0,
      malformed: 0,
      skipped: 4,
    });
    assert.deepEqual(await versions(), before, 'no row has a new version (xmin)');
    assert.equal(await generation(), generationBefore, 'generation not bumped');
    // A newer timestamp with the same content changes nothing either.
    const same = { ...fixtureAd('snapshot.json', '30016589'), timestamp: 1757590000000 };
    const again = await applyRecords(db, scope, [same], { now: NOW });
    assert.equal(again.unchanged, 1);
    assert.deepEqual(await versions(), before);
  });

  it('applies a newer version and ignores an older one', async () => {
    const newer = {
      ...fixtureAd('snapshot.json', '30016539'),
      timestamp: 1757660400000,
      headline: 'Enhetschef, Avesta',
    };
    let counts = await applyRecords(db, scope, [newer], { now: NOW });
    assert.equal(counts.written, 1);
    let avesta = await row('30016539');
    assert.equal(avesta?.headline, 'Enhetschef, Avesta');
    assert.equal(Number(avesta?.source_timestamp), 1757660400000);
    const xmin = avesta?.xmin;

    const older = {
      ...fixtureAd('snapshot.json', '30016539'),
      timestamp: 1757600000000,
      headline: 'Gammal rubrik',
    };
    counts = await applyRecords(db, scope, [older], { now: NOW });
    assert.deepEqual(counts, {
      received: 1,
      written: 0,
      unchanged: 0,
      stale: 1,
      closed: 0,
      malformed: 0,
      skipped: 0,
    });
    avesta = await row('30016539');
    assert.equal(avesta?.headline, 'Enhetschef, Avesta');
    assert.equal(avesta?.xmin, xmin);
  });

  it('keeps the newest of duplicates in one call, whatever their order', async () => {
    const base = fixtureAd('snapshot.json', '30016563');
    const records = [
      { ...base, timestamp: 1757700000000, headline: 'Version 3' },
      { ...base, timestamp: 1757690000000, headline: 'Version 2' },
      { ...base, timestamp: 1757700000000, headline: 'Version 3' },
    ];
    const counts = await applyRecords(db, scope, records, { now: NOW });
    assert.deepEqual(counts, {
      received: 3,
      written: 1,
      unchanged: 1,
      stale: 1,
      closed: 0,
      malformed: 0,
      skipped: 0,
    });
    assert.equal((await row('30016563'))?.headline, 'Version 3');
  });

  it('closes an ad on a removal, whatever place the tombstone names, and an older copy does not reopen it', async () => {
    const tombstone = {
      id: 30016589,
      removed: true,
      removed_date: '2025-09-12T08:00:00',
      municipality: 'AvNB_uwa_6n6', // not even Dalarna: the id decides
      region: 'CifL_Rzy_Mku',
    };
    let counts = await applyRecords(db, scope, [tombstone], { now: NOW, kind: 'stream' });
    assert.equal(counts.written, 1);
    assert.equal(counts.closed, 1);
    let borlange = await row('30016589');
    assert.equal(borlange?.status, 'closed');
    assert.equal(borlange?.closed_reason, 'removed');
    assert.equal(borlange?.closed_at?.toISOString(), '2025-09-12T06:00:00.000Z');

    // The same window read again (overlap): the tombstone and the ad's older version.
    counts = await applyRecords(db, scope, [fixtureAd('snapshot.json', '30016589'), tombstone], { now: NOW });
    assert.equal(counts.written, 0);
    borlange = await row('30016589');
    assert.equal(borlange?.status, 'closed');

    // A tombstone for an ad we never had is skipped.
    counts = await applyRecords(db, scope, [{ id: '99999999', removed: true, removed_date: null }], {
      now: NOW,
    });
    assert.equal(counts.skipped, 1);
    assert.equal(counts.written, 0);
  });

  it('reopens a closed ad that comes back in a newer record', async () => {
    const back = { ...fixtureAd('snapshot.json', '30016589'), timestamp: Date.parse('2025-09-12T09:00:00Z') };
    const counts = await applyRecords(db, scope, [back], { now: NOW });
    assert.equal(counts.written, 1);
    const borlange = await row('30016589');
    assert.equal(borlange?.status, 'open');
    assert.equal(borlange?.closed_reason, null);
    assert.equal(borlange?.closed_at, null);
  });

  it('stores an ad past its last publication date as expired, and the expiry sweep closes open ones', async () => {
    const late = new Date('2025-10-05T00:00:00Z');
    const mora = {
      ...fixtureAd('snapshot.json', '30016558'),
      timestamp: 1757800000000,
      headline: 'Ny rubrik',
    };
    const counts = await applyRecords(db, scope, [mora], { now: late });
    assert.equal(counts.closed, 1);
    const stored = await row('30016558');
    assert.equal(stored?.status, 'closed');
    assert.equal(stored?.closed_reason, 'expired');
    assert.equal(stored?.closed_at?.toISOString(), '2025-09-21T21:59:59.000Z');

    // Ludvika's last day was 2025-09-28; the others' are later.
    const generationBefore = await generation();
    const closed = await expireAds(db, { now: late });
    assert.deepEqual([...closed], [['dalarna', 1]]);
    const ludvika = await row('30016536');
    assert.equal(ludvika?.status, 'closed');
    assert.equal(ludvika?.closed_reason, 'expired');
    assert.equal(await generation(), generationBefore + 1);
    assert.deepEqual([...(await expireAds(db, { now: late }))], [], 'nothing left to expire');
  });

  it('closes an ad we hold when its newer version is outside the region', async () => {
    const moved = fixtureAd('snapshot.json', '30016563');
    const address = {
      ...(moved.workplace_address as object),
      municipality_concept_id: 'AvNB_uwa_6n6',
      region_concept_id: 'CifL_Rzy_Mku',
    };
    const counts = await applyRecords(
      db,
      scope,
      // Newer than the stored copy, and less than a day ahead of now (further is refused).
      [{ ...moved, workplace_address: address, timestamp: 1757750000000 }],
      { now: NOW },
    );
    assert.equal(counts.closed, 1);
    const falun = await row('30016563');
    assert.equal(falun?.status, 'closed');
    assert.equal(falun?.closed_reason, 'missing');
  });

  it('skips and counts malformed records (logging no ad text) while the rest apply', async () => {
    await reset();
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const [first, ...others] = fixture('snapshot.json');
    // The broken copies below are the only copies of 30016539 and 30016563.
    const rest = others.filter((r) => r.id !== '30016539' && r.id !== '30016563');
    const records = [
      first,
      'not an ad',
      { ...fixtureAd('snapshot.json', '30016539'), headline: undefined },
      { ...fixtureAd('snapshot.json', '30016563'), timestamp: 'yesterday' },
      { headline: 'no id' },
      ...rest,
    ];
    const counts = await applyRecords(db, scope, records, { now: NOW, logger });
    assert.deepEqual(counts, {
      received: 12,
      written: 4,
      unchanged: 0,
      stale: 0,
      closed: 0,
      malformed: 4,
      skipped: 4,
    });
    assert.equal(await row('30016539'), undefined);
    assert.equal(await row('30016563'), undefined);
    assert.equal((await row('30016589'))?.status, 'open');
    assert.equal(lines.length, 4);
    assert.deepEqual(
      lines.map((l) => [l.adId, l.reason]),
      [
        [null, 'not an object'],
        ['30016539', 'headline: missing'],
        ['30016563', 'timestamp: expected epoch milliseconds'],
        [null, 'id: missing'],
      ],
    );
    assert.ok(!JSON.stringify(lines).includes('Enhetschef'), 'no ad text in the log');
  });

  it('skips and counts a record the database refuses, and writes its neighbours', async () => {
    await reset();
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    // Stands for any per-record failure of the INSERT (a value PostgreSQL cannot index or store).
    await sql`ALTER TABLE job_ads ADD CONSTRAINT test_poison CHECK (headline <> 'Giftig annons')`.execute(db);
    try {
      const records = fixture('snapshot.json');
      records.splice(2, 0, {
        ...fixtureAd('snapshot.json', '30016539'),
        id: '30077777',
        headline: 'Giftig annons',
      });
      const counts = await applyRecords(db, scope, records, { now: NOW, logger });
      assert.deepEqual(counts, {
        received: 11,
        written: 6,
        unchanged: 0,
        stale: 0,
        closed: 0,
        malformed: 1,
        skipped: 4,
      });
      assert.equal(await row('30077777'), undefined);
      assert.equal((await row('30016539'))?.status, 'open');
      assert.deepEqual(
        lines.map((l) => [l.adId, l.reason]),
        [['30077777', 'the database refused it: SQLSTATE 23514 (test_poison)']],
      );
    } finally {
      await sql`ALTER TABLE job_ads DROP CONSTRAINT test_poison`.execute(db);
    }
  });

  it('refuses a timestamp far in the future, so a later removal still closes the ad', async () => {
    await reset();
    const ad = fixtureAd('snapshot.json', '30016539');
    await applyRecords(db, scope, [ad], { now: NOW });
    const future = { ...ad, headline: 'Kan aldrig tas bort', timestamp: NOW.getTime() + 365 * 86_400_000 };
    const counts = await applyRecords(db, scope, [future], { now: NOW });
    assert.equal(counts.malformed, 1);
    assert.equal(counts.written, 0);
    const removal = { id: '30016539', removed: true, timestamp: NOW.getTime() };
    await applyRecords(db, scope, [removal], { now: NOW });
    const stored = await row('30016539');
    assert.equal(stored?.status, 'closed');
    assert.equal(stored?.closed_reason, 'removed');
    assert.notEqual(stored?.headline, 'Kan aldrig tas bort');
  });

  it('notifies lotsa_jobs in the transaction that changed rows', async () => {
    await reset();
    const client = await database.pool.connect();
    const heard: string[] = [];
    client.on('notification', (n) => heard.push(`${n.channel}:${n.payload}`));
    await client.query('LISTEN lotsa_jobs');
    try {
      await applyRecords(db, scope, fixture('snapshot.json').slice(0, 2), { now: NOW });
      await applyRecords(db, scope, fixture('snapshot.json').slice(0, 2), { now: NOW }); // unchanged: silent
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(heard, ['lotsa_jobs:dalarna']);
      assert.equal(await generation(), 1);
    } finally {
      await client.query('UNLISTEN *');
      client.release();
    }
  });
});
