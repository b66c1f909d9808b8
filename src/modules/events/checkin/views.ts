/**
 * The door page (/admin/events/:id/checkin) and the panel on the back-office event page. The page
 * works without JavaScript: a ticket-code form (POST) first, a search (GET) whose results each have
 * a "Checka in" form with how many came, an undo form for those checked in, and then the counts —
 * door staff on a phone get the ticket field and the search on the first screen. The door's
 * script (public/js/events-checkin.js) reads the data-* attributes of `.checkin` and the texts in
 * #checkin-texts, and takes over search and check-in so they keep working offline.
 */
import { csrfField, hiddenField, notice, selectField, textField } from '../../../platform/html/forms.ts';
import { html, jsonScript, type SafeHtml } from '../../../platform/html/html.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import { stockholmTime } from '../../../platform/i18n/stockholm.ts';
import { eventTitle, type EventRow } from '../events.ts';
import { eventMessages } from '../messages.ts';
import { adminEventPath, isOneOf, REGISTRATION_STATUSES } from '../model.ts';
import { checkinMessages, type CheckinKey } from './messages.ts';
import type { DoorCounts, DoorRegistration } from './repository.ts';
import type { CheckinOutcome } from './service.ts';

export const CHECKIN_SCRIPT = 'js/events-checkin.js';
export const CHECKIN_CSS = 'css/events-checkin.css';

export const checkinPaths = {
  page: (id: string) => `${adminEventPath(id)}/checkin`,
  code: (id: string) => `${adminEventPath(id)}/checkin/code`,
  checkin: (id: string) => `${adminEventPath(id)}/checkin`,
  undo: (id: string) => `${adminEventPath(id)}/checkin/undo`,
  list: (id: string) => `${adminEventPath(id)}/checkin/list.json`,
  counts: (id: string) => `${adminEventPath(id)}/checkin/counts.json`,
  batch: (id: string) => `${adminEventPath(id)}/checkins`,
};

type T = (key: CheckinKey, params?: Record<string, string | number>) => string;
export const tt =
  (lang: Lang): T =>
  (key, params) =>
    checkinMessages.t(lang, key, params);

/** A registration's status in words. */
export function statusWord(lang: Lang, status: string): string {
  return isOneOf(REGISTRATION_STATUSES, status) ? eventMessages.t(lang, `regStatus.${status}`) : status;
}

/** What the page says of one check-in's outcome (a sentence), and whether it is a refusal. */
export function outcomeText(lang: Lang, outcome: CheckinOutcome): string {
  const t = tt(lang);
  switch (outcome.kind) {
    case 'checked_in':
      return outcome.people > 1
        ? t('outcome.checked_inPeople', { name: outcome.registration.name, people: outcome.people })
        : t('outcome.checked_in', { name: outcome.registration.name });
    case 'already':
      return t('outcome.already', { name: outcome.registration.name, time: stockholmTime(outcome.at) });
    case 'not_confirmed':
      return t('outcome.not_confirmed', {
        name: outcome.registration.name,
        status: statusWord(lang, outcome.registration.status).toLowerCase(),
      });
    case 'other_event':
      return t('outcome.other_event');
    case 'unknown':
      return t('outcome.unknown');
    case 'invalid':
      return t('outcome.invalid');
    case 'closed':
      return t('outcome.closed');
  }
}

/** The words the door's script needs, in the page's language. */
function scriptTexts(lang: Lang): Record<string, string> {
  const keys: CheckinKey[] = [
    'queue.waiting',
    'queue.waitingOne',
    'queue.sent',
    'queue.offline',
    'queue.signIn',
    'queue.retry',
    'queue.queued',
    'list.loaded',
    'list.failed',
    'scan.noCamera',
    'scan.notTicket',
    'code.scan',
    'code.stopScan',
    'search.results',
    'search.none',
    'search.tooShort',
    'search.more',
    'result.seats',
    'result.seat',
    'result.people',
    'result.peopleNamed',
    'result.checkin',
    'result.checkinNamed',
    'result.checkedIn',
    'result.checkedInPeople',
    'result.undo',
    'result.undoNamed',
    'outcome.checked_in',
    'outcome.checked_inPeople',
    'outcome.already',
    'outcome.unknown',
    'outcome.invalid',
    'outcome.not_confirmed',
    'outcome.other_event',
    'outcome.closed',
  ];
  const texts: Record<string, string> = Object.fromEntries(
    keys.map((k) => [k, checkinMessages.catalogues[lang][k]]),
  );
  for (const status of REGISTRATION_STATUSES)
    texts[`status.${status}`] = eventMessages.t(lang, `regStatus.${status}`);
  return texts;
}

