import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFeatures } from './features.ts';
import { countyPlaces, greatCircleKm, placesFrom, roadMinutes } from './geo.ts';
import {
  explain,
  explainBoth,
  partnerSide,
  scoreExperience,
  scoreLanguage,
  scoreMatch as scoreMatchIn,
  scoreOccupation,
  scorePlace as scorePlaceIn,
  scoreRemote,
  scoreSkills,
  type JobForMatching,
  type TalentSide,
} from './score.ts';
import { buildLexicon, skillsInText } from './skills.ts';

const places = placesFrom(
  new Map([
    ['2080', { name: 'Falun', lat: 60.6065, lon: 15.6355 }],
    ['2081', { name: 'Borlänge', lat: 60.4858, lon: 15.4371 }],
    ['2039', { name: 'Älvdalen', lat: 61.2286, lon: 14.0403 }],
  ]),
);

const side: TalentSide = {
  occupations: ['occ-nurse'],
  occupationGroups: ['grp-nurses'],
  occupationFields: ['fld-health'],
  skills: ['sk-a', 'sk-b', 'sk-c'],
  languages: ['sv'],
  experience: '2to5',
  municipalities: ['2080'],
  anywhere: false,
};

const scorePlace = (t: TalentSide, j: JobForMatching) => scorePlaceIn(t, j, places);
const scoreMatch = (t: TalentSide, j: JobForMatching) => scoreMatchIn(t, j, places);

const job = (over: Partial<JobForMatching> = {}): JobForMatching => ({
  id: 'j1',
  occupationId: 'occ-nurse',
  occupationGroupId: 'grp-nurses',
  occupationFieldId: 'fld-health',
  municipalityCode: '2081',
  remote: false,
  skills: ['sk-a', 'sk-b', 'sk-x'],
  languages: ['sv'],
  experienceMonths: 0,
  ...over,
});

