import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts, seedOrganisations } from './seed.ts';

describe('identity seed', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  it('gives every region its own organisation and one per municipality, once', async () => {
    await seedOrganisations(db);
    await seedOrganisations(db);
    const kinds = await db
      .selectFrom('organisations')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('region_id', '=', 'dalarna')
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    assert.deepEqual(kinds, [
      { kind: 'municipality', n: 15 },
      { kind: 'region', n: 1 },
    ]);
  });

  it('seeds one demo account per role (and a talent), safe to repeat', async () => {
    await seedDemoAccounts(db, 'dalarna');
    await seedDemoAccounts(db, 'dalarna');
    const rows = await db
      .selectFrom('accounts as a')
      .leftJoin('memberships as m', (j) =>
        j.onRef('m.region_id', '=', 'a.region_id').onRef('m.account_id', '=', 'a.id'),
      )
      .leftJoin('organisations as o', (j) =>
        j.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
      )
      .select(['a.email', 'm.role', 'o.kind', 'o.name'])
      .where('a.region_id', '=', 'dalarna')
      .orderBy('a.email')
      .execute();
    assert.equal(rows.length, DEMO_ACCOUNTS.length);
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    assert.deepEqual(
      [...new Set(rows.map((r) => r.role))].sort(),
      [
        'admin',
        'course_provider',
        'employer_admin',
        'employer_member',
        'municipality_editor',
        'navigator',
        'region_editor',
        null,
      ].sort(),
    );
    assert.equal(byEmail.get('kommun@example.org')?.name, 'Falu kommun');
    assert.equal(byEmail.get('hr@example.org')?.kind, 'employer');
    assert.equal(byEmail.get('talang@example.org')?.role, null);
  });
});
