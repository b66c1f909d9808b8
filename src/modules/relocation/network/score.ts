/**
 * Which ambassadors fit a household: a pure score with its reasons, so the navigator sees why an
 * ambassador is proposed. Points: the same municipality (the wished one or where they moved) 30, a
 * shared language 25, a shared word of the adults' occupations 20, children and an ambassador for
 * families 15, citizens of other countries (EU or not) and an ambassador for international
 * newcomers 15, a household that wants to get to know people and an ambassador of language cafés
 * or culture 5. No reason, no points: an ambassador with none is not proposed.
 */
import type { Persona, Topic } from './model.ts';

/** What the score reads of a household (its case and persons). */
export interface HouseholdFacts {
  /** The case's wished municipality and the outcome's, when known. */
  municipalityCodes: readonly string[];
  /** The case's language: 'sv', 'en', another ISO code, or a language's name as typed. */
  language: string;
  /** The adults' occupations in their own words. */
  occupations: readonly string[];
  children: number;
  /** The adults' citizenships (model.ts CITIZENSHIPS). */
  citizenships: readonly string[];
  /** What they asked for help with (model.ts NEEDS). */
  needs: readonly string[];
}

/** What the score reads of an ambassador. */
export interface AmbassadorFacts {
  municipalityCode: string | null;
  languages: readonly string[];
  occupation: string;
  personas: readonly Persona[] | readonly string[];
  interests: readonly Topic[] | readonly string[];
}

export type ReasonKey = 'municipality' | 'language' | 'profession' | 'families' | 'international' | 'social';

export interface Reason {
  key: ReasonKey;
  points: number;
  /** The municipality code, the language code or the shared word. */
  detail?: string;
}

export interface AmbassadorScore {
  points: number;
  reasons: Reason[];
}

export const POINTS: Record<ReasonKey, number> = {
  municipality: 30,
  language: 25,
  profession: 20,
  families: 15,
  international: 15,
  social: 5,
};

/** Language names people type for the case's language → ISO 639-1. */
const LANGUAGE_NAMES: Record<string, string> = {
  svenska: 'sv',
  swedish: 'sv',
  engelska: 'en',
  english: 'en',
  tyska: 'de',
  german: 'de',
  deutsch: 'de',
  nederlandska: 'nl',
  hollandska: 'nl',
  dutch: 'nl',
  nederlands: 'nl',
  franska: 'fr',
  french: 'fr',
  francais: 'fr',
  spanska: 'es',
  spanish: 'es',
  espanol: 'es',
  polska: 'pl',
  polish: 'pl',
  polski: 'pl',
  arabiska: 'ar',
  arabic: 'ar',
  persiska: 'fa',
  persian: 'fa',
  farsi: 'fa',
  finska: 'fi',
  finnish: 'fi',
  suomi: 'fi',
  norska: 'no',
  norwegian: 'no',
  norsk: 'no',
  ukrainska: 'uk',
  ukrainian: 'uk',
};

/** Lower case without diacritics (å → a, é → e). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The case's language as an ISO code, when it can be told. */
export function languageCode(language: string): string | undefined {
  const folded = fold(language.trim());
  if (/^[a-z]{2}$/.test(folded)) return folded;
  return LANGUAGE_NAMES[folded];
}

/** Words that say nothing about an occupation. */
const STOP = new Set(['och', 'and', 'the', 'med', 'for', 'inom', 'som', 'with', 'senior', 'junior']);

function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

/**
 * A word the occupations share: the same folded word, or (Swedish compounds) one of at least five
 * letters that begins or ends the other ("sjuksköterska" in "barnsjuksköterska").
 */
export function sharedWord(a: string, b: string): string | undefined {
  const right = words(b);
  for (const x of words(a)) {
    for (const y of right) {
      if (x === y) return x;
      const [short, long] = x.length <= y.length ? [x, y] : [y, x];
      if (short.length >= 5 && (long.startsWith(short) || long.endsWith(short))) return short;
    }
  }
  return undefined;
}

export function scoreAmbassador(household: HouseholdFacts, ambassador: AmbassadorFacts): AmbassadorScore {
  const reasons: Reason[] = [];
  const add = (key: ReasonKey, detail?: string) => reasons.push({ key, points: POINTS[key], detail });

  if (ambassador.municipalityCode && household.municipalityCodes.includes(ambassador.municipalityCode))
    add('municipality', ambassador.municipalityCode);

  const code = languageCode(household.language);
  if (code && ambassador.languages.includes(code)) add('language', code);

  for (const occupation of household.occupations) {
    const word = sharedWord(occupation, ambassador.occupation);
    if (word) {
      add('profession', word);
      break;
    }
  }

  const personas = ambassador.personas as readonly string[];
  const interests = ambassador.interests as readonly string[];
  if (household.children > 0 && personas.includes('families')) add('families');
  if (household.citizenships.some((c) => c === 'eu' || c === 'non_eu') && personas.includes('international'))
    add('international');
  if (
    household.needs.includes('social') &&
    (interests.includes('language_cafe') || interests.includes('culture'))
  )
    add('social');

  return { points: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** Ambassadors with at least one reason, best first (ties by name), at most `limit`. */
export function rankAmbassadors<A extends AmbassadorFacts & { name: string }>(
  household: HouseholdFacts,
  ambassadors: readonly A[],
  limit: number,
): Array<{ ambassador: A; score: AmbassadorScore }> {
  const collator = new Intl.Collator('sv');
  return ambassadors
    .map((ambassador) => ({ ambassador, score: scoreAmbassador(household, ambassador) }))
    .filter((r) => r.score.points > 0)
    .sort((a, b) => b.score.points - a.score.points || collator.compare(a.ambassador.name, b.ambassador.name))
    .slice(0, limit);
}
