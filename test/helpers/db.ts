/** A fresh database for one test file, cloned from the run's migrated and seeded template. */
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import { openDatabase, type Database } from '../../src/platform/db/index.ts';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests with \`npm test\` (bin/test.js)`);
  return value;
}

/** Creates `<template>_<random>`, returns it open, and drops it when the file's tests end. */
export async function createTestDatabase(): Promise<Database & { url: string; name: string }> {
  const template = env('LOTSA_TEST_TEMPLATE');
  const adminUrl = env('LOTSA_TEST_ADMIN_URL');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = openDatabase(adminUrl, { max: 1 });
  await admin.pool.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase(url.href, { max: 5 });
  after(async () => {
    await database.close();
    const cleanup = openDatabase(adminUrl, { max: 1 });
    await cleanup.pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.close();
  });
  return Object.assign(database, { url: url.href, name });
}

/** Connection string of the server's admin database (for schema-from-empty tests). */
export function adminUrl(): string {
  return env('LOTSA_TEST_ADMIN_URL');
}

/** Runs `fn` while another session of `database` holds `table` locked: whatever reads it waits. */
export async function whileLocked<T>(
  database: Database,
  fn: () => Promise<T>,
  table = 'job_ads',
): Promise<T> {
  const client = await database.pool.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  try {
    return await fn();
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}
