/**
 * The same address again at the same stand within a day (fix3-leads): from the public visitors'
 * page a repeat only adds to the first lead (fills what is empty, adds a wish), never replaces what
 * the staff or an earlier post wrote; from the staff's form it corrects. The per-address check of
 * the mails a lead starts looks at every bucket before spending any, so a refusal by the
 * navigator's bucket never spends the talent pool's; and a talent-pool wish without its two answers
 * is refused by the form rather than kept as a wish nobody is sent the link for.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser } from '../../helpers/events.ts';

const unique = () => Math.random().toString(36).slice(2, 8);

describe('events: a repeat of the same address at a stand', async () => {
  // The real rate limiter: the per-address buckets are part of what is tested.
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganiser(db);
  const event = await createEvent(db, {
    organisationId: region.organisationId,
    kind: 'fair',
    startsAt: new Date(Date.now() + 3_600_000),
  });
  const employer = await createOrganiser(db, { role: 'employer_admin' });
  const stand = await addExhibitor(db, event.id, { organisationId: employer.organisationId, stand: 'C3' });
  const staffUrl = `/admin/events/${event.id}/leads/new`;
  let ip = 10;
  const visitor = (code: string, fields: Record<string, string>) =>
    client.from(`198.51.100.${ip++}`).postForm(`/sv/events/${event.slug}/stand/${code}`, '', fields);
  const staff = (fields: Record<string, string>) =>
    client.postForm(staffUrl, employer.cookie, { stand: employer.organisationId, language: 'sv', ...fields });
  const leadsOf = (email: string) =>
    db
      .selectFrom('event_leads')
      .selectAll()
      .where('event_id', '=', event.id)
      .where('email', '=', email)
      .orderBy('created_at')
      .execute();

  it('a visitor’s repeat over the staff’s lead only fills what was empty and adds a wish', async () => {
    const email = `fyll-${unique()}@example.org`;
    const saved = await staff({
      name: 'Anna Andersson',
      email,
      note: 'Kom tillbaka kl 14',
      consent_lead: '1',
    });
    assert.equal(saved.statusCode, 303);
    const again = await visitor(stand.standCode, {
      name: 'Någon annan',
      email,
      phone: '070-765 43 21',
      occupation: 'Barnmorska',
      consent_lead: '1',
      consent_navigator: '1',
    });
    assert.equal(again.statusCode, 303);
    assert.match(String(again.headers.location), /w=nu$/);
    const rows = await leadsOf(email);
    assert.equal(rows.length, 1);
    const lead = rows[0]!;
    assert.equal(lead.name, 'Anna Andersson');
    assert.equal(lead.phone, '070-765 43 21');
    assert.equal(lead.occupation, 'Barnmorska');
    assert.equal(lead.note, 'Kom tillbaka kl 14');
    assert.equal(lead.source, 'stand_form');
    assert.equal(lead.wants_navigator, true);
    assert.ok(lead.case_id);
  });

  it('a visitor’s repeat never replaces an earlier visitor’s post', async () => {
    const email = `besok-${unique()}@example.org`;
    const base = { email, consent_lead: '1' };
    assert.equal(
      (await visitor(stand.standCode, { ...base, name: 'Bo Berg', phone: '070-111 22 33' })).statusCode,
      303,
    );
    assert.equal(
      (await visitor(stand.standCode, { ...base, name: 'Radera mig', phone: '0709999999' })).statusCode,
      303,
    );
    const rows = await leadsOf(email);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.name, 'Bo Berg');
    assert.equal(rows[0]!.phone, '070-111 22 33');
  });

  it('the staff’s repeat corrects what is typed and keeps what is left empty', async () => {
    const email = `ratta-${unique()}@example.org`;
    await visitor(stand.standCode, {
      name: 'Cecilia Berg',
      email,
      occupation: 'Undersköterska',
      consent_lead: '1',
    });
    assert.equal(
      (await staff({ name: 'Cecilia Bergh', email, phone: '070-222 33 44', consent_lead: '1' })).statusCode,
      303,
    );
    assert.equal(
      (await staff({ name: 'Cecilia Bergh', email, phone: '070-222 33 45', consent_lead: '1' })).statusCode,
      303,
    );
    const rows = await leadsOf(email);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.name, 'Cecilia Bergh');
    assert.equal(rows[0]!.phone, '070-222 33 45');
    assert.equal(rows[0]!.occupation, 'Undersköterska');
  });

  it('a talent-pool wish without its two answers is refused by either form, nothing kept', async () => {
    const email = `talang-${unique()}@example.org`;
    const fields = { name: 'Dan Ek', email, consent_lead: '1', consent_talent: '1' };
    const byStaff = await staff({ ...fields, experience: '5to10' });
    assert.equal(byStaff.statusCode, 400);
    assert.match(byStaff.body, /id="education-error"/);
    assert.doesNotMatch(byStaff.body, /id="experience-error"/);
    const byVisitor = await visitor(stand.standCode, fields);
    assert.equal(byVisitor.statusCode, 400);
    assert.match(byVisitor.body, /id="experience-error"/);
    assert.match(byVisitor.body, /id="education-error"/);
    assert.equal((await leadsOf(email)).length, 0);
  });

  it('a refusal by the navigator’s bucket does not spend the talent pool’s', async () => {
    const email = `hink-${unique()}@example.org`;
    // The navigator's bucket for the address used up (three requests a day) at three other stands.
    for (let i = 0; i < 3; i++) {
      const s = await addExhibitor(db, event.id);
      const r = await visitor(s.standCode, {
        name: 'Eva Lund',
        email,
        consent_lead: '1',
        consent_navigator: '1',
      });
      assert.equal(r.statusCode, 303);
    }
    const talent = {
      name: 'Eva Lund',
      email,
      consent_lead: '1',
      consent_talent: '1',
      experience: '2to5',
      education: 'vocational',
    };
    const refused = await visitor(stand.standCode, { ...talent, consent_navigator: '1' });
    assert.equal(refused.statusCode, 429);
    assert.equal(
      (await leadsOf(email)).filter((l) => l.organisation_id === employer.organisationId).length,
      0,
    );
    // The talent pool's five sends an hour are all still there.
    for (let i = 0; i < 5; i++) {
      const s = await addExhibitor(db, event.id);
      const r = await visitor(s.standCode, talent);
      assert.equal(r.statusCode, 303, `talent-pool send ${i + 1} of 5 refused`);
      assert.match(String(r.headers.location), /w=t$/);
    }
    const sixth = await visitor((await addExhibitor(db, event.id)).standCode, talent);
    assert.equal(sixth.statusCode, 429);
  });
});
