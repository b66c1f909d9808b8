/**
 * People of the region, for admins: a search by e-mail address or name showing each person's
 * organisations and roles and last sign-in, and a person's page with their memberships, their live
 * sign-ins and a button that ends them all, and — for someone who lost every second factor and
 * their recovery codes — a reset of their second factors.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { actorOf, recordAudit } from '../../../platform/audit.ts';
import { membershipsOf } from '../../../platform/auth/resolver.ts';
import { AppError } from '../../../platform/errors.ts';
import { html } from '../../../platform/html/html.ts';
import { formatDate, formatNumber } from '../../../platform/i18n/index.ts';
import { Permission, type OrganisationKind, type Role } from '../../../platform/permissions.ts';
import { adminView, doneOf, personOf, queryValue, uuidParam } from './common.ts';
import { csrfField, notice, textField } from '../../../platform/html/forms.ts';

/** At most this many people are listed per search. */
const LIMIT = 100;

export function registerPeopleRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const config = { permission: Permission.PeopleManage } as const;

  registerPeopleSearch(app, deps);
  registerPersonPage(app, deps);

  app.post('/admin/people/:id/sessions/end', { config }, async (request, reply) => {
    const person = personOf(request);
    const regionId = request.region.id;
    const account = await loadAccount(db, regionId, uuidParam(request, 'id'));
    // An admin ending their own sessions keeps the one they are using.
    const keep = account.id === person.account.id ? person.session.id : undefined;
    await db.transaction().execute(async (trx) => {
      const count = await deps.sessions.endAll(regionId, account.id, keep, trx);
      await recordAudit(trx, {
        regionId,
        actor: actorOf(person),
        action: 'account.sessions_ended',
        subjectType: 'account',
        subjectId: account.id,
        data: { count },
      });
    });
    return reply.redirect(`/admin/people/${account.id}?done=ended`, 303);
  });

  /**
   * For a person who lost every passkey, their app and their recovery codes: removes them all and
   * ends their sessions, so their next sign-in asks them to set up a new factor. Not for oneself
   * (the own security page does that, after showing a factor).
   */
  app.post('/admin/people/:id/second-factors/reset', { config }, async (request, reply) => {
    const person = personOf(request);
    const regionId = request.region.id;
    const account = await loadAccount(db, regionId, uuidParam(request, 'id'));
    if (account.id === person.account.id) throw new AppError('LOTSA_NOT_FOUND');
    await db.transaction().execute(async (trx) => {
      const scope = { region_id: regionId, account_id: account.id } as const;
      const passkeys = await trx
        .deleteFrom('passkeys')
        .where('region_id', '=', scope.region_id)
        .where('account_id', '=', scope.account_id)
        .executeTakeFirst();
      const totp = await trx
        .deleteFrom('totp_secrets')
        .where('region_id', '=', scope.region_id)
        .where('account_id', '=', scope.account_id)
        .executeTakeFirst();
      await trx
        .deleteFrom('recovery_codes')
        .where('region_id', '=', scope.region_id)
        .where('account_id', '=', scope.account_id)
        .execute();
      const sessions = await deps.sessions.endAll(regionId, account.id, undefined, trx);
      await recordAudit(trx, {
        regionId,
        actor: actorOf(person),
        action: 'account.second_factors_reset',
        subjectType: 'account',
        subjectId: account.id,
        data: {
          passkeys: Number(passkeys.numDeletedRows),
          totp: Number(totp.numDeletedRows) > 0,
          sessions,
        },
      });
    });
    return reply.redirect(`/admin/people/${account.id}?done=reset`, 303);
  });
}

