import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredFact } from '../../regions/facts.ts';
import type { ApprovedText } from '../toolbox.ts';
import { composeText, pickArguments, renderHtml, renderPlain, subjectsOf } from './compose.ts';

let n = 0;
function text(over: Partial<ApprovedText> = {}): ApprovedText {
  n += 1;
  return {
    id: `t${n}`,
    persona: 'everyone',
    topic: 'career',
    municipalityCode: null,
    title: { sv: `Titel ${n}`, en: `Title ${n}` },
    body: { sv: `Text ${n}.`, en: `Text ${n}.` },
    source: { name: '', url: '', date: null },
    ...over,
  };
}

function fact(over: Partial<StoredFact>): StoredFact {
  return {
    municipalityCode: '2080',
    key: 'population',
    kind: 'number',
    value: 59_000,
    unit: 'people',
    label: { sv: '', en: '' },
    items: { sv: [], en: [] },
    source: 'SCB',
    sourceUrl: 'https://www.scb.se/',
    asOf: '2024-12-31',
    approx: true,
    ...over,
  };
}

describe('pickArguments', () => {
  it('takes the persona’s before everyone’s, the municipality’s before the region’s, one per topic', () => {
    const everyoneRegion = text({ topic: 'nature' });
    const personaRegion = text({ persona: 'families', topic: 'nature' });
    const personaPlace = text({ persona: 'families', topic: 'schools', municipalityCode: '2080' });
    const everyonePlace = text({ topic: 'commute', municipalityCode: '2080' });
    const picked = pickArguments(
      [everyoneRegion, personaRegion, everyonePlace, personaPlace],
      'families',
      '2080',
      'sv',
    );
    assert.deepEqual(
      picked.map((t) => t.id),
      [personaPlace.id, personaRegion.id, everyonePlace.id],
    );
  });

  it('never takes another persona’s or another municipality’s, nor one empty in the language', () => {
    const picked = pickArguments(
      [
        text({ persona: 'students' }),
        text({ municipalityCode: '2062', topic: 'housing' }),
        text({ topic: 'culture', body: { sv: 'Bara svenska.', en: '' } }),
      ],
      'families',
      '2080',
      'en',
    );
    assert.deepEqual(picked, []);
  });

  it('takes an argument about English at the workplace only when the employer ticked that block', () => {
    const english = text({
      persona: 'international',
      body: {
        sv: 'På många arbetsplatser i regionen är engelska vardagsspråket.',
        en: 'At many workplaces in the region, English is the everyday language.',
      },
    });
    const schools = text({
      persona: 'international',
      topic: 'schools',
      body: { sv: 'Skolor med undervisning på engelska.', en: 'Schools teaching in English.' },
    });
    assert.deepEqual([...subjectsOf(english)], ['english']);
    assert.deepEqual([...subjectsOf(schools)], []);
    const unticked = pickArguments([english, schools], 'international', null, 'en');
    assert.deepEqual(
      unticked.map((t) => t.id),
      [schools.id],
    );
    const ticked = pickArguments([english, schools], 'international', null, 'en', { blocks: ['english'] });
    assert.deepEqual(
      ticked.map((t) => t.id),
      [english.id, schools.id],
    );
  });

  it('tells of the partner once: not beside the partner block, at most one argument otherwise', () => {
    const navigator = text({
      persona: 'international',
      topic: 'everyday',
      title: { sv: 'En lots hjälper dig', en: 'A navigator helps you settle in' },
      body: { sv: 'De hjälper också din partner.', en: 'They also help your partner find work.' },
    });
    const partner = text({
      persona: 'international',
      topic: 'career',
      body: { sv: 'Regionen hjälper medflyttande partners.', en: 'The region helps accompanying partners.' },
    });
    const housing = text({ persona: 'international', topic: 'housing' });
    assert.deepEqual([...subjectsOf(navigator)].sort(), ['navigator', 'partner']);
    assert.deepEqual(
      pickArguments([navigator, partner, housing], 'international', null, 'en').map((t) => t.id),
      [navigator.id, housing.id],
    );
    assert.deepEqual(
      pickArguments([navigator, partner, housing], 'international', null, 'en', {
        blocks: ['partner'],
      }).map((t) => t.id),
      [housing.id],
    );
    const navigatorOnly = text({
      persona: 'international',
      topic: 'everyday',
      title: { sv: 'Flyttlotsen', en: 'The navigator' },
    });
    assert.deepEqual(
      pickArguments([navigatorOnly, housing], 'international', null, 'en', { blocks: ['navigator'] }).map(
        (t) => t.id,
      ),
      [housing.id],
    );
  });

  it('takes at most four', () => {
    const topics = ['career', 'nature', 'schools', 'commute', 'housing', 'culture'] as const;
    assert.equal(
      pickArguments(
        topics.map((topic) => text({ topic })),
        'everyone',
        null,
        'sv',
      ).length,
      4,
    );
  });
});

