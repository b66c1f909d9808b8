/**
 * The JobTech ingestion never closes, overwrites or counts as missing an employer's own ad: a
 * stream record or removal naming it is skipped, a snapshot that does not list it leaves it open
 * (and does not count it towards the mass-close guard), and the expiry sweep of mirrored ads
 * passes it by (its own task closes it at its deadline).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scopeForRegion, type IngestScope } from '../../../src/modules/jobs/ingest/apply.ts';
import type { JobStreamClient } from '../../../src/modules/jobs/ingest/client.ts';
import { expireAds, runSnapshot } from '../../../src/modules/jobs/ingest/run.ts';
import { loadRegions } from '../../../src/modules/regions/repository.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { validAd } from './own-fixture.ts';

/** A JobStream stand-in whose snapshot is `records`. */
function snapshotOf(records: unknown[]): JobStreamClient {
  return {
    snapshot: async <T>(consume: (elements: AsyncIterable<unknown>) => Promise<T>) =>
      consume(
        (async function* () {
          yield* records;
        })(),
      ),
  } as unknown as JobStreamClient;
}

describe('own job ads and the JobTech ingestion', async () => {
  const { app, database } = await buildTestApp();
  const { db } = database;
  const client = await formClient(app);
  const member = await createPerson(db, { role: 'employer_member' });
  const cookie = await sessionFor(db, member.accountId);
  const region = (await loadRegions(db)).find((r) => r.id === 'dalarna')!;
  const scope = scopeForRegion(region) as IngestScope;

  const published = await client.postForm('/admin/jobs/new', cookie, validAd({ headline: 'Egen annons' }));
  assert.equal(published.statusCode, 303);
  const ownId = /own-[a-z0-9]{12}/.exec(String(published.headers.location))![0];
  const ownAd = () =>
    db
      .selectFrom('job_ads')
      .select(['status', 'closed_reason', 'headline', 'origin', 'organisation_id'])
      .where('id', '=', ownId)
      .executeTakeFirstOrThrow();
  const expected = { status: 'open', closed_reason: null, headline: 'Egen annons', origin: 'own' };
  const assertUntouched = async () => {
    const row = await ownAd();
    assert.deepEqual({ ...row, organisation_id: undefined }, { ...expected, organisation_id: undefined });
    assert.equal(row.organisation_id, member.organisationId);
  };

  it('skips stream records and removals that name an own ad', async () => {
    const now = new Date();
    const counts = await loadAds(
      db,
      [
        makeAd({ id: ownId, headline: 'Kapad rubrik', timestamp: now.getTime() + 60_000 }),
        { id: ownId, removed: true, removed_date: null, timestamp: now.getTime() + 120_000 },
        makeAd({ id: '9100001', headline: 'Speglad annons' }, now),
      ],
      now,
    );
    assert.equal(counts.skipped, 1);
    assert.equal(counts.written, 1);
    await assertUntouched();
    assert.equal((await app.inject({ url: `/sv/jobs/${ownId}` })).statusCode, 200);
  });

  it('leaves own ads open in a snapshot that does not list them, and out of the mass-close count', async () => {
    const now = new Date();
    await loadAds(
      db,
      ['9100002', '9100003', '9100004'].map((id) => makeAd({ id, headline: `Speglad ${id}` }, now)),
      now,
    );
    // Four mirrored ads held (9100001–4); the snapshot lists three of them and not the own ad. One
    // of four closing is within the 25 % guard only if the own ad is not counted as missing.
    const listed = ['9100001', '9100002', '9100003'].map((id) =>
      makeAd({ id, headline: `Speglad ${id}`, timestamp: now.getTime() }, now),
    );
    const [result] = await runSnapshot(db, [scope], snapshotOf(listed), {
      now: () => new Date(now.getTime() + 1000),
    });
    assert.equal(result?.ok, true, result?.error);
    assert.equal(result?.counts.closed, 1);
    const missing = await db
      .selectFrom('job_ads')
      .select(['id', 'closed_reason'])
      .where('status', '=', 'closed')
      .execute();
    assert.deepEqual(missing, [{ id: '9100004', closed_reason: 'missing' }]);
    await assertUntouched();
  });

  it('is passed by the expiry sweep of mirrored ads', async () => {
    const closed = await expireAds(db, { now: new Date(Date.now() + 400 * 86_400_000) });
    assert.equal(closed.get('dalarna'), 3);
    await assertUntouched();
  });

  it('cannot be written as a JobTech ad even by SQL that forgets the origin', async () => {
    await assert.rejects(
      db
        .updateTable('job_ads')
        .set({ origin: 'jobtech', organisation_id: null, created_by: null, updated_by: null })
        .where('id', '=', ownId)
        .execute(),
      /job_ads_own_id/,
    );
  });
});
