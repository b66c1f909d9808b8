/**
 * The organisers' pages: the list (tabs, a table, paging; the stands an employer has), the event
 * form (every field, sv and en side by side), the event's page (status, facts, actions, the
 * organisations, programme and questions, then every part's panels), "delete the draft?", a stand's
 * printable QR, the follow-up mail with its preview, and the statistics (attendance and no-shows
 * once the event is over). Times are Stockholm's; every form re-shows what was typed with the error
 * by its field.
 */
import {
  checkboxGroup,
  csrfField,
  dateField,
  formErrorSummary,
  hiddenField,
  notice,
  radioGroup,
  selectField,
  textareaField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type HtmlValue, type SafeHtml } from '../../../platform/html/html.ts';
import { languagePair } from '../../../platform/html/language-pair.ts';
import { qrCode } from '../../../platform/html/qr.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import { stockholmTime } from '../../../platform/i18n/stockholm.ts';
import type { Region } from '../../../platform/region.ts';
import { mediaPicker, pictureHtml, type MediaImage } from '../../content/media/service.ts';
import { publicMessages as contentMessages } from '../../content/public/messages.ts';
import { columnChart } from '../../relocation/dashboard/charts.ts';
import { eventTitle, seatsLeft, type EventAccess, type EventOrganisation, type EventRow } from '../events.ts';
import { eventMessages } from '../messages.ts';
import {
  EVENT_KINDS,
  EVENT_LANGUAGES,
  EVENTS_ADMIN_CSS,
  LOCATION_KINDS,
  PATHS,
  PERSONAS,
  PROGRAMME_KINDS,
  QUESTION_KINDS,
  REGISTRATION_MODES,
  adminEventPath,
  eventPath,
} from '../model.ts';
import type { EventRelation } from '../events.ts';
import type { PanelView } from '../part.ts';
import { fieldsDiff, type FieldChange } from '../../../platform/html/diff.ts';
import { eventFormOf, type EventFormErrors, type EventFormValues, type PendingChanges } from './form.ts';
import { eventEnded } from './ended.ts';
import { adminMessages, type AdminMessageKey } from './messages.ts';
import {
  PAGE_SIZE,
  TABS,
  type EventFigures,
  type ListRow,
  type ProgrammeRow,
  type QuestionRow,
  type Tab,
} from './repository.ts';
import type { Audience, Errors } from './service.ts';

type Params = Record<string, string>;

/** A target group's name: content's words, the ones the public calendar filters by. */
export function personaName(lang: Lang, persona: string): string {
  return contentMessages.t(lang, `group.${persona}` as Parameters<typeof contentMessages.t>[1]);
}
const tr = (lang: Lang) => (key: AdminMessageKey, params?: Params) => adminMessages.t(lang, key, params);
const ev = (lang: Lang) => (key: Parameters<typeof eventMessages.t>[1]) => eventMessages.t(lang, key);

export interface Page {
  title: string;
  main: SafeHtml;
  stylesheets: string[];
}

const page = (title: string, main: SafeHtml): Page => ({ title, main, stylesheets: [EVENTS_ADMIN_CSS] });

const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'medium',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'medium',
    timeStyle: 'short',
  }),
};
export const formatTime = (lang: Lang, date: Date) => timeFormats[lang].format(date);

function statusTag(lang: Lang, status: string): SafeHtml {
  const key = `status.${status}` as Parameters<typeof eventMessages.t>[1];
  return html`<span class="tag events-status events-status--${status}">${eventMessages.t(lang, key)}</span>`;
}

/** An error's words: the key's text with the result's params (a limit, the seats taken). */
function errorText(lang: Lang, key: AdminMessageKey | undefined, params: Params = {}): string | undefined {
  return key ? adminMessages.t(lang, key, params) : undefined;
}

function errorList(lang: Lang, errors: Errors, params: Params): Array<{ id: string; text: string }> {
  return Object.entries(errors).flatMap(([id, key]) =>
    key ? [{ id, text: adminMessages.t(lang, key, params) }] : [],
  );
}

// The list.

export interface ListModel {
  lang: Lang;
  access: EventAccess;
  tab: Tab;
  page: number;
  rows: ListRow[];
  counts: Record<Tab, number>;
  exhibiting: ListRow[];
  done?: string;
}

export function listPage(m: ListModel): Page {
  const t = tr(m.lang);
  const e = ev(m.lang);
  const title = t('list.title');
  const href = (tab: Tab, n = 1) => `${PATHS.admin}?tab=${tab}${n > 1 ? `&page=${n}` : ''}`;
  const tabs = html`<nav aria-labelledby="events-tabs-title">
    <h2 id="events-tabs-title" class="visually-hidden">${t('list.tabs')}</h2>
    <ul class="report-filter">
      ${TABS.map(
        (tab) =>
          html`<li><a href="${href(tab)}"${tab === m.tab ? html` aria-current="page"` : ''}>${t(
            `tab.${tab}`,
            {
              count: formatNumber(m.lang, m.counts[tab]),
            },
          )}</a></li>`,
      )}
    </ul>
  </nav>`;
  const links = [];
  if (m.page > 1)
    links.push({ href: href(m.tab, m.page - 1), text: t('list.previous'), rel: 'prev' as const });
  if (m.page * PAGE_SIZE < m.counts[m.tab])
    links.push({ href: href(m.tab, m.page + 1), text: t('list.next'), rel: 'next' as const });
  const seats = (r: ListRow) =>
    r.capacity === null
      ? t('list.seatsOpen', { taken: formatNumber(m.lang, r.seats_taken) })
      : t('list.seats', {
          taken: formatNumber(m.lang, r.seats_taken),
          capacity: formatNumber(m.lang, r.capacity),
        });
  const table = dataTable({
    id: 'events-table',
    caption: t(`tab.${m.tab}`, { count: formatNumber(m.lang, m.counts[m.tab]) }),
    columns: [
      t('col.title'),
      t('col.starts'),
      t('col.kind'),
      t('col.organiser'),
      t('col.seats'),
      t('col.status'),
    ],
    rows: m.rows,
    cells: (r) => [
      html`<a href="${adminEventPath(r.id)}">${eventTitle(r, m.lang)}</a>`,
      formatTime(m.lang, r.starts_at),
      e(`kind.${r.kind}` as Parameters<typeof eventMessages.t>[1]),
      r.organisation,
      seats(r),
      statusTag(m.lang, r.status),
    ],
    empty: t(`empty.${m.tab}`),
    paging: { label: t('list.paging'), links },
  });
  const exhibiting = m.exhibiting.length
    ? html`<section aria-labelledby="exhibiting-title">
        <h2 id="exhibiting-title">${t('list.exhibiting')}</h2>
        <ul class="events-admin-list">
          ${m.exhibiting.map(
            (r) =>
              html`<li><a href="${adminEventPath(r.id)}">${eventTitle(r, m.lang)}</a> <span class="admin-muted">${formatTime(
                m.lang,
                r.starts_at,
              )} · ${r.organisation}</span></li>`,
          )}
        </ul>
      </section>`
    : '';
  return page(
    title,
    html`<h1>${title}</h1>
      <p class="lead">${m.access.canApprove ? t('list.introApprover') : t('list.intro')}</p>
      ${notice(m.done ? t(`done.${m.done}` as AdminMessageKey) : undefined)}
      <p class="admin-actions"><a class="button" href="${PATHS.admin}/new">${t('list.new')}</a></p>
      ${tabs} ${table} ${exhibiting}`,
  );
}

