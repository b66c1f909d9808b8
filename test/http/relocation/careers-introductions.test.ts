/**
 * Introducing an adult (above all the partner) to an employer: refused without the person's
 * 'employers' consent; with it the employer's admins are e-mailed and the employer sees only what
 * was shared, the navigator and the message — never the case, household or needs; another
 * employer gets a 404; the answer lands in the case's history and e-mails the navigator.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createOrganisation, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';

describe('careers introductions', async () => {
  const t = await buildTestApp();
  const db = t.database.db;
  const client = await formClient(t.app);
  const navigator = await createNavigator(db, { name: 'Nora Lots', email: 'nora.lots@region.example' });
  const employer = await createOrganisation(db, { name: 'Dalarnas Skolbolag AB' });
  const other = await createOrganisation(db, { name: 'Andra Bolaget AB' });
  const admin = await createPerson(db, {
    role: 'employer_admin',
    organisationId: employer,
    email: 'hr@skolbolag.example',
    language: 'en',
  });
  const member = await createPerson(db, { role: 'employer_member', organisationId: employer });
  const otherAdmin = await createPerson(db, { role: 'employer_admin', organisationId: other });
  const memberCookie = await sessionFor(db, member.accountId);
  const otherCookie = await sessionFor(db, otherAdmin.accountId);

  const mailsTo = (to: string) =>
    db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('to_address', '=', to)
      .orderBy('id', 'desc')
      .execute();

  it('finds employers by name without JavaScript, then offers the form', async () => {
    const c = await createCase(db, { partner: { name: 'João Ferreira' }, consents: ['employers'] });
    const found = await client.get(`/admin/cases/${c.caseId}/introductions?q=skolbol`, navigator.cookie);
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /Dalarnas Skolbolag AB/);
    assert.doesNotMatch(found.body, /Andra Bolaget AB/);
    const form = await client.get(
      `/admin/cases/${c.caseId}/introductions?organisation=${employer}&person=${c.partnerId}`,
      navigator.cookie,
    );
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Arbetsgivare: Dalarnas Skolbolag AB/);
    assert.match(form.body, /name="message"/);
  });

  it('refuses without the person’s employers consent, keeping what was typed', async () => {
    const c = await createCase(db, { partner: { name: 'Utan Samtycke' } });
    const res = await client.postForm(`/admin/cases/${c.caseId}/introductions`, navigator.cookie, {
      person: c.partnerId!,
      organisation: employer,
      message: 'Ett bra meddelande',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Utan Samtycke har inte gått med på att lotsen presenterar hen för arbetsgivare/);
    assert.match(res.body, /Ett bra meddelande/);
    const rows = await db
      .selectFrom('relocation_introductions')
      .select('id')
      .where('case_id', '=', c.caseId)
      .execute();
    assert.equal(rows.length, 0);
  });

  it('sends with the consent: the employer sees only what was shared; the answer reaches the case and the navigator', async () => {
    const c = await createCase(db, {
      partner: { name: 'João Ferreira', email: 'joao@example.org', occupation: 'Lärare i matematik' },
      consents: ['employers'],
      message: 'Hemligt: vi flyttar för att komma bort från svärmor',
      needs: ['partner_job', 'school'],
      childrenAges: [7],
    });
    const sent = await client.postForm(`/admin/cases/${c.caseId}/introductions`, navigator.cookie, {
      person: c.partnerId!,
      organisation: employer,
      message: 'João är en erfaren lärare som vill flytta till Falun.',
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `/admin/cases/${c.caseId}?careers_done=introduction#careers`);
    const intro = await db
      .selectFrom('relocation_introductions')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(intro.shared, {
      name: 'João Ferreira',
      occupation: 'Lärare i matematik',
      email: 'joao@example.org',
      phone: null,
    });

    // The employer's admin is e-mailed in their language, with the link.
    const [mail] = await mailsTo('hr@skolbolag.example');
    assert.ok(mail);
    // Nothing of the person in the mail: the page shows them, as long as the consent holds.
    assert.match(mail.subject, /A navigator introduces a person to Dalarnas Skolbolag AB/);
    assert.match(mail.text_body, new RegExp(`/admin/talent/introductions/${intro.id}`));
    assert.doesNotMatch(`${mail.subject} ${mail.text_body}`, /João|Ferreira|Lärare|joao@/);

    // The employer's people see the shared facts, the navigator and the message; nothing of the case.
    const list = await client.get('/admin/talent/introductions', memberCookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /João Ferreira/);
    const one = await client.get(`/admin/talent/introductions/${intro.id}`, memberCookie);
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /João Ferreira/);
    assert.match(one.body, /Lärare i matematik/);
    assert.match(one.body, /joao@example.org/);
    assert.match(one.body, /Nora Lots/);
    assert.match(one.body, /nora.lots@region.example/);
    assert.match(one.body, /João är en erfaren lärare/);
    assert.doesNotMatch(one.body, /svärmor/);
    assert.doesNotMatch(one.body, /Ana Ferreira/);
    assert.doesNotMatch(one.body, /Förskola och skola|Jobb för min partner/);
    assert.doesNotMatch(one.body, /7 år/);
    assert.doesNotMatch(one.body, new RegExp(c.caseId));

    // Another employer: not theirs.
    assert.equal((await client.get(`/admin/talent/introductions/${intro.id}`, otherCookie)).statusCode, 404);
    assert.doesNotMatch((await client.get('/admin/talent/introductions', otherCookie)).body, /João Ferreira/);
    const foreign = await client.postForm(`/admin/talent/introductions/${intro.id}`, otherCookie, {
      answer: 'interested',
    });
    assert.equal(foreign.statusCode, 404);

    // A bad answer is a 400 with the error; a good one lands in the case and mails the navigator.
    const bad = await client.postForm(`/admin/talent/introductions/${intro.id}`, memberCookie, {
      answer: 'maybe',
    });
    assert.equal(bad.statusCode, 400);
    const answered = await client.postForm(`/admin/talent/introductions/${intro.id}`, memberCookie, {
      answer: 'interested',
    });
    assert.equal(answered.statusCode, 303);
    const events = await db
      .selectFrom('relocation_case_events')
      .select(['kind', 'body'])
      .where('case_id', '=', c.caseId)
      .execute();
    assert.ok(events.some((e) => e.kind === 'introduction.sent'));
    assert.ok(events.some((e) => e.kind === 'introduction.answered' && /Intresserade/.test(e.body)));
    const [toNavigator] = await mailsTo('nora.lots@region.example');
    assert.ok(toNavigator);
    const ref = (
      await db
        .selectFrom('relocation_cases')
        .select('ref')
        .where('id', '=', c.caseId)
        .executeTakeFirstOrThrow()
    ).ref;
    assert.match(
      toNavigator.subject,
      new RegExp(`Dalarnas Skolbolag AB har svarat på din presentation \\(ärende ${ref}\\)`),
    );
    assert.match(toNavigator.text_body, /Intresserade/);
    assert.doesNotMatch(`${toNavigator.subject} ${toNavigator.text_body}`, /João|Ferreira/);
    // The history names the person by role; the case file shows the name from the household.
    assert.ok(events.every((e) => !e.body.includes('João')));
    const file = await client.get(`/admin/cases/${c.caseId}`, navigator.cookie);
    assert.match(file.body, /Partnern presenterades för Dalarnas Skolbolag AB/);
    assert.match(file.body, /\(gäller João Ferreira\)/);

    // The case's panel shows the introduction and its answer.
    const panel = await client.get(`/admin/cases/${c.caseId}/careers`, navigator.cookie);
    assert.match(panel.body, /Dalarnas Skolbolag AB/);
    assert.match(panel.body, /Intresserade/);

    const actions = (
      await db.selectFrom('audit_events').select('action').where('subject_id', '=', intro.id).execute()
    ).map((a) => a.action);
    assert.deepEqual(actions.sort(), ['relocation.introduction.answered', 'relocation.introduction.sent']);
    void admin;
  });

  it('refuses an employer that is not one of the region’s employers, and a job not theirs', async () => {
    const c = await createCase(db, { consents: ['employers'] });
    const region = await createOrganisation(db, { kind: 'region' });
    const res = await client.postForm(`/admin/cases/${c.caseId}/introductions`, navigator.cookie, {
      person: c.mainId,
      organisation: region,
      message: '',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Välj en arbetsgivare i regionen/);
    const job = await client.postForm(`/admin/cases/${c.caseId}/introductions`, navigator.cookie, {
      person: c.mainId,
      organisation: employer,
      job: 'no-such-job',
    });
    assert.equal(job.statusCode, 400);
    assert.match(job.body, /Välj ett av arbetsgivarens öppna jobb/);
  });
});
