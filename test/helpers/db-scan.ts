/**
 * Erasure checks: which columns of which tables still hold a string. Every text, character, json,
 * array, bytea and tsvector column of every table in the public schema is searched (any case), so a
 * table added later is scanned without anyone remembering it.
 */
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';

/** `table.column` for every column holding `needle`. */
export async function tablesHolding(db: Kysely<DB>, needle: string): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')
           or c.udt_name = 'tsvector')`.execute(db);
  assert.ok(columns.rows.length > 40, 'the scan sees the schema');
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns.rows) {
    const hit = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}
      where position(lower(${needle}) in lower(${sql.ref(column)}::text)) > 0`.execute(db);
    if (Number(hit.rows[0]?.n) > 0) found.push(`${table}.${column}`);
  }
  return found;
}
