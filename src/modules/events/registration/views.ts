/**
 * Registration's HTML: the registration box (the public event page's panel, and the form on its
 * own page re-shown with the errors by each field), the personal page with the ticket's QR code,
 * the cancel confirmation, the organisers' panel and list, the own page's section.
 */
import {
  checkboxGroup,
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
import { html, type HtmlValue, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import type { QrCode } from '../../../platform/html/qr.ts';
import { dataTable } from '../../../platform/html/table.ts';
import type { AdminPage } from '../../../platform/html/admin-layout.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import { eventText, eventTitle, registrationOpen, seatsLeft, type EventRow } from '../events.ts';
import { eventMessages } from '../messages.ts';
import {
  adminEventPath,
  eventPath,
  LIVE_STATUSES,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
} from '../model.ts';
import { groupLimit, LIMITS, type FieldErrors, type Question, type RegisterDraft } from './form.ts';
import { managePath, type RegistrationRow } from './mails.ts';
import { registrationMessages as msg, type RegistrationKey } from './messages.ts';
import type { RegistrationCounts } from './repository.ts';
import { shortTime, whenText, whereText } from './words.ts';

export const REGISTRATION_CSS = 'css/events-registration.css';

const t = (lang: Lang, key: RegistrationKey, params?: Record<string, string | number>) =>
  msg.t(lang, key, params);

export const registerPath = (lang: Lang, slug: string) => localPath(lang, `${eventPath(slug)}/register`);
export const registrationsPath = (eventId: string) => `${adminEventPath(eventId)}/registrations`;

/** What the box says instead of (or above) the form. */
export type BoxState =
  'open' | 'full' | 'application' | 'none' | 'cancelled' | 'past' | 'notYet' | 'closed' | 'notPublished';

export function boxState(event: EventRow, now = new Date()): BoxState {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'notPublished';
  if (event.starts_at <= now) return 'past';
  if (event.registration === 'none') return 'none';
  if (event.registration_opens_at && now < event.registration_opens_at) return 'notYet';
  if (!registrationOpen(event, now)) return 'closed';
  if (event.registration === 'application') return 'application';
  const left = seatsLeft(event);
  return left !== null && left <= 0 ? 'full' : 'open';
}

export interface FormView {
  lang: Lang;
  event: EventRow;
  questions: readonly Question[];
  hasExhibitors: boolean;
  draft: RegisterDraft;
  errors: FieldErrors;
  csrfToken: string;
  /** The heading level's id prefix (the panel and the page may not clash). */
  idPrefix?: string;
  notice?: string;
}

const err = (lang: Lang, errors: FieldErrors, name: string) => {
  const e = errors[name];
  return e ? t(lang, e.key, e.params) : undefined;
};

function questionField(view: FormView, q: Question): SafeHtml {
  const { lang, draft, errors } = view;
  const name = `q_${q.id}`;
  const label = (lang === 'en' ? q.label.en || q.label.sv : q.label.sv || q.label.en) || '—';
  const value = draft.answers[q.id] ?? '';
  const error = err(lang, errors, name);
  if (q.kind === 'yes_no')
    return radioGroup(lang, {
      name,
      legend: label,
      required: q.required,
      error,
      className: 'field reg-inline',
      options: [
        { value: 'yes', label: t(lang, 'field.yes') },
        { value: 'no', label: t(lang, 'field.no') },
      ],
      value,
    });
  if (q.kind === 'choice')
    return selectField(lang, {
      name,
      label,
      required: q.required,
      error,
      value,
      options: [
        { value: '', label: t(lang, 'field.choose') },
        ...q.choices.map((c, i) => ({ value: String(i), label: (lang === 'en' ? c.en : c.sv) || c.sv })),
      ],
    });
  return textField(lang, { name, label, required: q.required, error, value, maxlength: LIMITS.answer });
}

function errorList(lang: Lang, errors: FieldErrors): SafeHtml {
  return formErrorSummary(
    lang,
    Object.entries(errors).map(([id, e]) => ({
      id: id === 'consent' ? 'consent-yes' : id === 'share' ? 'share-yes' : id,
      text: t(lang, e.key, e.params),
    })),
  );
}

/** The form itself (open, full → waiting list, or an application). */
export function registrationForm(view: FormView): SafeHtml {
  const { lang, event, draft, errors } = view;
  const state = boxState(event);
  const application = event.registration === 'application';
  const max = groupLimit(event.max_group);
  const seatOptions = Array.from({ length: max }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
  const submit = application ? 'submit.apply' : state === 'full' ? 'submit.wait' : 'submit.register';
  return html`<form class="reg-form" method="post" action="${registerPath(lang, event.slug)}" novalidate>
    ${csrfField(view.csrfToken)} ${errorList(lang, errors)}
    ${textField(lang, { name: 'name', label: t(lang, 'field.name'), value: draft.name, required: true, autocomplete: 'name', maxlength: LIMITS.name, error: err(lang, errors, 'name') })}
    ${emailField(lang, { name: 'email', label: t(lang, 'field.email'), hint: t(lang, 'field.emailHint'), value: draft.email, required: true, maxlength: LIMITS.email, error: err(lang, errors, 'email') })}
    ${
      max > 1
        ? selectField(lang, {
            name: 'seats',
            label: t(lang, 'field.seats'),
            hint: t(lang, 'field.seatsHint', { max }),
            value: draft.seats,
            required: true,
            error: err(lang, errors, 'seats'),
            options: seatOptions,
            className: 'field reg-seats',
          })
        : hiddenField('seats', '1')
    }
    ${
      application
        ? html`${textareaField(lang, { name: 'motivation', label: t(lang, 'field.motivation'), hint: t(lang, 'field.motivationHint'), value: draft.motivation, required: true, rows: 5, maxlength: LIMITS.motivation, error: err(lang, errors, 'motivation') })}
        ${textareaField(lang, { name: 'companions', label: t(lang, 'field.companions'), hint: t(lang, 'field.companionsHint'), value: draft.companions, required: false, rows: 2, maxlength: LIMITS.companions, error: err(lang, errors, 'companions') })}`
        : ''
    }
    ${
      view.questions.length
        ? html`<fieldset class="reg-group"><legend>${t(lang, 'questions.legend')}</legend>
          ${view.questions.map((q) => questionField(view, q))}</fieldset>`
        : ''
    }
    <fieldset class="reg-group"><legend>${t(lang, 'field.consentLegend')}</legend>
      <p class="reg-consent-text">${eventMessages.t(lang, 'consent.registration.text')}</p>
      ${checkboxGroup(lang, {
        name: 'consent',
        legend: t(lang, 'field.consent'),
        legendClass: 'visually-hidden',
        required: true,
        error: err(lang, errors, 'consent'),
        options: [{ value: 'yes', label: t(lang, 'field.consent') }],
        values: draft.consent ? ['yes'] : [],
      })}
      ${
        view.hasExhibitors
          ? checkboxGroup(lang, {
              name: 'share',
              legend: t(lang, 'field.share'),
              legendClass: 'visually-hidden',
              required: false,
              options: [{ value: 'yes', label: eventMessages.t(lang, 'consent.exhibitors.text') }],
              values: draft.share ? ['yes'] : [],
            })
          : ''
      }
    </fieldset>
    <p><button class="button" type="submit">${t(lang, submit)}</button></p>
  </form>`;
}

/** The sentence the box shows for its state (seats left, full, closed …). */
function stateSentence(lang: Lang, event: EventRow, state: BoxState): SafeHtml {
  const left = seatsLeft(event);
  switch (state) {
    case 'open':
      return html`<p class="reg-seats-left">${left === null ? t(lang, 'box.unlimited') : left === 1 ? t(lang, 'box.seatLeft') : t(lang, 'box.seatsLeft', { count: formatNumber(lang, left) })}</p>`;
    case 'full':
      return html`<p class="reg-seats-left reg-seats-left--full">${t(lang, 'box.full')}</p>`;
    case 'application':
      return html`<p>${t(lang, 'box.applicationLead')}</p>`;
    case 'notYet':
      return html`<p class="reg-closed">${t(lang, 'box.notYet', { date: shortTime(lang, event.registration_opens_at!) })}</p>`;
    default:
      return html`<p class="reg-closed">${t(lang, `box.${state}` as RegistrationKey)}</p>`;
  }
}

export const formOpen = (state: BoxState) => state === 'open' || state === 'full' || state === 'application';

/** The public event page's registration box (a panel). */
export function registrationBox(view: FormView): { title: string; html: SafeHtml } {
  const { lang, event } = view;
  const state = boxState(event);
  const title = t(lang, event.registration === 'application' ? 'box.titleApplication' : 'box.title');
  return {
    title,
    html: html`<section id="registration" class="reg-box" aria-labelledby="registration-title">
      <h2 id="registration-title">${title}</h2>
      ${stateSentence(lang, event, state)} ${formOpen(state) ? registrationForm(view) : ''}
    </section>`,
  };
}

function eventFacts(lang: Lang, event: EventRow): SafeHtml {
  const where = event.location_kind === 'online' ? t(lang, 'page.online') : whereText(event);
  return html`<dl class="reg-facts">
    <div><dt>${t(lang, 'page.when')}</dt><dd>${whenText(lang, event.starts_at, event.ends_at)}</dd></div>
    <div><dt>${t(lang, 'page.where')}</dt><dd>${where}</dd></div>
  </dl>`;
}

function heroOf(lang: Lang, event: EventRow, heading: string): SafeHtml {
  return html`<div class="reg-hero">
    <div class="wrap reg-hero__inner">
      <p class="reg-hero__kind">${eventMessages.t(lang, `kind.${event.kind}` as 'kind.fair')}</p>
      <h1>${heading}</h1>
      ${eventText(event, 'summary', lang) ? html`<p class="reg-hero__lead">${eventText(event, 'summary', lang)}</p>` : ''}
      ${eventFacts(lang, event)}
    </div>
  </div>`;
}

/** The registration form on its own page (GET, or re-shown with the errors: 400). */
export function registerPage(view: FormView): Page {
  const { lang, event } = view;
  const title = eventTitle(event, lang);
  const box = registrationBox(view);
  const heading = t(lang, event.registration === 'application' ? 'page.titleApplication' : 'page.title', {
    event: title,
  });
  const hasErrors = Object.keys(view.errors).length > 0;
  return {
    title: hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ${heading}` : heading,
    description: eventText(event, 'summary', lang) || heading,
    path: `${eventPath(event.slug)}/register`,
    noindex: true,
    stylesheets: [REGISTRATION_CSS],
    main: html`${heroOf(lang, event, heading)}
      <div class="wrap reg-page">
        ${notice(view.notice)}
        <div class="reg-page__box">${box.html}</div>
        <p><a href="${localPath(lang, eventPath(event.slug))}">${t(lang, 'page.back')}</a></p>
      </div>`,
  };
}

// ---- The personal page ----

export interface ManageView {
  lang: Lang;
  token: string;
  event: EventRow;
  reg: RegistrationRow;
  questions: readonly Question[];
  /** The event has exhibiting employers (the consent to share can be given). */
  hasExhibitors: boolean;
  /** How long an ended registration is kept (service.ts KEEP_ENDED_DAYS), said by the delete offer. */
  keepEndedDays: number;
  place?: number;
  ticket?: { code: string; qr: QrCode };
  csrfToken: string;
  notice?: string;
  answerErrors?: FieldErrors;
  answersDraft?: Record<string, string>;
}

function qrImage(qr: QrCode, label: string): SafeHtml {
  const side = qr.size;
  return html`<svg role="img" aria-label="${label}" class="reg-ticket__qr" width="220" height="220" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h${side}v${side}H0z"/><path stroke="#000000" d="${qr.path}"/></svg>`;
}

function statusSentence(view: ManageView): string {
  const { lang, reg } = view;
  switch (reg.status as RegistrationStatus) {
    case 'confirmed':
      return reg.seats > 1
        ? t(lang, 'manage.confirmedSeats', { seats: reg.seats })
        : t(lang, 'manage.confirmed');
    case 'waiting':
      return t(lang, 'manage.waiting', { place: view.place ?? 1 });
    case 'offered':
      return t(lang, 'manage.offered', {
        deadline: reg.offer_expires_at ? shortTime(lang, reg.offer_expires_at) : '',
      });
    case 'applied':
      return t(lang, 'manage.applied');
    case 'declined':
      return t(lang, 'manage.declined');
    case 'expired':
      return t(lang, 'manage.expired');
    default:
      return t(lang, 'manage.cancelledReg');
  }
}

const postTo = (lang: Lang, token: string, action: string) => `${managePath(lang, token)}/${action}`;

export function managePage(view: ManageView): Page {
  const { lang, event, reg, token } = view;
  const title = eventTitle(event, lang);
  const heading = t(lang, 'manage.title', { event: title });
  const live = LIVE_STATUSES.includes(reg.status as RegistrationStatus);
  const changeable = live && event.status === 'published' && event.starts_at > new Date();
  const max = groupLimit(event.max_group);
  // An application never grows past what the organiser decided on: only fewer can be chosen.
  const application = event.registration === 'application';
  const seatChoices = application ? Math.min(reg.seats, max) : max;
  const answerDraft = view.answersDraft ?? reg.answers;
  const answerErrors = view.answerErrors ?? {};
  const formView: FormView = {
    lang,
    event,
    questions: view.questions,
    hasExhibitors: false,
    draft: {
      name: '',
      email: '',
      seats: '1',
      consent: true,
      share: false,
      motivation: '',
      companions: '',
      answers: answerDraft,
    },
    errors: answerErrors,
    csrfToken: view.csrfToken,
  };
  // An online event has no entrance: no QR ticket, the link instead (or word that it comes by mail).
  const isOnline = event.location_kind === 'online';
  const admitted = reg.status === 'confirmed' && event.status !== 'cancelled';
  const online =
    isOnline && admitted
      ? html`<section class="reg-box" aria-labelledby="online-title">
          <h2 id="online-title">${t(lang, 'manage.onlineTitle')}</h2>
          ${event.online_url ? html`<p><a href="${event.online_url}" rel="noopener">${t(lang, 'manage.onlineLink')}</a></p>` : ''}
          <p>${t(lang, event.online_url ? 'manage.onlineHelp' : 'manage.onlineLater')}</p>
        </section>`
      : '';
  // The consent to the exhibitors: withdrawn at any time; given while live and the event has them.
  const canGiveShare = live && event.status !== 'cancelled' && view.hasExhibitors;
  const share = reg.share_with_exhibitors
    ? html`<section class="reg-box" aria-labelledby="share-title">
        <h2 id="share-title">${t(lang, 'manage.shareTitle')}</h2>
        <form method="post" action="${postTo(lang, token, 'share')}" class="reg-form">
          ${csrfField(view.csrfToken)}<input type="hidden" name="share" value="no">
          <p>${t(lang, 'manage.shareOn')}</p>
          <p>${t(lang, 'manage.shareOnNote')}</p>
          <p><button class="button button--secondary" type="submit">${t(lang, 'manage.shareStop')}</button></p>
        </form>
      </section>`
    : canGiveShare
      ? html`<section class="reg-box" aria-labelledby="share-title">
          <h2 id="share-title">${t(lang, 'manage.shareTitle')}</h2>
          <p>${t(lang, 'manage.shareOff')}</p>
          <form method="post" action="${postTo(lang, token, 'share')}" class="reg-form">
            ${csrfField(view.csrfToken)}<input type="hidden" name="share" value="yes">
            <p>${t(lang, 'manage.shareOffer')}</p>
            <p><button class="button button--secondary" type="submit">${t(lang, 'manage.shareStart')}</button></p>
          </form>
        </section>`
      : '';
  // An ended registration (no seat) can be deleted at once, as the privacy text promises.
  const erase = ['cancelled', 'declined', 'expired'].includes(reg.status)
    ? html`<section class="reg-box" aria-labelledby="erase-title">
        <h2 id="erase-title">${t(lang, 'manage.eraseTitle')}</h2>
        <form method="post" action="${postTo(lang, token, 'erase')}" class="reg-form">
          ${csrfField(view.csrfToken)}
          <p>${t(lang, 'manage.eraseText', { days: view.keepEndedDays })}</p>
          <p><button class="button" type="submit">${t(lang, 'manage.eraseSubmit')}</button></p>
        </form>
      </section>`
    : '';
  const main = html`${heroOf(lang, event, heading)}
    <div class="wrap reg-page reg-manage">
      ${notice(view.notice)}
      ${
        event.status === 'cancelled'
          ? html`<div class="notice notice--warning" role="status"><p>${t(lang, 'manage.eventCancelled')}</p>
            ${event.cancel_reason ? html`<p>${t(lang, 'manage.eventCancelledReason', { reason: event.cancel_reason })}</p>` : ''}</div>`
          : ''
      }
      <section class="reg-box" aria-labelledby="status-title">
        <h2 id="status-title">${eventMessages.t(lang, `regStatus.${reg.status}` as 'regStatus.confirmed')}</h2>
        <p class="reg-status">${statusSentence(view)}</p>
        <dl class="reg-facts">
          <div><dt>${t(lang, 'manage.name')}</dt><dd>${reg.name}</dd></div>
          <div><dt>${t(lang, 'manage.seats')}</dt><dd>${reg.seats}</dd></div>
        </dl>
        ${
          reg.status === 'offered' && changeable
            ? html`<div class="reg-actions">
              <form method="post" action="${postTo(lang, token, 'accept')}">${csrfField(view.csrfToken)}<button class="button" type="submit">${t(lang, 'manage.take')}</button></form>
              <form method="post" action="${postTo(lang, token, 'decline')}">${csrfField(view.csrfToken)}<button class="button button--secondary" type="submit">${t(lang, 'manage.refuse')}</button></form>
            </div>`
            : ''
        }
      </section>
      ${
        view.ticket && event.status !== 'cancelled' && !isOnline
          ? html`<section class="reg-box reg-ticket" aria-labelledby="ticket-title">
            <h2 id="ticket-title">${t(lang, 'manage.ticket')}</h2>
            ${qrImage(view.ticket.qr, t(lang, 'manage.ticketLabel', { event: title }))}
            <p>${t(lang, 'manage.ticketHelp')}</p>
            <p><code class="reg-ticket__code">${view.ticket.code}</code></p>
          </section>`
          : ''
      }
      ${online}
      ${
        changeable && reg.status !== 'offered' && seatChoices > 1
          ? html`<section class="reg-box" aria-labelledby="seats-title">
            <h2 id="seats-title">${t(lang, 'manage.changeSeats')}</h2>
            <form method="post" action="${postTo(lang, token, 'seats')}" class="reg-form">
              ${csrfField(view.csrfToken)}
              ${selectField(lang, { name: 'seats', label: t(lang, 'field.seats'), hint: application ? t(lang, 'manage.seatsFewerOnly') : t(lang, 'field.seatsHint', { max }), value: String(reg.seats), options: Array.from({ length: seatChoices }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })) })}
              <p><button class="button" type="submit">${t(lang, 'manage.changeSeatsSubmit')}</button></p>
            </form>
          </section>`
          : ''
      }
      ${
        changeable && view.questions.length
          ? html`<section class="reg-box" aria-labelledby="answers-title">
            <h2 id="answers-title">${t(lang, 'manage.changeAnswers')}</h2>
            <form method="post" action="${postTo(lang, token, 'answers')}" class="reg-form" novalidate>
              ${csrfField(view.csrfToken)} ${errorList(lang, answerErrors)}
              ${view.questions.map((q) => questionField(formView, q))}
              <p><button class="button" type="submit">${t(lang, 'manage.changeAnswersSubmit')}</button></p>
            </form>
          </section>`
          : ''
      }
      ${share} ${erase}
      ${
        live && event.starts_at > new Date()
          ? html`<p><a class="button button--secondary" href="${postTo(lang, token, 'cancel')}">${t(lang, 'manage.cancelLink')}</a></p>`
          : ''
      }
      <p><a href="${localPath(lang, eventPath(event.slug))}">${t(lang, 'manage.eventPage')}</a></p>
    </div>`;
  return {
    title: heading,
    description: heading,
    path: managePath(lang, token).slice(3),
    noindex: true,
    languages: [lang],
    stylesheets: [REGISTRATION_CSS],
    main,
  };
}

export function cancelPage(lang: Lang, event: EventRow, token: string, csrfToken: string): Page {
  const heading = t(lang, 'manage.cancelTitle');
  return {
    title: heading,
    description: heading,
    path: `${managePath(lang, token).slice(3)}/cancel`,
    noindex: true,
    languages: [lang],
    stylesheets: [REGISTRATION_CSS],
    main: html`<div class="wrap reg-page">
      <section class="reg-box" aria-labelledby="cancel-title">
        <h1 id="cancel-title">${heading}</h1>
        <p><strong>${eventTitle(event, lang)}</strong>, ${whenText(lang, event.starts_at, event.ends_at)}</p>
        <p>${t(lang, 'manage.cancelText')}</p>
        <div class="reg-actions">
          <form method="post" action="${postTo(lang, token, 'cancel')}">${csrfField(csrfToken)}<button class="button" type="submit">${t(lang, 'manage.cancelConfirm')}</button></form>
          <a class="button button--secondary" href="${managePath(lang, token)}">${t(lang, 'manage.cancelKeep')}</a>
        </div>
      </section>
    </div>`,
  };
}

/** After an ended registration was deleted at the person's request: holds nothing of them. */
export function erasedPage(lang: Lang): Page {
  const heading = t(lang, 'erased.title');
  return {
    title: heading,
    description: heading,
    path: '/events/registration/erased',
    noindex: true,
    stylesheets: [REGISTRATION_CSS],
    main: html`<div class="wrap reg-page">
      <section class="reg-box" aria-labelledby="erased-title">
        <h1 id="erased-title">${heading}</h1>
        <p>${t(lang, 'erased.text')}</p>
        <p><a href="${localPath(lang, '/events')}">${t(lang, 'erased.events')}</a></p>
      </section>
    </div>`,
  };
}

// ---- The organisers' side ----

function countsList(lang: Lang, event: EventRow, counts: RegistrationCounts): SafeHtml {
  const capacity = event.capacity === null ? t(lang, 'admin.unlimited') : formatNumber(lang, event.capacity);
  return html`<dl class="admin-facts reg-counts">
      <dt>${t(lang, 'admin.confirmedSeats')}</dt><dd>${t(lang, 'admin.seatsOf', { taken: formatNumber(lang, counts.confirmedSeats), capacity })}</dd>
      <dt>${t(lang, 'admin.waiting')}</dt><dd>${formatNumber(lang, counts.waiting)}</dd>
      <dt>${t(lang, 'admin.offered')}</dt><dd>${formatNumber(lang, counts.offered)}</dd>
      ${
        event.registration === 'application' || counts.applied > 0
          ? html`<dt>${t(lang, 'admin.applications')}</dt><dd>${formatNumber(lang, counts.applied)}</dd>`
          : ''
      }
    </dl>`;
}

export function adminPanelHtml(lang: Lang, event: EventRow, counts: RegistrationCounts): SafeHtml {
  const title = t(lang, 'admin.panelTitle');
  return html`<section id="registrations" aria-labelledby="registrations-title">
    <h2 id="registrations-title">${title}</h2>
    ${countsList(lang, event, counts)}
    <p><a href="${registrationsPath(event.id)}">${t(lang, 'admin.open')}</a></p>
  </section>`;
}

export const ADMIN_DONE = ['approved', 'full', 'waiting', 'declined', 'cancelled', 'gone'] as const;
export type AdminDone = (typeof ADMIN_DONE)[number];

export interface AdminListView {
  lang: Lang;
  event: EventRow;
  questions: readonly Question[];
  rows: readonly RegistrationRow[];
  total: number;
  page: number;
  pages: number;
  status: string;
  q: string;
  counts: RegistrationCounts;
  csrfToken: string;
  done?: AdminDone;
  /** The registration a refused decline message belongs to, with the error. */
  declineError?: { id: string; message: string };
}

/** An answer in words (a choice's label, yes/no, the text). */
export function answerText(lang: Lang, q: Question | undefined, value: string): string {
  if (!q) return value;
  if (q.kind === 'yes_no') return value === 'yes' ? t(lang, 'admin.answerYes') : t(lang, 'admin.answerNo');
  if (q.kind === 'choice') {
    const c = q.choices[Number(value)];
    return c ? (lang === 'en' ? c.en : c.sv) || c.sv : value;
  }
  return value;
}

function answersCell(lang: Lang, questions: readonly Question[], reg: RegistrationRow): HtmlValue {
  const items: SafeHtml[] = [];
  for (const q of questions) {
    const value = reg.answers[q.id];
    if (value === undefined) continue;
    const label = (lang === 'en' ? q.label.en || q.label.sv : q.label.sv || q.label.en) || '—';
    items.push(html`<div><dt>${label}</dt><dd>${answerText(lang, q, value)}</dd></div>`);
  }
  if (reg.answers.motivation)
    items.push(html`<div><dt>${t(lang, 'admin.motivation')}</dt><dd>${reg.answers.motivation}</dd></div>`);
  if (reg.answers.companions)
    items.push(html`<div><dt>${t(lang, 'admin.companions')}</dt><dd>${reg.answers.companions}</dd></div>`);
  return items.length ? html`<dl class="reg-answers">${items}</dl>` : '—';
}

function actionsCell(view: AdminListView, reg: RegistrationRow): HtmlValue {
  const { lang, csrfToken } = view;
  const base = `${registrationsPath(view.event.id)}/${reg.id}`;
  const button = (action: string, label: string, secondary = false) =>
    html`<form method="post" action="${base}/${action}" class="admin-inline-form">${csrfField(csrfToken)}<button type="submit" class="button${secondary ? ' button--secondary' : ''}">${label}</button></form>`;
  const parts: SafeHtml[] = [];
  if (reg.status === 'applied') {
    parts.push(button('approve', t(lang, 'admin.approve')));
    parts.push(button('wait', t(lang, 'admin.toWaiting'), true));
    const error = view.declineError?.id === reg.id ? view.declineError.message : undefined;
    parts.push(html`<details${error ? ' open' : ''}><summary>${t(lang, 'admin.decline')}</summary>
      <form method="post" action="${base}/decline">${csrfField(csrfToken)}
        ${textareaField(lang, { name: 'message', id: `message-${reg.id}`, label: t(lang, 'admin.declineMessage'), value: '', required: false, rows: 3, maxlength: LIMITS.message, error })}
        <button type="submit" class="button button--secondary">${t(lang, 'admin.decline')}</button>
      </form></details>`);
  }
  if (['confirmed', 'waiting', 'offered'].includes(reg.status))
    parts.push(html`<details><summary>${t(lang, 'admin.cancel')}</summary>
      ${button('cancel', t(lang, 'admin.cancelConfirm', { name: reg.name }), true)}</details>`);
  return parts.length ? html`<div class="reg-admin-actions">${parts}</div>` : '';
}

export function adminListPage(view: AdminListView): AdminPage {
  const { lang, event } = view;
  const title = t(lang, 'admin.title', { event: eventTitle(event, lang) });
  const path = registrationsPath(event.id);
  const query = (page: number) => {
    const p = new URLSearchParams();
    if (view.status) p.set('status', view.status);
    if (view.q) p.set('q', view.q);
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return s ? `${path}?${s}` : path;
  };
  const csv = (() => {
    const p = new URLSearchParams();
    if (view.status) p.set('status', view.status);
    if (view.q) p.set('q', view.q);
    const s = p.toString();
    return `${path}.csv${s ? `?${s}` : ''}`;
  })();
  const links = [
    ...(view.page > 1
      ? [{ href: query(view.page - 1), text: t(lang, 'admin.prev'), rel: 'prev' as const }]
      : []),
    ...(view.page < view.pages
      ? [{ href: query(view.page + 1), text: t(lang, 'admin.next'), rel: 'next' as const }]
      : []),
  ];
  const statusLabel = (s: string) => eventMessages.t(lang, `regStatus.${s}` as 'regStatus.confirmed');
  const main = html`<h1>${title}</h1>
    <p><a href="${adminEventPath(event.id)}">${t(lang, 'admin.back')}</a></p>
    ${
      view.done
        ? html`<div class="notice${view.done === 'full' || view.done === 'gone' ? ' notice--warning' : ''}" role="status"><p>${t(lang, `admin.done.${view.done}` as RegistrationKey)}</p></div>`
        : ''
    }
    ${countsList(lang, event, view.counts)}
    <form method="get" action="${path}" class="admin-filter reg-filter">
      ${selectField(lang, {
        name: 'status',
        label: t(lang, 'admin.status'),
        value: view.status,
        options: [
          { value: '', label: t(lang, 'admin.all') },
          ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
        ],
      })}
      ${textField(lang, { name: 'q', type: 'search', label: t(lang, 'admin.search'), value: view.q, maxlength: 100 })}
      <p><button class="button" type="submit">${t(lang, 'admin.filter')}</button></p>
    </form>
    <p><a href="${csv}" download>${t(lang, 'admin.csv')}</a></p>
    ${dataTable({
      id: 'registrations-table',
      caption: t(lang, 'admin.caption', { count: formatNumber(lang, view.total) }),
      columns: [
        t(lang, 'admin.col.name'),
        t(lang, 'admin.col.email'),
        t(lang, 'admin.col.seats'),
        t(lang, 'admin.col.status'),
        t(lang, 'admin.col.registered'),
        t(lang, 'admin.col.answers'),
        t(lang, 'admin.col.actions'),
      ],
      rows: view.rows,
      cells: (r) => [
        r.name,
        r.email,
        String(r.seats),
        html`${statusLabel(r.status)}${r.status === 'offered' && r.offer_expires_at ? html` <span class="admin-muted">${t(lang, 'admin.offerUntil', { deadline: shortTime(lang, r.offer_expires_at) })}</span>` : ''}`,
        shortTime(lang, r.created_at),
        answersCell(lang, view.questions, r),
        actionsCell(view, r),
      ],
      empty: html`<p>${t(lang, 'admin.empty')}</p>`,
      paging: { label: t(lang, 'admin.paging'), links },
    })}`;
  return { title, path, main, stylesheets: [REGISTRATION_CSS], navPath: '/admin/events' };
}

// ---- The own page ----

export function ownSectionHtml(
  lang: Lang,
  items: readonly { title: string; when: string; status: string; href: string }[],
): SafeHtml {
  return html`<section id="events" aria-labelledby="events-title">
    <h2 id="events-title">${t(lang, 'own.title')}</h2>
    <p>${t(lang, 'own.intro')}</p>
    <ul class="reg-own">
      ${items.map(
        (i) =>
          html`<li><a href="${i.href}">${i.title}</a> – ${i.when}. ${eventMessages.t(lang, `regStatus.${i.status}` as 'regStatus.confirmed')}</li>`,
      )}
    </ul>
  </section>`;
}
