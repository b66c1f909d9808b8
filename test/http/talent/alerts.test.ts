/**
 * Job alerts end to end over HTTP and real SMTP: a visitor's alert confirmed from its e-mail, the
 * digest of new jobs only with its List-Unsubscribe headers, the one-click unsubscribe without a
 * CSRF token, an unknown token's 404, daily vs weekly, the matches digest, saved jobs closing, and
 * the person's data exported and erased.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor, REGION } from '../../helpers/identity.ts';
import { loadAds, makeAd, MUNICIPALITY, OCCUPATION } from '../../helpers/jobs.ts';
import { linkIn, newestMailTo, readMail, startSmtpServer, type ReceivedMail } from '../../helpers/smtp.ts';
import { DIGEST_TASK } from '../../../src/modules/talent/alerts/digest.ts';

function header(mail: ReceivedMail, name: string): string {
  const head = mail.raw.slice(0, mail.raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
}

describe('job alerts', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp({ SMTP_URL: smtp.url }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const client = await formClient(app);
  const nurse = OCCUPATION.nurse.occupation_group.concept_id;
  const search = `q=&municipality=${MUNICIPALITY.falun.code}&occupation_group=${nurse}`;
  let unsubscribeUrl = '';

  const digest = async () => {
    const before = smtp.received.length;
    await queue.enqueue(DIGEST_TASK, {});
    await queue.drain();
    return smtp.received.slice(before);
  };
  const backdate = (email: string, days: number) =>
    db
      .updateTable('job_alerts')
      .set({
        confirmed_at: sql`now() - make_interval(days => ${days})`,
        last_sent_at: sql`now() - make_interval(days => ${days})`,
      })
      .where('email', '=', email)
      .execute();

  it('"Bevaka sökningen" on the search page leads to the new-alert page, which says the search in words', async () => {
    const page = await app.inject({ url: `/sv/jobs?municipality=${MUNICIPALITY.falun.code}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`href="/sv/alerts/new\\?municipality=${MUNICIPALITY.falun.code}"`));
    const form = await app.inject({ url: `/sv/alerts/new?${search}` });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Kommun: Falun/);
    assert.match(form.body, /Yrke: /);
    assert.match(form.body, /Lotsa skickar e-post med nya jobb/);
    const bad = await app.inject({ url: '/sv/alerts/new?municipality=9999' });
    assert.equal(bad.statusCode, 400);
  });

  it('an employer filter is said by the employer’s name, or its number when no ad or page names it', async () => {
    await loadAds(db, [
      makeAd({
        id: 'alert-steel',
        headline: 'Processoperatör',
        employer: 'Stålverket i Borlänge AB',
        orgnr: '5560000002',
        municipality: 'borlange',
        occupation: 'developer',
      }),
    ]);
    const named = await app.inject({ url: '/sv/alerts/new?employer=5560000002' });
    assert.match(named.body, /Arbetsgivare: Stålverket i Borlänge AB/);
    const unknown = await app.inject({ url: '/sv/alerts/new?employer=5560000001' });
    assert.equal(unknown.statusCode, 200);
    assert.match(unknown.body, /Arbetsgivare: 5560000001/);
  });

  it('a visitor gets a confirmation link; GET shows a button, POST starts the alert once', async () => {
    const email = 'visitor@example.org';
    const missing = await client.postForm('/sv/alerts', '', { search, frequency: 'daily', email });
    assert.equal(missing.statusCode, 422, 'the consent box is required');
    assert.match(missing.body, /Kryssa i rutan/);
    const res = await client.postForm('/sv/alerts', '', {
      search,
      frequency: 'daily',
      email,
      consent: 'yes',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Kolla din e-post/);
    const mail = readMail(await newestMailTo(smtp, queue, email));
    assert.match(mail.subject, /Starta din jobbevakning/);
    const link = linkIn(mail.text, /http:\/\/localhost:3000(\/sv\/alerts\/confirm\/[A-Za-z0-9_-]+)/);
    const path = link[1] ?? '';
    const confirmPage = await client.get(path);
    assert.equal(confirmPage.statusCode, 200);
    assert.match(confirmPage.body, /Kommun: Falun/);
    const [row] = await db.selectFrom('job_alerts').selectAll().where('email', '=', email).execute();
    assert.equal(row?.confirmed_at, null, 'opening the link does not confirm');
    const token = path.split('/').at(-1) ?? '';
    const confirmed = await client.postForm('/sv/alerts/confirm', '', { token });
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /Bevakningen är startad/);
    const again = await client.postForm('/sv/alerts/confirm', '', { token });
    assert.equal(again.statusCode, 404);
    const after = await db
      .selectFrom('job_alerts')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.ok(after.confirmed_at);
    assert.equal(after.consent_text_version, 'alerts-visitor-2026-12');
  });

  it('the digest lists only new jobs of the search, with List-Unsubscribe headers from configuration', async () => {
    const email = 'visitor@example.org';
    await backdate(email, 2);
    await loadAds(db, [
      makeAd({
        id: 'alert-1',
        headline: 'Sjuksköterska till akuten',
        occupation: 'nurse',
        municipality: 'falun',
      }),
      makeAd({ id: 'alert-2', headline: 'Sjuksköterska i Mora', occupation: 'nurse', municipality: 'mora' }),
      makeAd({
        id: 'alert-3',
        headline: 'Utvecklare i Falun',
        occupation: 'developer',
        municipality: 'falun',
      }),
    ]);
    const mails = (await digest()).filter((m) => m.to.includes(email));
    assert.equal(mails.length, 1);
    const mail = mails[0] as ReceivedMail;
    const text = readMail(mail).text;
    assert.match(text, /Sjuksköterska till akuten/);
    assert.match(text, /http:\/\/localhost:3000\/sv\/jobs\/alert-1/);
    assert.doesNotMatch(text, /Sjuksköterska i Mora|Utvecklare i Falun/);
    const list = header(mail, 'List-Unsubscribe');
    assert.match(list, /^<http:\/\/localhost:3000\/alerts\/unsubscribe\/[A-Za-z0-9_-]+>$/);
    assert.equal(header(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    unsubscribeUrl = list.slice('<http://localhost:3000'.length, -1);
    assert.deepEqual(await digest(), [], 'run again: nothing is due, nothing is sent twice');
  });

  it('no mail when nothing is new; daily is due after a day, weekly only after a week', async () => {
    const daily = 'daily@example.org';
    const weekly = 'weekly@example.org';
    for (const [email, frequency] of [
      [daily, 'daily'],
      [weekly, 'weekly'],
    ] as const) {
      await client.postForm('/sv/alerts', '', { search, frequency, email, consent: 'yes' });
      const text = readMail(await newestMailTo(smtp, queue, email)).text;
      const token = linkIn(text, /\/sv\/alerts\/confirm\/([A-Za-z0-9_-]+)/)[1] ?? '';
      await client.postForm('/sv/alerts/confirm', '', { token });
      await backdate(email, 2);
    }
    assert.deepEqual(
      (await digest()).flatMap((m) => m.to),
      [daily],
      'two days after: the daily one has news (alert-1), the weekly one is not due',
    );
    await backdate(weekly, 8);
    assert.deepEqual(
      (await digest()).flatMap((m) => m.to),
      [weekly],
    );
    await backdate(daily, 2);
    await db
      .updateTable('job_ads')
      .set({ first_seen_at: sql`now() - interval '5 days'`, published_at: sql`now() - interval '5 days'` })
      .execute();
    assert.deepEqual(await digest(), [], 'nothing new since: no mail');
  });

  it('one click stops the alert without a CSRF token or cookie; an unknown token is a 404 page', async () => {
    const page = await app.inject({ url: unsubscribeUrl });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Sluta få mejl/);
    const res = await app.inject({
      method: 'POST',
      url: unsubscribeUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Du får inga fler mejl/);
    const row = await db
      .selectFrom('job_alerts')
      .selectAll()
      .where('email', '=', 'visitor@example.org')
      .executeTakeFirstOrThrow();
    assert.ok(row.stopped_at);
    const again = await app.inject({ method: 'POST', url: unsubscribeUrl, payload: '' });
    assert.equal(again.statusCode, 200);
    for (const url of ['/alerts/unsubscribe/forged-token-forged-token-forged', '/sv/alerts/unsubscribe/x']) {
      const forged = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(forged.statusCode, 404, url);
      assert.match(forged.body, /Bevakningen finns inte/);
    }
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'talent.alert.unsubscribed')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('the matches digest lists inbox rows with their reasons and marks them sent', async () => {
    const person = await createPerson(db, { email: 'talent@example.org' });
    const session = await sessionFor(db, person.accountId);
    await db
      .insertInto('talent_consents')
      .values({
        region_id: REGION,
        account_id: person.accountId,
        purpose: 'alerts',
        text_version: 'alerts-2026-12',
      })
      .execute();
    const on = await client.postForm('/sv/me/alerts-matches', session, { on: 'yes', frequency: 'daily' });
    assert.equal(on.statusCode, 303);
    await db
      .insertInto('talent_match_inbox')
      .values({
        region_id: REGION,
        account_id: person.accountId,
        job_id: 'alert-3',
        side: 'main',
        score: 0.9,
        reasons: JSON.stringify({ sv: 'Du är utvecklare och vill bo i Falun', en: 'You are a developer' }),
      })
      .execute();
    await db
      .updateTable('job_alerts')
      .set({ confirmed_at: sql`now() - interval '2 days'` })
      .where('account_id', '=', person.accountId)
      .execute();
    const mails = (await digest()).filter((m) => m.to.includes(person.email));
    assert.equal(mails.length, 1);
    const text = readMail(mails[0] as ReceivedMail).text;
    assert.match(text, /Utvecklare i Falun/);
    assert.match(text, /Därför: Du är utvecklare och vill bo i Falun/);
    const inbox = await db.selectFrom('talent_match_inbox').select('sent_at').execute();
    assert.ok(inbox.every((r) => r.sent_at !== null));
    const me = await client.get('/sv/me', session);
    assert.match(me.body, /Bevakningar/);
  });

  it('a saved job shows on the own page, and says when it has closed; export and erasure cover both', async () => {
    const person = await createPerson(db, { email: 'saver@example.org' });
    const session = await sessionFor(db, person.accountId);
    const visitor = await client.postForm('/sv/saved-jobs', '', { job: 'alert-1' });
    assert.equal(visitor.statusCode, 303);
    assert.match(visitor.headers.location ?? '', /^\/sv\/login\?next=%2Fsv%2Fjobs%2Falert-1/);
    const saved = await client.postForm('/sv/saved-jobs', session, { job: 'alert-1' });
    assert.equal(saved.statusCode, 303);
    let me = await client.get('/sv/me', session);
    assert.match(me.body, /Sparade jobb/);
    assert.match(me.body, /Sjuksköterska till akuten/);
    assert.doesNotMatch(me.body, /Annonsen är stängd/);
    await db
      .updateTable('job_ads')
      .set({ status: 'closed', closed_reason: 'removed', closed_at: sql`now()` })
      .where('id', '=', 'alert-1')
      .execute();
    me = await client.get('/sv/me', session);
    assert.match(me.body, /Annonsen är stängd sedan/);
    // A visitor's alert made with the same address before the account existed.
    await client.postForm('/sv/alerts', '', {
      search,
      frequency: 'weekly',
      email: person.email,
      consent: 'yes',
    });
    const exported = await client.get('/sv/me/export.json', session);
    assert.equal(exported.statusCode, 200);
    const text = exported.body;
    assert.match(text, /"savedJobs"/);
    assert.match(text, /"jobId": "alert-1"/);
    assert.match(text, /"jobAlerts"/);
    assert.match(text, /"frequency": "weekly"/);
    const { eraseAlerts } = await import('../../../src/modules/talent/alerts/service.ts');
    const { eraseSavedJobs } = await import('../../../src/modules/talent/saved/service.ts');
    await eraseAlerts(db, REGION, person.accountId, person.email);
    await eraseSavedJobs(db, REGION, person.accountId);
    assert.equal(
      (await db.selectFrom('job_alerts').select('id').where('email', '=', person.email).execute()).length,
      0,
    );
    assert.equal(
      (
        await db
          .selectFrom('saved_jobs')
          .select('job_id')
          .where('account_id', '=', person.accountId)
          .execute()
      ).length,
      0,
    );
  });
});
