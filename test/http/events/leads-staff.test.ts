/**
 * The stand staff's form under the same rules as the visitors' page: the mails a lead starts are
 * limited per address in the buckets the visitors' page (and the talent pool's and the navigators'
 * own forms) use, answered by the e-mail field with what was typed kept (429 + Retry-After); it
 * takes details from a day before the event until a week after it, never for a cancelled or
 * unpublished event; and the same address at the same stand within a day updates the first lead
 * instead of starting a second talent-pool mail or navigator case (the staff's and the visitor's).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser } from '../../helpers/events.ts';
import { REGION } from '../../helpers/identity.ts';

const unique = () => Math.random().toString(36).slice(2, 8);

describe('events: the stand staff’s form — limits, window and repeats', async () => {
  // The real rate limiter: the per-address buckets are what is tested.
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganiser(db);
  const fair = (startsAt = new Date(Date.now() + 3_600_000), extra = {}) =>
    createEvent(db, { organisationId: region.organisationId, kind: 'fair', startsAt, ...extra });
  const event = await fair();
  const employer = await createOrganiser(db, { role: 'employer_admin' });
  const stand = await addExhibitor(db, event.id, { organisationId: employer.organisationId, stand: 'D4' });

  const mailsTo = async (email: string) =>
    (
      await db
        .selectFrom('mail_outbox')
        .select('id')
        .where('region_id', '=', REGION)
        .where('to_address', '=', email)
        .execute()
    ).length;
  const casesOf = async (email: string) =>
    (
      await db
        .selectFrom('relocation_persons')
        .select('case_id')
        .where('region_id', '=', REGION)
        .where('email', '=', email)
        .execute()
    ).length;
  const leadsOf = (email: string) =>
    db.selectFrom('event_leads').selectAll().where('email', '=', email).orderBy('created_at').execute();

  it('shares the per-address buckets with the visitors’ page: 429 by the e-mail field, typed values kept', async () => {
    const email = `delad-${unique()}@example.org`;
    // Three navigator requests for the address from visitors at three stands use up its hour.
    const stands = [stand, await addExhibitor(db, event.id), await addExhibitor(db, event.id)];
    for (const [i, s] of stands.entries()) {
      const r = await client
        .from(`198.51.100.${20 + i}`)
        .postForm(`/sv/events/${event.slug}/stand/${s.standCode}`, '', {
          name: 'Besökare',
          email,
          consent_lead: '1',
          consent_navigator: '1',
        });
      assert.equal(r.statusCode, 303);
    }
    assert.equal(await casesOf(email), 3);

    const url = `/admin/events/${event.id}/leads/new`;
    const fields = {
      stand: 'own',
      name: 'Cecilia Berg',
      email,
      occupation: 'Undersköterska',
      note: 'Träffades vid kaffet',
      language: 'sv',
      consent_lead: '1',
      consent_navigator: '1',
    };
    const refused = await client.postForm(url, region.cookie, fields);
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.match(
      refused.body,
      /<p class="field__error" id="email-error">Många mejl har redan gått till den här adressen den senaste timmen\. Spara kontakten utan rutorna för talangpoolen och lotsen, eller försök igen om \d+ minuter\.<\/p>/,
    );
    assert.match(refused.body, /href="#email"/);
    assert.match(refused.body, /value="Cecilia Berg"/);
    assert.match(refused.body, new RegExp(`value="${email}"`));
    assert.match(refused.body, /Träffades vid kaffet<\/textarea>/);
    assert.match(refused.body, /id="consent_navigator" name="consent_navigator" value="1" checked/);
    assert.equal(await casesOf(email), 3);
    assert.equal((await leadsOf(email)).filter((l) => l.organisation_id === null).length, 0);

    // Without the navigator box the contact itself is saved (nothing is mailed).
    const { consent_navigator: _, ...plain } = fields;
    const saved = await client.postForm(url, region.cookie, plain);
    assert.equal(saved.statusCode, 303);
    assert.equal(await casesOf(email), 3);

    // The other way: the staff's saves use up the bucket the visitors' page then meets (English).
    const other = `andra-${unique()}@example.org`;
    for (let i = 0; i < 3; i++) {
      const e = await fair();
      const r = await client.postForm(`/admin/events/${e.id}/leads/new`, region.cookie, {
        ...fields,
        email: other,
      });
      assert.equal(r.statusCode, 303, r.body);
    }
    const visitor = await client
      .from('198.51.100.30')
      .postForm(`/en/events/${event.slug}/stand/${stand.standCode}`, '', {
        name: 'Visitor',
        email: other,
        consent_lead: '1',
        consent_navigator: '1',
      });
    assert.equal(visitor.statusCode, 429);
    assert.ok(Number(visitor.headers['retry-after']) > 0);
    assert.equal(await casesOf(other), 3);

    // In English on the staff's form.
    const english = await createOrganiser(db, {
      role: 'employer_admin',
      organisationId: employer.organisationId,
      language: 'en',
    });
    const en = await client.postForm(url, english.cookie, {
      ...fields,
      stand: employer.organisationId,
      email: other,
    });
    assert.equal(en.statusCode, 429);
    assert.match(en.body, /Many mails have already gone to this address in the last hour\./);
  });

  it('takes details from a day before the event until a week after, never for a cancelled or unpublished one', async () => {
    const post = (id: string) =>
      client.postForm(`/admin/events/${id}/leads/new`, region.cookie, {
        stand: 'own',
        name: 'Pappersanteckning',
        email: `papper-${unique()}@example.org`,
        language: 'sv',
        consent_lead: '1',
      });
    const later = await fair(new Date(Date.now() + 10 * 86_400_000));
    const soon = await client.get(`/admin/events/${later.id}/leads/new`, region.cookie);
    assert.equal(soon.statusCode, 200);
    assert.match(soon.body, /Formuläret öppnar .*dagen före evenemanget\./);
    assert.doesNotMatch(soon.body, /name="email"/);
    assert.equal((await post(later.id)).statusCode, 409);

    // Three days after the end the paper notes can still be typed in.
    const recent = await fair(new Date(Date.now() - 4 * 86_400_000), {
      endsAt: new Date(Date.now() - 3 * 86_400_000),
    });
    assert.equal((await post(recent.id)).statusCode, 303);

    const old = await fair(new Date(Date.now() - 9 * 86_400_000), {
      endsAt: new Date(Date.now() - 8 * 86_400_000),
    });
    const closed = await post(old.id);
    assert.equal(closed.statusCode, 410);
    assert.match(closed.body, /Formuläret stängde .*en vecka efter evenemanget/);

    const cancelled = await fair(undefined, { status: 'cancelled' });
    const refused = await post(cancelled.id);
    assert.equal(refused.statusCode, 410);
    assert.match(refused.body, /Evenemanget är inställt, så inga kontakter kan sparas för det\./);

    const draft = await fair(undefined, { status: 'draft' });
    const unpublished = await post(draft.id);
    assert.equal(unpublished.statusCode, 409);
    assert.match(unpublished.body, /Evenemanget är inte publicerat/);

    for (const e of [later, old, cancelled, draft]) {
      const rows = await db.selectFrom('event_leads').select('id').where('event_id', '=', e.id).execute();
      assert.equal(rows.length, 0);
    }
  });

  it('the same address at the same stand within a day updates the first lead and starts nothing twice', async () => {
    const email = `igen-${unique()}@example.org`;
    const url = `/admin/events/${event.id}/leads/new`;
    const first = await client.postForm(url, employer.cookie, {
      stand: employer.organisationId,
      name: 'Dana Ek',
      email,
      note: 'Vill veta mer om Falun',
      language: 'sv',
      consent_lead: '1',
      consent_talent: '1',
      experience: '2to5',
      education: 'university',
      consent_navigator: '1',
    });
    assert.equal(first.statusCode, 303);
    const mails = await mailsTo(email);
    assert.ok(mails >= 2);
    assert.equal(await casesOf(email), 1);

    const second = await client.postForm(url, employer.cookie, {
      stand: employer.organisationId,
      name: 'Dana Ekström',
      email: email.toUpperCase(),
      phone: '070-111 22 33',
      note: 'Har familj med två barn',
      language: 'en',
      consent_lead: '1',
      consent_talent: '1',
      experience: '2to5',
      education: 'university',
      consent_navigator: '1',
    });
    assert.equal(second.statusCode, 303);
    const next = await client.get(second.headers.location as string, employer.cookie);
    assert.match(
      next.body,
      /Dana Ekström var redan sparad vid montern i dag, så den kontakten uppdaterades\./,
    );
    assert.match(next.body, /startades inte en gång till/);
    assert.doesNotMatch(next.body, /En länk för att gå med i talangpoolen skickas/);
    assert.equal(await mailsTo(email), mails);
    assert.equal(await casesOf(email), 1);

    const rows = await leadsOf(email);
    assert.equal(rows.length, 1);
    const lead = rows[0];
    assert.ok(lead);
    assert.equal(lead.name, 'Dana Ekström');
    assert.equal(lead.phone, '070-111 22 33');
    assert.equal(lead.language, 'en');
    assert.equal(lead.note, 'Vill veta mer om Falun\nHar familj med två barn');
    assert.ok(lead.case_id);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('subject_id', '=', lead.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['event.lead.captured', 'event.lead.updated'],
    );
    assert.doesNotMatch(JSON.stringify(audit[1]?.data), /Dana|igen-/);

    // The visitor scanning the same stand's QR code afterwards: the same lead, told so.
    const visitor = await client
      .from('198.51.100.40')
      .postForm(`/sv/events/${event.slug}/stand/${stand.standCode}`, '', {
        name: 'Dana Ekström',
        email,
        consent_lead: '1',
        consent_navigator: '1',
      });
    assert.equal(visitor.statusCode, 303);
    const thanks = await client.get(visitor.headers.location as string);
    assert.match(
      thanks.body,
      /Du hade redan lämnat dina uppgifter vid montern i dag\. Vi har lagt till det som saknades – vill du ändra något, prata med personalen i montern\./,
    );
    assert.equal((await leadsOf(email)).length, 1);
    assert.equal(await mailsTo(email), mails);
    assert.equal(await casesOf(email), 1);

    // Another stand is another lead (and its own consent); a day later too.
    const own = await client.postForm(url, region.cookie, {
      stand: 'own',
      name: 'Dana Ekström',
      email,
      language: 'sv',
      consent_lead: '1',
    });
    assert.equal(own.statusCode, 303);
    assert.equal((await leadsOf(email)).length, 2);
    await sql`update event_leads set created_at = now() - interval '2 days' where id = ${lead.id}`.execute(
      db,
    );
    const tomorrow = await client.postForm(url, employer.cookie, {
      stand: employer.organisationId,
      name: 'Dana Ekström',
      email,
      language: 'sv',
      consent_lead: '1',
    });
    assert.equal(tomorrow.statusCode, 303);
    assert.equal((await leadsOf(email)).length, 3);
  });

  it('a repeat that asks for what the first did not starts only that', async () => {
    const email = `senare-${unique()}@example.org`;
    const url = `/admin/events/${event.id}/leads/new`;
    const base = {
      stand: employer.organisationId,
      name: 'Elin Ås',
      email,
      language: 'sv',
      consent_lead: '1',
    };
    assert.equal((await client.postForm(url, employer.cookie, base)).statusCode, 303);
    assert.equal(await mailsTo(email), 0);
    const more = await client.postForm(url, employer.cookie, {
      ...base,
      consent_talent: '1',
      experience: 'gt10',
      education: 'upper-secondary',
    });
    assert.equal(more.statusCode, 303);
    const next = await client.get(more.headers.location as string, employer.cookie);
    assert.match(next.body, /var redan sparad vid montern i dag/);
    assert.match(next.body, /En länk för att gå med i talangpoolen skickas till/);
    assert.equal(await mailsTo(email), 1);
    assert.equal(await casesOf(email), 0);
    const rows = await leadsOf(email);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.wants_talent_pool, true);
  });
});
