/**
 * Organisations of the region, for admins: the list (filtered by kind, with member counts), adding
 * an employer, course provider or partner, and editing a name or organisationsnummer. Numbers are
 * validated (format, not a personnummer, check digit) and unique in the region.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../../platform/module.ts';
import { actorOf } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { ORGANISATION_KINDS, Permission, type OrganisationKind } from '../../../platform/permissions.ts';
import { formatOrgNumber, parseOrgNumber } from '../organisations/orgnr.ts';
import {
  CREATABLE_KINDS,
  createOrganisation,
  getOrganisation,
  isCreatableKind,
  listOrganisations,
  orgNumberRequired,
  updateOrganisation,
  type Organisation,
} from '../organisations/service.ts';
import { FormBody, type App } from '../../../platform/http/schema.ts';
import {
  adminView,
  doneOf,
  IdPageSchema,
  IdParams,
  PageSchema,
  personOf,
  type AdminView,
  queryText,
  uuidParam,
} from './common.ts';
import {
  csrfField,
  formErrorSummary,
  formValues,
  notice,
  selectField,
  textField,
} from '../../../platform/html/forms.ts';
import type { AdminMessageKey } from './messages.ts';

const FIELDS = ['name', 'kind', 'org_number'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
type Errors = Partial<Record<Field, string>>;
const OrgForm = FormBody(...FIELDS);
const DONE = ['created', 'saved'] as const;

/** Checks the form; returns the errors (as texts) and the stored form of the number. */
function validate(
  view: AdminView,
  values: Values,
  kind: OrganisationKind | undefined,
): { errors: Errors; orgNumber: string | null } {
  const { t } = view;
  const errors: Errors = {};
  if (!values.name) errors.name = t('error.nameRequired');
  else if (values.name.length > 200) errors.name = t('error.nameTooLong');
  if (!kind) errors.kind = t('error.kindInvalid');
  let orgNumber: string | null = null;
  if (values.org_number) {
    const parsed = parseOrgNumber(values.org_number);
    if (parsed.ok) orgNumber = parsed.value;
    else errors.org_number = t(`orgnr.error.${parsed.error}`);
  } else if (kind && orgNumberRequired(kind)) {
    errors.org_number = t('error.orgNumberRequired');
  }
  return { errors, orgNumber };
}

function orgForm(
  view: AdminView,
  options: { action: string; values: Values; errors: Errors; organisation?: Organisation },
): SafeHtml {
  const { lang, t, csrf } = view;
  const { values, errors, organisation } = options;
  const kind = (organisation?.kind ?? values.kind) as OrganisationKind;
  const failed = FIELDS.filter((f) => errors[f]).map((f) => ({ id: f, text: errors[f] as string }));
  return html`<form class="form" method="post" action="${options.action}" novalidate>
    ${formErrorSummary(lang, failed)}
    ${csrfField(csrf)}
    ${textField(lang, {
      name: 'name',
      label: t('field.name'),
      hint: t('field.name.hint'),
      error: errors.name,
      required: true,
      value: values.name,
      autocomplete: 'organization',
      maxlength: 200,
    })}
    ${
      organisation
        ? html`<p><strong>${t('orgs.kindFixed')}:</strong> ${t(`kind.${organisation.kind}`)}${
            organisation.municipalityCode
              ? html` · ${t('orgs.municipalityCode')} ${organisation.municipalityCode}`
              : ''
          }</p>`
        : selectField(lang, {
            name: 'kind',
            label: t('field.kind'),
            error: errors.kind,
            required: true,
            value: values.kind,
            placeholder: t('form.choose'),
            options: CREATABLE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          })
    }
    ${textField(lang, {
      name: 'org_number',
      label: t('field.orgNumber'),
      hint: kind && !orgNumberRequired(kind) ? t('field.orgNumber.hintPartner') : t('field.orgNumber.hint'),
      error: errors.org_number,
      required: kind ? orgNumberRequired(kind) : undefined,
      value: values.org_number,
      inputmode: 'numeric',
      maxlength: 20,
    })}
    <button class="button" type="submit">${organisation ? t('form.save') : t('orgs.createButton')}</button>
  </form>`;
}

export function registerOrganisationRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  const config = { permission: Permission.OrgsManage } as const;

  app.get('/admin/organisations', { schema: PageSchema, config }, async (request, reply) => {
    personOf(request);
    const view = adminView(request, reply);
    const { lang, t } = view;
    const asked = queryText(request.query.kind);
    const kind = ORGANISATION_KINDS.find((k) => k === asked);
    const organisations = await listOrganisations(db, request.region.id, { kind });
    const count = (n: number, one: AdminMessageKey, many: AdminMessageKey) =>
      n === 1 ? t(one) : t(many, { count: formatNumber(lang, n) });
    const main = html`<h1>${t('orgs.title')}</h1>
      <p>${t('orgs.intro')}</p>
      <p><a class="button" href="/admin/organisations/new">${t('orgs.new')}</a></p>
      <form class="admin-filter" method="get" action="/admin/organisations">
        ${selectField(lang, {
          name: 'kind',
          id: 'filter-kind',
          label: t('orgs.filterKind'),
          value: kind ?? '',
          placeholder: t('orgs.filterAll'),
          options: ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
        })}
        <button class="button button--secondary" type="submit">${t('orgs.filterButton')}</button>
      </form>
      <p role="status">${count(organisations.length, 'orgs.countOne', 'orgs.count')}</p>
      ${dataTable({
        id: 'orgs-caption',
        caption: t('orgs.caption'),
        columns: [t('orgs.col.name'), t('orgs.col.kind'), t('orgs.col.number'), t('orgs.col.members')],
        rows: organisations,
        cells: (o) => [
          html`<a href="/admin/organisations/${o.id}">${o.name}</a>`,
          t(`kind.${o.kind}`),
          o.orgNumber ? formatOrgNumber(o.orgNumber) : t('table.none'),
          html`<a
            href="/admin/organisations/${o.id}/members"
            aria-label="${t('orgs.membersLinkLabel', { name: o.name })}: ${count(o.memberCount, 'orgs.membersLinkOne', 'orgs.membersLink')}"
            >${count(o.memberCount, 'orgs.membersLinkOne', 'orgs.membersLink')}</a
          >`,
        ],
        empty: t('orgs.empty'),
      })}`;
    return reply.adminPage({
      title: t('orgs.title'),
      path: '/admin/organisations',
      main,
    });
  });
  registerOrganisationForms(app, deps);
}

