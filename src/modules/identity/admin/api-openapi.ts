/**
 * The OpenAPI 3.1 description of the organisation API (api-routes.ts): identity's part of the
 * document at /api/openapi.json (`identityOpenApi`, declared in identity's module). Error responses
 * refer to the platform's `#/components/schemas/Error`.
 */
import { ROLES } from '../../../platform/permissions.ts';
import type { AuditCatalogue } from '../../../platform/audit-sentences.ts';
import type { OpenApiContribution } from '../../../platform/http/openapi.ts';
import { ACTION_GROUPS, AUDIT_API_MAX_LIMIT, AUDIT_PAGE_SIZE } from './audit.ts';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const security = [{ apiToken: [] }, { sessionCookie: [] }];

const common = {
  401: errorResponse('No credentials, or an unknown or revoked token.'),
  403: errorResponse('The token (or the signed-in person’s role) lacks the permission this needs.'),
  429: errorResponse('Too many requests; see Retry-After.'),
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

const schemas = {
  Organisation: {
    type: 'object',
    required: ['id', 'name', 'kind', 'org_number'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      kind: { type: 'string', enum: ['region', 'municipality', 'employer', 'course_provider', 'partner'] },
      org_number: {
        type: ['string', 'null'],
        pattern: '^[0-9]{10}$',
        description: 'Swedish organisationsnummer, ten digits.',
      },
    },
  },
  Member: {
    type: 'object',
    required: ['id', 'name', 'role'],
    description: 'A person in the organisation. E-mail addresses are deliberately not included.',
    properties: {
      id: { type: 'string', format: 'uuid', description: 'The account id (as in audit events).' },
      name: { type: ['string', 'null'], description: 'The display name, null when the person gave none.' },
      role: {
        type: 'string',
        enum: [...ROLES],
      },
    },
  },
  AuditEvent: {
    type: 'object',
    required: ['id', 'at', 'action', 'actor', 'subject', 'data'],
    properties: {
      id: { type: 'integer', description: 'Increasing; pass the last one as `before` for older events.' },
      at: { type: 'string', format: 'date-time' },
      action: { type: 'string', examples: ['org.member.invited'] },
      actor: {
        type: 'object',
        required: ['type', 'id', 'name'],
        properties: {
          type: { type: 'string', enum: ['account', 'deleted_account', 'token', 'cli', 'system', 'other'] },
          id: { type: ['string', 'null'], description: 'The account id for type account.' },
          name: { type: ['string', 'null'], description: 'A person’s display name or the token’s name.' },
        },
      },
      subject: {
        type: 'object',
        required: ['type', 'id'],
        properties: { type: { type: 'string', examples: ['account', 'invitation'] }, id: { type: 'string' } },
      },
      data: {
        type: 'object',
        description:
          'A few facts about the event (a role, a name); never secrets and never e-mail addresses.',
      },
    },
  },
};

const paths = (audit: AuditCatalogue) => ({
  '/api/v1/organisation': {
    get: {
      operationId: 'getOrganisation',
      summary: 'The organisation the token belongs to',
      description: 'Needs OrgRead.',
      security,
      parameters: [],
      responses: {
        200: {
          description: 'The organisation.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Organisation' } } },
        },
        ...common,
      },
    },
  },
  '/api/v1/organisation/members': {
    get: {
      operationId: 'listOrganisationMembers',
      summary: 'The organisation’s members',
      description: 'Needs OrgRead. Names and roles only; no e-mail addresses.',
      security,
      parameters: [],
      responses: {
        200: {
          description: 'Every member, by name.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items'],
                properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Member' } } },
              },
            },
          },
        },
        ...common,
      },
    },
  },
  '/api/v1/audit': {
    get: {
      operationId: 'listAuditEvents',
      summary: 'The organisation’s audit trail',
      description:
        'Needs AuditRead. Events of the organisation, newest first. An unknown parameter or value is a 400 whose `fields` name it.',
      security,
      parameters: [
        {
          name: 'limit',
          in: 'query',
          description: 'Events per response.',
          schema: { type: 'integer', minimum: 1, maximum: AUDIT_API_MAX_LIMIT, default: AUDIT_PAGE_SIZE },
        },
        {
          name: 'before',
          in: 'query',
          description: 'Only events older than this event id (the previous response’s next_before).',
          schema: { type: 'integer', minimum: 1 },
        },
        {
          name: 'action',
          in: 'query',
          description: 'Only this action, or every action under this prefix (e.g. org.member).',
          schema: { type: 'string', enum: [...ACTION_GROUPS.map((g) => g.value), ...audit.actions] },
        },
      ],
      responses: {
        200: {
          description: 'A page of events.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items', 'next_before'],
                properties: {
                  items: { type: 'array', items: { $ref: '#/components/schemas/AuditEvent' } },
                  next_before: {
                    type: ['integer', 'null'],
                    description: 'Pass as `before` for the next (older) page; null on the last page.',
                  },
                },
              },
            },
          },
        },
        400: errorResponse('A parameter or value that is not accepted.'),
        ...common,
      },
    },
  },
});

/** Identity's part of the document; the audit filter's values come from every module's kinds. */
export function identityOpenApi({ audit }: { audit: AuditCatalogue }): OpenApiContribution {
  return { paths: paths(audit), schemas, securitySchemes };
}
