/**
 * The leads part's HTML: the stand staff's fast form, the visitor's page on their own phone (and its
 * thank-you and closed pages), the leads lists with the consenting registrations, the organisation's
 * list across events, and the panel on the back-office event page. Every text from the catalogues.
 */
import type { AdminPage } from '../../../platform/html/admin-layout.ts';
import {
  csrfField,
  emailField,
  formErrorSummary,
  hiddenField,
  notice,
  radioGroup,
  selectField,
  textareaField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import type { Page } from '../../../platform/html/layout.ts';
import { qrCode } from '../../../platform/html/qr.ts';
import { dataTable, type PagingLink } from '../../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import { requiredMarker } from '../../../platform/html/forms.ts';
import { pictureHtml, type MediaImage } from '../../content/media/service.ts';
import { talentMessages } from '../../talent/messages.ts';
import { EDUCATION_LEVELS, EXPERIENCE_LEVELS } from '../../talent/model.ts';
import { eventTitle, type EventRow } from '../events.ts';
import { eventMessages } from '../messages.ts';
import { adminEventPath, eventPath, PATHS } from '../model.ts';
import type { LeadDraft, LeadErrors, LeadField } from './form.ts';
import { leadsMessages, type LeadsKey } from './messages.ts';
import type { LeadListRow, Stand } from './repository.ts';
import type { StaffWindow, VisitorWindow } from './service.ts';

export const LEADS_CSS = 'css/events-leads.css';

type Params = Record<string, string | number>;
const tr = (lang: Lang) => (key: LeadsKey, params?: Params) => leadsMessages.t(lang, key, params);

/** The paths of the part. */
export const leadPaths = {
  list: (eventId: string) => `${adminEventPath(eventId)}/leads`,
  csv: (eventId: string) => `${adminEventPath(eventId)}/leads.csv`,
  registrationsCsv: (eventId: string) => `${adminEventPath(eventId)}/leads/registrations.csv`,
  new: (eventId: string) => `${adminEventPath(eventId)}/leads/new`,
  delete: (eventId: string, leadId: string) => `${adminEventPath(eventId)}/leads/${leadId}/delete`,
  all: `${PATHS.admin}/leads`,
  allCsv: `${PATHS.admin}/leads.csv`,
  /** The visitors' page, after the language prefix. */
  visitor: (slug: string, code: string) => `${eventPath(slug)}/stand/${code}`,
  thanks: (slug: string, code: string) => `${eventPath(slug)}/stand/${code}/thanks`,
};

/** The stand's name as the lists and the form's choice show it. */
export function standLabel(
  lang: Lang,
  stand: Pick<Stand, 'organisationId' | 'organisation' | 'stand'>,
): string {
  const t = tr(lang);
  if (stand.organisationId === null) return t('field.stand.own', { organisation: stand.organisation });
  return stand.stand
    ? t('field.stand.exhibitor', { organisation: stand.organisation, stand: stand.stand })
    : t('field.stand.exhibitorNoStand', { organisation: stand.organisation });
}

const FIELD_IDS: Record<LeadField, string> = {
  stand: 'stand',
  name: 'name',
  email: 'email',
  phone: 'phone',
  occupation: 'occupation',
  note: 'note',
  language: 'language-sv',
  consent_lead: 'consent_lead',
  experience: 'experience',
  education: 'education',
};

/** Parameters of an error text by its field (the minutes to wait). */
type ErrorParams = Partial<Record<LeadField, Params>>;

function summary(lang: Lang, errors: LeadErrors, params: ErrorParams = {}): SafeHtml {
  const t = tr(lang);
  const failed = (Object.keys(FIELD_IDS) as LeadField[]).flatMap((f) => {
    const key = errors[f];
    return key ? [{ id: FIELD_IDS[f], text: t(key, params[f]) }] : [];
  });
  return formErrorSummary(lang, failed);
}

/** A lone checkbox with its label after it, its hint and error by it. */
function checkbox(
  lang: Lang,
  spec: {
    name: string;
    label: string | SafeHtml;
    checked: boolean;
    error?: string;
    required?: boolean;
  },
): SafeHtml {
  const errorId = spec.error ? `${spec.name}-error` : undefined;
  return html`<div class="choice lead-consent${spec.error ? ' field--error' : ''}">
    ${spec.error ? html`<p class="field__error" id="${errorId}">${spec.error}</p>` : ''}
    <input type="checkbox" id="${spec.name}" name="${spec.name}" value="1"${spec.checked ? html` checked` : ''}${
      spec.required ? html` required` : ''
    }${spec.error ? html` aria-invalid="true" aria-describedby="${errorId}"` : ''} />
    <label for="${spec.name}">${spec.label}${requiredMarker(lang, spec.required)}</label>
  </div>`;
}

/** The lead's fields (the staff's form also asks the language and takes a note). */
function leadFields(
  lang: Lang,
  d: LeadDraft,
  errors: LeadErrors,
  visitor: boolean,
  params: ErrorParams = {},
): SafeHtml {
  const t = tr(lang);
  const e = (f: LeadField) => (errors[f] ? t(errors[f], params[f]) : undefined);
  const consentLang: Lang = visitor ? lang : d.language === 'en' ? 'en' : lang;
  // The consent texts in the language the visitor is spoken to in (marked when not the page's).
  const c = (key: 'consent.lead.text' | 'consent.talentPool.text' | 'consent.navigator.text') => {
    const text = eventMessages.t(consentLang, key);
    return consentLang === lang ? html`${text}` : html`<span lang="${consentLang}">${text}</span>`;
  };
  return html`
    ${textField(lang, { name: 'name', label: t('field.name'), value: d.name, error: e('name'), required: true, maxlength: 120, autocomplete: visitor ? 'name' : 'off' })}
    ${emailField(lang, { name: 'email', label: t('field.email'), value: d.email, error: e('email'), required: true, maxlength: 254, autocomplete: visitor ? 'email' : 'off' })}
    ${textField(lang, { name: 'phone', type: 'tel', label: t('field.phone'), value: d.phone, error: e('phone'), required: false, maxlength: 40, autocomplete: visitor ? 'tel' : 'off', inputmode: 'tel' })}
    ${textField(lang, { name: 'occupation', label: t(visitor ? 'field.occupation.visitor' : 'field.occupation'), value: d.occupation, error: e('occupation'), required: false, maxlength: 200, autocomplete: visitor ? 'organization-title' : 'off' })}
    ${
      visitor
        ? hiddenField('language', lang)
        : html`${textareaField(lang, { name: 'note', label: t('field.note'), hint: t('field.note.hint'), value: d.note, error: e('note'), required: false, rows: 2, maxlength: 1000 })}
          ${radioGroup(lang, {
            name: 'language',
            legend: t('field.language'),
            value: d.language,
            error: e('language'),
            required: true,
            className: 'field lead-inline',
            options: [
              { value: 'sv', label: t('lang.sv') },
              { value: 'en', label: t('lang.en') },
            ],
          })}`
    }
    <fieldset class="field lead-consents">
      <legend class="field__label">${t(visitor ? 'field.consents.visitor' : 'field.consents')}</legend>
      ${checkbox(lang, {
        name: 'consent_lead',
        label: html`${t(visitor ? 'field.consent.lead.visitor' : 'field.consent.lead')} ${c('consent.lead.text')}`,
        checked: d.consentLead,
        error: e('consent_lead'),
        required: true,
      })}
      ${checkbox(lang, { name: 'consent_talent', label: c('consent.talentPool.text'), checked: d.consentTalent })}
      ${checkbox(lang, { name: 'consent_navigator', label: c('consent.navigator.text'), checked: d.consentNavigator })}
    </fieldset>
    <fieldset class="field lead-talent">
      <legend class="field__label">${t('field.talent')}</legend>
      <p class="field__hint">${t(visitor ? 'field.talent.hint' : 'field.talent.hint.staff')}</p>
      ${selectField(lang, {
        name: 'experience',
        label: t('field.experience'),
        value: d.experience,
        error: e('experience'),
        options: [
          { value: '', label: t('field.choose') },
          ...EXPERIENCE_LEVELS.map((v) => ({ value: v, label: talentMessages.t(lang, `experience.${v}`) })),
        ],
      })}
      ${selectField(lang, {
        name: 'education',
        label: t('field.education'),
        value: d.education,
        error: e('education'),
        options: [
          { value: '', label: t('field.choose') },
          ...EDUCATION_LEVELS.map((v) => ({ value: v, label: talentMessages.t(lang, `education.${v}`) })),
        ],
      })}
    </fieldset>`;
}

// ---- The stand staff's form ----

export interface StandFormModel {
  lang: Lang;
  event: EventRow;
  csrf: string;
  /** The stands the person may choose (one: no choice shown). */
  stands: readonly Stand[];
  draft: LeadDraft;
  errors: LeadErrors;
  /**
   * The lead just saved: its name and id (the undo link), what was started for it now, and whether
   * it was the same person's lead from earlier today, updated.
   */
  saved?: { id: string; name: string; email: string; talent: boolean; navigator: boolean; updated: boolean };
  deleted?: boolean;
  /** The mails to this address are at their limit: minutes to wait (the error by the e-mail field). */
  tooMany?: number;
  /** The form does not take details now (outside the event's window, or cancelled). */
  closed?: { window: Exclude<StaffWindow, 'open'>; opens: Date; closes: Date };
}

function closedText(lang: Lang, closed: NonNullable<StandFormModel['closed']>): string {
  const t = tr(lang);
  switch (closed.window) {
    case 'not_yet':
      return t('new.closed.notYet', { date: formatDate(lang, closed.opens) });
    case 'unpublished':
      return t('new.closed.unpublished');
    case 'over':
      return t('new.closed.over', { date: formatDate(lang, closed.closes) });
    case 'cancelled':
      return t('new.closed.cancelled');
  }
}

export function standFormPage(m: StandFormModel): AdminPage {
  const { lang, event } = m;
  const t = tr(lang);
  const title = eventTitle(event, lang);
  const path = leadPaths.new(event.id);
  const hasErrors = Object.keys(m.errors).length > 0;
  const params: ErrorParams = m.tooMany ? { email: { minutes: m.tooMany } } : {};
  const saved = m.saved
    ? html`<div class="notice lead-saved" role="status">
        <p><strong>${t(m.saved.updated ? 'new.updated' : 'new.saved', { name: m.saved.name })}</strong></p>
        ${m.saved.updated ? html`<p>${t('new.updatedNoRepeat')}</p>` : ''}
        ${m.saved.talent ? html`<p>${t('new.savedTalent', { email: m.saved.email })}</p>` : ''}
        ${m.saved.navigator ? html`<p>${t('new.savedNavigator')}</p>` : ''}
        <form method="post" action="${leadPaths.delete(event.id, m.saved.id)}" class="inline-form">
          ${csrfField(m.csrf)} ${hiddenField('return', 'new')} ${hiddenField('stand', m.draft.stand)}
          <button type="submit" class="button button--secondary button--small">${t('new.undo', { name: m.saved.name })}</button>
        </form>
      </div>`
    : m.deleted
      ? notice(t('new.deleted'))
      : '';
  const standChoice =
    m.stands.length > 1
      ? selectField(lang, {
          name: 'stand',
          label: t('field.stand'),
          hint: t('field.stand.hint'),
          value: m.draft.stand,
          error: m.errors.stand ? t(m.errors.stand) : undefined,
          required: true,
          options: m.stands.map((s) => ({ value: s.key, label: standLabel(lang, s) })),
        })
      : m.stands[0]
        ? html`${hiddenField('stand', m.stands[0].key)}<p class="lead-stand">${standLabel(lang, m.stands[0])}</p>`
        : '';
  const main = html`<div class="lead-admin">
    <p class="lead-back"><a href="${adminEventPath(event.id)}">${title}</a></p>
    <h1>${t('new.title')}</h1>
    <p>${t('new.lead', { event: title })}</p>
    ${saved} ${summary(lang, m.errors, params)}
    ${
      m.closed
        ? html`<div class="notice notice--warning lead-closed" role="status"><p>${closedText(lang, m.closed)}</p></div>`
        : m.stands.length === 0
          ? html`<p>${t('new.noStands')}</p>`
          : html`<form class="form lead-form" method="post" action="${path}" novalidate>
            ${csrfField(m.csrf)} ${standChoice} ${leadFields(lang, m.draft, m.errors, false, params)}
            <p><button type="submit" class="button">${t('new.save')}</button></p>
          </form>`
    }
    <p><a href="${leadPaths.list(event.id)}">${t('new.toList')}</a></p>
  </div>`;
  return {
    title: hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ${t('new.title')}` : t('new.title'),
    path,
    navPath: PATHS.admin,
    main,
    stylesheets: [LEADS_CSS],
  };
}

// ---- The visitor's page ----

export interface VisitorModel {
  lang: Lang;
  event: EventRow;
  stand: Stand;
  image: MediaImage | undefined;
  csrf: string;
  draft: LeadDraft;
  errors: LeadErrors;
  tooMany?: number;
}

function hero(
  lang: Lang,
  event: EventRow,
  stand: Stand,
  image: MediaImage | undefined,
  heading: SafeHtml,
): SafeHtml {
  const t = tr(lang);
  return html`<header class="lead-hero">
    ${image ? pictureHtml(image, lang, { sizes: '(min-width: 48rem) 46rem, 100vw', loading: 'eager', priority: true, credit: true, cls: 'lead-hero__image' }) : ''}
    <div class="lead-hero__text">
      <p class="lead-hero__event">${eventTitle(event, lang)}${stand.stand ? html` · ${t('visitor.where', { stand: stand.stand })}` : ''}</p>
      ${heading}
    </div>
  </header>`;
}

export function visitorPage(m: VisitorModel): Page {
  const { lang, event, stand } = m;
  const t = tr(lang);
  const path = leadPaths.visitor(event.slug, stand.code ?? '');
  const title = t('visitor.title', { employer: stand.organisation });
  const hasErrors = Object.keys(m.errors).length > 0;
  const main = html`<div class="wrap lead-page">
    ${hero(lang, event, stand, m.image, html`<h1>${title}</h1>`)}
    <div class="lead-card">
      <p class="lead-card__lead">${t('visitor.lead', { event: eventTitle(event, lang), employer: stand.organisation })}</p>
      ${m.tooMany ? html`<div class="notice notice--warning" role="alert"><p>${t('visitor.tooMany', { minutes: m.tooMany })}</p></div>` : ''}
      ${summary(lang, m.errors)}
      <form class="form lead-form" method="post" action="/${lang}${path}" novalidate>
        ${csrfField(m.csrf)} ${leadFields(lang, m.draft, m.errors, true)}
        <p><button type="submit" class="button lead-send">${t('visitor.send')}</button></p>
      </form>
    </div>
  </div>`;
  return {
    title: hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ${title}` : title,
    description: t('visitor.lead', { event: eventTitle(event, lang), employer: stand.organisation }),
    path,
    noindex: true,
    stylesheets: [LEADS_CSS],
    main,
  };
}

export function visitorClosedPage(
  lang: Lang,
  event: EventRow,
  stand: Stand,
  image: MediaImage | undefined,
  window: Exclude<VisitorWindow, 'open'>,
): Page {
  const t = tr(lang);
  const name = eventTitle(event, lang);
  const heading = t(window === 'not_yet' ? 'visitor.notYet.title' : 'visitor.over.title');
  const text =
    window === 'not_yet'
      ? t('visitor.notYet.text', {
          event: name,
          date: formatDate(lang, new Date(event.starts_at.getTime() - 86_400_000)),
        })
      : window === 'cancelled'
        ? t('visitor.cancelled.text', { event: name })
        : t('visitor.over.text', { event: name });
  const main = html`<div class="wrap lead-page">
    ${hero(lang, event, stand, image, html`<h1>${heading}</h1>`)}
    <div class="lead-card">
      <p class="lead-card__lead">${text}</p>
      <p><a class="button" href="/${lang}/talent-pool">${t('visitor.toTalent')}</a></p>
      <p><a href="/${lang}${eventPath(event.slug)}">${t('visitor.thanks.event')}</a></p>
    </div>
  </div>`;
  return {
    title: heading,
    description: text,
    path: leadPaths.visitor(event.slug, stand.code ?? ''),
    noindex: true,
    stylesheets: [LEADS_CSS],
    main,
  };
}

export function visitorThanksPage(
  lang: Lang,
  event: EventRow,
  stand: Stand,
  image: MediaImage | undefined,
  done: { talent: boolean; navigator: boolean; updated?: boolean; region: string },
): Page {
  const t = tr(lang);
  const heading = t('visitor.thanks.title');
  const main = html`<div class="wrap lead-page">
    ${hero(lang, event, stand, image, html`<h1>${heading}</h1>`)}
    <div class="lead-card" role="status">
      <p class="lead-card__lead">${t('visitor.thanks.lead', { employer: stand.organisation })}</p>
      ${done.updated ? html`<p>${t('visitor.thanks.updated')}</p>` : ''}
      ${done.talent ? html`<p>${t('visitor.thanks.talent')}</p>` : ''}
      ${done.navigator ? html`<p>${t('visitor.thanks.navigator')}</p>` : ''}
      <ul class="lead-next">
        <li><a href="/${lang}/move">${t('visitor.thanks.more', { region: done.region })}</a></li>
        <li><a href="/${lang}${eventPath(event.slug)}">${t('visitor.thanks.event')}</a></li>
      </ul>
    </div>
  </div>`;
  return {
    title: heading,
    description: heading,
    path: leadPaths.visitor(event.slug, stand.code ?? ''),
    noindex: true,
    stylesheets: [LEADS_CSS],
    main,
  };
}

// ---- The lists ----

function wants(lang: Lang, r: LeadListRow): string {
  const t = tr(lang);
  const out = [
    ...(r.wantsTalentPool ? [t('list.wants.talent')] : []),
    ...(r.wantsNavigator ? [t('list.wants.navigator')] : []),
  ];
  return out.length ? out.join(', ') : t('list.wants.nothing');
}

const when = (lang: Lang, date: Date) =>
  new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);

