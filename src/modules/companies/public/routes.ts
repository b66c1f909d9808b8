/**
 * The public company pages: /:lang/companies (list, filters, map), /:lang/companies/:slug (a
 * company's page; the site's 404 page for a slug that is not published) and
 * /:lang/companies/:slug/jobs/:id (a click from the page to one of the company's own jobs: counted,
 * then 303 to the job's page; any other ad is a 404). Registering them also hands the job board
 * its employer pages and the place pages their companies section.
 *
 * The companies come from the region's directory (directory.ts), kept a minute; a slug not in it
 * (published in another process meanwhile) is looked up in the database.
 *
 * Counting, without cookies: a page view and a click are counted in memory and added to the day's
 * row of company_page_stats (Stockholm's date) every few seconds (counts.ts). Only GETs that a
 * person asked for count — not HEAD, not a browser's prefetch — and both answers say
 * `no-cache`/`no-store`, so a cache in between asks the server each time.
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
import { PageCounter, trackCounter } from './counts.ts';
import {
  COMPANIES_PATH,
  employerPagesSource,
  setCurrentEmployerPages,
  type EmployerPagesSourceHandle,
} from './directory.ts';
import { parseCompanyFilter } from './filters.ts';
import { loadImages } from './images.ts';
import { listPage } from './list.ts';
import { companyPage, JOBS_SHOWN } from './page.ts';
import { competenceNeeds, occupationLabels } from './repository.ts';
import { companiesPlaceSection } from './sections.ts';

const pub = { permission: Permission.Public } as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether this request is a person's visit worth counting (not HEAD, not a prefetch). */
function countable(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  const purpose = String(request.headers['sec-purpose'] ?? request.headers['purpose'] ?? '');
  return !/prefetch|prerender/i.test(purpose);
}

/** A published company by the slug of a path, else the site's 404 page. */
async function published(
  db: Kysely<DB>,
  directory: EmployerPagesSourceHandle,
  regionId: string,
  slug: string,
): Promise<PublishedCompany> {
  if (!SLUG.test(slug) || slug.length > 80) throw new AppError('LOTSA_NOT_FOUND');
  const kept = await directory.directory(regionId);
  const page = kept.bySlug.get(slug);
  if (page) return page;
  const found = await publishedCompanyBySlug(db, regionId, slug);
  if (!found) throw new AppError('LOTSA_NOT_FOUND');
  // Published since the directory was read (in another process): read it again next time. A page
  // left out for the directory's bound is older than the read, and never makes it read again.
  if (found.company.updatedAt > kept.readAt) directory.forget(regionId);
  return found;
}

export function registerPublicCompanyRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  const employers = employerPagesSource(db);
  setCurrentEmployerPages(employers);
  const counter = new PageCounter(db, deps.logger);
  const untrack = trackCounter(counter);
  app.addHook('onClose', async () => {
    untrack();
    await counter.flush();
  });
  const count = (request: FastifyRequest, companyId: string, what: 'views' | 'job_clicks') => {
    if (countable(request)) counter.add(request.region.id, companyId, what);
  };
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
      const { listed: companies, images } = await employers.directory(region.id);
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
      const { company, data } = await published(db, employers, region.id, request.params.slug);
      count(request, company.id, 'views');
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
      const { company } = await published(db, employers, region.id, request.params.slug);
      const id = request.params.id;
      if (!(await employerJob(db, region.id, company.orgNumber, id))) throw new AppError('LOTSA_NOT_FOUND');
      count(request, company.id, 'job_clicks');
      return reply
        .header('cache-control', 'no-store')
        .header('x-robots-tag', 'noindex')
        .redirect(localPath(lang, jobPath(id)), 303);
    },
  );
}
