import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { mulberry32 } from './demo.ts';
import { sanitizeDescription, sanitizeWithStats } from './sanitize.ts';

// ---------------------------------------------------------------------------------------------
// "Ordinary ads come out exactly as before": the outputs of the sanitiser as it was before the
// linear scanner (regular expressions; `oldSanitize` in this file up to commit 87a664d, run on the
// same inputs), kept as SHA-256 digests. To see which input differs after a deliberate change, run
// that oracle again from the history; say why in the commit that updates a digest.

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const EARLIER_SAMPLE_OUTPUT = 'fd8c240f1b2e8ff6fa87d3a1ff24656fe605a1a92943b50492967d1859d60ff7';
const EARLIER_RANDOM_OUTPUT = 'ee2e2e054da81968c636c381bc8a79d769df5d4e7d909a1727abbaf9f1b834e7';

// ---------------------------------------------------------------------------------------------
// Inputs

/** A deterministic PRNG, so a failure can be replayed from its seed. */
const random = mulberry32;

const PIECES = [
  '<',
  '>',
  '/',
  '<a',
  '<a ',
  '</',
  '<p>',
  '</p>',
  '<P class="x">',
  '<br/>',
  '<br>',
  '<ul>',
  '</ul>',
  '<ol>',
  '<li>',
  '</li>',
  '<b>',
  '</b>',
  '<strong>',
  '</strong>',
  '<i>',
  '</em>',
  '<h1>',
  '</h2>',
  '<h5>',
  '</h6>',
  '<div>',
  '</div>',
  '<tr>',
  '<span style="x">',
  '</span>',
  '<script>',
  '</script>',
  '<script/>',
  '<style>',
  '</style>',
  '<svg>',
  '</svg>',
  '<a href="javascript:alert(1)">',
  '<a href=\'x\' onclick="y()">',
  '</a>',
  '<img src=x onerror=alert(1)>',
  '<!--',
  '-->',
  '<!-- c -->',
  '<!',
  '<a_b>',
  '<x1>',
  '"',
  "'",
  '=',
  '&',
  '&amp;',
  '&nbsp;',
  '&#229;',
  '&#xE5;',
  '&bogus',
  '&#x;',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '\u00a0',
  'text',
  'Vi söker',
  'å',
  '🙂',
  'javascript:',
  'x',
];

