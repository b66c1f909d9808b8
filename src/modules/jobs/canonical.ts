/**
 * Links from ads, and which page of an ad search engines should index. A mirrored JobTech ad whose own page is on a
 * known job source (Platsbanken) names that page as canonical: it is left out of the sitemap and
 * gets no JobPosting markup here. A generated demo ad is canonical nowhere: noindex, no markup, not
 * in the sitemap. Every other open ad's page here is the canonical one — an employer's own ad
 * (published on Lotsa, no webpage_url) among them: JobPosting and the sitemap.
 */

/** Only http(s) links from ads are ever made clickable. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * An https address without user info, as a normalised URL; anything else is none. For addresses
 * from outside that are handed on but never made links here (the employer's logo in JobPosting).
 */
export function httpsUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && !url.username && !url.password ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Hosts whose job pages may be the canonical page of an ad we mirror (Platsbanken). */
const CANONICAL_HOSTS = ['arbetsformedlingen.se'];

/**
 * The ad's own page as the canonical URL, only when it is on a known job source: an ad names any
 * host it likes in webpage_url, and a canonical link hands that host this page's search ranking.
 */
export function canonicalSource(url: string | null): string | null {
  if (!url) return null;
  const { protocol, hostname } = new URL(url);
  const known = CANONICAL_HOSTS.some((host) => hostname === host || hostname.endsWith(`.${host}`));
  return protocol === 'https:' && known ? url : null;
}

/** What decides an ad's canonical page: whether it was generated, and its webpage_url. */
export interface CanonicalFacts {
  generated: boolean;
  webpageUrl: string | null | undefined;
}

/** The canonical page elsewhere (Platsbanken) of a mirrored ad; null when it is not mirrored. */
export function canonicalElsewhere(ad: CanonicalFacts): string | null {
  return ad.generated ? null : canonicalSource(safeUrl(ad.webpageUrl));
}

/** Whether this site's page of the ad is the one search engines should index. */
export function isCanonicalHere(ad: CanonicalFacts): boolean {
  return !ad.generated && canonicalElsewhere(ad) === null;
}

/**
 * A PostgreSQL regular expression (case-insensitive) matching only webpage_url values that
 * canonicalElsewhere maps to a known host: it lets the database leave those ads out of the sitemap
 * without reading them. It matches a subset (no user info, no port, only plain host names), so whatever it
 * lets through is still checked with isCanonicalHere.
 */
export const CANONICAL_ELSEWHERE_SQL = `^\\s*https://([a-z0-9-]+\\.)*(${CANONICAL_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})([/?#]|$)`;