function leadsTable(
  lang: Lang,
  m: {
    rows: readonly LeadListRow[];
    total: number;
    csrf: string;
    eventColumn: boolean;
    deletable: (r: LeadListRow) => boolean;
    paging: PagingLink[];
  },
): SafeHtml {
  const t = tr(lang);
  return dataTable({
    id: 'leads-caption',
    caption: t('list.caption', { count: formatNumber(lang, m.total) }),
    columns: [
      t('list.col.name'),
      t('list.col.email'),
      t('list.col.phone'),
      t('list.col.occupation'),
      m.eventColumn ? t('list.col.event') : null,
      t('list.col.stand'),
      t('list.col.wants'),
      t('list.col.time'),
      t('list.col.action'),
    ],
    rows: m.rows,
    cells: (r) => [
      r.name,
      html`<a href="mailto:${r.email}">${r.email}</a>`,
      r.phone,
      r.occupation,
      m.eventColumn
        ? html`<a href="${leadPaths.list(r.eventId)}">${lang === 'en' ? r.eventTitleEn || r.eventTitleSv : r.eventTitleSv || r.eventTitleEn}</a>`
        : null,
      standLabel(lang, { organisationId: r.organisationId, organisation: r.employer, stand: r.stand }),
      wants(lang, r),
      when(lang, r.createdAt),
      m.deletable(r)
        ? html`<form method="post" action="${leadPaths.delete(r.eventId, r.id)}" class="inline-form">
            ${csrfField(m.csrf)} ${hiddenField('return', m.eventColumn ? 'all' : 'list')}
            <button type="submit" class="button button--secondary button--small" aria-label="${t('list.deleteLabel', { name: r.name })}">${t('list.delete')}</button>
          </form>`
        : '',
    ],
    empty: t('list.empty'),
    paging: { label: t('list.paging'), links: m.paging },
  });
}