/** Adding an organisation and changing one (forms). */
function registerOrganisationForms(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  const config = { permission: Permission.OrgsManage } as const;

  const newPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: Errors,
    status = 200,
  ) => {
    const view = adminView(request, reply);
    const title = view.t('orgs.newTitle');
    const main = html`<p><a href="/admin/organisations">${view.t('orgs.back')}</a></p>
      <h1>${title}</h1>
      ${orgForm(view, { action: '/admin/organisations/new', values, errors })}`;
    const hasErrors = Object.keys(errors).length > 0;
    return reply.adminPage(
      {
        title: hasErrors ? view.t('form.titleWithErrors', { title }) : title,
        path: '/admin/organisations/new',
        main,
      },
      { status },
    );
  };

  app.get('/admin/organisations/new', { schema: PageSchema, config }, async (request, reply) => {
    personOf(request);
    const kind = queryText(request.query.kind);
    return newPage(request, reply, { name: '', kind: isCreatableKind(kind) ? kind : '', org_number: '' }, {});
  });

  app.post('/admin/organisations/new', { schema: { body: OrgForm }, config }, async (request, reply) => {
    const person = personOf(request);
    const view = adminView(request, reply);
    const values = formValues(request.body, FIELDS);
    const kind = isCreatableKind(values.kind) ? values.kind : undefined;
    const { errors, orgNumber } = validate(view, values, kind);
    if (Object.keys(errors).length > 0 || !kind) return newPage(request, reply, values, errors, 422);
    const result = await createOrganisation(db, {
      regionId: request.region.id,
      actor: actorOf(person),
      kind,
      name: values.name,
      orgNumber,
    });
    if (!result.ok) {
      return newPage(
        request,
        reply,
        values,
        { org_number: view.t('error.orgNumberTaken', { name: result.taken.name }) },
        422,
      );
    }
    return reply.redirect(`/admin/organisations/${result.id}?done=created`, 303);
  });

  const editPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    organisation: Organisation,
    values: Values,
    errors: Errors,
    status = 200,
    done?: (typeof DONE)[number],
  ) => {
    const view = adminView(request, reply);
    const { t } = view;
    const title = t('orgs.editTitle', { name: organisation.name });
    const path = `/admin/organisations/${organisation.id}`;
    const main = html`<p><a href="/admin/organisations">${t('orgs.back')}</a></p>
      <h1>${title}</h1>
      ${status === 200 && done ? notice(t(done === 'created' ? 'orgs.created' : 'orgs.saved')) : ''}
      ${orgForm(view, { action: path, values, errors, organisation })}
      <p><a href="${path}/members">${t('orgs.toMembers')}</a></p>`;
    const hasErrors = Object.keys(errors).length > 0;
    return reply.adminPage(
      {
        title: hasErrors ? t('form.titleWithErrors', { title }) : title,
        path,
        main,
        navPath: '/admin/organisations',
      },
      { status },
    );
  };

  const load = async (request: FastifyRequest, id: string) => {
    const organisation = await getOrganisation(db, request.region.id, uuidParam(id));
    if (!organisation) throw new AppError('LOTSA_NOT_FOUND');
    return organisation;
  };

  app.get('/admin/organisations/:id', { schema: IdPageSchema, config }, async (request, reply) => {
    personOf(request);
    const organisation = await load(request, request.params.id);
    return editPage(
      request,
      reply,
      organisation,
      {
        name: organisation.name,
        kind: organisation.kind,
        org_number: formatOrgNumber(organisation.orgNumber),
      },
      {},
      200,
      doneOf(request.query.done, DONE),
    );
  });

  const edit = { params: IdParams, body: OrgForm };
  app.post('/admin/organisations/:id', { schema: edit, config }, async (request, reply) => {
    const person = personOf(request);
    const organisation = await load(request, request.params.id);
    const view = adminView(request, reply);
    const values = { ...formValues(request.body, FIELDS), kind: organisation.kind };
    const { errors, orgNumber } = validate(view, values, organisation.kind);
    // Numbers of municipalities and the region are optional; an employer's stays required.
    if (Object.keys(errors).length > 0) return editPage(request, reply, organisation, values, errors, 422);
    const result = await updateOrganisation(db, {
      regionId: request.region.id,
      actor: actorOf(person),
      id: organisation.id,
      name: values.name,
      orgNumber,
    });
    if (!result.ok) {
      return editPage(
        request,
        reply,
        organisation,
        values,
        { org_number: view.t('error.orgNumberTaken', { name: result.taken.name }) },
        422,
      );
    }
    return reply.redirect(`/admin/organisations/${organisation.id}?done=saved`, 303);
  });
}
