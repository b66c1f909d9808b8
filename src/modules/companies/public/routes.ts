/**
 * The public company pages: /:lang/companies (list, filters, map), /:lang/companies/:slug (a
 * company's page; the site's 404 page for a slug that is not published) and
 * /:lang/companies/:slug/jobs/:id (a click from the page to one of the company's own jobs: counted,
 * then 303 to the job's page; any other ad is a 404). Registering them also hands the job board
 * its employer pages and the place pages their companies section.
 *
 * Counting, without cookies: a page view and a click are one upsert each of today's row in
 * company_page_stats (Stockholm's date). Only GETs that a person asked for count — not HEAD, not a
 * browser's prefetch — and both answers say `no-cache`/`no-store`, so a cache in between asks the
 * server each time. A failed count is logged and never fails the page.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { pageContext } from '../../../platform/html/send.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { AnyQuery, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { publishedList } from '../../content/store.ts';
import { setPlaceSection } from '../../content/places/sections.ts';
import { employerJob, employerJobs, setEmployerPages } from '../../jobs/employers.ts';
import { loadMap } from '../../jobs/map.ts';
import { jobPath } from '../../jobs/views.ts';
import { imageSlugs } from '../../../platform/html/richtext.ts';
import { publishedCompanyBySlug, type PublishedCompany } from '../store.ts';
import {
  COMPANIES_PATH,
  employerPagesSource,
  listedCompanies,
  setCurrentEmployerPages,
} from './directory.ts';
import { applyFilter, parseCompanyFilter } from './filters.ts';
import { loadImages } from './images.ts';
import { listPage } from './list.ts';
import { companyPage, JOBS_SHOWN } from './page.ts';
import { competenceNeeds, countPageEvent, occupationLabels } from './repository.ts';
import { companiesPlaceSection } from './sections.ts';

const pub = { permission: Permission.Public } as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether this request is a person's visit worth counting (not HEAD, not a prefetch). */
function countable(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  const purpose = String(request.headers['sec-purpose'] ?? request.headers['purpose'] ?? '');
  return !/prefetch|prerender/i.test(purpose);
}

/** Counts a view or a click; a failure is logged, never the visitor's problem. */
async function count(
  db: Kysely<DB>,
  request: FastifyRequest,
  companyId: string,
  what: 'views' | 'job_clicks',
): Promise<void> {
  if (!countable(request)) return;
  try {
    await countPageEvent(db, request.region.id, companyId, what);
  } catch (error) {
    request.log.warn({ reqId: request.id, err: error, companyId, what }, 'company page count failed');
  }
}

/** A published company by the slug of a path, else the site's 404 page. */
async function published(db: Kysely<DB>, regionId: string, slug: string): Promise<PublishedCompany> {
  const found =
    SLUG.test(slug) && slug.length <= 80 ? await publishedCompanyBySlug(db, regionId, slug) : undefined;
  if (!found) throw new AppError('LOTSA_NOT_FOUND');
  return found;
}

export function registerPublicCompanyRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  const employers = employerPagesSource(db);
  setCurrentEmployerPages(employers);
  setEmployerPages((regionId) => employers.pages(regionId));
  setPlaceSection(companiesPlaceSection(db));

  app.get(
    `/:lang${COMPANIES_PATH}`,
    { schema: { params: LangParams, querystring: AnyQuery }, config: pub },
    async (request, reply) => {
      langParam(request);
      const region = request.region;
      const ctx = pageContext(request, deps.site);
      const { filter, problems } = parseCompanyFilter(request.query, region);
      const companies = await listedCompanies(db, region.id);
      const shown = applyFilter(companies, filter);
      const images = await loadImages(
        db,
        region.id,
        shown.flatMap((c) => [c.logo, c.photo]),
      );
      const map = region.countyCode ? loadMap(region.countyCode) : null;
      const page = listPage(ctx, { companies, filter, problems, images, map });
      return reply.page(page, { status: problems.length ? 400 : 200 });
    },
  );

  app.get(
    `/:lang${COMPANIES_PATH}/:slug`,
    { schema: { params: PathParams('lang', 'slug') }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const { company, data } = await published(db, region.id, request.params.slug);
      const [jobs, needs, occupations, stories] = await Promise.all([
        employerJobs(db, region.id, company.orgNumber, JOBS_SHOWN),
        competenceNeeds(db, region.id, company.id),
        occupationLabels(
          db,
          data.careerPaths.flatMap((p) => p.steps.map((s) => s.occupationId)),
        ),
        data.stories.length
          ? publishedList(db, region.id, lang, { kind: 'story', slugs: data.stories, limit: 12 })
          : [],
        count(db, request, company.id, 'views'),
      ]);
      // The stories in the company's order.
      const order = new Map(data.stories.map((slug, i) => [slug, i]));
      stories.sort((a, b) => (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0));
      const images = await loadImages(db, region.id, [
        data.logo,
        ...data.photos,
        ...[data.about.sv, data.about.en, data.impact.sv, data.impact.en].flatMap(imageSlugs),
        ...stories.map((s) => s.heroImage),
      ]);
      const view = { company, data, jobs, needs, occupations, stories, images };
      return reply.page(companyPage(pageContext(request, deps.site), view), { cache: 'no-cache' });
    },
  );

  app.get(
    `/:lang${COMPANIES_PATH}/:slug/jobs/:id`,
    { schema: { params: PathParams('lang', 'slug', 'id') }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const { company } = await published(db, region.id, request.params.slug);
      const id = request.params.id;
      if (!(await employerJob(db, region.id, company.orgNumber, id))) throw new AppError('LOTSA_NOT_FOUND');
      await count(db, request, company.id, 'job_clicks');
      return reply
        .header('cache-control', 'no-store')
        .header('x-robots-tag', 'noindex')
        .redirect(localPath(lang, jobPath(id)), 303);
    },
  );
}