export interface ListModel {
  lang: Lang;
  event: EventRow;
  relation: 'manage' | 'exhibitor';
  csrf: string;
  stands: readonly Stand[];
  /** The stand filter ('' for all). */
  stand: string;
  rows: readonly LeadListRow[];
  total: number;
  paging: PagingLink[];
  registrations: readonly { name: string; email: string }[];
  done?: 'deleted' | 'gone';
}

export function listPage(m: ListModel): AdminPage {
  const { lang, event } = m;
  const t = tr(lang);
  const title = t('list.title', { event: eventTitle(event, lang) });
  const query = m.stand ? `?stand=${encodeURIComponent(m.stand)}` : '';
  const filter =
    m.relation === 'manage' && m.stands.length > 1
      ? html`<form method="get" action="${leadPaths.list(event.id)}" class="lead-filter">
          ${selectField(lang, {
            name: 'stand',
            label: t('list.filter'),
            value: m.stand,
            options: [
              { value: '', label: t('list.filter.all') },
              ...m.stands.map((s) => ({ value: s.key, label: standLabel(lang, s) })),
            ],
          })}
          <button type="submit" class="button button--secondary">${t('list.filter.button')}</button>
        </form>`
      : '';
  const main = html`<div class="lead-admin">
    <p class="lead-back"><a href="${adminEventPath(event.id)}">${eventTitle(event, lang)}</a></p>
    <h1>${title}</h1>
    <p>${t(m.relation === 'manage' ? 'list.lead.manage' : 'list.lead.exhibitor')}</p>
    ${m.done ? notice(t(m.done === 'deleted' ? 'list.deleted' : 'list.gone')) : ''}
    <p class="lead-actions">
      <a class="button" href="${leadPaths.new(event.id)}${query}">${t('list.new')}</a>
      <a class="button button--secondary" href="${leadPaths.csv(event.id)}${query}" download>${t('list.csv')}</a>
    </p>
    ${filter}
    ${leadsTable(lang, { rows: m.rows, total: m.total, csrf: m.csrf, eventColumn: false, deletable: () => true, paging: m.paging })}
    <section aria-labelledby="shared-title" class="lead-shared">
      <h2 id="shared-title">${t('list.registrations.title')}</h2>
      ${dataTable({
        id: 'shared-caption',
        caption: t('list.registrations.caption', { count: formatNumber(lang, m.registrations.length) }),
        columns: [t('list.col.name'), t('list.col.email')],
        rows: m.registrations,
        cells: (r) => [r.name, html`<a href="mailto:${r.email}">${r.email}</a>`],
        empty: t('list.registrations.empty'),
      })}
      ${m.registrations.length ? html`<p><a class="button button--secondary" href="${leadPaths.registrationsCsv(event.id)}" download>${t('list.registrations.csv')}</a></p>` : ''}
    </section>
  </div>`;
  return { title, path: leadPaths.list(event.id), navPath: PATHS.admin, main, stylesheets: [LEADS_CSS] };
}

