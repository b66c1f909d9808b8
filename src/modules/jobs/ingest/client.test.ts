import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixture, startJobStreamReplay } from '../../../../test/helpers/jobstream.ts';
import { JobStreamClient, JobStreamError, parseRetryAfter, type JobStreamClientOptions } from './client.ts';

const WINDOW = {
  date: '2025-09-11T11:00:00',
  updatedBefore: '2025-09-12T12:00:00',
  locationConceptIds: ['oDpK_oZ2_WYt'],
};

async function setup(options: JobStreamClientOptions = {}) {
  const replay = await startJobStreamReplay();
  const waits: number[] = [];
  const client = new JobStreamClient({
    baseUrl: `${replay.url}/`,
    baseDelayMs: 10,
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
  return { replay, client, waits };
}

describe('JobStreamClient: requests and Retry-After', () => {
  it('asks for a window with the documented parameters and headers', async () => {
    const { replay, client } = await setup({ apiKey: 'k-123' });
    replay.script('/stream', { fixture: 'stream.json' });
    const records = await client.stream(WINDOW);
    assert.deepEqual(records, fixture('stream.json'));
    const [request] = replay.requests;
    assert.equal(request?.path, '/stream');
    assert.equal(request?.query.get('date'), '2025-09-11T11:00:00');
    assert.equal(request?.query.get('updated-before-date'), '2025-09-12T12:00:00');
    assert.deepEqual(request?.query.getAll('location-concept-id'), ['oDpK_oZ2_WYt']);
    assert.equal(request?.headers.accept, 'application/json');
    assert.equal(request?.headers['api-key'], 'k-123');
    assert.match(String(request?.headers['user-agent']), /^Lotsa/);
  });

  it('sends no api-key header without a key', async () => {
    const { replay, client } = await setup();
    await client.stream(WINDOW);
    assert.equal(replay.requests[0]?.headers['api-key'], undefined);
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    const { replay, client, waits } = await setup();
    replay.script(
      '/stream',
      { status: 429, headers: { 'retry-after': '7' }, body: { message: 'slow down' } },
      { fixture: 'stream.json' },
    );
    assert.equal((await client.stream(WINDOW)).length, 8);
    assert.deepEqual(waits, [7000]);
    assert.equal(replay.requests.length, 2);
  });

  it('really sleeps for Retry-After without an injected sleep', async () => {
    const replay = await startJobStreamReplay();
    const client = new JobStreamClient({ baseUrl: replay.url, baseDelayMs: 10 });
    replay.script('/stream', { status: 429, headers: { 'retry-after': '1' } }, { body: [] });
    const started = Date.now();
    assert.deepEqual(await client.stream(WINDOW), []);
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  });

  it('caps a long Retry-After (seconds or HTTP date)', async () => {
    const { replay, client, waits } = await setup({ maxDelayMs: 5000 });
    const inTenMinutes = new Date(Date.now() + 600_000).toUTCString();
    replay.script(
      '/stream',
      { status: 429, headers: { 'retry-after': '3600' } },
      { status: 503, headers: { 'retry-after': inTenMinutes } },
      { body: [] },
    );
    await client.stream(WINDOW);
    assert.deepEqual(waits, [5000, 5000]);
  });
});

describe('JobStreamClient: retries and failures', () => {
  it('backs off exponentially after 5xx, then succeeds', async () => {
    const { replay, client, waits } = await setup();
    replay.script('/stream', { status: 500 }, { status: 502 }, { status: 503 }, { fixture: 'stream.json' });
    assert.equal((await client.stream(WINDOW)).length, 8);
    assert.deepEqual(waits, [10, 20, 40]);
  });

  it('fails with a clear error after the last attempt', async () => {
    const { replay, client } = await setup({ attempts: 3 });
    replay.setDefault('/stream', { status: 500 });
    await assert.rejects(client.stream(WINDOW), (error: unknown) => {
      assert.ok(error instanceof JobStreamError);
      assert.equal(error.status, 500);
      assert.match(error.message, /GET \/stream failed after 3 attempt\(s\): JobStream answered 500/);
      return true;
    });
    assert.equal(replay.requests.length, 3);
  });

  it('does not retry a 400 or 401', async () => {
    const { replay, client } = await setup();
    replay.script('/stream', { status: 400, body: { message: 'bad date' } });
    await assert.rejects(client.stream(WINDOW), /answered 400/);
    replay.script('/stream', { status: 401 });
    await assert.rejects(client.stream(WINDOW), /answered 401 \(check JOBTECH_API_KEY\)/);
    assert.equal(replay.requests.length, 2);
  });

  it('re-fetches a body that is cut off or not JSON, never returning part of it', async () => {
    const { replay, client } = await setup();
    const full = JSON.stringify(fixture('stream.json'));
    replay.script(
      '/stream',
      { fixture: 'stream.json', truncateAt: Math.floor(full.length / 2) },
      { fixture: 'stream.json', dropAfter: 5000 },
      { body: '<html>Bad gateway</html>' },
      { body: '{"not":"an array"}' },
      { fixture: 'stream.json' },
    );
    assert.deepEqual(await client.stream(WINDOW), fixture('stream.json'));
    assert.equal(replay.requests.length, 5);
  });

  it('retries when the connection fails or stalls', async () => {
    const { replay, client, waits } = await setup({ idleTimeoutMs: 100 });
    replay.script('/stream', { delayMs: 400, body: [] }, { body: [{ id: '1' }] });
    assert.deepEqual(await client.stream(WINDOW), [{ id: '1' }]);
    assert.equal(waits.length, 1);

    await replay.close();
    const refused = new JobStreamClient({ baseUrl: replay.url, attempts: 2, baseDelayMs: 1 });
    await assert.rejects(refused.stream(WINDOW), /failed after 2 attempt\(s\): network error/);
  });

  it('gives up with a clear error when a server trickles bytes forever', { timeout: 20_000 }, async () => {
    // One byte every 20 ms never trips the idle timeout; only the overall deadline ends it.
    const { replay, client } = await setup({ idleTimeoutMs: 5_000, deadlineMs: 400 });
    replay.script('/stream', { trickleMs: 20 });
    replay.script('/snapshot', { trickleMs: 20 });
    await assert.rejects(client.stream(WINDOW), (error: unknown) => {
      assert.ok(error instanceof JobStreamError);
      assert.match(error.message, /GET \/stream did not finish within 400 ms/);
      return true;
    });
    await assert.rejects(
      client.snapshot(async (elements) => {
        for await (const _ of elements) {
          // nothing
        }
      }),
      /GET \/snapshot did not finish within 400 ms/,
    );
  });
});

describe('JobStreamClient: snapshots and Retry-After parsing', () => {
  it('streams the snapshot element by element and starts again after a cut-off download', async () => {
    const { replay, client } = await setup();
    replay.script(
      '/snapshot',
      { fixture: 'snapshot.json', dropAfter: 30_000 },
      { fixture: 'snapshot.json', chunkSize: 777 },
    );
    let calls = 0;
    const ids = await client.snapshot(async (elements) => {
      calls++;
      const seen: string[] = [];
      for await (const element of elements) seen.push(String((element as { id: unknown }).id));
      return seen;
    });
    assert.equal(calls, 2);
    assert.deepEqual(
      ids,
      fixture('snapshot.json').map((r) => String(r.id)),
    );
  });

  it('does not retry when the consumer itself fails', async () => {
    const { replay, client } = await setup();
    await assert.rejects(
      client.snapshot(async () => {
        throw new RangeError('database is gone');
      }),
      /database is gone/,
    );
    assert.equal(replay.requests.length, 1);
  });

  it('parses Retry-After', () => {
    assert.equal(parseRetryAfter('120'), 120_000);
    assert.equal(parseRetryAfter(null), null);
    assert.equal(parseRetryAfter('soon'), null);
    assert.equal(
      parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', Date.parse('2026-11-26T10:00:00Z')),
      30_000,
    );
    assert.equal(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', Date.parse('2026-11-26T10:00:00Z')), 0);
  });
});
