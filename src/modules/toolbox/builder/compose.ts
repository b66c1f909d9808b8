/**
 * The recruitment text, pure: which approved arguments fit (the persona's first, then everyone's;
 * the municipality's first, then the region's; one per topic, two to four), the text as blocks
 * (a heading, paragraphs, a list of facts each with its source and year, the optional blocks), and
 * the same blocks as plain text and as clean HTML (`<h2>`, `<p>`, `<ul>`, `<li>`, `<a>` only,
 * every text escaped).
 */
import { escapeHtml } from '../../../platform/html/html.ts';
import { safeHref } from '../../../platform/html/links.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { StoredFact } from '../../regions/facts.ts';
import type { Persona } from '../model.ts';
import { paragraphs, type ApprovedText } from '../toolbox.ts';
import { textMessages, type TextMessageKey } from './messages.ts';
import { jobTitle } from './title.ts';

export const BLOCKS = ['partner', 'navigator', 'english'] as const;
export type Block = (typeof BLOCKS)[number];

/** Arguments a text carries at most, and at least before the page says the material is thin. */
export const MAX_ARGUMENTS = 4;
export const MIN_ARGUMENTS = 2;
/** Travel times the facts list shows at most (the shortest). */
export const MAX_TRAVEL = 3;

/** A piece of a paragraph: text, or a link. */
/** `lang`: the link's text is in another language than the text's (a source named in Swedish). */
export type Inline = { text: string; href?: string; lang?: Lang };
export type TextBlock =
  { kind: 'h2'; text: string } | { kind: 'p'; parts: Inline[] } | { kind: 'ul'; items: Inline[][] };

export interface RecruitmentText {
  lang: Lang;
  blocks: TextBlock[];
}

/**
 * What an argument speaks of that an optional block also says, or that only the employer can
 * promise: the accompanying partner, the region's navigator (named in its title), English as the
 * workplace's language. Read from the text itself, in both languages (an editor's new text counts
 * as well as the demo's).
 */
export type Subject = 'partner' | 'navigator' | 'english';

/** The accompanying partner ("din partner", "medflyttande", "your partner"; not a business partner). */
const PARTNER =
  /(?<!\p{L})(?:(?:din|er|era|your|their)\s+partners?|medflyttande|accompanying\s+(?:partners?|spouses?))(?!\p{L})/iu;
/** The navigator in a title ("lotsen", "flyttlotsar"; English "navigator"). */
const NAVIGATOR_SV = /(?<!\p{L})(?:flytt)?lots(?:en|ar|arna)?(?!\p{L})/iu;
const NAVIGATOR_EN = /(?<!\p{L})navigators?(?!\p{L})/iu;
const ENGLISH = /(?<![\p{L}])(?:engelska|english)(?![\p{L}])/iu;
const AT_WORK =
  /(?<![\p{L}])(?:arbetsplats\p{L}*|jobbet|arbetet|arbetsspråk\p{L}*|vardagsspråk\p{L}*|möten\p{L}*|workplaces?|at work|working language|everyday language|meetings?)(?![\p{L}])/iu;

export function subjectsOf(t: Pick<ApprovedText, 'title' | 'body'>): Set<Subject> {
  const subjects = new Set<Subject>();
  const all = [t.title.sv, t.title.en, t.body.sv, t.body.en].join('\n');
  if (PARTNER.test(all)) subjects.add('partner');
  if (NAVIGATOR_SV.test(t.title.sv) || NAVIGATOR_EN.test(t.title.en)) subjects.add('navigator');
  const sentences = all.split(/(?<=[.!?])\s+|\n+/u);
  if (sentences.some((s) => ENGLISH.test(s) && AT_WORK.test(s))) subjects.add('english');
  return subjects;
}

/**
 * The arguments for a persona and a municipality, from approved texts (the caller reads approved
 * ones only): ranked persona before everyone, municipality before region, then as given (newest
 * first); one per topic; at most `max`. Texts of other personas or municipalities are never taken.
 * With the chosen blocks in mind: an argument about English at the workplace only when the
 * employer ticked that block (a regional text must not promise it for them); none about the
 * partner when the partner block says it, none about the navigator when its block does; and at
 * most one about the partner in any case.
 */
