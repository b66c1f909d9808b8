/**
 * The editors' place facts page: the current file (its date, who applied it and when, a download),
 * the upload form (with every problem of a refused file named by municipality and fact), and each
 * municipality's facts with source and date, those older than two years marked.
 */
import { csrfField, errorSummary, fileField, notice, textareaField } from '../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../platform/html/html.ts';
import { safeHref } from '../../platform/html/links.ts';
import { dataTable } from '../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../platform/i18n/index.ts';
import type { Region } from '../../platform/region.ts';
import type { FactImport, StoredFact } from './facts.ts';
import { isStale } from './facts.ts';
import { FILE_TOO_LARGE, MAX_FACTS_FILE, type FactProblem } from './facts-file.ts';
import { factsMessages, type FactsMessageKey } from './facts-messages.ts';

export const FACTS_PATH = '/admin/places/facts';
export const FACTS_DOWNLOAD_PATH = `${FACTS_PATH}/place-facts.json`;

type T = (key: FactsMessageKey, params?: Record<string, string | number>) => string;

export interface FactsPageModel {
  lang: Lang;
  csrf: string;
  region: Region;
  current: FactImport | undefined;
  /** The name of who uploaded the current file, when an editor did. */
  uploadedBy: string | null;
  facts: Map<string, StoredFact[]>;
  /** After an upload: what was applied, or the problems of a refused file with what was pasted. */
  done?: { facts: number; municipalities: number };
  refused?: { problems: FactProblem[]; text: string; empty?: boolean };
  /** Too many uploads by the person lately: the minutes to wait, and what was pasted (kept). */
  rateLimited?: { minutes: number; text: string };
  now?: Date;
}

/** The loader's words (facts-data.ts, English) → this page's catalogue, with their numbers. */
const LOADER_WORDS: ReadonlyArray<[RegExp, FactsMessageKey, string[]]> = [
  [/^must be text of 1–(\d+) characters$/, 'problem.text', ['max']],
  [/^must be \{ sv, en \}$/, 'problem.localised', []],
  [/^must name the source$/, 'problem.source', []],
  [/^must be an https address$/, 'problem.https', []],
  [/^must be a date YYYY-MM-DD$/, 'problem.date', []],
  [/^lies in the future$/, 'problem.future', []],
  [/^must be true or false$/, 'problem.boolean', []],
  [/^is missing$/, 'problem.missing', []],
  [/^must be a whole number from (\d+) to (\d+)$/, 'problem.whole', ['min', 'max']],
  [/^must list 1–(\d+) journeys$/, 'problem.journeys', ['max']],
  [/^must be a journey$/, 'problem.journey', []],
  [/^must be one of (.+)$/, 'problem.mode', ['modes']],
  [/^must list 1–(\d+) highlights$/, 'problem.highlights', ['max']],
  [/^must be an object$/, 'problem.object', []],
  [/^must be text$/, 'problem.plainText', []],
  [/^must be an object by municipality code$/, 'problem.byCode', []],
  [/^is not a municipality of the region$/, 'problem.notMunicipality', []],
  [/^the file must hold an object$/, 'problem.notObjectFile', []],
  [/^the file is not JSON$/, 'problem.notJson', []],
];

/** How many of a refused file's problems are listed (the rest counted: "and 12 more"). */
export const MAX_LISTED_PROBLEMS = 50;

/** The largest file, in words: "1 MB". */
const maxSize = (lang: Lang) => `${formatNumber(lang, MAX_FACTS_FILE / 1_000_000)} MB`;

function problemWords(t: T, lang: Lang, message: string): string {
  if (message === FILE_TOO_LARGE) return t('problem.tooLarge', { size: maxSize(lang) });
  for (const [pattern, key, names] of LOADER_WORDS) {
    const match = pattern.exec(message);
    if (!match) continue;
    const params = Object.fromEntries(
      names.map((name, i) => {
        const value = match[i + 1] ?? '';
        return [name, /^\d+$/.test(value) ? formatNumber(lang, Number(value)) : value];
      }),
    );
    return t(key, params);
  }
  // never the loader's English: a problem without words of its own is named by where it is
  return t('problem.invalid');
}

/** A problem in words, naming the municipality (by name when known) and the fact. */
export function problemText(t: T, lang: Lang, region: Region, p: FactProblem): string {
  const problem = problemWords(t, lang, p.message);
  const m = region.municipalities.find((x) => x.code === p.municipality);
  const municipality = m ? `${m.shortName} (${m.code})` : p.municipality;
  if (!p.municipality) return t('problem.file', { problem: p.fact ? `${p.fact}: ${problem}` : problem });
  if (!p.fact) return t('problem.whereMunicipality', { municipality, problem });
  return t('problem.where', { municipality, fact: p.fact, problem });
}

/** The source linked to its page when that is an https web address, else its name as text. */
function sourceLink(f: StoredFact): SafeHtml {
  const href = safeHref(f.sourceUrl, { httpsOnly: true });
  return href ? html`<a href="${href}" rel="noopener">${f.source}</a>` : html`${f.source}`;
}

function factLabel(t: T, fact: StoredFact, lang: Lang): string {
  if (fact.key.startsWith('travel.')) return t('fact.travel', { place: fact.label[lang] || fact.label.sv });
  const key = `fact.${fact.key}` as FactsMessageKey;
  return key in factsMessages.catalogues[lang] ? t(key) : fact.key;
}

