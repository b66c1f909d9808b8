/**
 * Derives src/modules/jobs/data/occupation-groups-en.json from the shared JobTech/ESCO files (a
 * fresh clone has no ../shared): the Statistics Sweden English title of every SSYK-4 group, and
 * the English job titles that find each group, with a weight.
 *
 *   node --import tsx scripts/english-titles.ts [--from ../shared/data/jobtech]
 *        [--explain "truck driver"] [--variants]
 *
 * Weights of a phrase for a group:
 * - 1: the group's own title or a part of it ("bus driver" from "Bus and tram drivers"), an ESCO
 *   title, or an ESCO synonym with the same last word ("truck driver" for "cargo vehicle driver"),
 *   of an ESCO occupation reaching the group through ISCO. When such an occupation reaches several
 *   groups of which only some carry the title's last word in their own title, or more than three,
 *   the others get 0.6; so does a synonym with another last word ("preschool teacher" for "child
 *   care worker").
 * - Less for a phrase that only ends titles ("engineer", "nurse", "developer"): 0.8 when it ends
 *   the group's own title, 0.7 for "engineer" in "Engineering professionals", raised by the share
 *   s of the group's ESCO occupations whose titles end in it; from that share alone 0.3 + 0.5 × s.
 * Weights under 0.4 are dropped, so a word deep in one synonym of a large group ("property
 * developer") finds nothing there. A single word that is common in Swedish text and that no Swedish
 * occupation name of its groups uses ("chef" is a manager in Swedish, "driver" runs) is left out.
 * Shipped: phrases of up to two words, and three-word titles of groups and ESCO occupations.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectLang } from '../src/modules/jobs/ingest/normalize.ts';
import {
  MAX_TITLE_WORDS,
  singular,
  titleWords,
  type EnglishTitlesFile,
} from '../src/modules/jobs/english-titles.ts';
import { parseCsvRecords } from '../src/modules/jobs/taxonomy.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const from = path.resolve(arg('--from') ?? path.join(root, '..', 'shared', 'data', 'jobtech'));
const data = path.join(root, 'src', 'modules', 'jobs', 'data');
const csv = (dir: string, name: string) => parseCsvRecords(readFileSync(path.join(dir, name), 'utf8'));

/** English titles the data does not link to their groups: ESCO calls only specialists "doctor". */
const ALIASES: Record<string, string> = { doctor: 'physician' };
/** Weights (see above). */
const OWN_HEAD = 0.8;
const OWN_STEM = 0.7;
/** A group known only from the share s of its ESCO occupations: SHARE_BASE + SHARE_SPAN × s. */
const SHARE_BASE = 0.3;
const SHARE_SPAN = 0.5;
const LOOSE_SYNONYM = 0.6;
const BROAD_EXACT = 0.6;
const MIN_WEIGHT = 0.4;
/** An ESCO occupation reaching more groups than this is broad: its exact titles weigh BROAD_EXACT. */
const BROAD = 3;

interface Group {
  id: string;
  code: string;
  title: string;
  variants: string[];
  /** "Other physicians", "… not elsewhere classified": its title is not the occupation's own. */
  residual: boolean;
  esco: Esco[];
}
interface Esco {
  preferred: string;
  labels: string[];
  groups: Group[];
}

const groups: Group[] = csv(from, 'occupation-groups-ssyk4-en.csv').map((r) => ({
  id: r.concept_id as string,
  code: r.ssyk_code_2012 as string,
  title: r.label_en as string,
  variants: [],
  residual: /^other |not elsewhere classified$/i.test(r.label_en as string),
  esco: [],
}));
const byCode = new Map(groups.map((g) => [g.code, g]));

const phrase = (text: string) => titleWords(text).join(' ');
const head = (p: string) => p.slice(p.lastIndexOf(' ') + 1);

const escos: Esco[] = csv(from, 'esco-occupations-en.csv').map((r) => {
  const preferred = phrase(r.preferred_label_en as string);
  const alts = (r.alt_labels_en as string).split('|').map(phrase);
  const labels = [...new Set([preferred, ...alts])].filter(
    (l) => l && l.split(' ').length <= MAX_TITLE_WORDS,
  );
  const reached = (r.ssyk_codes_2012 as string)
    .split('|')
    .map((c) => byCode.get(c))
    .filter((g): g is Group => !!g);
  const esco = { preferred, labels, groups: reached };
  for (const g of reached) g.esco.push(esco);
  return esco;
});
/** Words that end ESCO titles ("nurse", "driver", "engineer"), with how many titles they end. */
const HEADS = new Map<string, number>();
for (const label of escos.flatMap((e) => e.labels)) HEADS.set(head(label), (HEADS.get(head(label)) ?? 0) + 1);

/**
 * The phrases of an SCB title: "Bus and tram drivers" → bus driver, tram driver; "Woodworkers,
 * carpenters" → woodworker, carpenter; "Nurses - Intensive care" → intensive care nurse. Later
 * parts count only when they end in a plural that ends many ESCO titles, so qualifiers ("…,
 * hospital ward") and places ("…in offices, hotels and other establishments") are left out.
 */
