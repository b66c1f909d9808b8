/** The language of a `/:lang/…` route: one of the region's languages, else "not found". */
import { AppError } from '../errors.ts';
import { isLang, type Lang } from '../i18n/index.ts';
import type { Region } from '../region.ts';

/**
 * The `lang` path parameter (a route declares it with `schema: { params: LangParams }`,
 * platform/http/schema.ts), checked against the region's languages.
 */
export function langParam(request: { params: unknown; region: Region }): Lang {
  const params = request.params;
  const lang = typeof params === 'object' && params !== null && 'lang' in params ? params.lang : undefined;
  if (!isLang(lang) || !request.region.languages.includes(lang)) throw new AppError('LOTSA_NOT_FOUND');
  return lang;
}
