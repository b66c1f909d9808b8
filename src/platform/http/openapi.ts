/**
 * The OpenAPI 3.1 document at /api/openapi.json, assembled from what each module contributes (its
 * paths, schemas and security schemes; platform/module.ts `openApi`). The platform adds the
 * document's head and the error format every route shares (`#/components/schemas/Error`).
 */
import type { FastifyInstance } from 'fastify';
import { Permission } from '../permissions.ts';
import { siteOrigin } from './origin.ts';

/** What one module adds to the document. */
export interface OpenApiContribution {
  paths: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  securitySchemes?: Record<string, unknown>;
}

/** The platform's error body: the same for every route (platform/http/errors.ts). */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'requestId'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'status', 'message'],
      properties: {
        code: { type: 'string', examples: ['LOTSA_BAD_REQUEST'] },
        status: { type: 'integer' },
        message: { type: 'string' },
        fields: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'The parameters that were not accepted, each with the reason.',
        },
      },
    },
    requestId: { type: 'string' },
  },
};

const INFO = {
  title: 'Lotsa job API',
  version: '1.0.0',
  description:
    'Open jobs in the region, mirrored from the Swedish Public Employment Service (JobTech, CC0) plus any example ads of a demo install. The job routes are read-only and need no key. The organisation routes need an API token an organisation admin creates in the back-office (Authorization: Bearer lotsa_…) or a signed-in session. Rate-limited per client (429 with Retry-After).',
  license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
};

/** The document for a site at `origin`, built from the modules' contributions (in module order). */
export type OpenApiDocument = (origin: string) => Record<string, unknown>;

export function openApiDocument(contributions: readonly OpenApiContribution[]): OpenApiDocument {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const securitySchemes: Record<string, unknown> = {};
  for (const c of contributions) {
    for (const [path, item] of Object.entries(c.paths)) {
      if (path in paths) throw new Error(`OpenAPI path ${path} is contributed twice`);
      paths[path] = item;
    }
    Object.assign(schemas, c.schemas);
    Object.assign(securitySchemes, c.securitySchemes);
  }
  schemas.Error = ERROR_SCHEMA;
  return (origin) => ({
    openapi: '3.1.0',
    info: INFO,
    servers: [{ url: origin }],
    paths,
    components: { schemas, securitySchemes },
  });
}

/** Serves the document at /api/openapi.json (public, cached for five minutes). */
export function installOpenApi(app: FastifyInstance, document: OpenApiDocument): void {
  app.get('/api/openapi.json', { config: { permission: Permission.Public } }, async (request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(document(siteOrigin(request))),
  );
}