function countsBlock(lang: Lang, counts: DoorCounts): SafeHtml {
  const t = tt(lang);
  const n = (value: number) => formatNumber(lang, value);
  return html`<dl class="checkin-counts__list" id="checkin-counts">
    <div class="checkin-count">
      <dt>${t('counts.people')}</dt>
      <dd data-count="checkedInPeople">${n(counts.checkedInPeople)}</dd>
    </div>
    <div class="checkin-count">
      <dt>${t('counts.seats')}</dt>
      <dd data-count="confirmedSeats">${n(counts.confirmedSeats)}</dd>
    </div>
    <div class="checkin-count">
      <dt>
        <span data-count-label="confirmedRegistrations" data-template="${checkinMessages.catalogues[lang]['counts.registrations']}"
          >${t('counts.registrations', { total: n(counts.confirmedRegistrations) })}</span
        >
      </dt>
      <dd data-count="checkedIn">${n(counts.checkedIn)}</dd>
    </div>
  </dl>
  <p class="checkin-counts__waiting" data-count-label="waiting" data-template="${checkinMessages.catalogues[lang]['counts.waiting']}">
    ${t('counts.waiting', { count: n(counts.waiting) })}
  </p>`;
}

export interface DoorSearch {
  q: string;
  rows: readonly DoorRegistration[];
  more: boolean;
  tooShort: boolean;
}

export interface DoorPageInput {
  lang: Lang;
  event: EventRow;
  counts: DoorCounts;
  csrf: string;
  search: DoorSearch | null;
  /** A notice after a check-in or an undo. */
  done?: string;
  /** A refusal to show at the top (a search result's check-in refused). */
  alert?: string;
  /** The ticket-code form as typed, with its error. */
  code?: { value: string; error?: string };
}

function resultItem(input: DoorPageInput, r: DoorRegistration): SafeHtml {
  const { lang, event, csrf } = input;
  const t = tt(lang);
  const q = input.search?.q ?? '';
  const seats = r.seats === 1 ? t('result.seat') : t('result.seats', { seats: r.seats });
  const statusTag = html`<span class="tag${r.status === 'confirmed' ? '' : ' tag--muted'}">${statusWord(lang, r.status)}</span>`;
  let action: SafeHtml;
  if (r.checkedInAt) {
    const time = stockholmTime(r.checkedInAt);
    action = html`<p class="checkin-result__done">
        ${
          r.people && r.people > 1
            ? t('result.checkedInPeople', { time, people: r.people })
            : t('result.checkedIn', { time })
        }
      </p>
      <form class="checkin-result__form" method="post" action="${checkinPaths.undo(event.id)}">
        ${csrfField(csrf)} ${hiddenField('registration', r.id)} ${hiddenField('q', q)}
        <button class="button button--secondary" type="submit" aria-label="${t('result.undoNamed', { name: r.name })}">
          ${t('result.undo')}
        </button>
      </form>`;
  } else if (r.status === 'confirmed') {
    const people =
      r.seats > 1
        ? selectField(lang, {
            name: 'people',
            id: `people-${r.id}`,
            label: t('result.peopleNamed', { name: r.name }),
            value: String(r.seats),
            options: Array.from({ length: r.seats }, (_, i) => ({
              value: String(i + 1),
              label: String(i + 1),
            })),
            className: 'checkin-result__people',
          })
        : '';
    action = html`<form class="checkin-result__form" method="post" action="${checkinPaths.checkin(event.id)}">
      ${csrfField(csrf)} ${hiddenField('registration', r.id)} ${hiddenField('q', q)} ${people}
      <button class="button" type="submit" aria-label="${t('result.checkinNamed', { name: r.name })}">
        ${t('result.checkin')}
      </button>
    </form>`;
  } else {
    action = html``;
  }
  return html`<li class="checkin-result${r.checkedInAt ? ' checkin-result--in' : ''}">
    <div class="checkin-result__who">
      <strong class="checkin-result__name">${r.name}</strong>
      <span class="admin-muted checkin-result__email">${r.email}</span>
      <span class="checkin-result__facts">${seats} ${statusTag}</span>
    </div>
    <div class="checkin-result__action">${action}</div>
  </li>`;
}

function searchResults(input: DoorPageInput): SafeHtml {
  const search = input.search;
  if (!search) return html``;
  const t = tt(input.lang);
  if (search.tooShort) return html`<p>${t('search.tooShort')}</p>`;
  if (search.rows.length === 0) return html`<p>${t('search.none', { q: search.q })}</p>`;
  return html`<h3 id="checkin-results-title">${t('search.results', { q: search.q })}</h3>
    <ul class="checkin-results" aria-labelledby="checkin-results-title">
      ${search.rows.map((r) => resultItem(input, r))}
    </ul>
    ${search.more ? html`<p class="admin-muted">${t('search.more', { count: search.rows.length })}</p>` : ''}`;
}

