/**
 * The region's side of the company pages: the list (waiting for review first, filtered by status),
 * the review with a readable diff, approving and sending back with a comment the employer reads,
 * unpublishing, featuring, the setting for text edits; a page made for a company that has not
 * claimed one (its organisationsnummer checked), and the company's admin invited to take it over.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { getCompany } from '../../../src/modules/companies/store.ts';
import { REGION, auditActions, orgNumber, roleIn } from '../../helpers/identity.ts';
import { LIST, companyFixture, filled, inputValue } from './admin-fixture.ts';

describe('the region’s side of the company pages', async () => {
  const f = await companyFixture();
  const id = await f.ownPage();
  assert.equal((await f.save(id, f.hrCookie, filled('Bergslagens Stål'))).statusCode, 303);

  it('lists every page, those waiting for review first, and filters by status', async () => {
    const waiting = await f.ownPage(f.otherCookie);
    assert.equal((await f.save(waiting, f.otherCookie, filled('Andra Bolaget'))).statusCode, 303);
    assert.equal((await f.post(`${LIST}/${waiting}/submit`, f.otherCookie, { shown: '2' })).statusCode, 303);
    const list = await f.get(LIST, f.editorCookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<h1>Företagssidor<\/h1>/);
    const andra = list.body.indexOf('Andra Bolaget AB');
    const berg = list.body.indexOf('Bergslagens Stål AB');
    assert.ok(andra > 0 && berg > 0 && andra < berg, 'the page waiting for review comes first');
    assert.match(list.body, /Granska version 2/);
    const drafts = await f.get(`${LIST}?status=draft`, f.editorCookie);
    assert.match(drafts.body, /Bergslagens Stål AB/);
    assert.doesNotMatch(drafts.body, /Andra Bolaget AB/);
    const review = await f.get(`${LIST}?review=1`, f.editorCookie);
    assert.match(review.body, /Andra Bolaget AB/);
    assert.doesNotMatch(review.body, /Bergslagens Stål AB/);
  });

  it('shows the review as a readable diff, sends it back with a comment the employer reads, then approves', async () => {
    assert.equal((await f.post(`${LIST}/${id}/submit`, f.hrCookie, { shown: '2' })).statusCode, 303);
    const review = await f.get(`${LIST}/${id}/review`, f.editorCookie);
    assert.equal(review.statusCode, 200);
    assert.match(review.body, /Sidan har inte varit publicerad/);
    assert.match(
      review.body,
      /<ins><span class="visually-hidden">\[[^\]]+\] <\/span>Bergslagens Stål gör stål i Dalarna\./,
    );
    assert.match(review.body, /Sammanfattning på engelska/);

    const empty = await f.post(`${LIST}/${id}/return`, f.editorCookie, { shown: '2', comment: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Skriv vad som behöver ändras/);

    const back = await f.post(`${LIST}/${id}/return`, f.editorCookie, {
      shown: '2',
      comment: 'Berätta mer om era karriärvägar.',
    });
    assert.equal(back.statusCode, 303);
    assert.equal((await getCompany(f.db, REGION, id))?.status, 'draft');
    const page = await f.get(`${LIST}/${id}`, f.hrCookie);
    assert.match(page.body, /skickade tillbaka sidan/);
    assert.match(page.body, /Berätta mer om era karriärvägar\./);

    assert.equal(
      (await f.save(id, f.hrCookie, filled('Bergslagens Stål', { summary_sv: 'Nu med mer.' }))).statusCode,
      303,
    );
    assert.equal((await f.post(`${LIST}/${id}/submit`, f.hrCookie, { shown: '3' })).statusCode, 303);
    // A stale page (an older version shown) is refused, saying why.
    const stale = await f.post(`${LIST}/${id}/approve`, f.editorCookie, { shown: '2' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Sidan har ändrats sedan du öppnade den/);
    const approved = await f.post(`${LIST}/${id}/approve`, f.editorCookie, { shown: '3' });
    assert.equal(approved.statusCode, 303);
    assert.equal(approved.headers.location, `${LIST}/${id}?done=approved&v=3`);
    const company = await getCompany(f.db, REGION, id);
    assert.equal(company?.status, 'published');
    assert.equal(company?.publishedVersion, 3);
    assert.equal(company?.name, 'Bergslagens Stål');
    const after = await f.get(`${LIST}/${id}`, f.hrCookie);
    assert.match(after.body, /Sidan är publicerad: besökare ser version 3/);
    assert.doesNotMatch(after.body, /Berätta mer om era karriärvägar/, 'the comment is settled');
    const actions = await auditActions(f.db);
    for (const action of ['company.submitted', 'company.returned', 'company.approved'])
      assert.ok(actions.includes(action), action);
  });

  it('features and stops featuring a published page, and unpublishes it', async () => {
    const featured = await f.post(`${LIST}/${id}/feature`, f.editorCookie, { featured: 'yes' });
    assert.equal(featured.statusCode, 303);
    assert.equal((await getCompany(f.db, REGION, id))?.featured, true);
    const page = await f.get(String(featured.headers.location), f.editorCookie);
    assert.match(page.body, /Företaget är utvalt och visas på startsidan/);
    assert.equal((await f.post(`${LIST}/${id}/feature`, f.hrCookie, { featured: 'no' })).statusCode, 403);
    assert.equal((await f.post(`${LIST}/${id}/feature`, f.editorCookie, { featured: 'no' })).statusCode, 303);
    assert.equal((await getCompany(f.db, REGION, id))?.featured, false);

    const unpublished = await f.post(`${LIST}/${id}/unpublish`, f.editorCookie);
    assert.equal(unpublished.statusCode, 303);
    assert.equal((await getCompany(f.db, REGION, id))?.status, 'unpublished');
    const refeature = await f.post(`${LIST}/${id}/feature`, f.editorCookie, { featured: 'yes' });
    assert.equal(refeature.statusCode, 409);
    assert.match(refeature.body, /Bara en publicerad sida kan vara utvald/);
    const employer = await f.get(`${LIST}/${id}`, f.hrCookie);
    assert.match(employer.body, /Regionen har avpublicerat sidan/);
    const actions = await auditActions(f.db);
    for (const action of ['company.featured', 'company.unfeatured', 'company.unpublished'])
      assert.ok(actions.includes(action), action);
  });

  it('keeps the setting for text edits, audited', async () => {
    const page = await f.get(`${LIST}/settings`, f.editorCookie);
    assert.match(page.body, /id="direct-yes"[^>]*checked/);
    const bad = await f.post(`${LIST}/settings`, f.editorCookie, { direct: 'maybe' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Välj ett av alternativen/);
    assert.equal((await f.post(`${LIST}/settings`, f.editorCookie, { direct: 'no' })).statusCode, 303);
    const row = await f.db
      .selectFrom('company_settings')
      .select('direct_text_edits')
      .where('region_id', '=', REGION)
      .executeTakeFirstOrThrow();
    assert.equal(row.direct_text_edits, false);
    assert.ok((await auditActions(f.db)).includes('company.settings.updated'));
    assert.equal((await f.get(`${LIST}/settings`, f.hrCookie)).statusCode, 403);
  });

  it('refuses a bad organisationsnummer by its field, and one that already has a page', async () => {
    for (const [number, text] of [
      ['12345', /tio siffror/],
      ['198001011234', /tio siffror/],
      ['5501011234', /ser ut som ett personnummer/],
      [
        `${orgNumber('556677889').slice(0, 9)}${(Number(orgNumber('556677889')[9]) + 1) % 10}`,
        /stämmer inte/,
      ],
    ] as const) {
      const res = await f.post(`${LIST}/new`, f.editorCookie, { name: 'Nytt Bolag AB', org_number: number });
      assert.equal(res.statusCode, 400, number);
      assert.match(res.body, text);
      assert.equal(inputValue(res.body, 'name'), 'Nytt Bolag AB');
      assert.equal(inputValue(res.body, 'org_number'), number);
    }
    const taken = (
      await f.db.selectFrom('companies').select('org_number').where('id', '=', id).executeTakeFirstOrThrow()
    ).org_number;
    const clash = await f.post(`${LIST}/new`, f.editorCookie, { name: 'Dubblett AB', org_number: taken });
    assert.equal(clash.statusCode, 400);
    assert.match(clash.body, /Det finns redan en sida med det organisationsnumret: Bergslagens Stål/);
    assert.equal((await f.post(`${LIST}/new`, f.hrCookie, { name: 'X', org_number: taken })).statusCode, 403);
  });

  it('makes a page for an unclaimed company and invites its admin, who then edits it', async () => {
    const number = orgNumber('559900112');
    const made = await f.post(`${LIST}/new`, f.editorCookie, {
      name: 'Dalakraft AB',
      org_number: `${number.slice(0, 6)}-${number.slice(6)}`,
    });
    assert.equal(made.statusCode, 303, made.body.slice(0, 2000));
    const page = String(made.headers.location).replace(/\?.*$/, '').split('/').at(-1) as string;
    // The region edits it as the company would.
    assert.equal((await f.save(page, f.editorCookie, filled('Dalakraft'))).statusCode, 303);

    // An editor may not invite (an invitation adds an organisation: admins' work), and is told so.
    const editorPage = await f.get(`${LIST}/${page}`, f.editorCookie);
    assert.match(editorPage.body, /Bara regionens administratörer kan bjuda in/);
    const refused = await f.post(`${LIST}/${page}/invite`, f.editorCookie, { email: 'vd@dalakraft.se' });
    assert.equal(refused.statusCode, 409);
    const badEmail = await f.post(`${LIST}/${page}/invite`, f.adminCookie, { email: 'inte en adress' });
    assert.equal(badEmail.statusCode, 400);
    assert.match(badEmail.body, /Skriv en e-postadress/);
    assert.equal(inputValue(badEmail.body, 'email'), 'inte en adress');

    const sent = await f.post(`${LIST}/${page}/invite`, f.adminCookie, { email: 'VD@Dalakraft.se' });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 2000));
    const organisation = await f.db
      .selectFrom('organisations')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('org_number', '=', number)
      .executeTakeFirstOrThrow();
    assert.equal(organisation.kind, 'employer');
    assert.equal(organisation.name, 'Dalakraft AB');
    assert.equal(
      (await getCompany(f.db, REGION, page))?.organisationId,
      organisation.id,
      'linked at the invitation',
    );
    const mail = await f.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'vd@dalakraft.se')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1];
    assert.ok(token, mail.text_body);
    const actions = await auditActions(f.db);
    for (const action of ['org.created', 'company.linked', 'org.member.invited'])
      assert.ok(actions.includes(action), action);

    const accepted = await f.post('/sv/invitations/accept', '', { token });
    assert.equal(accepted.statusCode, 303, accepted.body.slice(0, 1000));
    const cookie = [accepted.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('lotsa_session='))
      ?.split(';')[0] as string;
    assert.ok(cookie);
    const account = await f.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'vd@dalakraft.se')
      .executeTakeFirstOrThrow();
    assert.equal(await roleIn(f.db, organisation.id, account.id), 'employer_admin');
    const own = await f.get(`${LIST}/own`, cookie);
    assert.equal(own.statusCode, 303);
    assert.equal(own.headers.location, `${LIST}/${page}`);
    const saved = await f.save(page, cookie, filled('Dalakraft', { summary_sv: 'Nu skriver vi själva.' }));
    assert.equal(saved.statusCode, 303);
    assert.equal((await f.latest(page)).data.summary.sv, 'Nu skriver vi själva.');

    // Inviting again: a member already in is told so by the field.
    const twice = await f.post(`${LIST}/${page}/invite`, f.adminCookie, { email: 'vd@dalakraft.se' });
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /vd@dalakraft\.se är redan med i Dalakraft AB/);
  });

  it('refuses to give an organisation a second page, whose number changed since it made its own', async () => {
    const number = orgNumber('556123450');
    await f.db.updateTable('organisations').set({ org_number: number }).where('id', '=', f.other).execute();
    const made = await f.post(`${LIST}/new`, f.editorCookie, {
      name: 'Andra Bolaget Nya',
      org_number: number,
    });
    assert.equal(made.statusCode, 303);
    const page = String(made.headers.location).replace(/\?.*$/, '').split('/').at(-1) as string;
    const res = await f.post(`${LIST}/${page}/invite`, f.adminCookie, { email: 'ny@andra.example' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Andra Bolaget AB redigerar redan en annan företagssida/);
    assert.equal((await getCompany(f.db, REGION, page))?.organisationId, null);
  });

  it('records who did what in sentences the audit trail reads', async () => {
    const rows = await f.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('region_id', '=', REGION)
      .where(sql<boolean>`action LIKE 'company.%'`)
      .execute();
    assert.ok(rows.length > 5);
    const audit = await f.get('/admin/audit?action=company', f.adminCookie);
    assert.equal(audit.statusCode, 200);
    assert.match(audit.body, /godkände och publicerade version 3 av företagssidan ”Bergslagens Stål”/);
    assert.match(
      audit.body,
      /skickade tillbaka företagssidan ”Bergslagens Stål” med kommentaren: Berätta mer/,
    );
  });
});