// The event form.

export interface FormModel {
  lang: Lang;
  region: Region;
  csrf: string;
  /** undefined: a new event. */
  event?: EventRow;
  values: EventFormValues;
  errors: EventFormErrors;
  stale?: boolean;
  images: MediaImage[];
  /** The newcomer network's groups: only for a person who manages the network (else no field). */
  groups?: Array<{ id: string; name_sv: string; name_en: string }>;
  /** A published event edited by a person without EventsApprove: most changes wait for review. */
  reviewed?: boolean;
  /** The changes waiting for review, which the form shows. */
  pending?: PendingChanges;
}

export function formPage(m: FormModel): Page {
  const t = tr(m.lang);
  const e = ev(m.lang);
  const v = m.values;
  const err = (name: string) => {
    const error = m.errors[name];
    return error ? adminMessages.t(m.lang, error.key, error.params) : undefined;
  };
  const langName = (lang: Lang) => t(lang === 'sv' ? 'form.inSwedish' : 'form.inEnglish');
  const pair = (
    prefix: 'title' | 'summary' | 'description' | 'accessibility',
    rows?: number,
    maxlength?: number,
  ) =>
    languagePair(m.lang, {
      prefix,
      values: { sv: v[`${prefix}_sv`], en: v[`${prefix}_en`] },
      label: (lang) => t('form.pairLabel', { field: t(`field.${prefix}`), language: langName(lang) }),
      missing: t('form.missing'),
      error: err,
      rows,
      maxlength,
      required: prefix === 'title' ? null : false,
    });
  const time = (name: string, label: string, required: boolean) =>
    textField(m.lang, {
      name,
      label,
      value: v[name as keyof EventFormValues] as string,
      hint: t('form.timeHint'),
      error: err(name),
      required,
      inputmode: 'numeric',
      maxlength: 5,
      autocomplete: 'off',
      inputClass: 'input--short',
    });
  const date = (name: string, label: string, required: boolean) =>
    dateField(m.lang, {
      name,
      label,
      value: v[name as keyof EventFormValues] as string,
      error: err(name),
      required,
      inputClass: 'input--short',
    });
  const number = (name: 'capacity' | 'max_group' | 'offer_hours', hint: string, required: boolean) =>
    textField(m.lang, {
      name,
      label: t(`field.${name}`),
      value: v[name],
      hint,
      error: err(name),
      required,
      inputmode: 'numeric',
      maxlength: 7,
      inputClass: 'input--short',
    });
  const seatsTaken = m.event?.seats_taken ?? 0;
  const errors = Object.entries(m.errors).map(([id, error]) => ({
    id: id === 'languages' || id === 'personas' ? `${id}-${id === 'languages' ? 'sv' : 'families'}` : id,
    text: adminMessages.t(m.lang, error.key, error.params),
  }));
  const title = m.event ? t('form.editTitle', { title: eventTitle(m.event, m.lang) }) : t('form.newTitle');
  const action = m.event ? `${adminEventPath(m.event.id)}/edit` : `${PATHS.admin}/new`;
  const body = html`<form class="form events-form" method="post" action="${action}" novalidate>
    ${csrfField(m.csrf)} ${hiddenField('version', v.version)}
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.about')}</legend>
      ${selectField(m.lang, {
        name: 'kind',
        label: t('field.kind'),
        value: v.kind,
        required: true,
        error: err('kind'),
        placeholder: t('form.choose'),
        options: EVENT_KINDS.map((k) => ({ value: k, label: e(`kind.${k}`) })),
      })}
      ${pair('title', undefined, 160)} ${pair('summary', 3, 400)} ${pair('description', 8, 8000)}
    </fieldset>
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.when')}</legend>
      <p class="field__hint">${t('form.whenHint')}</p>
      <div class="events-form__row">
        ${date('start_date', t('field.start_date'), true)} ${time('start_time', t('field.start_time'), true)}
      </div>
      <div class="events-form__row">
        ${date('end_date', t('field.end_date'), false)} ${time('end_time', t('field.end_time'), true)}
      </div>
    </fieldset>
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.where')}</legend>
      ${radioGroup(m.lang, {
        name: 'location_kind',
        legend: t('field.location_kind'),
        value: v.location_kind,
        error: err('location_kind'),
        required: true,
        options: LOCATION_KINDS.map((k) => ({
          value: k,
          label: e(`location.${k}`),
          hint: t(`location.${k}.hint`),
        })),
      })}
      ${selectField(m.lang, {
        name: 'municipality_code',
        label: t('field.municipality_code'),
        value: v.municipality_code,
        hint: t('form.municipalityHint'),
        error: err('municipality_code'),
        placeholder: t('form.noMunicipality'),
        options: m.region.municipalities.map((mu) => ({ value: mu.code, label: mu.officialName })),
      })}
      ${textField(m.lang, { name: 'venue', label: t('field.venue'), value: v.venue, error: err('venue'), maxlength: 200, required: false })}
      ${textField(m.lang, {
        name: 'street_address',
        label: t('field.street_address'),
        value: v.street_address,
        error: err('street_address'),
        maxlength: 200,
        autocomplete: 'off',
        required: false,
      })}
      <div class="events-form__row">
        ${textField(m.lang, {
          name: 'postal_code',
          label: t('field.postal_code'),
          value: v.postal_code,
          error: err('postal_code'),
          maxlength: 12,
          inputClass: 'input--short',
          autocomplete: 'off',
          required: false,
        })}
        ${textField(m.lang, {
          name: 'locality',
          label: t('field.locality'),
          value: v.locality,
          hint: t('form.localityHint'),
          error: err('locality'),
          maxlength: 100,
          autocomplete: 'off',
          required: false,
        })}
      </div>
      ${textField(m.lang, {
        name: 'online_url',
        type: 'url',
        label: t('field.online_url'),
        value: v.online_url,
        hint: t('form.onlineHint'),
        error: err('online_url'),
        maxlength: 500,
        required: false,
      })}
    </fieldset>
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.forWhom')}</legend>
      ${checkboxGroup(m.lang, {
        name: 'languages',
        legend: t('field.languages'),
        values: v.languages,
        error: err('languages'),
        required: true,
        className: 'field events-choices',
        options: EVENT_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) })),
      })}
      ${checkboxGroup(m.lang, {
        name: 'personas',
        legend: t('field.personas'),
        hint: t('form.personasHint'),
        values: v.personas,
        error: err('personas'),
        required: false,
        options: PERSONAS.map((p) => ({ value: p, label: personaName(m.lang, p) })),
      })}
      ${pair('accessibility', 3, 1000)}
    </fieldset>
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.signup')}</legend>
      ${radioGroup(m.lang, {
        name: 'registration',
        legend: t('field.registration'),
        value: v.registration,
        error: err('registration'),
        required: true,
        options: REGISTRATION_MODES.map((k) => ({
          value: k,
          label: e(`registration.${k}`),
          hint: t(`registration.${k}.hint`),
        })),
      })}
      ${number(
        'capacity',
        seatsTaken > 0
          ? t('form.capacityHintTaken', { taken: formatNumber(m.lang, seatsTaken) })
          : t('form.capacityHint'),
        false,
      )}
      ${number('max_group', t('form.maxGroupHint'), true)}
      <div class="events-form__row">
        ${date('opens_date', t('field.opens_date'), false)} ${time('opens_time', t('field.opens_time'), false)}
      </div>
      <div class="events-form__row">
        ${date('closes_date', t('field.closes_date'), false)} ${time('closes_time', t('field.closes_time'), false)}
      </div>
      ${number('offer_hours', t('form.offerHint'), true)}
    </fieldset>
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.more')}</legend>
      ${mediaPicker(m.lang, m.images, { name: 'image', label: t('field.image'), value: v.image, error: err('image'), required: false })}
      ${
        m.groups
          ? selectField(m.lang, {
              name: 'network_group',
              label: t('field.network_group'),
              value: v.network_group,
              hint: t('form.groupHint'),
              error: err('network_group'),
              placeholder: t('form.noGroup'),
              required: false,
              options: m.groups.map((g) => ({
                value: g.id,
                label: m.lang === 'en' ? g.name_en || g.name_sv : g.name_sv,
              })),
            })
          : ''
      }
    </fieldset>
    <p class="admin-actions">
      <button class="button" type="submit">${m.event ? t('form.save') : t('form.create')}</button>
      <a class="button button--secondary" href="${m.event ? adminEventPath(m.event.id) : PATHS.admin}">${t('form.cancel')}</a>
    </p>
  </form>`;
  return page(
    title,
    html`<h1>${title}</h1>
      ${m.stale ? html`<div class="notice notice--warning" role="alert"><p>${t('form.stale')}</p></div>` : ''}
      ${m.pending ? pendingNotice(m.lang, m.pending, t('form.pendingNote')) : ''}
      ${m.reviewed ? html`<div class="notice" role="note"><p>${t('form.reviewNote')}</p></div>` : ''}
      ${formErrorSummary(m.lang, errors)} ${body}`,
  );
}

