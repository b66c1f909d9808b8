/**
 * An attacker's review of issue 9's ingestion fixes: one record must never stop ingestion for good,
 * however large it is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyRecords, scopeForRegion, type IngestScope } from '../../src/modules/jobs/ingest/apply.ts';
import { JobStreamClient } from '../../src/modules/jobs/ingest/client.ts';
import { runStream } from '../../src/modules/jobs/ingest/run.ts';
import { shippedRegions } from '../../src/modules/regions/service.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { fixture, startJobStreamReplay } from '../helpers/jobstream.ts';

const scope = scopeForRegion(shippedRegions().find((r) => r.id === 'dalarna')!) as IngestScope;
const CURSOR = new Date('2025-09-11T09:30:00Z');
const NOW = new Date('2025-09-12T10:00:00.250Z');

describe('attacker review: ingestion', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  const replay = await startJobStreamReplay();
  const client = new JobStreamClient({ baseUrl: replay.url, baseDelayMs: 1, attempts: 2 });

  it('a record larger than the reader holds (32 MiB) is skipped as malformed; the window is applied and the cursor moves', async () => {
    // Before: the reader threw for the whole window, every try and every run after it, so one
    // enormous ad held the stream cursor back for good (issue 9, finding 4, past the 1 MB cap).
    await applyRecords(db, scope, fixture('snapshot.json'), { now: NOW, kind: 'snapshot' });
    await db
      .updateTable('job_ingest_state')
      .set({ stream_cursor: CURSOR })
      .where('region_id', '=', 'dalarna')
      .execute();
    const records = fixture('stream.json');
    const huge = 'x'.repeat(33 * 1024 * 1024);
    records.splice(1, 0, {
      ...records[0],
      id: '30077777',
      description: { text: huge, text_formatted: huge },
    });
    // JobStream answers the same window with the same records, however often it is asked.
    replay.setDefault('/stream', { body: records });
    const result = await runStream(db, scope, client, { now: () => NOW });
    assert.equal(result.ok, true, result.error);
    assert.equal(result.counts.received, 9);
    assert.equal(result.counts.malformed, 1);
    const state = await db
      .selectFrom('job_ingest_state')
      .select('stream_cursor')
      .where('region_id', '=', 'dalarna')
      .executeTakeFirst();
    assert.equal(state?.stream_cursor?.toISOString(), '2025-09-12T10:00:00.000Z', 'the cursor moved on');
    const updated = await db
      .selectFrom('job_ads')
      .select('headline')
      .where('id', '=', '30016539')
      .executeTakeFirst();
    assert.equal(updated?.headline, 'Enhetschef till Avesta kommun (uppdaterad)');
  });
});
