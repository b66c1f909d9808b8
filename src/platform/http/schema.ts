/**
 * Schemas that validate and type a route's input (TypeBox: JSON Schema that is also a TypeScript
 * type). A route declares `schema: { params, querystring, body }`; Fastify validates them with its
 * Ajv before the handler runs (after the NUL guard), and the TypeBox type provider (`App`, the app
 * every module's routes receive) types `request.params/query/body` from them, so no handler casts.
 *
 * A request that does not fit is a 400 `LOTSA_BAD_REQUEST` whose `fields` name each parameter and
 * why (`validationFields`, used by toAppError) — JSON for programs, the error page for people.
 * HTML forms keep their own localised validation and re-shown pages: their body schemas only type
 * the fields (strings, optional), so a person's mistakes reach the form's own checks.
 */
import {
  Type,
  type SchemaOptions,
  type Static,
  type TArray,
  type TObject,
  type TOptional,
  type TSchema,
  type TString,
  type TUnsafe,
} from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';

/** The app as routes see it: each route's `schema` types its `request.params/query/body`. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The same app, typed for routes (no cost: the provider exists only for the compiler). */
export function typed(app: FastifyInstance): App {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

/**
 * Fastify's Ajv, as the app configures it. Query strings need coercion ('array': a single value
 * becomes a one-item list, numbers and booleans are read from text) and defaults. Unknown
 * parameters are refused, not silently dropped, where a schema says `additionalProperties: false`;
 * and every problem is reported at once (inputs are bounded by the URL and body limits).
 */
export const AJV_OPTIONS = {
  coerceTypes: 'array',
  useDefaults: true,
  removeAdditional: false,
  allErrors: true,
} as const;

/** `T` or null, written as OpenAPI 3.1 writes it (`type: ['string', 'null']`). For responses. */
export function Nullable<T extends TSchema & { type: string }>(
  schema: T,
  options: SchemaOptions = {},
): TUnsafe<Static<T> | null> {
  return Type.Unsafe<Static<T> | null>({ ...schema, ...options, type: [schema.type, 'null'] });
}

/** `/:lang/…` routes: the language prefix (checked against the region by `langParam`). */
export const LangParams = Type.Object({ lang: Type.String() });

/**
 * A page's query string as the browser sent it: any parameter, once or repeated. Pages read what
 * they know and ignore the rest (an old bookmark, utm_ tags), so nothing here is refused.
 */
export const AnyQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
export type AnyQuery = Static<typeof AnyQuery>;

/**
 * Path parameters by name, each a string (`PathParams('lang', 'id')`). Their meaning (a uuid, a
 * number, a language of the region) is the route's to check after CSRF — `uuidParam`, `langParam` —
 * so a malformed id is the page's own 404, never a refusal before the cross-site check.
 */
export function PathParams<const K extends string>(...names: K[]): TObject<{ [P in K]: TString }> {
  const properties = {} as { [P in K]: TString };
  for (const name of names) properties[name] = Type.String();
  return Type.Object(properties);
}

/**
 * An HTML form's body: each named field an optional string, so a person's mistakes reach the form's
 * own localised checks and re-shown page. Extra fields (`_csrf`) are allowed. A field sent twice
 * where one is expected is refused (400) — no form of ours sends it so.
 */
export function FormBody<const K extends string>(...names: K[]): TObject<{ [P in K]: TOptional<TString> }> {
  const properties = {} as { [P in K]: TOptional<TString> };
  for (const name of names) properties[name] = Type.Optional(Type.String());
  return Type.Object(properties);
}

/** A form field that may repeat (checkboxes): one value arrives as a one-item list. */
export const FormList = (): TOptional<TArray<TString>> => Type.Optional(Type.Array(Type.String()));

/** One Ajv error as Fastify attaches it to a validation error (`error.validation`). */
interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Parameter name → reason, for the error body's `fields`: the first path segment of each issue
 * (`/limit` → limit, `/municipality/0` → municipality), or the unknown or missing property.
 */
export function validationFields(issues: readonly ValidationIssue[]): Record<string, string> {
  // A Map, then own properties: a parameter may be called __proto__ or constructor.
  const fields = new Map<string, string>();
  for (const issue of issues) {
    const params = issue.params ?? {};
    let name = (issue.instancePath ?? '').split('/')[1] ?? '';
    let reason = issue.message ?? 'not accepted';
    if (typeof params.additionalProperty === 'string') {
      name = params.additionalProperty;
      reason = 'unknown parameter';
    } else if (typeof params.missingProperty === 'string') {
      name = params.missingProperty;
      reason = 'required';
    } else if (issue.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      reason = `one of ${params.allowedValues.map(String).join(', ')}`;
    }
    name = name.replace(/~1/g, '/').replace(/~0/g, '~').slice(0, 40) || 'request';
    if (!fields.has(name)) fields.set(name, reason);
  }
  return Object.fromEntries(fields);
}
