/**
 * The organisation's API tokens in the back-office (Permission.ApiTokensManage) and the JSON API
 * those tokens use:
 *
 *   GET  /admin/tokens              the tokens of the organisation acted for, and the create form
 *   POST /admin/tokens              create: 422 with the input kept, or the page with the new token
 *                                   shown once
 *   POST /admin/tokens/:id/revoke   revoke (another organisation's token: 404), then back to the list
 *   GET  /api/v1/…                  see api-routes.ts
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormList, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { actorOf } from '../../../platform/audit.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { Permission } from '../../../platform/permissions.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { isUuid } from '../../../platform/http/params.ts';
import { PageSchema } from './common.ts';
import { registerApiRoutes } from './api-routes.ts';
import {
  createToken,
  grantableScopes,
  listTokens,
  readTokenForm,
  revokeToken,
  revokedTokenName,
  validateTokenForm,
  type TokenErrors,
  type TokenFormValues,
} from './tokens.ts';
import { TOKENS_PATH, tokensPage } from './tokens-views.ts';

const manage = { permission: Permission.ApiTokensManage } as const;

/** The create form: a name and the scopes ticked (a repeated field). */
const TokenForm = Type.Object({ name: Type.Optional(Type.String()), scopes: FormList() });

/** The person (or program) asking and the organisation they act for; neither: forbidden. */
function actingFor(principal: Principal | null): {
  principal: Principal;
  organisation: { id: string; name: string };
} {
  const organisation = principal?.organisation;
  if (!principal || !organisation) throw new AppError('LOTSA_FORBIDDEN');
  return { principal, organisation };
}

export function registerTokenRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      status?: number;
      form?: { values: TokenFormValues; errors: TokenErrors };
      created?: { name: string; token: string };
      revoked?: string;
    } = {},
  ) => {
    const { principal, organisation } = actingFor(request.auth);
    const tokens = await listTokens(db, request.region.id, organisation.id);
    const view = tokensPage({
      lang: adminLang(request),
      organisationName: organisation.name,
      tokens,
      grantable: grantableScopes(principal),
      form: options.form ?? { values: { name: '', scopes: [] }, errors: {} },
      csrfToken: reply.csrfToken(),
      created: options.created,
      revoked: options.revoked,
    });
    return reply.adminPage(
      { title: view.title, path: TOKENS_PATH, main: view.main },
      { status: options.status ?? 200 },
    );
  };

  app.get(TOKENS_PATH, { schema: PageSchema, config: manage }, async (request, reply) => {
    const { organisation } = actingFor(request.auth);
    const revokedId = request.query.revoked;
    let revoked: string | undefined;
    if (typeof revokedId === 'string' && isUuid(revokedId)) {
      revoked = await revokedTokenName(db, request.region.id, organisation.id, revokedId);
    }
    return show(request, reply, { revoked });
  });

  app.post(TOKENS_PATH, { schema: { body: TokenForm }, config: manage }, async (request, reply) => {
    const { principal, organisation } = actingFor(request.auth);
    const values = readTokenForm(request.body);
    const grantable = grantableScopes(principal);
    const errors = validateTokenForm(values, grantable);
    if (Object.keys(errors).length > 0)
      return show(request, reply, { status: 422, form: { values, errors } });
    const scopes = grantable.filter((p) => values.scopes.includes(p));
    const created = await createToken(db, {
      regionId: request.region.id,
      organisationId: organisation.id,
      name: values.name,
      scopes,
      createdBy: principal.account?.id ?? null,
      actor: actorOf(principal),
    });
    if (!created) throw new AppError('LOTSA_FORBIDDEN');
    return show(request, reply, { created: { name: values.name, token: created.token } });
  });

  const revoke = { params: PathParams('id') };
  app.post(`${TOKENS_PATH}/:id/revoke`, { schema: revoke, config: manage }, async (request, reply) => {
    const { principal, organisation } = actingFor(request.auth);
    const { id } = request.params;
    if (!isUuid(id)) throw new AppError('LOTSA_NOT_FOUND');
    const revoked = await revokeToken(db, {
      regionId: request.region.id,
      organisationId: organisation.id,
      id,
      actor: actorOf(principal),
    });
    if (!revoked) throw new AppError('LOTSA_NOT_FOUND');
    return reply.redirect(`${TOKENS_PATH}?revoked=${id}`, 303);
  });

  registerApiRoutes(app, deps);
}
