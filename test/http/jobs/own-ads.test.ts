/**
 * Employers' own job ads through HTTP, as an employer and a visitor notice them: a member publishes
 * an ad in the back-office and it is found by the job search, on its job page (JobPosting,
 * canonical here) and in the API; the form refuses a past deadline and an unknown occupation by the
 * field and keeps what was typed; the occupation is found and picked without JavaScript; an ad is
 * edited, closed early (410) or closed by the deadline task (410); another employer gets 404.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JobDetail } from '../../../src/modules/jobs/api-schema.ts';
import { expireOwnAds } from '../../../src/modules/jobs/own/service.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient, type FormFields } from '../../helpers/client.ts';
import { auditActions, createPerson, sessionFor } from '../../helpers/identity.ts';
import { DAY, dateIn, validAd } from './own-fixture.ts';

/** The ad id a publication redirected to. */
function idOf(location: unknown): string {
  const m = /^\/admin\/jobs\/(own-[a-z0-9]{12})\?done=(published|saved)$/.exec(String(location));
  assert.ok(m, `redirect to the ad's page, got ${String(location)}`);
  return m[1]!;
}

describe('own job ads', async () => {
  const { app, database } = await buildTestApp();
  const { db } = database;
  const client = await formClient(app);
  const member = await createPerson(db, { role: 'employer_member' });
  const memberCookie = await sessionFor(db, member.accountId);
  const otherAdmin = await createPerson(db, { role: 'employer_admin' });
  const otherCookie = await sessionFor(db, otherAdmin.accountId);
  const organisation = await db
    .selectFrom('organisations')
    .select(['name', 'org_number'])
    .where('id', '=', member.organisationId!)
    .executeTakeFirstOrThrow();

  const publish = async (fields: FormFields, cookie = memberCookie) =>
    client.postForm('/admin/jobs/new', cookie, fields);

  it('lists no ads at first, with the way to a new one, in the back-office menu', async () => {
    const res = await client.get('/admin/jobs', memberCookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Ni har inga öppna annonser just nu\./);
    assert.match(res.body, /<a class="button" href="\/admin\/jobs\/new">Ny annons<\/a>/);
    assert.match(res.body, /href="\/admin\/jobs"[^>]*>Jobbannonser</);
    const form = await client.get('/admin/jobs/new', memberCookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Ny jobbannons<\/h1>/);
    assert.match(form.body, new RegExp(`med ${organisation.name} som arbetsgivare`));
  });

  let adId = '';

  it('lets a member publish an ad that is found at once by search, on its page and in the API', async () => {
    const res = await publish(validAd());
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    adId = idOf(res.headers.location);
    const page = await client.get(String(res.headers.location), memberCookie);
    assert.match(page.body, /Annonsen är publicerad och syns nu i jobbsökningen\./);

    // The search page and the API find it by the headline's words.
    const search = await app.inject({ url: '/sv/jobs?q=kvarnsvedens' });
    assert.equal(search.statusCode, 200);
    assert.match(search.body, new RegExp(`href="/sv/jobs/${adId}\\?q=kvarnsvedens"`));
    const api = await app.inject({ url: '/api/v1/jobs?q=kvarnsvedens' });
    const list = api.json() as { total: number; items: Array<Record<string, unknown>> };
    assert.equal(list.total, 1);
    assert.equal(list.items[0]?.id, adId);
    assert.deepEqual(list.items[0]?.employer, { name: organisation.name, workplace: null });
    assert.equal(list.items[0]?.generated, false);
    // …and by a word only the English description has.
    assert.equal(
      ((await app.inject({ url: '/api/v1/jobs?q=variety' })).json() as { total: number }).total,
      1,
    );

    const detail = await app.inject({ url: `/api/v1/jobs/${adId}` });
    assert.equal(detail.statusCode, 200);
    const job = detail.json() as JobDetail;
    assert.equal(job.status, 'open');
    assert.equal(job.headline, 'Sjuksköterska till Kvarnsvedens vårdcentral');
    assert.equal(job.employer.organization_number, organisation.org_number);
    assert.equal(job.municipality.code, '2081');
    assert.equal(job.occupation.id, 'bXNH_MNX_dUR');
    assert.equal(job.occupation.group.id, 'Z8ci_bBE_tmx');
    assert.equal(job.employment_type?.id, 'kpPX_CNN_gDU');
    assert.equal(job.vacancies, 2);
    assert.equal(job.language, 'sv');
    assert.deepEqual(job.apply, {
      url: 'https://jobb.example.se/ansok/42',
      email: null,
      reference: null,
      platsbanken_url: null,
    });
    // The text is shown as typed, never read as markup.
    assert.match(job.description_html, /a nurse who enjoys &lt;teamwork&gt; &amp; variety/);
    // The end of the last day to apply in Stockholm (UTC+1 or +2).
    assert.match(job.deadline_at ?? '', new RegExp(`^${dateIn(30)}T2[12]:59:59`));

    // The job page: canonical here, JobPosting, both languages each marked, the hours as written.
    const jobPage = await app.inject({ url: `/sv/jobs/${adId}` });
    assert.equal(jobPage.statusCode, 200);
    assert.match(
      jobPage.body,
      new RegExp(`<link rel="canonical" href="http://localhost:3000/sv/jobs/${adId}">`),
    );
    assert.doesNotMatch(jobPage.body, /noindex/);
    assert.equal(jobPage.headers['x-robots-tag'], undefined);
    const ld = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(jobPage.body);
    assert.ok(ld, 'JobPosting markup');
    const posting = JSON.parse(ld[1]!) as {
      '@type': string;
      url: string;
      hiringOrganization: { name: string };
      identifier: { name: string };
      employmentType: string;
      totalJobOpenings: number;
      validThrough: string;
    };
    assert.equal(posting['@type'], 'JobPosting');
    assert.equal(posting.url, `http://localhost:3000/sv/jobs/${adId}`);
    assert.equal(posting.hiringOrganization.name, organisation.name);
    assert.equal(posting.identifier.name, 'Lotsa');
    assert.equal(posting.employmentType, 'FULL_TIME');
    assert.equal(posting.totalJobOpenings, 2);
    assert.match(posting.validThrough, new RegExp(`^${dateIn(30)}T2[12]:59:59`));
    assert.match(
      jobPage.body,
      /<div class="prose job__text" lang="sv"><h3 lang="sv">På svenska<\/h3><p>Vi söker en sjuksköterska/,
    );
    assert.match(
      jobPage.body,
      /<div class="prose job__text" lang="en"><h3 lang="sv">På engelska<\/h3><p>We are looking/,
    );
    assert.match(jobPage.body, /75 procent, dagtid/);
    assert.match(jobPage.body, /href="https:\/\/jobb\.example\.se\/ansok\/42"/);
    const english = await app.inject({ url: `/en/jobs/${adId}` });
    assert.match(
      english.body,
      /lang="en"><h3 lang="en">In English<\/h3><p>We are[\s\S]*lang="sv"><h3 lang="en">In Swedish<\/h3>/,
    );

    // In the sitemap (canonical here), unlike mirrored and demo ads.
    const sitemap = await app.inject({ url: '/sitemap.xml' });
    assert.match(sitemap.body, new RegExp(`/sv/jobs/${adId}<`));

    const events = await auditActions(db);
    assert.equal(events[0], 'jobs.own.published');
  });

  it('refuses a deadline in the past by the field and keeps what was typed', async () => {
    const res = await publish(validAd({ deadline: dateIn(-1), headline: 'Kock till Lotsakrogen' }));
    assert.equal(res.statusCode, 422);
    assert.match(
      res.body,
      /<p class="field__error" id="deadline-error">Sista ansökningsdagen har redan varit\./,
    );
    assert.match(res.body, /<a href="#deadline">Sista ansökningsdagen har redan varit/);
    assert.match(res.body, /value="Kock till Lotsakrogen"/);
    assert.match(
      res.body,
      new RegExp(`id="deadline"[^>]*value="${dateIn(-1)}"|value="${dateIn(-1)}"[^>]*id="deadline"`),
    );
    assert.match(
      res.body,
      /We are looking for a nurse who enjoys &lt;teamwork&gt; &amp; variety\.<\/textarea>/,
    );
    assert.match(res.body, /<option value="2081" selected>/);
    // Nothing was published.
    const api = await app.inject({ url: '/api/v1/jobs?q=lotsakrogen' });
    assert.equal((api.json() as { total: number }).total, 0);

    const farOff = await publish(validAd({ deadline: dateIn(500) }));
    assert.equal(farOff.statusCode, 422);
    assert.match(farOff.body, /Sista ansökningsdag kan vara högst ett år fram/);
    const notADate = await publish(validAd({ deadline: '2025-02-30' }));
    assert.match(notADate.body, /Skriv ett datum som finns, som ÅÅÅÅ-MM-DD/);
  });

  it('refuses an occupation that is not in the taxonomy, by the field', async () => {
    const res = await publish(validAd({ occupation: 'Drakskötare' }));
    assert.equal(res.statusCode, 422);
    assert.match(
      res.body,
      /id="occupation-error">Vi hittar inget yrke i yrkeslistan som passar ”Drakskötare”/,
    );
    assert.match(res.body, /value="Drakskötare"/);
    const forged = await publish(validAd({ occupation_id: 'Not_A_Con_cept' }));
    assert.equal(forged.statusCode, 422);
    assert.match(forged.body, /Det valda yrket finns inte i yrkeslistan/);
    // A skill is a taxonomy concept, but not an occupation.
    const empty = await publish(validAd({ occupation: '', occupation_id: '' }));
    assert.match(empty.body, /id="occupation-error">Skriv en del av yrkets namn/);
  });

  it('finds occupations by part of the name and lets one be picked, without JavaScript', async () => {
    const find = await publish(
      validAd({ occupation: 'forskollar', action: 'find', headline: 'Förskollärare' }),
    );
    assert.equal(find.statusCode, 200);
    assert.match(find.body, /<legend class="field__label">Välj yrke<\/legend>/);
    assert.match(
      find.body,
      /type="radio" id="occupation_id-rUcW_z9R_Qsv" name="occupation_id" value="rUcW_z9R_Qsv"/,
    );
    assert.match(find.body, /value="Förskollärare"/);
    // Without a pick, a text that is not exactly one occupation asks for one.
    const unpicked = await publish(validAd({ occupation: 'forskollar', headline: 'Förskollärare' }));
    assert.equal(unpicked.statusCode, 422);
    assert.match(unpicked.body, /id="occupation-error">Välj ett av yrkena i listan\./);
    const picked = await publish(
      validAd({
        occupation: 'forskollar',
        occupation_id: 'rUcW_z9R_Qsv',
        headline: 'Förskollärare till Lotsaskolan',
      }),
    );
    assert.equal(picked.statusCode, 303, picked.body.slice(0, 1000));
    const id = idOf(picked.headers.location);
    const job = (await app.inject({ url: `/api/v1/jobs/${id}` })).json() as JobDetail;
    assert.equal(job.occupation.id, 'rUcW_z9R_Qsv');
    assert.equal(job.occupation.label, 'Förskollärare');
  });

  it('refuses other bad input by the field: links, addresses, no way to apply, no description', async () => {
    const res = await publish(
      validAd({
        headline: '',
        apply_url: 'javascript:alert(1)',
        apply_email: 'inte en adress',
        municipality: '0180',
        employment_type: 'PFZr_Syz_cUq',
        worktime: 'nope',
        vacancies: '0',
        description_sv: '',
        description_en: '',
      }),
    );
    assert.equal(res.statusCode, 422);
    for (const [field, text] of [
      ['headline', 'Skriv en rubrik.'],
      ['apply_url', 'Skriv en hel webbadress som börjar med https://'],
      ['apply_email', 'Skriv en e-postadress'],
      ['municipality', 'Välj en av regionens kommuner.'],
      ['employment_type', 'Välj anställningsform.'],
      ['worktime', 'Välj heltid eller deltid.'],
      ['vacancies', 'Skriv antalet tjänster som ett heltal från 1 till 999.'],
      ['description_sv', 'Skriv en beskrivning på svenska, på engelska eller på båda.'],
    ])
      assert.match(res.body, new RegExp(`id="${field}-error">${text!.replace(/[.+?()]/g, '\\$&')}`), field);
    assert.match(res.body, /value="javascript:alert\(1\)"/);
    const http = await publish(validAd({ apply_url: 'http://jobb.example.se/' }));
    assert.match(http.body, /id="apply_url-error">Skriv en hel webbadress som börjar med https:\/\//);
    const none = await publish(validAd({ apply_url: '', apply_email: '' }));
    assert.match(none.body, /id="apply_url-error">Fyll i en länk eller en e-postadress för ansökan\./);
    const byMail = await publish(
      validAd({ apply_url: '', apply_email: 'jobb@example.se', headline: 'Ekonom' }),
    );
    assert.equal(byMail.statusCode, 303);
  });

  it('edits an open ad over the version it was opened on', async () => {
    const form = await client.get(`/admin/jobs/${adId}`, memberCookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Ändra jobbannonsen<\/h1>/);
    assert.match(form.body, /value="Sjuksköterska till Kvarnsvedens vårdcentral"/);
    assert.match(form.body, /name="occupation_id" value="bXNH_MNX_dUR" checked/);
    const base = /name="base" value="(\d+)"/.exec(form.body)?.[1];
    assert.ok(base);
    const saved = await client.postForm(
      `/admin/jobs/${adId}`,
      memberCookie,
      validAd({
        headline: 'Distriktssköterska till Kvarnsvedens vårdcentral',
        occupation_id: 'bXNH_MNX_dUR',
        base,
      }),
    );
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 1000));
    assert.equal(idOf(saved.headers.location), adId);
    const job = (await app.inject({ url: `/api/v1/jobs/${adId}` })).json() as JobDetail;
    assert.equal(job.headline, 'Distriktssköterska till Kvarnsvedens vårdcentral');
    const search = (await app.inject({ url: '/api/v1/jobs?q=distriktssk%C3%B6terska' })).json() as {
      items: Array<{ id: string }>;
    };
    assert.ok(search.items.some((i) => i.id === adId));
    // A second save from the same (now old) form is a conflict; what was typed stays.
    const stale = await client.postForm(
      `/admin/jobs/${adId}`,
      memberCookie,
      validAd({ headline: 'Gammal rubrik', occupation_id: 'bXNH_MNX_dUR', base }),
    );
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Någon annan ändrade eller stängde annonsen medan du skrev/);
    assert.match(stale.body, /value="Gammal rubrik"/);
    assert.equal((await auditActions(db))[0], 'jobs.own.saved');
  });

  it('never shows or changes another organisation’s ads (404)', async () => {
    const list = await client.get('/admin/jobs', otherCookie);
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, new RegExp(adId));
    assert.equal((await client.get(`/admin/jobs/${adId}`, otherCookie)).statusCode, 404);
    const save = await client.postForm(`/admin/jobs/${adId}`, otherCookie, validAd({ headline: 'Kapad' }));
    assert.equal(save.statusCode, 404);
    const close = await client.postForm(`/admin/jobs/${adId}/close`, otherCookie, {});
    assert.equal(close.statusCode, 404);
    assert.equal((await app.inject({ url: `/api/v1/jobs/${adId}` })).statusCode, 200);
    // Nor a mirrored ad, nor something that is not an id.
    assert.equal((await client.get('/admin/jobs/12345678', memberCookie)).statusCode, 404);
    assert.equal((await client.get('/admin/jobs/own-%3Cscript%3E', memberCookie)).statusCode, 404);
  });

  it('closes an ad early: its page and API answer 410 and it leaves the search', async () => {
    const res = await client.postForm(`/admin/jobs/${adId}/close`, memberCookie, {});
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/jobs?done=closed');
    const list = await client.get('/admin/jobs?done=closed', memberCookie);
    assert.match(list.body, /Annonsen är stängd\./);
    assert.match(list.body, /Stängd i förtid/);
    const page = await app.inject({ url: `/sv/jobs/${adId}` });
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /är borttagen av arbetsgivaren/);
    assert.equal((await app.inject({ url: `/api/v1/jobs/${adId}` })).statusCode, 410);
    const search = (await app.inject({ url: '/api/v1/jobs?q=kvarnsvedens' })).json() as { total: number };
    assert.equal(search.total, 0);
    // Its back-office page now says what it was; it cannot be saved or closed again.
    const closed = await client.get(`/admin/jobs/${adId}`, memberCookie);
    assert.match(closed.body, /Annonsen stängdes i förtid/);
    const again = await client.postForm(`/admin/jobs/${adId}`, memberCookie, validAd({ base: '1' }));
    assert.equal(again.statusCode, 409);
    assert.equal((await auditActions(db)).includes('jobs.own.closed'), true);
  });

  it('closes an ad by itself once its last day to apply is over (410 afterwards)', async () => {
    const res = await publish(validAd({ headline: 'Elektriker till Lotsaverket', deadline: dateIn(0) }));
    assert.equal(res.statusCode, 303);
    const id = idOf(res.headers.location);
    // Before the day is over nothing closes.
    assert.equal((await expireOwnAds(db, new Date())).size, 0);
    assert.equal((await app.inject({ url: `/sv/jobs/${id}` })).statusCode, 200);
    const closed = await expireOwnAds(db, new Date(Date.now() + 2 * DAY));
    assert.equal(closed.get('dalarna'), 1);
    const row = await db
      .selectFrom('job_ads')
      .select(['status', 'closed_reason', 'closed_at', 'deadline_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'closed');
    assert.equal(row.closed_reason, 'expired');
    assert.deepEqual(row.closed_at, row.deadline_at);
    const page = await app.inject({ url: `/sv/jobs/${id}` });
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /Ansökningstiden för ”Elektriker till Lotsaverket”/);
    assert.equal((await app.inject({ url: `/api/v1/jobs/${id}` })).statusCode, 410);
    assert.equal((await auditActions(db))[0], 'jobs.own.expired');
    const audit = await db
      .selectFrom('audit_events')
      .select(['actor_label', 'organisation_id', 'data'])
      .where('action', '=', 'jobs.own.expired')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_label, 'system');
    assert.equal(audit.organisation_id, member.organisationId);
  });

  it('names the employer by its published company page when it has one', async () => {
    await db
      .insertInto('companies')
      .values({
        region_id: 'dalarna',
        slug: 'lotsa-vard',
        org_number: organisation.org_number!,
        organisation_id: member.organisationId,
        name: 'Lotsa Vård AB',
        status: 'published',
        published_version: 1,
        published_at: new Date(),
      })
      .execute();
    const res = await publish(validAd({ headline: 'Undersköterska till Lotsa Vård' }));
    assert.equal(res.statusCode, 303);
    const job = (await app.inject({ url: `/api/v1/jobs/${idOf(res.headers.location)}` })).json() as JobDetail;
    assert.equal(job.employer.name, 'Lotsa Vård AB');
    assert.equal(job.employer.organization_number, organisation.org_number);
    await db.deleteFrom('companies').where('slug', '=', 'lotsa-vard').execute();
  });

  it('lets an employer admin publish too, under their own organisation', async () => {
    const res = await publish(validAd({ headline: 'Svetsare till Lotsaverkstaden' }), otherCookie);
    assert.equal(res.statusCode, 303);
    const id = idOf(res.headers.location);
    const row = await db
      .selectFrom('job_ads')
      .select(['organisation_id', 'created_by', 'origin'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      organisation_id: otherAdmin.organisationId,
      created_by: otherAdmin.accountId,
      origin: 'own',
    });
    assert.equal((await client.get(`/admin/jobs/${id}`, memberCookie)).statusCode, 404);
    // The organisation's audit trail tells it in words.
    const audit = await client.get('/admin/audit?action=jobs_own', otherCookie);
    assert.equal(audit.statusCode, 200);
    assert.match(
      audit.body,
      /publicerade jobbannonsen ”Svetsare till Lotsaverkstaden” med sista ansökningsdag/,
    );
    assert.doesNotMatch(audit.body, /Kvarnsvedens/);
  });
});
