/**
 * Where files live (the media library's originals and renditions): a `Storage` with keys such as
 * `media/dalarna/<id>/640-ab12cd34ef.webp`. Two implementations: files under LOTSA_DATA_DIR (the
 * default, files.ts) and S3-compatible object storage (s3.ts), chosen by configuration.
 */
import path from 'node:path';
import type { Config } from '../config.ts';
import { FileStorage } from './files.ts';
import { S3Storage } from './s3.ts';
import type { Storage } from './storage.ts';

export type { Storage, StoredObject } from './storage.ts';
export { FileStorage, S3Storage };

/** The storage the configuration names: S3 when S3_BUCKET is set, else files under the data directory. */
export function storageFor(config: Pick<Config, 'dataDir' | 's3'>): Storage {
  if (config.s3) return new S3Storage(config.s3);
  return new FileStorage(path.join(config.dataDir, 'files'));
}
