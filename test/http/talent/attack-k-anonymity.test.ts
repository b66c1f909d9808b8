/**
 * Attack: the card search's filters are finer than the cards. A card shows a fact only when k
 * people share it, but the search matches on the exact facts (each municipality, each skill) and a
 * card keeps the same id in every search of one organisation. Two searches that differ in one
 * filter, each with at least k hits (people who would move "anywhere in the region" match every
 * municipality; a skill word matches several skills at once), differ by exactly the cards that hold
 * the fact — so the employer learns a fact that only one person has, about a card that hides it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardIdOf } from '../../../src/modules/talent/employers/service.ts';
import { REGION } from '../../helpers/identity.ts';
import { addTalent, cardLinks, cardsHtml, employersFixture, SKILL } from './employers-fixture.ts';

const SECRET = 'test-secret-test-secret-test-secret!';
const DEV = 'occupation=Backend-utvecklare';

describe('attack: narrowing the card search singles out facts fewer than k people share', async () => {
  const f = await employersFixture();
  // Six developers alike but for the place: five would move anywhere in the region, one only to
  // Ludvika (2085) — the only person in the pool there, so no card may ever say "Ludvika".
  for (let i = 0; i < 5; i += 1)
    await addTalent(f.db, { occupation: 'developer', anywhere: true, municipalities: [] });
  const ludvika = await addTalent(f.db, { occupation: 'developer', municipalities: ['2085'] });
  const ludvikaLink = `/admin/talent/cards/${cardIdOf(SECRET, REGION, f.employer, ludvika.profileId)}`;

  it('the card of the one person in Ludvika hides the municipality (k-anonymity holds on the card)', async () => {
    const card = await f.get(ludvikaLink, f.adminCookie);
    assert.equal(card.statusCode, 200);
    assert.doesNotMatch(card.body, /Ludvika/);
    assert.match(card.body, /Var som helst i regionen/);
  });

  it('a municipality search does not single out the one person in Ludvika (whose card says "the region")', async () => {
    const inLudvika = cardLinks((await f.get(`/admin/talent?${DEV}&municipality=2085`, f.adminCookie)).body);
    const inFalun = cardLinks((await f.get(`/admin/talent?${DEV}&municipality=2080`, f.adminCookie)).body);
    const singledOut = inLudvika.filter((link) => !inFalun.includes(link));
    assert.deepEqual(
      singledOut,
      [],
      `the Ludvika search shows ${inLudvika.length} cards, the Falun search ${inFalun.length}: the extra card ` +
        `is the Ludvika person's (${singledOut[0] === ludvikaLink ? 'it is' : 'it is not'}), a fact one person has`,
    );
  });
});

describe('attack: a skill word matching several skills reveals a skill only one person has', async () => {
  const f = await employersFixture();
  // Five nurses with Arbetsterapi; a sixth, alike, has Arbetsrätt instead — the only one in the pool.
  for (let i = 0; i < 5; i += 1) await addTalent(f.db, { skills: [SKILL.occupationalTherapy] });
  const lawyer = await addTalent(f.db, { skills: [SKILL.labourLaw] });
  const lawyerLink = `/admin/talent/cards/${cardIdOf(SECRET, REGION, f.employer, lawyer.profileId)}`;

  it('the rare skill is on no card', async () => {
    const card = await f.get(lawyerLink, f.adminCookie);
    assert.equal(card.statusCode, 200);
    assert.doesNotMatch(card.body, /Arbetsrätt/);
    const direct = await f.get('/admin/talent?skill=Arbetsr%C3%A4tt', f.adminCookie);
    assert.equal(cardLinks(direct.body).length, 0, 'one person: the direct search shows none');
  });

  it('two searches differing by one skill do not single out the person with the rare skill', async () => {
    const therapy = cardLinks((await f.get('/admin/talent?skill=Arbetsterapi', f.adminCookie)).body);
    const both = await f.get('/admin/talent?skill=Arbets', f.adminCookie);
    const wide = cardLinks(both.body);
    assert.ok(wide.length >= 5, `the word "Arbets" finds ${wide.length} cards`);
    const singledOut = wide.filter((link) => !therapy.includes(link));
    assert.deepEqual(
      singledOut,
      [],
      `"Arbets" shows ${wide.length} cards, "Arbetsterapi" ${therapy.length}: the extra card is the one person ` +
        `with Arbetsrätt (${singledOut[0] === lawyerLink ? 'it is' : 'it is not'}) — ${cardsHtml(both.body).length} chars of cards`,
    );
  });
});
