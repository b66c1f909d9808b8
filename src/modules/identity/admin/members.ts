/**
 * Members of an organisation: who they are and their role, pending invitations, and — for those who
 * manage members — inviting by e-mail, changing roles, removing people and revoking invitations.
 * A person sees the organisation they act for; an admin of the region sees any organisation of the
 * region; anyone else asking for another organisation gets "not found".
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { actorOf } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable, type TableCell } from '../../../platform/html/table.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { Permission, ROLES_BY_KIND, isRole, type Role } from '../../../platform/permissions.ts';
import { isValidEmail, normalizeEmail } from '../accounts.ts';
import {
  countInvitation,
  createInvitation,
  invitationExists,
  isMemberAddress,
  listPendingInvitations,
  revokeInvitation,
} from '../invitations/service.ts';
import {
  changeMemberRole,
  getOrganisation,
  listMembers,
  removeMember,
  type Organisation,
} from '../organisations/service.ts';
import {
  adminView,
  doneOf,
  IdPageSchema,
  isRegionAdmin,
  personOf,
  upperFirst,
  type Person,
  uuidParam,
} from './common.ts';
import {
  csrfField,
  emailField,
  formErrorSummary,
  notice,
  selectField,
} from '../../../platform/html/forms.ts';

const INVITE_FIELDS = ['email', 'role'] as const;
type InviteValues = Record<(typeof INVITE_FIELDS)[number], string>;
type InviteErrors = Partial<InviteValues>;

const DONE = ['invited', 'roleChanged', 'removed', 'revoked'] as const;

const MemberParams = PathParams('id', 'accountId');
const InvitationParams = PathParams('id', 'invitationId');

interface PageState {
  invite: { values: InviteValues; errors: InviteErrors };
  /** An error about a change in the list (last admin, bad role), shown above it. */
  actionError?: string;
  /** What was just done (the `done` query parameter after a redirect). */
  done?: (typeof DONE)[number];
}

/** "in 3 hours" / "in 12 minutes": how long until a limit lets the admin send again. */
function waitText(t: ReturnType<typeof adminView>['t'], seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes >= 120) return t('wait.hours', { n: String(Math.ceil(minutes / 60)) });
  return minutes === 1 ? t('wait.minute') : t('wait.minutes', { n: String(minutes) });
}

type Member = Awaited<ReturnType<typeof listMembers>>[number];
type Invitation = Awaited<ReturnType<typeof listPendingInvitations>>[number];

const empty = (): PageState => ({ invite: { values: { email: '', role: '' }, errors: {} } });

/** What the parts of the members page share. */
interface MembersView {
  lang: Lang;
  t: ReturnType<typeof adminView>['t'];
  csrf: string;
  /** `/admin/organisations/:id`. */
  base: string;
  roles: readonly Role[];
  roleOptions: Array<{ value: string; label: string }>;
  /** The reader may change roles, invite and remove. */
  manage: boolean;
  selfId: string;
}

const roleLabel = (t: MembersView['t'], role: Role) => upperFirst(t(`role.${role}`));
const memberName = (m: { displayName: string; email: string }) => m.displayName || m.email;

/** A member's cells: name, role, dates and — for managers — the role select and the remove link. */
function memberCells(ctx: MembersView, m: Member): TableCell[] {
  const { lang, t, csrf, base, roles, roleOptions, manage } = ctx;
  const self = m.accountId === ctx.selfId;
  return [
    html`${memberName(m)}${self ? html` <span class="admin-muted">${t('members.you')}</span>` : ''}
      ${m.displayName ? html`<br /><span class="admin-muted">${m.email}</span>` : ''}`,
    roleLabel(t, m.role),
    formatDate(lang, m.since),
    m.lastSignInAt ? formatDate(lang, m.lastSignInAt) : t('members.neverSignedIn'),
    manage &&
      html`<div class="admin-actions">
        ${
          roles.length > 1
            ? html`<form class="admin-inline-form" method="post" action="${base}/members/${m.accountId}/role">
                ${csrfField(csrf)}
                ${selectField(lang, {
                  name: 'role',
                  id: `role-${m.accountId}`,
                  label: t('members.roleLabel', { person: memberName(m) }),
                  hiddenLabel: true,
                  className: 'field--inline',
                  value: m.role,
                  options: roleOptions,
                })}
                <button class="button button--secondary" type="submit">${t('members.changeRole')}</button>
              </form>`
            : ''
        }
        <a
          class="button button--secondary"
          href="${base}/members/${m.accountId}/remove"
          aria-label="${t('members.removeLabel', { person: memberName(m) })}"
          >${t('members.remove')}</a
        >
      </div>`,
  ];
}

