import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barChart, columnChart, fitLabel } from './charts.ts';

const options = { id: 'c1', lang: 'sv' as const, title: 'Öppna ärenden', desc: 'Samma siffror i tabellen.' };

const widths = (svg: string) => [...svg.matchAll(/<rect[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
const values = (svg: string) =>
  [...svg.matchAll(/<text class="chart__value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('barChart', () => {
  it('is an image named by its title and described by its desc, a bar and a number per row', () => {
    const svg = barChart(
      [
        { key: 'new', label: 'Ny', value: 4 },
        { key: 'in_contact', label: 'I kontakt', value: 2 },
      ],
      options,
    ).value;
    assert.match(svg, /^<svg class="chart chart--bars" id="c1" viewBox="0 0 360 \d+"/);
    assert.match(svg, /role="img" aria-labelledby="c1-title c1-desc"/);
    assert.match(svg, /<title id="c1-title">Öppna ärenden<\/title>/);
    assert.match(svg, /<desc id="c1-desc">Samma siffror i tabellen.<\/desc>/);
    assert.deepEqual(values(svg), ['4', '2']);
    const [a, b] = widths(svg);
    assert.ok(a! > 0 && Math.abs(a! / b! - 2) < 0.01, 'bars in proportion');
    assert.doesNotMatch(svg, /style=/);
  });

  it('escapes labels and the title', () => {
    const svg = barChart([{ key: 'x', label: '<script>alert("x")</script> & co', value: 1 }], {
      ...options,
      title: 'A <b>',
    }).value;
    assert.doesNotMatch(svg, /<script>|<b>/);
    assert.match(svg, /&lt;script&gt;/);
    assert.match(svg, /&amp; co/);
    assert.match(svg, /A &lt;b&gt;/);
  });

  it('draws zero as a number without a bar, and all zeros without dividing by zero', () => {
    const svg = barChart(
      [
        { key: 'a', label: 'A', value: 0 },
        { key: 'b', label: 'B', value: 0 },
      ],
      options,
    ).value;
    assert.deepEqual(widths(svg), []);
    assert.deepEqual(values(svg), ['0', '0']);
    assert.doesNotMatch(svg, /NaN|Infinity/);
    const mixed = barChart(
      [
        { key: 'a', label: 'A', value: 0 },
        { key: 'b', label: 'B', value: -3 },
        { key: 'c', label: 'C', value: Number.NaN },
        { key: 'd', label: 'D', value: 5 },
      ],
      options,
    ).value;
    assert.equal(widths(mixed).length, 1);
    assert.deepEqual(values(mixed), ['0', '0', '0', '5']);
  });

  it('keeps a huge number inside the drawing, grouped as the language writes it', () => {
    const svg = barChart(
      [
        { key: 'a', label: 'A', value: 1_234_567_890 },
        { key: 'b', label: 'B', value: 1 },
      ],
      options,
    ).value;
    assert.equal(values(svg)[0], '1\u00a0234\u00a0567\u00a0890');
    const [longest] = widths(svg);
    const x = Number(/<text class="chart__value" x="([\d.]+)"/.exec(svg)![1]);
    assert.ok(longest! < 360 && x + 13 * 7.8 <= 360 + 8, 'the number fits after the bar');
    assert.equal(
      barChart([{ key: 'a', label: 'A', value: 3 }], { ...options, lang: 'en' }).value.includes('>3<'),
      true,
    );
  });

  it('cuts a very long label with an ellipsis', () => {
    const long = 'Ett väldigt långt namn på en kommun som inte får plats på raden i diagrammet alls';
    const svg = barChart([{ key: 'a', label: long, value: 1 }], options).value;
    assert.ok(!svg.includes(long));
    assert.match(svg, /…<\/text>/);
    assert.equal(fitLabel('Falun', 10), 'Falun');
    assert.equal(fitLabel('Ludvika kommun', 8), 'Ludvika…');
  });

  it('is nothing for no rows', () => {
    assert.equal(barChart([], options).value, '');
    assert.equal(columnChart([], options).value, '');
  });
});

describe('columnChart', () => {
  it('draws a column a month with its number on top and the year where it begins', () => {
    const svg = columnChart(
      [
        { key: '2025-12', label: 'dec', group: '2025', value: 2 },
        { key: '2026-01', label: 'jan', group: '2026', value: 0 },
        { key: '2026-02', label: 'feb', value: 4 },
      ],
      { ...options, id: 'm' },
    ).value;
    assert.match(svg, /class="chart chart--columns"/);
    assert.deepEqual(values(svg), ['2', '0', '4']);
    assert.equal(widths(svg).length, 2);
    assert.match(svg, />2026<\/text>/);
    assert.doesNotMatch(svg, /NaN|style=/);
  });

  it('leaves numbers out and labels every n-th column when there are many', () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ key: String(i), label: 'sep', value: 1000 + i }));
    const svg = columnChart(rows, options).value;
    assert.deepEqual(values(svg), []);
    const labels = [...svg.matchAll(/class="chart__label"/g)].length;
    assert.ok(labels > 1 && labels < 120);
  });
});