describe('scoring a talent against a job', () => {
  it('occupation: the same name beats the same group beats the same field', () => {
    assert.equal(scoreOccupation(side, job()).points, 40);
    assert.equal(scoreOccupation(side, job({ occupationId: 'other' })).points, 28);
    assert.equal(scoreOccupation(side, job({ occupationId: 'o', occupationGroupId: 'g' })).points, 12);
    assert.equal(
      scoreOccupation(side, job({ occupationId: 'o', occupationGroupId: 'g', occupationFieldId: 'f' }))
        .points,
      0,
    );
  });

  it('skills: counts the overlap, at most five', () => {
    const f = scoreSkills(side, job());
    assert.equal(f.points, 12);
    assert.deepEqual(f.reason, { key: 'why.skills.many', params: { n: 2 } });
    assert.equal(scoreSkills(side, job({ skills: ['sk-c'] })).reason?.key, 'why.skills.one');
    assert.equal(scoreSkills(side, job({ skills: [] })).points, 0);
  });

  it('place: a chosen municipality, anywhere, or by travel time from the nearest chosen one', () => {
    assert.equal(scorePlace(side, job({ municipalityCode: '2080' })).points, 20);
    assert.equal(scorePlace({ ...side, anywhere: true, municipalities: [] }, job()).points, 16);
    const near = scorePlace(side, job());
    assert.equal(near.reason?.key, 'why.near');
    assert.equal(near.reason?.params?.from, 'Falun');
    assert.equal(near.reason?.params?.place, 'Borlänge');
    assert.ok(near.points > 0);
    const far = scorePlace(side, job({ municipalityCode: '2039' }));
    assert.ok(far.points < near.points);
  });

  it('travel time: 1.3 × the straight line at 70 km/h, in fives', () => {
    assert.equal(roadMinutes(0), 5);
    assert.equal(roadMinutes(35), 40); // 45.5 km of road ≈ 39 min
    const dalarna = countyPlaces('20');
    const m = dalarna.minutes('2080', '2081');
    assert.ok(m !== null && m >= 30 && m <= 50, `Falun–Borlänge ${m} min`);
    assert.equal(dalarna.name('2081'), 'Borlänge');
    assert.ok(greatCircleKm({ lat: 60, lon: 15 }, { lat: 61, lon: 15 }) > 110);
  });

  it('remote, language and experience', () => {
    assert.equal(scoreRemote(job({ remote: true })).points, 6);
    assert.equal(scoreRemote(job()).points, 0);
    assert.equal(scoreLanguage(side, job()).points, 4);
    assert.equal(scoreLanguage(side, job({ languages: ['sv', 'en'] })).points, -10);
    assert.equal(scoreLanguage({ ...side, languages: null }, job({ languages: ['en'] })).points, 0);
    assert.equal(scoreExperience(side, job({ experienceMonths: 12 })).points, 4);
    assert.equal(scoreExperience({ ...side, experience: 'none' }, job({ experienceMonths: 12 })).points, -8);
    assert.equal(scoreExperience({ ...side, experience: 'none' }, job()).points, 3);
  });

  it('explains itself in Swedish and English', () => {
    const s = scoreMatch(side, job({ languages: [] }));
    assert.equal(explain(s, 'sv'), 'ditt yrke, 2 av dina kompetenser, i Borlänge, ca 20 min från Falun');
    assert.equal(explain(s, 'en'), 'your occupation, 2 of your skills, in Borlänge, about 20 min from Falun');
    const both = explainBoth(
      scoreMatch(side, job({ remote: true, municipalityCode: '2080', skills: ['sk-c'] })),
    );
    assert.match(
      both.sv,
      /^ditt yrke, 1 av dina kompetenser, i Falun, distansarbete går, dina språk räcker$/,
    );
    assert.match(
      both.en,
      /^your occupation, 1 of your skills, in Falun, remote work possible, your languages/,
    );
    // The partner's side, to the main mover: what names a person names the partner.
    assert.equal(
      explain(s, 'en', 'partner'),
      "your partner's occupation, 2 of your partner's skills, in Borlänge, about 20 min from Falun",
    );
    assert.deepEqual(explainBoth(s, 'partner').sv.split(', ').slice(0, 2), [
      'din partners yrke',
      '2 av din partners kompetenser',
    ]);
  });

  it('scores 0–100, the better fit higher', () => {
    const best = scoreMatch(side, job({ municipalityCode: '2080' }));
    const worse = scoreMatch(side, job({ occupationId: 'x', municipalityCode: '2039' }));
    assert.ok(best.score > worse.score);
    assert.ok(best.score <= 100 && worse.score >= 0);
  });

  it("the partner's side uses the household's places and no languages", () => {
    const p = partnerSide({
      languages: ['sv'],
      municipalities: ['2080'],
      anywhere: false,
      household: {
        hasPartner: true,
        partnerOccupations: ['occ-teacher'],
        partnerSkills: [],
        partnerOccupationGroups: ['grp-teachers'],
        partnerOccupationFields: ['fld-edu'],
      },
    });
    assert.deepEqual(p?.municipalities, ['2080']);
    assert.equal(p?.languages, null);
    assert.equal(
      partnerSide({
        languages: [],
        municipalities: [],
        anywhere: true,
        household: {
          hasPartner: false,
          partnerOccupations: [],
          partnerSkills: [],
          partnerOccupationGroups: [],
          partnerOccupationFields: [],
        },
      }),
      null,
    );
  });
});

describe("a job's features", () => {
  const lexicon = buildLexicon([
    { id: 'excel', label: 'MS Excel' },
    { id: 'ms', label: 'MSc' },
    { id: 'truck', label: 'Truckkort' },
    { id: 'cpp', label: 'C' },
  ]);

  it('finds skill labels as folded whole words and phrases, longest first', () => {
    assert.deepEqual(skillsInText('Du kan MS Excel och har TRUCKKORT. Truckkortet är ett krav.', lexicon), [
      'excel',
      'truck',
    ]);
    assert.deepEqual(skillsInText('Excelerad truckförare, C-körkort', lexicon), []);
  });

  it('takes JobTech skills, languages and experience from the ad', () => {
    const f = computeFeatures(
      {
        headline: 'Lagerarbetare',
        description: 'Truckkort krävs.',
        mustHave: { skills: [{ concept_id: 'jt-1' }], languages: [{ concept_id: 'sv' }] },
        niceToHave: { skills: [{ concept_id: 'jt-2' }, { nope: 1 }] },
        experienceRequired: true,
      },
      lexicon,
    );
    assert.deepEqual(f, { skills: ['jt-1', 'jt-2', 'truck'], languages: ['sv'], experienceMonths: 12 });
  });
});
