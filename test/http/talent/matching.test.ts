/**
 * The matching over real rows: top matches in the right order with their why, the household's
 * pairs, the incremental task's inbox (only consenting active profiles, only once), and the own
 * page's "Jobs that suit you".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchNextBatch, runMatching } from '../../../src/modules/talent/matching/incremental.ts';
import { explain } from '../../../src/modules/talent/matching/score.ts';
import { mainSide } from '../../../src/modules/talent/matching/score.ts';
import { profileMatches, topMatches } from '../../../src/modules/talent/matching/service.ts';
import { profileOf } from '../../../src/modules/talent/profiles.ts';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { REGION, sessionFor } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { createProfile } from './matching-fixture.ts';

describe('talent matching', async () => {
  const t: TestApp = await buildTestApp();

  async function settle() {
    // Features for everything there; the first run only reads.
    for (let i = 0; i < 50 && (await matchNextBatch(t.database.db, REGION)); i++);
  }

  await (async () => {
    await loadAds(t.database.db, [
      makeAd({
        id: 'm-nurse-falun',
        headline: 'Sjuksköterska till akuten',
        municipality: 'falun',
        text: 'Vi söker en sjuksköterska. Du har B-körkort och kan journalföring.',
      }),
      makeAd({ id: 'm-nurse-mora', headline: 'Sjuksköterska i Mora', municipality: 'mora' }),
      makeAd({ id: 'm-nurse-borlange', headline: 'Sjuksköterska i Borlänge', municipality: 'borlange' }),
      makeAd({
        id: 'm-teacher-borlange',
        headline: 'Lärare åk 1–3',
        municipality: 'borlange',
        occupation: 'teacher',
      }),
      makeAd({
        id: 'm-teacher-mora',
        headline: 'Lärare i Mora',
        municipality: 'mora',
        occupation: 'teacher',
      }),
      makeAd({
        id: 'm-dev-falun',
        headline: 'Backendutvecklare',
        municipality: 'falun',
        occupation: 'developer',
      }),
    ]);
    await settle();
  })();

  describe('top matches for a talent', () => {
    it('orders by fit and says why', async () => {
      const { accountId } = await createProfile(t.database.db);
      const profile = await profileOf(t.database.db, REGION, accountId);
      assert.ok(profile);
      const jobs = await topMatches(t.database.db, REGION, mainSide(profile), 20);
      assert.deepEqual(
        jobs.map((j) => j.id),
        ['m-nurse-falun', 'm-nurse-borlange', 'm-nurse-mora'],
      );
      assert.match(explain(jobs[0]!.match, 'sv'), /^ditt yrke, i Falun/);
      assert.match(explain(jobs[1]!.match, 'en'), /^your occupation, in Borlänge, about \d+ min from Falun/);
    });

    it("pairs each of the household's jobs with the partner's best job in reach of the same home", async () => {
      const { accountId } = await createProfile(t.database.db, { partner: true });
      const profile = await profileOf(t.database.db, REGION, accountId);
      assert.ok(profile);
      const matches = await profileMatches(t.database.db, REGION, profile, 10);
      assert.ok(matches.household);
      const pairs = new Map(matches.household.map((p) => [p.main.id, p.partner?.id ?? null]));
      // Near Falun the partner's best is Borlänge; from Mora only Mora's school is within an hour.
      assert.equal(pairs.get('m-nurse-falun'), 'm-teacher-borlange');
      assert.equal(pairs.get('m-nurse-mora'), 'm-teacher-mora');
    });
  });

  describe('incremental matching', () => {
    it('fills the inbox for consenting active profiles only, and only once', async () => {
      const db = t.database.db;
      const yes = await createProfile(db, { consents: ['alerts'], partner: true });
      const noConsent = await createProfile(db, { consents: ['employers'] });
      const hidden = await createProfile(db, { status: 'hidden', consents: ['alerts'] });
      const withdrawn = await createProfile(db, { consents: ['alerts'] });
      await db
        .updateTable('talent_consents')
        .set({ withdrawn_at: new Date() })
        .where('account_id', '=', withdrawn.accountId)
        .execute();
      await settle();

      await db.deleteFrom('jobs').where('name', '=', 'talent.match').execute();
      await loadAds(db, [
        makeAd({
          id: 'm-new-nurse',
          headline: 'Ny tjänst: sjuksköterska',
          municipality: 'falun',
          timestamp: Date.now(),
        }),
        makeAd({
          id: 'm-new-teacher',
          headline: 'Lärare sökes',
          municipality: 'falun',
          occupation: 'teacher',
          timestamp: Date.now(),
        }),
      ]);
      // The job board's change notification queued the matching at once.
      let queued = 0;
      for (let i = 0; i < 40 && queued === 0; i++) {
        const tasks = await db.selectFrom('jobs').select('id').where('name', '=', 'talent.match').execute();
        queued = tasks.length;
        if (queued === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(queued, 1, 'talent.match queued once by the change notification');
      const run = await runMatching(db);
      assert.equal(run.jobs, 2);

      const inbox = await db
        .selectFrom('talent_match_inbox')
        .select(['account_id', 'job_id', 'side', 'reasons'])
        .where('region_id', '=', REGION)
        .where('job_id', 'in', ['m-new-nurse', 'm-new-teacher'])
        .execute();
      const accounts = new Set(inbox.map((r) => r.account_id));
      assert.ok(accounts.has(yes.accountId));
      for (const other of [noConsent, hidden, withdrawn]) assert.ok(!accounts.has(other.accountId));
      const mine = inbox.filter((r) => r.account_id === yes.accountId);
      assert.deepEqual(mine.map((r) => `${r.job_id}:${r.side}`).sort(), [
        'm-new-nurse:main',
        'm-new-teacher:partner',
      ]);
      const nurse = mine.find((r) => r.job_id === 'm-new-nurse');
      assert.match(nurse!.reasons.sv, /^ditt yrke, i Falun/);
      assert.match(nurse!.reasons.en, /^your occupation, in Falun/);
      // The partner's job, told to the main mover, speaks of the partner.
      const teacher = mine.find((r) => r.job_id === 'm-new-teacher');
      assert.match(teacher!.reasons.sv, /^din partners yrke/);
      assert.match(teacher!.reasons.en, /^your partner's occupation/);

      // The same job changed: matched again, but nothing is queued twice.
      const before = inbox.length;
      await loadAds(db, [
        makeAd({
          id: 'm-new-nurse',
          headline: 'Ny tjänst: sjuksköterska (ändrad)',
          municipality: 'falun',
          timestamp: Date.now() + 1000,
        }),
      ]);
      const again = await runMatching(db);
      assert.equal(again.jobs, 1);
      const after = await db
        .selectFrom('talent_match_inbox')
        .select('job_id')
        .where('region_id', '=', REGION)
        .where('job_id', 'in', ['m-new-nurse', 'm-new-teacher'])
        .execute();
      assert.equal(after.length, before);
    });
  });

  describe('the own page', () => {
    it('shows the matches with why, and the partner side by side', async () => {
      const { accountId } = await createProfile(t.database.db, { partner: true });
      const cookie = await sessionFor(t.database.db, accountId);
      const page = await t.app.inject({ url: '/sv/me', headers: { cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h2 id="talent-matches-title">Jobb som passar dig<\/h2>/);
      assert.match(page.body, /href="\/sv\/jobs\/m-nurse-falun"/);
      assert.match(page.body, /Varför: ditt yrke, i Falun/);
      assert.match(page.body, /För din partner/);
      assert.match(page.body, /talent-pair__side[\s\S]*För din partner[\s\S]*\/sv\/jobs\/m-(new-)?teacher/);
      const en = await t.app.inject({ url: '/en/me', headers: { cookie } });
      assert.match(en.body, /Jobs that suit you/);
      assert.match(en.body, /Why: your occupation, in Falun/);
    });

    it('says why a hidden profile has no matches, and shows nothing without a profile', async () => {
      const hidden = await createProfile(t.database.db, { status: 'hidden' });
      const page = await t.app.inject({
        url: '/sv/me',
        headers: { cookie: await sessionFor(t.database.db, hidden.accountId) },
      });
      assert.match(page.body, /Din profil är dold/);
      assert.doesNotMatch(page.body, /m-nurse-falun/);

      const { createPerson } = await import('../../helpers/identity.ts');
      const none = await createPerson(t.database.db);
      const plain = await t.app.inject({
        url: '/sv/me',
        headers: { cookie: await sessionFor(t.database.db, none.accountId) },
      });
      assert.equal(plain.statusCode, 200);
      assert.doesNotMatch(plain.body, /Jobb som passar dig/);
    });
  });
});
