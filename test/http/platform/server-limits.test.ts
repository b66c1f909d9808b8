/**
 * What a client sees on the wire when it misbehaves below the router: a request that trickles in is
 * cut off with 408, a malformed or oversized request gets 400/431 — all with the same security
 * headers as every other answer. And a database that is the bottleneck sheds load like a busy loop.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { startLoadShedder } from '../../../src/platform/http/load-shedding.ts';

/** Sends `chunks` over one raw connection (one every `everyMs`) and returns what came back. */
function raw(port: number, chunks: string[], everyMs = 0): Promise<{ text: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const next = () => {
      if (sent >= chunks.length || socket.destroyed) return;
      socket.write(chunks[sent++] as string);
      timer = setTimeout(next, everyMs);
    };
    socket.on('connect', next);
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', (error) => (text ? undefined : reject(error)));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, sent });
    });
  });
}

const header = (text: string, name: string) => new RegExp(`^${name}: (.+)$`, 'im').exec(text)?.[1]?.trim();

describe('requests refused by the HTTP parser', async () => {
  const { app } = await buildTestApp({ REQUEST_TIMEOUT_MS: '1000' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as net.AddressInfo).port;
  after(() => app.close());

  it('a body that trickles in is cut off with 408 long before it is complete', async () => {
    const head =
      'POST /sv/accessibility/feedback HTTP/1.1\r\nHost: localhost\r\n' +
      'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n';
    // 600 bytes of the 60,000, one every 50 ms: 30 s if nothing cut it off.
    const { text, sent } = await raw(port, [head, ...Array<string>(600).fill('a')], 50);
    assert.match(text, /^HTTP\/1\.1 408 /);
    assert.ok(sent < 600, `the server closed the connection after ${sent} of 601 writes`);
    assert.equal(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).code, 'LOTSA_REQUEST_TIMEOUT');
  });

  it('headers that never end are cut off with 408', async () => {
    const { text, sent } = await raw(
      port,
      ['GET /sv/ HTTP/1.1\r\nHost: localhost\r\n', ...Array<string>(600).fill('X-A: b\r\n')],
      50,
    );
    assert.match(text, /^HTTP\/1\.1 408 /);
    assert.ok(sent < 600);
  });

  it('malformed and oversized requests get 400 and 431 with the security headers and our error shape', async () => {
    const cases: [string, number, string][] = [
      ['GET /sv/ HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n', 400, 'LOTSA_BAD_REQUEST'],
      ['GET /sv/ HTTP/9.9 nonsense\r\n\r\n', 400, 'LOTSA_BAD_REQUEST'],
      [
        `GET /sv/ HTTP/1.1\r\nHost: localhost\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`,
        431,
        'LOTSA_HEADERS_TOO_LARGE',
      ],
    ];
    for (const [request, status, code] of cases) {
      const { text } = await raw(port, [request]);
      assert.match(text, new RegExp(`^HTTP/1\\.1 ${status} `), JSON.stringify(request.slice(0, 40)));
      assert.match(header(text, 'content-security-policy') ?? '', /default-src 'self'/);
      assert.equal(header(text, 'x-content-type-options'), 'nosniff');
      assert.equal(header(text, 'x-frame-options'), 'DENY');
      assert.ok(header(text, 'strict-transport-security'));
      assert.equal(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).code, code);
    }
  });
});

describe('shedding load when the database is the bottleneck', () => {
  it('sheds while many queries wait for a database connection, and stops when the queue drains', async () => {
    const pool = { waitingCount: 100 };
    const shedder = startLoadShedder({ maxEventLoopDelayMs: 60_000, pool, maxDbWaiting: 40, sampleMs: 50 });
    after(() => shedder.stop());
    for (let i = 0; i < 40 && !shedder.overloaded; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(shedder.overloaded, true);
    pool.waitingCount = 0;
    for (let i = 0; i < 40 && shedder.overloaded; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(shedder.overloaded, false);
  });

  it('keeps answering /healthz while shedding everything else', async () => {
    const { app } = await buildTestApp({ MAX_EVENT_LOOP_DELAY_MS: '10' });
    let page = await app.inject('/sv/');
    let health = await app.inject('/healthz');
    for (let i = 0; i < 30 && page.statusCode !== 503; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const busy = Date.now() + 150;
      while (Date.now() < busy) {
        // block the event loop until the sampler sees it
      }
      page = await app.inject('/sv/');
      health = await app.inject('/healthz');
    }
    assert.equal(page.statusCode, 503);
    assert.equal(health.statusCode, 200);
  });
});
