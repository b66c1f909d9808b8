/**
 * The household's moving page (/:lang/me/move): per case the navigator, stage and next meeting, the
 * checklist by phase with a no-JS tick form per step, the household's facts to correct, consents
 * per own adult, and the documents shared with the navigator.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import {
  csrfField,
  fileField,
  formErrorSummary,
  hiddenField,
  notice,
  selectField,
  textField,
} from '../../../platform/html/forms.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import { relocationMessages } from '../messages.ts';
import {
  CITIZENSHIPS,
  CONSENT_PURPOSES,
  HOUSING,
  PATHS,
  RELOCATION_CSS,
  type ConsentPurpose,
} from '../model.ts';
import { householdMessages, type HouseholdKey } from './messages.ts';
import type { DocumentRow } from './repository.ts';
import { ageNow, type Checklist, type HouseholdErrors, type OwnCase, type UploadError } from './service.ts';
import { PHASES, type ChecklistItem } from './steps.ts';

export const MOVE_DONE = ['ticked', 'unticked', 'household', 'consent', 'uploaded', 'deleted'] as const;
export type MoveDone = (typeof MOVE_DONE)[number];

const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  }),
};

/** A time as people in the region read it (Europe/Stockholm). */
export function formatDateTime(lang: Lang, date: Date): string {
  return dateTimeFormats[lang].format(date);
}

