import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastRatio } from './contrast.ts';
import { html, raw } from './html.ts';

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
