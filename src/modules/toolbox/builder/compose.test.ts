import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredFact } from '../../regions/facts.ts';
import type { ApprovedText } from '../toolbox.ts';
import { composeText, pickArguments, renderHtml, renderPlain } from './compose.ts';

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
