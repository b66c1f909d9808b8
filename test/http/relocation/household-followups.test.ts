/**
 * Follow-ups after the move and erasure: the task sends once to the adult who consented and never
 * without a consent; the survey's GET does not spend the link, its POST stores the answers once.
 * A main mover deleting their account takes the whole case with it; a partner only their part.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createCase } from '../../helpers/relocation.ts';
import { sendFollowups } from '../../../src/modules/relocation/household/followups.ts';

describe('follow-ups and erasure', async () => {
  const t = await buildTestApp();
  const db = t.database.db;
  const client = await formClient(t.app);
  const origin = { publicOrigin: 'http://localhost:3000' };
  const stamp = Date.now().toString(36);
  const moved = async (consents: 'followup'[], email: string) => {
    const c = await createCase(db, {
      stage: 'moved',
      consents,
      main: { email, name: `Ana ${stamp}` },
      partner: { name: `João ${stamp}` },
    });
    await db
      .updateTable('relocation_cases')
      .set({ moved_on: sql`current_date - interval '100 days'` })
      .where('id', '=', c.caseId)
      .execute();
    return c;
  };
  const mails = (to: string) =>
    db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();

  it('sends the 3-month follow-up once with consent, and not without', async () => {
    const withConsent = await moved(['followup'], `yes-${stamp}@example.org`);
    const without = await moved([], `no-${stamp}@example.org`);
    await sendFollowups(db, t.queue, origin);
    await sendFollowups(db, t.queue, origin);
    const sent = await mails(`yes-${stamp}@example.org`);
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.text_body, /http:\/\/localhost:3000\/sv\/move\/followup\/[A-Za-z0-9_-]+/);
    assert.equal((await mails(`no-${stamp}@example.org`)).length, 0);
    const rows = await db
      .selectFrom('relocation_followups')
      .selectAll()
      .where('case_id', '=', withConsent.caseId)
      .execute();
    assert.equal(rows.length, 3, 'the 3, 12 and 24 month rows');
    assert.equal(rows.filter((r) => r.sent_at).length, 1, 'only the one due');
    const skipped = await db
      .selectFrom('relocation_case_events')
      .select('kind')
      .where('case_id', '=', without.caseId)
      .execute();
    assert.ok(skipped.some((e) => e.kind === 'followup.skipped'));
    // A year later (injectable now): the 12-month one goes out.
    await sendFollowups(db, t.queue, { ...origin, now: new Date(Date.now() + 300 * 86_400_000) });
    assert.equal((await mails(`yes-${stamp}@example.org`)).length, 2);
  });

  it('the survey: GET does not spend the link, POST validates and stores once', async () => {
    const [mail] = await mails(`yes-${stamp}@example.org`);
    const path = /\/sv\/move\/followup\/[A-Za-z0-9_-]+/.exec(mail!.text_body)![0];
    for (let i = 0; i < 2; i += 1) {
      const page = await client.get(path);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Hur går det efter flytten/);
    }
    const bad = await client.postForm(path, '', { living: 'yes', helped: 'x'.repeat(1001) });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Välj ett svar/);
    const fields = {
      living: 'yes',
      municipality: '2080',
      main: 'employed',
      partner: 'searching',
      satisfied: '4',
      helped: 'Förskoleplats snabbare',
    };
    const ok = await client.postForm(path, '', fields);
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Tack för dina svar/);
    const again = await client.postForm(path, '', fields);
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /redan besvarad/);
    const row = await db
      .selectFrom('relocation_followups')
      .select(['answers', 'answered_at'])
      .where('answered_at', 'is not', null)
      .executeTakeFirstOrThrow();
    assert.deepEqual((row.answers as { satisfied: number }).satisfied, 4);
    const event = await db
      .selectFrom('relocation_case_events')
      .select('body')
      .where('kind', '=', 'followup.answered')
      .executeTakeFirstOrThrow();
    assert.match(event.body, /Falun/);
    assert.equal((await client.get('/sv/move/followup/no-such-token-no-such-token')).statusCode, 404);
  });

  it('erasing the main mover deletes the case; erasing the partner only their part', async () => {
    const main = await createPerson(db, { email: `main-${stamp}@example.org` });
    const partner = await createPerson(db, { email: `partner-${stamp}@example.org` });
    const name = `Wilhelmina Zetterqvist ${stamp}`;
    const partnerName = `Gustav Zetterqvist ${stamp}`;
    const message = `Vi drömmer om en stuga vid Siljan ${stamp}`;
    const c = await createCase(db, {
      accountId: main.accountId,
      message,
      consents: ['followup'],
      main: { name, email: main.email, accountId: main.accountId },
      partner: { name: partnerName, email: partner.email, accountId: partner.accountId },
      childrenAges: [4],
    });
    const other = await createCase(db, {
      main: { name: `Other ${stamp}` },
      partner: { name: partnerName, email: partner.email, accountId: partner.accountId },
    });
    await db
      .insertInto('relocation_checklist')
      .values({ region_id: REGION, case_id: c.caseId, step: 'sfi', done_by: main.accountId })
      .execute();
    // The partner erases first: the other case keeps its main mover, the partner is gone from it.
    const p = await client.postForm('/sv/me/delete', await sessionFor(db, partner.accountId), {
      confirm: partner.email,
    });
    assert.equal(p.statusCode, 303, p.body.slice(0, 300));
    const left = await db
      .selectFrom('relocation_persons')
      .select('role')
      .where('case_id', '=', other.caseId)
      .execute();
    assert.deepEqual(
      left.map((r) => r.role),
      ['main'],
    );
    const erasedEvent = await db
      .selectFrom('relocation_case_events')
      .select('kind')
      .where('case_id', '=', other.caseId)
      .where('kind', '=', 'household.erased')
      .execute();
    assert.equal(erasedEvent.length, 1);
    // The main mover erases: the whole case goes.
    const m = await client.postForm('/sv/me/delete', await sessionFor(db, main.accountId), {
      confirm: main.email,
    });
    assert.equal(m.statusCode, 303, m.body.slice(0, 300));
    assert.equal(
      (await db.selectFrom('relocation_cases').select('id').where('id', '=', c.caseId).execute()).length,
      0,
    );
    const found: Record<string, string[]> = {};
    for (const needle of [main.email, partner.email, name, partnerName, message]) {
      const tables = await tablesHolding(db, needle);
      if (tables.length) found[needle] = tables;
    }
    assert.deepEqual(found, {});
  });
});
