/**
 * The case file's "Jobb och karriär" panel (on its own page, /admin/cases/:id/careers): a linked
 * talent profile only with the talent pool's navigator consent, both adults' matches with the
 * reason in words, the job search and the log of applications (forms that keep what was typed,
 * history and audit).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchNextBatch } from '../../../src/modules/talent/matching/incremental.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { REGION } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';
import { createProfile } from '../talent/matching-fixture.ts';

describe('careers panel', async () => {
  const t = await buildTestApp();
  const db = t.database.db;
  const client = await formClient(t.app);
  const navigator = await createNavigator(db, { name: 'Nora Lots' });
  await loadAds(db, [
    makeAd({ id: 'c-nurse-falun', headline: 'Sjuksköterska till akuten', municipality: 'falun' }),
    makeAd({
      id: 'c-teacher-borlange',
      headline: 'Lärare åk 1–3 i Borlänge',
      municipality: 'borlange',
      occupation: 'teacher',
    }),
  ]);
  for (let i = 0; i < 50 && (await matchNextBatch(db, REGION)); i++);

  const page = (caseId: string) => client.get(`/admin/cases/${caseId}/careers`, navigator.cookie);

  it('shows a linked profile and both adults’ matches with the reason, only with the navigator consent', async () => {
    const talent = await createProfile(db, { partner: true, consents: ['navigator', 'employers'] });
    const c = await createCase(db, {
      main: { name: 'Ana Ferreira', accountId: talent.accountId, email: talent.email },
      partner: { name: 'João Ferreira' },
    });
    const res = await page(c.caseId);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Jobb och karriär/);
    assert.match(res.body, /Sjuksköterska, grundutbildad/);
    assert.match(res.body, /Falun/);
    // The main mover's match and the partner's (from the partner part of the profile), with why.
    assert.match(res.body, /href="\/sv\/jobs\/c-nurse-falun">Sjuksköterska till akuten<\/a>/);
    assert.match(res.body, /ditt yrke, i Falun/);
    assert.match(res.body, /href="\/sv\/jobs\/c-teacher-borlange">Lärare åk 1–3 i Borlänge<\/a>/);
    assert.match(res.body, /Uppgifterna kommer från partnerdelen i huvudflyttarens profil/);

    const silent = await createProfile(db, { consents: ['employers'] });
    const c2 = await createCase(db, { main: { name: 'Tyst Person', accountId: silent.accountId } });
    const res2 = await page(c2.caseId);
    assert.equal(res2.statusCode, 200);
    assert.match(res2.body, /Har en profil men har inte gått med på att lotsar läser den/);
    assert.doesNotMatch(res2.body, /Sjuksköterska till akuten/);
    assert.doesNotMatch(res2.body, /Sjuksköterska, grundutbildad/);
  });

  it('changes the job search, with history and audit', async () => {
    const c = await createCase(db, { partner: { name: 'João Ferreira' } });
    const res = await client.postForm(`/admin/cases/${c.caseId}/job-search`, navigator.cookie, {
      person: c.partnerId!,
      job_search: 'interviewing',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/cases/${c.caseId}?careers_done=jobsearch#careers`);
    const person = await db
      .selectFrom('relocation_persons')
      .select('job_search')
      .where('id', '=', c.partnerId!)
      .executeTakeFirstOrThrow();
    assert.equal(person.job_search, 'interviewing');
    const events = await db
      .selectFrom('relocation_case_events')
      .select(['kind', 'body'])
      .where('case_id', '=', c.caseId)
      .execute();
    assert.ok(events.some((e) => e.kind === 'jobsearch.status' && /På intervju/.test(e.body)));
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', c.caseId)
      .execute();
    assert.ok(audit.some((a) => a.action === 'relocation.jobsearch.changed'));
    const bad = await client.postForm(`/admin/cases/${c.caseId}/job-search`, navigator.cookie, {
      person: c.partnerId!,
      job_search: 'astronaut',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Välj läge/);
  });

  it('logs applications, keeps what was typed when something is wrong, and changes their status', async () => {
    const c = await createCase(db, { partner: { name: 'João Ferreira' } });
    const url = `/admin/cases/${c.caseId}/applications`;
    const wrong = await client.postForm(url, navigator.cookie, {
      person: c.partnerId!,
      employer: '',
      title: 'Mellanstadielärare',
      noted_on: '2026-13-45',
      note: 'x'.repeat(1001),
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Fyll i arbetsgivare/);
    assert.match(wrong.body, /Skriv datumet som ÅÅÅÅ-MM-DD/);
    assert.match(wrong.body, /Anteckning får vara högst 1000 tecken/);
    assert.match(wrong.body, /value="Mellanstadielärare"/);

    const ok = await client.postForm(url, navigator.cookie, {
      person: c.partnerId!,
      employer: 'Borlänge kommun',
      title: 'Mellanstadielärare',
      job: 'c-teacher-borlange',
      noted_on: '2026-11-20',
      note: 'Skickade CV',
    });
    assert.equal(ok.statusCode, 303);
    const shown = await page(c.caseId);
    assert.match(shown.body, /href="\/sv\/jobs\/c-teacher-borlange">Mellanstadielärare<\/a>/);
    assert.match(shown.body, /2026-11-20/);
    assert.match(shown.body, /Skickade CV/);

    const row = await db
      .selectFrom('relocation_job_applications')
      .select(['id', 'status'])
      .where('person_id', '=', c.partnerId!)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'applied');
    const changed = await client.postForm(`${url}/${row.id}`, navigator.cookie, { status: 'interview' });
    assert.equal(changed.statusCode, 303);
    const after = await db
      .selectFrom('relocation_job_applications')
      .select('status')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.status, 'interview');
    const kinds = (
      await db.selectFrom('relocation_case_events').select('kind').where('case_id', '=', c.caseId).execute()
    ).map((e) => e.kind);
    assert.ok(kinds.includes('jobsearch.application'));
    assert.ok(kinds.includes('jobsearch.application_status'));

    // An application of another case is not this case's.
    const other = await createCase(db, {});
    const foreign = await client.postForm(
      `/admin/cases/${other.caseId}/applications/${row.id}`,
      navigator.cookie,
      {
        status: 'offer',
      },
    );
    assert.equal(foreign.statusCode, 404);
  });

  it('is a 404 for a case outside a municipality navigator’s scope', async () => {
    const falun = await createNavigator(db, { municipalityCode: '2080' });
    const c = await createCase(db, { municipalityCode: '2081' });
    const res = await client.get(`/admin/cases/${c.caseId}/careers`, falun.cookie);
    assert.equal(res.statusCode, 404);
    const post = await client.postForm(`/admin/cases/${c.caseId}/job-search`, falun.cookie, {
      person: c.mainId,
      job_search: 'searching',
    });
    assert.equal(post.statusCode, 404);
  });
});
