import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastRatio } from './contrast.ts';
import { html, jsonScript, raw, SanitizedHtml, xml } from './html.ts';

describe('html', () => {
  it('escapes interpolated text', () => {
    const name = '<script>alert("x")</script> & \'y\'';
    assert.equal(
      html`<p title="${name}">${name}</p>`.toString(),
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });
  it('keeps nested templates and raw markup, joins arrays, drops empty values', () => {
    const items = ['a', 'b<'].map((x) => html`<li>${x}</li>`);
    assert.equal(
      html`<ul>${items}</ul>${null}${undefined}${false}${raw('<hr>')}${0}`.toString(),
      '<ul><li>a</li><li>b&lt;</li></ul><hr>0',
    );
  });
});

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    assert.equal(Math.round(contrastRatio('#000000', '#ffffff')), 21);
    assert.equal(contrastRatio('#ffffff', '#ffffff'), 1);
    assert.ok(contrastRatio('#767676', '#ffffff') >= 4.5);
    assert.ok(contrastRatio('#777777', '#ffffff') < 4.5);
  });
});

describe('sanitised HTML, JSON data blocks and XML', () => {
  it('embeds what a sanitiser returned as it is, without raw()', () => {
    const description = new SanitizedHtml('<p>Vi söker <strong>dig</strong></p>');
    assert.equal(
      html`<div>${description}</div>`.toString(),
      '<div><p>Vi söker <strong>dig</strong></p></div>',
    );
  });

  it('writes a JSON data block no text inside can end', () => {
    const block = jsonScript('application/ld+json', { title: '</script><b>&' }).toString();
    assert.equal(
      block,
      '<script type="application/ld+json">{"title":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}</script>',
    );
  });

  it('escapes every value in XML and drops the characters XML forbids', () => {
    const title = 'R&D <chef>\u0000\u0008 "x"\uD800';
    assert.equal(
      xml`<title a="${title}">${title}</title>`.toString(),
      '<title a="R&amp;D &lt;chef&gt; &quot;x&quot;">R&amp;D &lt;chef&gt; &quot;x&quot;</title>',
    );
    assert.equal(xml`<a>${xml`<b>${'&'}</b>`}</a>`.toString(), '<a><b>&amp;</b></a>');
  });
});
