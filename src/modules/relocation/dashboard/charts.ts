/**
 * Charts drawn on the server as inline SVG, with no script and no style attribute (the strict CSP):
 * colours and type come from classes in public/css/relocation-dashboard.css. Each chart is an
 * image (role="img") named by its <title> and described by its <desc>; the table next to it, with
 * the same numbers, is what a screen reader reads. Pure: rows in, markup out.
 *
 * `barChart`: horizontal bars, the label above each bar and its number after it (for stages,
 * municipalities, outcomes). `columnChart`: vertical columns along a time axis (requests per
 * month), the number on top of each column while there is room for it.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';

export interface ChartRow {
  /** A stable key (an id suffix; not shown). */
  key: string;
  label: string;
  value: number;
}

/** A column of a column chart: its label under it, and a second line (a year) where one begins. */
export interface ColumnRow extends ChartRow {
  group?: string;
}

export interface ChartOptions {
  /** The id of the SVG; its <title> and <desc> get `-title` and `-desc`. */
  id: string;
  /** Numbers in the page's language. */
  lang: Lang;
  /** What the chart shows (the image's name). */
  title: string;
  /** A description: where the same numbers are in words. */
  desc: string;
}

/** The width of the drawing, in its own units (it scales to the width it is given). */
const WIDTH = 360;
const FONT = 14;
/** An approximate advance of one character at FONT size, for room and truncation. */
const CHAR = 7.8;
const BAR = 18;
const ROW = 44;

/** A count as drawn: negative and non-finite values are nothing. */
function amount(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** A label cut to `chars` characters, with an ellipsis when it was longer (the table has it whole). */
export function fitLabel(label: string, chars: number): string {
  const letters = [...label];
  return letters.length <= chars ? label : `${letters.slice(0, Math.max(1, chars - 1)).join('')}…`;
}

const round = (n: number) => Math.round(n * 10) / 10;

function frame(options: ChartOptions, className: string, width: number, height: number, body: SafeHtml[]) {
  return html`<svg class="chart ${className}" id="${options.id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${options.id}-title ${options.id}-desc" focusable="false">
<title id="${options.id}-title">${options.title}</title>
<desc id="${options.id}-desc">${options.desc}</desc>
${body}
</svg>`;
}

/**
 * Horizontal bars, one a row in the given order, the longest as wide as the room left after the
 * largest number. Nothing (an empty fragment) when there are no rows: the caller says so in words.
 */
export function barChart(rows: readonly ChartRow[], options: ChartOptions): SafeHtml {
  if (rows.length === 0) return html``;
  const values = rows.map((r) => amount(r.value));
  const max = Math.max(0, ...values);
  const numbers = values.map((v) => formatNumber(options.lang, v));
  const numberRoom = Math.min(WIDTH / 2, Math.max(...numbers.map((n) => [...n].length)) * CHAR + 8);
  const room = WIDTH - numberRoom;
  const labelChars = Math.floor(WIDTH / CHAR);
  const height = rows.length * ROW;
  const body = rows.map((row, i) => {
    const top = i * ROW;
    const length = max > 0 ? round((values[i]! / max) * room) : 0;
    const bar =
      length > 0
        ? html`<rect class="chart__bar" x="0" y="${top + 20}" width="${length}" height="${BAR}"></rect>`
        : html``;
    return html`<g class="chart__row">
<text class="chart__label" x="0" y="${top + 15}" font-size="${FONT}">${fitLabel(row.label, labelChars)}</text>
${bar}
<text class="chart__value" x="${round(length + 6)}" y="${top + 34}" font-size="${FONT}">${numbers[i]}</text>
</g>`;
  });
  return frame(options, 'chart--bars', WIDTH, height, body);
}

/**
 * Vertical columns along an axis, left to right in the given order. Labels are shown under every
 * column when they fit, else under every n-th; numbers sit on top of the columns when they fit.
 */
export function columnChart(rows: readonly ColumnRow[], options: ChartOptions): SafeHtml {
  if (rows.length === 0) return html``;
  const values = rows.map((r) => amount(r.value));
  const max = Math.max(0, ...values);
  const numbers = values.map((v) => formatNumber(options.lang, v));
  const small = 12;
  const slot = WIDTH / rows.length;
  const widest = Math.max(...numbers.map((n) => [...n].length)) * small * 0.6;
  const showNumbers = widest <= slot;
  const labelWidth = Math.max(...rows.map((r) => [...r.label].length)) * small * 0.6 + 4;
  const every = Math.max(1, Math.ceil(labelWidth / slot));
  const top = 20;
  const plot = 140;
  const base = top + plot;
  const height = base + 40;
  const gap = Math.min(6, slot * 0.2);
  const body = rows.map((row, i) => {
    const x = i * slot;
    const h = max > 0 ? round((values[i]! / max) * plot) : 0;
    const centre = round(x + slot / 2);
    const column =
      h > 0
        ? html`<rect class="chart__bar" x="${round(x + gap / 2)}" y="${round(base - h)}" width="${round(slot - gap)}" height="${h}"></rect>`
        : html``;
    const number = showNumbers
      ? html`<text class="chart__value" x="${centre}" y="${round(base - h - 4)}" font-size="${small}" text-anchor="middle">${numbers[i]}</text>`
      : html``;
    const labelled = i % every === 0;
    const label = labelled
      ? html`<text class="chart__label" x="${centre}" y="${base + 16}" font-size="${small}" text-anchor="middle">${row.label}</text>`
      : html``;
    const group =
      labelled && row.group
        ? html`<text class="chart__label chart__label--group" x="${centre}" y="${base + 32}" font-size="${small}" text-anchor="middle">${row.group}</text>`
        : html``;
    return html`<g class="chart__row">${column}${number}${label}${group}</g>`;
  });
  const axis = html`<line class="chart__axis" x1="0" y1="${base}" x2="${WIDTH}" y2="${base}"></line>`;
  return frame(options, 'chart--columns', WIDTH, height, [...body, axis]);
}
