/**
 * People of the region, for admins: a search by e-mail address or name showing each person's
 * organisations and roles and last sign-in, and a person's page with their memberships, their live
 * sign-ins and a button that ends them all, and — for someone who lost every second factor and
 * their recovery codes — a reset of their second factors.
 */
import type { App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { actorOf } from '../../../platform/audit.ts';
import { endSessionsOf } from '../me/service.ts';
import { membershipsOf } from '../../../platform/auth/resolver.ts';
import { AppError } from '../../../platform/errors.ts';
import { html } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, formatNumber } from '../../../platform/i18n/index.ts';
import { Permission, type OrganisationKind, type Role } from '../../../platform/permissions.ts';
import { factorCounts, resetFactors } from '../second-factor/service.ts';
import { accountProfile, searchAccounts } from '../accounts.ts';
import { rolesOfAccounts } from '../organisations/service.ts';
import {
  adminView,
  doneOf,
  IdPageSchema,
  IdParams,
  PageSchema,
  personOf,
  queryText,
  uuidParam,
} from './common.ts';
import { csrfField, notice, textField } from '../../../platform/html/forms.ts';

/** At most this many people are listed per search. */
const LIMIT = 100;

const config = { permission: Permission.PeopleManage } as const;

/** The account in the URL, or "not found". */
async function load(db: ModuleDeps['database']['db'], regionId: string, id: string) {
  const account = await accountProfile(db, regionId, id);
  if (!account) throw new AppError('LOTSA_NOT_FOUND');
  return account;
}

export function registerPeopleRoutes(app: App, deps: ModuleDeps): void {
  registerPeopleSearch(app, deps);
  registerPersonPage(app, deps);
  registerPeopleActions(app, deps);
}

function registerPeopleSearch(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.get('/admin/people', { schema: PageSchema, config }, async (request, reply) => {
    personOf(request);
    const { lang, t } = adminView(request, reply);
    const regionId = request.region.id;
    const q = queryText(request.query.q).slice(0, 200);
    const rows = await searchAccounts(db, regionId, q, LIMIT + 1);
    const more = rows.length > LIMIT;
    const people = rows.slice(0, LIMIT);
    const memberships = await rolesOfAccounts(
      db,
      regionId,
      people.map((p) => p.id),
    );
    const rolesOf = (id: string) => memberships.filter((m) => m.account_id === id);
    const main = html`<h1>${t('people.title')}</h1>
      <p>${t('people.intro')}</p>
      <form class="admin-filter" method="get" action="/admin/people" role="search">
        ${textField(lang, {
          name: 'q',
          type: 'search',
          label: t('people.searchLabel'),
          hint: t('people.searchHint'),
          value: q,
          maxlength: 200,
        })}
        <button class="button" type="submit">${t('people.searchButton')}</button>
      </form>
      <p role="status">
        ${people.length === 1 ? t('people.countOne') : t('people.count', { count: formatNumber(lang, people.length) })}
        ${more ? t('people.more', { count: LIMIT }) : ''}
      </p>
      ${dataTable({
        id: 'people-caption',
        caption: t('people.caption'),
        columns: [t('people.col.person'), t('people.col.roles'), t('people.col.lastSignIn')],
        rows: people,
        cells: (p) => {
          const roles = rolesOf(p.id);
          return [
            html`<a href="/admin/people/${p.id}">${p.display_name || p.email}</a>
              ${p.display_name ? html`<br /><span class="admin-muted">${p.email}</span>` : ''}`,
            roles.length === 0
              ? t('people.noRoles')
              : html`<ul class="admin-plain-list">
                  ${roles.map((m) => html`<li>${m.name}: ${t(`role.${m.role as Role}`)}</li>`)}
                </ul>`,
            p.last_sign_in_at ? formatDate(lang, p.last_sign_in_at) : t('members.neverSignedIn'),
          ];
        },
        empty: t('people.none'),
      })}`;
    return reply.adminPage({ title: t('people.title'), path: '/admin/people', main });
  });
}

