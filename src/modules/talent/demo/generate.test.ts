import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONSENT_PURPOSES } from '../model.ts';
import { generateProfiles, SWEDISH, weightedPicker, type Distribution } from './generate.ts';
import { demoConsents, demoEmail } from './seed.ts';

const dist: Distribution = {
  occupations: [
    {
      occupationId: 'nurse',
      groupId: 'g-nurse',
      fieldId: 'f-health',
      weight: 90,
      skills: [
        { id: 's-care', weight: 10 },
        { id: 's-journal', weight: 5 },
        { id: 's-drugs', weight: 1 },
      ],
    },
    {
      occupationId: 'welder',
      groupId: 'g-weld',
      fieldId: 'f-ind',
      weight: 10,
      skills: [{ id: 's-mig', weight: 1 }],
    },
  ],
  municipalities: [
    { code: '2080', weight: 3 },
    { code: '2062', weight: 1 },
  ],
};

describe('the talent profile generator', () => {
  it('is a pure function of its seed', () => {
    assert.deepEqual(generateProfiles(50, 1, dist), generateProfiles(50, 1, dist));
    assert.notDeepEqual(generateProfiles(50, 1, dist), generateProfiles(50, 2, dist));
  });

  it('follows the occupations of the ads, with skills from their ads', () => {
    const profiles = generateProfiles(2000, 3, dist);
    const nurses = profiles.filter((p) => p.occupations[0] === 'nurse').length;
    assert.ok(nurses > 1600 && nurses < 1990, `${nurses} nurses of 2000`);
    for (const p of profiles) {
      assert.ok(p.occupations.length >= 1 && p.occupations.length <= 2);
      assert.equal(p.occupationGroups.length, new Set(p.occupationGroups).size);
      const allowed = new Set(
        dist.occupations
          .filter((o) => p.occupations.includes(o.occupationId))
          .flatMap((o) => o.skills.map((s) => s.id)),
      );
      for (const s of p.skills) assert.ok(allowed.has(s), `${s} is a skill of ${p.occupations.join(', ')}`);
      assert.ok(p.languages.includes(SWEDISH));
      assert.ok(p.anywhere || p.municipalities.length > 0);
      if (!p.hasPartner) assert.deepEqual(p.partnerOccupations, []);
    }
    const households = profiles.filter((p) => p.hasPartner).length;
    assert.ok(households > 700 && households < 1100, `${households} households`);
  });

  it('picks by weight', () => {
    const pick = weightedPicker(['a', 'b'], (x) => (x === 'a' ? 1 : 3));
    assert.equal(pick(0), 'a');
    assert.equal(pick(0.2), 'a');
    assert.equal(pick(0.3), 'b');
    assert.equal(pick(0.999), 'b');
  });

  it('gives demo accounts addresses that can never be real, and most of them consents', () => {
    assert.equal(demoEmail(7), 'talent-0007@demo.lotsa.invalid');
    let full = 0;
    for (let n = 1; n <= 300; n++) {
      const consents = demoConsents(n);
      for (const c of consents) assert.ok(CONSENT_PURPOSES.includes(c));
      if (consents.includes('employers') && consents.includes('alerts') && consents.includes('navigator'))
        full++;
    }
    assert.ok(full > 200, `${full} of 300 with employers+alerts+navigator`);
  });
});
