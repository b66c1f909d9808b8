/**
 * /admin/talent: an employer searches the pool and sees anonymised cards — only people who are
 * active, consent to employers and do not block the employer; a rare combination coarsened until
 * k people share it; never a name, an address or the person's own words; every card shown logged
 * for the person to see on their own page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markTalentPoolStale } from '../../../src/modules/talent/employers/service.ts';
import { REGION } from '../../helpers/identity.ts';
import { OCCUPATION } from '../../helpers/jobs.ts';
import { addTalent, cardLinks, cardsHtml, employersFixture, LANGUAGE } from './employers-fixture.ts';

describe('the employers’ card search', async () => {
  const f = await employersFixture();
  // Six nurses alike in Falun; one of them blocks the employer. A hidden one and one without the
  // consent are not in the pool at all.
  const nurses = await Promise.all(Array.from({ length: 6 }, () => addTalent(f.db, { occupation: 'nurse' })));
  const blocker = nurses[5]!;
  await f.db
    .insertInto('talent_blocks')
    .values({ region_id: REGION, account_id: blocker.accountId, organisation_id: f.employer })
    .execute();
  const hidden = await addTalent(f.db, { occupation: 'nurse', status: 'hidden' });
  const noConsent = await addTalent(f.db, { occupation: 'nurse', consent: false });
  // Four developers share every fact in Mora; a fifth differs in place and experience.
  const developers = await Promise.all(
    Array.from({ length: 4 }, () =>
      addTalent(f.db, {
        occupation: 'developer',
        municipalities: ['2062'],
        experience: '2to5',
        childrenAges: [3],
      }),
    ),
  );
  developers.push(
    await addTalent(f.db, { occupation: 'developer', municipalities: ['2085'], experience: '5to10' }),
  );

  it('shows only active people who consent and do not block the employer', async () => {
    const res = await f.get('/admin/talent?occupation=Sjuksk%C3%B6terska', f.memberCookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /5 personer matchar sökningen/);
    assert.equal(cardLinks(res.body).length, 5);
    const views = await f.db
      .selectFrom('talent_card_views')
      .select('account_id')
      .where('organisation_id', '=', f.employer)
      .execute();
    const seen = new Set(views.map((v) => v.account_id));
    for (const nurse of nurses.slice(0, 5)) assert.ok(seen.has(nurse.accountId), 'each shown card is logged');
    for (const left of [blocker, hidden, noConsent]) assert.ok(!seen.has(left.accountId));
  });

  it('never puts a name, an e-mail address, the own words or an id of the profile on a card', async () => {
    const res = await f.get('/admin/talent?occupation=sjukskoterska', f.adminCookie);
    const page = res.body;
    for (const person of [...nurses, ...developers]) {
      assert.ok(!page.includes(person.email), 'no e-mail address');
      assert.ok(!page.includes(person.name), 'no name');
      assert.ok(!page.includes(person.profileId), 'no profile id');
      assert.ok(!page.includes(person.accountId), 'no account id');
    }
    assert.doesNotMatch(page, /älskar fjällen/, 'never the person’s own words');
    const cards = cardsHtml(page);
    assert.match(cards, /Sjuksköterska, grundutbildad/);
    assert.match(cards, /Falun/);
    assert.match(cards, /Arbetsterapi/);
  });

  it('coarsens a rare combination until k people share it', async () => {
    const res = await f.get('/admin/talent?occupation=Backend-utvecklare', f.adminCookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /5 personer matchar sökningen/);
    const cards = cardsHtml(res.body);
    assert.equal(cardLinks(res.body).length, 5);
    assert.match(cards, /Backend-utvecklare/, 'five share the occupation name');
    assert.match(cards, /2–10 år/, 'experience widened: 2–5 and 5–10 years together');
    assert.match(cards, /Var som helst i regionen/, 'the places widened to the region');
    assert.doesNotMatch(cards, /Mora|Ludvika/, 'no municipality four or one share');
    assert.doesNotMatch(cards, /2–5 år|5–10 år/);
    assert.doesNotMatch(cards, /förskoleålder/, 'the household fact four share is not shown');
  });

  it('filters on what the cards show: a card saying "the region" matches every municipality', async () => {
    // Four developers live in Mora, but their cards hide it: a search for Mora may not tell them
    // apart from the one in Ludvika, so it finds the five as a search for Falun does.
    const mora = await f.get('/admin/talent?occupation=Backend-utvecklare&municipality=2062', f.adminCookie);
    assert.match(mora.body, /5 personer matchar sökningen/);
    const falun = await f.get('/admin/talent?occupation=Backend-utvecklare&municipality=2080', f.adminCookie);
    assert.deepEqual(cardLinks(mora.body).sort(), cardLinks(falun.body).sort());
  });

  it('shows no cards when fewer than k people match a search', async () => {
    // Two of the five developers block the employer: three cards match, fewer than k.
    const blocking = developers.slice(0, 2).map((d) => d.accountId);
    await f.db
      .insertInto('talent_blocks')
      .values(blocking.map((account_id) => ({ region_id: REGION, account_id, organisation_id: f.employer })))
      .execute();
    markTalentPoolStale(f.db, REGION);
    try {
      const res = await f.get('/admin/talent?occupation=Backend-utvecklare', f.adminCookie);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Färre än 5 personer matchar sökningen/);
      assert.equal(cardLinks(res.body).length, 0);
    } finally {
      await f.db
        .deleteFrom('talent_blocks')
        .where('organisation_id', '=', f.employer)
        .where('account_id', 'in', blocking)
        .execute();
      markTalentPoolStale(f.db, REGION);
    }
  });

  it('gives each employer its own card ids, and opens a card only for its own', async () => {
    const mine = cardLinks((await f.get('/admin/talent?occupation=Backend-utvecklare', f.adminCookie)).body);
    const theirs = cardLinks(
      (await f.get('/admin/talent?occupation=Backend-utvecklare', f.otherCookie)).body,
    );
    assert.equal(theirs.length, 5);
    assert.equal(
      mine.filter((link) => theirs.includes(link)).length,
      0,
      'card ids cannot be matched across employers',
    );
    const opened = await f.get(mine[0]!, f.adminCookie);
    assert.equal(opened.statusCode, 200);
    assert.match(opened.body, /Be om kontakt/);
    assert.equal((await f.get(mine[0]!, f.otherCookie)).statusCode, 404);
  });

  it('offers the occupations matching a word to pick from, without JavaScript', async () => {
    const res = await f.get('/admin/talent?occupation=l%C3%A4rare', f.adminCookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Vilket yrke menar du\?/);
    assert.match(res.body, /type="radio"[^>]*name="oc"/);
    const none = await f.get('/admin/talent?occupation=qqqzzz', f.adminCookie);
    assert.match(none.body, /Vi hittade inget yrke som matchar/);
  });

  it('narrows by skill and by when people can move', async () => {
    const bySkill = await f.get('/admin/talent?skill=Arbetsterapi', f.adminCookie);
    assert.match(bySkill.body, /10 personer matchar sökningen/, 'the nurses and the developers');
    const later = await f.get('/admin/talent?occupation=Sjuksk%C3%B6terska&move=later', f.adminCookie);
    assert.match(later.body, /Ingen i talangpoolen matchar sökningen just nu/);
  });

  it('shows the person which organisations saw their card', async () => {
    const cookie = await f.cookieOf(nurses[0]!.accountId);
    const me = await f.get('/sv/me', cookie);
    assert.equal(me.statusCode, 200);
    assert.match(me.body, /Arbetsgivare och ditt kort/);
    assert.match(me.body, /Dalarnas Vårdbolag AB/);
    const blockerPage = await f.get('/sv/me', await f.cookieOf(blocker.accountId));
    assert.match(blockerPage.body, /Arbetsgivare du har blockerat/);
    assert.match(blockerPage.body, /Sluta blockera/);
  });

  it('refuses talents and shows the search to employers’ admins and members', async () => {
    assert.equal((await f.get('/admin/talent', f.talentCookie)).statusCode, 403);
    assert.equal((await f.get('/admin/talent', f.memberCookie)).statusCode, 200);
    assert.equal((await f.get('/admin/talent', f.adminCookie)).statusCode, 200);
    assert.equal((await f.get('/admin/talent/settings', f.adminCookie)).statusCode, 403);
  });

  it('keeps a language only when it is shared', async () => {
    // Five nurses in Borlänge, one speaks English too: the card keeps Swedish only.
    for (let i = 0; i < 4; i += 1) await addTalent(f.db, { occupation: 'teacher', municipalities: ['2081'] });
    await addTalent(f.db, {
      occupation: 'teacher',
      municipalities: ['2081'],
      languages: [LANGUAGE.swedish, LANGUAGE.english],
    });
    const res = await f.get(
      `/admin/talent?occupation=${encodeURIComponent(OCCUPATION.teacher.occupation.label)}`,
      f.adminCookie,
    );
    const cards = cardsHtml(res.body);
    assert.equal(cardLinks(res.body).length, 5);
    assert.match(cards, /Svenska/);
    assert.doesNotMatch(cards, /Engelska/);
  });
});