function variants(title: string): string[] {
  const cleaned = title
    .toLowerCase()
    .replace(/ not elsewhere classified$/, '')
    .replace(/ (?:in|within) .*$/, '') // "Production managers in construction and mining"
    .replace(/^other /, '')
    .replace(/-\s+and /g, ' and ');
  const dashed = /^(\S+) - (.+)$/.exec(cleaned);
  if (dashed) return [phrase(`${dashed[2]} ${dashed[1]}`)];
  const raw = cleaned.split(/\s*(?:,| and )\s*/).filter((p) => /\p{L}/u.test(p));
  const parts = raw.map(phrase);
  const plural = (i: number) => {
    const last =
      (raw[i] as string)
        .replace(/[^\p{L}]+$/u, '')
        .split(/\s+/)
        .at(-1) ?? '';
    return singular(last) !== last;
  };
  const isTitle = (i: number): boolean => {
    const part = parts[i] as string;
    if (/^(?:related|other) /.test(part) || !HEADS.has(head(part))) return false;
    // "hotel" in "Hotel and conference managers" and "sports" in "Sports, leisure and wellness
    // managers" are completed below; "cooks" in "Cooks and cold-buffet managers" is a title.
    const modifier = !plural(i) || (HEADS.get(part) ?? 0) < 4;
    if (!part.includes(' ') && modifier && parts.some((p, j) => j > i && p.includes(' ') && isTitle(j))) {
      return false;
    }
    return i === 0 || plural(i);
  };
  const out: string[] = [];
  parts.forEach((p, i) => {
    if (isTitle(i)) out.push(p);
    else if (!p.includes(' ')) {
      // "bus" in "Bus and tram drivers": the head of the next title completes it.
      const next = parts.findIndex((_, j) => j > i && isTitle(j));
      if (next > i) out.push(`${p} ${head(parts[next] as string)}`);
    }
  });
  return out;
}
for (const g of groups) g.variants = variants(g.title);

/**
 * Words of Swedish running text (the shipped Swedish sample ads and demo texts), each with how
 * often it occurs, and the SSYK-4 codes of the Swedish occupation names that contain it.
 */
function swedishUsage(): { running: Map<string, number>; inNames: Map<string, Set<string>> } {
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}]+/u);
  const running = new Map<string, number>();
  const count = (text: string) => {
    for (const word of words(text)) running.set(word, (running.get(word) ?? 0) + 1);
  };
  const ads = JSON.parse(readFileSync(path.join(data, 'ads-sample.json'), 'utf8')) as {
    headline: string;
    description?: { text?: string };
  }[];
  for (const ad of ads) {
    if (detectLang(ad.headline, ad.description?.text) === 'sv')
      count(`${ad.headline} ${ad.description?.text ?? ''}`);
  }
  const collect = (value: unknown, key = ''): void => {
    if (typeof value === 'string') count(value);
    else if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value && typeof value === 'object' && key !== 'en')
      for (const [k, v] of Object.entries(value)) if (!k.endsWith('En')) collect(v, k);
  };
  collect(JSON.parse(readFileSync(path.join(data, 'demo', 'texts.json'), 'utf8')));
  const inNames = new Map<string, Set<string>>();
  for (const r of csv(data, 'occupation-names.csv')) {
    for (const word of words(r.label ?? '')) {
      inNames.set(word, (inNames.get(word) ?? new Set()).add(r.ssyk_code_2012 ?? ''));
    }
  }
  return { running, inNames };
}
const SWEDISH = swedishUsage();

/**
 * A word of Swedish running text that no Swedish occupation name of its groups uses: "chef" (a
 * manager in Swedish), "driver" (runs), "extra", "service", "ab". Loanwords that the names use in
 * the same sense ("controller", "designer", "manager") stay.
 */
function falseFriend(word: string, found: Group[]): boolean {
  if ((SWEDISH.running.get(word) ?? 0) < 2) return false;
  const codes = SWEDISH.inNames.get(word);
  return !found.some((g) => codes?.has(g.code));
}

/** Phrase → the ESCO occupations with a title ending in it, and the groups whose own title does. */
const escoEnding = new Map<string, Set<Esco>>();
const ownEnding = new Map<string, Set<Group>>();
function addEndings<T>(map: Map<string, Set<T>>, label: string, item: T): void {
  const words = label.split(' ');
  for (let i = 0; i < words.length; i++) {
    const ending = words.slice(i).join(' ');
    const set = map.get(ending) ?? new Set<T>();
    set.add(item);
    map.set(ending, set);
  }
}
for (const e of escos) for (const l of e.labels) addEndings(escoEnding, l, e);
for (const g of groups) for (const v of g.variants) addEndings(ownEnding, v, g);
/** Groups with "…ing" in their own title, by the word's stem ("engineering" → engineer). */
const stems = new Map<string, Set<Group>>();
for (const g of groups) {
  for (const word of titleWords(g.title)) {
    const stem = word.endsWith('ing') ? word.slice(0, -3) : '';
    if (HEADS.has(stem)) stems.set(stem, (stems.get(stem) ?? new Set()).add(g));
  }
}

