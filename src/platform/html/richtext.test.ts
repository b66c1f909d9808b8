import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html } from './html.ts';
import { isRichDoc, type Block, type Inline, type RichDoc } from './rich-doc.ts';
import {
  imageSlugs,
  MARKUP_ERROR_CODES,
  normalizeDoc,
  parseMarkup,
  renderRichText,
  toMarkup,
} from './richtext.ts';
import { richTextField } from './richtext-field.ts';
import { markupErrorsText, markupErrorText } from './richtext-messages.ts';

const doc = (...blocks: Block[]): RichDoc => ({ v: 1, blocks });
const text = (v: string): Inline => ({ t: 'text', v });
const p = (...c: Inline[]): Block => ({ t: 'p', c });
const render = (d: RichDoc, options = {}) => renderRichText(d, options).toString();

/** A small seeded generator, so a failing case is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const PIECES = [
  'a',
  'ord',
  'Åsa',
  ' ',
  '  ',
  '*',
  '**',
  '[',
  ']',
  '(',
  ')',
  '](',
  '\\',
  '#',
  '## ',
  '- ',
  '-',
  '1. ',
  '12.',
  '!',
  '![',
  'x',
  '\t',
  '\n',
  'ä',
  '`',
  '_',
  'https://a.se',
  'image:',
  '<b>',
  '&',
  '"',
];
const HREFS = [
  'https://example.com/a?b=c&d',
  'http://x.se',
  'mailto:a@b.se',
  'tel:+4623123',
  '/sv/jobs?q=svetsare',
  'javascript:alert(1)',
  '//evil.com',
  'data:text/html,x',
  '/a(b)',
];

function randomInlines(r: ReturnType<typeof random>, depth: number): Inline[] {
  const out: Inline[] = [];
  const count = r.int(5);
  for (let i = 0; i < count; i++) {
    const kind = depth > 2 ? 0 : r.int(5);
    if (kind <= 1) {
      let v = '';
      for (let k = r.int(4) + 1; k > 0; k--) v += r.pick(PIECES);
      out.push(text(v));
    } else if (kind === 2) out.push({ t: 'strong', c: randomInlines(r, depth + 1) });
    else if (kind === 3) out.push({ t: 'em', c: randomInlines(r, depth + 1) });
    else out.push({ t: 'link', href: r.pick(HREFS), c: randomInlines(r, depth + 1) });
  }
  return out;
}

function randomDoc(seed: number): RichDoc {
  const r = random(seed);
  const blocks: Block[] = [];
  for (let n = r.int(6); n > 0; n--) {
    const kind = r.pick(['p', 'p', 'h2', 'h3', 'ul', 'ol', 'image'] as const);
    if (kind === 'ul' || kind === 'ol') {
      const items: Inline[][] = [];
      for (let k = r.int(4) + 1; k > 0; k--) items.push(randomInlines(r, 0));
      blocks.push({ t: kind, items });
    } else if (kind === 'image') {
      blocks.push({
        t: 'image',
        image: r.pick(['lake-jetty-sunset', 'x1', 'Bad Slug']),
        caption: r.pick(['', 'Vid sjön ]', 'a\\b [c]']),
      });
    } else blocks.push({ t: kind, c: randomInlines(r, 0) });
  }
  return doc(...blocks);
}

describe('parseMarkup', () => {
  it('reads headings, paragraphs, lists, images and inline markup', () => {
    const { doc: d, errors } = parseMarkup(
      [
        '## Att bo här',
        '',
        'Första raden',
        'fortsätter **fet** och *kursiv* med [en länk](https://example.com) och [jobb](/sv/jobs?q=svetsare).',
        '',
        '- ett',
        '- två *med* betoning',
        '  som fortsätter',
        '',
        '1. först',
        '2. sedan',
        '',
        '![Sjön en sommarkväll](image:lake-jetty-sunset)',
        '',
        '### Mer',
      ].join('\n'),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(d.blocks, [
      { t: 'h2', c: [text('Att bo här')] },
      p(
        text('Första raden fortsätter '),
        { t: 'strong', c: [text('fet')] },
        text(' och '),
        { t: 'em', c: [text('kursiv')] },
        text(' med '),
        { t: 'link', href: 'https://example.com', c: [text('en länk')] },
        text(' och '),
        { t: 'link', href: '/sv/jobs?q=svetsare', c: [text('jobb')] },
        text('.'),
      ),
      {
        t: 'ul',
        items: [
          [text('ett')],
          [text('två '), { t: 'em', c: [text('med')] }, text(' betoning som fortsätter')],
        ],
      },
      { t: 'ol', items: [[text('först')], [text('sedan')]] },
      { t: 'image', image: 'lake-jetty-sunset', caption: 'Sjön en sommarkväll' },
      { t: 'h3', c: [text('Mer')] },
    ]);
  });

  it('keeps unsafe links as text and reports them on their line', () => {
    const source = [
      'ok',
      '[a](javascript:alert(1)) [b](data:text/html,x)',
      '[c](//evil.com) [d](java\u0001script:x) [e](jobs) [f](https://a.se/x y)',
      '[g](JavaScript:alert`1`) [h](/\\evil.com) [i](https://)',
    ].join('\n');
    const { doc: d, errors } = parseMarkup(source);
    assert.deepEqual(errors, [
      { line: 2, code: 'link-unsafe' },
      { line: 3, code: 'link-unsafe' },
      { line: 4, code: 'link-unsafe' },
    ]);
    assert.equal(render(d).includes('<a'), false);
    assert.match(render(d), /\[a\]\(javascript:alert\(1\)\)/);
    assert.match(render(d), /\[c\]\(\/\/evil\.com\)/);
  });

  it('keeps an address with credentials as text and reports it', () => {
    const { doc: d, errors } = parseMarkup('[kommunen](https://www.kommun.se@evil.example/)');
    assert.deepEqual(errors, [{ line: 1, code: 'link-unsafe' }]);
    assert.equal(render(d).includes('<a'), false);
  });

  it('reports a link address that is too long', () => {
    const { errors } = parseMarkup(`[a](https://example.com/${'x'.repeat(2000)})`);
    assert.deepEqual(errors, [{ line: 1, code: 'link-too-long' }]);
  });

  it('refuses # and #### headings and malformed images, keeping their text', () => {
    const { doc: d, errors } = parseMarkup(
      '# Titel\n\n#### Liten\n\n![Bild](https://example.com/a.jpg)\n\n![Bild](image:Not OK)',
    );
    assert.deepEqual(errors, [
      { line: 1, code: 'heading-level' },
      { line: 3, code: 'heading-level' },
      { line: 5, code: 'image-malformed' },
      { line: 7, code: 'image-malformed' },
    ]);
    assert.deepEqual(d.blocks[0], p(text('# Titel')));
    assert.equal(imageSlugs(d).length, 0);
  });

  it('holds its limits: length, blocks, list items', () => {
    const long = parseMarkup('a'.repeat(40_001));
    assert.deepEqual(long.errors, [{ line: 1, code: 'too-long' }]);
    const many = parseMarkup(Array.from({ length: 401 }, (_, i) => `stycke ${i}`).join('\n\n'));
    assert.deepEqual(many.errors, [{ line: 801, code: 'too-many-blocks' }]);
    assert.equal(many.doc.blocks.length, 400);
    const items = parseMarkup(Array.from({ length: 102 }, (_, i) => `- punkt ${i}`).join('\n'));
    assert.deepEqual(items.errors, [{ line: 101, code: 'too-many-items' }]);
    assert.equal((items.doc.blocks[0] as { items: unknown[] }).items.length, 100);
  });

  it('stops reporting after 50 errors', () => {
    const { errors } = parseMarkup(Array.from({ length: 200 }, () => '[x](javascript:x)').join('\n\n'));
    assert.equal(errors.length, 50);
  });

  it('reads backslash escapes and leaves lone markup characters as text', () => {
    const { doc: d } = parseMarkup('\\*inte kursiv\\* 2 * 3 * 4 a \\b [ ] *');
    assert.deepEqual(d.blocks, [p(text('*inte kursiv* 2 * 3 * 4 a \\b [ ] *'))]);
    assert.deepEqual(parseMarkup('\\## inte rubrik').doc.blocks, [p(text('## inte rubrik'))]);
    assert.deepEqual(parseMarkup('***båda*** och ***b** c*').doc.blocks, [
      p({ t: 'strong', c: [{ t: 'em', c: [text('båda')] }] }, text(' och '), {
        t: 'em',
        c: [{ t: 'strong', c: [text('b')] }, text(' c')],
      }),
    ]);
  });

  it('does adversarial input in bounded time', { timeout: 10_000 }, () => {
    for (const unit of ['*', '[', '](', '**a', '[a](', '\\', '![', '- ', '#', '[*', '*[', ')', '`']) {
      const source = unit.repeat(Math.ceil(40_000 / unit.length)).slice(0, 40_000);
      const { doc: d } = parseMarkup(source);
      assert.ok(render(d).length > 0, unit);
      // Escaped, 40,000 markup characters may write out longer than the limit a source is cut at.
      const markup = toMarkup(d);
      if (markup.length <= 40_000) assert.deepEqual(parseMarkup(markup).doc, d, unit);
    }
    const lines = parseMarkup(Array.from({ length: 20_000 }, () => '-').join('\n'));
    assert.ok(lines.doc.blocks.length <= 400);
  });
});

describe('toMarkup', () => {
  it('round-trips hand-written documents with markup characters in their text', () => {
    const cases: RichDoc[] = [
      doc(p(text('*stjärna* och [hak] och \\ bak\\slash'))),
      doc(
        p(text('# inte rubrik')),
        p(text('- inte lista')),
        p(text('1. inte nummer')),
        p(text('2024. Ett år')),
      ),
      doc(
        p(text('![inte bild](image:x)')),
        p(text('!'), { t: 'link', href: 'https://a.se', c: [text('länk')] }),
      ),
      doc(
        { t: 'ul', items: [[text('- a')], [text('1. b')], [text('## c')]] },
        { t: 'ol', items: [[text('x')]] },
      ),
      doc({ t: 'image', image: 'lake-jetty-sunset', caption: 'Brygga [sommar] \\ ]' }),
      doc(p({ t: 'strong', c: [{ t: 'em', c: [text('a')] }, text(' b')] }, { t: 'em', c: [text('c')] })),
      doc(p({ t: 'em', c: [{ t: 'strong', c: [text('a')] }, text(' b')] }, { t: 'strong', c: [text('c')] })),
      doc(
        p(
          { t: 'strong', c: [text('a')] },
          { t: 'em', c: [text('b')] },
          { t: 'strong', c: [{ t: 'em', c: [text('c')] }] },
        ),
      ),
      doc({ t: 'h2', c: [{ t: 'link', href: 'mailto:a@b.se', c: [{ t: 'strong', c: [text('skriv')] }] }] }),
    ];
    for (const d of cases) {
      assert.deepEqual(normalizeDoc(d), d, toMarkup(d));
      assert.deepEqual(parseMarkup(toMarkup(d)).doc, d, toMarkup(d));
    }
  });

  it('writes the canonical form of any document, which parses back to itself', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const input = randomDoc(seed);
      const copy = structuredClone(input);
      const canonical = normalizeDoc(input);
      assert.deepEqual(input, copy, `seed ${seed}: the document given is left as it was`);
      assert.deepEqual(normalizeDoc(canonical), canonical, `seed ${seed}`);
      const markup = toMarkup(canonical);
      const parsed = parseMarkup(markup);
      assert.deepEqual(parsed.errors, [], `seed ${seed}: ${markup}`);
      assert.deepEqual(parsed.doc, canonical, `seed ${seed}: ${markup}`);
    }
  });

  it('gives markup that parses to the same document as the markup it came from', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const r = random(seed);
      let source = '';
      for (let k = r.int(30); k > 0; k--)
        source += r.pick([...PIECES, '\n\n', '[a](https://a.se)', '![c](image:b)', '\n  ']);
      const first = parseMarkup(source).doc;
      assert.deepEqual(parseMarkup(toMarkup(first)).doc, first, `seed ${seed}: ${JSON.stringify(source)}`);
    }
  });
});

describe('renderRichText', () => {
  it('renders blocks, headings one level lower on request, and images through the callback', () => {
    const d = parseMarkup('## R\n\n### U\n\n- a\n\n1. b\n\n![Bild](image:pic)\n\n![Borta](image:gone)').doc;
    const image = (slug: string, caption: string) =>
      slug === 'pic' ? html`<figure>${caption}</figure>` : undefined;
    assert.equal(
      render(d, { image }),
      '<h2>R</h2><h3>U</h3><ul><li>a</li></ul><ol><li>b</li></ol><figure>Bild</figure>',
    );
    assert.equal(
      render(d, { headingOffset: 1 }),
      '<h3>R</h3><h4>U</h4><ul><li>a</li></ul><ol><li>b</li></ol>',
    );
    assert.deepEqual(imageSlugs(d), ['pic', 'gone']);
  });

  it('gives external links rel="noopener" and no target; site, mailto and tel links stay as written', () => {
    const d = parseMarkup(
      '[ut](https://example.com/?a=1&b=2) [in](/sv/jobs) [post](mailto:a@b.se) [ring](tel:+4623)',
    ).doc;
    assert.equal(
      render(d),
      '<p><a href="https://example.com/?a=1&amp;b=2" rel="noopener">ut</a> <a href="/sv/jobs">in</a> ' +
        '<a href="mailto:a@b.se">post</a> <a href="tel:+4623">ring</a></p>',
    );
  });

  it('escapes a <script> or an attribute breakout in any text', () => {
    const evil = '<script>alert(1)</script>" onmouseover="alert(1)';
    const d: RichDoc = doc(
      { t: 'h2', c: [text(evil)] },
      p(
        text(evil),
        { t: 'strong', c: [text(evil)] },
        { t: 'link', href: `https://a.se/"onmouseover="x`, c: [text(evil)] },
      ),
      { t: 'ul', items: [[text(evil)]] },
      { t: 'image', image: 'pic', caption: evil },
    );
    const out = render(d, {
      image: (_: string, caption: string) => html`<figure><figcaption>${caption}</figcaption></figure>`,
    });
    assert.equal(out.includes('<script'), false);
    assert.equal(out.includes('" onmouseover'), false);
    assert.equal(out.includes('<a'), false);
    const parsed = render(parseMarkup(`${evil}\n\n- ${evil}\n\n[${evil}](https://a.se)`).doc);
    assert.equal(parsed.includes('<script'), false);
    assert.equal(parsed.includes('" onmouseover'), false);
    assert.match(parsed, /<a href="https:\/\/a\.se" rel="noopener">&lt;script&gt;/);
  });

  it('never renders a javascript:, data: or protocol-relative address as a link, even in a stored document', () => {
    for (const href of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JAVASCRIPT:x',
      'data:text/html,<b>',
      '//evil.com',
      '/\\evil.com',
      'vbscript:x',
      'java\tscript:x',
      'https://user:secret@evil.example/',
      'https://www.kommun.se@evil.example/',
      'mailto:nobody',
    ]) {
      const out = render(doc(p({ t: 'link', href, c: [text('klicka')] })));
      assert.equal(out, '<p>klicka</p>', href);
    }
    const nested = render(doc(p({ t: 'link', href: '/a', c: [{ t: 'link', href: '/b', c: [text('x')] }] })));
    assert.equal(nested, '<p><a href="/a">x</a></p>');
  });
});

describe('richTextField', () => {
  it('is a labelled textarea with its hint, error, content language and help, escaping what was typed', () => {
    const out = richTextField('sv', {
      name: 'body_en',
      label: 'Brödtext på engelska',
      value: '</textarea><script>alert(1)</script>\n## Living here',
      hint: 'Skriv texten på engelska.',
      error: markupErrorsText('sv', [{ line: 2, code: 'link-unsafe' }]),
      required: true,
      lang: 'en',
    }).toString();
    assert.match(out, /<label class="field__label" for="body_en">Brödtext på engelska/);
    assert.match(
      out,
      /<textarea class="input richtext__input" id="body_en" name="body_en" required aria-invalid="true" aria-describedby="body_en-hint body_en-error" rows="14" lang="en"/,
    );
    assert.match(out, /Rad 2: länken går inte att använda/);
    assert.equal(out.includes('<script>'), false);
    assert.match(out, /&lt;\/textarea&gt;&lt;script&gt;/);
    assert.match(out, /<details class="richtext__help">\s*<summary>Hur skriver jag\?<\/summary>/);
    assert.match(out, /<code>!\[Bryggan en sommarkväll\]\(image:lake-jetty-sunset\)<\/code>/);
  });

  it('renders the toolbar hidden, for the script to show: text-labelled buttons that never submit', () => {
    const out = richTextField('en', { name: 'body', label: 'Body', value: '' }).toString();
    assert.match(
      out,
      /<div class="richtext__toolbar" role="toolbar" aria-label="Format the text" aria-controls="body" data-richtext-for="body" hidden>/,
    );
    const labels = [...out.matchAll(/<button type="button"[^>]*>([^<]+)<\/button>/g)].map((m) => m[1]);
    assert.deepEqual(labels, [
      'Heading',
      'Bold',
      'Italic',
      'Bulleted list',
      'Numbered list',
      'Link',
      'Image',
    ]);
    assert.equal(out.includes(' lang='), false);
  });

  it('has an error text for every error code, in both languages', () => {
    for (const lang of ['sv', 'en'] as const) {
      for (const code of MARKUP_ERROR_CODES) assert.match(markupErrorText(lang, { line: 7, code }), /7/);
    }
  });
});

describe('stored documents', () => {
  it('parses every source, however odd, into a document the store accepts', () => {
    const sources = [
      '',
      '*'.repeat(40_000),
      `${'[a](https://a.se) '.repeat(3000)}`,
      '- x\n'.repeat(500),
      'a\n\n'.repeat(600),
    ];
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      let source = '';
      for (let k = r.int(40); k > 0; k--) source += r.pick([...PIECES, '\n\n', '***', '![c](image:b)']);
      sources.push(source);
    }
    for (const source of sources) assert.ok(isRichDoc(parseMarkup(source).doc), source.slice(0, 40));
  });
});