// The event's page.

export interface SectionForm<V> {
  values: V;
  errors: Errors;
  params: Params;
  /** The item being changed (an edit form), when one is. */
  itemId?: string;
}

export interface EventPageModel {
  lang: Lang;
  region: Region;
  origin: string;
  csrf: string;
  access: EventAccess;
  relation: EventRelation;
  event: EventRow;
  organiser: string;
  organisations: EventOrganisation[];
  programme: ProgrammeRow[];
  questions: QuestionRow[];
  liveRegistrations: number;
  panels: PanelView[];
  done?: string;
  refused?: AdminMessageKey;
  /** Organisations to pick, and the search that found them. */
  pickable: Array<{ id: string; name: string; kind: string }>;
  search: string;
  organisationForm?: SectionForm<{ organisation: string; role: string; stand: string }>;
  programmeForm?: SectionForm<Record<string, string>>;
  questionForm?: SectionForm<Record<string, string>>;
  actionForm?: {
    action: 'sendBack' | 'sendBackChanges' | 'cancel';
    value: string;
    errors: Errors;
    params: Params;
  };
  /** An organiser's changes to the published event, waiting for review. */
  pending?: PendingChanges;
  /** The pictures of the live event and of its pending changes, from the media library. */
  pendingImages?: { before?: MediaImage; after?: MediaImage };
}

/** The notice of changes waiting for review, with the region's comment when it sent them back. */
function pendingNotice(lang: Lang, pending: PendingChanges, text: string): SafeHtml {
  const t = tr(lang);
  return html`<div class="notice notice--warning" role="status">
    <p>${text}</p>
    ${pending.comment ? html`<p><strong>${t('pending.sentBack')}</strong></p><p class="report-text">${pending.comment}</p>` : ''}
  </div>`;
}

/** The pending changes as a readable diff of the form's fields, each under its label. */
function pendingDiff(m: EventPageModel, pending: PendingChanges): SafeHtml {
  const t = tr(m.lang);
  const e = ev(m.lang);
  const before = eventFormOf(m.event, m.event.image_id ?? '');
  const after = eventFormOf({ ...m.event, ...pending.values }, pending.values.image_id ?? '');
  // A picture by its name in the library and its alt text, never by its id.
  const picture = (id: string, image: MediaImage | undefined) =>
    !id ? '' : image ? `${image.slug} – ${image.alt[m.lang]}` : t('pending.imageMissing');
  const pair = (field: AdminMessageKey, lang: Lang) =>
    t('form.pairLabel', {
      field: t(field),
      language: t(lang === 'sv' ? 'form.inSwedish' : 'form.inEnglish'),
    });
  const municipality = (code: string) =>
    m.region.municipalities.find((mu) => mu.code === code)?.officialName ?? code;
  const label = (prefix: string) => (code: string) => (code ? e(`${prefix}.${code}` as never) : '');
  const list = (prefix: string, values: string) =>
    values
      .split(',')
      .filter(Boolean)
      .map((v) => t(`${prefix}.${v}` as AdminMessageKey))
      .join(', ');
  const fields: Array<[string, (v: EventFormValues) => string]> = [
    [t('field.kind'), (v) => label('kind')(v.kind)],
    ...(['sv', 'en'] as const).flatMap((l): Array<[string, (v: EventFormValues) => string]> => [
      [pair('field.title', l), (v) => v[`title_${l}`]],
      [pair('field.summary', l), (v) => v[`summary_${l}`]],
      [pair('field.description', l), (v) => v[`description_${l}`]],
    ]),
    [t('field.start_date'), (v) => `${v.start_date} ${v.start_time}`],
    [t('field.end_date'), (v) => `${v.end_date} ${v.end_time}`],
    [t('field.location_kind'), (v) => label('location')(v.location_kind)],
    [t('field.municipality_code'), (v) => municipality(v.municipality_code)],
    [t('field.venue'), (v) => v.venue],
    [t('field.street_address'), (v) => v.street_address],
    [t('field.postal_code'), (v) => v.postal_code],
    [t('field.locality'), (v) => v.locality],
    [t('field.online_url'), (v) => v.online_url],
    [t('field.languages'), (v) => list('language', v.languages.join(','))],
    [t('field.personas'), (v) => v.personas.map((p) => personaName(m.lang, p)).join(', ')],
    [pair('field.accessibility', 'sv'), (v) => v.accessibility_sv],
    [pair('field.accessibility', 'en'), (v) => v.accessibility_en],
    [t('field.registration'), (v) => label('registration')(v.registration)],
    [
      t('field.image'),
      (v) => picture(v.image, v === before ? m.pendingImages?.before : m.pendingImages?.after),
    ],
    [t('field.network_group'), (v) => v.network_group],
  ];
  const changes: FieldChange[] = fields.map(([name, of]) => ({
    label: name,
    before: of(before),
    after: of(after),
  }));
  return fieldsDiff(m.lang, changes);
}

