/**
 * Storage in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, …), over signed HTTP requests
 * (AWS Signature Version 4, aws4fetch). Path-style URLs (`endpoint/bucket/key`) when
 * S3_FORCE_PATH_STYLE is set — what most self-hosted servers want — else virtual-hosted style
 * (`bucket.endpoint/key`).
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import type { S3Settings } from '../config.ts';
import { bytesOf, checkKey, type Storage, type StoredObject } from './storage.ts';

/** The `<Code>` of an S3 error answer (XML), if it has one. */
export function s3ErrorCode(body: string): string | undefined {
  return /<Code>([A-Za-z0-9.]{1,100})<\/Code>/.exec(body)?.[1];
}

/**
 * Whether an answer to a read of one object means it is not there: 404, or 403 AccessDenied — what
 * S3 answers for a missing key when the credentials may read objects but not list the bucket (no
 * s3:ListBucket), so a missing file looks forbidden. Any other 403 (a wrong key or signature, a
 * skewed clock) is a real failure.
 */
export function isMissingObject(status: number, code: string | undefined): boolean {
  return status === 404 || (status === 403 && code === 'AccessDenied');
}

export class S3Storage implements Storage {
  private readonly client: AwsClient;

  constructor(private readonly settings: S3Settings) {
    this.client = new AwsClient({
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      region: settings.region,
      service: 's3',
      retries: 2,
    });
  }

  private urlOf(key: string): string {
    const { endpoint, bucket, forcePathStyle } = this.settings;
    const encoded = checkKey(key).split('/').map(encodeURIComponent).join('/');
    const base = new URL(endpoint.href);
    if (forcePathStyle) {
      base.pathname = `${base.pathname.replace(/\/+$/, '')}/${encodeURIComponent(bucket)}/${encoded}`;
    } else {
      base.hostname = `${bucket}.${base.hostname}`;
      base.pathname = `${base.pathname.replace(/\/+$/, '')}/${encoded}`;
    }
    return base.href;
  }

  private async fail(response: Response, what: string, read?: string): Promise<never> {
    const text = (read ?? (await response.text().catch(() => ''))).slice(0, 300);
    throw new Error(`S3 ${what} failed: ${response.status} ${text}`);
  }

  /** A 403/404 answer to a read: true when it means a missing object, else it throws. */
  private async missing(response: Response, what: string): Promise<true> {
    const text = await response.text().catch(() => '');
    if (isMissingObject(response.status, s3ErrorCode(text))) return true;
    return this.fail(response, what, text);
  }

  async put(key: string, data: Uint8Array | Readable, contentType: string): Promise<void> {
    const body = await bytesOf(data);
    const response = await this.client.fetch(this.urlOf(key), {
      method: 'PUT',
      body: new Uint8Array(body),
      headers: { 'content-type': contentType, 'content-length': String(body.length) },
    });
    if (!response.ok) await this.fail(response, `PUT ${key}`);
    await response.arrayBuffer();
  }

  async get(key: string): Promise<StoredObject | undefined> {
    const response = await this.client.fetch(this.urlOf(key), { method: 'GET' });
    if (response.status === 404 || response.status === 403) {
      await this.missing(response, `GET ${key}`);
      return undefined;
    }
    if (!response.ok || !response.body) return this.fail(response, `GET ${key}`);
    return {
      body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      length: Number(response.headers.get('content-length') ?? 0),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    };
  }

  async delete(key: string): Promise<void> {
    const response = await this.client.fetch(this.urlOf(key), { method: 'DELETE' });
    if (!response.ok && response.status !== 404) await this.fail(response, `DELETE ${key}`);
    await response.arrayBuffer();
  }

  async exists(key: string): Promise<boolean> {
    const response = await this.client.fetch(this.urlOf(key), { method: 'HEAD' });
    if (response.status === 404) return false;
    if (response.status === 403) {
      // A HEAD answer has no body to say why: one byte of the object, asked for, says it.
      const probe = await this.client.fetch(this.urlOf(key), {
        method: 'GET',
        headers: { range: 'bytes=0-0' },
      });
      if (probe.ok) {
        await probe.arrayBuffer();
        return true;
      }
      await this.missing(probe, `HEAD ${key}`);
      return false;
    }
    if (!response.ok) return this.fail(response, `HEAD ${key}`);
    return true;
  }
}
