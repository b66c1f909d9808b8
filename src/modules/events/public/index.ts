/**
 * The visitors' side of the events (public/): the calendar with its filters and feed, each event's
 * page with its own sections (about, programme, organisers and exhibitors, place) and the other
 * parts' panels, the .ics downloads, the sitemap, the place pages' section and the demo events.
 */
import { SectionOrder } from '../../../platform/html/layout.ts';
import { PATHS } from '../model.ts';
import type { EventsPart } from '../part.ts';
import { publicEventMessages } from './messages.ts';
import { publicPanels } from './panels.ts';
import { registerPublicEventRoutes } from './routes.ts';
import { seedDemoEvents } from './seed.ts';
import { eventsSitemap } from './sitemap.ts';

export { icsEventOf, eventCalendar } from './calendar.ts';

export const publicPart: EventsPart = {
  routes: registerPublicEventRoutes,
  seed: async (db, demo) => {
    await seedDemoEvents(db, demo);
  },
  navigation: [
    {
      path: PATHS.events,
      label: (lang) => publicEventMessages.t(lang, 'nav.events'),
      order: SectionOrder.events,
      footer: 'live',
    },
  ],
  publicPanels,
  sitemap: eventsSitemap,
};
