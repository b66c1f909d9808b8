/**
 * Swedish organisationsnummer: ten digits, written NNNNNN-NNNN. The last digit is a Luhn check digit
 * over the first nine, and the third digit is at least 2 — which is what tells an organisation's
 * number from a personnummer (whose third digit starts a month, 0 or 1). The twelve-digit form with
 * the century prefix "16" that some registers use is accepted too.
 */

/** Why a number was refused, one code per rule (the back-office catalogue has a text for each). */
export type OrgNumberError = 'format' | 'personalNumber' | 'checkDigit';

export type OrgNumberResult = { ok: true; value: string } | { ok: false; error: OrgNumberError };

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    // Weights 2, 1, 2, 1, … from the left, as for personnummer (nine digits before the check digit).
    const d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Reads a typed organisationsnummer: spaces are ignored, a hyphen is allowed only after the sixth
 * digit (or after the eighth in the "16" form). Returns the ten digits, or the first rule broken.
 */
export function parseOrgNumber(input: string): OrgNumberResult {
  const compact = input.replace(/[\s\u00a0]/g, '');
  const match = /^(?:16)?(\d{6})-?(\d{4})$/.exec(compact);
  if (!match) return { ok: false, error: 'format' };
  const value = `${match[1]}${match[2]}`;
  if (Number(value[2]) < 2) return { ok: false, error: 'personalNumber' };
  if (luhnCheckDigit(value.slice(0, 9)) !== Number(value[9])) return { ok: false, error: 'checkDigit' };
  return { ok: true, value };
}

/** NNNNNN-NNNN, as people write it; anything that is not ten digits is shown as stored. */
export function formatOrgNumber(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{10}$/.test(value) ? `${value.slice(0, 6)}-${value.slice(6)}` : value;
}