describe('composeText', () => {
  const base = {
    lang: 'sv' as const,
    region: 'Dalarna',
    place: 'Falun',
    title: 'Ingenjör',
    employer: 'Bruket AB',
    arguments: [
      text({
        body: { sv: 'Ett.\n\nTvå.', en: '' },
        source: { name: 'SCB', url: 'https://www.scb.se/', date: '2023-01-01' },
      }),
    ],
    facts: [
      fact({}),
      fact({
        key: 'travel.stockholm-train',
        unit: 'minutes',
        value: 150,
        approx: false,
        label: { sv: 'Stockholm', en: 'Stockholm' },
      }),
      fact({ key: 'preschools', unit: 'count', value: 20, source: '', approx: false }),
    ],
    blocks: [] as const,
    navigatorUrl: 'https://example.org/sv/move?utm_source=toolbox&utm_medium=recruitment-text&utm_campaign=x',
  };

  it('writes the heading, the opening, each paragraph with the source last, and sourced facts only', () => {
    const plain = renderPlain(composeText(base));
    assert.equal(
      plain,
      [
        'Jobba och bo i Falun',
        'Bruket AB söker Ingenjör i Falun. Här är lite om hur det är att arbeta och leva i Falun och Dalarna.',
        'Ett.',
        'Två. (Källa: SCB (https://www.scb.se/), 2023)',
        'Falun i siffror',
        '– ca 59\u00a0000 invånare (Källa: SCB (https://www.scb.se/), 2024)\n– Till Stockholm med tåg: 2 h 30 min (Källa: SCB (https://www.scb.se/), 2024)',
      ].join('\n\n') + '\n',
    );
  });

  it('adds the ticked blocks only, in a fixed order, the navigator as a link', () => {
    const out = renderHtml(
      composeText({ ...base, facts: [], arguments: [], blocks: ['english', 'navigator'] }),
    );
    assert.match(
      out,
      /<p>Behöver ni hjälp med flytten\? [^<]*<a href="https:\/\/example\.org\/sv\/move\?utm_source=toolbox&amp;utm_medium=recruitment-text&amp;utm_campaign=x">Få hjälp med flytten till Dalarna<\/a><\/p>\n<p>Engelska fungerar i vårt dagliga arbete\.<\/p>/,
    );
    assert.doesNotMatch(out, /partner att komma in/);
  });

  it('says the partner once when both the partner and the navigator blocks are ticked', () => {
    const out = renderPlain(
      composeText({ ...base, lang: 'en', facts: [], arguments: [], blocks: ['partner', 'navigator'] }),
    );
    assert.equal(out.match(/partner/g)?.length, 1, out);
  });

  it('makes a job’s name of a headline that is a phrase, and names the place once', () => {
    const sv = renderPlain(
      composeText({ ...base, place: 'Ludvika', title: 'Vi söker civilingenjör inom elkraft i Ludvika' }),
    );
    assert.match(sv, /Bruket AB söker civilingenjör inom elkraft i Ludvika\. Här är/);
    const en = renderPlain(
      composeText({
        ...base,
        lang: 'en',
        title: 'Design engineer wanted in Falun',
        facts: [],
        arguments: [],
      }),
    );
    assert.match(en, /Bruket AB is looking for a new colleague in Falun: Design engineer\. Here is/);
    const quoted = renderPlain(composeText({ ...base, title: 'Vill du göra skillnad?', arguments: [] }));
    assert.match(quoted, /Bruket AB söker en ny kollega i Falun till tjänsten ”Vill du göra skillnad\?”\./);
  });

  it('says where the job is when the text is about another municipality', () => {
    const out = renderPlain(composeText({ ...base, jobPlace: 'Mora', arguments: [], facts: [] }));
    assert.match(
      out,
      /Bruket AB söker Ingenjör i Mora\. Här är lite om hur det är att arbeta och leva i Falun/,
    );
  });

  it('escapes every text in the HTML and drops a source link that is not https', () => {
    const out = renderHtml(
      composeText({
        ...base,
        title: '<b onclick="x">',
        facts: [fact({ source: '<i>', sourceUrl: 'javascript:alert(1)' })],
      }),
    );
    assert.match(out, /&lt;b onclick=&quot;x&quot;&gt;/);
    assert.match(out, /Källa: &lt;i&gt;, 2024/);
    assert.doesNotMatch(out, /javascript:/);
  });
});
