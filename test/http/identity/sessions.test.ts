/** Sessions end after the idle timeout and at the absolute end, whatever the browser still holds. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { hashSecret } from '../../../src/platform/auth/secrets.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';

describe('session timeouts', async () => {
  const { app, database } = await buildTestApp({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '24' });
  const db = database.db;
  const me = (cookie: string) => app.inject({ method: 'GET', url: '/sv/me', headers: { cookie } });
  const tokenHash = (cookie: string) => hashSecret(cookie.split('=')[1] as string);

  it('a session in use keeps working and records when it was last seen', async () => {
    const person = await createPerson(db);
    const cookie = await sessionFor(db, person.accountId);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: sql`now() - interval '10 minutes'` })
      .where('token_hash', '=', tokenHash(cookie))
      .execute();
    assert.equal((await me(cookie)).statusCode, 200);
    const row = await db
      .selectFrom('sessions')
      .select(sql<number>`extract(epoch from now() - last_seen_at)`.as('idle'))
      .where('token_hash', '=', tokenHash(cookie))
      .executeTakeFirstOrThrow();
    assert.ok(Number(row.idle) < 60, 'last seen was moved to now');
  });

  it('a session idle for longer than SESSION_IDLE_MINUTES sends the person to sign in again', async () => {
    const person = await createPerson(db);
    const cookie = await sessionFor(db, person.accountId);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: sql`now() - interval '31 minutes'` })
      .where('token_hash', '=', tokenHash(cookie))
      .execute();
    const res = await me(cookie);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sv/login?next=%2Fsv%2Fme');
  });

  it('a session past its absolute end is over even when it was just used', async () => {
    const person = await createPerson(db);
    const cookie = await sessionFor(db, person.accountId);
    await db
      .updateTable('sessions')
      .set({ expires_at: sql`now() - interval '1 second'`, last_seen_at: sql`now()` })
      .where('token_hash', '=', tokenHash(cookie))
      .execute();
    assert.equal((await me(cookie)).statusCode, 303);
  });

  it('a session of another region, or a made-up token, is nobody', async () => {
    assert.equal((await me('lotsa_session=made-up-token-made-up-token-made-up')).statusCode, 303);
    assert.equal((await me('lotsa_session=short')).statusCode, 303);
  });

  it('the API answers 401 with a JSON error, not a redirect', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/organisation',
      headers: { cookie: 'lotsa_session=made-up-token-made-up-token-made-up' },
    });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, 'LOTSA_UNAUTHENTICATED');
  });
});
