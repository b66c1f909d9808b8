/** The language of a `/:lang/…` route: one of the region's languages, else "not found". */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { isLang, type Lang } from '../i18n/index.ts';

export function langParam(request: FastifyRequest): Lang {
  const { lang } = request.params as { lang: string };
  if (!isLang(lang) || !request.region.languages.includes(lang)) throw new AppError('LOTSA_NOT_FOUND');
  return lang;
}
