/** `npx lotsa admin create`: makes or promotes a region admin and prints a working one-time link. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashSecret } from '../../../src/platform/auth/secrets.ts';
import { lotsaCli } from '../../helpers/cli.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import { createPerson } from '../../helpers/identity.ts';

describe('npx lotsa admin create', async () => {
  const database = await createTestDatabase();
  const lotsa = lotsaCli(database.url, {
    LOTSA_SEED_DEMO: 'false',
    PUBLIC_URL: 'https://dalarna.example',
  });
  const adminRole = async (email: string) =>
    (
      await database.db
        .selectFrom('memberships as m')
        .innerJoin('accounts as a', (j) =>
          j.onRef('a.region_id', '=', 'm.region_id').onRef('a.id', '=', 'm.account_id'),
        )
        .innerJoin('organisations as o', (j) =>
          j.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
        )
        .select(['m.role', 'o.kind'])
        .where('a.email', '=', email)
        .execute()
    ).map((r) => `${r.kind}:${r.role}`);

  it('creates an admin of the region and prints a one-time sign-in link that is stored only hashed', async () => {
    const run = await lotsa(
      'admin',
      'create',
      '--email',
      'First.Admin@Example.com',
      '--name',
      'Första Admin',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Created first\.admin@example\.com as admin of region dalarna/);
    const url = /https:\/\/dalarna\.example\/sv\/login\/link\/([A-Za-z0-9_-]{40,})/.exec(run.stdout);
    assert.ok(url, run.stdout);
    assert.match(run.stdout, /code \d{6}/);
    assert.deepEqual(await adminRole('first.admin@example.com'), ['region:admin']);
    const token = await database.db
      .selectFrom('login_tokens')
      .select(['token_hash', 'next_path', 'used_at'])
      .where('email', '=', 'first.admin@example.com')
      .executeTakeFirstOrThrow();
    assert.equal(token.token_hash, hashSecret(url[1] as string));
    assert.equal(token.next_path, '/admin');
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('action', '=', 'admin.created')
      .execute();
    assert.deepEqual(audit, [{ action: 'admin.created', actor_label: 'cli' }]);
  });

  it('promotes an existing person instead of creating a second account', async () => {
    const person = await createPerson(database.db, { email: 'talent@example.com' });
    const run = await lotsa('admin', 'create', '--email', 'talent@example.com', '--lang', 'en');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Promoted talent@example\.com/);
    assert.match(run.stdout, /\/en\/login\/link\//);
    assert.deepEqual(await adminRole('talent@example.com'), ['region:admin']);
    const accounts = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'talent@example.com')
      .execute();
    assert.deepEqual(accounts, [{ id: person.accountId }]);
  });

  it('refuses a bad address or a missing option with a message and exit code 2', async () => {
    const bad = await lotsa('admin', 'create', '--email', 'not-an-address');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Not a valid e-mail address/);
    const missing = await lotsa('admin', 'create');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--email is required/);
    const unknown = await lotsa('admin', 'make');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Usage: lotsa admin create/);
  });
});
