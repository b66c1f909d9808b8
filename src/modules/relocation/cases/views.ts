/**
 * The navigators' pages: the inbox (views as tabs, a GET filter on "all open", a table with paging)
 * and the case file (a contents list, the facts, the work forms, the household, tasks, meetings,
 * notes, every part's panels, the history in sentences). Every form re-shows what was typed with
 * the error by its field. Times are Stockholm's.
 */
import {
  csrfField,
  dateField,
  formErrorSummary,
  hiddenField,
  notice,
  selectField,
  textareaField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { navigatorName, type CaseScope, type Navigator } from '../cases.ts';
import { relocationMessages } from '../messages.ts';
import {
  CLOSE_REASONS,
  EMPLOYMENTS,
  MEETING_CHANNELS,
  OPEN_STAGES,
  PARTNER_EMPLOYMENTS,
  PATHS,
  STAGES,
  casePath,
  dayOf,
  stockholmToday,
} from '../model.ts';
import type { CasePanelView, PartsContext } from '../part.ts';
import { caseMessages, type CaseMessageKey } from './messages.ts';
import { INBOX_VIEWS, type EventRow, type InboxRow } from './repository.ts';
import {
  HANDOVER_NOTE_MAX,
  MEETING_NOTE_MAX,
  NOTE_MAX,
  PLACE_MAX,
  TASK_TITLE_MAX,
  navigatorValue,
  type CaseFile,
  type FormErrors,
  type HandoverInput,
  type Inbox,
  type MeetingInput,
  type NoteInput,
  type StageInput,
  type TaskInput,
} from './service.ts';
import { formatDateTime } from '../words.ts';

type Params = Record<string, string>;
type RelocationMessageKey = keyof (typeof relocationMessages.catalogues)['sv'];
type T = (key: CaseMessageKey, params?: Params) => string;
type R = (key: RelocationMessageKey, params?: Params) => string;

function words(lang: Lang): { t: T; r: R } {
  return {
    t: (key, params) => caseMessages.t(lang, key, params),
    r: (key, params) => relocationMessages.t(lang, key, params),
  };
}

export { formatDateTime };

/** A `date` column's day, in words. */
function formatDay(lang: Lang, day: Date): string {
  const [y, m, d] = dayOf(day).split('-').map(Number) as [number, number, number];
  return formatDate(lang, new Date(Date.UTC(y, m - 1, d, 12)));
}

/** A duration in words: minutes under an hour, hours under two days, else days. */
export function durationWords(t: T, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('duration.minutes', { count: String(minutes) });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('duration.hours', { count: String(hours) });
  return t('duration.days', { count: String(Math.floor(hours / 24)) });
}

/** "väntat 3 tim", or "svar efter 2 tim" once answered. */
function waitingWords(t: T, c: { created_at: Date; first_response_at: Date | null }, now: Date): string {
  return c.first_response_at
    ? t('waiting.answered', {
        time: durationWords(t, c.first_response_at.getTime() - c.created_at.getTime()),
      })
    : t('waiting.open', { time: durationWords(t, now.getTime() - c.created_at.getTime()) });
}

function municipalityName(region: Region, t: T, code: string | null): string {
  if (!code) return t('municipality.notSure');
  return region.municipalities.find((m) => m.code === code)?.shortName ?? code;
}

const personName = (p: { name: string | null; email: string | null } | null): string | null =>
  p && (p.name || p.email) ? navigatorName({ name: p.name ?? '', email: p.email ?? '' }) : null;

function errorsSummary(lang: Lang, t: T, entries: Array<[string, CaseMessageKey | undefined, number?]>) {
  return formErrorSummary(
    lang,
    entries.flatMap(([id, key, max]) =>
      key ? [{ id, text: t(key, { max: formatNumber(lang, max ?? 0) }) }] : [],
    ),
  );
}

const errorText = (lang: Lang, t: T, key: CaseMessageKey | undefined, max?: number) =>
  key ? t(key, { max: formatNumber(lang, max ?? 0) }) : undefined;

// The inbox.

export interface InboxModel {
  lang: Lang;
  region: Region;
  scope: CaseScope;
  inbox: Inbox;
  done?: string;
  now: Date;
}

function inboxHref(view: string, extra: Params = {}): string {
  const query = new URLSearchParams(view === 'new' ? extra : { view, ...extra }).toString();
  return query ? `${PATHS.cases}?${query}` : PATHS.cases;
}

export function inboxPage(m: InboxModel): { title: string; main: SafeHtml } {
  const { t, r } = words(m.lang);
  const { inbox, region } = m;
  const view = inbox.filter.view;
  const title = r('nav.cases');
  const tabs = html`<nav aria-labelledby="case-views-title">
    <h2 id="case-views-title" class="visually-hidden">${t('inbox.views')}</h2>
    <ul class="report-filter">
      ${INBOX_VIEWS.map(
        (v) =>
          html`<li><a href="${inboxHref(v)}"${v === view ? html` aria-current="page"` : ''}>${t(
            `inbox.view.${v}`,
            {
              count: formatNumber(m.lang, inbox.counts[v]),
            },
          )}</a></li>`,
      )}
    </ul>
  </nav>`;
  const filter =
    view === 'open'
      ? html`<form class="form admin-filter" method="get" action="${PATHS.cases}" aria-label="${t('inbox.filter')}">
          ${hiddenField('view', 'open')}
          ${selectField(m.lang, {
            name: 'stage',
            label: t('inbox.filter.stage'),
            value: inbox.filter.stage ?? '',
            placeholder: t('inbox.filter.allStages'),
            options: OPEN_STAGES.map((s) => ({ value: s, label: r(`stage.${s}`) })),
          })}
          ${selectField(m.lang, {
            name: 'municipality',
            label: t('inbox.filter.municipality'),
            value: inbox.filter.municipality ?? '',
            placeholder: t('inbox.filter.allMunicipalities'),
            options: [
              { value: 'none', label: t('municipality.notSure') },
              ...region.municipalities.map((x) => ({ value: x.code, label: x.shortName })),
            ],
          })}
          <button class="button" type="submit">${t('inbox.filter.submit')}</button>
        </form>`
      : '';
  const extra: Params = {};
  if (inbox.filter.stage) extra.stage = inbox.filter.stage;
  if (inbox.filter.municipality) extra.municipality = inbox.filter.municipality;
  const links = [];
  if (inbox.page > 1)
    links.push({
      href: inboxHref(view, { ...extra, page: String(inbox.page - 1) }),
      text: t('inbox.previous'),
      rel: 'prev' as const,
    });
  if (inbox.page < inbox.pages)
    links.push({
      href: inboxHref(view, { ...extra, page: String(inbox.page + 1) }),
      text: t('inbox.next'),
      rel: 'next' as const,
    });
  const isNew = view === 'new';
  const table = dataTable<InboxRow>({
    id: 'cases-caption',
    caption: html`${t(`inbox.caption.${view}`)}${
      inbox.pages > 1
        ? html` <span class="admin-muted">${t('inbox.page', {
            page: String(inbox.page),
            pages: String(inbox.pages),
          })}</span>`
        : ''
    }`,
    columns: [
      t('col.case'),
      isNew ? t('col.waited') : t('col.stage'),
      t('col.municipality'),
      t('col.needs'),
      isNew ? t('col.channel') : null,
      isNew ? t('col.booked') : null,
      isNew ? t('col.suggested') : t('col.navigator'),
    ],
    rows: inbox.rows,
    cells: (c) => [
      html`<a href="${casePath(c.id)}">${t('case.ref', { ref: String(c.ref) })}</a>${
        c.main_name ? html`<br /><span class="admin-muted">${c.main_name}</span>` : ''
      }${
        c.contact_withdrawn_at
          ? html`<br /><strong class="tag tag--overdue">${t('inbox.contactWithdrawn')}</strong>`
          : ''
      }`,
      isNew
        ? waitingWords(t, c, m.now)
        : html`${r(`stage.${c.stage}` as RelocationMessageKey)}<br /><span class="admin-muted">${t(
            'inbox.since',
            {
              date: formatDate(m.lang, c.stage_changed_at),
            },
          )}</span>`,
      municipalityName(region, t, c.municipality_code),
      c.needs.length ? c.needs.map((n) => r(`need.${n}` as RelocationMessageKey)).join(', ') : '–',
      r(`channel.${c.channel}` as RelocationMessageKey),
      c.booked_at ? formatDateTime(m.lang, c.booked_at) : t('inbox.noBooking'),
      personName({ name: c.navigator_name, email: c.navigator_email }) ?? t('inbox.nobody'),
    ],
    empty: t(`inbox.empty.${view}`),
    paging: { label: t('inbox.paging'), links },
  });
  return {
    title,
    main: html`<h1>${title}</h1>
      <p class="lead">${t('inbox.intro')}</p>
      ${notice(m.done ? t(`done.${m.done}` as CaseMessageKey) : undefined)} ${tabs} ${filter} ${table}`,
  };
}

// The case file.

/** The case file's spacing between its sections and forms (public/css/relocation-admin.css). */
const CASE_FILE_CSS = 'css/relocation-admin.css';

export interface CaseFileModel {
  lang: Lang;
  region: Region;
  scope: CaseScope;
  file: CaseFile;
  panels: CasePanelView[];
  /** Every part's history sentences, by kind (part.ts). */
  history: PartsContext['historySentences'];
  csrf: string;
  now: Date;
  done?: string;
  handover?: { values: HandoverInput; errors: FormErrors<HandoverInput> };
  note?: { values: NoteInput; errors: FormErrors<NoteInput> };
  stage?: { values: StageInput; errors: FormErrors<StageInput> };
  task?: { values: TaskInput; errors: FormErrors<TaskInput> };
  meeting?: { values: MeetingInput; errors: FormErrors<MeetingInput> };
}

/** A child's age counted from when it was given to today. */
export function ageToday(age: number, ageOn: Date | null, today: string): number {
  if (!ageOn) return age;
  const [y0, m0, d0] = dayOf(ageOn).split('-').map(Number) as [number, number, number];
  const [y1, m1, d1] = today.split('-').map(Number) as [number, number, number];
  let years = y1 - y0;
  if (m1 < m0 || (m1 === m0 && d1 < d0)) years -= 1;
  return age + Math.max(0, years);
}

function section(id: string, title: string, content: SafeHtml | string): SafeHtml {
  return html`<section id="${id}" aria-labelledby="${id}-title">
    <h2 id="${id}-title">${title}</h2>
    ${content}
  </section>`;
}

function sourceFacts(m: CaseFileModel, t: T): SafeHtml[] {
  const source = (m.file.case.source ?? {}) as Record<string, unknown>;
  const text = (...keys: string[]) => {
    for (const k of keys) {
      const v = source[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
    }
    return '';
  };
  const out: SafeHtml[] = [];
  const job = text('jobId', 'job', 'job_id');
  if (job) {
    const jobTitle = text('jobTitle', 'job_title') || t('source.jobLink', { id: job });
    out.push(
      html`<li>${t('source.job')} <a href="/${m.lang}/jobs/${encodeURIComponent(job)}">${jobTitle}</a></li>`,
    );
  }
  // The request part stores { campaign: { source, medium, campaign } } (request/service.ts).
  const tag = source.campaign;
  const campaign =
    tag && typeof tag === 'object'
      ? ['campaign', 'source', 'medium']
          .map((k) => (tag as Record<string, unknown>)[k])
          .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
          .join(' · ')
      : text('campaign', 'utm_campaign');
  if (campaign) out.push(html`<li>${t('source.campaign', { campaign })}</li>`);
  // events/leads stores page 'event' with the event's title (in the visitor's language as eventTitle,
  // and in both as eventTitleSv/eventTitleEn since issue 17's fixes), the stand and the employer.
  if (text('page') === 'event') {
    const where = [text('employer'), text('stand')].filter(Boolean).join(', ');
    const event = text(m.lang === 'en' ? 'eventTitleEn' : 'eventTitleSv', 'eventTitle');
    out.push(html`<li>${t('source.event', { event, where })}</li>`);
  }
  if (source.fromTalentProfile === true || source.fromTalentPool === true)
    out.push(html`<li>${t('source.talent')}</li>`);
  // The request form stores page 'move'; other route names say nothing to a navigator.
  if (text('page') === 'move') out.push(html`<li>${t('source.pageMove')}</li>`);
  return out;
}

function factsList(m: CaseFileModel, t: T, r: R): SafeHtml {
  const c = m.file.case;
  const carried = sourceFacts(m, t);
  return html`<dl class="admin-facts">
    <dt>${t('term.stage')}</dt>
    <dd>${r(`stage.${c.stage}` as RelocationMessageKey)} <span class="admin-muted">(${t('inbox.since', {
      date: formatDate(m.lang, c.stage_changed_at),
    })})</span></dd>
    <dt>${t('term.municipality')}</dt>
    <dd>${municipalityName(m.region, t, c.municipality_code)}</dd>
    <dt>${t('term.inbox')}</dt>
    <dd>${m.file.organisation}</dd>
    <dt>${t('term.navigator')}</dt>
    <dd>${personName(m.file.navigator) ?? t('inbox.nobody')}</dd>
    <dt>${t('term.received')}</dt>
    <dd>${formatDateTime(m.lang, c.created_at)} — ${waitingWords(t, c, m.now)}${
      c.first_response_at && personName(m.file.firstResponder)
        ? ` (${personName(m.file.firstResponder)})`
        : ''
    }</dd>
    <dt>${t('term.needs')}</dt>
    <dd>${c.needs.length ? c.needs.map((n) => r(`need.${n}` as RelocationMessageKey)).join(', ') : '–'}</dd>
    <dt>${t('term.channel')}</dt>
    <dd>${r(`channel.${c.channel}` as RelocationMessageKey)}</dd>
    <dt>${t('term.language')}</dt>
    <dd>${c.language === 'sv' ? t('lang.sv') : c.language === 'en' ? t('lang.en') : c.language}</dd>
    <dt>${t('term.housing')}</dt>
    <dd>${r(`housing.${c.housing}` as RelocationMessageKey)}</dd>
    ${
      c.stage === 'moved' || c.stage === 'settled' || c.outcome_municipality
        ? html`<dt>${t('term.outcome')}</dt>
            <dd>${t('outcome.text', {
              municipality: municipalityName(m.region, t, c.outcome_municipality),
              date: c.moved_on ? formatDay(m.lang, c.moved_on) : '–',
              main: c.outcome_main_employment
                ? r(`employment.${c.outcome_main_employment}` as RelocationMessageKey)
                : '–',
              partner: c.outcome_partner_employment
                ? r(`employment.${c.outcome_partner_employment}` as RelocationMessageKey)
                : '–',
            })}</dd>`
        : ''
    }
    ${
      c.stage === 'closed' && c.close_reason
        ? html`<dt>${t('term.closeReason')}</dt>
            <dd>${r(`close.${c.close_reason}` as RelocationMessageKey)}</dd>`
        : ''
    }
    <dt>${t('term.carried')}</dt>
    <dd>${carried.length ? html`<ul class="admin-plain-list">${carried}</ul>` : t('source.nothing')}</dd>
  </dl>
  ${
    c.message
      ? html`<h3>${t('term.message')}</h3>
          <blockquote class="report-text">${c.message}</blockquote>`
      : ''
  }`;
}

/** Each colleague once per organisation, as "Name — Organisation". */
function colleagueChoices(navigators: Navigator[]) {
  return navigators.map((n) => ({
    value: navigatorValue(n),
    label: `${navigatorName(n)} — ${n.organisationName}`,
  }));
}

function workSection(m: CaseFileModel, t: T, r: R): SafeHtml {
  const c = m.file.case;
  const action = casePath(c.id);
  const take =
    c.navigator_id === m.scope.accountId
      ? html`<p>${t('work.yours')}</p>`
      : html`<form method="post" action="${action}/take" class="admin-inline-form">
          ${csrfField(m.csrf)}
          <button class="button" type="submit">${t('work.take')}</button>
        </form>`;

  const st = m.stage ?? {
    values: {
      stage: c.stage,
      outcome_municipality: c.outcome_municipality ?? c.municipality_code ?? '',
      main_employment: c.outcome_main_employment ?? '',
      partner_employment: c.outcome_partner_employment ?? '',
      moved_on: c.moved_on ? dayOf(c.moved_on) : '',
      close_reason: c.close_reason ?? '',
    },
    errors: {},
  };
  const e = st.errors;
  const stageForm = html`<h3 id="stage-title">${t('stage.title')}</h3>
    <form class="form" method="post" action="${action}/stage" novalidate aria-labelledby="stage-title">
      ${errorsSummary(m.lang, t, [
        ['stage', e.stage],
        ['outcome_municipality', e.outcome_municipality],
        ['main_employment', e.main_employment],
        ['partner_employment', e.partner_employment],
        ['moved_on', e.moved_on],
        ['close_reason', e.close_reason],
      ])}
      ${csrfField(m.csrf)}
      ${selectField(m.lang, {
        name: 'stage',
        label: t('stage.label'),
        value: st.values.stage,
        error: errorText(m.lang, t, e.stage),
        required: true,
        options: STAGES.map((s) => ({ value: s, label: r(`stage.${s}`) })),
      })}
      <fieldset class="fieldset">
        <legend class="fieldset__legend">${t('stage.outcome')}</legend>
        <p class="field__hint">${t('stage.outcomeHint')}</p>
        ${selectField(m.lang, {
          name: 'outcome_municipality',
          label: t('stage.outcomeMunicipality'),
          value: st.values.outcome_municipality,
          error: errorText(m.lang, t, e.outcome_municipality),
          placeholder: t('choose'),
          options: m.region.municipalities.map((x) => ({ value: x.code, label: x.shortName })),
        })}
        ${selectField(m.lang, {
          name: 'main_employment',
          label: t('stage.mainEmployment'),
          value: st.values.main_employment,
          error: errorText(m.lang, t, e.main_employment),
          placeholder: t('choose'),
          options: EMPLOYMENTS.map((x) => ({ value: x, label: r(`employment.${x}`) })),
        })}
        ${selectField(m.lang, {
          name: 'partner_employment',
          label: t('stage.partnerEmployment'),
          value: st.values.partner_employment,
          error: errorText(m.lang, t, e.partner_employment),
          placeholder: t('choose'),
          options: PARTNER_EMPLOYMENTS.map((x) => ({ value: x, label: r(`employment.${x}`) })),
        })}
        ${dateField(m.lang, {
          name: 'moved_on',
          label: t('stage.movedOn'),
          value: st.values.moved_on,
          error: errorText(m.lang, t, e.moved_on),
        })}
      </fieldset>
      ${selectField(m.lang, {
        name: 'close_reason',
        label: t('stage.closeReason'),
        hint: t('stage.closeReasonHint'),
        value: st.values.close_reason,
        error: errorText(m.lang, t, e.close_reason),
        placeholder: t('choose'),
        options: CLOSE_REASONS.map((x) => ({ value: x, label: r(`close.${x}`) })),
      })}
      <button class="button" type="submit">${t('stage.submit')}</button>
    </form>`;

  const ho = m.handover ?? { values: { navigator: '', note: '' }, errors: {} };
  const handover = html`<h3 id="handover-title">${t('handover.title')}</h3>
    <form class="form" method="post" action="${action}/handover" novalidate aria-labelledby="handover-title">
      ${errorsSummary(m.lang, t, [
        ['navigator', ho.errors.navigator],
        ['handover_note', ho.errors.note, HANDOVER_NOTE_MAX],
      ])}
      ${csrfField(m.csrf)}
      ${selectField(m.lang, {
        name: 'navigator',
        label: t('handover.navigator'),
        value: ho.values.navigator,
        error: errorText(m.lang, t, ho.errors.navigator),
        required: true,
        placeholder: t('choose'),
        options: colleagueChoices(m.file.navigators.filter((n) => n.accountId !== m.scope.accountId)),
      })}
      ${textareaField(m.lang, {
        name: 'note',
        id: 'handover_note',
        label: t('handover.note'),
        hint: t('handover.noteHint'),
        value: ho.values.note,
        error: errorText(m.lang, t, ho.errors.note, HANDOVER_NOTE_MAX),
        required: true,
        maxlength: HANDOVER_NOTE_MAX,
        rows: 4,
      })}
      <button class="button button--secondary" type="submit">${t('handover.submit')}</button>
    </form>`;
  return section('work', t('work.title'), html`${take} ${stageForm} ${handover}`);
}

function householdSection(m: CaseFileModel, t: T, r: R): SafeHtml {
  const today = stockholmToday(m.now);
  const people = m.file.persons.map((p) => {
    const role = r(`role.${p.role}` as RelocationMessageKey);
    if (p.role === 'child') {
      const age = p.age === null ? null : ageToday(p.age, p.age_on, today);
      return html`<li>${role}: ${age === null ? t('person.ageUnknown') : t('person.age', { age: String(age) })}</li>`;
    }
    const consents = m.file.consents.filter((k) => k.person_id === p.id);
    return html`<li>
      <h3>${role}: ${p.name || t('person.noName')}</h3>
      <dl class="admin-facts">
        <dt>${t('person.citizenship')}</dt>
        <dd>${r(`citizenship.${p.citizenship}` as RelocationMessageKey)}</dd>
        <dt>${t('person.email')}</dt>
        <dd>${p.email ? html`<a href="mailto:${p.email}">${p.email}</a>` : t('person.notGiven')}</dd>
        <dt>${t('person.phone')}</dt>
        <dd>${p.phone ? html`<a href="tel:${p.phone.replace(/[^+\d]/g, '')}">${p.phone}</a>` : t('person.notGiven')}</dd>
        ${p.occupation ? html`<dt>${t('person.occupation')}</dt><dd>${p.occupation}</dd>` : ''}
        <dt>${t('person.jobSearch')}</dt>
        <dd>${r(`jobSearch.${p.job_search}` as RelocationMessageKey)}</dd>
        <dt>${t('person.consents')}</dt>
        <dd>${
          consents.length
            ? html`<ul class="admin-plain-list">
                ${consents.map(
                  (k) =>
                    html`<li>${r(`consent.${k.purpose}.label`)} <span class="admin-muted">(${t(
                      'person.since',
                      {
                        date: formatDate(m.lang, k.given_at),
                      },
                    )})</span></li>`,
                )}
              </ul>`
            : t('person.noConsents')
        }</dd>
      </dl>
    </li>`;
  });
  return section(
    'household',
    t('household.title'),
    people.length ? html`<ul class="admin-plain-list">${people}</ul>` : html`<p>${t('household.empty')}</p>`,
  );
}

function assigneeChoices(m: CaseFileModel, t: T) {
  const seen = new Set<string>([m.scope.accountId]);
  const others = [];
  for (const n of m.file.navigators) {
    if (seen.has(n.accountId)) continue;
    seen.add(n.accountId);
    others.push({ value: n.accountId, label: `${navigatorName(n)} — ${n.organisationName}` });
  }
  return [{ value: 'me', label: t('task.me') }, ...others];
}

function tasksSection(m: CaseFileModel, t: T): SafeHtml {
  const action = casePath(m.file.case.id);
  const today = stockholmToday(m.now);
  const table = dataTable({
    id: 'tasks-caption',
    caption: t('tasks.caption'),
    columns: [t('col.task'), t('col.due'), t('col.assignee'), t('col.status')],
    rows: m.file.tasks,
    cells: (task) => {
      const due = dayOf(task.due_on);
      const overdue = !task.done_at && due < today;
      return [
        task.title,
        html`${formatDay(m.lang, task.due_on)}${overdue ? html` <strong class="tag tag--overdue">${t('task.overdue')}</strong>` : ''}`,
        personName({ name: task.assignee_name, email: task.assignee_email }) ?? t('inbox.nobody'),
        html`${task.done_at ? t('task.done') : t('task.open')}
          <form method="post" action="${action}/tasks/${task.id}/${task.done_at ? 'undo' : 'done'}">
            ${csrfField(m.csrf)}
            <button class="button button--secondary" type="submit">${
              task.done_at ? t('task.undo') : t('task.markDone')
            }<span class="visually-hidden">: ${task.title}</span></button>
          </form>`,
      ];
    },
    empty: t('tasks.empty'),
  });
  const f = m.task ?? { values: { title: '', due_on: '', assignee: 'me' }, errors: {} };
  const form = html`<h3 id="task-form-title">${t('task.add')}</h3>
    <form class="form" method="post" action="${action}/tasks" novalidate aria-labelledby="task-form-title">
      ${errorsSummary(m.lang, t, [
        ['title', f.errors.title, TASK_TITLE_MAX],
        ['due_on', f.errors.due_on],
        ['assignee', f.errors.assignee],
      ])}
      ${csrfField(m.csrf)}
      ${textField(m.lang, {
        name: 'title',
        label: t('task.title'),
        value: f.values.title,
        error: errorText(m.lang, t, f.errors.title, TASK_TITLE_MAX),
        required: true,
        maxlength: TASK_TITLE_MAX,
      })}
      ${dateField(m.lang, {
        name: 'due_on',
        label: t('task.due'),
        value: f.values.due_on,
        error: errorText(m.lang, t, f.errors.due_on),
        required: true,
      })}
      ${selectField(m.lang, {
        name: 'assignee',
        label: t('task.assignee'),
        value: f.values.assignee || 'me',
        error: errorText(m.lang, t, f.errors.assignee),
        options: assigneeChoices(m, t),
      })}
      <button class="button" type="submit">${t('task.submit')}</button>
    </form>`;
  return section('tasks', t('tasks.title'), html`<p>${t('tasks.intro')}</p> ${table} ${form}`);
}

function meetingsSection(m: CaseFileModel, t: T, r: R): SafeHtml {
  const action = casePath(m.file.case.id);
  const table = dataTable({
    id: 'meetings-caption',
    caption: t('meetings.caption'),
    columns: [t('col.when'), t('col.channel'), t('col.place'), t('col.navigator'), t('col.status')],
    rows: m.file.meetings,
    cells: (x) => [
      html`${formatDateTime(m.lang, x.starts_at)}<br /><span class="admin-muted">${t('meeting.minutes', {
        minutes: String(x.minutes),
      })}</span>${x.slot_id ? html`<br /><span class="admin-muted">${t('meeting.booked')}</span>` : ''}`,
      r(`channel.${x.channel}` as RelocationMessageKey),
      html`${x.place || '–'}${x.note ? html`<br /><span class="admin-muted">${x.note}</span>` : ''}`,
      personName({ name: x.navigator_name, email: x.navigator_email }) ?? '–',
      x.cancelled_at
        ? t('meeting.cancelled')
        : x.id
          ? html`${x.starts_at < m.now ? t('meeting.past') : t('meeting.planned')}
              <form method="post" action="${action}/meetings/${x.id}/cancel">
                ${csrfField(m.csrf)}
                <button class="button button--secondary" type="submit">${t('meeting.cancel')}<span
                    class="visually-hidden"
                    >: ${formatDateTime(m.lang, x.starts_at)}</span
                  ></button>
              </form>`
          : t('meeting.planned'),
    ],
    empty: t('meetings.empty'),
  });
  const f = m.meeting ?? {
    values: { date: '', time: '', minutes: '30', channel: '', place: '', note: '' },
    errors: {},
  };
  const e = f.errors;
  const form = html`<h3 id="meeting-form-title">${t('meeting.add')}</h3>
    <form class="form" method="post" action="${action}/meetings" novalidate aria-labelledby="meeting-form-title">
      ${errorsSummary(m.lang, t, [
        ['date', e.date],
        ['time', e.time],
        ['minutes', e.minutes],
        ['meeting_channel', e.channel],
        ['place', e.place, PLACE_MAX],
        ['meeting_note', e.note, MEETING_NOTE_MAX],
      ])}
      ${csrfField(m.csrf)}
      ${dateField(m.lang, {
        name: 'date',
        label: t('meeting.date'),
        value: f.values.date,
        error: errorText(m.lang, t, e.date),
        required: true,
      })}
      ${textField(m.lang, {
        name: 'time',
        label: t('meeting.time'),
        hint: t('meeting.timeHint'),
        value: f.values.time,
        error: errorText(m.lang, t, e.time),
        required: true,
        maxlength: 5,
        inputmode: 'numeric',
        autocomplete: 'off',
        inputClass: 'input--short',
      })}
      ${textField(m.lang, {
        name: 'minutes',
        label: t('meeting.length'),
        value: f.values.minutes,
        error: errorText(m.lang, t, e.minutes),
        required: true,
        maxlength: 3,
        inputmode: 'numeric',
        inputClass: 'input--short',
      })}
      ${selectField(m.lang, {
        name: 'channel',
        id: 'meeting_channel',
        label: t('meeting.channel'),
        value: f.values.channel,
        error: errorText(m.lang, t, e.channel),
        required: true,
        placeholder: t('choose'),
        options: MEETING_CHANNELS.map((x) => ({ value: x, label: r(`channel.${x}`) })),
      })}
      ${textField(m.lang, {
        name: 'place',
        label: t('meeting.place'),
        hint: t('meeting.placeHint'),
        value: f.values.place,
        error: errorText(m.lang, t, e.place, PLACE_MAX),
        required: false,
        maxlength: PLACE_MAX,
      })}
      ${textareaField(m.lang, {
        name: 'note',
        id: 'meeting_note',
        label: t('meeting.note'),
        value: f.values.note,
        error: errorText(m.lang, t, e.note, MEETING_NOTE_MAX),
        required: false,
        maxlength: MEETING_NOTE_MAX,
        rows: 3,
      })}
      <button class="button" type="submit">${t('meeting.submit')}</button>
    </form>`;
  return section('meetings', t('meetings.title'), html`${table} ${form}`);
}

function notesSection(m: CaseFileModel, t: T, r: R): SafeHtml {
  const action = casePath(m.file.case.id);
  const notes = m.file.events.filter((e) => e.kind === 'note' || e.kind === 'contact');
  const f = m.note ?? { values: { body: '', channel: '' }, errors: {} };
  const list = notes.length
    ? html`<ul class="audit-list">
        ${notes.map(
          (n) => html`<li class="audit-event">
            <p class="audit-event__sentence">${eventSentence(m.lang, t, r, n)}</p>
            <p class="audit-event__meta"><time datetime="${n.at.toISOString()}">${formatDateTime(m.lang, n.at)}</time></p>
            <blockquote class="report-text">${n.body}</blockquote>
          </li>`,
        )}
      </ul>`
    : html`<p>${t('notes.empty')}</p>`;
  const form = html`<h3 id="note-form-title">${t('note.add')}</h3>
    <form class="form" method="post" action="${action}/note" novalidate aria-labelledby="note-form-title">
      ${errorsSummary(m.lang, t, [
        ['body', f.errors.body, NOTE_MAX],
        ['channel', f.errors.channel],
      ])}
      ${csrfField(m.csrf)}
      ${selectField(m.lang, {
        name: 'channel',
        label: t('note.kind'),
        hint: t('note.kindHint'),
        value: f.values.channel,
        error: errorText(m.lang, t, f.errors.channel),
        options: [
          { value: '', label: t('note.justNote') },
          ...MEETING_CHANNELS.map((x) => ({
            value: x,
            label: t('note.contactBy', { channel: r(`channel.${x}`) }),
          })),
        ],
      })}
      ${textareaField(m.lang, {
        name: 'body',
        label: t('note.body'),
        value: f.values.body,
        error: errorText(m.lang, t, f.errors.body, NOTE_MAX),
        required: true,
        maxlength: NOTE_MAX,
        rows: 5,
      })}
      <button class="button" type="submit">${t('note.submit')}</button>
    </form>`;
  return section('notes', t('notes.title'), html`${form} ${list}`);
}

/** One history entry as a sentence: who did what (unknown kinds of other parts: a generic one). */
export function eventSentence(lang: Lang, t: T, r: R, e: EventRow, m?: CaseFileModel): string {
  const who = personName({ name: e.actor_name, email: e.actor_email }) ?? t('history.someone');
  const part = m?.history[e.kind];
  if (m && part)
    return part.sentence(e, { lang, region: m.region, who, person: (id) => householdPerson(m, r, id) });
  const d = e.data;
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const stage = (v: unknown) =>
    (STAGES as readonly string[]).includes(s(v)) ? r(`stage.${s(v)}` as RelocationMessageKey) : s(v);
  const when = (v: unknown) => (s(v) ? formatDateTime(lang, new Date(s(v))) : '');
  switch (e.kind) {
    case 'taken':
      return t('history.taken', { who });
    case 'handover':
      return t('history.handover', {
        who,
        to: e.to_name ?? t('history.formerNavigator'),
        organisation: s(d.organisation),
      });
    case 'note':
      return t('history.note', { who });
    case 'contact':
      return t('history.contact', {
        who,
        channel: (MEETING_CHANNELS as readonly string[]).includes(s(d.channel))
          ? r(`channel.${s(d.channel)}` as RelocationMessageKey).toLocaleLowerCase(lang)
          : s(d.channel),
      });
    case 'stage': {
      const reason = s(d.reason);
      return reason && (CLOSE_REASONS as readonly string[]).includes(reason)
        ? t('history.stageReason', {
            who,
            from: stage(d.from),
            to: stage(d.to),
            reason: r(`close.${reason}` as RelocationMessageKey),
          })
        : t('history.stage', { who, from: stage(d.from), to: stage(d.to) });
    }
    case 'task.added':
      return t('history.taskAdded', { who, title: e.body, due: s(d.due) });
    case 'task.done':
      return t('history.taskDone', { who, title: e.body });
    case 'task.undone':
      return t('history.taskUndone', { who, title: e.body });
    case 'meeting.planned':
      return t('history.meetingPlanned', { who, when: when(d.startsAt) });
    case 'meeting.cancelled':
      return t('history.meetingCancelled', { who, when: when(d.startsAt) });
    default:
      return t('history.other', { who });
  }
}

/** Kinds whose body the sentence already says (or that show it in the notes panel). */
const BODY_SAID = new Set(['task.added', 'task.done', 'task.undone']);

/** A household person of the case in words: their name, else their role; undefined when not (or no longer) there. */
function householdPerson(m: CaseFileModel, r: R, id: unknown): string | undefined {
  const person = m.file.persons.find((p) => p.id === id);
  if (!person) return undefined;
  return person.name.trim() || r(`role.${person.role}` as RelocationMessageKey);
}

function historySection(m: CaseFileModel, t: T, r: R): SafeHtml {
  const events = m.file.events;
  // Entries about an adult store the person's id, never the name: the name is read from the
  // household now (an erased person is simply not named).
  const names = new Map(m.file.persons.filter((p) => p.name.trim()).map((p) => [p.id, p.name.trim()]));
  const about = (e: EventRow) => {
    const id = e.data.person_id;
    const name = typeof id === 'string' ? names.get(id) : undefined;
    return name ? html`<p class="audit-event__meta">${t('history.about', { name })}</p>` : '';
  };
  const list = events.length
    ? html`<ol class="audit-list">
        ${events.map(
          (e) => html`<li class="audit-event">
            <p class="audit-event__sentence">${eventSentence(m.lang, t, r, e, m)}</p>
            ${e.body && !BODY_SAID.has(e.kind) && !m.history[e.kind]?.bodySaid ? html`<blockquote class="report-text">${e.body}</blockquote>` : ''}
            ${m.history[e.kind] ? '' : about(e)}
            <p class="audit-event__meta"><time datetime="${e.at.toISOString()}">${formatDateTime(m.lang, e.at)}</time></p>
          </li>`,
        )}
      </ol>`
    : html`<p>${t('history.empty')}</p>`;
  return section('history', t('history.title'), list);
}

export function caseFilePage(m: CaseFileModel): { title: string; main: SafeHtml; stylesheets: string[] } {
  const { t, r } = words(m.lang);
  const c = m.file.case;
  const ref = String(c.ref);
  const title = t('case.ref', { ref });
  const main = m.file.persons.find((p) => p.role === 'main');
  // A part's panel is its own <section id> with its <h2> (part.ts).
  const panels = m.panels.map((p) => p.html);
  const contents: Array<[string, string]> = [
    ['facts', t('facts.title')],
    ['work', t('work.title')],
    ['household', t('household.title')],
    ['tasks', t('tasks.title')],
    ['meetings', t('meetings.title')],
    ['notes', t('notes.title')],
    ...m.panels.map((p): [string, string] => [p.id, p.title]),
    ['history', t('history.title')],
  ];
  // The household withdrew its consent to be contacted: said first, above everything else.
  const withdrawn = m.file.contactWithdrawnAt
    ? html`<div class="notice notice--warning" role="alert">
        <h2>${t('contactWithdrawn.title')}</h2>
        <p>${t('contactWithdrawn.text', {
          name: main?.name || t('contactWithdrawn.someone'),
          date: formatDate(m.lang, m.file.contactWithdrawnAt),
        })}</p>
      </div>`
    : '';
  const merged = m.file.mergedInto
    ? html`<div class="notice notice--warning">
        <p>${t('merged.notice')} <a href="${casePath(m.file.mergedInto.id)}">${t('case.ref', {
          ref: String(m.file.mergedInto.ref),
        })}</a></p>
      </div>`
    : '';
  return {
    title: main?.name ? `${title} — ${main.name}` : title,
    stylesheets: [CASE_FILE_CSS],
    main: html`<p><a href="${PATHS.cases}">${t('case.back')}</a></p>
      <h1>${title}${main?.name ? html` <span class="admin-muted">— ${main.name}</span>` : ''}</h1>
      ${withdrawn} ${merged} ${notice(m.done ? t(`done.${m.done}` as CaseMessageKey) : undefined)}
      <nav aria-labelledby="contents-title" class="me-contents">
        <h2 id="contents-title" class="me-contents__title">${t('contents')}</h2>
        <ul>
          ${contents.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}
        </ul>
      </nav>
      ${section('facts', t('facts.title'), factsList(m, t, r))} ${workSection(m, t, r)} ${householdSection(m, t, r)}
      ${tasksSection(m, t)} ${meetingsSection(m, t, r)} ${notesSection(m, t, r)} ${panels} ${historySection(m, t, r)}`,
  };
}
