/**
 * Events and fairs (issue 17): a shared calendar of the region's events at home and away,
 * registration that never overbooks (a waiting list whose freed seats are offered by e-mail),
 * test-living weekends applied for, the organisers' back-office, check-in at the door that keeps
 * working offline, and leads captured at the exhibitors' stands.
 *
 * model.ts: the vocabulary; events.ts: what every part shares (reads, access, seats); ics.ts:
 * iCalendar; part.ts: the shape of a part. Each part is a folder with an index.ts (public/,
 * registration/, admin/, checkin/, leads/); this file joins them.
 */
import { defineModule } from '../../platform/module.ts';
import type { EventsPart, PartsContext } from './part.ts';
import { publicPart } from './public/index.ts';
import { registrationPart } from './registration/index.ts';
import { adminPart } from './admin/index.ts';
import { checkinPart } from './checkin/index.ts';
import { leadsPart } from './leads/index.ts';

const parts: readonly EventsPart[] = [publicPart, registrationPart, adminPart, checkinPart, leadsPart];

const all = <T>(pick: (part: EventsPart) => readonly T[] | undefined): T[] =>
  parts.flatMap((part) => pick(part) ?? []);

const context: PartsContext = {
  adminPanels: all((p) => p.adminPanels).sort((a, b) => a.order - b.order),
  publicPanels: all((p) => p.publicPanels).sort((a, b) => a.order - b.order),
};

const sitemap = parts.find((p) => p.sitemap)?.sitemap;
const apiParts = parts.filter((p) => p.openApi);

export const eventsModule = defineModule({
  name: 'events',
  seed: async (db, { demo }) => {
    for (const part of parts) await part.seed?.(db, demo);
  },
  navigation: all((p) => p.navigation),
  adminNavigation: all((p) => p.adminNavigation),
  personalData: all((p) => p.personalData),
  ownPageSections: all((p) => p.ownPageSections),
  privacyProcessing: all((p) => p.privacyProcessing),
  auditSentences: Object.assign({}, ...parts.map((p) => p.auditSentences ?? {})),
  auditGroups: [
    { value: 'event', label: { sv: 'Evenemang', en: 'Events' }, prefixes: ['event'] },
    ...all((p) => p.auditGroups),
  ],
  tasks: (queue, deps) => {
    for (const part of parts) part.tasks?.(queue, deps);
  },
  ...(sitemap ? { sitemap } : {}),
  ...(apiParts.length
    ? {
        openApi: (c) => {
          const pieces = apiParts.map((p) => p.openApi!(c));
          return pieces.length === 1 ? pieces[0]! : Object.assign({}, ...pieces);
        },
      }
    : {}),
  routes: parts.some((p) => p.routes)
    ? (app, deps) => {
        for (const part of parts) part.routes?.(app, deps, context);
      }
    : undefined,
});
