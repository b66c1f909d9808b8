/**
 * The one check of a stored address before it becomes a link (`href`): content, rich text, place
 * facts. Everything stored came from outside once, so an address is a link only when it is a plain
 * web address (https:, http:) — or mailto:/tel: where the field is for that, or a path on this
 * site where the caller allows it. Never javascript:, data:, protocol-relative `//host`, addresses
 * with credentials (`https://user:pw@host`), whitespace, control characters or markup characters.
 * Whoever enters addresses refuses with `isWebAddress`; whoever renders them links only with what
 * `safeHref`/`mailtoHref`/`telHref` give back, and shows anything else as plain text.
 */

/** The longest address made a link. */
export const MAX_LINK_LENGTH = 2_000;

// eslint-disable-next-line no-control-regex
const NOT_IN_ADDRESS = /[\s\u0000-\u001F\u007F-\u009F<>"`\\]/;
const TEL = /^tel:\+?[0-9][0-9.-]*$/i;
const MAILTO = /^mailto:[^@?#/:]+@[^@?#/:]+\.[^@?#/:]+(\?[^#]*)?$/i;
const EMAIL = /^[^@?#/:]+@[^@?#/:]+\.[^@?#/:]+$/;

export interface LinkOptions {
  /** Also `mailto:` (the field is for an e-mail address or the text may link one). */
  mailto?: boolean;
  /** Also `tel:`. */
  tel?: boolean;
  /** Also a path on this site (`/…`, never `//…`). */
  path?: boolean;
  /** Only https: (not http:). */
  httpsOnly?: boolean;
}

function plainCharacters(value: string): boolean {
  return value.length > 0 && value.length <= MAX_LINK_LENGTH && !NOT_IN_ADDRESS.test(value);
}

/**
 * Whether `value` is a web address to link to: written out as `https://host…` (or `http://`),
 * parsed by the WHATWG URL parser to the same scheme with a host, and without user or password.
 */
export function isWebAddress(value: unknown, options: Pick<LinkOptions, 'httpsOnly'> = {}): boolean {
  if (typeof value !== 'string' || !plainCharacters(value)) return false;
  const lower = value.slice(0, 8).toLowerCase();
  const https = lower.startsWith('https://');
  if (!https && (options.httpsOnly || !lower.startsWith('http://'))) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === (https ? 'https:' : 'http:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    // `https://@host` parses to an empty user but is still a credentials form
    !value
      .slice(lower.indexOf('//') + 2)
      .split(/[/?#]/, 1)[0]!
      .includes('@')
  );
}

/** Whether `value` may be a link under `options` (web addresses always). */
export function isSafeLink(value: unknown, options: LinkOptions = {}): value is string {
  if (typeof value !== 'string' || !plainCharacters(value)) return false;
  if (isWebAddress(value, options)) return true;
  const lower = value.slice(0, 7).toLowerCase();
  if (lower.startsWith('mailto:')) return options.mailto === true && MAILTO.test(value);
  if (lower.startsWith('tel:')) return options.tel === true && TEL.test(value);
  return options.path === true && value[0] === '/' && value[1] !== '/';
}

/** The address as an `href` when it is safe under `options`, else null (show it as text). */
export function safeHref(value: string | null | undefined, options: LinkOptions = {}): string | null {
  return isSafeLink(value, options) ? value : null;
}

/** Whether `value` looks like one e-mail address (nothing a mailto: link could be bent by). */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && plainCharacters(value) && EMAIL.test(value);
}

/** `mailto:` for one e-mail address, else null (show the text as it is). */
export function mailtoHref(email: string | null | undefined): string | null {
  return isEmailAddress(email) ? `mailto:${email}` : null;
}

/** `tel:` with the digits of a phone number (and a leading +), else null when it has none. */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^0-9]/g, '');
  if (digits.length < 3 || digits.length > 20) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

/** Whether the link leads off the site (gets rel="noopener"). */
export function isExternalLink(href: string): boolean {
  return /^https?:/i.test(href);
}