const endsWith = (label: string, p: string) => label === p || label.endsWith(` ${p}`);

/**
 * How much of a group's ESCO occupations end in the phrase: an occupation counts 1 by its preferred
 * title, ½ by a synonym that is the phrase, else ½ × the share of its synonyms ending in it.
 */
function shares(p: string): Map<Group, number> {
  const sums = new Map<Group, number>();
  for (const e of escoEnding.get(p) ?? []) {
    const own = endsWith(e.preferred, p) ? 1 : 0;
    const alts = e.labels.filter((l) => l !== e.preferred);
    const alt = alts.includes(p)
      ? 0.5
      : (0.5 * alts.filter((l) => endsWith(l, p)).length) / Math.max(1, alts.length);
    const part = own || alt;
    for (const g of e.groups) sums.set(g, (sums.get(g) ?? 0) + part);
  }
  return new Map([...sums].map(([g, sum]) => [g, sum / g.esco.length]));
}

function weights(p: string): Map<Group, number> {
  const alias = ALIASES[p];
  if (alias) return weights(alias);
  const out = new Map<Group, number>();
  const raise = (g: Group, w: number) => out.set(g, Math.max(w, out.get(g) ?? 0));
  const share = shares(p);
  const of = (g: Group) => share.get(g) ?? 0;
  for (const g of ownEnding.get(p) ?? []) {
    raise(g, g.variants.includes(p) && !g.residual ? 1 : OWN_HEAD + (1 - OWN_HEAD) * of(g));
  }
  for (const g of stems.get(p) ?? []) raise(g, OWN_STEM + (1 - OWN_STEM) * of(g));
  for (const [g, s] of share) raise(g, SHARE_BASE + SHARE_SPAN * Math.min(1, s));
  for (const e of escoEnding.get(p) ?? []) {
    // A one-word synonym that is the head of a longer title ("cleaners" for "amusement park
    // cleaner") says no more than the head does: the shares above weigh it.
    if (!e.labels.includes(p) || (p !== e.preferred && p === head(e.preferred))) continue;
    const sameHead = p === e.preferred || head(p) === head(e.preferred);
    // Reaching many groups, or groups of which only some have the title's head in their own title:
    // the others get less ("preschool teacher" reaches recreation leaders too).
    const hasOwn = (g: Group) => ownEnding.get(head(p))?.has(g) ?? false;
    const narrowed = e.groups.length > BROAD || e.groups.some(hasOwn);
    for (const g of e.groups) raise(g, !sameHead ? LOOSE_SYNONYM : narrowed && !hasOwn(g) ? BROAD_EXACT : 1);
  }
  for (const [g, w] of out) if (w < MIN_WEIGHT - 1e-9) out.delete(g);
  return out;
}

if (process.argv.includes('--variants'))
  for (const g of groups) console.log(g.code, g.title, '=>', g.variants.join(' / '));
const explain = arg('--explain');
if (explain) {
  const w = [...weights(phrase(explain))].sort((a, b) => b[1] - a[1]);
  for (const [g, v] of w) console.log(v.toFixed(2), g.code, g.title);
  process.exit(0);
}

/** Shipped phrases: up to two words, and three-word titles that are a group's or an ESCO title. */
const preferred = new Set([...escos.map((e) => e.preferred), ...groups.flatMap((g) => g.variants)]);
const shipped = (p: string) => {
  const words = p.split(' ').length;
  return words <= 2 || (words <= MAX_TITLE_WORDS && preferred.has(p));
};

const index = new Map(groups.map((g, i) => [g, i]));
/** Phrases by their weights, so that each list of weights is written once. */
const byWeights = new Map<string, string[]>();
const leftOut: string[] = [];
for (const p of [...new Set([...escoEnding.keys(), ...ownEnding.keys(), ...Object.keys(ALIASES)])].sort()) {
  if (!shipped(p)) continue;
  const w = [...weights(p)].sort((a, b) => b[1] - a[1] || (index.get(a[0]) ?? 0) - (index.get(b[0]) ?? 0));
  if (w.length === 0) continue;
  const found = w.map(([g]) => g);
  if (!p.includes(' ') && (p.length < 3 || falseFriend(p, found))) {
    leftOut.push(p);
    continue;
  }
  const key = JSON.stringify(w.flatMap(([g, v]) => [index.get(g) ?? 0, Math.round(v * 100)]));
  byWeights.set(key, [...(byWeights.get(key) ?? []), p]);
}
const titles: [number[], string][] = [...byWeights].map(([key, phrases]) => [
  JSON.parse(key) as number[],
  phrases.join('|'),
]);
const file: EnglishTitlesFile = { groups: groups.map((g) => [g.id, g.title]), titles };
const out = path.join(data, 'occupation-groups-en.json');
writeFileSync(out, `${JSON.stringify(file)}\n`);
console.log(`Left out as Swedish words: ${leftOut.join(' ')}`);
console.log(
  `Wrote ${groups.length} groups and ${byWeights.size} lists of weights for ${[...byWeights.values()].flat().length} titles to ${path.relative(root, out)}`,
);