/** The invitations not yet accepted, each with a revoke button. */
function pendingInvitations(ctx: MembersView, pending: Invitation[]): SafeHtml {
  const { lang, t, csrf, base } = ctx;
  return html`<section>
      <h2 id="pending-title">${t('members.pending')}</h2>
      ${dataTable({
        id: 'pending-caption',
        caption: t('members.pendingCaption'),
        columns: [
          t('members.col.email'),
          t('members.col.role'),
          t('members.col.invitedBy'),
          t('members.col.expires'),
          t('members.col.actions'),
        ],
        rows: pending,
        cells: (i) => [
          i.email,
          roleLabel(t, i.role),
          i.inviter || t('table.none'),
          formatDate(lang, i.expiresAt),
          html`<form class="admin-inline-form" method="post" action="${base}/invitations/${i.id}/revoke">
            ${csrfField(csrf)}
            <button
              class="button button--secondary"
              type="submit"
              aria-label="${t('members.revokeLabel', { email: i.email })}"
            >
              ${t('members.revoke')}
            </button>
          </form>`,
        ],
        empty: t('members.pendingNone'),
      })}
    </section>`;
}

/** Reading the organisation of the URL and rendering its members page, for the routes below. */
function memberPages(db: Kysely<DB>) {
  /** The organisation in the URL, when this person may see it; else "not found". */
  const visible = async (
    request: FastifyRequest,
    organisationId: string,
  ): Promise<{ person: Person; organisation: Organisation }> => {
    const person = personOf(request);
    const id = uuidParam(organisationId);
    if (person.organisation?.id !== id && !isRegionAdmin(person)) throw new AppError('LOTSA_NOT_FOUND');
    const organisation = await getOrganisation(db, request.region.id, id);
    if (!organisation) throw new AppError('LOTSA_NOT_FOUND');
    return { person, organisation };
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    person: Person,
    organisation: Organisation,
    state: PageState,
    status = 200,
  ) => {
    const view = adminView(request, reply);
    const { lang, t, csrf } = view;
    const manage = person.permissions.has(Permission.OrgMembersManage);
    const roles = ROLES_BY_KIND[organisation.kind];
    const base = `/admin/organisations/${organisation.id}`;
    const [members, pending] = await Promise.all([
      listMembers(db, request.region.id, organisation.id),
      manage ? listPendingInvitations(db, request.region.id, organisation.id) : Promise.resolve([]),
    ]);
    const title = t('members.title', { name: organisation.name });
    const { done } = state;
    const roleOptions = roles.map((role) => ({ value: role, label: roleLabel(t, role) }));

    const ctx: MembersView = { lang, t, csrf, base, roles, roleOptions, manage, selfId: person.account.id };

    const { values, errors } = state.invite;
    const failed = INVITE_FIELDS.filter((f) => errors[f]).map((f) => ({
      id: f,
      text: errors[f] as string,
    }));
    const invite = manage
      ? html`<section aria-labelledby="invite-title" id="invite">
          <h2 id="invite-title">${t('members.invite')}</h2>
          <p>${t('members.inviteIntro')}</p>
          <form class="form" method="post" action="${base}/members/invite#invite" novalidate>
            ${formErrorSummary(lang, failed)}
            ${csrfField(csrf)}
            ${emailField(lang, {
              name: 'email',
              label: t('field.email'),
              hint: t('field.email.hint'),
              error: errors.email,
              required: true,
              value: values.email,
              autocomplete: 'off',
              maxlength: 254,
            })}
            ${selectField(lang, {
              name: 'role',
              label: t('field.role'),
              error: errors.role,
              required: true,
              value: values.role || (roles.length === 1 ? (roles[0] as string) : ''),
              placeholder: roles.length > 1 ? t('form.choose') : undefined,
              options: roleOptions,
            })}
            <button class="button" type="submit">${t('members.inviteButton')}</button>
          </form>
        </section>`
      : '';

    const pendingSection = manage ? pendingInvitations(ctx, pending) : '';

    const own = person.organisation?.id === organisation.id;
    const main = html`<h1>${title}</h1>
      ${done ? notice(t(`members.${done}`)) : ''}
      ${
        state.actionError
          ? html`<div class="error-summary" role="alert" tabindex="-1"><p>${state.actionError}</p></div>`
          : ''
      }
      <p>${t('members.intro', { kind: t(`kind.${organisation.kind}`) })}</p>
      ${
        person.permissions.has(Permission.OrgsManage)
          ? html`<p><a href="${base}">${t('members.editOrganisation')}</a></p>`
          : ''
      }
      ${dataTable({
        id: 'members-caption',
        caption: t('members.caption'),
        columns: [
          t('members.col.person'),
          t('members.col.role'),
          t('members.col.since'),
          t('members.col.lastSignIn'),
          manage && t('members.col.actions'),
        ],
        rows: members,
        cells: (m) => memberCells(ctx, m),
        empty: t('members.none'),
      })}
      ${invite} ${pendingSection}`;
    const hasErrors = failed.length > 0 || state.actionError !== undefined;
    return reply.adminPage(
      {
        title: hasErrors ? t('form.titleWithErrors', { title }) : title,
        path: `${base}/members`,
        main,
        navPath: own ? '/admin/members' : '/admin/organisations',
      },
      { status },
    );
  };

  return { visible, page };
}

