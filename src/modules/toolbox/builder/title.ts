/**
 * The job's name as the opening sentence can use it (pure). Board ads' headlines are often whole
 * phrases ("Vi söker civilingenjör inom elkraft i Ludvika", "Design engineer wanted in Falun"), and
 * pasting one into "{employer} söker {title} i {place}" reads badly. So: the place (or region) the
 * opening names anyway is taken off the end, a "we are looking for …"/"… wanted" frame is taken
 * off, and what is left is a job's name ('title') — or, when it still reads as a sentence, the
 * headline is quoted as it stands ('quoted').
 */

export interface JobTitle {
  kind: 'title' | 'quoted';
  text: string;
}

/** Letters and digits on neither side: a word boundary that knows å, ä and ö. */
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

/** A frame before the job's name, in Swedish or English ("Vi söker", "We're hiring:"). */
const LEADING = new RegExp(
  `^(?:nu\\s+söker\\s+vi|vi\\s+söker(?:\\s+nu)?|vi\\s+letar\\s+efter|vi\\s+rekryterar|vi\\s+anställer|söker|sökes|` +
    `we\\s+are\\s+(?:looking\\s+for|hiring|recruiting)|we['’]re\\s+(?:looking\\s+for|hiring|recruiting)|` +
    `we\\s+need|looking\\s+for|hiring|wanted|now\\s+hiring)${R}\\s*[:–—-]?\\s*(?:(?:an?|the)${R}\\s+)?`,
  'iu',
);
/** A frame after it ("… sökes", "… wanted", "… sökes till akuten"). */
const TRAILING = new RegExp(
  `\\s+(?:sökes|wanted|needed)(?:\\s*$|(?=\\s+(?:till|i|inom|på|for|in|at|to)${R}))`,
  'iu',
);
/** Words that make what is left a sentence rather than a job's name. */
const SENTENCE = new RegExp(
  `${L}(?:vi|oss|vår|våra|vårt|du|dig|din|ditt|dina|söker|sökes|bli|kom|we|us|our|you|your|wanted|looking|join|become|come)${R}|[!?]`,
  'iu',
);
/** A name longer than this is no job title. */
const MAX_NAME = 80;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text without a trailing place: " i Ludvika", " in Falun", ", Falun", " – Falun", " (Falun)". */
function withoutPlace(text: string, places: readonly string[]): string {
  let out = text;
  for (const place of places.filter((p) => p.trim() !== '')) {
    const p = escapeRegExp(place.trim());
    const re = new RegExp(
      `(?:\\s*[,–—-]\\s*|\\s+(?:i|in|till|to|på|at|inom)\\s+|\\s*\\(\\s*)${p}\\s*\\)?\\s*$`,
      'iu',
    );
    out = out.replace(re, '');
  }
  return out;
}

function trimEnd(text: string): string {
  return text.replace(/[\s.,:;!–—-]+$/u, '').trim();
}

/** The job's name from a headline (or a typed title), with the places the opening names anyway. */
export function jobTitle(headline: string, places: readonly string[]): JobTitle {
  const whole = headline.replace(/\s+/g, ' ').trim();
  let text = trimEnd(whole);
  // Twice: "Vi söker X i Ludvika, Dalarna" loses both places.
  for (let i = 0; i < 2; i++) text = trimEnd(withoutPlace(text, places));
  const framed = text.replace(LEADING, '').replace(TRAILING, '');
  text = trimEnd(framed);
  for (let i = 0; i < 2; i++) text = trimEnd(withoutPlace(text, places));
  if (text === '' || text.length > MAX_NAME || SENTENCE.test(text)) {
    return { kind: 'quoted', text: trimEnd(withoutPlace(whole.replace(/[.\s]+$/u, ''), places)) || whole };
  }
  return { kind: 'title', text };
}
