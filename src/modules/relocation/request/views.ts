/**
 * The request part's pages: the form at /:lang/move (inside content's move page: hero, the move in
 * brief, guides), the receipt, the welcome link's confirm and gone pages, and the navigators'
 * slots page. All words from messages.ts and ../messages.ts; no script; every field labelled and
 * its error by it.
 */
import {
  checkboxGroup,
  csrfField,
  emailField,
  formErrorSummary,
  groupShell,
  hiddenField,
  radioGroup,
  selectField,
  textareaField,
  textField,
  dateField,
  notice,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { relocationMessages } from '../messages.ts';
import { CHANNELS, CITIZENSHIPS, HOUSING, NEEDS, PATHS, type ConsentPurpose } from '../model.ts';
import {
  FIELD_ORDER,
  LIMITS,
  OPTIONAL_CONSENTS,
  PARTNER_CONSENTS,
  type FieldErrors,
  type RequestDraft,
} from './form.ts';
import { requestMessages, type RequestKey } from './messages.ts';
import type { MySlot, OpenSlot } from './repository.ts';
import {
  formatClock,
  formatSlotDay,
  formatSlotTime,
  stockholmDay,
  type KnownFacts,
  type Receipt,
} from './service.ts';
import { SLOT_LENGTHS, type SlotErrors, type SlotForm } from './slots.ts';

/** The part's public stylesheet. */
import { RELOCATION_CSS } from '../model.ts';
import { navigatorName } from '../cases.ts';

export { RELOCATION_CSS };

type Params = Record<string, string | number>;
const tr = (lang: Lang) => (key: RequestKey, params?: Params) => requestMessages.t(lang, key, params);
const shared = (lang: Lang) => (key: Parameters<typeof relocationMessages.t>[1]) =>
  relocationMessages.t(lang, key);

export const requestPaths = {
  move: (lang: Lang) => localPath(lang, PATHS.move),
  thanks: (lang: Lang, token: string) => localPath(lang, `${PATHS.move}/thanks/${token}`),
  welcome: (lang: Lang, token: string) => localPath(lang, `${PATHS.move}/welcome/${token}`),
  ownMove: (lang: Lang) => localPath(lang, PATHS.ownMove),
};

export interface FormView {
  lang: Lang;
  region: Region;
  draft: RequestDraft;
  errors: FieldErrors;
  csrfToken: string;
  slots: OpenSlot[];
  job?: { id: string; headline: string; employer: string };
  known?: KnownFacts;
  account?: { email: string };
  /** A notice above the form: the slot was taken; the times were shown. */
  notice?: 'slotTaken' | 'shown';
  /** Too many requests: minutes to wait. */
  tooMany?: number;
}

function errorText(lang: Lang, errors: FieldErrors, name: string): string | undefined {
  const e = errors[name];
  return e ? requestMessages.t(lang, e.key, e.params) : undefined;
}

function slotPicker(view: FormView): SafeHtml {
  const { lang, draft } = view;
  const t = tr(lang);
  const municipality =
    view.region.municipalities.find((m) => m.code === draft.municipality)?.shortName ??
    t('form.municipality.unknown').toLowerCase();
  const channel = (CHANNELS as readonly string[]).includes(draft.channel)
    ? relocationMessages.t(lang, `channel.${draft.channel as 'email'}`).toLowerCase()
    : '';
  const byDay = new Map<string, OpenSlot[]>();
  for (const s of view.slots) {
    const day = stockholmDay(s.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const chosen = view.slots.some((s) => s.id === draft.slot)
    ? draft.slot
    : draft.slot === 'none'
      ? 'none'
      : '';
  const radio = (id: string, value: string, label: string | SafeHtml) =>
    html`<div class="choice"><input type="radio" id="${id}" name="slot" value="${value}"${chosen === value ? html` checked` : ''} />
      <label for="${id}">${label}</label></div>`;
  const days = [...byDay.values()].map(
    (slots) => html`<fieldset class="ask-slots__day">
      <legend>${formatSlotDay(lang, slots[0]!.startsAt)}</legend>
      ${slots.map((s) =>
        radio(
          `slot-${s.id}`,
          s.id,
          html`<span class="ask-slots__time">${formatClock(s.startsAt)}</span> <span class="ask-slots__who">${t(
            'form.slot.time',
            {
              minutes: s.minutes,
              navigator: navigatorName({ name: s.navigatorName, email: s.navigatorEmail }),
              organisation: s.organisationName,
            },
          )}</span>`,
        ),
      )}
    </fieldset>`,
  );
  const error = errorText(lang, view.errors, 'slot');
  return groupShell(
    lang,
    {
      name: 'slot',
      legend: t('form.slots'),
      hint: view.slots.length ? t('form.slotsHint', { municipality, channel }) : t('form.slotsNone'),
      error,
      className: 'field ask-slots',
    },
    html`<div class="ask-slots__refresh">
        <p class="field__hint">${t('form.showSlotsHint')}</p>
        <button class="button button--secondary" type="submit" name="action" value="slots">${t('form.showSlots')}</button>
      </div>
      ${days}
      <div class="ask-slots__none">${radio('slot-none', 'none', t('form.slot.none'))}</div>`,
  );
}

function knownBox(lang: Lang, region: Region, known: KnownFacts): SafeHtml {
  const t = tr(lang);
  const s = shared(lang);
  const places = known.municipalities
    .map((c) => region.municipalities.find((m) => m.code === c)?.shortName)
    .filter(Boolean)
    .join(', ');
  const dash = t('form.known.none');
  return html`<section class="ask-known" aria-labelledby="ask-known-title">
    <h3 id="ask-known-title">${t('form.known')}</h3>
    <dl>
      <dt>${t('form.known.occupations')}</dt><dd>${known.occupations.join(', ') || dash}</dd>
      <dt>${t('form.known.partner')}</dt><dd>${
        known.hasPartner
          ? t('form.known.partnerYes', {
              occupations: known.partnerOccupations.length ? ` (${known.partnerOccupations.join(', ')})` : '',
            })
          : t('form.hasPartner.no')
      }</dd>
      <dt>${t('form.known.children')}</dt><dd>${known.childrenAges.join(', ') || dash}</dd>
      <dt>${t('form.known.housing')}</dt><dd>${s(`housing.${known.housing}`)}</dd>
      <dt>${t('form.known.places')}</dt><dd>${places || dash}</dd>
    </dl>
  </section>`;
}

function consentChoice(
  lang: Lang,
  purpose: ConsentPurpose,
  checked: boolean,
  name: string,
  value: string,
  error?: string,
) {
  const s = shared(lang);
  const id = name === 'consent_contact' ? 'consent_contact' : `consents-${purpose}`;
  return html`<div class="choice ask-consent">
    <input type="checkbox" id="${id}" name="${name}" value="${value}"${checked ? html` checked` : ''}${
      error
        ? html` aria-invalid="true" aria-describedby="${id}-text ${id}-error"`
        : html` aria-describedby="${id}-text"`
    } />
    <label for="${id}">${s(`consent.${purpose}.label`)}</label>
    <p class="field__hint" id="${id}-text">${s(`consent.${purpose}.text`)}</p>
    ${error ? html`<p class="field__error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

/** The form itself (the contact box of the move page). */
export function requestForm(view: FormView): SafeHtml {
  const { lang, draft, errors, region, known } = view;
  const t = tr(lang);
  const s = shared(lang);
  const err = (name: string) => errorText(lang, errors, name);
  const summaryItems = FIELD_ORDER.flatMap((name) => {
    const text = err(name);
    if (!text) return [];
    const id =
      name === 'needs'
        ? `needs-${NEEDS[0]}`
        : name === 'slot'
          ? 'slot-none'
          : name === 'consents'
            ? 'consents-followup'
            : name === 'partner_consents'
              ? `partner_consents-${PARTNER_CONSENTS[0]}`
              : name;
    return [{ id, text }];
  });
  const citizenshipOptions = CITIZENSHIPS.map((c) => ({ value: c, label: s(`citizenship.${c}`) }));
  // The partner's e-mail and, on their behalf with their agreement, their consents.
  const partnerReach = html`${emailField(lang, { name: 'partner_email', label: t('form.partnerEmail'), hint: t('form.partnerEmailHint'), value: draft.partnerEmail, maxlength: LIMITS.email, error: err('partner_email'), required: false, autocomplete: 'off' })}
    ${checkboxGroup(lang, {
      name: 'partner_consents',
      legend: t('form.partnerConsents'),
      hint: t('form.partnerConsentsHint'),
      values: draft.partnerConsents,
      options: PARTNER_CONSENTS.map((p) => ({ value: p, label: t(`form.partnerConsent.${p}`) })),
      error: err('partner_consents'),
      className: 'field ask-partner-consents',
    })}`;
  const householdFields = known
    ? html`${knownBox(lang, region, known)}
        ${selectField(lang, { name: 'citizenship', label: t('form.citizenship'), value: draft.citizenship, options: citizenshipOptions, error: err('citizenship'), required: false })}
        ${
          known.hasPartner
            ? html`${hiddenField('has_partner', 'yes')}
              ${textField(lang, { name: 'partner_name', label: t('form.partnerName'), value: draft.partnerName, maxlength: LIMITS.name, error: err('partner_name'), required: false, autocomplete: 'off' })}
              ${selectField(lang, { name: 'partner_citizenship', label: t('form.partnerCitizenship'), value: draft.partnerCitizenship, options: citizenshipOptions, error: err('partner_citizenship'), required: false })}
              ${partnerReach}`
            : hiddenField('has_partner', 'no')
        }`
    : html`${selectField(lang, { name: 'citizenship', label: t('form.citizenship'), value: draft.citizenship, options: citizenshipOptions, error: err('citizenship'), required: false })}
        ${textField(lang, { name: 'occupation', label: t('form.occupation'), hint: t('form.occupationHint'), value: draft.occupation, maxlength: LIMITS.occupation, error: err('occupation'), required: false, autocomplete: 'organization-title' })}
        ${radioGroup(lang, {
          name: 'has_partner',
          legend: t('form.hasPartner'),
          value: draft.hasPartner,
          options: [
            { value: 'no', label: t('form.hasPartner.no') },
            { value: 'yes', label: t('form.hasPartner.yes') },
          ],
          error: err('has_partner'),
          className: 'field ask-inline',
        })}
        <div class="ask-partner">
          ${textField(lang, { name: 'partner_name', label: t('form.partnerName'), value: draft.partnerName, maxlength: LIMITS.name, error: err('partner_name'), required: false, autocomplete: 'off' })}
          ${selectField(lang, { name: 'partner_citizenship', label: t('form.partnerCitizenship'), value: draft.partnerCitizenship, options: citizenshipOptions, error: err('partner_citizenship'), required: false })}
          ${textField(lang, { name: 'partner_occupation', label: t('form.partnerOccupation'), value: draft.partnerOccupation, maxlength: LIMITS.occupation, error: err('partner_occupation'), required: false })}
          ${partnerReach}
        </div>
        ${textField(lang, { name: 'children', label: t('form.children'), hint: t('form.childrenHint'), value: draft.children, maxlength: LIMITS.childrenText, error: err('children'), required: false, inputmode: 'numeric', autocomplete: 'off' })}
        ${radioGroup(lang, {
          name: 'housing',
          legend: t('form.housing'),
          value: draft.housing,
          options: HOUSING.map((h) => ({ value: h, label: s(`housing.${h}`) })),
          error: err('housing'),
          className: 'field ask-inline',
        })}`;

  const youFields = html`${textField(lang, { name: 'name', label: t('form.name'), value: draft.name, maxlength: LIMITS.name, error: err('name'), required: true, autocomplete: 'name' })}
    ${
      view.account
        ? html`<p class="ask-account">${t('form.signedInAs', { email: view.account.email })}</p>`
        : emailField(lang, {
            name: 'email',
            label: t('form.email'),
            value: draft.email,
            maxlength: LIMITS.email,
            error: err('email'),
            required: false,
          })
    }
    ${textField(lang, { name: 'phone', type: 'tel', label: t('form.phone'), hint: t('form.phoneHint'), value: draft.phone, maxlength: LIMITS.phone, error: err('phone'), required: false, autocomplete: 'tel' })}`;

  return html`<section class="ask" id="ask" aria-labelledby="ask-title">
    <h2 id="ask-title">${t('form.title')}</h2>
    <p class="ask__lead">${t('form.lead')}</p>
    ${
      view.tooMany !== undefined
        ? html`<div class="notice notice--warning" role="alert"><h3>${t('tooMany.title')}</h3><p>${t('tooMany.text', { minutes: view.tooMany })}</p></div>`
        : ''
    }
    ${view.notice === 'slotTaken' ? html`<div class="notice notice--warning" role="alert"><p>${t('form.slotTaken')}</p></div>` : ''}
    ${view.notice === 'shown' ? notice(t('form.shown')) : ''}
    ${formErrorSummary(lang, summaryItems)}
    ${
      view.job
        ? html`<p class="ask-job">${t('form.job', {
            headline: view.job.employer
              ? t('form.jobEmployer', { headline: view.job.headline, employer: view.job.employer })
              : view.job.headline,
          })}</p>`
        : ''
    }
    <form class="ask-form" method="post" action="${requestPaths.move(lang)}#ask" novalidate>
      ${csrfField(view.csrfToken)}
      <button class="ask-default" type="submit" name="action" value="send" tabindex="-1" aria-hidden="true">${t('form.submit')}</button>
      ${view.job ? hiddenField('job', view.job.id) : ''}
      ${draft.utm.source ? hiddenField('utm_source', draft.utm.source) : ''}
      ${draft.utm.medium ? hiddenField('utm_medium', draft.utm.medium) : ''}
      ${draft.utm.campaign ? hiddenField('utm_campaign', draft.utm.campaign) : ''}
      ${checkboxGroup(lang, {
        name: 'needs',
        legend: t('form.needs'),
        hint: t('form.needsHint'),
        values: draft.needs,
        options: NEEDS.map((n) => ({ value: n, label: s(`need.${n}`) })),
        error: err('needs'),
        className: 'field ask-needs',
      })}
      ${selectField(lang, {
        name: 'municipality',
        label: t('form.municipality'),
        value: draft.municipality || 'unknown',
        options: [
          { value: 'unknown', label: t('form.municipality.unknown') },
          ...region.municipalities.map((m) => ({ value: m.code, label: m.shortName })),
        ],
        error: err('municipality'),
        required: true,
      })}
      ${radioGroup(lang, {
        name: 'channel',
        legend: t('form.channel'),
        value: draft.channel,
        options: CHANNELS.map((c) => ({ value: c, label: s(`channel.${c}`) })),
        error: err('channel'),
        required: true,
        className: 'field ask-inline',
      })}
      ${radioGroup(lang, {
        name: 'language',
        legend: t('form.language'),
        value: draft.language,
        options: [
          { value: 'sv', label: t('form.language.sv'), lang: 'sv' },
          { value: 'en', label: t('form.language.en'), lang: 'en' },
          { value: 'other', label: t('form.language.other') },
        ],
        error: err('language'),
        required: true,
        className: 'field ask-inline',
      })}
      ${textField(lang, { name: 'language_other', label: t('form.languageOther'), value: draft.languageOther, maxlength: LIMITS.languageOther, error: err('language_other'), required: false })}
      ${slotPicker(view)}
      <fieldset class="fieldset ask-group">
        <legend class="fieldset__legend">${t('form.household')}</legend>
        ${householdFields}
        ${textareaField(lang, { name: 'message', label: t('form.message'), hint: t('form.messageHint', { max: formatNumber(lang, LIMITS.message) }), value: draft.message, maxlength: LIMITS.message, rows: 4, error: err('message'), required: false })}
      </fieldset>
      <fieldset class="fieldset ask-group">
        <legend class="fieldset__legend">${t('form.you')}</legend>
        ${youFields}
      </fieldset>
      <fieldset class="fieldset ask-group">
        <legend class="fieldset__legend">${t('form.consents')}</legend>
        ${consentChoice(lang, 'contact', draft.consentContact, 'consent_contact', 'yes', err('consent_contact'))}
        <p class="ask-optional">${t('form.optionalConsents')}</p>
        ${OPTIONAL_CONSENTS.map((p) => consentChoice(lang, p, draft.consents.includes(p), 'consents', p))}
        ${err('consents') ? html`<p class="field__error">${err('consents')}</p>` : ''}
      </fieldset>
      <p class="ask-submit"><button class="button" type="submit" name="action" value="send">${t('form.submit')}</button></p>
    </form>
  </section>`;
}

/** The page's title (content's move page carries the form). */
export function formTitle(lang: Lang): string {
  return tr(lang)('form.title');
}

function simplePage(lang: Lang, title: string, path: string, main: SafeHtml): Page {
  return {
    title,
    description: title,
    path,
    noindex: true,
    stylesheets: [RELOCATION_CSS],
    main: html`<div class="wrap ask-page">${main}</div>`,
  };
}

/**
 * The receipt (`token`: its signed value). Its language switch shows the same receipt in the other
 * language; an expired one's leads to the moving page (never to an empty form).
 */
export function receiptPage(lang: Lang, receipt: Receipt | undefined, token: string): Page {
  const t = tr(lang);
  if (!receipt)
    return simplePage(
      lang,
      t('thanks.title'),
      PATHS.ownMove,
      html`<h1>${t('thanks.title')}</h1><p class="lead">${t('thanks.expired')}</p>`,
    );
  const s = shared(lang);
  const main = html`<div class="ask-receipt" role="status">
      <h1>${t('thanks.title')}</h1>
      <p class="ask-receipt__navigator">${
        receipt.navigator
          ? t('thanks.navigator', { navigator: receipt.navigator, organisation: receipt.organisation })
          : t('thanks.noNavigator', { organisation: receipt.organisation })
      }</p>
      ${
        receipt.booked
          ? html`<p class="ask-receipt__time">${t('thanks.booked', {
              time: formatSlotTime(lang, receipt.booked.startsAt),
              channel: s(`channel.${receipt.booked.channel}`).toLowerCase(),
            })}</p>`
          : ''
      }
      <p>${t('thanks.ref', { ref: receipt.ref })}</p>
    </div>
    <section aria-labelledby="next-title" class="ask-next">
      <h2 id="next-title">${t('thanks.next')}</h2>
      <ol>
        ${receipt.signedIn ? '' : html`<li>${t('thanks.next.1')}</li>`}
        <li>${t('thanks.next.2')}</li>
        <li>${receipt.signedIn ? t('thanks.next.3signedIn') : t('thanks.next.3')}</li>
      </ol>
      <p><a class="button" href="${requestPaths.ownMove(lang)}">${t('thanks.checklist')}</a></p>
    </section>`;
  return simplePage(lang, t('thanks.title'), `${PATHS.move}/thanks/${token}`, main);
}

/** The welcome link's confirm page; its language switch shows the same button in the other language. */
export function welcomePage(lang: Lang, token: string, csrfToken: string): Page {
  const t = tr(lang);
  return simplePage(
    lang,
    t('welcome.title'),
    `${PATHS.move}/welcome/${token}`,
    html`<h1>${t('welcome.title')}</h1>
      <p class="lead">${t('welcome.text')}</p>
      <form method="post" action="${requestPaths.welcome(lang, token)}">
        ${csrfField(csrfToken)}
        <p><button class="button" type="submit">${t('welcome.button')}</button></p>
      </form>`,
  );
}

export function welcomeGonePage(lang: Lang): Page {
  const t = tr(lang);
  return simplePage(
    lang,
    t('welcome.gone.title'),
    PATHS.move,
    html`<h1>${t('welcome.gone.title')}</h1>
      <p class="lead">${t('welcome.gone.text')}</p>
      <p><a class="button" href="${localPath(lang, '/login')}">${t('welcome.gone.signIn')}</a>
        <a class="button button--secondary" href="${requestPaths.move(lang)}">${t('welcome.gone.ask')}</a></p>`,
  );
}

// ---- The navigators' slots page ----

export interface SlotsPageModel {
  lang: Lang;
  csrf: string;
  slots: MySlot[];
  form: SlotForm;
  errors: SlotErrors;
  done?: { kind: 'added'; count: number } | { kind: 'removed' } | { kind: 'gone' };
}

export function slotsPage(m: SlotsPageModel): { title: string; main: SafeHtml } {
  const { lang } = m;
  const t = tr(lang);
  const s = shared(lang);
  const err = (name: keyof SlotForm) => {
    const e = m.errors[name];
    return e ? t(e.key, e.params) : undefined;
  };
  const failed = (['day', 'start', 'minutes', 'count', 'channels'] as const).flatMap((n) => {
    const text = err(n);
    return text
      ? [{ id: n === 'minutes' ? 'minutes' : n === 'channels' ? `channels-${CHANNELS[0]}` : n, text }]
      : [];
  });
  const done =
    m.done?.kind === 'added'
      ? notice(t('slots.done.added', { count: formatNumber(lang, m.done.count) }))
      : m.done?.kind === 'removed'
        ? notice(t('slots.done.removed'))
        : m.done?.kind === 'gone'
          ? html`<div class="notice notice--warning" role="alert"><p>${t('slots.error.gone')}</p></div>`
          : '';
  const table = dataTable({
    id: 'slots-caption',
    caption: t('slots.caption'),
    columns: [
      t('slots.col.time'),
      t('slots.col.length'),
      t('slots.col.channels'),
      t('slots.col.booked'),
      t('slots.col.action'),
    ],
    rows: m.slots,
    cells: (slot) => [
      formatSlotTime(lang, slot.startsAt),
      t('slots.minutes', { minutes: slot.minutes }),
      slot.channels.map((c) => s(`channel.${c as 'email'}`)).join(', '),
      slot.caseId
        ? html`<a href="${PATHS.cases}/${slot.caseId}">${t('slots.case', { ref: slot.caseRef ?? '' })}</a>`
        : t('slots.free'),
      slot.caseId
        ? ''
        : html`<form method="post" action="${PATHS.slots}/${slot.id}/remove" class="inline-form">
            ${csrfField(m.csrf)}
            <button type="submit" class="button button--secondary button--small" aria-label="${t('slots.remove', { time: formatSlotTime(lang, slot.startsAt) })}">${t('slots.removeButton')}</button>
          </form>`,
    ],
    empty: t('slots.empty'),
  });
  const form = html`<section aria-labelledby="add-title" class="admin-section">
    <h2 id="add-title">${t('slots.add')}</h2>
    ${formErrorSummary(lang, failed)}
    <form class="form" method="post" action="${PATHS.slots}" novalidate>
      ${csrfField(m.csrf)}
      ${dateField(lang, { name: 'day', label: t('slots.day'), value: m.form.day, error: err('day'), required: true })}
      ${textField(lang, { name: 'start', label: t('slots.start'), hint: t('slots.startHint'), value: m.form.start, error: err('start'), required: true, maxlength: 5, inputmode: 'numeric', pattern: '\\d{2}:\\d{2}', autocomplete: 'off' })}
      ${selectField(lang, {
        name: 'minutes',
        label: t('slots.length'),
        value: m.form.minutes,
        options: SLOT_LENGTHS.map((n) => ({ value: String(n), label: t('slots.minutes', { minutes: n }) })),
        error: err('minutes'),
        required: true,
      })}
      ${textField(lang, { name: 'count', label: t('slots.count'), hint: t('slots.countHint'), value: m.form.count, error: err('count'), required: true, maxlength: 2, inputmode: 'numeric', autocomplete: 'off' })}
      ${checkboxGroup(lang, {
        name: 'channels',
        legend: t('slots.channels'),
        values: m.form.channels,
        options: CHANNELS.map((c) => ({ value: c, label: s(`channel.${c}`) })),
        error: err('channels'),
        required: true,
      })}
      <p><button class="button" type="submit">${t('slots.addButton')}</button></p>
    </form>
  </section>`;
  return {
    title: t('slots.title'),
    main: html`<h1>${t('slots.title')}</h1>
      <p class="lead">${t('slots.lead')}</p>
      ${done} ${table} ${form}`,
  };
}