export function registerMemberRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  const { visible, page } = memberPages(db);

  app.get('/admin/members', { config: { permission: Permission.OrgRead } }, async (request, reply) => {
    const person = personOf(request);
    if (!person.organisation) throw new AppError('LOTSA_NOT_FOUND');
    return reply.redirect(`/admin/organisations/${person.organisation.id}/members`, 303);
  });

  app.get(
    '/admin/organisations/:id/members',
    { schema: IdPageSchema, config: { permission: Permission.OrgRead } },
    async (request, reply) => {
      const { person, organisation } = await visible(request, request.params.id);
      const done = doneOf(request.query.done, DONE);
      return page(request, reply, person, organisation, { ...empty(), done });
    },
  );

  const manage = { permission: Permission.OrgMembersManage } as const;

  const invite = { params: PathParams('id'), body: FormBody(...INVITE_FIELDS) };
  app.post(
    '/admin/organisations/:id/members/invite',
    { schema: invite, config: manage },
    async (request, reply) => {
      const { person, organisation } = await visible(request, request.params.id);
      const { t, lang } = adminView(request, reply);
      const values = { email: (request.body.email ?? '').trim(), role: (request.body.role ?? '').trim() };
      const errors: InviteErrors = {};
      const email = normalizeEmail(values.email);
      if (!values.email) errors.email = t('error.emailRequired');
      else if (!isValidEmail(email)) errors.email = t('error.emailInvalid');
      const role =
        isRole(values.role) && ROLES_BY_KIND[organisation.kind].includes(values.role)
          ? values.role
          : undefined;
      if (!role) errors.role = t('error.roleInvalid');
      /** The members page again, with what was typed and the error by the e-mail field. */
      const refuse = (error: string, status: number) =>
        page(request, reply, person, organisation, { invite: { values, errors: { email: error } } }, status);
      if (Object.keys(errors).length > 0 || !role) {
        return page(request, reply, person, organisation, { invite: { values, errors } }, 422);
      }
      const alreadyMember = () =>
        refuse(t('error.alreadyMember', { email, organisation: organisation.name }), 422);
      // A member already gets no invitation, so the attempt counts against no limit.
      if (await isMemberAddress(db, request.region.id, organisation.id, email)) return alreadyMember();
      const limited = await countInvitation(deps, organisation.id, email);
      if (limited) {
        const wait = waitText(t, limited.retryAfter);
        const error =
          limited.limit === 'organisation'
            ? t('error.inviteOrganisationLimit', { organisation: organisation.name, max: limited.max, wait })
            : t('error.inviteAddressLimit', { max: limited.max, wait });
        reply.header('retry-after', String(limited.retryAfter));
        return refuse(error, 429);
      }
      const result = await createInvitation(
        { db, queue: deps.queue },
        {
          region: request.region,
          organisation,
          email,
          role,
          inviter: {
            actor: actorOf(person),
            name: person.account.displayName || person.account.email,
            language: lang,
          },
          origin: siteOrigin(request),
        },
      );
      if (!result.ok && result.reason === 'notManager') throw new AppError('LOTSA_FORBIDDEN');
      if (!result.ok) return alreadyMember();
      return reply.redirect(`/admin/organisations/${organisation.id}/members?done=invited`, 303);
    },
  );

  const changeRole = { params: MemberParams, body: FormBody('role') };
  app.post(
    '/admin/organisations/:id/members/:accountId/role',
    { schema: changeRole, config: manage },
    async (request, reply) => {
      const { person, organisation } = await visible(request, request.params.id);
      const accountId = uuidParam(request.params.accountId);
      const { t } = adminView(request, reply);
      const role = (request.body.role ?? '').trim();
      if (!isRole(role) || !ROLES_BY_KIND[organisation.kind].includes(role)) {
        return page(
          request,
          reply,
          person,
          organisation,
          { ...empty(), actionError: t('error.roleInvalid') },
          422,
        );
      }
      const result = await changeMemberRole(db, {
        regionId: request.region.id,
        actor: actorOf(person),
        organisation,
        accountId,
        role,
      });
      if (result === 'gone') throw new AppError('LOTSA_NOT_FOUND');
      if (result === 'notManager') throw new AppError('LOTSA_FORBIDDEN');
      if (result === 'lastAdmin') {
        const actionError = t('error.lastAdmin', { organisation: organisation.name });
        return page(request, reply, person, organisation, { ...empty(), actionError }, 422);
      }
      return reply.redirect(`/admin/organisations/${organisation.id}/members?done=roleChanged`, 303);
    },
  );

  registerMemberRemoval(app, deps);
}

