/**
 * /:lang/events/:slug: an event's page. The hero (picture with its credit, kind, title, the facts:
 * when on Stockholm's clock, where, languages, target groups, seats), a cancelled event's notice at
 * the top with the organiser's reason, "Lägg till i kalendern", then every part's public panel in
 * order — this part's own are about (10), programme (30), organisers and exhibitors (40) and place
 * (50); the registration part adds its box at 20. schema.org Event JSON-LD in the head.
 */
import { html, jsonScript, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page, type PageContext, type PageImage } from '../../../platform/html/layout.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import { wallClock } from '../../../platform/i18n/stockholm.ts';
import { imageUrl, pictureHtml, type MediaImage } from '../../content/media/service.ts';
import { eventText, eventTitle, registrationOpen, seatsLeft, type EventRow } from '../events.ts';
import { eventMessages } from '../messages.ts';
import { EVENTS_CSS, PATHS, eventPath } from '../model.ts';
import type { PanelView } from '../part.ts';
import { eventUrl } from './calendar.ts';
import { counted, kindLabel, personaLabel, translator, type T } from './cards.ts';
import { addressLine, languagesText, municipalityName, whenText } from './format.ts';
import type { EventOrg } from './repository.ts';

export const HERO_SIZES = '(min-width: 72rem) 40rem, (min-width: 48rem) 50vw, calc(100vw - 2rem)';

/** An instant as ISO 8601 with Stockholm's offset: 2026-12-12T17:00:00+01:00. */
export function isoStockholm(date: Date): string {
  const w = wallClock(date);
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);
  const offsetMin = Math.round((wall - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const sign = offsetMin >= 0 ? '+' : '-';
  const local = new Date(wall + (date.getTime() % 60_000)).toISOString().slice(0, 19);
  return `${local}${sign}${pad(Math.trunc(offsetMin / 60))}:${pad(offsetMin % 60)}`;
}

/** schema.org Event of the page (https://schema.org/Event; Google's event rich result fields). */
export function eventJsonLd(
  event: EventRow,
  options: {
    origin: string;
    lang: Lang;
    municipality: string;
    organisations: readonly EventOrg[];
    organisationUrl: (o: EventOrg) => string | undefined;
    image: MediaImage | undefined;
  },
): Record<string, unknown> {
  const { origin, lang } = options;
  const url = eventUrl(origin, lang, event.slug);
  const online = event.location_kind === 'online';
  const left = seatsLeft(event);
  const organisers = options.organisations.filter((o) => o.role !== 'exhibitor');
  const location = online
    ? { '@type': 'VirtualLocation', url }
    : {
        '@type': 'Place',
        name: event.venue || event.locality || options.municipality,
        address: {
          '@type': 'PostalAddress',
          ...(event.street_address ? { streetAddress: event.street_address } : {}),
          ...(event.postal_code ? { postalCode: event.postal_code } : {}),
          addressLocality: event.locality || options.municipality,
          addressCountry: 'SE',
        },
      };
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: eventTitle(event, lang),
    description: eventText(event, 'summary', lang) || eventText(event, 'description', lang).slice(0, 400),
    url,
    startDate: isoStockholm(event.starts_at),
    endDate: isoStockholm(event.ends_at),
    eventStatus:
      event.status === 'cancelled'
        ? 'https://schema.org/EventCancelled'
        : 'https://schema.org/EventScheduled',
    eventAttendanceMode: online
      ? 'https://schema.org/OnlineEventAttendanceMode'
      : 'https://schema.org/OfflineEventAttendanceMode',
    location,
    inLanguage: event.languages,
    ...(options.image ? { image: [origin + imageUrl(options.image, 1200, 'jpeg')] } : {}),
    organizer: organisers.map((o) => {
      const link = options.organisationUrl(o);
      return { '@type': 'Organization', name: o.name, ...(link ? { url: link } : {}) };
    }),
    ...(event.registration !== 'none'
      ? {
          offers: {
            '@type': 'Offer',
            price: 0,
            priceCurrency: 'SEK',
            availability: left === 0 ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
            url,
            ...(event.published_at
              ? { validFrom: isoStockholm(event.registration_opens_at ?? event.published_at) }
              : {}),
          },
        }
      : { isAccessibleForFree: true }),
  };
}

export interface EventView {
  event: EventRow;
  image: MediaImage | undefined;
  /** Every part's panel, rendered, in order. */
  panels: readonly PanelView[];
}

