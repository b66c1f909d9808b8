/** Joining the talent pool without JavaScript: steps, search-and-pick, the e-mail link, the own page, consents, export and erasure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';

describe('joining the talent pool', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);

  const draft = (occupation: string, skill: string) => ({
    occupations: [occupation],
    skills: [skill],
    experience: '2to5',
    education: 'university',
    municipalities: ['2080'],
    move_when: 'within-a-year',
    about: 'Jag drömmer om en stuga vid sjön.',
    housing: 'rent',
    language: 'sv',
  });

  it('walks the steps, picks by search, confirms by e-mail and lands signed in with the profile', async () => {
    const landing = await app.inject({ url: '/sv/talent-pool' });
    assert.equal(landing.statusCode, 200);
    assert.match(landing.body, /Inte redo att söka jobb än/);
    const step1 = await client.get('/sv/talent-pool/join');
    assert.equal(step1.statusCode, 200);

    const search = await client.postForm('/sv/talent-pool/join/1', '', {
      q_occupations: 'sjuksköterska',
      action: 'search:occupations',
    });
    assert.equal(search.statusCode, 200);
    const occupation = /name="occupations" value="([^"]+)"/.exec(search.body)?.[1];
    assert.ok(occupation, 'a matching occupation is offered as a checkbox');
    const skillSearch = await client.postForm('/sv/talent-pool/join/1', '', {
      occupations: [occupation],
      q_skills: 'svets',
      action: 'search:skills',
    });
    const skill = /name="skills" value="([^"]+)"/.exec(skillSearch.body)?.[1];
    assert.ok(skill);
    assert.match(skillSearch.body, new RegExp(`name="occupations" value="${occupation}" checked`));

    const tooLong = await client.postForm('/sv/talent-pool/join/1', '', {
      occupations: [occupation],
      q_skills: 'x'.repeat(101),
      action: 'search:skills',
    });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /högst 100 tecken/);

    const unknown = await client.postForm('/sv/talent-pool/join/1', '', {
      occupations: [occupation, 'no-such-id'],
      action: 'next',
    });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /finns inte i listan/);
    assert.match(unknown.body, new RegExp(`value="${occupation}" checked`));

    const tooMany = await client.postForm('/sv/talent-pool/join/2', '', {
      ...draft(occupation, skill),
      about: 'x'.repeat(1001),
      action: 'next',
    });
    assert.equal(tooMany.statusCode, 422);
    assert.match(tooMany.body, /Högst 1000 tecken/);

    const step2 = await client.postForm('/sv/talent-pool/join/1', '', {
      occupations: [occupation],
      skills: [skill],
      action: 'next',
    });
    assert.equal(step2.statusCode, 200);
    assert.match(step2.body, /Steg 2 av 4/);
    assert.match(step2.body, new RegExp(`type="hidden" name="occupations" value="${occupation}"`));

    const badMail = await client.postForm('/sv/talent-pool/join/send', '', {
      ...draft(occupation, skill),
      email: 'anna@',
      consents: ['navigator'],
    });
    assert.equal(badMail.statusCode, 422);
    assert.match(badMail.body, /namn@exempel.se/);
    assert.match(badMail.body, /value="anna@"/);

    const sent = await client.postForm('/sv/talent-pool/join/send', '', {
      ...draft(occupation, skill),
      email: 'Anna.Berg@Example.se',
      consents: ['navigator', 'alerts'],
    });
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /anna.berg@example.se/);
    const mail = await db
      .selectFrom('mail_outbox')
      .select(['text_body', 'to_address'])
      .where('to_address', '=', 'anna.berg@example.se')
      .executeTakeFirstOrThrow();
    const path = /https?:\/\/[^/]+(\/sv\/talent-pool\/confirm\/[A-Za-z0-9_-]{43})/.exec(mail.text_body)?.[1];
    assert.ok(path, 'the e-mail holds the link');

    const confirm = await client.get(path);
    assert.equal(confirm.statusCode, 200);
    // The page shows what will be saved, in words, and each consent that will be given.
    assert.match(confirm.body, /Det här sparas/);
    assert.match(confirm.body, /<dd>Falun<\/dd>/);
    assert.match(confirm.body, /<dd>2–5 år<\/dd>/);
    assert.match(confirm.body, /Jag drömmer om en stuga vid sjön/);
    assert.match(
      confirm.body,
      /Regionens lotsar får matcha mig och kontakta mig<\/strong> \(textversion navigator-2026-12\)/,
    );
    assert.match(confirm.body, /Skicka mig nya jobb som passar mig<\/strong> \(textversion alerts-2026-12\)/);
    assert.doesNotMatch(confirm.body, /nyhetsbrev/);
    assert.doesNotMatch(confirm.body, /läggs till i den/);
    assert.equal(
      await db.selectFrom('talent_profiles').select('id').executeTakeFirst(),
      undefined,
      'a GET changes nothing',
    );
    const token = path.split('/').pop()!;
    const done = await client.postForm('/sv/talent-pool/confirm', '', { token });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/sv/me?talent=joined#talent');
    const cookie = [done.headers['set-cookie']].flat()[0]!.split(';')[0]!;
    const me = await client.get('/sv/me?talent=joined', cookie);
    assert.equal(me.statusCode, 200);
    assert.match(me.body, /Din profil i talangpoolen/);
    assert.match(me.body, /Välkommen till talangpoolen/);
    assert.match(me.body, /Falun/);

    const again = await client.postForm('/sv/talent-pool/confirm', '', { token });
    assert.equal(again.statusCode, 410);

    // A second sign-up with the same address merges into the profile: the lists are united (the
    // member's first), the member's own answers and text stay, a consent never given is given.
    const nurse2 = (
      await db
        .selectFrom('taxonomy_concepts')
        .select('concept_id')
        .where('type', '=', 'occupation-name')
        .where('deprecated', '=', false)
        .where('concept_id', '!=', occupation)
        .orderBy('concept_id')
        .executeTakeFirstOrThrow()
    ).concept_id;
    await client.postForm('/sv/talent-pool/join/send', '', {
      ...draft(nurse2, skill),
      move_when: 'now',
      about: 'Någon annans text.',
      email: 'anna.berg@example.se',
      consents: ['employers'],
    });
    const second = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'anna.berg@example.se')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const token2 = /confirm\/([A-Za-z0-9_-]{43})/.exec(second.text_body)![1]!;
    const secondPage = await client.get(`/sv/talent-pool/confirm/${token2}`);
    assert.equal(secondPage.statusCode, 200);
    assert.match(secondPage.body, /läggs till i den/);
    assert.match(
      secondPage.body,
      /Arbetsgivare får se min profil utan namn<\/strong> \(textversion employers-2026-12\)/,
    );
    assert.match(secondPage.body, /Inom ett år/, 'the member’s own answer is what will be saved');
    assert.match(secondPage.body, /Texten om dig i den här anmälan sparas inte/);
    assert.equal((await client.postForm('/sv/talent-pool/confirm', '', { token: token2 })).statusCode, 303);
    const profiles = await db
      .selectFrom('talent_profiles')
      .select(['move_when', 'account_id', 'occupation_groups', 'occupations', 'about'])
      .execute();
    assert.equal(profiles.length, 1);
    assert.equal(profiles[0]!.move_when, 'within-a-year');
    assert.deepEqual(profiles[0]!.occupations, [occupation, nurse2]);
    assert.equal(profiles[0]!.about, 'Jag drömmer om en stuga vid sjön.');
    assert.ok(profiles[0]!.occupation_groups.length > 0);
    const live = await db
      .selectFrom('talent_consents')
      .select(['purpose', 'text_version'])
      .where('withdrawn_at', 'is', null)
      .execute();
    assert.deepEqual(live.map((c) => c.purpose).sort(), ['alerts', 'employers', 'navigator']);

    // Withdraw and give again: versions recorded.
    assert.equal(
      (await client.postForm('/sv/me/talent/consent', cookie, { purpose: 'alerts', give: '0' })).statusCode,
      303,
    );
    assert.equal(
      (await client.postForm('/sv/me/talent/consent', cookie, { purpose: 'alerts', give: '1' })).statusCode,
      303,
    );
    const alerts = await db
      .selectFrom('talent_consents')
      .select(['text_version', 'withdrawn_at'])
      .where('purpose', '=', 'alerts')
      .execute();
    assert.equal(alerts.length, 2);
    assert.ok(alerts.every((a) => a.text_version === 'alerts-2026-12'));

    const exported = await client.get('/sv/me/export.json', cookie);
    assert.equal(exported.statusCode, 200);
    const data = JSON.parse(exported.body) as {
      talentPool: { profile: { about: string }; consents: { purpose: string; textVersion: string }[] };
    };
    assert.equal(data.talentPool.profile.about, 'Jag drömmer om en stuga vid sjön.');
    assert.equal(data.talentPool.consents.filter((c) => c.purpose === 'alerts').length, 2);
    assert.ok(data.talentPool.consents.every((c) => c.textVersion.endsWith('-2026-12')));

    const leave = await client.postForm('/sv/me/talent/leave', cookie, {});
    assert.equal(leave.statusCode, 303);
    assert.equal((await db.selectFrom('talent_profiles').select('id').execute()).length, 0);
    assert.equal((await db.selectFrom('talent_consents').select('id').execute()).length, 0);
  });

  it('a member’s withdrawn consent comes back only when ticked on the confirm page; lists stay within the limits', async () => {
    const ids = (
      await db
        .selectFrom('taxonomy_concepts')
        .select('concept_id')
        .where('type', '=', 'occupation-name')
        .where('deprecated', '=', false)
        .orderBy('concept_id')
        .limit(6)
        .execute()
    ).map((r) => r.concept_id);
    const signUp = async (occupations: string[], consents: string[]) => {
      await client.postForm('/sv/talent-pool/join/send', '', {
        ...draft(occupations[0]!, ''),
        occupations,
        skills: [],
        email: 'c@example.se',
        consents,
      });
      const row = await db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', 'c@example.se')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return /confirm\/([A-Za-z0-9_-]{43})/.exec(row.text_body)![1]!;
    };
    const consents = async () => {
      const rows = await db
        .selectFrom('talent_consents')
        .innerJoin('accounts', 'accounts.id', 'talent_consents.account_id')
        .select(['purpose', 'text_version', 'withdrawn_at'])
        .where('accounts.email', '=', 'c@example.se')
        .execute();
      return rows;
    };
    const first = await signUp(ids.slice(0, 3), ['navigator', 'employers']);
    const done = await client.postForm('/sv/talent-pool/confirm', '', { token: first });
    const cookie = [done.headers['set-cookie']].flat()[0]!.split(';')[0]!;
    await client.postForm('/sv/me/talent/consent', cookie, { purpose: 'employers', give: '0' });

    const second = await signUp(ids.slice(3, 6), ['employers', 'newsletter']);
    const page = await client.get(`/en/talent-pool/confirm/${second}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /added to it: nothing you have is removed/);
    assert.match(page.body, /Consents you have withdrawn/);
    assert.match(page.body, /name="consents" value="employers"/);
    assert.doesNotMatch(page.body, /name="consents" value="[a-z]+" checked/, 'nothing pre-ticked');
    assert.match(page.body, /Employers may see my profile without my name \(asked for in this sign-up\)/);
    assert.match(page.body, /newsletter<\/strong> \(text version newsletter-2026-12\)/);
    assert.match(page.body, /stay as they are:[\s\S]*navigators may match me/);
    // Confirmed without ticking: the withdrawn consent stays withdrawn; the new one is given.
    assert.equal((await client.postForm('/en/talent-pool/confirm', '', { token: second })).statusCode, 303);
    let live = (await consents()).filter((c) => !c.withdrawn_at).map((c) => c.purpose);
    assert.deepEqual(live.sort(), ['navigator', 'newsletter']);
    const profile = await db
      .selectFrom('talent_profiles')
      .innerJoin('accounts', 'accounts.id', 'talent_profiles.account_id')
      .select('occupations')
      .where('accounts.email', '=', 'c@example.se')
      .executeTakeFirstOrThrow();
    assert.deepEqual(profile.occupations, ids.slice(0, 5), 'united, the member’s first, at most 5');

    // Ticked on the confirm page: given again, with its text version; a tick for a purpose the
    // page did not offer gives nothing.
    const third = await signUp(ids.slice(0, 1), []);
    assert.equal(
      (
        await client.postForm('/sv/talent-pool/confirm', '', {
          token: third,
          consents: ['employers', 'alerts'],
        })
      ).statusCode,
      303,
    );
    const rows = await consents();
    live = rows.filter((c) => !c.withdrawn_at).map((c) => c.purpose);
    assert.deepEqual(live.sort(), ['employers', 'navigator', 'newsletter']);
    assert.ok(rows.every((c) => c.text_version === `${c.purpose}-2026-12`));
  });

  it('an expired link says so and can send a new one with what was typed', async () => {
    await client.postForm('/sv/talent-pool/join/send', '', { ...draft('x', 'y'), email: 'b@example.se' });
    const occ = (
      await db
        .selectFrom('taxonomy_concepts')
        .select('concept_id')
        .where('type', '=', 'occupation-name')
        .where('deprecated', '=', false)
        .executeTakeFirstOrThrow()
    ).concept_id;
    const sent = await client.postForm('/sv/talent-pool/join/send', '', {
      ...draft(occ, ''),
      skills: [],
      email: 'b@example.se',
    });
    assert.equal(sent.statusCode, 200);
    const row = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'b@example.se')
      .executeTakeFirstOrThrow();
    const token = /confirm\/([A-Za-z0-9_-]{43})/.exec(row.text_body)![1]!;
    await db
      .updateTable('talent_signups')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const gone = await client.get(`/sv/talent-pool/confirm/${token}`);
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, /Länken fungerar inte längre/);
    const renewed = await client.postForm('/sv/talent-pool/renew', '', { token });
    assert.equal(renewed.statusCode, 200);
    const signups = await db.selectFrom('talent_signups').select(['email', 'expires_at']).execute();
    assert.equal(signups.length, 1);
    assert.ok(signups[0]!.expires_at > new Date());
  });
});