/** Removing a member (a confirm page, then the POST) and revoking an invitation. */
function registerMemberRemoval(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  const { visible, page } = memberPages(db);
  const manage = { permission: Permission.OrgMembersManage } as const;

  // Removing someone asks first: the list links here, and only this page's button removes.
  app.get(
    '/admin/organisations/:id/members/:accountId/remove',
    { schema: { params: MemberParams }, config: manage },
    async (request, reply) => {
      const { organisation } = await visible(request, request.params.id);
      const accountId = uuidParam(request.params.accountId);
      const { t, csrf } = adminView(request, reply);
      const member = (await listMembers(db, request.region.id, organisation.id)).find(
        (m) => m.accountId === accountId,
      );
      if (!member) throw new AppError('LOTSA_NOT_FOUND');
      const base = `/admin/organisations/${organisation.id}`;
      const who = member.displayName || member.email;
      const title = t('members.removeTitle', { person: who, organisation: organisation.name });
      const main = html`<h1>${title}</h1>
      <p>${t('members.removeText', { person: who, email: member.email, role: t(`role.${member.role}`), organisation: organisation.name })}</p>
      <form method="post" action="${base}/members/${member.accountId}/remove" class="form">
        ${csrfField(csrf)}
        <button class="button" type="submit">${t('members.removeConfirm')}</button>
        <a href="${base}/members">${t('members.removeCancel')}</a>
      </form>`;
      return reply.adminPage({
        title,
        path: `${base}/members/${member.accountId}/remove`,
        main,
        navPath: '/admin/organisations',
      });
    },
  );

  app.post(
    '/admin/organisations/:id/members/:accountId/remove',
    { schema: { params: MemberParams }, config: manage },
    async (request, reply) => {
      const { person, organisation } = await visible(request, request.params.id);
      const accountId = uuidParam(request.params.accountId);
      const { t } = adminView(request, reply);
      const result = await removeMember(db, deps.sessions, {
        regionId: request.region.id,
        actor: actorOf(person),
        organisation,
        accountId,
      });
      if (result === 'gone') throw new AppError('LOTSA_NOT_FOUND');
      if (result === 'notManager') throw new AppError('LOTSA_FORBIDDEN');
      if (result === 'lastAdmin') {
        const actionError = t('error.lastAdmin', { organisation: organisation.name });
        return page(request, reply, person, organisation, { ...empty(), actionError }, 422);
      }
      // Someone who removed themselves no longer sees this organisation.
      const next =
        accountId === person.account.id
          ? '/admin'
          : `/admin/organisations/${organisation.id}/members?done=removed`;
      return reply.redirect(next, 303);
    },
  );

  app.post(
    '/admin/organisations/:id/invitations/:invitationId/revoke',
    { schema: { params: InvitationParams }, config: manage },
    async (request, reply) => {
      const { person, organisation } = await visible(request, request.params.id);
      const invitationId = uuidParam(request.params.invitationId);
      const { t } = adminView(request, reply);
      const revoked = await revokeInvitation(db, {
        regionId: request.region.id,
        actor: actorOf(person),
        organisationId: organisation.id,
        invitationId,
      });
      if (!revoked) {
        const known = await invitationExists(db, request.region.id, organisation.id, invitationId);
        if (!known) throw new AppError('LOTSA_NOT_FOUND');
        return page(
          request,
          reply,
          person,
          organisation,
          { ...empty(), actionError: t('error.invitationGone') },
          422,
        );
      }
      return reply.redirect(`/admin/organisations/${organisation.id}/members?done=revoked`, 303);
    },
  );
}
