/**
 * The job API: GET /api/v1/jobs (a search, served from the response cache when warm) and
 * GET /api/v1/jobs/:id. Input is validated and typed by the operations' schemas (api-schema.ts);
 * the presenters below return the documented response types.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { localPath } from '../../platform/html/layout.ts';
import { siteOrigin } from '../../platform/http/origin.ts';
import type { App } from '../../platform/http/schema.ts';
import { Permission } from '../../platform/permissions.ts';
import {
  getJobOperation,
  searchJobsOperation,
  type JobDetail as ApiJobDetail,
  type JobSearchResult,
  type JobSummary as ApiJobSummary,
} from './api-schema.ts';
import { parseJobQuery, queryParams, queryString, type JobQuery, type QueryProblem } from './query.ts';
import type { JobDetail } from './repository.ts';
import {
  queryVocabulary,
  type ConceptLabels,
  type FacetOption,
  type JobSummary,
  type SearchResult,
} from './search/index.ts';
import { queryPairs, type JobBoardHttp } from './respond.ts';
import { sanitizeDescription } from './sanitize.ts';
import { safeUrl } from './canonical.ts';
import { jobPath } from './views.ts';

/** The API's own per-client limit: every request counts (cached or not). */
const api = { permission: Permission.Public, rateLimit: { name: 'api', max: 1200, windowSeconds: 60 } };

function problemsError(problems: QueryProblem[]): AppError {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.param] ??= `${p.reason}: ${p.value.slice(0, 80)}`;
  return new AppError('LOTSA_BAD_REQUEST', {
    detail: problems.map((p) => `${p.param}=${p.value.slice(0, 80)} (${p.reason})`).join('; '),
    fields,
  });
}

/** A job in lists, for a site at `origin`. */
function presentSummary(request: FastifyRequest, origin: string) {
  return (job: JobSummary): ApiJobSummary => {
    const municipality = request.region.municipalities.find((m) => m.code === job.municipalityCode);
    return {
      id: job.id,
      headline: job.headline,
      employer: { name: job.employerName, workplace: job.workplace },
      municipality: municipality
        ? { code: municipality.code, name: municipality.shortName }
        : { code: job.municipalityCode, name: null },
      occupation: { label: job.occupationLabel, group_id: job.occupationGroupId },
      employment_type_id: job.employmentTypeId,
      worktime_id: job.worktimeId,
      remote: job.remote,
      published_at: job.publishedAt.toISOString(),
      deadline_at: job.deadlineAt?.toISOString() ?? null,
      generated: job.generated,
      language: job.lang,
      url: origin + localPath(request.lang, jobPath(job.id)),
    };
  };
}

function presentSearch(request: FastifyRequest, query: JobQuery, result: SearchResult): JobSearchResult {
  const facet = (options: FacetOption[]) =>
    options.map((o) => ({ value: o.value, label: o.label, count: o.count, selected: o.selected }));
  const unlabelled = (options: SearchResult['facets']['remote' | 'published' | 'language']) =>
    options.map((o) => ({ value: o.value, count: o.count, selected: o.selected }));
  return {
    total: result.total,
    offset: query.offset,
    limit: query.limit,
    suggestion: result.suggestion,
    corrected: result.corrected,
    places: result.places.map((p) => ({ word: p.word, municipality: p.code })),
    facets: {
      municipality: facet(result.facets.municipality),
      occupation_field: facet(result.facets.occupationField),
      occupation_group: facet(result.facets.occupationGroup),
      employment_type: facet(result.facets.employmentType),
      worktime: facet(result.facets.worktime),
      remote: unlabelled(result.facets.remote),
      published: unlabelled(result.facets.published),
      employer: facet(result.facets.employer),
      language: unlabelled(result.facets.language),
    },
    items: result.items.map(presentSummary(request, siteOrigin(request))),
  };
}

function presentDetail(request: FastifyRequest, job: JobDetail, labels: ConceptLabels): ApiJobDetail {
  const lang = request.lang;
  const label = (id: string | null) => (id ? { id, label: labels.label(id, lang)?.text ?? null } : null);
  const details = job.raw.application_details ?? {};
  return {
    ...presentSummary(request, siteOrigin(request))(job),
    status: 'open',
    employer: { name: job.employerName, workplace: job.workplace, organization_number: job.employerOrgnr },
    occupation: {
      id: job.occupationId,
      label: job.occupationLabel,
      group: { id: job.occupationGroupId, label: job.occupationGroupLabel },
      field: { id: job.occupationFieldId, label: job.occupationFieldLabel },
    },
    employment_type: label(job.employmentTypeId),
    worktime: label(job.worktimeId),
    salary_type: label(job.salaryTypeId),
    salary_description: job.raw.salary_description ?? null,
    duration: label(job.durationId),
    vacancies: job.vacancies,
    language: job.lang,
    description_html: sanitizeDescription(job.raw.description?.text_formatted, job.raw.description?.text),
    apply: {
      url: safeUrl(details.url),
      email: details.email ?? null,
      reference: details.reference ?? null,
      platsbanken_url: job.generated ? null : safeUrl(job.raw.webpage_url),
    },
    updated_at: job.updatedAt.toISOString(),
  };
}

export function registerJobApiRoutes(app: App, http: JobBoardHttp): void {
  const search = searchJobsOperation;
  app.get(search.url, { schema: search.schema, config: api }, async (request, reply) => {
    const vocabulary = await queryVocabulary(http.db, request.region);
    const { query, problems } = parseJobQuery(queryPairs(request.query), vocabulary, 'api');
    if (problems.length) throw problemsError(problems);
    // Programs have the route's own limit (every request counts), and the running searches' limit.
    const canonical = queryString(queryParams(query, { withPaging: 'api' }));
    const what = { key: `api${canonical}`, limited: false, running: canonical !== '' };
    return http.cached(request, reply, what, async () => {
      const body = presentSearch(request, query, await http.runSearch(request, query));
      return { body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' };
    });
  });

  const one = getJobOperation;
  app.get(one.url, { schema: one.schema, config: api }, async (request, reply) => {
    const { job, labels } = await http.loadJob(request.region.id, request.params.id);
    if (job.status === 'closed')
      throw new AppError('LOTSA_GONE', { detail: `job ${job.id} is ${job.closedReason}` });
    return reply.header('cache-control', 'no-cache').send(presentDetail(request, job, labels));
  });
}
