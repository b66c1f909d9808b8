/**
 * API tokens: created in the back-office (shown once, stored only as a hash, scopes limited to the
 * creator's role, 422 keeping input), used against the JSON API (organisation, members without
 * e-mail addresses, audit events with keyset paging and 400 for bad parameters), last use shown,
 * revoked (401 afterwards; another organisation's token is 404), made-up tokens refused, and a
 * cross-site POST refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { hashSecret } from '../../../src/platform/auth/secrets.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';

describe('API tokens and the organisation API', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;

  const exempel = await createOrganisation(db, { name: 'Exempelbolaget AB' });
  const other = await createOrganisation(db, { name: 'Annat Bolag AB' });
  const boss = await createPerson(db, { role: 'employer_admin', organisationId: exempel, language: 'en' });
  await db
    .updateTable('accounts')
    .set({ display_name: 'Erik Employer' })
    .where('id', '=', boss.accountId)
    .execute();
  const member = await createPerson(db, {
    role: 'employer_member',
    organisationId: exempel,
    email: 'maja@exempel.example',
  });
  await db
    .updateTable('accounts')
    .set({ display_name: 'Maja Medarbetare' })
    .where('id', '=', member.accountId)
    .execute();
  const otherBoss = await createPerson(db, { role: 'employer_admin', organisationId: other, language: 'sv' });
  const bossSession = await sessionFor(db, boss.accountId);
  const otherSession = await sessionFor(db, otherBoss.accountId);
  const memberSession = await sessionFor(db, member.accountId);

  const { postForm: post } = await formClient(app);
  const bearer = (url: string, token: string) =>
    app.inject({ url, headers: { authorization: `Bearer ${token}` } });
  const createdToken = (body: string) => /value="(lotsa_[A-Za-z0-9_-]+)"/.exec(body)?.[1] ?? '';
  const tokenRow = (name: string) =>
    db.selectFrom('api_tokens').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const rowOf = (body: string, name: string) =>
    body.split('<tr>').find((row) => row.includes(`<th scope="row">${name}</th>`)) ?? '';

  let readToken = '';
  let auditToken = '';

  it('creates a token, shows it once and stores only its hash', async () => {
    const res = await post('/admin/tokens', bossSession, { name: 'Lönesystemet', scopes: 'OrgRead' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    readToken = createdToken(res.body);
    assert.match(readToken, /^lotsa_[A-Za-z0-9_-]{43}$/);
    assert.match(res.body, /shown only this once/);

    const row = await tokenRow('Lönesystemet');
    assert.equal(row.token_hash, hashSecret(readToken));
    assert.equal(row.prefix, readToken.slice(0, 10));
    assert.deepEqual(row.permissions, ['OrgRead']);
    assert.equal(row.organisation_id, exempel);
    assert.equal(row.created_by, boss.accountId);
    const stored = JSON.stringify(await db.selectFrom('api_tokens').selectAll().execute());
    assert.ok(!stored.includes(readToken), 'the token itself is nowhere in the table');

    const event = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'api_token.created')
      .executeTakeFirstOrThrow();
    assert.equal(event.organisation_id, exempel);
    assert.equal(event.subject_id, row.id);
    assert.equal(event.actor_id, boss.accountId);

    const list = await app.inject({ url: '/admin/tokens', headers: { cookie: bossSession } });
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(readToken), 'not shown again');
    const listed = rowOf(list.body, 'Lönesystemet');
    assert.match(listed, new RegExp(`<code>${row.prefix}…</code>`));
    assert.match(listed, /Read the organisation and its members/);
    assert.match(listed, /by Erik Employer/);
    assert.match(listed, /<td>Never<\/td>/);

    const both = await post('/admin/tokens', bossSession, {
      name: 'Revisorn',
      scopes: ['OrgRead', 'AuditRead'],
    });
    assert.equal(both.statusCode, 200);
    auditToken = createdToken(both.body);
    assert.deepEqual((await tokenRow('Revisorn')).permissions, ['OrgRead', 'AuditRead']);
  });

  it('refuses a bad form with 422 and keeps what was typed', async () => {
    const empty = await post('/admin/tokens', bossSession, { name: '  ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /class="error-summary"/);
    assert.match(empty.body, /id="token-name-error"/);
    assert.match(empty.body, /id="scopes-error"/);

    const long = 'Ö'.repeat(81);
    const tooLong = await post('/admin/tokens', bossSession, { name: long, scopes: 'AuditRead' });
    assert.equal(tooLong.statusCode, 422);
    assert.ok(tooLong.body.includes(`value="${long}"`), 'the name is kept');
    assert.match(tooLong.body, /value="AuditRead" checked/, 'the ticked scope stays ticked');
    assert.match(tooLong.body, /at most 80 characters/);

    const forged = await post('/admin/tokens', bossSession, {
      name: 'Gud',
      scopes: ['OrgRead', 'OrgsManage'],
    });
    assert.equal(forged.statusCode, 422);
    assert.match(forged.body, /only give the token permissions your own role has/);
    const names = (await db.selectFrom('api_tokens').select('name').execute()).map((r) => r.name);
    assert.deepEqual(names.sort(), ['Lönesystemet', 'Revisorn']);
  });

  it('a token reads its organisation and members (without e-mail addresses)', async () => {
    const org = await bearer('/api/v1/organisation', readToken);
    assert.equal(org.statusCode, 200);
    const body = org.json() as Record<string, unknown>;
    assert.equal(body.id, exempel);
    assert.equal(body.name, 'Exempelbolaget AB');
    assert.equal(body.kind, 'employer');
    assert.match(String(body.org_number), /^[0-9]{10}$/);

    const members = await bearer('/api/v1/organisation/members', readToken);
    assert.equal(members.statusCode, 200);
    const items = (members.json() as { items: { name: string; role: string }[] }).items;
    assert.deepEqual(
      items.map((m) => [m.name, m.role]),
      [
        ['Erik Employer', 'employer_admin'],
        ['Maja Medarbetare', 'employer_member'],
      ],
    );
    assert.doesNotMatch(members.body, /@/);

    // The same routes work for a signed-in member with the session cookie.
    const bySession = await app.inject({ url: '/api/v1/organisation', headers: { cookie: memberSession } });
    assert.equal(bySession.statusCode, 200);
    assert.equal((bySession.json() as { id: string }).id, exempel);
  });

  it('shows when a token was last used', async () => {
    const list = await app.inject({ url: '/admin/tokens', headers: { cookie: bossSession } });
    const used = rowOf(list.body, 'Lönesystemet');
    assert.doesNotMatch(used, /<td>Never<\/td>/);
    const today = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Stockholm',
      dateStyle: 'long',
    }).format(new Date());
    assert.ok(used.includes(`<td>${today}</td>`));
    assert.match(rowOf(list.body, 'Revisorn'), /<td>Never<\/td>/);
    assert.ok((await tokenRow('Lönesystemet')).last_used_at);
  });

  it('the audit API needs AuditRead, pages by id and names bad parameters', async () => {
    const denied = await bearer('/api/v1/audit', readToken);
    assert.equal(denied.statusCode, 403);
    assert.equal((denied.json() as { code: string }).code, 'LOTSA_FORBIDDEN');

    const all = await bearer('/api/v1/audit', auditToken);
    assert.equal(all.statusCode, 200);
    const page = all.json() as {
      items: {
        id: number;
        action: string;
        actor: { type: string; name: string };
        subject: { type: string };
      }[];
      next_before: number | null;
    };
    assert.deepEqual(
      page.items.map((e) => e.action),
      ['api_token.created', 'api_token.created'],
    );
    assert.deepEqual(page.items[0]?.actor, { type: 'account', id: boss.accountId, name: 'Erik Employer' });
    assert.equal(page.items[0]?.subject.type, 'api_token');
    assert.equal(page.next_before, null);

    const first = (await bearer('/api/v1/audit?limit=1', auditToken)).json() as typeof page;
    assert.equal(first.items.length, 1);
    assert.equal(first.next_before, first.items[0]?.id);
    const second = (
      await bearer(`/api/v1/audit?limit=1&before=${first.next_before}`, auditToken)
    ).json() as typeof page;
    assert.equal(second.items.length, 1);
    assert.ok((second.items[0]?.id ?? 0) < (first.items[0]?.id ?? 0));

    for (const bad of ['limit=0', 'limit=101', 'limit=abc', 'limit=1&limit=2']) {
      const res = await bearer(`/api/v1/audit?${bad}`, auditToken);
      assert.equal(res.statusCode, 400, bad);
      const error = res.json() as { code: string; fields: Record<string, string> };
      assert.equal(error.code, 'LOTSA_BAD_REQUEST');
      assert.ok(error.fields.limit, `fields.limit for ${bad}`);
    }
    const unknown = await bearer('/api/v1/audit?before=-1&colour=red', auditToken);
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(Object.keys((unknown.json() as { fields: object }).fields).sort(), ['before', 'colour']);
  });

  it('refuses made-up tokens and revoked ones with 401', async () => {
    const madeUp = await bearer('/api/v1/organisation', `lotsa_${'A'.repeat(43)}`);
    assert.equal(madeUp.statusCode, 401);
    assert.equal((madeUp.json() as { code: string }).code, 'LOTSA_UNAUTHENTICATED');
    const notOurs = await bearer('/api/v1/organisation', 'something-else');
    assert.equal(notOurs.statusCode, 401);
    const none = await app.inject({ url: '/api/v1/organisation' });
    assert.equal(none.statusCode, 401);

    const row = await tokenRow('Lönesystemet');
    const revoke = await post(`/admin/tokens/${row.id}/revoke`, bossSession, {});
    assert.equal(revoke.statusCode, 303);
    assert.equal(revoke.headers.location, `/admin/tokens?revoked=${row.id}`);
    assert.ok((await tokenRow('Lönesystemet')).revoked_at);
    assert.equal((await auditActions(db))[0], 'api_token.revoked');

    const after = await bearer('/api/v1/organisation', readToken);
    assert.equal(after.statusCode, 401);

    const list = await app.inject({ url: revoke.headers.location, headers: { cookie: bossSession } });
    assert.match(list.body, /The token “Lönesystemet” is revoked/);
    assert.match(rowOf(list.body, 'Lönesystemet'), /Revoked /);
  });

  it('another organisation’s token cannot be revoked (404), nor seen', async () => {
    const theirs = await tokenRow('Revisorn');
    const res = await post(`/admin/tokens/${theirs.id}/revoke`, otherSession, {});
    assert.equal(res.statusCode, 404);
    assert.equal((await tokenRow('Revisorn')).revoked_at, null);
    const list = await app.inject({ url: '/admin/tokens', headers: { cookie: otherSession } });
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /Revisorn|Lönesystemet/);
    const garbage = await post('/admin/tokens/not-a-uuid/revoke', otherSession, {});
    assert.equal(garbage.statusCode, 404);
    // An employer member (no ApiTokensManage) may not manage tokens at all.
    const memberList = await app.inject({ url: '/admin/tokens', headers: { cookie: memberSession } });
    assert.equal(memberList.statusCode, 403);
  });

  it('a cross-site POST to create a token is refused with 403', async () => {
    const before = await db
      .selectFrom('api_tokens')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(
      '/admin/tokens',
      bossSession,
      { name: 'Fienden', scopes: 'OrgRead' },
      {
        'sec-fetch-site': 'cross-site',
        origin: 'https://evil.example',
      },
    );
    assert.equal(res.statusCode, 403);
    assert.doesNotMatch(res.body, /lotsa_[A-Za-z0-9_-]{43}/);
    const after = await db
      .selectFrom('api_tokens')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });
});