export function pickArguments(
  texts: readonly ApprovedText[],
  persona: Persona,
  municipalityCode: string | null,
  lang: Lang,
  options: { max?: number; blocks?: readonly Block[] } = {},
): ApprovedText[] {
  const max = options.max ?? MAX_ARGUMENTS;
  const blocks = options.blocks ?? [];
  const fits = texts.filter((t) => {
    if (!(t.persona === persona || t.persona === 'everyone')) return false;
    if (!(t.municipalityCode === null || t.municipalityCode === municipalityCode)) return false;
    if (t.body[lang].trim() === '') return false;
    const subjects = subjectsOf(t);
    if (subjects.has('english') && !blocks.includes('english')) return false;
    if (subjects.has('partner') && blocks.includes('partner')) return false;
    if (subjects.has('navigator') && blocks.includes('navigator')) return false;
    return true;
  });
  const rank = (t: ApprovedText) =>
    (t.persona === persona && persona !== 'everyone' ? 0 : 2) + (t.municipalityCode === null ? 1 : 0);
  const ranked = fits.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i);
  const topics = new Set<string>();
  const out: ApprovedText[] = [];
  let partner = false;
  for (const { t } of ranked) {
    if (out.length >= max) break;
    if (topics.has(t.topic)) continue;
    const aboutPartner = subjectsOf(t).has('partner');
    if (aboutPartner && partner) continue;
    partner ||= aboutPartner;
    topics.add(t.topic);
    out.push(t);
  }
  return out;
}

export interface ComposeInput {
  lang: Lang;
  /** The region's name in the text's language. */
  region: string;
  /** The municipality's name. */
  place: string;
  /** The job's headline or the typed title (the opening makes a name of it: title.ts). */
  title: string;
  /** The job's municipality, when it is not the place the text is about. */
  jobPlace?: string;
  /** The employer named in the opening; null: "we". */
  employer: string | null;
  arguments: readonly ApprovedText[];
  facts: readonly StoredFact[];
  blocks: readonly Block[];
  /** The navigator's page, absolute, with its utm_ tags. */
  navigatorUrl: string;
}

function tx(lang: Lang, key: TextMessageKey, params?: Record<string, string | number>): string {
  return textMessages.t(lang, key, params);
}

/** A source as inlines: "Källa: " + the name (linked when its address is a web address) + ", 2024". */
function sourceInlines(lang: Lang, name: string, url: string, date: string | null): Inline[] {
  const year = date ? date.slice(0, 4) : '';
  const marker = '\u0000';
  const template = year
    ? tx(lang, 'source.dated', { source: marker, year })
    : tx(lang, 'source.one', { source: marker });
  const [before = '', after = ''] = template.split(marker);
  const href = safeHref(url, { httpsOnly: true });
  // Sources are named as they publish, in Swedish: a link marks so inside a text in another language.
  const link: Inline =
    lang === 'sv'
      ? { text: name, href: href ?? undefined }
      : { text: name, href: href ?? undefined, lang: 'sv' };
  return [{ text: before }, href ? link : { text: name }, { text: after }].filter((p) => p.text !== '');
}

/** A fact's value in words of its unit ("ca 59 000", "2 100 000 kr", "2 h 5 min"). */
export function factValue(lang: Lang, fact: Pick<StoredFact, 'value' | 'unit' | 'approx'>): string {
  const value = fact.value ?? 0;
  let text: string;
  if (fact.unit === 'minutes' && value >= 60) {
    const [hours, minutes] = [Math.floor(value / 60), value % 60];
    text = minutes ? tx(lang, 'unit.hoursMinutes', { hours, minutes }) : tx(lang, 'unit.hours', { hours });
  } else {
    text = tx(lang, `unit.${fact.unit ?? 'count'}`, { value: formatNumber(lang, value) });
  }
  return fact.approx ? `${tx(lang, 'approx')} ${text}` : text;
}

function travelMode(key: string): 'train' | 'car' | 'bus' | 'flight' {
  const mode = key.slice(key.lastIndexOf('-') + 1);
  return mode === 'car' || mode === 'bus' || mode === 'flight' ? mode : 'train';
}

const NUMBER_KEYS = ['population', 'medianHousePrice', 'preschools', 'schools'] as const;

/** The facts as list items, each with its source and year; facts without a source are left out. */
export function factItems(lang: Lang, facts: readonly StoredFact[]): Inline[][] {
  const sourced = facts.filter((f) => f.kind === 'number' && f.value !== null && f.source.trim() !== '');
  const items: Inline[][] = [];
  const item = (text: string, f: StoredFact) => [
    { text: `${text} (` },
    ...sourceInlines(lang, f.source, f.sourceUrl, f.asOf),
    { text: ')' },
  ];
  for (const key of NUMBER_KEYS) {
    const f = sourced.find((x) => x.key === key);
    if (f) items.push(item(tx(lang, `fact.${key}`, { value: factValue(lang, f) }), f));
  }
  const travel = sourced
    .filter((f) => f.key.startsWith('travel.'))
    .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))
    .slice(0, MAX_TRAVEL);
  for (const f of travel) {
    const to = f.label[lang] || f.label.sv;
    if (!to) continue;
    const mode = tx(lang, `mode.${travelMode(f.key)}`);
    items.push(item(tx(lang, 'fact.travel', { to, mode, value: factValue(lang, f) }), f));
  }
  return items;
}

