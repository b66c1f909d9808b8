/**
 * The job API's part of the OpenAPI 3.1 document at /api/openapi.json, and a readable page made from
 * the whole document at /api/docs (no JavaScript, no third-party viewer).
 */
import { html, type SafeHtml } from '../../platform/html/html.ts';
import type { Page, PageContext } from '../../platform/html/layout.ts';
import type { OpenApiDocument } from '../../platform/http/openapi.ts';
import type { OpenApiContribution } from '../../platform/http/openapi.ts';
import { defineMessages } from '../../platform/i18n/index.ts';
import { MAX_LIMIT, MAX_OFFSET, MAX_QUERY_LENGTH, PAGE_SIZE, PUBLISHED_WITHIN, SORTS } from './query.ts';

const docs = defineMessages({
  sv: {
    title: 'Lotsas API för lediga jobb',
    description:
      'Dokumentation av Lotsas JSON-API för regionens lediga jobb och organisationernas egna uppgifter.',
    lead: 'Program kan hämta regionens lediga jobb som JSON. Jobben är öppna och kräver ingen nyckel. En organisation kan också läsa sina egna uppgifter med en API-nyckel som organisationens administratör skapar i administrationen. Beskrivningen nedan är på engelska; den maskinläsbara versionen finns som OpenAPI.',
    openapi: 'OpenAPI-beskrivningen (JSON)',
    parameters: 'Parametrar',
    responses: 'Svar',
    name: 'Namn',
    in: 'Var',
    type: 'Typ',
    meaning: 'Betydelse',
    status: 'Status',
  },
  en: {
    title: 'Lotsa’s job API',
    description: 'Documentation of Lotsa’s JSON API for the region’s open jobs and organisations’ own data.',
    lead: 'Programs can read the region’s open jobs as JSON. The jobs are open and need no key. An organisation can also read its own data with an API token its admin creates in the back-office. The machine-readable description is in OpenAPI format.',
    openapi: 'The OpenAPI description (JSON)',
    parameters: 'Parameters',
    responses: 'Responses',
    name: 'Name',
    in: 'In',
    type: 'Type',
    meaning: 'Meaning',
    status: 'Status',
  },
});

interface Parameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: Record<string, unknown>;
  explode?: boolean;
}

const listParam = (name: string, description: string, pattern?: string): Parameter => ({
  name,
  in: 'query',
  description: `${description} Repeat the parameter (or separate values with commas) for several; any of them matches.`,
  schema: { type: 'array', items: { type: 'string', ...(pattern ? { pattern } : {}) } },
  explode: true,
});

const LIST_PARAMETERS: Parameter[] = [
  {
    name: 'q',
    in: 'query',
    description:
      'Free text in web-search syntax: words (all must match; Swedish stemming, compounds such as lärare → förskollärare), "a phrase", -exclude, a OR b.',
    schema: { type: 'string', maxLength: MAX_QUERY_LENGTH },
  },
  listParam(
    'municipality',
    'SCB municipality code (4 digits, e.g. 2080) of a municipality in the region.',
    '^[0-9]{4}$',
  ),
  listParam('occupation_field', 'JobTech taxonomy concept id of an occupation field (yrkesområde).'),
  listParam('occupation_group', 'JobTech taxonomy concept id of an SSYK-4 occupation group.'),
  listParam('employment_type', 'JobTech concept id of an employment type.'),
  listParam('worktime', 'JobTech concept id of a working-hours type (full-time, part-time).'),
  listParam('employer', 'Employer key as returned in the employer facet (organisation number or name slug).'),
  {
    name: 'remote',
    in: 'query',
    description: 'true: only jobs that can be done remotely.',
    schema: { type: 'boolean' },
  },
  {
    name: 'published',
    in: 'query',
    description: 'Only jobs published within this many days.',
    schema: { type: 'string', enum: [...PUBLISHED_WITHIN] },
  },
  {
    name: 'sort',
    in: 'query',
    description: 'relevance (default; newest first without q), newest, or deadline (soonest first).',
    schema: { type: 'string', enum: [...SORTS], default: 'relevance' },
  },
  {
    name: 'limit',
    in: 'query',
    description: 'Items per response.',
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: PAGE_SIZE },
  },
  {
    name: 'offset',
    in: 'query',
    description: 'Items to skip; paging is stable for a given sort.',
    schema: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 },
  },
];

const ID_PARAMETER: Parameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The job id (JobTech ad id as a string).',
  schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' },
};

const facetOption = {
  type: 'object',
  required: ['value', 'count', 'selected'],
  properties: {
    value: { type: 'string' },
    label: { type: 'string' },
    count: { type: 'integer' },
    selected: { type: 'boolean' },
  },
};

