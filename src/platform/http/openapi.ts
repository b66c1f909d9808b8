/**
 * The OpenAPI 3.1 document at /api/openapi.json, generated from the API routes' own schemas. A module
 * declares each API operation once (`defineOperation`): its route validates `schema` (params,
 * querystring) and the document describes the same schema objects, with the operation's responses.
 * Each module contributes its operations, named component schemas and security schemes
 * (platform/module.ts `openApi`); the platform adds the document's head and the error format every
 * route shares (`ErrorBody`: RFC 9457 problem details, `#/components/schemas/Problem`, served as
 * `application/problem+json`).
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Permission } from '../permissions.ts';
import { siteOrigin } from './origin.ts';
import { PROBLEM_CONTENT_TYPE, ProblemBody } from './problem.ts';

/** What a route validates, and what its operation documents as parameters. */
export interface OperationSchema {
  params?: TObject;
  querystring?: TObject;
}

export interface OperationResponse {
  description: string;
  /** The JSON body; for 4xx/5xx answers the platform's problem details when left out. */
  schema?: TSchema;
  /** Response headers worth describing (OpenAPI header objects by name). */
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
}

/** Security requirements: `[]` for a public operation, else the schemes that may be used. */
export type Security = Record<string, string[]>[];

/** One API operation: the route's input schema, and what the document says about it. */
export interface ApiOperation<S extends OperationSchema = OperationSchema> {
  method: 'GET';
  /** The route's URL as Fastify writes it (`/api/v1/jobs/:id`). */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  security: Security;
  /** Passed to the route as its `schema`: validated and typed by Fastify. */
  schema: S;
  responses: Record<number, OperationResponse>;
}

/** Declares an operation (keeps its schema's type for the route's typed request). */
export function defineOperation<S extends OperationSchema>(operation: ApiOperation<S>): ApiOperation<S> {
  return operation;
}

/** What one module adds to the document. */
export interface OpenApiContribution {
  operations: readonly ApiOperation[];
  /** Schemas shown under components/schemas; where an operation uses one, it refers to it by name. */
  schemas?: Record<string, TSchema>;
  securitySchemes?: Record<string, unknown>;
}

/** The platform's error body, the same for every route: RFC 9457 problem details (problem.ts). */
export const ErrorBody = ProblemBody;

const INFO = {
  title: 'Lotsa job API',
  version: '1.0.0',
  description:
    'Open jobs in the region, mirrored from the Swedish Public Employment Service (JobTech, CC0) plus any example ads of a demo install. The job routes are read-only and need no key. The organisation routes need an API token an organisation admin creates in the back-office (Authorization: Bearer lotsa_…) or a signed-in session. Rate-limited per client: rate-limited routes send RateLimit-Policy and RateLimit (IETF draft httpapi-ratelimit-headers), and 429 with Retry-After. Errors are RFC 9457 problem details (application/problem+json) with the stable `code`, `fields` and `requestId` as extensions. The public job routes answer cross-origin GETs (CORS, no credentials), send ETag and answer 304 to If-None-Match.',
  license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
};

/** The document for a site at `origin`, built from the modules' contributions (in module order). */
export type OpenApiDocument = (origin: string) => Record<string, unknown>;

/**
 * A TypeBox schema as plain JSON Schema (TypeBox's symbol keys dropped; `Record` written as
 * `additionalProperties`), a named component replaced by a reference to it.
 */
function plain(schema: unknown, names: ReadonlyMap<unknown, string>, top = false): unknown {
  const name = top ? undefined : names.get(schema);
  if (name) return { $ref: `#/components/schemas/${name}` };
  if (Array.isArray(schema)) return schema.map((s) => plain(s, names));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'patternProperties' && value && typeof value === 'object') {
      // TypeBox writes Record<string, T> as patternProperties { '^.*$': T }.
      const [only] = Object.values(value);
      const values = plain(only, names);
      // Record<string, unknown> says nothing of the values: leave it to `type: object`.
      if (values && typeof values === 'object' && Object.keys(values).length)
        out.additionalProperties = values;
    } else out[key] = plain(value, names);
  }
  return out;
}

function parameters(schema: OperationSchema, names: ReadonlyMap<unknown, string>) {
  const of = (object: TObject | undefined, where: 'path' | 'query') =>
    Object.entries(object?.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = plain(property, names) as Record<string, unknown>;
      const required = where === 'path' || (object?.required ?? []).includes(name);
      return {
        name,
        in: where,
        ...(required ? { required: true } : {}),
        ...(description === undefined ? {} : { description }),
        schema: rest,
        ...(rest.type === 'array' ? { explode: true } : {}),
      };
    });
  return [...of(schema.params, 'path'), ...of(schema.querystring, 'query')];
}

/** The OpenAPI path of a Fastify URL: `/api/v1/jobs/:id` → `/api/v1/jobs/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

function operationObject(op: ApiOperation, names: ReadonlyMap<unknown, string>) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    const problem = Number(status) >= 400 && !response.schema;
    const schema = problem ? ErrorBody : response.schema;
    const type = problem ? PROBLEM_CONTENT_TYPE.split(';')[0]! : 'application/json';
    responses[status] = {
      description: response.description,
      ...(response.headers ? { headers: response.headers } : {}),
      ...(schema ? { content: { [type]: { schema: plain(schema, names) } } } : {}),
    };
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: op.security,
    parameters: parameters(op.schema, names),
    responses,
  };
}

export function openApiDocument(contributions: readonly OpenApiContribution[]): OpenApiDocument {
  const named: Record<string, TSchema> = { Problem: ErrorBody };
  const securitySchemes: Record<string, unknown> = {};
  for (const c of contributions) {
    for (const [name, schema] of Object.entries(c.schemas ?? {})) {
      if (name in named) throw new Error(`OpenAPI schema ${name} is contributed twice`);
      named[name] = schema;
    }
    Object.assign(securitySchemes, c.securitySchemes);
  }
  const names = new Map<unknown, string>(Object.entries(named).map(([name, schema]) => [schema, name]));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of contributions.flatMap((c) => c.operations)) {
    const path = openApiPath(op.url);
    const method = op.method.toLowerCase();
    const item = (paths[path] ??= {});
    if (method in item) throw new Error(`OpenAPI operation ${op.method} ${path} is contributed twice`);
    item[method] = operationObject(op, names);
  }
  const schemas = Object.fromEntries(Object.entries(named).map(([name, s]) => [name, plain(s, names, true)]));
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
