/**
 * A body too large for the form it is posted to is answered with the 413 page, on a real socket,
 * every time: the server reads the rest of the body instead of closing the connection under the
 * browser (which then shows "connection reset" instead of the answer).
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { multipart, noisePng } from '../../helpers/images.ts';

export interface WireAnswer {
  status: number;
  headers: string;
  body: string;
  /** Every byte of the request went out (the server did not close under the sender). */
  sentAll: boolean;
  error: string;
}

/**
 * Sends `head` and then `size` bytes of body (from `body`, repeated) the way a browser does —
 * writing while it reads — and returns the answer once it is complete and the body is all sent.
 */
export function postOverSocket(
  port: number,
  head: string,
  size: number,
  body: Buffer = Buffer.alloc(16384, 'a'),
): Promise<WireAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let sentAll = false;
    let error = '';
    let finished = false;
    const answer = (): WireAnswer | undefined => {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return undefined;
      const headers = received.subarray(0, end).toString('latin1');
      const length = Number(/^content-length: *(\d+)/im.exec(headers)?.[1] ?? Number.NaN);
      const content = received.subarray(end + 4);
      if (!(content.length >= length)) return undefined;
      return {
        status: Number(headers.slice(9, 12)),
        headers,
        body: content.subarray(0, length).toString('utf8'),
        sentAll,
        error,
      };
    };
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve(answer() ?? { status: 0, headers: '', body: received.toString('latin1'), sentAll, error });
    };
    socket.on('connect', async () => {
      socket.write(head);
      let sent = 0;
      while (sent < size && !socket.destroyed) {
        const piece = body.subarray(0, Math.min(body.length, size - sent));
        sent += piece.length;
        if (!socket.write(piece))
          await new Promise((r) => (socket.once('drain', r), socket.once('close', r)));
      }
      sentAll = sent >= size && !socket.destroyed;
      if (sentAll && answer()) finish();
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (sentAll && answer()) finish();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? 'error'));
    socket.on('close', finish);
  });
}

describe('a too-large form on the wire', async () => {
  const { app } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as net.AddressInfo).port;
  after(() => app.close());

  it('answers the 413 page in the person’s language, reliably, and keeps the connection usable', async () => {
    for (const [lang, size] of [
      ['sv', 300_000],
      ['en', 3_000_000],
      ['sv', 12_000_000],
      ['en', 12_000_000],
      ['sv', 12_000_000],
    ] as const) {
      const head =
        `POST /${lang}/accessibility/feedback HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${size}\r\n\r\n`;
      const answer = await postOverSocket(port, head, size);
      assert.equal(answer.status, 413, `${size} bytes: ${answer.error} ${answer.headers.slice(0, 80)}`);
      assert.equal(answer.error, '', `${size} bytes: no reset`);
      assert.ok(answer.sentAll, `${size} bytes: the whole body went out`);
      assert.match(answer.body, lang === 'sv' ? /För mycket innehåll/ : /Too much content/);
      assert.match(answer.headers, /content-type: text\/html/i);
    }
  });
});

describe('a too-large upload on the wire', async () => {
  const { app, database } = await buildTestApp({ MEDIA_MAX_BYTES: String(256 * 1024) }, undefined, {
    rateLimiter: unlimited,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as net.AddressInfo).port;
  after(() => app.close());
  const client = await formClient(app);
  const editor = await createPerson(db(), { role: 'region_editor', language: 'en' });
  const cookie = await sessionFor(db(), editor.accountId, { secondFactor: true });
  function db() {
    return database.db;
  }
  const headers = client.headers(cookie);
  const send = (payload: Buffer, contentType: string) =>
    postOverSocket(
      port,
      `POST /admin/media/new HTTP/1.1\r\nHost: localhost\r\nCookie: ${headers.cookie}\r\n` +
        `Origin: ${headers.origin}\r\nContent-Type: ${contentType}\r\nContent-Length: ${payload.length}\r\n\r\n`,
      payload.length,
      payload,
    );

  it('a file over the limit: the form again with the error by the field and the other fields kept', async () => {
    const png = await noisePng(400); // ≈ 480 kB: over 256 kB, under the request's own limit
    for (let i = 0; i < 3; i++) {
      const body = multipart(
        { _csrf: client.csrf.token, slug: 'stor-bild', alt_sv: 'Stor bild' },
        { name: 'x.png', type: 'image/png', bytes: png },
      );
      const answer = await send(body.payload, body.contentType);
      assert.equal(answer.status, 413, answer.headers.slice(0, 100));
      assert.equal(answer.error, '');
      assert.match(answer.body, /The file is larger than 0.3 MB/);
      assert.match(answer.body, /value="stor-bild"/);
      assert.match(answer.body, />Stor bild<\/textarea>/);
    }
  });

  it('a body far beyond any upload: the 413 page, every time, without a reset', async () => {
    // ≈ 1.8 MB: past the upload's own bound (2 × 256 kB + 1 MB), refused before it is read
    const png = await noisePng(780);
    for (let i = 0; i < 3; i++) {
      const body = multipart(
        { _csrf: client.csrf.token, slug: 'jattestor' },
        { name: 'x.png', type: 'image/png', bytes: png },
      );
      const answer = await send(body.payload, body.contentType);
      assert.equal(answer.status, 413, answer.headers.slice(0, 100));
      assert.equal(answer.error, '');
      assert.ok(answer.sentAll);
      assert.match(answer.body, /Too much content/);
    }
  });
});