const jobSummary = {
  type: 'object',
  required: ['id', 'headline', 'employer', 'municipality', 'published_at', 'url'],
  properties: {
    id: { type: 'string' },
    headline: { type: 'string' },
    employer: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, workplace: { type: ['string', 'null'] } },
    },
    municipality: {
      type: 'object',
      required: ['code', 'name'],
      properties: { code: { type: ['string', 'null'] }, name: { type: ['string', 'null'] } },
    },
    occupation: { type: 'object' },
    employment_type_id: { type: ['string', 'null'] },
    worktime_id: { type: ['string', 'null'] },
    remote: { type: 'boolean' },
    published_at: { type: 'string', format: 'date-time' },
    deadline_at: { type: ['string', 'null'], format: 'date-time' },
    generated: { type: 'boolean', description: 'true for example ads made by Lotsa’s demo data.' },
    url: { type: 'string', format: 'uri', description: 'The job’s page on this site.' },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The job API's part of /api/openapi.json (the platform assembles the document). */
export const jobsOpenApi: OpenApiContribution = {
  paths: {
    '/api/v1/jobs': {
      get: {
        operationId: 'searchJobs',
        summary: 'Search open jobs',
        description:
          'The same search as the /sv/jobs page. An unknown parameter or value is a 400 whose `fields` name it.',
        parameters: LIST_PARAMETERS,
        responses: {
          200: {
            description: 'Matching jobs with facet counts.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['total', 'facets', 'suggestion', 'items'],
                  properties: {
                    total: { type: 'integer' },
                    offset: { type: 'integer' },
                    limit: { type: 'integer' },
                    suggestion: {
                      type: ['string', 'null'],
                      description: '“Did you mean”: the query with misspelt words corrected, or null.',
                    },
                    facets: {
                      type: 'object',
                      description:
                        'Counts per option; each facet is counted with every other filter applied but its own.',
                      additionalProperties: { type: 'array', items: facetOption },
                    },
                    items: { type: 'array', items: { $ref: '#/components/schemas/JobSummary' } },
                  },
                },
              },
            },
          },
          400: errorResponse('A parameter or value that is not accepted.'),
          429: errorResponse('Too many requests; see Retry-After.'),
        },
      },
    },
    '/api/v1/jobs/{id}': {
      get: {
        operationId: 'getJob',
        summary: 'One open job',
        parameters: [ID_PARAMETER],
        responses: {
          200: {
            description: 'The job, with its description as sanitised HTML and how to apply.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/JobSummary' } } },
          },
          404: errorResponse('No such job in this region.'),
          410: errorResponse('The job is closed (expired or removed).'),
        },
      },
    },
  },
  schemas: { JobSummary: jobSummary },
};

function schemaType(schema: Record<string, unknown>): string {
  if (schema.type === 'array') return `${schemaType(schema.items as Record<string, unknown>)}[]`;
  if (Array.isArray(schema.enum)) return (schema.enum as string[]).join(' | ');
  return String(schema.type);
}

export function apiDocsPage(ctx: PageContext, document: OpenApiDocument): Page {
  const t = (key: Parameters<typeof docs.t>[1]) => docs.t(ctx.lang, key);
  const spec = document(ctx.origin) as {
    paths: Record<
      string,
      {
        get: {
          summary: string;
          description?: string;
          parameters: Parameter[];
          responses: Record<string, { description: string }>;
        };
      }
    >;
  };
  const endpoint = ([path, item]: [
    string,
    (typeof spec.paths)[string],
  ]): SafeHtml => html`<section class="api-endpoint">
    <h2><code>GET ${path}</code></h2>
    <p lang="en">${item.get.summary}${item.get.description ? html`. ${item.get.description}` : ''}</p>
    <h3>${t('parameters')}</h3>
    <div class="table-scroll" tabindex="0" role="region" aria-label="${t('parameters')}: GET ${path}"><table>
      <thead><tr><th scope="col">${t('name')}</th><th scope="col">${t('in')}</th><th scope="col">${t('type')}</th><th scope="col">${t('meaning')}</th></tr></thead>
      <tbody>${item.get.parameters.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td><code>${schemaType(p.schema)}</code></td><td lang="en">${p.description}</td></tr>`)}</tbody>
    </table></div>
    <h3>${t('responses')}</h3>
    <ul>${Object.entries(item.get.responses).map(([status, r]) => html`<li><strong>${status}</strong> <span lang="en">${r.description}</span></li>`)}</ul>
  </section>`;
  const main = html`<div class="wrap prose api-docs">
    <h1>${t('title')}</h1>
    <p class="lead">${t('lead')}</p>
    <p><a href="/api/openapi.json" type="application/json">${t('openapi')}</a></p>
    ${Object.entries(spec.paths).map(endpoint)}
  </div>`;
  return { title: t('title'), description: t('description'), path: '/api/docs', main, languages: [ctx.lang] };
}
