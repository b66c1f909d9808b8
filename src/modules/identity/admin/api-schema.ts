/**
 * The organisation API's schemas, once (api-routes.ts): its routes validate and type their input
 * with them, its presenters are typed by the response schemas, and identity's part of
 * /api/openapi.json is generated from the same objects (`identityOpenApi`, declared in identity's
 * module). The audit filter's values come from every module's kinds of event, so the operations
 * are made for the app's audit catalogue.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { AuditCatalogue } from '../../../platform/audit-sentences.ts';
import {
  defineOperation,
  type OpenApiContribution,
  type OperationResponse,
  type Security,
} from '../../../platform/http/openapi.ts';
import { Nullable } from '../../../platform/http/schema.ts';
import { ROLES } from '../../../platform/permissions.ts';
import { AUDIT_API_MAX_LIMIT, AUDIT_PAGE_SIZE } from './audit.ts';

const security: Security = [{ apiToken: [] }, { sessionCookie: [] }];

const common: Record<number, OperationResponse> = {
  401: { description: 'No credentials, or an unknown or revoked token.' },
  403: { description: 'The token (or the signed-in person’s role) lacks the permission this needs.' },
  429: { description: 'Too many requests; see Retry-After.' },
};

const securitySchemes = {
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An organisation’s API token (`lotsa_…`), created in the back-office under API tokens. Each token holds only the scopes it was given: OrgRead, AuditRead.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-lotsa_session',
    description: 'A signed-in person’s session, with the same permissions as their role.',
  },
};

export const Organisation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  kind: Type.String({ enum: ['region', 'municipality', 'employer', 'course_provider', 'partner'] }),
  org_number: Nullable(Type.String({ pattern: '^[0-9]{10}$' }), {
    description: 'Swedish organisationsnummer, ten digits.',
  }),
});
export type Organisation = Static<typeof Organisation>;

export const Member = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'The account id (as in audit events).' }),
    name: Nullable(Type.String(), { description: 'The display name, null when the person gave none.' }),
    role: Type.String({ enum: [...ROLES] }),
  },
  { description: 'A person in the organisation. E-mail addresses are deliberately not included.' },
);

export const AuditEvent = Type.Object({
  id: Type.Integer({ description: 'Increasing; pass the last one as `before` for older events.' }),
  at: Type.String({ format: 'date-time' }),
  action: Type.String({ examples: ['org.member.invited'] }),
  actor: Type.Object({
    type: Type.String({ enum: ['account', 'deleted_account', 'token', 'cli', 'system', 'other'] }),
    id: Nullable(Type.String(), { description: 'The account id for type account.' }),
    name: Nullable(Type.String(), { description: 'A person’s display name or the token’s name.' }),
  }),
  subject: Type.Object({
    type: Type.String({ examples: ['account', 'invitation'] }),
    id: Type.String(),
  }),
  data: Type.Record(Type.String(), Type.Unknown(), {
    description: 'A few facts about the event (a role, a name); never secrets and never e-mail addresses.',
  }),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const MemberList = Type.Object({ items: Type.Array(Member) });
export type MemberList = Static<typeof MemberList>;

export const AuditPage = Type.Object({
  items: Type.Array(AuditEvent),
  next_before: Nullable(Type.Integer(), {
    description: 'Pass as `before` for the next (older) page; null on the last page.',
  }),
});
export type AuditPage = Static<typeof AuditPage>;

/** The parameters of GET /api/v1/audit; `action` takes every module's kinds of event. */
export function auditQuery(audit: AuditCatalogue) {
  return Type.Object(
    {
      limit: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: AUDIT_API_MAX_LIMIT,
          default: AUDIT_PAGE_SIZE,
          description: 'Events per response.',
        }),
      ),
      before: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: Number.MAX_SAFE_INTEGER,
          description: 'Only events older than this event id (the previous response’s next_before).',
        }),
      ),
      action: Type.Optional(
        Type.String({
          enum: [...audit.groups.map((g) => g.value), ...audit.actions],
          description: 'Only this action, or every action under this prefix (e.g. org.member).',
        }),
      ),
    },
    { additionalProperties: false },
  );
}

/** The API's operations for an app's audit catalogue: what its routes validate and what is documented. */
export function organisationApi(audit: AuditCatalogue) {
  return {
    organisation: defineOperation({
      method: 'GET',
      url: '/api/v1/organisation',
      operationId: 'getOrganisation',
      summary: 'The organisation the token belongs to',
      description: 'Needs OrgRead.',
      security,
      schema: {},
      responses: {
        200: { description: 'The organisation.', schema: Organisation },
        404: { description: 'The caller acts for no organisation.' },
        ...common,
      },
    }),
    members: defineOperation({
      method: 'GET',
      url: '/api/v1/organisation/members',
      operationId: 'listOrganisationMembers',
      summary: 'The organisation’s members',
      description: 'Needs OrgRead. Names and roles only; no e-mail addresses.',
      security,
      schema: {},
      responses: {
        200: { description: 'Every member, by name.', schema: MemberList },
        404: { description: 'The caller acts for no organisation.' },
        ...common,
      },
    }),
    audit: defineOperation({
      method: 'GET',
      url: '/api/v1/audit',
      operationId: 'listAuditEvents',
      summary: 'The organisation’s audit trail',
      description:
        'Needs AuditRead. Events of the organisation, newest first. An unknown parameter or value is a 400 whose `fields` name it.',
      security,
      schema: { querystring: auditQuery(audit) },
      responses: {
        200: { description: 'A page of events.', schema: AuditPage },
        400: { description: 'A parameter or value that is not accepted.' },
        404: { description: 'The caller acts for no organisation.' },
        ...common,
      },
    }),
  };
}

/** Identity's part of the document. */
export function identityOpenApi({ audit }: { audit: AuditCatalogue }): OpenApiContribution {
  const api = organisationApi(audit);
  return {
    operations: [api.organisation, api.members, api.audit],
    schemas: { Organisation, Member, AuditEvent },
    securitySchemes,
  };
}
