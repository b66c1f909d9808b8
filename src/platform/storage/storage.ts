/** The storage interface every implementation keeps, and what they share (key rules, reading a body). */
import type { Readable } from 'node:stream';

export interface StoredObject {
  body: Readable;
  length: number;
  contentType: string;
}

export interface Storage {
  /** Writes the whole object (readers never see half of one). */
  put(key: string, data: Uint8Array | Readable, contentType: string): Promise<void>;
  /** The object, or undefined when there is none under the key. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Removes the object; no error when it is not there. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Keys are short relative paths of plain segments: no `..`, no leading slash, no odd characters. */
const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

export function checkKey(key: string): string {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..')) {
    throw new Error(`invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
  }
  return key;
}

/** Reads a stream (or takes the bytes) into one buffer. */
export async function bytesOf(data: Uint8Array | Readable): Promise<Buffer> {
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const chunks: Buffer[] = [];
  for await (const chunk of data) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
