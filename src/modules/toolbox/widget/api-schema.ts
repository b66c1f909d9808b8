/**
 * The widget's API operation, once: GET /api/v1/widget/:key validates its key with this schema, its
 * presenter (content.ts) returns the documented type, and /api/openapi.json describes the same
 * objects.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineOperation, type OpenApiContribution } from '../../../platform/http/openapi.ts';

const text = (description: string) => ({ description, schema: { type: 'string' } });
const url = (description: string) => Type.String({ format: 'uri', description });

export const WidgetParams = Type.Object({
  key: Type.String({
    maxLength: 64,
    description: 'The widget’s public key (12–32 lower-case letters and digits), from its snippet.',
  }),
});

export const WidgetContent = Type.Object(
  {
    organisation: Type.Object({
      name: Type.String(),
      companyUrl: Type.Optional(url('The organisation’s company page on Lotsa, when it has one.')),
    }),
    lang: Type.Union([Type.Literal('sv'), Type.Literal('en')], {
      description: 'The language of every text and link below.',
    }),
    life: Type.Object({
      title: Type.String({ description: 'The heading, e.g. “Life in Dalarna”.' }),
      paragraphs: Type.Array(Type.String(), {
        description: 'One of the region’s approved texts (the place’s, else the region’s), as paragraphs.',
      }),
      source: Type.Optional(
        Type.Object({ name: Type.String(), url: Type.Optional(Type.String({ format: 'uri' })) }),
      ),
    }),
    navigator: Type.Object({
      text: Type.String(),
      url: url(
        'The relocation help page, tagged utm_source=widget, utm_medium=career-page, utm_campaign=<key>.',
      ),
    }),
    jobs: Type.Array(
      Type.Object({
        title: Type.String(),
        municipality: Type.Union([Type.String(), Type.Null()]),
        url: url('The job’s page on Lotsa.'),
        deadline: Type.Optional(Type.String({ format: 'date', description: 'Last day to apply.' })),
      }),
      { maxItems: 20, description: 'The organisation’s open jobs, newest first; empty when it shows none.' },
    ),
    showJobs: Type.Boolean({
      description: 'Whether the organisation chose to show its jobs (false: draw no job section).',
    }),
    moreJobsUrl: Type.Optional(
      url(
        'The job board listing every open job of the organisation on Lotsa, when it has some; for an organisation without an organisationsnummer and none of its own ads, every open job of the region. Absent otherwise.',
      ),
    ),
    texts: Type.Object(
      {
        jobs: Type.String({ description: 'The job list’s heading.' }),
        noJobs: Type.String({ description: 'Said instead of the job list when it is empty.' }),
        moreJobs: Type.String({ description: 'The text of the moreJobsUrl link.' }),
        company: Type.String({
          description: 'The text of a link to organisation.companyUrl, shown when there are no jobs.',
        }),
        deadline: Type.String(),
        source: Type.String(),
        from: Type.String({ description: 'Where the widget comes from.' }),
      },
      { description: 'The widget’s other words in its language.' },
    ),
    links: Type.Object({
      page: url('The widget as a page of its own (also for an iframe, and the snippet’s fallback link).'),
      json: url('This document.'),
      site: url('Lotsa’s home page in the widget’s language.'),
    }),
  },
  { description: 'What an employer’s career-page widget shows.' },
);
export type WidgetContent = Static<typeof WidgetContent>;

export const getWidgetOperation = defineOperation({
  method: 'GET',
  url: '/api/v1/widget/:key',
  operationId: 'getWidget',
  summary: 'An employer’s career-page widget',
  description:
    'What the widget an employer pastes into its career page shows: life in the region, the relocation help link and the employer’s open jobs, in the language the employer chose. Readable from any origin (CORS, no credentials), cached for a few minutes, with an ETag.',
  security: [],
  schema: { params: WidgetParams },
  responses: {
    200: {
      description: 'The widget’s content.',
      schema: WidgetContent,
      headers: {
        ETag: text('A weak entity tag of the body; send it as If-None-Match to get 304 when unchanged.'),
        'Access-Control-Allow-Origin': text('* : any web page may read the answer (without credentials).'),
      },
    },
    304: { description: 'Not modified: the ETag given in If-None-Match is still current.' },
    400: { description: 'A key longer than any widget key.' },
    404: { description: 'No widget has this key, or it is switched off.' },
    429: {
      description: 'Too many requests; see Retry-After.',
      headers: { 'Retry-After': text('Seconds to wait.') },
    },
  },
});

/** The widget's part of /api/openapi.json. */
export const widgetOpenApi: OpenApiContribution = {
  operations: [getWidgetOperation],
  schemas: { WidgetContent },
};