/** The text's blocks. */
export function composeText(input: ComposeInput): RecruitmentText {
  const { lang } = input;
  const blocks: TextBlock[] = [{ kind: 'h2', text: tx(lang, 'heading', { place: input.place }) }];
  const jobPlace = input.jobPlace || input.place;
  const title = jobTitle(input.title, [jobPlace, input.place, input.region]);
  const opening = input.employer
    ? tx(lang, title.kind === 'title' ? 'opening.job' : 'opening.quoted', {
        employer: input.employer,
        title: title.text,
        jobPlace,
      })
    : tx(lang, title.kind === 'title' ? 'opening.noEmployer' : 'opening.noEmployerQuoted', {
        title: title.text,
        jobPlace,
      });
  const about = tx(lang, 'opening.about', { place: input.place, region: input.region });
  blocks.push({ kind: 'p', parts: [{ text: `${opening} ${about}` }] });

  for (const argument of input.arguments) {
    const paras = paragraphs(argument.body[lang]);
    paras.forEach((text, i) => {
      const parts: Inline[] = [{ text }];
      if (i === paras.length - 1 && argument.source.name.trim() !== '') {
        parts.push(
          { text: ' (' },
          ...sourceInlines(lang, argument.source.name, argument.source.url, argument.source.date),
          { text: ')' },
        );
      }
      blocks.push({ kind: 'p', parts });
    });
  }

  const items = factItems(lang, input.facts);
  if (items.length) {
    blocks.push({ kind: 'p', parts: [{ text: tx(lang, 'facts.heading', { place: input.place }) }] });
    blocks.push({ kind: 'ul', items });
  }

  for (const block of BLOCKS) {
    if (!input.blocks.includes(block)) continue;
    if (block === 'navigator') {
      blocks.push({
        kind: 'p',
        parts: [
          {
            text: `${tx(lang, input.blocks.includes('partner') ? 'block.navigatorNoPartner' : 'block.navigator', { region: input.region })} `,
          },
          { text: tx(lang, 'block.navigator.link', { region: input.region }), href: input.navigatorUrl },
        ],
      });
    } else {
      blocks.push({ kind: 'p', parts: [{ text: tx(lang, `block.${block}`) }] });
    }
  }
  return { lang, blocks };
}

function plainInline(parts: readonly Inline[]): string {
  return parts.map((p) => (p.href ? `${p.text} (${p.href})` : p.text)).join('');
}

/** The text as plain text: paragraphs separated by an empty line, list items with a dash. */
export function renderPlain(text: RecruitmentText): string {
  return `${text.blocks
    .map((b) => {
      if (b.kind === 'h2') return b.text;
      if (b.kind === 'p') return plainInline(b.parts);
      return b.items.map((item) => `– ${plainInline(item)}`).join('\n');
    })
    .join('\n\n')}\n`;
}

function htmlInline(parts: readonly Inline[]): string {
  return parts
    .map((p) =>
      p.href
        ? `<a href="${escapeHtml(p.href)}"${p.lang ? ` lang="${p.lang}"` : ''}>${escapeHtml(p.text)}</a>`
        : escapeHtml(p.text),
    )
    .join('');
}

/** The text as clean HTML to paste into a job ad: h2, p, ul, li and a only; every text escaped. */
export function renderHtml(text: RecruitmentText): string {
  return `${text.blocks
    .map((b) => {
      if (b.kind === 'h2') return `<h2>${escapeHtml(b.text)}</h2>`;
      if (b.kind === 'p') return `<p>${htmlInline(b.parts)}</p>`;
      return `<ul>\n${b.items.map((item) => `  <li>${htmlInline(item)}</li>`).join('\n')}\n</ul>`;
    })
    .join('\n')}\n`;
}

/** A whole HTML document of the text, for the download. */
export function htmlDocument(text: RecruitmentText, title: string): string {
  return `<!doctype html>\n<html lang="${text.lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${renderHtml(text)}</body>\n</html>\n`;
}
