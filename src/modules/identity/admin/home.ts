/**
 * The back-office home (who you are, whom you act for, what your role can do) and the organisation
 * switcher behind the form in the header.
 */
import { FormBody, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { actorOf, recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { html } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { Permission } from '../../../platform/permissions.ts';
import { adminView, doneOf, personOf, isUuid, PageSchema } from './common.ts';
import { notice } from '../../../platform/html/forms.ts';
import { messages } from './messages.ts';

export function registerHomeRoutes(app: App, deps: ModuleDeps): void {
  app.get(
    '/admin',
    { schema: PageSchema, config: { permission: Permission.BackOffice } },
    async (request, reply) => {
      const person = personOf(request);
      const { lang, t } = adminView(request, reply);
      const organisation = person.organisation;
      const others = person.memberships.length - 1;
      const links = deps.site.adminNavigation.filter(
        (item) => item.path !== '/admin' && person.permissions.has(item.permission),
      );
      const switched = doneOf(request.query.done, ['switched'] as const);
      const main = html`<h1>${t('home.title')}</h1>
      ${switched && organisation ? notice(t('home.switched', { organisation: organisation.name })) : ''}
      <p class="lead">${t('home.greeting', { name: person.account.displayName || person.account.email })}</p>
      ${
        organisation && person.role
          ? html`<p>
              ${t('home.actingAs', {
                organisation: organisation.name,
                kind: t(`kind.${organisation.kind}`).toLowerCase(),
                role: t(`role.${person.role}`),
              })}
            </p>`
          : ''
      }
      ${
        others > 0
          ? html`<p>${others === 1 ? t('home.otherOrganisation') : t('home.otherOrganisations', { count: others })}</p>`
          : ''
      }
      ${
        links.length > 0
          ? html`<section aria-labelledby="can-do">
              <h2 id="can-do">${t('home.canDo')}</h2>
              <ul class="admin-links">
                ${links.map((item) => html`<li><a href="${item.path}">${item.label(lang)}</a></li>`)}
              </ul>
            </section>`
          : ''
      }
      <section aria-labelledby="own">
        <h2 id="own">${t('home.own')}</h2>
        <p>${messages.h(lang, 'home.ownTextHtml', { href: localPath(lang, '/me') })}</p>
      </section>`;
      return reply.adminPage({ title: t('home.title'), path: '/admin', main });
    },
  );

  app.post(
    '/admin/organisation',
    { schema: { body: FormBody('organisation_id') }, config: { permission: Permission.BackOffice } },
    async (request, reply) => {
      const person = personOf(request);
      const wanted = request.body.organisation_id;
      const membership = isUuid(wanted)
        ? person.memberships.find((m) => m.organisationId === wanted.toLowerCase())
        : undefined;
      if (!membership) throw new AppError('LOTSA_NOT_FOUND');
      await deps.database.db.transaction().execute(async (trx) => {
        await deps.sessions.setActiveOrganisation(
          request.region.id,
          person.session.id,
          membership.organisationId,
          trx,
        );
        await recordAudit(trx, {
          regionId: request.region.id,
          actor: actorOf(person),
          organisationId: membership.organisationId,
          action: 'session.organisation_switched',
          subjectType: 'organisation',
          subjectId: membership.organisationId,
          data: { role: membership.role },
        });
      });
      return reply.header('cache-control', 'no-store').redirect('/admin?done=switched', 303);
    },
  );
}
