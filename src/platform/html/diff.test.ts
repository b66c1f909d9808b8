import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIFF_LIMITS, diffHtml, diffTexts, fieldsDiff, type DiffPart } from './diff.ts';

/** What each side reads as: the old text from same + removed, the new from same + added. */
const sides = (parts: readonly DiffPart[]) => ({
  before: parts
    .filter((p) => p.kind !== 'added')
    .map((p) => p.text)
    .join(''),
  after: parts
    .filter((p) => p.kind !== 'removed')
    .map((p) => p.text)
    .join(''),
});

describe('diffTexts', () => {
  it('marks the words that changed, and joins neighbouring changes into one', () => {
    const diff = diffTexts(
      'Borlänge har 52 000 invånare och en älv.',
      'Borlänge har 53 000 invånare och två sjöar.',
    );
    assert.equal(diff.level, 'word');
    assert.deepEqual(diff.parts, [
      { kind: 'same', text: 'Borlänge har ' },
      { kind: 'removed', text: '52' },
      { kind: 'added', text: '53' },
      { kind: 'same', text: ' 000 invånare och ' },
      { kind: 'removed', text: 'en älv' },
      { kind: 'added', text: 'två sjöar' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('handles empty texts, equal texts and texts with nothing in common', () => {
    assert.deepEqual(diffTexts('', '').parts, []);
    assert.deepEqual(diffTexts('a b', 'a b').parts, [{ kind: 'same', text: 'a b' }]);
    assert.deepEqual(diffTexts('', 'ny').parts, [{ kind: 'added', text: 'ny' }]);
    assert.deepEqual(diffTexts('gammal', '').parts, [{ kind: 'removed', text: 'gammal' }]);
    assert.deepEqual(diffTexts('ett', 'två').parts, [
      { kind: 'removed', text: 'ett' },
      { kind: 'added', text: 'två' },
    ]);
  });

  it('always gives back both texts exactly', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const words = ['ett', 'två', 'tre', ' ', '\n', '.', 'Åsa', '\n\n', '*', 'älv'];
    const text = () => Array.from({ length: rand(40) }, () => words[rand(words.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const before = text();
      const after = text();
      assert.deepEqual(sides(diffTexts(before, after).parts), { before, after });
    }
  });

  it('falls back to lines, then to the whole text, so the work stays bounded', { timeout: 20_000 }, () => {
    // A long text with one change: its common beginning and end are set aside, the rest by word.
    const before = Array.from({ length: 3000 }, (_, i) => `rad${i} a${i}`).join('\n');
    const after = before.replace('rad1500 a1500', 'rad1500 b1500');
    const one = diffTexts(before, after);
    assert.equal(one.level, 'word');
    assert.deepEqual(
      one.parts.filter((p) => p.kind !== 'same'),
      [
        { kind: 'removed', text: 'a1500' },
        { kind: 'added', text: 'b1500' },
      ],
    );
    const many = Array.from({ length: 3000 }, (_, i) => `x${i}`).join('\n');
    const other = Array.from({ length: 3000 }, (_, i) => `y${i}`).join('\n');
    const whole = diffTexts(many, other);
    assert.equal(whole.level, 'whole');
    assert.deepEqual(sides(whole.parts), { before: many, after: other });
    const manyLines = Array.from({ length: 3000 }, (_, i) => `x${i} z`).join('\n');
    const changedLines = manyLines.replace(/x(\d*)7 z/g, 'y$17 z');
    const byLine = diffTexts(manyLines, changedLines);
    assert.equal(byLine.level, 'line');
    assert.deepEqual(sides(byLine.parts), { before: manyLines, after: changedLines });
    assert.ok(DIFF_LIMITS.tokens > 0);
  });
});

describe('diffHtml and fieldsDiff', () => {
  it('names added and removed text in words for screen readers, and escapes the texts', () => {
    const out = diffHtml('sv', 'Hej <b>', 'Hej <script>').toString();
    assert.equal(
      out,
      '<div class="diff">Hej &lt;' +
        '<del><span class="visually-hidden">[borttaget] </span>b<span class="visually-hidden"> [slut på borttaget]</span></del>' +
        '<ins><span class="visually-hidden">[tillagt] </span>script<span class="visually-hidden"> [slut på tillagt]</span></ins>' +
        '&gt;</div>',
    );
    assert.match(diffHtml('en', 'a', 'b').toString(), /\[removed\].*\[added\]/);
  });

  it('lists only the fields that changed, under their labels', () => {
    const out = fieldsDiff('sv', [
      { label: 'Titel', before: 'Att bo i Falun', after: 'Att bo i Falun' },
      { label: 'Sammanfattning', before: 'Kort', after: 'Kortare' },
    ]).toString();
    assert.match(out, /<h3 class="diff-field__label">Sammanfattning<\/h3>/);
    assert.equal(out.includes('Titel'), false);
    assert.match(fieldsDiff('en', [{ label: 'T', before: 'x', after: 'x' }]).toString(), /No changes\./);
    assert.match(
      fieldsDiff('sv', [{ label: 'T', before: 'x', after: 'y' }], { headingLevel: 2 }).toString(),
      /<h2 /,
    );
  });

  it('says when a diff is by line or whole rather than by word', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `x${i}`).join('\n');
    assert.match(diffHtml('sv', many, 'annat').toString(), /diff__note/);
  });
});