/** A changed picture as the approver will publish it: the one now and the one waiting, side by side. */
function pendingPictures(m: EventPageModel, pending: PendingChanges): SafeHtml | '' {
  if ((pending.values.image_id ?? null) === (m.event.image_id ?? null)) return '';
  const t = tr(m.lang);
  const one = (caption: AdminMessageKey, image: MediaImage | undefined, id: string | null | undefined) =>
    html`<div class="events-diff-picture">
      <p><strong>${t(caption)}</strong></p>
      ${
        image
          ? pictureHtml(image, m.lang, { sizes: '12rem', loading: 'lazy', credit: false, flagExpired: true })
          : html`<p>${t(id ? 'pending.imageMissing' : 'pending.imageNone')}</p>`
      }
    </div>`;
  return html`<div class="events-diff-pictures">
    ${one('pending.imageBefore', m.pendingImages?.before, m.event.image_id)}
    ${one('pending.imageAfter', m.pendingImages?.after, pending.values.image_id)}
  </div>`;
}

/** The pending changes: for an approver the diff with "publish" and "send back"; for the organiser the diff. */
function pendingSection(m: EventPageModel): SafeHtml | '' {
  const pending = m.pending;
  if (!pending || m.event.status !== 'published' || m.relation !== 'manage') return '';
  const t = tr(m.lang);
  const base = adminEventPath(m.event.id);
  const form = m.actionForm;
  const decide = m.access.canApprove
    ? html`${postButton(
        `${base}/changes/publish`,
        m.csrf,
        t('pending.publish'),
        false,
        hiddenField('version', String(m.event.version)),
      )}
      <form class="form events-subform" method="post" action="${base}/changes/send-back" novalidate>
        ${csrfField(m.csrf)}
        ${textareaField(m.lang, {
          name: 'comment',
          label: t('action.sendBackComment'),
          hint: t('pending.commentHint'),
          value: form?.action === 'sendBackChanges' ? form.value : '',
          error:
            form?.action === 'sendBackChanges'
              ? errorText(m.lang, form.errors.comment, form.params)
              : undefined,
          rows: 3,
          maxlength: 1000,
          required: true,
        })}
        <button class="button button--secondary" type="submit">${t('pending.sendBack')}</button>
      </form>`
    : html`<p><a class="button" href="${base}/edit">${t('action.edit')}</a></p>`;
  return section(
    'pending',
    t('pending.title'),
    html`${m.access.canApprove ? html`<p>${t('pending.approverIntro')}</p>` : ''}
      ${pendingPictures(m, pending)}
      <div class="events-diff">${pendingDiff(m, pending)}</div>
      ${decide}`,
  );
}

function section(id: string, title: string, content: HtmlValue): SafeHtml {
  return html`<section id="${id}" aria-labelledby="${id}-title" class="events-section">
    <h2 id="${id}-title">${title}</h2>
    ${content}
  </section>`;
}

function postButton(
  action: string,
  csrf: string,
  label: string,
  secondary = true,
  extra: SafeHtml = html``,
): SafeHtml {
  return html`<form class="admin-inline-form" method="post" action="${action}">
    ${csrfField(csrf)} ${extra}
    <button class="button${secondary ? ' button--secondary' : ''}" type="submit">${label}</button>
  </form>`;
}

function whereText(m: EventPageModel): string {
  const e = m.event;
  const municipality = m.region.municipalities.find((mu) => mu.code === e.municipality_code)?.officialName;
  const parts = [
    e.venue,
    e.street_address,
    [e.postal_code, e.locality].filter(Boolean).join(' '),
    municipality,
  ];
  const place = parts.filter((p) => p && p.trim()).join(', ');
  return e.location_kind === 'online' ? (e.online_url ?? '') : place;
}

function facts(m: EventPageModel): SafeHtml {
  const t = tr(m.lang);
  const e = ev(m.lang);
  const event = m.event;
  const left = seatsLeft(event);
  const publicUrl = `/${m.lang}${eventPath(event.slug)}`;
  return html`<dl class="admin-facts">
    <dt>${t('facts.status')}</dt>
    <dd>${statusTag(m.lang, event.status)}</dd>
    <dt>${t('facts.kind')}</dt>
    <dd>${e(`kind.${event.kind}` as Parameters<typeof eventMessages.t>[1])}</dd>
    <dt>${t('facts.when')}</dt>
    <dd>${formatTime(m.lang, event.starts_at)} – ${formatTime(m.lang, event.ends_at)}</dd>
    <dt>${t('facts.where')}</dt>
    <dd>${e(`location.${event.location_kind}` as Parameters<typeof eventMessages.t>[1])}${whereText(m) ? html`: ${whereText(m)}` : ''}</dd>
    <dt>${t('facts.organiser')}</dt>
    <dd>${m.organiser}</dd>
    <dt>${t('facts.registration')}</dt>
    <dd>${e(`registration.${event.registration}` as Parameters<typeof eventMessages.t>[1])}</dd>
    <dt>${t('facts.seats')}</dt>
    <dd>${
      event.capacity === null
        ? t('facts.seatsOpen', { taken: formatNumber(m.lang, event.seats_taken) })
        : t('facts.seatsOf', {
            taken: formatNumber(m.lang, event.seats_taken),
            capacity: formatNumber(m.lang, event.capacity),
            left: formatNumber(m.lang, left ?? 0),
          })
    }</dd>
    ${
      event.status === 'published' || event.status === 'cancelled'
        ? html`<dt>${t('facts.public')}</dt><dd><a href="${publicUrl}">${m.origin}${publicUrl}</a></dd>`
        : ''
    }
    ${ownStand(m)}
    ${event.status === 'cancelled' ? html`<dt>${t('facts.cancelReason')}</dt><dd class="report-text">${event.cancel_reason}</dd>` : ''}
  </dl>`;
}

/** An exhibitor's own stand: its visitors' link and its printable QR code. */
function ownStand(m: EventPageModel): SafeHtml | '' {
  if (m.relation !== 'exhibitor') return '';
  const own = m.organisations.find(
    (o) => o.organisationId === m.access.organisationId && o.role === 'exhibitor',
  );
  if (!own) return '';
  const t = tr(m.lang);
  return html`<dt>${t('facts.ownStand')}</dt>
    <dd>${own.stand ? html`${t('org.stand', { stand: own.stand })}<br />` : ''}<span class="events-stand-link"
        ><a href="${standLink(m, own, m.lang)}">${standLink(m, own, m.lang)}</a></span
      ><br /><a href="${adminEventPath(m.event.id)}/stands/${own.organisationId}">${t('org.printQr', { name: own.name })}</a></dd>`;
}

