/**
 * /:lang/search?q=… — the site search (views.ts): the content module's search grouped by kind and
 * the job board's first hits. A searched text counts against the client's search limit, as the job
 * search's uncached searches do; an empty one is just the form. A text past 200 characters is
 * answered 400 with the error by the field.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { pageContext } from '../../../platform/html/send.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { clientKey, type RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { AnyQuery, LangParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { isContentKind, type ContentKind } from '../../content/model.ts';
import { MAX_OFFSET, searchContent, SearchTimedOut } from '../../content/search.ts';
import { searchOpenJobs } from '../../jobs/service.ts';
import { searchMessages } from './messages.ts';
import { GROUP_SIZE, KIND_PAGE_SIZE, MAX_TEXT_LENGTH, searchPage, type SearchView } from './views.ts';

/** Searches one client may run a minute (the job search's own limit, counted apart). */
export const SITE_SEARCH_RATE_LIMIT: RateLimitRule = { name: 'site-search', max: 60, windowSeconds: 60 };
/** Longest text re-shown in a refused search's field. */
const MAX_RESHOWN = 2000;

const first = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value) ?? '';

export function readSearchQuery(query: AnyQuery): { q: string; kind: ContentKind | null; page: number } {
  const q = first(query.q).replace(/\s+/g, ' ').trim();
  const kind = first(query.kind);
  const page = Number(first(query.page));
  const lastPage = Math.floor(MAX_OFFSET / KIND_PAGE_SIZE) + 1;
  return {
    q,
    kind: isContentKind(kind) ? kind : null,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, lastPage) : 1,
  };
}

export function registerSearchRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function limited(request: FastifyRequest) {
    const client = clientKey(request, deps.secret);
    const wait = await deps.rateLimiter.hit(
      `${SITE_SEARCH_RATE_LIMIT.name}:${client}`,
      SITE_SEARCH_RATE_LIMIT,
    );
    if (wait !== undefined) throw new AppError('LOTSA_RATE_LIMITED', { retryAfter: wait });
  }

  app.get(
    '/:lang/search',
    { schema: { params: LangParams, querystring: AnyQuery }, config: { permission: Permission.Public } },
    async (request, reply) => {
      const lang = langParam(request);
      const ctx = pageContext(request, deps.site);
      const { q, kind, page } = readSearchQuery(request.query);
      const view: SearchView = { q, kind, page, content: null };
      if ([...q].length > MAX_TEXT_LENGTH) {
        view.q = [...q].slice(0, MAX_RESHOWN).join('');
        view.error = searchMessages.t(lang, 'tooLong', { max: String(MAX_TEXT_LENGTH) });
        return reply.page(searchPage(ctx, view), { status: 400, cache: 'no-store' });
      }
      if (q) {
        await limited(request);
        try {
          const size = kind ? KIND_PAGE_SIZE : GROUP_SIZE;
          const offset = (page - 1) * KIND_PAGE_SIZE;
          view.content = await searchContent(db, request.region.id, lang, q, {
            kinds: kind ? [kind] : undefined,
            limitPerKind: size,
            offset: kind ? offset : 0,
          });
          // A word the site's pages have as typed ("Skatteverket") is no misspelling: the job
          // board's correction to the nearest word of its ads ("smältverket") would only mislead.
          const pagesFoundTyped = view.content.total > 0 && view.content.corrected === null;
          if (!kind)
            view.jobs = await searchOpenJobs(deps.database, request.region, lang, q, GROUP_SIZE, {
              correct: !pagesFoundTyped,
            });
        } catch (error) {
          if (
            !(error instanceof SearchTimedOut) &&
            !(error instanceof Error && error.name === 'SearchTimedOut')
          )
            throw error;
          request.log.warn({ reqId: request.id, queryLength: q.length }, 'site search timed out');
          throw new AppError('LOTSA_OVERLOADED', { retryAfter: 5, detail: error.message });
        }
      }
      return reply.page(searchPage(ctx, view), { cache: 'no-cache' });
    },
  );
}
