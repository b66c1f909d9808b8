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

  private async fail(response: Response, what: string): Promise<never> {
    const text = (await response.text().catch(() => '')).slice(0, 300);
    throw new Error(`S3 ${what} failed: ${response.status} ${text}`);
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
    if (response.status === 404) {
      await response.arrayBuffer();
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
    if (!response.ok) return this.fail(response, `HEAD ${key}`);
    return true;
  }
}
