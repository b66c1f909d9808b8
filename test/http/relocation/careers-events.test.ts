/**
 * Fair scans as a navigator source: a lead captured at a stand who asked for a navigator and an
 * open case with their e-mail are a pair on the duplicates page, with where they were met ("met at
 * <event>, stand <stand>, <employer>"); an adult whose e-mail a lead with a talent pool profile
 * left is offered for linking once, with the same words; and the case file's "Evenemang" panel
 * lists the household's registrations (status, checked in or not) and the leads at stands, each
 * linking to the event's back-office page — and nothing of anyone else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { CONSENT_TEXT_VERSIONS } from '../../../src/modules/events/model.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createRegistration } from '../../helpers/events.ts';
import { createOrganisation, REGION } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';
import { createProfile } from '../talent/matching-fixture.ts';

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n += 1)}`;

async function createLead(
  db: Kysely<DB>,
  eventId: string,
  values: {
    email: string;
    name?: string;
    organisationId?: string | null;
    stand?: string;
    caseId?: string | null;
    accountId?: string | null;
    wantsNavigator?: boolean;
  },
): Promise<string> {
  const row = await db
    .insertInto('event_leads')
    .values({
      region_id: REGION,
      event_id: eventId,
      organisation_id: values.organisationId ?? null,
      stand: values.stand ?? '',
      name: values.name ?? 'Mässbesökare',
      email: values.email,
      consent_text_version: CONSENT_TEXT_VERSIONS.lead,
      wants_navigator: values.wantsNavigator ?? false,
      wants_talent_pool: values.accountId !== undefined && values.accountId !== null,
      case_id: values.caseId ?? null,
      account_id: values.accountId ?? null,
      source: 'stand_form',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('fair scans for navigators', async () => {
  const t = await buildTestApp();
  const db = t.database.db;
  const client = await formClient(t.app);
  const navigator = await createNavigator(db, { name: 'Nora Lots' });
  const PAGE = '/admin/cases/duplicates';
  const employerName = `Dala Energi ${unique()} AB`;
  const employerId = await createOrganisation(db, { kind: 'employer', name: employerName });
  const fair = await createEvent(db, {
    kind: 'fair',
    title: 'Jobbmässan i Malmö',
    titleEn: 'The Malmö job fair',
    locationKind: 'away',
    locality: 'Malmö',
  });
  await addExhibitor(db, fair.id, { organisationId: employerId, stand: 'B7' });
  const rowsOf = (body: string, needle: string) => body.split('<tr').filter((row) => row.includes(needle));

  it('pairs the case a lead asked for with an open case of the same e-mail, saying where they were met', async () => {
    const email = `mats-${unique()}@example.org`;
    const fromStand = await createCase(db, { main: { name: 'Mats Mässa', email } });
    const open = await createCase(db, {
      stage: 'exploring',
      main: { name: 'Lisa Lind', email: `lisa-${unique()}@example.org` },
      partner: { name: 'Mats Lind', email: email.toUpperCase() },
    });
    const closed = await createCase(db, { stage: 'closed', main: { name: 'Mats Stängd', email } });
    await createLead(db, fair.id, {
      email,
      name: 'Mats Mässa',
      organisationId: employerId,
      stand: 'B7',
      caseId: fromStand.caseId,
      wantsNavigator: true,
    });
    const res = await client.get(PAGE, navigator.cookie);
    assert.equal(res.statusCode, 200);
    const [a, b] = [fromStand.caseId, open.caseId].sort();
    const pair = rowsOf(res.body, `/admin/cases/${a}"`).find((row) => row.includes(`/admin/cases/${b}"`));
    assert.ok(pair, 'the lead’s case and the open case are a pair');
    assert.match(pair, /träffad på ett evenemang/);
    assert.match(pair, new RegExp(`träffades på Jobbmässan i Malmö, monter B7, ${employerName}, \\d`));
    const withClosed = rowsOf(res.body, `/admin/cases/${closed.caseId}"`).find((row) =>
      row.includes(`/admin/cases/${fromStand.caseId}"`),
    );
    assert.ok(withClosed, 'the e-mail source still pairs the closed case');
    assert.doesNotMatch(withClosed, /träffad på ett evenemang/, 'a closed case is no event finding');

    const en = await createNavigator(db, { language: 'en' });
    const english = await client.get(PAGE, en.cookie);
    const enPair = rowsOf(english.body, `/admin/cases/${a}"`).find((row) =>
      row.includes(`/admin/cases/${b}"`),
    );
    assert.ok(enPair);
    assert.match(enPair, new RegExp(`met at The Malmö job fair, stand B7, ${employerName}`));
  });

  it('offers an adult whose e-mail a lead with a talent pool profile left for linking, once, with where they met', async () => {
    const talent = await createProfile(db, { email: `kim-${unique()}@example.org` });
    const kase = await createCase(db, {
      stage: 'in_contact',
      main: { name: 'Kim Kontakt', email: talent.email },
    });
    await createLead(db, fair.id, {
      email: talent.email,
      name: 'Kim Kontakt',
      organisationId: employerId,
      stand: 'B7',
      accountId: talent.accountId,
    });
    const res = await client.get(PAGE, navigator.cookie);
    const rows = rowsOf(res.body, 'Kim Kontakt');
    assert.equal(rows.length, 1, 'one row for the adult although two sources found them');
    assert.match(rows[0]!, new RegExp(`/admin/cases/${kase.caseId}"`));
    assert.match(rows[0]!, /träffades på Jobbmässan i Malmö, monter B7/);
    assert.match(rows[0]!, /Skicka en länk så att personen kan bekräfta/);
  });

  it('the case file’s Evenemang panel lists the household’s registrations and stand visits, linking to each event', async () => {
    const email = `familj-${unique()}@example.org`;
    const partnerEmail = `partner-${unique()}@example.org`;
    const account = await createProfile(db, { email });
    const kase = await createCase(db, {
      main: { name: 'Frida Familj', email, accountId: account.accountId },
      partner: { name: 'Pelle Partner', email: partnerEmail },
    });
    const afterwork = await createEvent(db, { title: 'After work i Uppsala', kind: 'afterwork' });
    const visit = await createEvent(db, { title: 'Företagsbesök på bruket', kind: 'company_visit' });
    const cancelled = await createEvent(db, { title: 'Inställd infokväll', status: 'cancelled' });
    const elsewhere = await createEvent(db, { title: 'Någon annans evenemang' });
    const byAccount = await createRegistration(db, afterwork.id, {
      accountId: account.accountId,
      email: `annan-adress-${unique()}@example.org`,
      name: 'Frida Familj',
      seats: 3,
    });
    await db
      .insertInto('event_checkins')
      .values({ region_id: REGION, event_id: afterwork.id, registration_id: byAccount.id, people: 3 })
      .execute();
    await createRegistration(db, visit.id, { email: partnerEmail, name: 'Pelle Partner', status: 'waiting' });
    await createRegistration(db, cancelled.id, { email, name: 'Frida Familj', status: 'cancelled' });
    await createRegistration(db, elsewhere.id, { name: 'Någon Annan' });
    await createLead(db, fair.id, {
      email: partnerEmail,
      name: 'Pelle Partner',
      organisationId: employerId,
      stand: 'B7',
    });
    await createLead(db, fair.id, { email: `annan-${unique()}@example.org`, name: 'Olle Okänd' });

    const page = await client.get(`/admin/cases/${kase.caseId}`, navigator.cookie);
    assert.equal(page.statusCode, 200);
    const start = page.body.indexOf('<section id="case-events"');
    assert.ok(start > 0, 'the panel is there');
    const panel = page.body.slice(start, page.body.indexOf('</section>', start));
    assert.match(panel, /<h2 id="case-events-title">Evenemang<\/h2>/);

    const row = (title: string) => rowsOf(panel, title)[0] ?? '';
    assert.match(row('After work i Uppsala'), new RegExp(`href="/admin/events/${afterwork.id}"`));
    assert.match(row('After work i Uppsala'), /Frida Familj, 3 platser/);
    assert.match(row('After work i Uppsala'), /Bekräftad/);
    assert.match(row('After work i Uppsala'), /<td>Ja<\/td>/);
    assert.match(row('Företagsbesök på bruket'), /På väntelistan/);
    assert.match(row('Företagsbesök på bruket'), /<td>Nej<\/td>/);
    assert.match(row('Inställd infokväll'), /Avbokad/);
    assert.match(row('Inställd infokväll'), /evenemanget är inställt/);
    assert.doesNotMatch(panel, /Någon annans evenemang|Någon Annan|Olle Okänd/);

    const lead = row('Jobbmässan i Malmö');
    assert.match(lead, new RegExp(`href="/admin/events/${fair.id}"`));
    assert.match(lead, /Pelle Partner/);
    assert.match(lead, /<td>B7<\/td>/);
    assert.match(lead, new RegExp(employerName));

    const empty = await createCase(db, { main: { name: 'Tom Tom', email: `tom-${unique()}@example.org` } });
    const emptyPage = await client.get(`/admin/cases/${empty.caseId}`, navigator.cookie);
    assert.match(emptyPage.body, /Ingen av hushållets vuxna har anmält sig till något evenemang/);
    assert.match(emptyPage.body, /Ingen av hushållets vuxna har lämnat sina uppgifter i en monter/);
  });
});