function actions(m: EventPageModel): SafeHtml {
  const t = tr(m.lang);
  const base = adminEventPath(m.event.id);
  const s = m.event.status;
  const buttons: SafeHtml[] = [];
  if (s !== 'cancelled') buttons.push(html`<a class="button" href="${base}/edit">${t('action.edit')}</a>`);
  if ((s === 'draft' || s === 'in_review') && m.access.canApprove)
    buttons.push(
      postButton(
        `${base}/publish`,
        m.csrf,
        t('action.publish'),
        false,
        hiddenField('version', String(m.event.version)),
      ),
    );
  if (s === 'draft' && !m.access.canApprove)
    buttons.push(postButton(`${base}/submit`, m.csrf, t('action.submit'), false));
  if (s === 'published' && m.liveRegistrations === 0)
    buttons.push(postButton(`${base}/unpublish`, m.csrf, t('action.unpublish')));
  // Deleting asks first, on a page of its own (deletePage).
  if ((s === 'draft' || s === 'in_review') && m.liveRegistrations === 0)
    buttons.push(html`<a class="button button--secondary" href="${base}/delete">${t('action.delete')}</a>`);
  const ended = eventEnded(m.event);
  if (s === 'published' && ended)
    buttons.push(
      html`<a class="button button--secondary" href="${base}/followup">${t('action.followup')}</a>`,
    );
  buttons.push(html`<a class="button button--secondary" href="${base}/stats">${t('action.stats')}</a>`);
  const form = m.actionForm;
  const sendBack =
    s === 'in_review' && m.access.canApprove
      ? html`<form class="form events-subform" method="post" action="${base}/send-back" novalidate>
          ${csrfField(m.csrf)}
          ${textareaField(m.lang, {
            name: 'comment',
            label: t('action.sendBackComment'),
            hint: t('action.sendBackHint'),
            value: form?.action === 'sendBack' ? form.value : '',
            error:
              form?.action === 'sendBack' ? errorText(m.lang, form.errors.comment, form.params) : undefined,
            rows: 3,
            maxlength: 1000,
            required: true,
          })}
          <button class="button button--secondary" type="submit">${t('action.sendBack')}</button>
        </form>`
      : '';
  const cancel =
    s === 'published' && !ended
      ? html`<details class="events-danger"${form?.action === 'cancel' ? html` open` : ''}>
          <summary>${t('action.cancelOpen')}</summary>
          <form class="form events-subform" method="post" action="${base}/cancel" novalidate>
            ${csrfField(m.csrf)}
            <p>${t('action.cancelWarning', { count: formatNumber(m.lang, m.liveRegistrations) })}</p>
            ${textareaField(m.lang, {
              name: 'reason',
              label: t('action.cancelReason'),
              hint: t('action.cancelHint'),
              value: form?.action === 'cancel' ? form.value : '',
              error:
                form?.action === 'cancel' ? errorText(m.lang, form.errors.reason, form.params) : undefined,
              rows: 3,
              maxlength: 1000,
              required: true,
            })}
            <button class="button" type="submit">${t('action.cancel')}</button>
          </form>
        </details>`
      : '';
  const unpublishNote =
    s === 'published' && m.liveRegistrations > 0
      ? html`<p class="admin-muted">${t('action.unpublishNote')}</p>`
      : '';
  return html`<div class="admin-actions events-actions">${buttons}</div>
    ${unpublishNote} ${sendBack} ${cancel}`;
}

function standLink(m: EventPageModel, o: EventOrganisation, lang: Lang): string {
  return `${m.origin}/${lang}${eventPath(m.event.slug)}/stand/${o.standCode}`;
}

function organisationsSection(m: EventPageModel): SafeHtml {
  const t = tr(m.lang);
  const e = ev(m.lang);
  const base = adminEventPath(m.event.id);
  const f = m.organisationForm;
  const list = m.organisations.length
    ? html`<ul class="events-admin-list">
        ${m.organisations.map(
          (o) => html`<li class="events-org">
            <p><strong>${o.name}</strong> — ${e(`role.${o.role}`)}${o.stand ? html`, ${t('org.stand', { stand: o.stand })}` : ''}</p>
            ${
              o.role === 'exhibitor'
                ? html`<p class="events-stand-link">${t('org.visitorLink')} <a href="${standLink(m, o, m.lang)}">${standLink(m, o, m.lang)}</a></p>
                  <p><a href="${base}/stands/${o.organisationId}">${t('org.printQr', { name: o.name })}</a></p>`
                : ''
            }
            ${postButton(
              `${base}/organisations/${o.organisationId}/remove`,
              m.csrf,
              t('org.remove', { name: o.name }),
            )}
          </li>`,
        )}
      </ul>`
    : html`<p>${t('org.none')}</p>`;
  const search = html`<form class="form admin-filter" method="get" action="${base}#organisations">
    ${textField(m.lang, {
      name: 'orgq',
      type: 'search',
      label: t('org.search'),
      value: m.search,
      hint: t('org.searchHint'),
      maxlength: 100,
    })}
    <button class="button button--secondary" type="submit">${t('org.searchButton')}</button>
  </form>`;
  const add = html`<form class="form events-subform" method="post" action="${base}/organisations" novalidate>
    ${csrfField(m.csrf)}
    ${selectField(m.lang, {
      name: 'organisation',
      label: t('org.organisation'),
      value: f?.values.organisation ?? '',
      placeholder: t('form.choose'),
      error: errorText(m.lang, f?.errors.organisation, f?.params),
      required: true,
      options: m.pickable
        .filter((o) => o.id !== m.event.organisation_id)
        .map((o) => ({ value: o.id, label: o.name })),
    })}
    ${radioGroup(m.lang, {
      name: 'role',
      legend: t('org.role'),
      value: f?.values.role ?? 'exhibitor',
      error: errorText(m.lang, f?.errors.role, f?.params),
      required: true,
      options: [
        { value: 'exhibitor', label: e('role.exhibitor'), hint: t('org.exhibitorHint') },
        { value: 'co_organiser', label: e('role.co_organiser'), hint: t('org.coOrganiserHint') },
      ],
    })}
    ${textField(m.lang, {
      name: 'stand',
      label: t('org.standField'),
      value: f?.values.stand ?? '',
      hint: t('org.standHint'),
      error: errorText(m.lang, f?.errors.stand, f?.params),
      maxlength: 60,
      required: false,
    })}
    <button class="button" type="submit">${t('org.add')}</button>
  </form>`;
  return section(
    'organisations',
    t('section.organisations'),
    html`${list}<h3>${t('org.addTitle')}</h3>${
      m.event.status === 'published' && !m.access.canApprove
        ? html`<p>${t('organisations.reviewNote')}</p>`
        : html`${search}${add}`
    }`,
  );
}