function facts(ctx: PageContext, t: T, event: EventRow): SafeHtml {
  const { lang, region } = ctx;
  const left = seatsLeft(event);
  const m = municipalityName(region, event.municipality_code);
  const where =
    event.location_kind === 'online'
      ? html`${t('where.online')} <span class="event-facts__note">(${t('where.onlineLink')})</span>`
      : html`${addressLine(event) || m}${m && !addressLine(event).includes(m) ? html`<span class="event-facts__note">, ${m}</span>` : ''}`;
  const seats =
    event.registration === 'none'
      ? t('page.registrationNone')
      : left === null
        ? t('page.seatsUnlimited')
        : left === 0
          ? t('page.seatsFull')
          : counted(t, lang, 'page.seatsLeft', left, { capacity: formatNumber(lang, event.capacity ?? 0) });
  return html`<dl class="event-facts">
    <div><dt>${t('page.when')}</dt><dd><time datetime="${event.starts_at.toISOString()}">${whenText(lang, event)}</time></dd></div>
    <div><dt>${t('page.where')}</dt><dd>${where}</dd></div>
    <div><dt>${t('page.languages')}</dt><dd>${languagesText(lang, event.languages)}</dd></div>
    ${event.personas.length ? html`<div><dt>${t('page.personas')}</dt><dd>${event.personas.map((p) => personaLabel(lang, p)).join(', ')}</dd></div>` : ''}
    ${event.status !== 'cancelled' ? html`<div><dt>${event.registration === 'none' ? t('page.registration') : t('page.seats')}</dt><dd>${seats}${registrationOpen(event) || event.registration === 'none' ? '' : html` <span class="event-facts__note">(${t('card.closed')})</span>`}</dd></div>` : ''}
  </dl>`;
}

export function eventPage(ctx: PageContext, view: EventView, jsonLd: Record<string, unknown>): Page {
  const { lang, region } = ctx;
  const t = translator(lang, region);
  const { event, image } = view;
  const title = eventTitle(event, lang);
  const cancelled = event.status === 'cancelled';
  const ics = localPath(lang, `${eventPath(event.slug)}/calendar.ics`);
  const summary = eventText(event, 'summary', lang);
  const main = html`<article class="event${cancelled ? ' event--cancelled' : ''}">
    ${
      cancelled
        ? html`<div class="event-cancelled" role="status"><div class="wrap"><p><strong>${t('page.cancelled')}</strong>${event.cancel_reason.trim() ? html` ${t('page.cancelledReason', { reason: event.cancel_reason.trim() })}` : ''}</p></div></div>`
        : ''
    }
    <header class="event-hero">
      <div class="wrap event-hero__inner">
        ${image ? html`<div class="event-hero__media">${pictureHtml(image, lang, { sizes: HERO_SIZES, loading: 'eager', priority: true, cls: 'event-hero__picture' })}</div>` : html`<div class="event-hero__media event-hero__placeholder event-hero__placeholder--${event.kind}" aria-hidden="true"></div>`}
        <div class="event-hero__text">
          <p class="event-hero__back"><a href="${localPath(lang, PATHS.events)}">← ${t('page.back')}</a></p>
          <p class="event-hero__kind">${kindLabel(lang, event.kind)}${cancelled ? html` · <strong>${eventMessages.t(lang, 'status.cancelled')}</strong>` : ''}</p>
          <h1>${title}</h1>
          ${summary ? html`<p class="event-hero__lead">${summary}</p>` : ''}
          ${facts(ctx, t, event)}
          <p class="event-hero__actions"><a class="button event-hero__ics" href="${ics}" download>${t('page.addToCalendar')}</a></p>
        </div>
      </div>
    </header>
    <div class="wrap event__body"><div class="event__panels">
      ${view.panels.map((p) => html`<div class="event-panel event-panel--${p.id}">${p.html}</div>`)}
    </div></div>
  </article>`;
  const pageImage: PageImage | undefined =
    image && image.widths.length
      ? {
          url: imageUrl(image, 1200, 'jpeg'),
          alt: image.alt[lang],
          width: image.widths.find((w) => w >= 1200) ?? image.widths[image.widths.length - 1] ?? image.width,
          height: Math.round(
            (image.height / image.width) *
              (image.widths.find((w) => w >= 1200) ?? image.widths[image.widths.length - 1] ?? image.width),
          ),
        }
      : undefined;
  return {
    title,
    description: summary || t('list.description'),
    path: eventPath(event.slug),
    main,
    bodyClass: 'page-event',
    stylesheets: [EVENTS_CSS],
    image: pageImage,
    noindex: cancelled || undefined,
    head: jsonScript('application/ld+json', jsonLd),
  };
}