function registerPersonPage(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.get('/admin/people/:id', { schema: IdPageSchema, config }, async (request, reply) => {
    const person = personOf(request);
    const { lang, t, csrf } = adminView(request, reply);
    const regionId = request.region.id;
    const account = await load(db, regionId, uuidParam(request.params.id));
    const [memberships, sessions, factors] = await Promise.all([
      membershipsOf(db, regionId, account.id),
      deps.sessions.list(regionId, account.id, person.session.id),
      factorCounts(db, regionId, account.id),
    ]);
    const title = account.display_name || account.email;
    const done = doneOf(request.query.done, ['ended', 'reset'] as const);
    const self = account.id === person.account.id;
    const path = `/admin/people/${account.id}`;
    const kindLabel = (kind: OrganisationKind) => t(`kind.${kind}`);
    const main = html`<p><a href="/admin/people">${t('people.back')}</a></p>
      <h1>${title}</h1>
      ${done === 'ended' ? notice(t('people.ended')) : done === 'reset' ? notice(t('people.factorsReset')) : ''}
      <section aria-labelledby="facts">
        <h2 id="facts">${t('people.facts')}</h2>
        <dl class="admin-facts">
          <dt>${t('people.email')}</dt>
          <dd>${account.email}</dd>
          <dt>${t('people.name')}</dt>
          <dd>${account.display_name || t('people.noName')}</dd>
          <dt>${t('people.language')}</dt>
          <dd>${t(account.language === 'en' ? 'lang.en' : 'lang.sv')}</dd>
          <dt>${t('people.created')}</dt>
          <dd>${formatDate(lang, account.created_at)}</dd>
          <dt>${t('people.lastSignIn')}</dt>
          <dd>${account.last_sign_in_at ? formatDate(lang, account.last_sign_in_at) : t('members.neverSignedIn')}</dd>
        </dl>
      </section>
      <section aria-labelledby="memberships">
        <h2 id="memberships">${t('people.memberships')}</h2>
        ${
          memberships.length === 0
            ? html`<p>${t('people.membershipsNone')}</p>`
            : html`<ul>
                ${memberships.map(
                  (m) =>
                    html`<li>
                      <a href="/admin/organisations/${m.organisationId}/members">${m.organisationName}</a>
                      (${kindLabel(m.kind)}): ${t(`role.${m.role}`)}
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">${t('people.sessions')}</h2>
        <p>
          ${
            sessions.length === 0
              ? t('people.sessionsNone')
              : sessions.length === 1
                ? t('people.sessionsCountOne')
                : t('people.sessionsCount', { count: sessions.length })
          }
        </p>
        ${
          sessions.length > 0
            ? html`<ul>
                  ${sessions.map(
                    (s) =>
                      html`<li>
                        ${t('people.sessionLine', {
                          device: s.device || t('people.unknownDevice'),
                          date: formatDate(lang, s.lastSeenAt),
                        })}
                      </li>`,
                  )}
                </ul>
                <form method="post" action="${path}/sessions/end">
                  ${csrfField(csrf)}
                  <p class="field__hint" id="end-all-hint">${t('people.endAllHint')}</p>
                  <button class="button" type="submit" aria-describedby="end-all-hint">${t('people.endAll')}</button>
                </form>`
            : ''
        }
      </section>
      <section aria-labelledby="factors">
        <h2 id="factors">${t('people.factors')}</h2>
        <p>
          ${t('people.factorsSummary', {
            passkeys: factors.passkeys,
            totp: t(factors.totp ? 'people.totpOn' : 'people.totpOff'),
            codes: factors.recoveryCodes,
          })}
        </p>
        ${
          self
            ? html`<p>${t('people.factorsSelf')}</p>`
            : factors.passkeys + factors.recoveryCodes > 0 || factors.totp
              ? html`<form method="post" action="${path}/second-factors/reset">
                  ${csrfField(csrf)}
                  <p class="field__hint" id="reset-hint">${t('people.factorsResetHint')}</p>
                  <button class="button" type="submit" aria-describedby="reset-hint">${t('people.factorsResetButton')}</button>
                </form>`
              : ''
        }
      </section>`;
    return reply.adminPage({ title, path, main, navPath: '/admin/people' });
  });
}

function registerPeopleActions(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.post(
    '/admin/people/:id/sessions/end',
    { schema: { params: IdParams }, config },
    async (request, reply) => {
      const person = personOf(request);
      const regionId = request.region.id;
      const account = await load(db, regionId, uuidParam(request.params.id));
      // An admin ending their own sessions keeps the one they are using.
      const keep = account.id === person.account.id ? person.session.id : undefined;
      await endSessionsOf(db, deps.sessions, {
        regionId,
        accountId: account.id,
        keep,
        actor: actorOf(person),
      });
      return reply.redirect(`/admin/people/${account.id}?done=ended`, 303);
    },
  );

  /**
   * For a person who lost every passkey, their app and their recovery codes: removes them all and
   * ends their sessions, so their next sign-in asks them to set up a new factor. Not for oneself
   * (the own security page does that, after showing a factor).
   */
  app.post(
    '/admin/people/:id/second-factors/reset',
    { schema: { params: IdParams }, config },
    async (request, reply) => {
      const person = personOf(request);
      const regionId = request.region.id;
      const account = await load(db, regionId, uuidParam(request.params.id));
      if (account.id === person.account.id) throw new AppError('LOTSA_NOT_FOUND');
      await db
        .transaction()
        .execute((trx) =>
          resetFactors(trx, deps.sessions, { regionId, accountId: account.id, actor: actorOf(person) }),
        );
      return reply.redirect(`/admin/people/${account.id}?done=reset`, 303);
    },
  );
}
