/**
 * The invitee's side of an invitation: the link's GET shows what the invitation is (organisation,
 * role, who sent it) with an accept button; only the POST uses it. A link that has expired, been
 * used or been revoked gets a page saying so, with status 410.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../../platform/module.ts';
import { csrfField, hiddenField } from '../../../platform/html/forms.ts';
import { html } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { Permission, STAFF_ROLES } from '../../../platform/permissions.ts';
import { shell } from '../../../platform/html/messages.ts';
import { messages } from '../admin/messages.ts';
import { quotedUserText } from '../user-text.ts';
import { acceptInvitation, findInvitationByToken, type InvitationState } from './service.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { FormBody, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';

export function registerInvitationRoutes(app: App, deps: ModuleDeps): void {
  const send = (request: FastifyRequest, reply: FastifyReply, lang: Lang, page: Page, status = 200) =>
    reply.page({ ...page, noindex: true }, { lang, status, cache: 'no-store' });

  const unusable = (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    state: Exclude<InvitationState, 'pending'> | 'unknown',
    /** The link's own path (after the language), so the language switch shows the same answer. */
    path?: string,
  ) => {
    const t = (key: Parameters<typeof messages.t>[1]) => messages.t(lang, key);
    const title = state === 'unknown' ? t('invite.unknownTitle') : t('invite.goneTitle');
    const text =
      state === 'unknown'
        ? t('invite.unknown')
        : state === 'expired'
          ? t('invite.expired')
          : state === 'accepted'
            ? t('invite.used')
            : t('invite.revoked');
    const main = html`<div class="wrap prose">
      <h1>${title}</h1>
      <p>${text}</p>
      ${
        state === 'accepted'
          ? html`<p>${messages.h(lang, 'invite.signInHtml', { login: localPath(lang, '/login') })}</p>`
          : ''
      }
    </div>`;
    return send(
      request,
      reply,
      lang,
      path
        ? { title, description: text, path, main }
        : { title, description: text, path: '/', main, languages: [lang], otherLanguagePath: '/' },
      state === 'unknown' ? 404 : 410,
    );
  };

  /** Accepting would leave the organisation without anyone able to manage its members (409). */
  const lastManager = (request: FastifyRequest, reply: FastifyReply, lang: Lang, organisation: string) => {
    const title = messages.t(lang, 'invite.lastAdminTitle');
    const text = messages.t(lang, 'invite.lastAdmin', { organisation });
    const main = html`<div class="wrap prose">
      <h1>${title}</h1>
      <p>${text}</p>
    </div>`;
    const page = { title, description: text, path: '/', main, languages: [lang], otherLanguagePath: '/' };
    return send(request, reply, lang, page, 409);
  };

  app.get(
    '/:lang/invitations/:token',
    {
      schema: { params: PathParams('lang', 'token') },
      config: { permission: Permission.Public, auth: 'optional' },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const { token } = request.params;
      const invitation = await findInvitationByToken(deps.database.db, request.region.id, token);
      const path = `/invitations/${token}`;
      if (!invitation) return unusable(request, reply, lang, 'unknown', path);
      if (invitation.state !== 'pending') return unusable(request, reply, lang, invitation.state, path);
      const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string>) =>
        messages.t(lang, key, params);
      const organisation = invitation.organisation.name;
      const inviter = quotedUserText(invitation.inviter);
      const title = t('invite.title', { organisation });
      const current = request.auth?.account;
      const someoneElse = current && current.email !== invitation.email;
      const main = html`<div class="wrap prose">
        <h1>${title}</h1>
        <p class="lead">
          ${t('invite.lead', {
            organisation,
            site: shell.t(lang, 'siteName', { region: request.region.name[lang] }),
            role: t(`role.${invitation.role}`),
          })}
        </p>
        <p>${t('invite.address', { email: invitation.email })} ${t('invite.expires', { date: formatDate(lang, invitation.expiresAt) })}</p>
        ${
          // The inviter's own text only after the system's words, marked as theirs.
          inviter ? html`<p>${t('invite.sentBy', { organisation, inviter })}</p>` : ''
        }
        ${
          someoneElse
            ? html`<div class="notice" role="note">
                <p>${t('invite.signedInAs', { current: current.email, email: invitation.email })}</p>
              </div>`
            : ''
        }
        ${STAFF_ROLES.has(invitation.role) ? html`<p>${t('invite.staffNote')}</p>` : ''}
        <form method="post" action="${localPath(lang, '/invitations/accept')}">
          ${csrfField(reply.csrfToken())}
          ${hiddenField('token', token)}
          <button class="button" type="submit">${t('invite.accept')}</button>
        </form>
      </div>`;
      return send(request, reply, lang, {
        title,
        description: t('invite.description'),
        path,
        main,
      });
    },
  );

  app.post(
    '/:lang/invitations/accept',
    {
      schema: { params: LangParams, body: FormBody('token') },
      config: {
        permission: Permission.Public,
        rateLimit: { name: 'invitation-accept', max: 20, windowSeconds: 900 },
      },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const token = (request.body.token ?? '').trim();
      const regionId = request.region.id;
      const result = await acceptInvitation(deps.database.db, deps.sessions, {
        regionId,
        token,
        language: lang,
        browser: deps.sessions.browserOf(request),
      });
      if (!result.ok && result.state === 'lastAdmin') {
        return lastManager(request, reply, lang, result.organisation);
      }
      if (!result.ok) {
        return unusable(request, reply, lang, result.state === 'pending' ? 'unknown' : result.state);
      }
      deps.sessions.setCookie(reply, result.sessionToken);
      return reply.header('cache-control', 'no-store').redirect('/admin', 303);
    },
  );
}