/** GET /admin/people: a search by e-mail address or name. */
function registerPeopleSearch(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const config = { permission: Permission.PeopleManage } as const;

  app.get('/admin/people', { config }, async (request, reply) => {
    personOf(request);
    const { lang, t } = adminView(request, reply);
    const regionId = request.region.id;
    const q = queryValue(request, 'q').slice(0, 200);
    let query = db
      .selectFrom('accounts')
      .select(['id', 'email', 'display_name', 'last_sign_in_at'])
      .where('region_id', '=', regionId);
    if (q) {
      const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([eb('email', 'like', pattern), eb(sql<string>`lower(display_name)`, 'like', pattern)]),
      );
    }
    const rows = await query
      .orderBy('email')
      .limit(LIMIT + 1)
      .execute();
    const more = rows.length > LIMIT;
    const people = rows.slice(0, LIMIT);
    const memberships = people.length
      ? await db
          .selectFrom('memberships as m')
          .innerJoin('organisations as o', (join) =>
            join.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
          )
          .select(['m.account_id', 'm.role', 'o.id', 'o.name'])
          .where('m.region_id', '=', regionId)
          .where(
            'm.account_id',
            'in',
            people.map((p) => p.id),
          )
          .orderBy('o.name')
          .execute()
      : [];
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
      ${
        people.length === 0
          ? html`<p>${t('people.none')}</p>`
          : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="people-caption">
              <table class="admin-table">
                <caption id="people-caption">${t('people.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t('people.col.person')}</th>
                    <th scope="col">${t('people.col.roles')}</th>
                    <th scope="col">${t('people.col.lastSignIn')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${people.map((p) => {
                    const roles = rolesOf(p.id);
                    return html`<tr>
                      <th scope="row">
                        <a href="/admin/people/${p.id}">${p.display_name || p.email}</a>
                        ${p.display_name ? html`<br /><span class="admin-muted">${p.email}</span>` : ''}
                      </th>
                      <td>
                        ${
                          roles.length === 0
                            ? t('people.noRoles')
                            : html`<ul class="admin-plain-list">
                                ${roles.map((m) => html`<li>${m.name}: ${t(`role.${m.role as Role}`)}</li>`)}
                              </ul>`
                        }
                      </td>
                      <td>${p.last_sign_in_at ? formatDate(lang, p.last_sign_in_at) : t('members.neverSignedIn')}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
      }`;
    return reply.adminPage({ title: t('people.title'), path: '/admin/people', main });
  });
}

/** GET /admin/people/:id: memberships, live sign-ins, second factors and what an admin may do. */
function registerPersonPage(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const config = { permission: Permission.PeopleManage } as const;

  app.get('/admin/people/:id', { config }, async (request, reply) => {
    const person = personOf(request);
    const { lang, t, csrf } = adminView(request, reply);
    const regionId = request.region.id;
    const account = await loadAccount(db, regionId, uuidParam(request, 'id'));
    const [memberships, sessions, factors] = await Promise.all([
      membershipsOf(db, regionId, account.id),
      deps.sessions.list(regionId, account.id, person.session.id),
      secondFactorsOf(db, regionId, account.id),
    ]);
    const title = account.display_name || account.email;
    const done = doneOf(request, ['ended', 'reset'] as const);
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

/** An account of the region by id; anything else is "not found". */
async function loadAccount(db: Kysely<DB>, regionId: string, id: string) {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'display_name', 'language', 'created_at', 'last_sign_in_at'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!account) throw new AppError('LOTSA_NOT_FOUND');
  return account;
}

/** How many second factors of each kind an account has. */
async function secondFactorsOf(db: Kysely<DB>, regionId: string, accountId: string) {
  const row = await db
    .selectNoFrom([
      sql<number>`(select count(*) from passkeys where region_id = ${regionId} and account_id = ${accountId})::int`.as(
        'passkeys',
      ),
      sql<boolean>`exists (select 1 from totp_secrets where region_id = ${regionId} and account_id = ${accountId}
                           and confirmed_at is not null)`.as('totp'),
      sql<number>`(select count(*) from recovery_codes where region_id = ${regionId} and account_id = ${accountId}
                   and used_at is null)::int`.as('recovery_codes'),
    ])
    .executeTakeFirstOrThrow();
  return { passkeys: row.passkeys, totp: row.totp, recoveryCodes: row.recovery_codes };
}
