/**
 * The job API's schemas, once: its routes (api.ts) validate and type their input with them, its
 * presenters are typed by the response schemas, and its part of /api/openapi.json is generated from
 * the same objects (`jobsOpenApi`). Which values a filter takes depends on the region and the
 * taxonomy, so those are checked after the schema, by the search's own parser (query.ts).
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineOperation, type OpenApiContribution } from '../../platform/http/openapi.ts';
import { Nullable } from '../../platform/http/schema.ts';
import { MAX_CURSOR_LENGTH } from './cursor.ts';
import { MAX_LIMIT, MAX_OFFSET, MAX_QUERY_LENGTH, PAGE_SIZE, PUBLISHED_WITHIN, SORTS } from './query.ts';

const listParam = (description: string) =>
  Type.Optional(
    Type.Array(Type.String(), {
      description: `${description} Repeat the parameter (or separate values with commas) for several; any of them matches.`,
    }),
  );

/** The search parameters of GET /api/v1/jobs (the same as the /sv/jobs page's, plus paging). */
export const JobSearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: MAX_QUERY_LENGTH,
        description:
          'Free text in web-search syntax: words (all must match; Swedish stemming, å/ä/ö optional, compounds such as lärare → förskollärare, English job titles such as nurse or truck driver), "a phrase", -exclude, a OR b. A municipality named in the text becomes the municipality filter (see `places`); a text that finds nothing is searched with its spelling corrected (see `corrected`). `literal=1` turns both off.',
      }),
    ),
    municipality: listParam('SCB municipality code (4 digits, e.g. 2080) of a municipality in the region.'),
    occupation_field: listParam('JobTech taxonomy concept id of an occupation field (yrkesområde).'),
    occupation_group: listParam('JobTech taxonomy concept id of an SSYK-4 occupation group.'),
    employment_type: listParam('JobTech concept id of an employment type.'),
    worktime: listParam('JobTech concept id of a working-hours type (full-time, part-time).'),
    employer: listParam('Employer key as returned in the employer facet (organisation number or name slug).'),
    language: listParam('Language the ad is written in: sv or en (en: jobs in English).'),
    literal: Type.Optional(
      Type.String({
        enum: ['true', '1', 'false', '0', ''],
        description:
          '1: search the text exactly as typed (no spelling correction, no place names as filters).',
      }),
    ),
    remote: Type.Optional(
      Type.String({
        enum: ['true', '1', 'on', 'false', '0', ''],
        description: 'true (or 1, on): only jobs that can be done remotely.',
      }),
    ),
    published: Type.Optional(
      Type.String({
        enum: [...PUBLISHED_WITHIN, ''],
        description: 'Only jobs published within this many days.',
      }),
    ),
    sort: Type.Optional(
      Type.String({
        enum: [...SORTS, ''],
        default: 'relevance',
        description: 'relevance (default; newest first without q), newest, or deadline (soonest first).',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_LIMIT,
        default: PAGE_SIZE,
        description: 'Items per response.',
      }),
    ),
    offset: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_OFFSET,
        default: 0,
        description: 'Items to skip; paging is stable for a given sort. Not together with `cursor`.',
      }),
    ),
    cursor: Type.Optional(
      Type.String({
        maxLength: MAX_CURSOR_LENGTH,
        description:
          'Opaque: where the next page starts, as given by the previous page’s `next` (or its Link header, rel="next"); send it with the same search parameters, without `offset`. It holds the offset and the version of the region’s ads: once the ads have changed (new, changed or closed ads) it is refused with 409 LOTSA_CURSOR_EXPIRED, and the client starts again from the first page.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type JobSearchQuery = Static<typeof JobSearchQuery>;

export const JobIdParams = Type.Object({
  id: Type.String({
    pattern: '^[A-Za-z0-9-]{1,64}$',
    description: 'The job id (JobTech ad id as a string).',
  }),
});

const FacetOption = Type.Object({
  value: Type.String(),
  label: Type.Optional(Type.String()),
  count: Type.Integer(),
  selected: Type.Boolean(),
});

const NullableString = () => Nullable(Type.String());

export const JobSummary = Type.Object({
  id: Type.String(),
  headline: Type.String(),
  employer: Type.Object({ name: Type.String(), workplace: NullableString() }),
  municipality: Type.Object({
    code: NullableString(),
    name: Nullable(Type.String(), { description: 'null when the municipality is outside the region.' }),
  }),
  occupation: Type.Object({ label: Type.String(), group_id: NullableString() }),
  employment_type_id: NullableString(),
  worktime_id: NullableString(),
  remote: Type.Boolean(),
  published_at: Type.String({ format: 'date-time' }),
  deadline_at: Nullable(Type.String({ format: 'date-time' })),
  generated: Type.Boolean({ description: 'true for example ads made by Lotsa’s demo data.' }),
  language: Type.String({ enum: ['sv', 'en'], description: 'The language the ad is written in.' }),
  url: Type.String({ format: 'uri', description: 'The job’s page on this site.' }),
});
export type JobSummary = Static<typeof JobSummary>;

const Concept = () =>
  Nullable(Type.Object({ id: Type.String(), label: NullableString() }), {
    description:
      'A JobTech taxonomy concept with its label in the request’s language; null when the ad has none.',
  });
const IdLabel = () => Type.Object({ id: NullableString(), label: Type.String() });

export const JobDetail = Type.Object({
  ...JobSummary.properties,
  status: Type.Literal('open'),
  employer: Type.Object({
    name: Type.String(),
    workplace: NullableString(),
    organization_number: NullableString(),
  }),
  occupation: Type.Object({
    id: NullableString(),
    label: Type.String(),
    group: IdLabel(),
    field: IdLabel(),
  }),
  employment_type: Concept(),
  worktime: Concept(),
  salary_type: Concept(),
  salary_description: NullableString(),
  duration: Concept(),
  vacancies: Nullable(Type.Integer()),
  description_html: Type.String({ description: 'The ad’s description as sanitised HTML.' }),
  apply: Type.Object({
    url: NullableString(),
    email: NullableString(),
    reference: NullableString(),
    platsbanken_url: NullableString(),
  }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type JobDetail = Static<typeof JobDetail>;

const facetList = () => Type.Array(FacetOption);

export const JobSearchResult = Type.Object({
  total: Type.Integer(),
  offset: Type.Integer(),
  limit: Type.Integer(),
  next: Nullable(Type.String({ format: 'uri' }), {
    description:
      'The absolute URL of the next page (the same search with a `cursor`), also sent as `Link: <…>; rel="next"`; null on the last page (or past the deepest offset served).',
  }),
  suggestion: Nullable(Type.String(), {
    description: '“Did you mean”: the query with misspelt words corrected, or null.',
  }),
  corrected: Nullable(Type.Object({ typed: Type.String(), searched: Type.String() }), {
    description:
      'The text as typed found nothing, so the results are for `searched`, its spelling corrected; null otherwise.',
  }),
  places: Type.Array(Type.Object({ word: Type.String(), municipality: Type.String() }), {
    description:
      'Words of the text read as municipalities of the region and searched as the municipality filter.',
  }),
  facets: Type.Object(
    {
      municipality: facetList(),
      occupation_field: facetList(),
      occupation_group: facetList(),
      employment_type: facetList(),
      worktime: facetList(),
      remote: facetList(),
      published: facetList(),
      employer: facetList(),
      language: facetList(),
    },
    { description: 'Counts per option; each facet is counted with every other filter applied but its own.' },
  ),
  items: Type.Array(JobSummary),
});
export type JobSearchResult = Static<typeof JobSearchResult>;

const text = (description: string) => ({ description, schema: { type: 'string' } });
/** Headers of the public job routes' answers (platform: conditional.ts, rate-limit.ts, cors.ts). */
const PUBLIC_READ_HEADERS = {
  ETag: text('A weak entity tag of the body; send it as If-None-Match to get 304 when unchanged.'),
  'RateLimit-Policy': text('The client’s limit, e.g. "api";q=1200;w=60 (requests per window of seconds).'),
  RateLimit: text(
    'What is left of it, e.g. "api";r=1187;t=42 (requests left; seconds until the window ends).',
  ),
  'Access-Control-Allow-Origin': text('* : any web page may read the answer (without credentials).'),
};
const LINK_HEADER = text('<next page URL>; rel="next" when there is a next page.');
const RETRY_HEADERS = {
  'Retry-After': text('Seconds to wait.'),
  'RateLimit-Policy': PUBLIC_READ_HEADERS['RateLimit-Policy'],
  RateLimit: PUBLIC_READ_HEADERS.RateLimit,
};

export const searchJobsOperation = defineOperation({
  method: 'GET',
  url: '/api/v1/jobs',
  operationId: 'searchJobs',
  summary: 'Search open jobs',
  description:
    'The same search as the /sv/jobs page. An unknown parameter or value is a 400 whose `fields` name it. Page with `offset` and `limit`, or follow `next` (a cursor).',
  security: [],
  schema: { querystring: JobSearchQuery },
  responses: {
    200: {
      description: 'Matching jobs with facet counts.',
      schema: JobSearchResult,
      headers: { ...PUBLIC_READ_HEADERS, Link: LINK_HEADER },
    },
    304: { description: 'Not modified: the ETag given in If-None-Match is still current.' },
    400: { description: 'A parameter or value that is not accepted (also a malformed `cursor`).' },
    409: { description: 'The `cursor` is from before the region’s ads changed: start again.' },
    429: { description: 'Too many requests; see Retry-After.', headers: RETRY_HEADERS },
  },
});

export const getJobOperation = defineOperation({
  method: 'GET',
  url: '/api/v1/jobs/:id',
  operationId: 'getJob',
  summary: 'One open job',
  security: [],
  schema: { params: JobIdParams },
  responses: {
    200: {
      description: 'The job, with its description as sanitised HTML and how to apply.',
      schema: JobDetail,
      headers: {
        ...PUBLIC_READ_HEADERS,
        'Last-Modified': { description: 'When the ad last changed.', schema: { type: 'string' } },
      },
    },
    304: { description: 'Not modified (If-None-Match, or If-Modified-Since without it).' },
    400: { description: 'An id that no job can have.' },
    404: { description: 'No such job in this region.' },
    410: { description: 'The job is closed (expired or removed).' },
    429: { description: 'Too many requests; see Retry-After.', headers: RETRY_HEADERS },
  },
});

/** The job API's part of /api/openapi.json (the platform assembles the document). */
export const jobsOpenApi: OpenApiContribution = {
  operations: [searchJobsOperation, getJobOperation],
  schemas: { JobSummary, JobDetail },
};