export function doorPage(input: DoorPageInput): { title: string; main: SafeHtml } {
  const { lang, event, csrf } = input;
  const t = tt(lang);
  const title = t('page.title', { title: eventTitle(event, lang) });
  const place = [event.venue, event.locality].filter(Boolean).join(', ');
  const when = `${formatDate(lang, event.starts_at)} ${stockholmTime(event.starts_at)}–${stockholmTime(event.ends_at)}`;
  const open = event.status === 'published';
  const main = html`<div
    class="checkin"
    data-event="${event.id}"
    data-csrf="${csrf}"
    data-list="${checkinPaths.list(event.id)}"
    data-counts="${checkinPaths.counts(event.id)}"
    data-batch="${checkinPaths.batch(event.id)}"
    data-undo="${checkinPaths.undo(event.id)}"
    data-lang="${lang}"
  >
    <p class="checkin__back"><a href="${adminEventPath(event.id)}">${t('page.back')}</a></p>
    <h1>${title}</h1>
    <p class="checkin__lead">${place ? t('page.lead', { when, place }) : when}</p>
    ${open ? '' : html`<div class="notice notice--warning" role="alert"><p>${t('page.notPublished')}</p></div>`}
    ${notice(input.done)}
    ${input.alert ? html`<div class="notice notice--warning" role="alert"><p>${input.alert}</p></div>` : ''}
    <p class="checkin-queue notice" id="checkin-queue" role="status" hidden></p>

    <div class="checkin-grid">
      <section class="checkin-panel" aria-labelledby="checkin-code-title">
        <h2 id="checkin-code-title">${t('code.title')}</h2>
        <form class="checkin-code" id="checkin-code-form" method="post" action="${checkinPaths.code(event.id)}">
          ${csrfField(csrf)}
          ${textField(lang, {
            name: 'code',
            label: t('code.label'),
            hint: t('code.hint'),
            value: input.code?.value ?? '',
            error: input.code?.error,
            maxlength: 40,
            autocomplete: 'off',
            autocapitalize: 'off',
            spellcheck: false,
            inputClass: 'checkin-code__input',
          })}
          <div class="checkin-code__actions">
            <button class="button" type="submit">${t('code.submit')}</button>
            <button class="button button--secondary" type="button" id="checkin-scan" hidden>${t('code.scan')}</button>
          </div>
        </form>
        <div class="checkin-scanner" id="checkin-scanner" hidden>
          <video id="checkin-video" muted playsinline aria-label="${t('code.videoLabel')}"></video>
        </div>
        <p class="checkin-answer" id="checkin-answer" role="status"></p>
      </section>

      <section class="checkin-panel" aria-labelledby="checkin-search-title">
        <h2 id="checkin-search-title">${t('search.title')}</h2>
        <form class="checkin-search" id="checkin-search-form" method="get" action="${checkinPaths.page(event.id)}" role="search">
          ${textField(lang, {
            name: 'q',
            type: 'search',
            label: t('search.label'),
            hint: t('search.hint'),
            value: input.search?.q ?? '',
            maxlength: 100,
            autocomplete: 'off',
            spellcheck: false,
          })}
          <button class="button" type="submit">${t('search.submit')}</button>
        </form>
        <div class="checkin-results-box" id="checkin-results">${searchResults(input)}</div>
      </section>
    </div>

    <section class="checkin-counts" aria-labelledby="checkin-counts-title">
      <h2 id="checkin-counts-title">${t('counts.title')}</h2>
      ${countsBlock(lang, input.counts)}
    </section>
    <div id="checkin-texts" hidden>${jsonScript('application/json', scriptTexts(lang))}</div>
  </div>`;
  return { title, main };
}

/** The panel on the back-office event page: the counts and a link to the door page. */
export function checkinPanelHtml(lang: Lang, eventId: string, counts: DoorCounts): SafeHtml {
  const t = tt(lang);
  const n = (value: number) => formatNumber(lang, value);
  return html`<section id="checkin" aria-labelledby="checkin-panel-title">
    <h2 id="checkin-panel-title">${t('panel.title')}</h2>
    <p>
      ${t('panel.counts', {
        people: n(counts.checkedInPeople),
        seats: n(counts.confirmedSeats),
        checked: n(counts.checkedIn),
        registrations: n(counts.confirmedRegistrations),
      })}
    </p>
    <p><a class="button" href="${checkinPaths.page(eventId)}">${t('panel.open')}</a></p>
  </section>`;
}