export interface AllModel {
  lang: Lang;
  csrf: string;
  rows: readonly LeadListRow[];
  total: number;
  paging: PagingLink[];
  /** Whether the person may delete a row (they manage its event or it is their own stand's). */
  deletable: (r: LeadListRow) => boolean;
  done?: 'deleted' | 'gone';
}

export function allPage(m: AllModel): AdminPage {
  const { lang } = m;
  const t = tr(lang);
  const main = html`<div class="lead-admin">
    <h1>${t('all.title')}</h1>
    <p>${t('all.lead')}</p>
    ${m.done ? notice(t(m.done === 'deleted' ? 'list.deleted' : 'list.gone')) : ''}
    <p class="lead-actions"><a class="button button--secondary" href="${leadPaths.allCsv}" download>${t('list.csv')}</a></p>
    ${leadsTable(lang, { rows: m.rows, total: m.total, csrf: m.csrf, eventColumn: true, deletable: m.deletable, paging: m.paging })}
  </div>`;
  return { title: t('all.title'), path: leadPaths.all, main, stylesheets: [LEADS_CSS] };
}

// ---- The panel on the event page ----

function qrImage(url: string, label: string): SafeHtml {
  const qr = qrCode(url);
  const side = qr.size;
  return html`<svg role="img" aria-label="${label}" class="lead-qr" width="144" height="144" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h${side}v${side}H0z"/><path stroke="#000000" d="${qr.path}"/></svg>`;
}

