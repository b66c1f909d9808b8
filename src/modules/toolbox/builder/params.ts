/**
 * The builder's query string, read and checked (pure): every parameter bounded, a bad value named
 * by its field so the page can say so and keep the form. The page is stateless: the URL holds every
 * choice, so it can be shared; unknown parameters (utm_ tags, an old bookmark) are ignored.
 */
import { line } from '../../../platform/html/form-values.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { isJobId } from '../../jobs/repository.ts';
import { isOneOf, PERSONAS, type Persona } from '../model.ts';
import { BLOCKS, type Block } from './compose.ts';

export const FIELDS = ['job', 'q', 'title', 'municipality', 'persona', 'text', 'blocks', 'format'] as const;
export type Field = (typeof FIELDS)[number];

/** The longest search text and typed title. */
export const MAX_SEARCH = 100;
export const MAX_TITLE = 120;
/** The board search's results shown at most. */
export const SEARCH_LIMIT = 20;
/** The job radio's value for "no particular job". */
export const NO_JOB = 'none';
export const FORMATS = ['txt', 'html'] as const;
export type Format = (typeof FORMATS)[number];
/** The longest text re-shown in a refused field. */
const MAX_RESHOWN = 500;

export type Reason = 'invalid' | 'tooLong' | 'required' | 'unknown' | 'noText';
export interface Problem {
  field: Field;
  reason: Reason;
}

export interface BuilderInput {
  /** '' (not chosen yet), NO_JOB, or an ad's id. */
  job: string;
  q: string;
  title: string;
  /** '' or one of the region's municipality codes. */
  municipality: string;
  persona: Persona;
  text: Lang;
  blocks: Block[];
  format: Format | '';
}

export interface ParsedQuery {
  input: BuilderInput;
  /** Sent by the search button: the person asked for ads, not yet for the text. */
  searching: boolean;
  problems: Problem[];
  /** What was sent, for re-showing the form (bounded). */
  values: {
    job: string;
    q: string;
    title: string;
    municipality: string;
    persona: string;
    text: string;
    blocks: string[];
  };
}

type Query = Record<string, string | string[] | undefined>;

/** One value of a parameter; a repeated one is a problem of its field. */
function single(query: Query, name: Field, problems: Problem[]): string {
  const v = query[name];
  if (v === undefined) return '';
  if (Array.isArray(v)) {
    problems.push({ field: name, reason: 'invalid' });
    return v[0] ?? '';
  }
  return v;
}

export function parseBuilderQuery(query: Query, region: Region, pageLang: Lang): ParsedQuery {
  const problems: Problem[] = [];
  const job = single(query, 'job', problems).trim();
  const q = line(single(query, 'q', problems));
  const title = line(single(query, 'title', problems));
  const municipality = single(query, 'municipality', problems).trim();
  const persona = single(query, 'persona', problems).trim();
  const text = single(query, 'text', problems).trim();
  const format = single(query, 'format', problems).trim();
  const rawBlocks =
    query.blocks === undefined ? [] : Array.isArray(query.blocks) ? query.blocks : [query.blocks];

  if (job !== '' && job !== NO_JOB && !isJobId(job)) problems.push({ field: 'job', reason: 'invalid' });
  if (q.length > MAX_SEARCH) problems.push({ field: 'q', reason: 'tooLong' });
  if (title.length > MAX_TITLE) problems.push({ field: 'title', reason: 'tooLong' });
  if (job === NO_JOB && title === '') problems.push({ field: 'title', reason: 'required' });
  const codes = region.municipalities.map((m) => m.code);
  if (municipality !== '' && !codes.includes(municipality))
    problems.push({ field: 'municipality', reason: 'invalid' });
  else if (job === NO_JOB && municipality === '')
    problems.push({ field: 'municipality', reason: 'required' });
  if (persona !== '' && !isOneOf(PERSONAS, persona)) problems.push({ field: 'persona', reason: 'invalid' });
  const textLangs = region.languages;
  if (text !== '' && !(textLangs as readonly string[]).includes(text))
    problems.push({ field: 'text', reason: 'invalid' });
  if (rawBlocks.length > BLOCKS.length || rawBlocks.some((b) => !isOneOf(BLOCKS, b)))
    problems.push({ field: 'blocks', reason: 'invalid' });
  if (format !== '' && !isOneOf(FORMATS, format)) problems.push({ field: 'format', reason: 'invalid' });
  else if (format !== '' && job === '') problems.push({ field: 'format', reason: 'noText' });

  const blocks = BLOCKS.filter((b) => rawBlocks.includes(b));
  // Each field's first problem only.
  const seen = new Set<Field>();
  const first = problems.filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
  const bound = (s: string) => s.slice(0, MAX_RESHOWN);
  return {
    input: {
      job: first.some((p) => p.field === 'job') ? '' : job,
      q: q.slice(0, MAX_SEARCH),
      title: title.slice(0, MAX_TITLE),
      municipality: codes.includes(municipality) ? municipality : '',
      persona: isOneOf(PERSONAS, persona) ? persona : 'everyone',
      text: isOneOf(textLangs, text) ? text : pageLang,
      blocks,
      format: isOneOf(FORMATS, format) ? format : '',
    },
    problems: first,
    searching: query.search !== undefined,
    values: {
      job: bound(job),
      q: bound(q),
      title: bound(title),
      municipality: bound(municipality),
      persona: bound(persona),
      text: bound(text),
      blocks: rawBlocks.slice(0, 10).map(bound),
    },
  };
}

/** The query string of a builder URL with these choices (what the page links and downloads use). */
export function builderQuery(input: BuilderInput, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (input.job) params.set('job', input.job);
  if (input.q) params.set('q', input.q);
  if (input.job === NO_JOB && input.title) params.set('title', input.title);
  if (input.municipality) params.set('municipality', input.municipality);
  params.set('persona', input.persona);
  params.set('text', input.text);
  for (const block of input.blocks) params.append('blocks', block);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
