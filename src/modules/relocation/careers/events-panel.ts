/**
 * The case file's "Evenemang" panel (order 75): facts only — the events the household's adults
 * registered for (by their account or their e-mail: the event, its date, the registration's status,
 * checked in or not) and the details they left at fair stands (the event, the stand, the employer,
 * the date, whether they asked for a navigator). Each row links to the event's back-office page
 * (/admin/events/:id; navigators hold EventsManage). The reads are in event-facts.ts.
 */
import { html } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { CasePanel, CasePanelView } from '../part.ts';
import { eventsOfHousehold } from './event-facts.ts';
import { careersMessages, type CareersMessageKey } from './messages.ts';

export const EVENTS_PANEL_ID = 'case-events';

const adminEventPath = (id: string) => `/admin/events/${id}`;
const titleOf = (lang: Lang, e: { titleSv: string; titleEn: string }) =>
  (lang === 'en' ? e.titleEn || e.titleSv : e.titleSv || e.titleEn) || '—';

export const eventsPanel: CasePanel = {
  order: 75,
  async render(context): Promise<CasePanelView | null> {
    const { lang } = context;
    const t = (key: CareersMessageKey, params?: Record<string, string | number>) =>
      careersMessages.t(lang, key, params);
    const adults = context.persons
      .filter((p) => p.role !== 'child')
      .map((p) => ({ accountId: p.account_id, email: p.email }));
    const { registrations, leads } = await eventsOfHousehold(
      context.db,
      context.scope.regionId,
      context.case.id,
      adults,
    );
    const title = t('events.title');
    const eventLink = (e: { eventId: string; titleSv: string; titleEn: string }) =>
      html`<a href="${adminEventPath(e.eventId)}">${titleOf(lang, e)}</a>`;
    const registrationTable = dataTable({
      id: 'case-events-registrations-caption',
      caption: t('events.registrationsCaption'),
      columns: [
        t('events.col.event'),
        t('events.col.date'),
        t('events.col.who'),
        t('events.col.status'),
        t('events.col.checkin'),
      ],
      rows: registrations,
      cells: (r) => [
        html`${eventLink(r)}${r.eventStatus === 'cancelled' ? html` <span class="tag tag--muted">${t('events.cancelledEvent')}</span>` : ''}`,
        html`<time datetime="${r.startsAt.toISOString()}">${formatDate(lang, r.startsAt)}</time>`,
        r.seats > 1 ? t('events.seats', { name: r.name, seats: formatNumber(lang, r.seats) }) : r.name,
        t(`events.status.${r.status}` as CareersMessageKey),
        r.checkedIn ? t('events.checkedIn') : t('events.notCheckedIn'),
      ],
      empty: t('events.noRegistrations'),
    });
    const leadTable = dataTable({
      id: 'case-events-leads-caption',
      caption: t('events.leadsCaption'),
      columns: [t('events.col.event'), t('events.col.stand'), t('events.col.employer'), t('events.col.date')],
      rows: leads,
      cells: (l) => [
        html`${eventLink(l)}<br /><span class="admin-muted">${l.name}${l.wantsNavigator ? ` – ${t('events.wantsNavigator')}` : ''}</span>`,
        l.stand || '–',
        l.employer ?? t('dup.metOrganiser'),
        html`<time datetime="${l.createdAt.toISOString()}">${formatDate(lang, l.createdAt)}</time>`,
      ],
      empty: t('events.noLeads'),
    });
    return {
      id: EVENTS_PANEL_ID,
      title,
      html: html`<section id="${EVENTS_PANEL_ID}" aria-labelledby="${EVENTS_PANEL_ID}-title">
        <h2 id="${EVENTS_PANEL_ID}-title">${title}</h2>
        <p>${t('events.lead')}</p>
        <h3>${t('events.registrations')}</h3>
        ${registrationTable}
        <h3>${t('events.leads')}</h3>
        ${leadTable}
      </section>`,
    };
  },
};