function programmeSection(m: EventPageModel): SafeHtml {
  const t = tr(m.lang);
  const e = ev(m.lang);
  const base = adminEventPath(m.event.id);
  const f = m.programmeForm;
  const hosts = new Map([
    [m.event.organisation_id, m.organiser],
    ...m.organisations.map((o) => [o.organisationId, o.name] as const),
  ]);
  const list = m.programme.length
    ? html`<ol class="events-admin-list events-programme">
        ${m.programme.map(
          (p) => html`<li>
            <p><strong>${formatTime(m.lang, p.starts_at)}${p.ends_at ? `–${stockholmTime(p.ends_at)}` : ''}</strong>
              ${m.lang === 'en' ? p.title_en || p.title_sv : p.title_sv || p.title_en}
              <span class="admin-muted">(${e(`programme.${p.kind}` as Parameters<typeof eventMessages.t>[1])}${p.place ? `, ${p.place}` : ''}${
                p.organisation_id && hosts.get(p.organisation_id) ? `, ${hosts.get(p.organisation_id)}` : ''
              })</span></p>
            ${html`<div class="admin-actions">
                    <a class="button button--secondary" href="${base}?programme=${p.id}#programme-form">${t('programme.edit')}<span class="visually-hidden">: ${p.title_sv || p.title_en}</span></a>
                    ${postButton(`${base}/programme/${p.id}/remove`, m.csrf, t('programme.remove'))}
                  </div>`}
          </li>`,
        )}
      </ol>`
    : html`<p>${t('programme.none')}</p>`;
  const v = f?.values ?? {};
  const err = (name: string) => errorText(m.lang, f?.errors[name], f?.params);
  const editing = f?.itemId;
  const form = html`<form id="programme-form" class="form events-subform" method="post" action="${base}/programme${editing ? `/${editing}` : ''}" novalidate>
    ${csrfField(m.csrf)}
    <div class="events-form__row">
      ${dateField(m.lang, { name: 'date', id: 'programme-date', label: t('programme.date'), value: v.date ?? '', error: err('date'), required: true, inputClass: 'input--short' })}
      ${textField(m.lang, { name: 'start_time', id: 'programme-start', label: t('programme.start'), value: v.start_time ?? '', hint: t('form.timeHint'), error: err('start_time'), required: true, maxlength: 5, inputmode: 'numeric', inputClass: 'input--short', autocomplete: 'off' })}
      ${textField(m.lang, { name: 'end_time', id: 'programme-end', label: t('programme.end'), value: v.end_time ?? '', hint: t('form.timeHint'), error: err('end_time'), required: false, maxlength: 5, inputmode: 'numeric', inputClass: 'input--short', autocomplete: 'off' })}
    </div>
    ${selectField(m.lang, {
      name: 'kind',
      id: 'programme-kind',
      label: t('programme.kind'),
      value: v.kind ?? 'session',
      error: err('kind'),
      required: true,
      options: PROGRAMME_KINDS.map((k) => ({ value: k, label: e(`programme.${k}`) })),
    })}
    <div class="content-pair">
      ${textField(m.lang, { name: 'title_sv', id: 'programme-title-sv', label: t('form.pairLabel', { field: t('programme.title'), language: t('form.inSwedish') }), value: v.title_sv ?? '', error: err('title_sv'), maxlength: 200 })}
      ${textField(m.lang, { name: 'title_en', id: 'programme-title-en', label: t('form.pairLabel', { field: t('programme.title'), language: t('form.inEnglish') }), value: v.title_en ?? '', error: err('title_en'), maxlength: 200 })}
    </div>
    ${textField(m.lang, { name: 'place', id: 'programme-place', label: t('programme.place'), value: v.place ?? '', error: err('place'), maxlength: 200, required: false })}
    ${selectField(m.lang, {
      name: 'organisation',
      id: 'programme-organisation',
      label: t('programme.host'),
      value: v.organisation ?? '',
      error: err('organisation'),
      placeholder: t('programme.noHost'),
      required: false,
      options: [...hosts.entries()].map(([id, name]) => ({ value: id, label: name })),
    })}
    <p class="admin-actions">
      <button class="button" type="submit">${editing ? t('programme.save') : t('programme.add')}</button>
      ${editing ? html`<a class="button button--secondary" href="${base}#programme">${t('form.cancel')}</a>` : ''}
    </p>
  </form>`;
  return section(
    'programme',
    t('section.programme'),
    html`${list}<h3>${editing ? t('programme.editTitle') : t('programme.addTitle')}</h3>${form}`,
  );
}

function questionsSection(m: EventPageModel): SafeHtml {
  const t = tr(m.lang);
  const e = ev(m.lang);
  const base = adminEventPath(m.event.id);
  const f = m.questionForm;
  const label = (q: QuestionRow) => (m.lang === 'en' ? q.label_en || q.label_sv : q.label_sv || q.label_en);
  const list = m.questions.length
    ? html`<ol class="events-admin-list">
        ${m.questions.map((q, i) => {
          const choices = Array.isArray(q.choices) ? (q.choices as Array<{ sv: string; en: string }>) : [];
          return html`<li>
            <p><strong>${label(q)}</strong> <span class="admin-muted">(${e(`question.${q.kind}` as Parameters<typeof eventMessages.t>[1])}${
              q.required ? `, ${t('question.isRequired')}` : ''
            })</span></p>
            ${choices.length ? html`<p class="admin-muted">${choices.map((c) => (m.lang === 'en' ? c.en : c.sv)).join(' · ')}</p>` : ''}
            ${html`<div class="admin-actions">
                    <a class="button button--secondary" href="${base}?question=${q.id}#question-form">${t('question.edit')}<span class="visually-hidden">: ${label(q)}</span></a>
                    ${i > 0 ? postButton(`${base}/questions/${q.id}/move`, m.csrf, t('question.up'), true, hiddenField('direction', 'up')) : ''}
                    ${i < m.questions.length - 1 ? postButton(`${base}/questions/${q.id}/move`, m.csrf, t('question.down'), true, hiddenField('direction', 'down')) : ''}
                    ${postButton(`${base}/questions/${q.id}/remove`, m.csrf, t('question.remove'))}
                  </div>`}
          </li>`;
        })}
      </ol>`
    : html`<p>${t('question.none')}</p>`;
  const v = f?.values ?? {};
  const err = (name: string) => errorText(m.lang, f?.errors[name], f?.params);
  const editing = f?.itemId;
  const form = html`<form id="question-form" class="form events-subform" method="post" action="${base}/questions${editing ? `/${editing}` : ''}" novalidate>
    ${csrfField(m.csrf)}
    ${selectField(m.lang, {
      name: 'kind',
      id: 'question-kind',
      label: t('question.kind'),
      value: v.kind ?? 'text',
      error: err('kind'),
      required: true,
      options: QUESTION_KINDS.map((k) => ({ value: k, label: e(`question.${k}`) })),
    })}
    <div class="content-pair">
      ${textField(m.lang, { name: 'label_sv', id: 'question-label-sv', label: t('form.pairLabel', { field: t('question.label'), language: t('form.inSwedish') }), value: v.label_sv ?? '', error: err('label_sv'), maxlength: 200 })}
      ${textField(m.lang, { name: 'label_en', id: 'question-label-en', label: t('form.pairLabel', { field: t('question.label'), language: t('form.inEnglish') }), value: v.label_en ?? '', error: err('label_en'), maxlength: 200 })}
    </div>
    <div class="content-pair">
      ${textareaField(m.lang, { name: 'choices_sv', id: 'question-choices-sv', label: t('form.pairLabel', { field: t('question.choices'), language: t('form.inSwedish') }), hint: t('question.choicesHint'), value: v.choices_sv ?? '', error: err('choices_sv'), rows: 4, maxlength: 2000 })}
      ${textareaField(m.lang, { name: 'choices_en', id: 'question-choices-en', label: t('form.pairLabel', { field: t('question.choices'), language: t('form.inEnglish') }), hint: t('question.choicesHint'), value: v.choices_en ?? '', error: err('choices_en'), rows: 4, maxlength: 2000 })}
    </div>
    ${checkboxGroup(m.lang, {
      name: 'required',
      idPrefix: 'question-required',
      legend: t('question.requiredLegend'),
      values: v.required === 'yes' ? ['yes'] : [],
      options: [{ value: 'yes', label: t('question.requiredLabel') }],
    })}
    <p class="admin-actions">
      <button class="button" type="submit">${editing ? t('question.save') : t('question.add')}</button>
      ${editing ? html`<a class="button button--secondary" href="${base}#questions">${t('form.cancel')}</a>` : ''}
    </p>
  </form>`;
  return section(
    'questions',
    t('section.questions'),
    html`${list}<h3>${editing ? t('question.editTitle') : t('question.addTitle')}</h3>${form}`,
  );
}

