/**
 * A public image file that is not in the bucket is the 404 page, also when the bucket answers a
 * missing key with 403 AccessDenied (credentials that may read objects but not list the bucket,
 * as a least-privilege S3 policy gives) — never a 500.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';

describe('public media files from S3 without s3:ListBucket', async () => {
  const requests: string[] = [];
  const bucket = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(403, { 'content-type': 'application/xml' });
    response.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code></Error>');
  });
  await new Promise<void>((resolve) => bucket.listen(0, '127.0.0.1', resolve));
  after(() => bucket.close());
  const { app } = await buildTestApp({
    S3_ENDPOINT: `http://127.0.0.1:${(bucket.address() as AddressInfo).port}`,
    S3_BUCKET: 'lotsa-media',
    S3_REGION: 'eu-north-1',
    S3_ACCESS_KEY_ID: 'AKIA-TEST',
    S3_SECRET_ACCESS_KEY: 'secret',
    S3_FORCE_PATH_STYLE: 'true',
  });

  it('answers 404 for a file the bucket says is forbidden to read', async () => {
    const res = await app.inject('/media/0b6f1c1e-8a53-4d7c-9f8e-3c2b1a0d9e8f/640-0123456789.webp');
    assert.equal(res.statusCode, 404);
    assert.ok(
      requests.some((r) =>
        r.startsWith('GET /lotsa-media/media/dalarna/0b6f1c1e-8a53-4d7c-9f8e-3c2b1a0d9e8f/'),
      ),
      requests.join(', '),
    );
  });
});