/** A file size in kB or MB. */
export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(lang, Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${formatNumber(lang, Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

export interface CaseView {
  own: OwnCase;
  navigator: { name: string; organisation: string } | null;
  /** The next meeting; `place` is where to meet, or the video link ('' when not given). */
  meeting: { starts_at: Date; minutes: number; channel: string; place: string } | null;
  checklist: Checklist;
  /** The live consents of the adults the account acts for: person id → purpose → given at. */
  consents: Map<string, Map<ConsentPurpose, Date>>;
  documents: DocumentRow[];
  household?: {
    values: { citizenship: Record<string, string>; children: string; housing: string };
    errors: HouseholdErrors;
  };
  uploadError?: UploadError;
}

export interface MoveView {
  lang: Lang;
  csrf: string;
  done?: MoveDone;
  cases: CaseView[];
}

const t = (lang: Lang, key: HouseholdKey, params?: Record<string, string | number>) =>
  householdMessages.t(lang, key, params);
const shared = (lang: Lang, key: string) =>
  relocationMessages.t(lang, key as Parameters<typeof relocationMessages.t>[1]);

export function checklistItemsByPhase(checklist: Checklist) {
  return PHASES.map((phase) => ({
    phase,
    items: checklist.items.filter((i) => i.step.phase === phase),
  })).filter((g) => g.items.length > 0);
}

function stepView(
  lang: Lang,
  csrf: string,
  caseId: string,
  item: ChecklistItem & { tick?: { doneAt: Date } },
) {
  const { step } = item;
  const title = step.title[lang];
  const done = item.tick !== undefined;
  return html`<li class="move-step${done ? ' move-step--done' : ''}" id="step-${step.key}">
    <h5 class="move-step__title">${done ? html`<span class="move-step__tick" aria-hidden="true">✓</span> ` : ''}${title}</h5>
    ${item.ifs.length ? html`<p class="move-step__if"><strong>${item.ifs.map((i) => t(lang, `if.${i}`)).join('; ')}</strong></p>` : ''}
    <p>${step.text[lang]}</p>
    <dl class="move-step__facts">
      <dt>${t(lang, 'step.who')}</dt><dd><a href="${step.authority.url}" rel="noopener">${step.authority.name[lang]}</a></dd>
      <dt>${t(lang, 'step.bring')}</dt><dd>${step.bring[lang]}</dd>
    </dl>
    <form method="post" action="${localPath(lang, `${PATHS.ownMove}/checklist`)}" class="move-step__form">
      ${csrfField(csrf)}${hiddenField('case', caseId)}${hiddenField('step', step.key)}
      ${
        done
          ? html`<p>${t(lang, 'step.doneOn', { date: formatDate(lang, item.tick!.doneAt) })}</p>
            <button class="button button--secondary" type="submit" name="done" value="no" aria-label="${t(lang, 'step.undoneLabel', { title })}">${t(lang, 'step.markUndone')}</button>`
          : html`<button class="button" type="submit" name="done" value="yes" aria-label="${t(lang, 'step.doneLabel', { title })}">${t(lang, 'step.markDone')}</button>`
      }
    </form>
  </li>`;
}

function householdForm(lang: Lang, csrf: string, v: CaseView): SafeHtml {
  const { own } = v;
  const prefix = `c${own.case.ref}`;
  const errors = v.household?.errors ?? {};
  const adults = own.persons.filter((p) => p.role !== 'child');
  const children = own.persons.filter((p) => p.role === 'child');
  const values = v.household?.values ?? {
    citizenship: Object.fromEntries(adults.map((a) => [a.id, a.citizenship])),
    children: children.map((c) => ageNow(c) ?? '').join(', '),
    housing: own.case.housing,
  };
  const summary = [
    ...adults.flatMap((a) =>
      errors[`citizenship_${a.id}`]
        ? [{ id: `${prefix}-citizenship-${a.id}`, text: t(lang, 'error.citizenship') }]
        : [],
    ),
    ...(errors.children ? [{ id: `${prefix}-children`, text: t(lang, 'error.children') }] : []),
    ...(errors.housing ? [{ id: `${prefix}-housing`, text: t(lang, 'error.housing') }] : []),
  ];
  return html`<section aria-labelledby="${prefix}-title ${prefix}-household-title">
    <h3 id="${prefix}-household-title">${t(lang, 'household.title')}</h3>
    <p>${t(lang, 'household.intro')}</p>
    ${formErrorSummary(lang, summary)}
    <form method="post" action="${localPath(lang, `${PATHS.ownMove}/household`)}" novalidate>
      ${csrfField(csrf)}${hiddenField('case', own.case.id)}
      ${adults.map((a) =>
        selectField(lang, {
          name: `citizenship_${a.id}`,
          id: `${prefix}-citizenship-${a.id}`,
          label: t(lang, 'household.citizenship', { name: a.name || shared(lang, `role.${a.role}`) }),
          value: values.citizenship[a.id] ?? a.citizenship,
          options: CITIZENSHIPS.map((c) => ({ value: c, label: shared(lang, `citizenship.${c}`) })),
          error: errors[`citizenship_${a.id}`] ? t(lang, 'error.citizenship') : undefined,
        }),
      )}
      ${textField(lang, {
        name: 'children',
        id: `${prefix}-children`,
        label: t(lang, 'household.children'),
        hint: t(lang, 'household.childrenHint'),
        value: values.children,
        maxlength: 60,
        inputmode: 'numeric',
        required: false,
        error: errors.children ? t(lang, 'error.children') : undefined,
      })}
      ${selectField(lang, {
        name: 'housing',
        id: `${prefix}-housing`,
        label: t(lang, 'household.housing'),
        value: values.housing,
        options: HOUSING.map((h) => ({ value: h, label: shared(lang, `housing.${h}`) })),
        error: errors.housing ? t(lang, 'error.housing') : undefined,
      })}
      <button class="button" type="submit">${t(lang, 'household.save')}</button>
    </form>
  </section>`;
}

function consentsView(lang: Lang, csrf: string, v: CaseView): SafeHtml {
  const prefix = `c${v.own.case.ref}`;
  return html`<section aria-labelledby="${prefix}-title ${prefix}-consents-title">
    <h3 id="${prefix}-consents-title">${t(lang, 'consents.title')}</h3>
    ${v.own.actsFor.map((person) => {
      const live = v.consents.get(person.id) ?? new Map<ConsentPurpose, Date>();
      const onBehalf = !v.own.own.includes(person);
      const name = person.name || shared(lang, `role.${person.role}`);
      return html`${onBehalf ? html`<p class="move-muted">${t(lang, 'consents.forPartnerNote')}</p>` : ''}${dataTable(
        {
          id: `${prefix}-consents-${person.id}`,
          // The case's heading too: a household with two cases has two such tables.
          labelledBy: `${prefix}-title ${prefix}-consents-${person.id}`,
          caption: onBehalf
            ? t(lang, 'consents.forPartner', { name })
            : v.own.actsFor.length > 1
              ? t(lang, 'consents.for', { name })
              : t(lang, 'consents.caption'),
          columns: [t(lang, 'consents.purpose'), t(lang, 'consents.state'), t(lang, 'consents.action')],
          rows: [...CONSENT_PURPOSES],
          className: 'move-table',
          cells: (purpose) => {
            const given = live.get(purpose);
            const label = shared(lang, `consent.${purpose}.label`);
            return [
              html`<strong>${label}</strong><br /><span class="move-muted">${shared(lang, `consent.${purpose}.text`)}</span>`,
              given ? t(lang, 'consents.given', { date: formatDate(lang, given) }) : t(lang, 'consents.none'),
              html`<form method="post" action="${localPath(lang, `${PATHS.ownMove}/consent`)}">
              ${csrfField(csrf)}${hiddenField('case', v.own.case.id)}${hiddenField('person', person.id)}${hiddenField('purpose', purpose)}
              ${
                given
                  ? html`<button class="button button--secondary" type="submit" name="action" value="withdraw" aria-label="${t(lang, 'consents.withdraw')}: ${label}">${t(lang, 'consents.withdraw')}</button>`
                  : html`<button class="button button--secondary" type="submit" name="action" value="give" aria-label="${t(lang, 'consents.give')}: ${label}">${t(lang, 'consents.give')}</button>`
              }
            </form>`,
            ];
          },
          empty: '',
        },
      )}`;
    })}
  </section>`;
}

function documentsView(lang: Lang, csrf: string, v: CaseView, accountId: string): SafeHtml {
  const prefix = `c${v.own.case.ref}`;
  const error = v.uploadError ? t(lang, `error.${v.uploadError}`) : undefined;
  return html`<section aria-labelledby="${prefix}-title ${prefix}-documents-title">
    <h3 id="${prefix}-documents-title">${t(lang, 'documents.title')}</h3>
    <p>${t(lang, 'documents.intro')}</p>
    ${dataTable({
      id: `${prefix}-documents`,
      labelledBy: `${prefix}-title ${prefix}-documents`,
      caption: t(lang, 'documents.caption'),
      columns: [
        t(lang, 'documents.name'),
        t(lang, 'documents.size'),
        t(lang, 'documents.date'),
        t(lang, 'documents.action'),
      ],
      rows: v.documents,
      className: 'move-table',
      cells: (d) => [
        html`<a href="${localPath(lang, `${PATHS.ownMove}/documents/${d.id}`)}" download>${d.filename}</a>`,
        formatBytes(lang, d.bytes),
        formatDate(lang, d.created_at),
        d.uploaded_by === accountId
          ? html`<form method="post" action="${localPath(lang, `${PATHS.ownMove}/documents/delete`)}">
              ${csrfField(csrf)}${hiddenField('case', v.own.case.id)}${hiddenField('document', d.id)}
              <button class="button button--secondary" type="submit" aria-label="${t(lang, 'documents.deleteLabel', { name: d.filename })}">${t(lang, 'documents.delete')}</button>
            </form>`
          : '',
      ],
      empty: t(lang, 'documents.none'),
    })}
    ${error ? formErrorSummary(lang, [{ id: `${prefix}-file`, text: error }]) : ''}
    <form method="post" action="${localPath(lang, `${PATHS.ownMove}/documents`)}" enctype="multipart/form-data" novalidate>
      ${csrfField(csrf)}${hiddenField('case', v.own.case.id)}
      ${fileField(lang, {
        name: 'file',
        id: `${prefix}-file`,
        label: t(lang, 'documents.file'),
        hint: t(lang, 'documents.hint'),
        accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
        required: true,
        error,
      })}
      <button class="button" type="submit">${t(lang, 'documents.upload')}</button>
    </form>
  </section>`;
}

function caseView(lang: Lang, csrf: string, v: CaseView, accountId: string, heading: boolean): SafeHtml {
  const c = v.own.case;
  const prefix = `c${c.ref}`;
  const place = v.meeting?.place.trim() ?? '';
  const meeting = v.meeting
    ? html`${t(lang, 'case.meetingValue', {
        time: formatDateTime(lang, v.meeting.starts_at),
        channel: shared(lang, `channel.${v.meeting.channel}`),
        minutes: v.meeting.minutes,
      })}${
        place
          ? html`<br />${t(lang, v.meeting.channel === 'video' ? 'case.meetingLink' : 'case.meetingPlace')}: ${
              /^https:\/\/[^\s"<>]+$/.test(place)
                ? html`<a href="${place}" rel="noopener">${place}</a>`
                : place
            }`
          : ''
      }`
    : t(lang, 'case.noMeeting');
  const navigator = v.navigator
    ? v.navigator.organisation
      ? t(lang, 'case.navigatorAt', v.navigator)
      : v.navigator.name
    : t(lang, 'case.noNavigator');
  return html`<article class="move-case" id="case-${c.ref}" aria-labelledby="${prefix}-title">
    <h2 id="${prefix}-title">${t(lang, 'case.heading', { ref: String(c.ref) })}</h2>
    ${heading && v.own.role === 'partner' ? html`<p>${t(lang, 'case.partnerNote')}</p>` : ''}
    <dl class="move-facts">
      <dt>${t(lang, 'case.navigator')}</dt><dd class="move-facts__navigator">${navigator}</dd>
      <dt>${t(lang, 'case.stage')}</dt><dd>${shared(lang, `stage.${c.stage}`)}</dd>
      <dt>${t(lang, 'case.meeting')}</dt><dd>${meeting}</dd>
    </dl>
    <section aria-labelledby="${prefix}-title ${prefix}-checklist-title">
      <h3 id="${prefix}-checklist-title">${t(lang, 'checklist.title')}</h3>
      <p class="move-progress"><strong id="${prefix}-progress">${t(lang, 'checklist.progress', { done: v.checklist.done, total: v.checklist.total })}</strong>
        <progress max="${v.checklist.total}" value="${v.checklist.done}" aria-labelledby="${prefix}-progress"></progress></p>
      <p class="move-muted">${t(lang, 'checklist.note')}</p>
      ${checklistItemsByPhase(v.checklist).map(
        (g) => html`<h4 class="move-phase">${t(lang, `phase.${g.phase}`)}</h4>
          <ul class="move-steps">${g.items.map((item) => stepView(lang, csrf, c.id, item))}</ul>`,
      )}
    </section>
    ${householdForm(lang, csrf, v)} ${consentsView(lang, csrf, v)} ${documentsView(lang, csrf, v, accountId)}
  </article>`;
}

export function movePage(view: MoveView, accountId: string): Page {
  const { lang } = view;
  const title = t(lang, 'page.title');
  const failed = view.cases.some((c) => c.uploadError || Object.keys(c.household?.errors ?? {}).length);
  return {
    title: `${failed ? (lang === 'sv' ? 'Fel: ' : 'Error: ') : ''}${title}`,
    description: t(lang, 'page.description'),
    path: PATHS.ownMove,
    noindex: true,
    stylesheets: [RELOCATION_CSS],
    main: html`<div class="wrap move-own"><h1>${title}</h1>
      ${notice(view.done ? t(lang, `done.${view.done}`) : undefined)}
      ${view.cases.map((c) => caseView(lang, view.csrf, c, accountId, true))}
    </div>`,
  };
}

export function noCasePage(lang: Lang): Page {
  const title = t(lang, 'page.title');
  return {
    title,
    description: t(lang, 'page.description'),
    path: PATHS.ownMove,
    noindex: true,
    stylesheets: [RELOCATION_CSS],
    main: html`<div class="wrap move-own"><h1>${title}</h1>
      <p>${t(lang, 'none.text')}</p>
      <p><a class="button" href="${localPath(lang, PATHS.move)}">${t(lang, 'none.link')}</a></p>
    </div>`,
  };
}
