/**
 * A new user's review of lead capture at a fair stand (issue 17): the visitor who scans the stand's
 * QR code with their phone, the HR person reading her stand's leads, and the navigator who gets the
 * case. Each test asserts the right behaviour; the mails are read back from SMTP on loopback.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser } from '../../helpers/events.ts';
import { createNavigator } from '../../helpers/relocation.ts';
import { newestMailTo, readMail, startSmtpServer } from '../../helpers/smtp.ts';

describe('events: a new user at a fair stand', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp({ SMTP_URL: smtp.url });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganiser(db);
  const event = await createEvent(db, {
    organisationId: region.organisationId,
    kind: 'fair',
    registration: 'none',
    capacity: null,
    title: 'Dalarna på Framtidsmässan i Malmö',
    titleEn: 'Dalarna at the Future Fair in Malmö',
    startsAt: new Date(Date.now() - 3_600_000),
    endsAt: new Date(Date.now() + 5 * 3_600_000),
  });
  const hr = await createOrganiser(db, { role: 'employer_admin' });
  const stand = await addExhibitor(db, event.id, { organisationId: hr.organisationId, stand: 'D14e' });
  await addExhibitor(db, event.id, { stand: 'D14a' });
  const navigator = await createNavigator(db);

  it('the talent pool mail a stand visitor gets says where it comes from, and does not claim nothing is kept', async () => {
    const email = 'rui.costa@example.pt';
    const res = await client.postForm(`/en/events/${event.slug}/stand/${stand.standCode}`, '', {
      name: 'Rui Costa',
      email,
      language: 'en',
      occupation: 'Welder',
      consent_lead: '1',
      consent_talent: '1',
      experience: '2to5',
      education: 'vocational',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const mail = readMail(await newestMailTo(smtp, queue, email));
    assert.match(mail.subject, /talent pool/);
    // Rui typed his own address at the stand a minute ago, and the employer keeps his details: the
    // generic sign-up mail says "Someone (hopefully you) signed this address up" and "Nothing is
    // kept unless you click".
    assert.doesNotMatch(mail.text, /Nothing is kept unless you click/, mail.text);
    assert.match(mail.text, /Future Fair in Malmö/, 'the mail names the fair where he left his details');
  });

  it('the organiser’s stand filter speaks Swedish: "Alla montrar", not "Alla monter"', async () => {
    const list = await client.get(`/admin/events/${event.id}/leads`, region.cookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<select[^>]*name="stand"/);
    assert.doesNotMatch(list.body, /Alla monter\b/);
    assert.doesNotMatch(list.body, /Alla monters kontakter/);
    assert.match(list.body, /Alla montrar/);
  });

  it('the navigator reading the case file in Swedish sees the fair by its Swedish name', async () => {
    const email = 'ana.navigator@example.pt';
    const res = await client.postForm(`/en/events/${event.slug}/stand/${stand.standCode}`, '', {
      name: 'Ana Sousa',
      email,
      language: 'en',
      consent_lead: '1',
      consent_navigator: '1',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const lead = await db
      .selectFrom('event_leads')
      .select('case_id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.ok(lead.case_id);
    const file = await client.get(`/admin/cases/${lead.case_id}`, navigator.cookie);
    assert.equal(file.statusCode, 200);
    assert.match(file.body, /<html lang="sv"/);
    // The same page's events section already says "Dalarna på Framtidsmässan i Malmö"; the line
    // saying where the household came from reads "…på evenemanget Dalarna at the Future Fair in Malmö".
    assert.match(file.body, /Lämnade sina uppgifter på evenemanget Dalarna på Framtidsmässan i Malmö/);
  });
});
