/**
 * Place facts as visitors see them: a number with its unit ("ca 52 000", "2 340 000 kr",
 * "2 h 5 min"), and its source with its date ("Källa: SCB, 2024-12-31", the source a link).
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { safeHref } from '../../../platform/html/links.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { StoredFact } from '../../regions/facts.ts';
import { placeMessages, type PlaceMessageKey } from './messages.ts';

const t = (lang: Lang, key: PlaceMessageKey, params?: Record<string, string | number>) =>
  placeMessages.t(lang, key, params);

/** The value of a numeric fact in words of its unit, "ca" first when rounded. */
export function factValue(lang: Lang, fact: StoredFact): string {
  const value = fact.value ?? 0;
  let text: string;
  if (fact.unit === 'minutes' && value >= 60) {
    const [hours, minutes] = [Math.floor(value / 60), value % 60];
    text = minutes ? t(lang, 'unit.hoursMinutes', { hours, minutes }) : t(lang, 'unit.hours', { hours });
  } else {
    const unit = fact.unit ?? 'count';
    text = t(lang, `unit.${unit}`, { value: formatNumber(lang, value) });
  }
  return fact.approx ? `${t(lang, 'page.approx')} ${text}` : text;
}

/** "Källa: SCB, 2024-12-31" with the source linked to its page. */
export function sourceLine(lang: Lang, fact: Pick<StoredFact, 'source' | 'sourceUrl' | 'asOf'>): SafeHtml {
  const [before = '', after = ''] = t(lang, 'page.source', { source: '\u0000', date: '\u0001' }).split(
    '\u0000',
  );
  const [middle = '', end = ''] = after.split('\u0001');
  const href = safeHref(fact.sourceUrl, { httpsOnly: true });
  // Sources are named as they publish, in Swedish: marked so on other languages' pages.
  const name = lang === 'sv' ? html`${fact.source}` : html`<span lang="sv">${fact.source}</span>`;
  const source = href ? html`<a href="${href}" rel="noopener">${name}</a>` : name;
  return html`<span class="fact__source">${before}${source}${middle}<time datetime="${fact.asOf}">${fact.asOf}</time>${end}</span>`;
}

/** A travel fact's mode, from its key (`travel.stockholm-train`). */
export function travelMode(fact: StoredFact): 'train' | 'car' | 'bus' | 'flight' {
  const mode = fact.key.slice(fact.key.lastIndexOf('-') + 1);
  return mode === 'car' || mode === 'bus' || mode === 'flight' ? mode : 'train';
}

export function factByKey(facts: readonly StoredFact[], key: string): StoredFact | undefined {
  return facts.find((f) => f.key === key);
}

/** The key figures as a definition list (population, house price, preschools, schools). */
export function keyFigures(lang: Lang, facts: readonly StoredFact[], keys: readonly string[]): SafeHtml {
  const shown = keys.flatMap((key) => {
    const fact = factByKey(facts, key);
    return fact && fact.kind === 'number' ? [fact] : [];
  });
  if (!shown.length) return html``;
  return html`<dl class="place-figures">
    ${shown.map(
      (fact) => html`<div class="place-figures__item">
        <dt>${t(lang, `fact.${fact.key}` as PlaceMessageKey)}</dt>
        <dd class="place-figures__value">${factValue(lang, fact)}</dd>
        <dd class="place-figures__source">${sourceLine(lang, fact)}</dd>
      </div>`,
    )}
  </dl>`;
}

/** The travel times as a list: destination (mode), time, source. */
export function travelList(lang: Lang, facts: readonly StoredFact[]): SafeHtml {
  const travel = facts
    .filter((f) => f.key.startsWith('travel.'))
    .sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  if (!travel.length) return html``;
  return html`<ul class="place-travel" role="list">
    ${travel.map(
      (fact) => html`<li class="place-travel__item">
        <span class="place-travel__to">${t(lang, 'travel.to', {
          place: fact.label[lang] || fact.label.sv,
          mode: t(lang, `travel.mode.${travelMode(fact)}`),
        })}</span>
        <span class="place-travel__time">${factValue(lang, fact)}</span>
        ${sourceLine(lang, fact)}
      </li>`,
    )}
  </ul>`;
}

/** Nature or culture: its items (and source, when the file gives one). */
export function listFact(lang: Lang, fact: StoredFact | undefined, headingId: string): SafeHtml {
  if (!fact || fact.kind !== 'list') return html``;
  const items = fact.items[lang].length ? fact.items[lang] : fact.items[lang === 'sv' ? 'en' : 'sv'];
  if (!items.length) return html``;
  return html`<div class="place-list">
    <h3 id="${headingId}">${t(lang, `fact.${fact.key}` as PlaceMessageKey)}</h3>
    <ul aria-labelledby="${headingId}">${items.map((item) => html`<li>${item}</li>`)}</ul>
    ${fact.source ? html`<p class="place-list__source">${sourceLine(lang, fact)}</p>` : ''}
  </div>`;
}
