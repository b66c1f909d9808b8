/**
 * This part's sections of the public event page (PublicPanel, part.ts): about (10: the
 * description and the accessibility information), programme (30: grouped by Stockholm day),
 * organisers and exhibitors (40: linked to their company page when one is published) and place
 * (50: the address, or what an online event's visitors get). Each reads what it needs itself.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { stockholmDate } from '../../../platform/i18n/stockholm.ts';
import { eventText } from '../events.ts';
import { eventMessages } from '../messages.ts';
import type { PanelView, PublicPanel, PublicPanelContext } from '../part.ts';
import { translator } from './cards.ts';
import { companyPages } from './companies.ts';
import { addressLine, clock, longDay, municipalityName } from './format.ts';
import { organisationsOf, programmeOf, type EventOrg, type ProgrammeItem } from './repository.ts';

/** A text as paragraphs (blank lines part them; single line breaks are kept). */
export function paragraphs(text: string): SafeHtml {
  const parts = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return html`${parts.map((p) => html`<p>${p.split('\n').map((line, i) => (i ? html`<br>${line}` : line))}</p>`)}`;
}

function section(id: string, title: string, body: SafeHtml): PanelView {
  return {
    id,
    title,
    html: html`<section id="${id}" class="event-section" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>${body}</section>`,
  };
}

const about: PublicPanel = {
  order: 10,
  async render({ lang, region, event }: PublicPanelContext) {
    const t = translator(lang, region);
    const description = eventText(event, 'description', lang);
    const access = eventText(event, 'accessibility', lang);
    return section(
      'event-about',
      t('page.about'),
      html`${description ? html`<div class="event-text">${paragraphs(description)}</div>` : ''}
        <h3>${t('page.accessibility')}</h3>
        ${access ? html`<div class="event-text">${paragraphs(access)}</div>` : html`<p class="event-muted">${t('page.accessibilityNone')}</p>`}`,
    );
  },
};

function programmeKind(lang: Lang, kind: string): string {
  return eventMessages.t(lang, `programme.${kind}` as Parameters<typeof eventMessages.t>[1]);
}

/** The programme's items by Stockholm day, in time order. */
export function byDay(items: readonly ProgrammeItem[]): { day: string; items: ProgrammeItem[] }[] {
  const days = new Map<string, ProgrammeItem[]>();
  for (const item of items) {
    const day = stockholmDate(item.startsAt);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days].map(([day, list]) => ({ day, items: list }));
}

const programme: PublicPanel = {
  order: 30,
  async render({ db, lang, region, event }: PublicPanelContext) {
    const items = await programmeOf(db, region.id, event.id);
    if (items.length === 0) return null;
    const t = translator(lang, region);
    const other = lang === 'sv' ? 'en' : 'sv';
    return section(
      'event-programme',
      t('page.programme'),
      html`${byDay(items).map(
        (d) => html`<h3 class="event-programme__day">${longDay(lang, d.items[0]!.startsAt)}</h3>
          <ol class="event-programme" role="list">${d.items.map((item) => {
            const own = item.title[lang].trim();
            const title = own || item.title[other].trim();
            return html`<li class="event-programme__item event-programme__item--${item.kind}">
              <p class="event-programme__time"><time datetime="${item.startsAt.toISOString()}">${clock(lang, item.startsAt)}</time>${item.endsAt ? html`–<time datetime="${item.endsAt.toISOString()}">${clock(lang, item.endsAt)}</time>` : ''}</p>
              <div class="event-programme__what">
                <p class="event-programme__title"${own ? '' : html` lang="${other}"`}>${title}</p>
                <p class="event-programme__meta">${programmeKind(lang, item.kind)}${item.place ? html` · ${item.place}` : ''}${item.host ? html` · ${t('page.host', { name: item.host })}` : ''}</p>
              </div>
            </li>`;
          })}</ol>`,
      )}`,
    );
  },
};

function orgItem(lang: Lang, o: EventOrg, path: string | undefined, stand: string): SafeHtml {
  return html`<li class="event-orgs__item">${path ? html`<a href="${localPath(lang, path)}">${o.name}</a>` : o.name}${stand ? html` <span class="event-muted">· ${stand}</span>` : ''}</li>`;
}

const organisers: PublicPanel = {
  order: 40,
  async render({ db, lang, region, event }: PublicPanelContext) {
    const [orgs, pages] = await Promise.all([
      organisationsOf(db, region.id, event),
      companyPages(db, region.id),
    ]);
    if (orgs.length === 0) return null;
    const t = translator(lang, region);
    const path = (o: EventOrg) => pages.get(o.orgNumber)?.path;
    const organiser = orgs.filter((o) => o.role === 'organiser');
    const co = orgs.filter((o) => o.role === 'co_organiser');
    const exhibitors = orgs.filter((o) => o.role === 'exhibitor');
    const group = (title: string, list: EventOrg[], stands: boolean) =>
      list.length
        ? html`<div class="event-orgs__group"><h3>${title}</h3><ul class="event-orgs" role="list">${list.map(
            (o) => orgItem(lang, o, path(o), stands && o.stand ? t('page.stand', { stand: o.stand }) : ''),
          )}</ul></div>`
        : '';
    return section(
      'event-organisers',
      t('page.organisers'),
      html`<div class="event-orgs__groups">${group(t('page.organiser'), organiser, false)}${group(t('page.coOrganisers'), co, false)}${group(t('page.exhibitors'), exhibitors, true)}</div>`,
    );
  },
};

const place: PublicPanel = {
  order: 50,
  async render({ lang, region, event }: PublicPanelContext) {
    const t = translator(lang, region);
    if (event.location_kind === 'online')
      return section('event-place', t('page.place'), html`<p>${t('page.placeOnline')}</p>`);
    const m = municipalityName(region, event.municipality_code);
    const town = [event.postal_code, event.locality].filter((s) => s.trim()).join(' ');
    return section(
      'event-place',
      t('page.place'),
      html`<address class="event-address">
        ${event.venue ? html`<strong>${event.venue}</strong><br>` : ''}
        ${event.street_address ? html`${event.street_address}<br>` : ''}
        ${town ? html`${town}<br>` : ''}
        ${m && !addressLine(event).includes(m) ? m : ''}
      </address>`,
    );
  },
};

export const publicPanels: readonly PublicPanel[] = [about, programme, organisers, place];
