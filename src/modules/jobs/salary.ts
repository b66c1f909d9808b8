/**
 * A salary amount read from an ad's free-text salary_description, for JobPosting's baseSalary.
 * JobTech has no salary figure of its own: most ads say "Enligt avtal" or "Fast månadslön", and
 * some name a sum ("30 000 kr/mån", "Timlön 150–180 kr"). Only a text with one sum or one range in
 * kronor and one unmistakable period gives an amount; anything else gives none (no guessing).
 */

export type SalaryUnit = 'HOUR' | 'MONTH' | 'YEAR';

export interface SalaryAmount {
  min: number;
  max: number;
  unit: SalaryUnit;
}

/** A whole number of kronor: "30000", "30 000", "30.000", with öre ("150,50") ignored. */
const NUMBER = String.raw`(\d{1,3}(?:[ .]\d{3})+|\d{1,7})(?:,\d{1,2})?`;
const CURRENCY = String.raw`(?:kr(?![\p{L}])|kronor|sek(?![\p{L}])|:-)`;
const DASH = String.raw`\s*(?:-|–|—|till|to)\s*`;
/** "30 000 kr", "28 000 - 32 000 kr", "28 000 kr – 32 000 kr", "SEK 30 000", "SEK 28 000–32 000". */
const AMOUNT = new RegExp(
  String.raw`(?<![\d.,])(?:${NUMBER}\s*(?:${CURRENCY})?${DASH})?${NUMBER}\s*${CURRENCY}` +
    String.raw`|${CURRENCY}\s*${NUMBER}(?:${DASH}${NUMBER})?(?![\d%])`,
  'giu',
);

const NOT_LETTER = String.raw`(?<![\p{L}])`;
const UNITS: Array<[SalaryUnit, RegExp]> = [
  [
    'HOUR',
    new RegExp(
      String.raw`${NOT_LETTER}(?:tim(?:lön|me|men|mar)?|hour(?:ly)?)(?![\p{L}])|/\s*h(?![\p{L}])`,
      'iu',
    ),
  ],
  [
    'MONTH',
    new RegExp(String.raw`${NOT_LETTER}(?:mån(?:ad|aden|ads?lön|adslön)?|month(?:ly)?)(?![\p{L}])`, 'iu'),
  ],
  [
    'YEAR',
    new RegExp(String.raw`${NOT_LETTER}(?:år|året|årslön|year(?:ly)?|annual(?:ly)?)(?![\p{L}])`, 'iu'),
  ],
];

/** Sums that are believable for each period; anything outside is a misreading, not a salary. */
const PLAUSIBLE: Record<SalaryUnit, [number, number]> = {
  HOUR: [50, 2_000],
  MONTH: [5_000, 300_000],
  YEAR: [60_000, 5_000_000],
};

/** A salary text longer than this is prose, not a sum; reading it would cost time for nothing. */
const MAX_SALARY_TEXT = 300;

const toNumber = (s: string | undefined) => (s === undefined ? undefined : Number(s.replace(/[ .]/g, '')));

export function salaryAmount(text: string | null | undefined): SalaryAmount | null {
  if (!text || text.length > MAX_SALARY_TEXT) return null;
  const clean = text.replace(/[\u00a0\u202f\u2009]/g, ' ');
  const matches = [...clean.matchAll(AMOUNT)];
  if (matches.length !== 1) return null;
  const [, from1, to1, from2, to2] = matches[0] as RegExpMatchArray;
  const numbers = [toNumber(from1), toNumber(to1), toNumber(from2), toNumber(to2)].filter(
    (n): n is number => n !== undefined,
  );
  const units = UNITS.filter(([, pattern]) => pattern.test(clean)).map(([unit]) => unit);
  if (units.length !== 1 || numbers.length === 0) return null;
  const unit = units[0] as SalaryUnit;
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const [low, high] = PLAUSIBLE[unit];
  if (min < low || max > high) return null;
  return { min, max, unit };
}

/** schema.org MonetaryAmount for JobPosting.baseSalary. */
export function baseSalary(amount: SalaryAmount): Record<string, unknown> {
  const value =
    amount.min === amount.max ? { value: amount.min } : { minValue: amount.min, maxValue: amount.max };
  return {
    '@type': 'MonetaryAmount',
    currency: 'SEK',
    value: { '@type': 'QuantitativeValue', ...value, unitText: amount.unit },
  };
}
