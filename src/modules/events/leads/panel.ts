/** The leads' panel on the back-office event page (order 70): leads per stand, the stand links. */
import { html } from '../../../platform/html/html.ts';
import type { AdminPanel } from '../part.ts';
import { leadsMessages } from './messages.ts';
import { countsPerStand, standsOf } from './repository.ts';
import { panelHtml } from './views.ts';

/** The installation's public origin (the app's, set when the routes register): the QR links' base. */
let publicOrigin = '';
export function usePublicOrigin(origin: string): void {
  publicOrigin = origin;
}

export const leadsPanel: AdminPanel = {
  order: 70,
  async render(c) {
    const all = await standsOf(c.db, c.region.id, c.event);
    const stands =
      c.relation === 'manage' ? all : all.filter((s) => s.organisationId === c.access.organisationId);
    const counts = await countsPerStand(c.db, c.region.id, c.event.id);
    const title = leadsMessages.t(c.lang, 'panel.title');
    const origin = c.region.canonicalOrigin ?? publicOrigin;
    return {
      id: 'leads',
      title,
      html: html`<section id="leads" aria-labelledby="leads-title">
        <h2 id="leads-title">${title}</h2>
        ${panelHtml(c.lang, { event: c.event, stands, counts, origin })}
      </section>`,
    };
  },
};