export function eventPage(m: EventPageModel): Page {
  const t = tr(m.lang);
  const manage = m.relation === 'manage';
  const title = eventTitle(m.event, m.lang);
  const comment =
    m.event.review_comment && m.event.status === 'draft'
      ? html`<div class="notice notice--warning" role="status"><p><strong>${t('review.sentBack')}</strong></p><p class="report-text">${m.event.review_comment}</p></div>`
      : '';
  // An exhibitor sees the facts (with its own stand) and the panels; the rest is the organisers'.
  const pendingHtml = pendingSection(m);
  const contents = [
    ['facts', t('section.facts')],
    ...(pendingHtml ? [['pending', t('pending.title')]] : []),
    ...(manage
      ? [
          ['organisations', t('section.organisations')],
          ['programme', t('section.programme')],
          ['questions', t('section.questions')],
        ]
      : []),
    ...m.panels.map((p) => [p.id, p.title]),
  ];
  return page(
    title,
    html`<p class="admin-muted"><a href="${PATHS.admin}">${t('list.title')}</a></p>
      <h1>${title} ${statusTag(m.lang, m.event.status)}</h1>
      ${notice(m.done ? t(`done.${m.done}` as AdminMessageKey) : undefined)}
      ${m.refused ? html`<div class="notice notice--warning" role="alert"><p>${t(m.refused)}</p></div>` : ''}
      ${comment}
      ${m.pending && manage && !m.access.canApprove ? pendingNotice(m.lang, m.pending, t('pending.waiting')) : ''}
      ${
        !manage
          ? html`<p class="lead">${t('exhibitor.intro')}</p>`
          : m.event.status === 'in_review' && !m.access.canApprove
            ? html`<p class="lead">${t('review.waiting')}</p>`
            : ''
      }
      <nav class="me-contents" aria-labelledby="event-contents-title">
        <h2 id="event-contents-title" class="me-contents__title">${t('section.contents')}</h2>
        <ul>${contents.map(([id, text]) => html`<li><a href="#${id}">${text}</a></li>`)}</ul>
      </nav>
      ${section('facts', t('section.facts'), html`${facts(m)}${manage ? actions(m) : ''}`)}
      ${pendingHtml}
      ${manage ? html`${organisationsSection(m)} ${programmeSection(m)} ${questionsSection(m)}` : ''}
      ${m.panels.map((p) => p.html)}`,
  );
}

// A stand's printable QR.

export function standPage(lang: Lang, event: EventRow, organisation: EventOrganisation, url: string): Page {
  const t = tr(lang);
  const code = qrCode(url);
  const title = t('stand.title', { name: organisation.name });
  return page(
    title,
    html`<p class="admin-muted events-noprint"><a href="${adminEventPath(event.id)}#organisations">${eventTitle(event, lang)}</a></p>
      <div class="events-stand">
        <h1>${title}</h1>
        <p class="lead">${eventTitle(event, lang)}${organisation.stand ? ` — ${t('org.stand', { stand: organisation.stand })}` : ''}</p>
        <svg class="events-qr" viewBox="0 0 ${code.size} ${code.size}" width="320" height="320" role="img" aria-labelledby="qr-title" shape-rendering="crispEdges">
          <title id="qr-title">${t('stand.qrAlt', { url })}</title>
          <rect width="${code.size}" height="${code.size}" fill="#fff"></rect>
          <path d="${code.path}" stroke="#000" stroke-width="1" fill="none"></path>
        </svg>
        <p class="events-stand__call">${t('stand.call')}</p>
        <p class="events-stand__url">${url}</p>
      </div>
      <p class="events-noprint">${t('stand.print')}</p>`,
  );
}

/** "Delete the draft?": what is deleted, a button that confirms and a way back. */
export function deletePage(lang: Lang, csrf: string, event: EventRow): Page {
  const t = tr(lang);
  const base = adminEventPath(event.id);
  const title = t('delete.title');
  return page(
    title,
    html`<p class="admin-muted"><a href="${base}">${eventTitle(event, lang)}</a></p>
      <h1>${title}</h1>
      <p class="lead"><strong>${eventTitle(event, lang)}</strong>, ${formatTime(lang, event.starts_at)}</p>
      <p>${t('delete.text')}</p>
      <div class="admin-actions">
        <form class="admin-inline-form" method="post" action="${base}/delete">
          ${csrfField(csrf)} ${hiddenField('confirm', 'yes')}
          <button class="button" type="submit">${t('delete.confirm')}</button>
        </form>
        <a class="button button--secondary" href="${base}">${t('delete.keep')}</a>
      </div>`,
  );
}

// The follow-up mail.

export interface FollowupModel {
  lang: Lang;
  csrf: string;
  event: EventRow;
  values: { audience: string; paragraph_sv: string; paragraph_en: string };
  errors: Errors;
  params: Params;
  counts: Record<Audience, number>;
  preview?: { sv: { subject: string; text: string }; en: { subject: string; text: string } };
  refused?: AdminMessageKey;
}

