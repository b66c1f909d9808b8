/**
 * Storage as files under one root directory (LOTSA_DATA_DIR/files by default). A write goes to a
 * temporary file beside its target and is renamed over it, so a reader sees the old object or the
 * whole new one. The content type is kept in a small `.type` file beside each object.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { bytesOf, checkKey, type Storage, type StoredObject } from './storage.ts';

export class FileStorage implements Storage {
  constructor(readonly root: string) {}

  /** The file of a key; never outside the root, whatever the key says. */
  private pathOf(key: string): string {
    const file = path.resolve(this.root, checkKey(key));
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error('storage key outside the root');
    return file;
  }

  async put(key: string, data: Uint8Array | Readable, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const bytes = await bytesOf(data);
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(`${temp}.type`, contentType);
      await rename(`${temp}.type`, `${file}.type`);
      await writeFile(temp, bytes);
      await rename(temp, file);
    } finally {
      await rm(temp, { force: true });
      await rm(`${temp}.type`, { force: true });
    }
  }

  async get(key: string): Promise<StoredObject | undefined> {
    const file = this.pathOf(key);
    try {
      const [info, type] = await Promise.all([stat(file), readFile(`${file}.type`, 'utf8')]);
      if (!info.isFile()) return undefined;
      return { body: createReadStream(file), length: info.size, contentType: type.trim() };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    await rm(`${file}.type`, { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }
}
