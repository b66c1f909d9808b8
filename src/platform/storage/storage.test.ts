/**
 * Both storages keep the same promises: what was put comes back with its type and length, a missing
 * key is undefined, delete removes it, and a key cannot reach outside the root. The S3 storage is
 * run against a real S3-compatible server (s3rver) on a local port, over signed requests (s3rver
 * checks the access key of each, not the Version 4 signature itself).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import S3rver from 's3rver';
import { loadConfig } from '../config.ts';
import { FileStorage, S3Storage, storageFor, type Storage } from './index.ts';
import { isMissingObject, s3ErrorCode } from './s3.ts';
import { bytesOf } from './storage.ts';

async function roundTrip(storage: Storage): Promise<void> {
  const bytes = Buffer.from('GIF89a not really, but bytes all the same');
  assert.equal(await storage.get('media/dalarna/x/none.jpg'), undefined);
  assert.equal(await storage.exists('media/dalarna/x/none.jpg'), false);
  await storage.put('media/dalarna/abc/640-0123456789.webp', bytes, 'image/webp');
  await storage.put(
    'media/dalarna/abc/from-stream.txt',
    Readable.from([Buffer.from('one '), Buffer.from('two')]),
    'text/plain',
  );
  assert.equal(await storage.exists('media/dalarna/abc/640-0123456789.webp'), true);
  const got = await storage.get('media/dalarna/abc/640-0123456789.webp');
  assert.ok(got);
  assert.equal(got.contentType, 'image/webp');
  assert.equal(got.length, bytes.length);
  assert.deepEqual(await bytesOf(got.body), bytes);
  const text = await storage.get('media/dalarna/abc/from-stream.txt');
  assert.equal((await bytesOf(text!.body)).toString(), 'one two');
  await storage.put('media/dalarna/abc/640-0123456789.webp', Buffer.from('new'), 'image/webp');
  assert.equal(
    (await bytesOf((await storage.get('media/dalarna/abc/640-0123456789.webp'))!.body)).toString(),
    'new',
  );
  await storage.delete('media/dalarna/abc/640-0123456789.webp');
  await storage.delete('media/dalarna/abc/640-0123456789.webp');
  assert.equal(await storage.exists('media/dalarna/abc/640-0123456789.webp'), false);
  for (const bad of ['../etc/passwd', '/etc/passwd', 'media/../../x', 'media//x', 'media/x y', '']) {
    await assert.rejects(storage.put(bad, Buffer.from('x'), 'text/plain'), /invalid storage key/, bad);
    await assert.rejects(storage.get(bad), /invalid storage key/, bad);
  }
}

describe('file storage', () => {
  it('round-trips objects under its root, atomically, and refuses keys that leave it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'media-files-'));
    await roundTrip(new FileStorage(root));
    const left = readdirSync(path.join(root, 'media/dalarna/abc'));
    assert.ok(!left.some((f) => f.endsWith('.tmp')), `no temporary files left: ${left.join(', ')}`);
  });

  it('is the default storage, under the data directory', () => {
    const config = loadConfig({ LOTSA_DATA_DIR: '/srv/lotsa' });
    const storage = storageFor(config);
    assert.ok(storage instanceof FileStorage);
    assert.equal(storage.root, '/srv/lotsa/files');
  });
});

describe('S3 storage against a local S3-compatible server', async () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'media-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: 'lotsa-media', configs: [] }],
  });
  const { port } = await server.run();
  after(() => server.close());
  const env = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: 'lotsa-media',
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  };

  it('round-trips objects with signed requests', async () => {
    const storage = storageFor(loadConfig(env));
    assert.ok(storage instanceof S3Storage);
    await roundTrip(storage);
  });

  it('fails loudly with a wrong secret (the server knows no such access key)', async () => {
    const storage = storageFor(
      loadConfig({ ...env, S3_ACCESS_KEY_ID: 'SOMEONE-ELSE', S3_SECRET_ACCESS_KEY: 'wrong-secret' }),
    );
    await assert.rejects(
      storage.put('media/x.txt', Buffer.from('x'), 'text/plain'),
      /S3 PUT media\/x\.txt failed: 403/,
    );
  });

  it('refuses half a configuration, naming the missing variable', () => {
    assert.throws(() => loadConfig({ S3_BUCKET: 'lotsa-media' }), /S3_ENDPOINT must be set too/);
    assert.throws(
      () => loadConfig({ ...env, S3_SECRET_ACCESS_KEY: ' ' }),
      /S3_SECRET_ACCESS_KEY must be set too/,
    );
    assert.throws(() => loadConfig({ S3_FORCE_PATH_STYLE: 'true' }), /S3_FORCE_PATH_STYLE is set/);
    assert.throws(() => loadConfig({ ...env, S3_ENDPOINT: 'ftp://x' }), /S3_ENDPOINT must use/);
  });
});

/** An S3 error answer as the service writes it. */
const s3Error = (code: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>x</Message><RequestId>1</RequestId></Error>`;

describe('S3 storage: a missing object behind credentials that may not list the bucket', async () => {
  // What AWS S3 answers without s3:ListBucket: 403 AccessDenied for a key that is not there (and a
  // HEAD's 403 without a body). A wrong signature is 403 too, with its own code.
  const server = createServer((request, response) => {
    const denied = request.url?.includes('/missing') ? 'AccessDenied' : 'SignatureDoesNotMatch';
    response.writeHead(403, { 'content-type': 'application/xml' });
    response.end(request.method === 'HEAD' ? undefined : s3Error(denied));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => server.close());
  const storage = storageFor(
    loadConfig({
      S3_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      S3_BUCKET: 'lotsa-media',
      S3_REGION: 'eu-north-1',
      S3_ACCESS_KEY_ID: 'AKIA-TEST',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    }),
  );

  it('reads a 403 AccessDenied as not there, for get and exists', async () => {
    assert.equal(await storage.get('media/dalarna/missing/640-0123456789.webp'), undefined);
    assert.equal(await storage.exists('media/dalarna/missing/640-0123456789.webp'), false);
  });

  it('still fails loudly on any other 403 (a wrong signature)', async () => {
    await assert.rejects(
      storage.get('media/dalarna/x/a.webp'),
      /S3 GET media\/dalarna\/x\/a\.webp failed: 403/,
    );
    await assert.rejects(
      storage.exists('media/dalarna/x/a.webp'),
      /S3 HEAD media\/dalarna\/x\/a\.webp failed: 403/,
    );
  });

  it('maps the status and error code', () => {
    assert.equal(s3ErrorCode(s3Error('AccessDenied')), 'AccessDenied');
    assert.equal(s3ErrorCode('not xml'), undefined);
    assert.equal(isMissingObject(404, undefined), true);
    assert.equal(isMissingObject(403, 'AccessDenied'), true);
    assert.equal(isMissingObject(403, 'SignatureDoesNotMatch'), false);
    assert.equal(isMissingObject(403, undefined), false);
    assert.equal(isMissingObject(500, 'AccessDenied'), false);
  });
});