function factValue(t: T, lang: Lang, fact: StoredFact): string {
  const value = fact.kind === 'list' ? fact.items[lang].join(', ') : formatNumber(lang, fact.value ?? 0);
  return fact.approx ? `${t('approx')} ${value}` : value;
}

function currentSection(t: T, m: FactsPageModel): SafeHtml {
  const c = m.current;
  if (!c)
    return html`<section aria-labelledby="facts-current"><h2 id="facts-current">${t('current.title')}</h2><p>${t('current.none')}</p></section>`;
  const importedAt = formatDate(m.lang, c.importedAt);
  const line =
    c.origin === 'shipped'
      ? t('current.shipped', { date: c.fileDate, importedAt })
      : t('current.upload', { date: c.fileDate, who: m.uploadedBy ?? t('current.someone'), importedAt });
  return html`<section aria-labelledby="facts-current">
    <h2 id="facts-current">${t('current.title')}</h2>
    <p>${line} ${t('current.counts', { facts: formatNumber(m.lang, c.factCount), municipalities: formatNumber(m.lang, c.municipalityCount) })}</p>
    <p><a href="${FACTS_DOWNLOAD_PATH}" download="place-facts-${c.fileDate}.json">${t('current.download')}</a></p>
  </section>`;
}

/** The first MAX_LISTED_PROBLEMS problems in words, and how many more there are. */
function listedProblems(t: T, m: FactsPageModel, problems: readonly FactProblem[]) {
  const listed = problems
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((p) => ({ id: 'facts-text', text: problemText(t, m.lang, m.region, p) }));
  const more = problems.length - listed.length;
  if (more > 0)
    listed.push({ id: 'facts-text', text: t('problems.more', { count: formatNumber(m.lang, more) }) });
  return listed;
}

function uploadSection(t: T, m: FactsPageModel): SafeHtml {
  const refused = m.refused;
  const errors = m.rateLimited
    ? [
        {
          id: 'facts-text',
          text: t('upload.rateLimited', { minutes: formatNumber(m.lang, m.rateLimited.minutes) }),
        },
      ]
    : refused
      ? refused.empty
        ? [{ id: 'facts-text', text: t('upload.empty') }]
        : listedProblems(t, m, refused.problems)
      : [];
  const count = m.refused?.problems.length || errors.length;
  return html`<section aria-labelledby="facts-upload">
    <h2 id="facts-upload">${t('upload.title')}</h2>
    ${refused ? html`<p>${t('upload.refused')}</p>` : ''}
    ${errorSummary(m.rateLimited ? t('upload.rateLimitedTitle') : t('problems.title', { count: formatNumber(m.lang, count) }), errors)}
    <form class="form" method="post" action="${FACTS_PATH}" enctype="multipart/form-data" novalidate>
      ${csrfField(m.csrf)}
      ${fileField(m.lang, {
        name: 'file',
        id: 'facts-file',
        label: t('upload.file'),
        hint: t('upload.chooseHint', { size: maxSize(m.lang) }),
        accept: 'application/json,.json',
        required: false,
      })}
      ${textareaField(m.lang, {
        name: 'text',
        id: 'facts-text',
        label: t('upload.text'),
        hint: t('upload.fileHint'),
        value: refused?.text ?? m.rateLimited?.text ?? '',
        rows: 8,
        required: false,
        error: errors.length
          ? errors
              .map((e) => e.text)
              .slice(0, 3)
              .join(' · ') + (errors.length > 3 ? ' …' : '')
          : undefined,
      })}
      <button class="button" type="submit">${t('upload.submit')}</button>
    </form>
  </section>`;
}

function municipalityTable(t: T, m: FactsPageModel, code: string, name: string, now: Date): SafeHtml {
  const facts = m.facts.get(code) ?? [];
  return dataTable({
    id: `facts-${code}`,
    caption: t('table.caption', { name }),
    columns: [t('col.fact'), t('col.value'), t('col.source'), t('col.asOf')],
    rows: facts,
    empty: html`<p>${t('municipality.none')}</p>`,
    rowClass: (f) => (isStale(f.asOf, now) ? 'facts-row--stale' : undefined),
    cells: (f) => [
      factLabel(t, f, m.lang),
      factValue(t, m.lang, f),
      f.source ? sourceLink(f) : '–',
      isStale(f.asOf, now)
        ? html`<time datetime="${f.asOf}">${f.asOf}</time> <strong class="tag tag--overdue">${t('stale.tag')}</strong>`
        : html`<time datetime="${f.asOf}">${f.asOf}</time>`,
    ],
  });
}

export function factsPage(m: FactsPageModel): { title: string; main: SafeHtml } {
  const t: T = (key, params) => factsMessages.t(m.lang, key, params);
  const now = m.now ?? new Date();
  const all = [...m.facts.values()].flat();
  const stale = all.filter((f) => isStale(f.asOf, now)).length;
  const municipalities = [...m.region.municipalities].sort((a, b) =>
    a.shortName.localeCompare(b.shortName, 'sv'),
  );
  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    ${m.done ? notice(t('upload.done', { facts: formatNumber(m.lang, m.done.facts), municipalities: formatNumber(m.lang, m.done.municipalities) })) : ''}
    ${currentSection(t, m)}
    ${stale ? html`<p class="facts-stale" role="note"><strong>${t('stale.count', { count: formatNumber(m.lang, stale) })}</strong></p>` : ''}
    ${uploadSection(t, m)}
    ${municipalities.map((x) => municipalityTable(t, m, x.code, x.shortName, now))}`;
  return { title: t('title'), main };
}