function randomDocument(next: () => number, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

function repeat(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The shapes that make pattern-based sanitisers slow, at `length` characters. */
function adversarial(length: number): Record<string, string> {
  return {
    'unclosed <a': repeat('<a', length),
    'unclosed <a with spaces': repeat('<a ', length),
    'unclosed </a': repeat('</a', length),
    'unclosed quotes': repeat('<p title="', length),
    'unclosed comment': `<p>x</p><!--${repeat('-', length)}`,
    'many comment openers': repeat('<!--', length),
    'nested tags': repeat('<b>', length / 2) + repeat('</ul>', length / 2),
    'nested blocks': repeat('<ul><li><p>', length),
    'entities without end': repeat('&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', length),
    'numeric entities': repeat('&#1234567&#x12345', length),
    'underscore names': repeat('<a_', length),
    'long tag name': `<${repeat('a', length)}`,
    'blank lines': repeat('\n \n', length),
    'line then spaces': `x\n${repeat(' ', length)}x`,
    'plain text': repeat('Vi söker en sjuksköterska. ', length),
  };
}

// ---------------------------------------------------------------------------------------------
// What safe output looks like

const ALLOWED = new Set(['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'h3', 'h4']);
const OUT_TAG = /<(\/?)([a-z0-9]+)>/y;
const OUT_ENTITY = /&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/y;

/** Throws unless `html` holds only allowed tags without attributes, well nested, and escaped text. */
function assertSafe(html: string, input: string): void {
  const stack: string[] = [];
  for (let i = 0; i < html.length;) {
    const ch = html[i] as string;
    if (ch === '<') {
      OUT_TAG.lastIndex = i;
      const m = OUT_TAG.exec(html);
      assert.ok(m, `a "<" that is not an allowed tag at ${i} for ${JSON.stringify(input.slice(0, 80))}`);
      const [whole, slash, name] = m as unknown as [string, string, string];
      assert.ok(ALLOWED.has(name), `tag <${name}> is not allowed`);
      if (name === 'br') assert.equal(slash, '', '<br> is never closed');
      else if (slash) assert.equal(stack.pop(), name, `</${name}> closes what it did not open`);
      else stack.push(name);
      i += whole.length;
      continue;
    }
    assert.notEqual(ch, '>', 'a bare ">" in text');
    assert.notEqual(ch, '"', 'a bare quote in text');
    if (ch === '&') {
      OUT_ENTITY.lastIndex = i;
      assert.ok(OUT_ENTITY.test(html), `a bare "&" at ${i}`);
    }
    i++;
  }
  // Tags carry no attributes at all (OUT_TAG), so no href, src or event handler can get through.
  assert.deepEqual(stack, [], 'every tag is closed');
}

// ---------------------------------------------------------------------------------------------

/** Work allowed per input character (the scanner does about 3–4). */
const STEPS_PER_CHAR = 12;

describe('sanitizeDescription', () => {
  it('keeps the output of the earlier sanitiser for every ad of the real sample', () => {
    const sample = JSON.parse(
      readFileSync(new URL('./data/ads-sample.json', import.meta.url), 'utf8'),
    ) as unknown;
    const ads = (Array.isArray(sample) ? sample : (sample as { hits: unknown[] }).hits) as Array<{
      description?: { text?: string; text_formatted?: string };
    }>;
    assert.ok(ads.length > 50);
    const outputs = ads.map((ad) => {
      const { text, text_formatted: formatted } = ad.description ?? {};
      return [sanitizeDescription(formatted, text), sanitizeDescription(null, text)];
    });
    assert.equal(sha256(outputs), EARLIER_SAMPLE_OUTPUT);
  });

  it('keeps the output of the earlier sanitiser on random small documents, and it is safe', () => {
    const outputs: string[][] = [];
    for (let seed = 1; seed <= 3000; seed++) {
      const input = randomDocument(random(seed), 1 + (seed % 40));
      const html = sanitizeDescription(input, null);
      assertSafe(html, input);
      outputs.push([html, sanitizeDescription(null, input)]);
    }
    assert.equal(sha256(outputs), EARLIER_RANDOM_OUTPUT);
  });

  it('examines each character a bounded number of times, on random and adversarial input', () => {
    const cases: Array<[string, string]> = [];
    for (const length of [1_000, 20_000, 160_000]) {
      for (const [name, input] of Object.entries(adversarial(length)))
        cases.push([`${name} ${length}`, input]);
      for (let seed = 1; seed <= 5; seed++) {
        cases.push([`random ${seed} ${length}`, randomDocument(random(seed * 7919), length / 4)]);
      }
    }
    for (const [name, input] of cases) {
      for (const [formatted, text] of [
        [input, null],
        [null, input],
      ] as const) {
        const { html, steps } = sanitizeWithStats(formatted, text);
        assert.ok(
          steps <= STEPS_PER_CHAR * input.length + 100,
          `${name}: ${steps} steps for ${input.length} characters`,
        );
        assertSafe(html, input);
      }
    }
  });

  it('sanitises a megabyte of hostile markup within a few seconds', () => {
    // A generous sanity bound that a loaded machine still meets: the linear scanner needs well
    // under a second here, the earlier pattern about eight minutes (3 s for 78 KB of "<a",
    // growing with the square of the length).
    for (const [name, input] of Object.entries(adversarial(1_000_000))) {
      const started = process.hrtime.bigint();
      const html = sanitizeDescription(input, null);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(ms < 5000, `${name}: ${ms.toFixed(0)} ms`);
      assertSafe(html, input);
    }
  });

  it('drops links, attributes and scripts and keeps the allowed structure', () => {
    assert.equal(
      sanitizeDescription(
        '<p onclick="x()">Vi <a href="javascript:alert(1)">söker</a> <B>dig</B>!<script>alert(1)</script></p><ul><li>ett<li>två</ul>',
        null,
      ),
      '<p>Vi söker <strong>dig</strong>!</p><ul><li>ett</li><li>två</li></ul>',
    );
    assert.equal(
      sanitizeDescription('<p>a &amp; b & c "d" &#229;</p>', null),
      '<p>a &amp; b &amp; c &quot;d&quot; &#229;</p>',
    );
    assert.equal(
      sanitizeDescription(null, 'Rad ett\nrad två\n\nNytt <stycke>'),
      '<p>Rad ett<br>rad två</p>\n<p>Nytt &lt;stycke&gt;</p>',
    );
  });
});
