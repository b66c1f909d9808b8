/**
 * Lead capture at a fair stand: the stand staff's form (the lead consent required, the error by the
 * field in sv and en, typed values kept; saved → the empty form with "Sparat: …" and its undo), the
 * visitor's page through the stand's QR code (unknown code 404, outside its window a clear page,
 * rate limited), the talent pool's mail read back from SMTP on loopback and confirmed, and the
 * navigator's case in the region's inbox naming the event.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser } from '../../helpers/events.ts';
import { REGION } from '../../helpers/identity.ts';
import { createNavigator } from '../../helpers/relocation.ts';
import { linkIn, newestMailTo, readMail, startSmtpServer } from '../../helpers/smtp.ts';

const unique = () => Math.random().toString(36).slice(2, 8);

describe('events: capturing leads', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp({ SMTP_URL: smtp.url });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganiser(db);
  const event = await createEvent(db, {
    organisationId: region.organisationId,
    kind: 'fair',
    title: 'Höstmässan i Malmö',
    titleEn: 'The autumn fair in Malmö',
    startsAt: new Date(Date.now() + 3_600_000),
  });
  const employer = await createOrganiser(db, { role: 'employer_admin' });
  const stand = await addExhibitor(db, event.id, { organisationId: employer.organisationId, stand: 'B12' });
  const navigator = await createNavigator(db);

  it('the stand form requires the lead consent, keeps what was typed and says so by the field (sv and en)', async () => {
    const url = `/admin/events/${event.id}/leads/new`;
    const page = await client.get(url, employer.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Samla kontakter vid montern/);
    assert.match(page.body, /monter B12/);

    const fields = {
      stand: employer.organisationId,
      name: 'Anna Lindqvist',
      email: 'anna.lindqvist@example.org',
      phone: '070-123 45 67',
      occupation: 'Sjuksköterska',
      note: 'Vill jobba i Falun',
      language: 'sv',
    };
    const bad = await client.postForm(url, employer.cookie, fields);
    assert.equal(bad.statusCode, 400);
    assert.match(
      bad.body,
      /<p class="field__error" id="consent_lead-error">Kontakten kan bara sparas om personen godkänner texten\.<\/p>/,
    );
    assert.match(bad.body, /href="#consent_lead"/);
    assert.match(bad.body, /value="Anna Lindqvist"/);
    assert.match(bad.body, /value="anna.lindqvist@example.org"/);
    assert.match(bad.body, /Vill jobba i Falun<\/textarea>/);
    const none = await db.selectFrom('event_leads').select('id').where('event_id', '=', event.id).execute();
    assert.equal(none.length, 0);

    const english = await createOrganiser(db, {
      role: 'employer_admin',
      organisationId: employer.organisationId,
      language: 'en',
    });
    const badEn = await client.postForm(url, english.cookie, { ...fields, email: 'not-an-address' });
    assert.equal(badEn.statusCode, 400);
    assert.match(badEn.body, /The contact can only be saved if the person agrees to the text\./);
    assert.match(badEn.body, /Enter an e-mail address like name@example\.com\./);
    assert.match(badEn.body, /value="not-an-address"/);
  });

  it('saves a lead and shows the empty form again with "Sparat" and an undo that deletes it', async () => {
    const url = `/admin/events/${event.id}/leads/new`;
    const saved = await client.postForm(url, employer.cookie, {
      stand: employer.organisationId,
      name: 'Björn Ek',
      email: 'Bjorn.Ek@Example.org',
      occupation: 'Elektriker',
      language: 'sv',
      consent_lead: '1',
    });
    assert.equal(saved.statusCode, 303);
    const next = await client.get(saved.headers.location as string, employer.cookie);
    assert.match(next.body, /Sparat: Björn Ek/);
    assert.doesNotMatch(next.body, /value="Björn Ek"/);
    const row = await db
      .selectFrom('event_leads')
      .selectAll()
      .where('event_id', '=', event.id)
      .where('email', '=', 'bjorn.ek@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(row.source, 'stand_form');
    assert.equal(row.organisation_id, employer.organisationId);
    assert.equal(row.stand, 'B12');
    assert.equal(row.captured_by, employer.accountId);
    assert.equal(row.consent_text_version, 'events-lead-2026-12');
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('subject_id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(audit.action, 'event.lead.captured');
    assert.doesNotMatch(JSON.stringify(audit.data), /Björn|bjorn/i);

    const undo = /action="(\/admin\/events\/[^"]+\/delete)"/.exec(next.body)?.[1];
    assert.ok(undo);
    const deleted = await client.postForm(undo, employer.cookie, {
      return: 'new',
      stand: employer.organisationId,
    });
    assert.equal(deleted.statusCode, 303);
    assert.match(deleted.headers.location as string, /done=deleted/);
    const gone = await db.selectFrom('event_leads').select('id').where('id', '=', row.id).executeTakeFirst();
    assert.equal(gone, undefined);
  });

  it('the visitor page: unknown code 404, the form in the visitor’s language, a thank-you after', async () => {
    assert.equal((await client.get(`/sv/events/${event.slug}/stand/zzzzzzzzzzzz`)).statusCode, 404);
    assert.equal((await client.get(`/sv/events/${event.slug}/stand/x`)).statusCode, 404);
    assert.equal((await client.get(`/sv/events/no-such-event/stand/${stand.standCode}`)).statusCode, 404);

    const en = await client.get(`/en/events/${event.slug}/stand/${stand.standCode}`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /The employer keeps what you leave here/);
    assert.match(en.body, /The autumn fair in Malmö/);

    const bad = await client.postForm(`/en/events/${event.slug}/stand/${stand.standCode}`, '', {
      name: 'Chloé Martin',
      email: 'chloe@example.org',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /We can only keep your details if you agree to the text\./);
    assert.match(bad.body, /value="Chloé Martin"/);

    const ok = await client.postForm(`/en/events/${event.slug}/stand/${stand.standCode}`, '', {
      name: 'Chloé Martin',
      email: 'chloe@example.org',
      occupation: 'Civil engineer',
      consent_lead: '1',
    });
    assert.equal(ok.statusCode, 303);
    const thanks = await client.get(ok.headers.location as string);
    assert.equal(thanks.statusCode, 200);
    assert.match(thanks.body, /Thank you!/);
    assert.doesNotMatch(ok.headers.location as string, /Chlo/);
    const row = await db
      .selectFrom('event_leads')
      .selectAll()
      .where('email', '=', 'chloe@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(row.source, 'visitor_qr');
    assert.equal(row.language, 'en');
    assert.equal(row.captured_by, null);
  });

  it('outside the window the visitor page says so clearly, and a draft event is not there', async () => {
    const later = await createEvent(db, { startsAt: new Date(Date.now() + 10 * 86_400_000) });
    const s1 = await addExhibitor(db, later.id);
    const soon = await client.get(`/sv/events/${later.slug}/stand/${s1.standCode}`);
    assert.equal(soon.statusCode, 200);
    assert.match(soon.body, /Formuläret öppnar snart/);
    assert.doesNotMatch(soon.body, /name="email"/);
    const post = await client.postForm(`/sv/events/${later.slug}/stand/${s1.standCode}`, '', {
      name: 'X',
      email: 'x@example.org',
      consent_lead: '1',
    });
    assert.equal(post.statusCode, 409);

    const past = await createEvent(db, {
      startsAt: new Date(Date.now() - 5 * 86_400_000),
      endsAt: new Date(Date.now() - 4 * 86_400_000),
    });
    const s2 = await addExhibitor(db, past.id);
    const over = await client.get(`/en/events/${past.slug}/stand/${s2.standCode}`);
    assert.equal(over.statusCode, 410);
    assert.match(over.body, /The form is closed/);

    const draft = await createEvent(db, { status: 'draft', startsAt: new Date(Date.now() + 3_600_000) });
    const s3 = await addExhibitor(db, draft.id);
    assert.equal((await client.get(`/sv/events/${draft.slug}/stand/${s3.standCode}`)).statusCode, 404);
  });

  it('a visitor who wants the talent pool gets the mail (SMTP) and confirming makes them a talent', async () => {
    const email = `talang-${unique()}@example.org`;
    const fields = {
      name: 'Dana Svensson',
      email,
      occupation: 'Lärare',
      consent_lead: '1',
      consent_talent: '1',
    };
    // The talent pool's profile needs two answers: asked only of those who want to join.
    const missing = await client.postForm(`/sv/events/${event.slug}/stand/${stand.standCode}`, '', fields);
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Välj hur lång erfarenhet – det behövs för talangpoolen\./);
    assert.match(missing.body, /Välj utbildning – det behövs för talangpoolen\./);
    const ok = await client.postForm(`/sv/events/${event.slug}/stand/${stand.standCode}`, '', {
      ...fields,
      experience: '5to10',
      education: 'university',
    });
    assert.equal(ok.statusCode, 303);
    const thanks = await client.get(ok.headers.location as string);
    assert.match(thanks.body, /gå med i talangpoolen/);
    const mail = readMail(await newestMailTo(smtp, queue, email));
    // Dana typed her own address at the stand: the mail says where, that the employer and the
    // organiser keep what she left there, and that clicking adds the talent pool.
    assert.match(mail.text, /i montern hos [^\n]+ på Höstmässan i Malmö/);
    assert.match(mail.text, /finns redan hos [^\n]+ och evenemangets arrangör/);
    assert.match(mail.text, /Ingenting läggs till i talangpoolen om du inte klickar\./);
    assert.doesNotMatch(mail.text, /Någon \(förhoppningsvis du\)|Inget sparas om du inte klickar/);
    const path = linkIn(mail.text, /https?:\/\/[^/\s]+(\/sv\/talent-pool\/confirm\/([A-Za-z0-9_-]{43}))/);
    const page = await client.get(path[1]!);
    assert.equal(page.statusCode, 200);
    const done = await client.postForm('/sv/talent-pool/confirm', '', { token: path[2]! });
    assert.equal(done.statusCode, 303);
    const account = await db
      .selectFrom('accounts')
      .select('id')
      .where('region_id', '=', REGION)
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const profile = await db
      .selectFrom('talent_profiles')
      .select(['about', 'experience', 'education', 'move_when'])
      .where('account_id', '=', account.id)
      .executeTakeFirst();
    assert.ok(profile, 'the visitor is a member of the talent pool');
    assert.equal(profile.about, 'Lärare');
    assert.equal(profile.experience, '5to10');
    assert.equal(profile.education, 'university');
    assert.equal(profile.move_when, 'not-sure');
  });

  it('the talent pool mail of a lead at the organiser’s own stand names the organiser once (en)', async () => {
    const email = `own-${unique()}@example.org`;
    const saved = await client.postForm(`/admin/events/${event.id}/leads/new`, region.cookie, {
      stand: 'own',
      name: 'Olu Adeyemi',
      email,
      language: 'en',
      consent_lead: '1',
      consent_talent: '1',
      experience: '2to5',
      education: 'vocational',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    const mail = readMail(await newestMailTo(smtp, queue, email));
    assert.equal(mail.language, 'en');
    assert.match(mail.text, /stand at The autumn fair in Malmö/);
    assert.match(mail.text, /already with [^\n]+, who runs the event,/);
    assert.doesNotMatch(mail.text, /event’s organiser|Nothing is kept unless you click/);
    assert.match(mail.text, /Nothing is added to the talent pool unless you click\./);
  });

  it('a visitor who wants a navigator gets a case in the region’s inbox with the event as its source', async () => {
    const email = `lots-${unique()}@example.org`;
    const saved = await client.postForm(`/admin/events/${event.id}/leads/new`, region.cookie, {
      stand: employer.organisationId,
      name: 'Erik Navigatorsson',
      email,
      language: 'en',
      consent_lead: '1',
      consent_navigator: '1',
    });
    assert.equal(saved.statusCode, 303);
    const lead = await db
      .selectFrom('event_leads')
      .select(['case_id'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.ok(lead.case_id);
    const inbox = await client.get('/admin/cases', navigator.cookie);
    assert.equal(inbox.statusCode, 200);
    assert.match(inbox.body, new RegExp(lead.case_id));
    const file = await client.get(`/admin/cases/${lead.case_id}`, navigator.cookie);
    assert.equal(file.statusCode, 200);
    // The visitor spoke English at the stand; the navigator reads the case file in Swedish, so the
    // event goes by its Swedish name (it used to be the visitor's language's title).
    assert.match(file.body, /evenemanget Höstmässan i Malmö \([^)]*B12\)/);
    const mail = readMail(await newestMailTo(smtp, queue, email));
    assert.equal(mail.language, 'en');
  });

  it('the case file names the event in the navigator’s own language, and older cases by their one title', async () => {
    const email = `lots-${unique()}@example.org`;
    const saved = await client.postForm(`/admin/events/${event.id}/leads/new`, region.cookie, {
      stand: employer.organisationId,
      name: 'Sara Språksson',
      email,
      language: 'sv',
      consent_lead: '1',
      consent_navigator: '1',
    });
    assert.equal(saved.statusCode, 303);
    const lead = await db
      .selectFrom('event_leads')
      .select(['case_id'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.ok(lead.case_id);
    const english = await createNavigator(db, { language: 'en' });
    const en = await client.get(`/admin/cases/${lead.case_id}`, english.cookie);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /at the event The autumn fair in Malmö \([^)]*B12\)/);
    const sv = await client.get(`/admin/cases/${lead.case_id}`, navigator.cookie);
    assert.match(sv.body, /evenemanget Höstmässan i Malmö \([^)]*B12\)/);

    // A case from before both titles were kept: its one title, whatever the navigator's language.
    await db
      .updateTable('relocation_cases')
      .set({
        source: JSON.stringify({
          page: 'event',
          eventTitle: 'Gamla mässan',
          stand: 'B12',
          employer: 'Bolaget',
        }),
      })
      .where('id', '=', lead.case_id)
      .execute();
    const old = await client.get(`/admin/cases/${lead.case_id}`, english.cookie);
    assert.match(old.body, /at the event Gamla mässan \(Bolaget, B12\)/);
  });

  it('the mails a visitor’s lead starts are limited per address (anyone may type any address)', async () => {
    const email = `mottagare-${unique()}@example.org`;
    // Four stands: at one stand the same address within a day updates its first lead instead.
    const stands = [
      stand,
      await addExhibitor(db, event.id),
      await addExhibitor(db, event.id),
      await addExhibitor(db, event.id),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await client
        .from(`198.51.100.${i + 1}`)
        .postForm(`/sv/events/${event.slug}/stand/${stands[i]?.standCode ?? ''}`, '', {
          name: 'Någon Annan',
          email,
          consent_lead: '1',
          consent_navigator: '1',
        });
      statuses.push(r.statusCode);
      if (r.statusCode === 429) {
        assert.ok(Number(r.headers['retry-after']) > 0);
        assert.match(r.body, /Vänta \d+ minuter/);
        assert.match(r.body, /value="Någon Annan"/);
      }
    }
    assert.deepEqual(statuses, [303, 303, 303, 429]);
    const leads = await db.selectFrom('event_leads').select('id').where('email', '=', email).execute();
    assert.equal(leads.length, 3);
  });

  it('the visitor page is rate limited per client: 429 with Retry-After', async () => {
    const from = client.from('203.0.113.77');
    let last = await from.postForm(`/sv/events/${event.slug}/stand/${stand.standCode}`, '', { name: '' });
    for (let i = 0; i < 70 && last.statusCode !== 429; i++)
      last = await from.postForm(`/sv/events/${event.slug}/stand/${stand.standCode}`, '', { name: '' });
    assert.equal(last.statusCode, 429);
    assert.ok(Number(last.headers['retry-after']) > 0);
  });
});