export function panelHtml(
  lang: Lang,
  m: { event: EventRow; stands: readonly Stand[]; counts: Map<string | null, number>; origin: string },
): SafeHtml {
  const t = tr(lang);
  const { event } = m;
  const table = dataTable({
    id: 'leads-panel-caption',
    caption: t('panel.caption'),
    columns: [t('panel.col.stand'), t('panel.col.count'), t('panel.col.link')],
    rows: m.stands,
    cells: (s) => {
      const url = s.code ? `${m.origin}/${lang}${leadPaths.visitor(event.slug, s.code)}` : '';
      return [
        html`<a href="${leadPaths.list(event.id)}?stand=${encodeURIComponent(s.key)}">${standLabel(lang, s)}</a>`,
        formatNumber(lang, m.counts.get(s.organisationId) ?? 0),
        url
          ? html`<div class="lead-link">${qrImage(url, t('panel.qr', { stand: standLabel(lang, s) }))}<a href="${url}">${url}</a></div>`
          : t('panel.noLink'),
      ];
    },
    empty: t('panel.empty'),
  });
  return html`${table}
    <p class="lead-actions">
      <a class="button" href="${leadPaths.new(event.id)}">${t('panel.open')}</a>
      <a class="button button--secondary" href="${leadPaths.list(event.id)}">${t('panel.list')}</a>
    </p>`;
}