export function followupPage(m: FollowupModel): Page {
  const t = tr(m.lang);
  const base = adminEventPath(m.event.id);
  const title = t('followup.title', { title: eventTitle(m.event, m.lang) });
  const err = (name: string) => errorText(m.lang, m.errors[name], m.params);
  const sent = m.event.followup_sent_at;
  const early = m.event.ends_at > new Date();
  const head = html`<p class="admin-muted"><a href="${base}">${eventTitle(m.event, m.lang)}</a></p><h1>${title}</h1>`;
  if (sent)
    return page(title, html`${head}${notice(t('followup.sent', { date: formatTime(m.lang, sent) }))}`);
  const preview = m.preview
    ? html`<section aria-labelledby="preview-title" class="events-section">
        <h2 id="preview-title">${t('followup.preview')}</h2>
        <div class="content-pair">
          ${(['sv', 'en'] as const).map(
            (l) => html`<div lang="${l}">
              <h3>${t(l === 'sv' ? 'form.inSwedish' : 'form.inEnglish')}: ${m.preview![l].subject}</h3>
              <pre class="events-mail">${m.preview![l].text}</pre>
            </div>`,
          )}
        </div>
      </section>`
    : '';
  return page(
    title,
    html`${head}
      <p class="lead">${t('followup.intro')}</p>
      ${early ? html`<div class="notice notice--warning" role="status"><p>${t('refused.followupEarly')}</p></div>` : ''}
      ${m.refused ? html`<div class="notice notice--warning" role="alert"><p>${t(m.refused)}</p></div>` : ''}
      ${formErrorSummary(m.lang, errorList(m.lang, m.errors, m.params))}
      <form class="form" method="post" action="${base}/followup" novalidate>
        ${csrfField(m.csrf)}
        ${radioGroup(m.lang, {
          name: 'audience',
          legend: t('followup.audience'),
          value: m.values.audience,
          error: err('audience'),
          required: true,
          options: [
            {
              value: 'checked_in',
              label: t('followup.checkedIn', { count: formatNumber(m.lang, m.counts.checked_in) }),
            },
            {
              value: 'confirmed',
              label: t('followup.confirmed', { count: formatNumber(m.lang, m.counts.confirmed) }),
            },
          ],
        })}
        ${languagePair(m.lang, {
          prefix: 'paragraph',
          values: { sv: m.values.paragraph_sv, en: m.values.paragraph_en },
          label: (l) =>
            t('form.pairLabel', {
              field: t('followup.paragraph'),
              language: t(l === 'sv' ? 'form.inSwedish' : 'form.inEnglish'),
            }),
          missing: t('form.missing'),
          error: err,
          rows: 5,
          maxlength: 2000,
          hint: t('followup.paragraphHint'),
          required: false,
        })}
        <p class="admin-actions">
          <button class="button button--secondary" type="submit" name="step" value="preview">${t('followup.showPreview')}</button>
          ${m.preview && !early ? html`<button class="button" type="submit" name="step" value="send">${t('followup.send')}</button>` : ''}
        </p>
      </form>
      ${preview}`,
  );
}

// Statistics.

export interface StatRow {
  key: string;
  label: string;
  /** As shown. */
  value: string;
  /** As exported: a whole number, a percentage's number, or empty. */
  raw: number | null;
}

export function statRows(lang: Lang, event: EventRow, f: EventFigures): StatRow[] {
  const t = tr(lang);
  const n = (v: number) => formatNumber(lang, v);
  // Before the event is over nobody has failed to come yet: no attendance, no no-shows.
  const ended = eventEnded(event);
  const rate =
    ended && f.confirmedRegistrations > 0
      ? Math.round((f.checkedInRegistrations / f.confirmedRegistrations) * 100)
      : null;
  const later = `– (${t('stats.afterEvent')})`;
  return [
    { key: 'seats', label: t('stats.seats'), value: n(event.seats_taken), raw: event.seats_taken },
    {
      key: 'capacity',
      label: t('stats.capacity'),
      value: event.capacity === null ? t('stats.noLimit') : n(event.capacity),
      raw: event.capacity,
    },
    {
      key: 'confirmed',
      label: t('stats.confirmed'),
      value: n(f.confirmedRegistrations),
      raw: f.confirmedRegistrations,
    },
    {
      key: 'seatsConfirmed',
      label: t('stats.seatsConfirmed'),
      value: n(f.seatsConfirmed),
      raw: f.seatsConfirmed,
    },
    { key: 'waiting', label: t('stats.waiting'), value: n(f.waitingPeople), raw: f.waitingPeople },
    { key: 'waitingSeats', label: t('stats.waitingSeats'), value: n(f.waitingSeats), raw: f.waitingSeats },
    { key: 'offersOpen', label: t('stats.offersOpen'), value: n(f.offersOpen), raw: f.offersOpen },
    { key: 'offersTaken', label: t('stats.offersTaken'), value: n(f.offersTaken), raw: f.offersTaken },
    {
      key: 'offersExpired',
      label: t('stats.offersExpired'),
      value: n(f.offersExpired),
      raw: f.offersExpired,
    },
    { key: 'applied', label: t('stats.applied'), value: n(f.applied), raw: f.applied },
    { key: 'approved', label: t('stats.approved'), value: n(f.approved), raw: f.approved },
    { key: 'declined', label: t('stats.declined'), value: n(f.declined), raw: f.declined },
    { key: 'cancelled', label: t('stats.cancelled'), value: n(f.cancelled), raw: f.cancelled },
    {
      key: 'checkedIn',
      label: t('stats.checkedIn'),
      value: n(f.checkedInRegistrations),
      raw: f.checkedInRegistrations,
    },
    {
      key: 'checkedInPeople',
      label: t('stats.checkedInPeople'),
      value: n(f.checkedInPeople),
      raw: f.checkedInPeople,
    },
    {
      key: 'attendance',
      label: t('stats.attendance'),
      value: !ended ? later : rate === null ? '–' : `${n(rate)} %`,
      raw: rate,
    },
    {
      key: 'noShows',
      label: t('stats.noShows'),
      value: ended ? n(f.noShows) : later,
      raw: ended ? f.noShows : null,
    },
  ];
}

export function statsPage(lang: Lang, event: EventRow, f: EventFigures): Page {
  const t = tr(lang);
  const base = adminEventPath(event.id);
  const title = t('stats.title', { title: eventTitle(event, lang) });
  const rows = statRows(lang, event, f);
  const figures = dataTable({
    id: 'stats-figures',
    caption: t('stats.figures'),
    columns: [t('stats.figure'), t('stats.value')],
    rows,
    cells: (r) => [r.label, { content: r.value, className: 'events-number' }],
    empty: '',
  });
  const chart = columnChart(
    f.perDay.map((d) => ({
      key: d.day,
      label: d.day.slice(5),
      group: d.day.slice(0, 4),
      value: d.registrations,
    })),
    { id: 'per-day-chart', lang, title: t('stats.perDay'), desc: t('stats.perDayDesc') },
  );
  const perDay = dataTable({
    id: 'stats-per-day',
    caption: t('stats.perDay'),
    columns: [t('stats.day'), t('stats.registrations'), t('stats.daySeats')],
    rows: f.perDay,
    cells: (d) => [
      d.day,
      { content: formatNumber(lang, d.registrations), className: 'events-number' },
      { content: formatNumber(lang, d.seats), className: 'events-number' },
    ],
    empty: t('stats.noRegistrations'),
  });
  const leads = dataTable({
    id: 'stats-leads',
    caption: t('stats.leads'),
    columns: [t('stats.exhibitor'), t('stats.stand'), t('stats.leadCount')],
    rows: f.leads,
    cells: (l) => [
      l.organisation || t('stats.ownStand'),
      l.stand,
      { content: formatNumber(lang, l.leads), className: 'events-number' },
    ],
    empty: t('stats.noLeads'),
  });
  return page(
    title,
    html`<p class="admin-muted"><a href="${base}">${eventTitle(event, lang)}</a></p>
      <h1>${title}</h1>
      <p class="admin-actions"><a class="button button--secondary" href="${base}/stats.csv" download>${t('stats.csv')}</a></p>
      ${figures}
      <div class="events-section">
        <h2 id="per-day-title">${t('stats.perDay')}</h2>
        <div class="events-chart">${chart}</div>
        ${perDay}
      </div>
      <div class="events-section">
        <h2 id="leads-title">${t('stats.leads')}</h2>
        ${leads}
      </div>`,
  );
}
