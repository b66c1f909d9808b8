/**
 * Accessibility reports in the back-office: the region reads them, answers (by e-mail in the
 * report's language when the visitor gave an address) and closes them; others are refused; a
 * person's deletion takes their reports, the answers and the answer e-mails with it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createOrganisation, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';

const LIST = '/admin/accessibility-reports';

/** A report as the statement's form stores it; `daysAgo` moves it back in time. */
async function report(
  db: Kysely<DB>,
  values: {
    message: string;
    email?: string;
    name?: string;
    page_url?: string;
    language?: 'sv' | 'en';
    daysAgo?: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('accessibility_feedback')
    .values({
      region_id: REGION,
      message: values.message,
      email: values.email ?? null,
      name: values.name ?? null,
      page_url: values.page_url ?? null,
      language: values.language ?? 'sv',
      created_at: sql<Date>`now() - make_interval(days => ${values.daysAgo ?? 0})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const outboxTo = (db: Kysely<DB>, to: string) =>
  db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body', 'language', 'reply_to'])
    .where(sql<string>`lower(to_address)`, '=', to.toLowerCase())
    .execute();

describe('accessibility reports in the back-office', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const get = (url: string, cookie: string) => app.inject({ url, headers: client.headers(cookie) });

  const admin = await createPerson(db, { role: 'admin' });
  const adminSession = await sessionFor(db, admin.accountId, { secondFactor: true });
  const editor = await createPerson(db, { role: 'region_editor', language: 'en' });
  const editorSession = await sessionFor(db, editor.accountId, { secondFactor: true });

  it('lists reports with counts by status, the oldest open first, age in days and the overdue ones marked', async () => {
    const recent = await report(db, { message: 'Kartan går inte att använda med tangentbord.', daysAgo: 2 });
    const old = await report(db, { message: 'Knappen Sök saknar namn för skärmläsare.', daysAgo: 20 });
    const closed = await report(db, { message: 'Skräp', daysAgo: 30 });
    await db
      .updateTable('accessibility_feedback')
      .set({ status: 'closed', closed_at: sql<Date>`now()`, close_reason: 'spam' })
      .where('id', '=', closed)
      .execute();
    const res = await get(LIST, adminSession);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="sv"/);
    const body = res.body;
    assert.ok(body.indexOf(`Rapport #${old}`) < body.indexOf(`Rapport #${recent}`), 'oldest open first');
    assert.ok(!body.includes(`Rapport #${closed}<`), 'closed ones are not in the open list');
    assert.match(body, /20 dagar/);
    assert.match(body, /2 dagar/);
    assert.match(body, /Över 14 dagar/, 'overdue said in words');
    assert.match(body, /Obesvarade i mer än 14 dagar|En rapport har väntat på svar i mer än 14 dagar/);
    assert.match(body, /Nya \(\d+\)/);
    assert.match(body, /Avslutade \(\d+\)/);
    assert.match(
      body,
      /aria-current="page"[^>]*>Öppna|href="\/admin\/accessibility-reports" aria-current="page"/,
    );
    // The back-office menu shows the entry.
    assert.match(body, /href="\/admin\/accessibility-reports"[^>]*>Tillgänglighetsrapporter</);

    const closedList = await get(`${LIST}?status=closed`, adminSession);
    assert.equal(closedList.statusCode, 200);
    assert.ok(closedList.body.includes(`Rapport #${closed}<`));
    assert.ok(!closedList.body.includes(`Rapport #${old}<`));
    // A region editor reads it too, in their own language.
    const english = await get(LIST, editorSession);
    assert.equal(english.statusCode, 200);
    assert.match(english.body, /<html lang="en"/);
    assert.match(english.body, /Over 14 days/);
  });

  it('the region’s e-mail about a new report links to its page in the back-office, at the configured origin', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/sv/accessibility/feedback',
      payload: new URLSearchParams({
        _csrf: client.csrf.token,
        message: 'Fokus syns inte i menyn.',
      }).toString(),
      headers: {
        ...client.headers(''),
        'x-forwarded-host': 'evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 200));
    const row = await db
      .selectFrom('accessibility_feedback')
      .select('id')
      .where('message', '=', 'Fokus syns inte i menyn.')
      .executeTakeFirstOrThrow();
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('subject', 'like', `%#${row.id}`)
      .executeTakeFirstOrThrow();
    assert.ok(
      mail.text_body.includes(`Läs och svara: http://localhost:3000${LIST}/${row.id}\n`),
      mail.text_body,
    );
    assert.ok(!mail.text_body.includes('evil.example'));
  });

  it('one report shows the page, message, who sent it and language, with hostile text inert', async () => {
    const id = await report(db, {
      message: '<script>alert(1)</script> Se https://evil.example/phish',
      page_url: 'javascript:alert(2)',
      name: '<b>Eve</b>',
      email: 'eve@example.org',
      language: 'en',
    });
    const res = await get(`${LIST}/${id}`, adminSession);
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('<script>alert(1)'), 'the message is escaped');
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!/href="javascript:/i.test(res.body), 'the page address is not a link');
    assert.ok(!res.body.includes('href="https://evil.example'), 'no link from the report');
    assert.match(res.body, /&lt;b&gt;Eve&lt;\/b&gt;/);
    assert.match(res.body, /eve@example\.org/);
    assert.match(res.body, /engelska/);
    assert.match(res.body, /Svaret skickas med e-post till eve@example\.org, på engelska/);
  });

  it('an answer is e-mailed in the report’s language with the answer and nothing the visitor typed, then shown and audited', async () => {
    const id = await report(db, {
      message: 'Länken https://evil.example/login fungerar inte, ring 070-123 45 67',
      page_url: 'https://evil.example/phish',
      name: 'Visit https://evil.example now',
      email: 'Maria.Costa@Example.pt',
      language: 'en',
    });
    const answer = 'Thank you. We have given the search button a name; it is read out now.';
    const res = await client.postForm(`${LIST}/${id}/answer`, adminSession, { answer });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(res.headers.location, `${LIST}/${id}?done=emailed`);

    const [mail, ...more] = await outboxTo(db, 'maria.costa@example.pt');
    assert.equal(more.length, 0);
    assert.ok(mail);
    assert.equal(mail.language, 'en');
    assert.match(mail.subject, /^Answer to your accessibility report/);
    assert.ok(mail.text_body.includes(answer), 'the answer is in the mail');
    assert.ok(!mail.text_body.includes('evil.example'), 'nothing the visitor typed is in the mail');
    assert.ok(!mail.text_body.includes('070-123'));
    const links = mail.text_body.match(/https?:\/\/\S+/g) ?? [];
    assert.deepEqual(links, ['http://localhost:3000/en/accessibility', 'https://www.digg.se/tdosanmalan']);
    assert.ok(mail.reply_to && !mail.reply_to.includes('example.pt'), 'replies go to the region');

    const page = await get(`${LIST}/${id}?done=emailed`, adminSession);
    assert.match(page.body, /role="status"/);
    assert.ok(page.body.includes('Thank you. We have given the search button a name'));
    assert.match(page.body, /Besvarad/);
    assert.ok(!page.body.includes('id="answer"'), 'no second answer form');
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'data', 'actor_id'])
      .where('subject_type', '=', 'accessibility_report')
      .where('subject_id', '=', String(id))
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['accessibility_report.answered'],
    );
    assert.equal(audit[0]?.actor_id, admin.accountId);
    assert.ok(!JSON.stringify(audit[0]?.data).includes('example.pt'), 'no address in the audit facts');
    const trail = await get('/admin/audit', adminSession);
    assert.match(trail.body, new RegExp(`besvarade tillgänglighetsrapport #${id} med e-post till besökaren`));

    // A second answer (another tab, another person) is refused, and nothing more is sent.
    const again = await client.postForm(`${LIST}/${id}/answer`, editorSession, { answer: 'Again' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /already been answered/);
    assert.equal((await outboxTo(db, 'maria.costa@example.pt')).length, 1);
  });

  it('without an address the answer is recorded only', async () => {
    const id = await report(db, { message: 'Kontrasten är för låg i sidfoten.' });
    const before = await db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await client.postForm(`${LIST}/${id}/answer`, adminSession, { answer: 'Åtgärdat.' });
    assert.equal(res.headers.location, `${LIST}/${id}?done=recorded`);
    const after = await db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n, 'no mail');
    const row = await db
      .selectFrom('accessibility_feedback')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'answered');
    assert.equal(row.answer, 'Åtgärdat.');
    assert.equal(row.answered_by, admin.accountId);
    assert.equal(row.answer_emailed, false);
  });

  it('forms re-show what was typed with the error by the field, in the person’s language', async () => {
    const id = await report(db, { message: 'Text', email: 'a@example.org' });
    const long = 'x'.repeat(5001);
    const sv = await client.postForm(`${LIST}/${id}/answer`, adminSession, { answer: long });
    assert.equal(sv.statusCode, 422);
    assert.match(sv.body, /id="answer-error"[^>]*>Svaret får vara högst 5[\s\u00a0]000 tecken/);
    assert.match(sv.body, /aria-invalid="true"/);
    assert.match(sv.body, /class="error-summary"/);
    assert.ok(sv.body.includes(`>${long}</textarea>`), 'what was typed is kept');
    assert.match(sv.body, /<title>Fel: /);
    const en = await client.postForm(`${LIST}/${id}/answer`, editorSession, { answer: '   ' });
    assert.equal(en.statusCode, 422);
    assert.match(en.body, /id="answer-error"[^>]*>Write an answer\./);

    const noReason = await client.postForm(`${LIST}/${id}/close`, adminSession, {
      close_note: 'Kommentar <i>',
    });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /id="reason-error"[^>]*>Välj varför rapporten avslutas\./);
    assert.ok(noReason.body.includes('Kommentar &lt;i&gt;</textarea>'));
    const answeredReason = await client.postForm(`${LIST}/${id}/close`, adminSession, { reason: 'answered' });
    assert.equal(answeredReason.statusCode, 422, 'a new report cannot be closed as answered');
    const other = await client.postForm(`${LIST}/${id}/close`, adminSession, { reason: 'other' });
    assert.equal(other.statusCode, 422);
    assert.match(other.body, /id="close_note-error"/);
    assert.match(other.body, /id="reason-other"[^>]*checked/);
    const row = await db
      .selectFrom('accessibility_feedback')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'new', 'nothing changed');
  });

  it('closes a report with a reason (with or without an answer), audited; a closed report takes no answer', async () => {
    const spam = await report(db, { message: 'Köp billiga klockor', email: 'spam@example.org' });
    const res = await client.postForm(`${LIST}/${spam}/close`, editorSession, {
      reason: 'spam',
      close_note: 'Reklam',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${LIST}/${spam}?done=closed`);
    const page = await get(`${LIST}/${spam}`, editorSession);
    assert.match(page.body, /closed the report on .*Reason: Spam\./);
    assert.match(page.body, /Reklam/);
    const late = await client.postForm(`${LIST}/${spam}/answer`, adminSession, { answer: 'Hej' });
    assert.equal(late.statusCode, 409);
    assert.equal((await outboxTo(db, 'spam@example.org')).length, 0);
    const twice = await client.postForm(`${LIST}/${spam}/close`, adminSession, { reason: 'spam' });
    assert.equal(twice.statusCode, 409);

    const answered = await report(db, { message: 'Rubrikerna hoppar över nivåer.' });
    await client.postForm(`${LIST}/${answered}/answer`, adminSession, { answer: 'Rättat.' });
    const done = await client.postForm(`${LIST}/${answered}/close`, adminSession, { reason: 'answered' });
    assert.equal(done.statusCode, 303);
    const row = await db
      .selectFrom('accessibility_feedback')
      .selectAll()
      .where('id', '=', answered)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'closed');
    assert.equal(row.close_reason, 'answered');
    assert.equal(row.closed_by, admin.accountId);
    const trail = await get('/admin/audit', adminSession);
    assert.match(trail.body, new RegExp(`avslutade tillgänglighetsrapport #${spam} utan svar`));
    assert.match(trail.body, new RegExp(`avslutade tillgänglighetsrapport #${answered}<`));

    const note = await client.postForm(`${LIST}/${answered}/note`, adminSession, {
      note: 'Kolla igen i maj.',
    });
    assert.equal(note.statusCode, 303);
    assert.match((await get(`${LIST}/${answered}`, adminSession)).body, />Kolla igen i maj\.<\/textarea>/);
  });

  it('is refused to employer admins, talents, municipality editors and navigators; staff without a second factor are sent to show one', async () => {
    const id = await report(db, { message: 'Något' });
    const employer = await createOrganisation(db, { kind: 'employer' });
    const callers = [
      await createPerson(db, { role: 'employer_admin', organisationId: employer }),
      await createPerson(db),
      await createPerson(db, { role: 'municipality_editor' }),
      await createPerson(db, { role: 'navigator' }),
    ];
    for (const caller of callers) {
      const session = await sessionFor(db, caller.accountId, { secondFactor: true });
      assert.equal((await get(LIST, session)).statusCode, 403, `${caller.role ?? 'talent'}: list`);
      assert.equal(
        (await get(`${LIST}/${id}`, session)).statusCode,
        403,
        `${caller.role ?? 'talent'}: report`,
      );
      const answer = await client.postForm(`${LIST}/${id}/answer`, session, { answer: 'Nej' });
      assert.equal(answer.statusCode, 403);
      const close = await client.postForm(`${LIST}/${id}/close`, session, { reason: 'spam' });
      assert.equal(close.statusCode, 403);
    }
    const unverified = await sessionFor(db, editor.accountId, { secondFactor: false });
    const gate = await get(LIST, unverified);
    assert.equal(gate.statusCode, 303);
    assert.match(String(gate.headers.location), /second-factor|andra-steg|verify/);
    assert.equal((await get(LIST, '')).statusCode, 303, 'nobody signed in: to the login page');
    const row = await db
      .selectFrom('accessibility_feedback')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'new');
    // The menu entry is not shown to those without the permission.
    const member = await sessionFor(db, callers[0]!.accountId, { secondFactor: true });
    assert.ok(!(await get('/admin', member)).body.includes(LIST));
  });

  it('malformed ids and filters answer 4xx or the default list, never a 500', async () => {
    for (const id of ['abc', '0', '-1', '1e3', '1.5', '99999999999999999999', '%F0%28', '1%20', '01']) {
      for (const suffix of ['', '/answer', '/close', '/note']) {
        const res = suffix
          ? await client.postForm(`${LIST}/${id}${suffix}`, adminSession, { answer: 'x', reason: 'spam' })
          : await get(`${LIST}/${id}`, adminSession);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${id}${suffix}: ${res.statusCode}`);
      }
    }
    for (const q of ['?status=bogus', '?status=', '?status[]=new', '?status=new&status=closed']) {
      assert.equal((await get(`${LIST}${q}`, adminSession)).statusCode, 200, q);
    }
    const odd = await client.postForm(`${LIST}/1/close`, adminSession, { reason: 'x'.repeat(10_000) });
    assert.ok(odd.statusCode < 500);
  });

  it('a person’s deletion removes their reports, the answers and the answer e-mails; their export holds the answer', async () => {
    const stamp = Date.now().toString(36);
    const email = `ingrid.${stamp}@example.org`;
    const person = await createPerson(db, { email, language: 'en' });
    const session = await sessionFor(db, person.accountId);
    const sent = await client.postForm('/en/accessibility/feedback', '', {
      message: `Fältet för datum läses inte upp ${stamp}`,
      name: `Ingrid ${stamp}`,
      email: email.toUpperCase(),
    });
    assert.equal(sent.statusCode, 303);
    const row = await db
      .selectFrom('accessibility_feedback')
      .select('id')
      .where(sql<string>`lower(email)`, '=', email)
      .executeTakeFirstOrThrow();
    const answer = `Hej Ingrid, vi har rättat datumfältet ${stamp}.`;
    await client.postForm(`${LIST}/${row.id}/answer`, adminSession, { answer });
    await client.postForm(`${LIST}/${row.id}/note`, adminSession, { note: `Ingrid ringde också ${stamp}` });
    assert.equal((await outboxTo(db, email)).length, 1, 'the answer mail is queued');

    const exported = await app.inject({ url: '/en/me/export.json', headers: client.headers(session) });
    assert.equal(exported.statusCode, 200);
    const data = exported.json() as {
      accessibilityReports: Array<{ answer: string | null; status: string }>;
    };
    assert.deepEqual(
      data.accessibilityReports.map((r) => [r.status, r.answer]),
      [['answered', answer]],
    );
    assert.ok(!exported.body.includes('ringde också'), 'staff-only notes are not in the export');

    const deleted = await client.postForm('/en/me/delete', session, { confirm: email });
    assert.equal(deleted.statusCode, 303, deleted.body.slice(0, 300));
    assert.equal(
      (await db.selectFrom('accessibility_feedback').select('id').where('id', '=', row.id).execute()).length,
      0,
    );
    assert.equal((await outboxTo(db, email)).length, 0, 'no mail to or about them remains');
    for (const table of ['accessibility_feedback', 'mail_outbox', 'audit_events', 'jobs'] as const) {
      const hits = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} t
        where position(${stamp} in t::text) > 0`.execute(db);
      assert.equal(Number(hits.rows[0]?.n), 0, `${table} still holds something of theirs`);
    }
    // The staff member's own deletion keeps the answer, by "a deleted account".
    const other = await report(db, { message: 'Ännu en' });
    const leaver = await createPerson(db, { role: 'region_editor' });
    const leaverSession = await sessionFor(db, leaver.accountId, { secondFactor: true });
    await client.postForm(`${LIST}/${other}/answer`, leaverSession, { answer: 'Svar från någon som slutat' });
    await db.deleteFrom('accounts').where('id', '=', leaver.accountId).execute();
    const page = await get(`${LIST}/${other}`, adminSession);
    assert.match(page.body, /Ett raderat konto svarade/);
  });
});
