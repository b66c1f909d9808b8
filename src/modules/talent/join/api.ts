/**
 * GET /api/v1/taxonomy/concepts: the type-ahead of the talent form's pickers (public/js/talent-picker.js)
 * — occupation names, skills or languages whose label holds `q`, at most 20. Public, rate-limited
 * per client, documented in /api/openapi.json.
 */
import { Type } from '@sinclair/typebox';
import { defineOperation, type OpenApiContribution } from '../../../platform/http/openapi.ts';
import type { App } from '../../../platform/http/schema.ts';
import { Permission } from '../../../platform/permissions.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { CONCEPT_KINDS, QUERY_MAX, SEARCH_LIMIT, searchConcepts } from './taxonomy.ts';

const text = (description: string) => ({ description, schema: { type: 'string' } });

export const TaxonomyConceptList = Type.Object({
  concepts: Type.Array(
    Type.Object({
      id: Type.String({ description: 'JobTech taxonomy concept id.' }),
      label: Type.String({
        description: 'Its label in the language asked for (Swedish where there is no English).',
      }),
    }),
    { maxItems: SEARCH_LIMIT },
  ),
});

export const searchConceptsOperation = defineOperation({
  method: 'GET',
  url: '/api/v1/taxonomy/concepts',
  operationId: 'searchTaxonomyConcepts',
  summary: 'Search taxonomy concepts (type-ahead)',
  description: `Occupation names, skills or languages of the JobTech taxonomy whose label holds \`q\` (case-insensitive), those starting with it first; at most ${SEARCH_LIMIT}.`,
  security: [],
  schema: {
    querystring: Type.Object({
      type: Type.String({ enum: [...CONCEPT_KINDS], description: 'The kind of concept.' }),
      q: Type.String({ maxLength: QUERY_MAX, description: 'Part of a label.' }),
      lang: Type.Optional(
        Type.String({ enum: ['sv', 'en'], default: 'sv', description: 'The labels’ language.' }),
      ),
    }),
  },
  responses: {
    200: { description: 'The matching concepts.', schema: TaxonomyConceptList },
    400: { description: 'A missing or unknown parameter, or a query over 100 characters.' },
    429: {
      description: 'Too many requests; see Retry-After.',
      headers: { 'Retry-After': text('Seconds to wait.') },
    },
  },
});

export const talentOpenApi: OpenApiContribution = {
  operations: [searchConceptsOperation],
  schemas: { TaxonomyConceptList },
};

export function registerTaxonomyApi(app: App, deps: ModuleDeps): void {
  const op = searchConceptsOperation;
  app.get(
    op.url,
    {
      schema: op.schema,
      config: {
        permission: Permission.Public,
        rateLimit: { name: 'taxonomy-api', max: 600, windowSeconds: 60 },
        cors: 'public',
      },
    },
    async (request, reply) => {
      const { type, q, lang } = request.query;
      const concepts = await searchConcepts(
        deps.database.db,
        type as (typeof CONCEPT_KINDS)[number],
        q,
        lang === 'en' ? 'en' : 'sv',
      );
      reply.header('cache-control', 'public, max-age=3600');
      return { concepts };
    },
  );
}
