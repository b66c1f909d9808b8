import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { installNulGuard } from './nul-guard.ts';

/**
 * An upload's body carries its file as a Buffer (content/media/upload.ts). Walking it key by key
 * reads every byte as a property (a 15 MB photograph: some twenty seconds of the event loop, for
 * anyone signed in who may upload), and a byte is never text PostgreSQL would be given.
 */
describe('the guard against text PostgreSQL cannot store', () => {
  async function post(body: Record<string, unknown>) {
    const app = Fastify();
    installNulGuard(app);
    app.addContentTypeParser('application/x-test', (_request, _payload, done) => done(null, body));
    app.post('/', async () => 'ok');
    const res = await app.inject({
      method: 'POST',
      url: '/',
      payload: 'x',
      headers: { 'content-type': 'application/x-test' },
    });
    await app.close();
    return res;
  }

  it('refuses a text field holding NUL, also beside a file', async () => {
    const res = await post({ alt_sv: 'a\u0000b', file: Buffer.from([0, 1, 2]) });
    assert.equal(res.statusCode, 400);
  });

  it('refuses half a surrogate pair (a JSON body can carry one; jsonb cannot store it), and takes a whole one', async () => {
    assert.equal((await post({ name: 'Stål \ud800' })).statusCode, 400);
    assert.equal((await post({ list: ['ok', '\udc00 alone'] })).statusCode, 400);
    assert.equal((await post({ name: 'Skog 🌲' })).statusCode, 200);
  });

  it('takes a file whose bytes hold zeros, and never reads into them', async () => {
    const file = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]);
    let read = false;
    // A tripwire among the file's keys: only a walk through the file's own properties trips it.
    Object.defineProperty(file, 'tripwire', {
      enumerable: true,
      get: () => {
        read = true;
        return '';
      },
    });
    const res = await post({ alt_sv: 'Logotyp', file, pages: [new Uint8Array(8)] });
    assert.equal(res.statusCode, 200);
    assert.equal(read, false, 'the file is binary data, not text to look through');
  });
});
