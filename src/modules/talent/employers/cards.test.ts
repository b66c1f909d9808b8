import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPERIENCE_LEVELS, MOVE_TIMEFRAMES } from '../model.ts';
import { CardPool, COARSENING, wideExperience, wideMove, type CardQuery, type PoolProfile } from './cards.ts';

/** A small random pool: few values per fact, so some combinations are common and some rare. */
function pool(n: number, seed: number): PoolProfile[] {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(values: readonly T[]) => values[Math.floor(rnd() * values.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const occupation = pick(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
    const group = occupation < 'o4' ? 'g1' : 'g2';
    const anywhere = rnd() < 0.2;
    return {
      profileId: `p${i}`,
      accountId: `a${i}`,
      occupation,
      group,
      field: 'f1',
      occupationConcepts: [occupation, group, 'f1'],
      skills: [pick(['s1', 's2', 's3']), pick(['s4', 's5', 's6', 's7', 's8'])],
      experience: pick(EXPERIENCE_LEVELS),
      languages: rnd() < 0.8 ? ['sv'] : ['sv', pick(['en', 'ar', 'fi'])],
      municipalities: anywhere ? [] : [pick(['2080', '2081', '2062'])],
      anywhere,
      moveWhen: pick(MOVE_TIMEFRAMES),
      partnerField: rnd() < 0.3 ? 'f2' : '',
      preschoolChildren: rnd() < 0.2,
      schoolChildren: rnd() < 0.2,
      updatedAt: i,
    };
  });
}

describe('k-anonymous cards', () => {
  for (const k of [2, 5, 10]) {
    it(`shows a fact only when at least ${k} people of the pool share all the card's facts`, () => {
      const profiles = pool(600, k);
      const cards = CardPool.build(profiles, k);
      const count = new Map<string, number>();
      for (const p of profiles) for (const l of p.languages) count.set(l, (count.get(l) ?? 0) + 1);
      const common = (p: PoolProfile) =>
        [...p.languages].sort((a, b) => count.get(b)! - count.get(a)! || a.localeCompare(b))[0]!;
      /** What a person's card would show at a step's levels, skills aside. */
      const factsAt = (p: PoolProfile, step: number) => {
        const l = COARSENING[step]!;
        return JSON.stringify([
          l.occupation === 'name' ? p.occupation : l.occupation === 'group' ? p.group : p.field,
          l.experience === 'band' ? p.experience : wideExperience(p.experience),
          l.municipalities === 'region' || p.anywhere ? 'region' : [...p.municipalities].sort(),
          l.move === 'exact' ? p.moveWhen : wideMove(p.moveWhen),
          l.languages === 'all' ? [...p.languages].sort() : [common(p)],
          l.household === 'shown' ? [p.partnerField, p.preschoolChildren, p.schoolChildren] : null,
        ]);
      };
      let shown = 0;
      for (const p of profiles) {
        const card = cards.card(p.profileId);
        const step = cards.stepOf(p.profileId);
        if (!card) continue;
        shown += 1;
        const mine = factsAt(p, step);
        const sharing = profiles.filter((q) => factsAt(q, step) === mine);
        assert.ok(sharing.length >= k, `${sharing.length} share ${mine}`);
        for (const skill of card.facts.skills) {
          const holders = sharing.filter((q) => q.skills.includes(skill)).length;
          assert.ok(holders >= k, `skill ${skill} shared by ${holders}`);
        }
      }
      assert.ok(shown > profiles.length / 2);
    });
  }

  it('coarsens step by step and shows a common combination as it is', () => {
    const base = pool(1, 1)[0]!;
    const same = Array.from({ length: 5 }, (_, i) => ({ ...base, profileId: `x${i}`, accountId: `y${i}` }));
    const rare = { ...base, profileId: 'rare', accountId: 'rare', municipalities: ['2085'], anywhere: false };
    const cards = CardPool.build([...same, rare], 5);
    assert.deepEqual(cards.card('x0')?.facts.municipalities, base.anywhere ? 'region' : base.municipalities);
    assert.equal(cards.card('rare')?.facts.municipalities, 'region');
  });

  it('filters on shown facts only: a fact a card hides never changes which searches find it', () => {
    const k = 5;
    const base = pool(400, 7);
    const before = CardPool.build(base, k);
    const cardsOf = (cards: CardPool, profiles: readonly PoolProfile[]) =>
      JSON.stringify(profiles.map((p) => cards.card(p.profileId)?.facts ?? null));
    const shownBefore = cardsOf(before, base);
    const within: Record<string, string[]> = { o1: ['g1', 'f1'], o4: ['g2', 'f1'], g1: ['f1'], f1: [] };
    const queries: CardQuery[] = [];
    for (const occupation of [undefined, 'o1', 'o4', 'g1', 'f1'])
      for (const skill of [undefined, 's1', 's5', 'rare'])
        for (const municipality of [undefined, '2080', '2062', '2085'])
          for (const move of [undefined, 'later', 'within-a-year'] as const)
            queries.push({
              ...(occupation ? { occupations: [occupation], within: within[occupation] } : {}),
              ...(skill ? { skills: [skill] } : {}),
              municipality,
              move,
            });
    const results = (cards: CardPool) =>
      queries.map((q) => {
        const r = cards.search(q, 0, 1000);
        return [r.total, r.tooFew, r.cards.map((c) => c.profile.profileId)];
      });
    const expected = results(before);
    /** Ways to change one person's profile in a fact their card may hide (a name keeps its group). */
    const changes: Array<(p: PoolProfile) => PoolProfile> = [
      (p) => ({ ...p, skills: [...p.skills, 'rare'] }),
      (p) => ({ ...p, skills: p.skills.slice(1) }),
      (p) => ({ ...p, occupationConcepts: [...p.occupationConcepts, 'o9', 'g9', 'f9'] }),
      (p) => ({ ...p, anywhere: false, municipalities: ['2085'] }),
      (p) => ({
        ...p,
        occupation: p.occupation === 'o1' ? 'o2' : p.occupation === 'o4' ? 'o5' : p.occupation,
      }),
      (p) =>
        p.group === 'g1' ? { ...p, occupation: 'o4', group: 'g2' } : { ...p, occupation: 'o1', group: 'g1' },
    ];
    let tried = 0;
    for (let i = 0; i < base.length; i += 7) {
      for (const change of changes) {
        const profiles = base.map((p, j) => (j === i ? change(p) : p));
        const after = CardPool.build(profiles, k);
        // Only changes every card hides: all cards, the changed person's too, read as before.
        if (cardsOf(after, profiles) !== shownBefore) continue;
        tried += 1;
        assert.deepEqual(results(after), expected, `change ${changes.indexOf(change)} of p${i}`);
      }
    }
    assert.ok(tried >= 40, `${tried} hidden changes tried`);
  });

  it('matches an occupation at the level the card shows it', () => {
    const base = pool(1, 2)[0]!;
    const person = (i: number, occupation: string): PoolProfile => ({
      ...base,
      profileId: `${occupation}-${i}`,
      accountId: `${occupation}-${i}`,
      occupation,
      group: 'g1',
      field: 'f1',
      occupationConcepts: [occupation, 'g1', 'f1', 'o9'],
      updatedAt: i,
    });
    // Five o1 keep their name; o2 and o3, three of each, are shown as the group g1.
    const profiles = [
      ...Array.from({ length: 5 }, (_, i) => person(i, 'o1')),
      ...Array.from({ length: 3 }, (_, i) => person(i, 'o2')),
      ...Array.from({ length: 3 }, (_, i) => person(i, 'o3')),
    ];
    const cards = CardPool.build(profiles, 5);
    assert.equal(cards.card('o1-0')?.facts.occupation?.conceptId, 'o1');
    assert.equal(cards.card('o2-0')?.facts.occupation?.conceptId, 'g1');
    const found = (q: CardQuery) => cards.search(q, 0, 100).total;
    assert.equal(found({ occupations: ['o1'], within: ['g1', 'f1'] }), 11, 'o1, and the group cards');
    assert.equal(found({ occupations: ['o2'], within: ['g1', 'f1'] }), 6, 'o2 is in g1: the group cards');
    assert.equal(found({ occupations: ['g1'], within: ['f1'] }), 11);
    assert.equal(found({ occupations: ['f1'] }), 11);
    assert.equal(found({ occupations: ['o9'], within: ['g1', 'f1'] }), 6, 'a hidden second occupation: no');
    assert.equal(found({ occupations: ['o7'], within: ['g2', 'f1'] }), 0);
  });

  it('shows no cards for a search fewer than k people match', () => {
    const cards = CardPool.build(pool(300, 3), 5);
    const result = cards.search({ occupations: ['nothing-like-it'] }, 0, 20);
    assert.deepEqual(result, { total: 0, cards: [], tooFew: false });
    const few = cards.search(
      { occupations: ['o1'], skills: ['s1'], municipality: '2062', move: 'live-here' },
      0,
      20,
    );
    assert.ok(few.total === 0 || few.total >= 5);
  });
});
