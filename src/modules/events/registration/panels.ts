/**
 * Registration's seams: the registration box on the public event page (publicPanels, order 20)
 * and the counts with a link to the list on the back-office event page (adminPanels, order 50;
 * only to those who manage the event).
 */
import type { AdminPanel, PublicPanel } from '../part.ts';
import { EMPTY_DRAFT } from './form.ts';
import { countsOf, hasExhibitors, questionsOf } from './repository.ts';
import { registrationMessages as msg } from './messages.ts';
import { adminPanelHtml, registrationBox } from './views.ts';

export const registrationPublicPanel: PublicPanel = {
  order: 20,
  async render(ctx) {
    const [questions, exhibitors] = await Promise.all([
      questionsOf(ctx.db, ctx.region.id, ctx.event.id),
      hasExhibitors(ctx.db, ctx.region.id, ctx.event.id),
    ]);
    const box = registrationBox({
      lang: ctx.lang,
      event: ctx.event,
      questions,
      hasExhibitors: exhibitors,
      draft: EMPTY_DRAFT,
      errors: {},
      csrfToken: ctx.csrfToken,
    });
    return { id: 'registration', title: box.title, html: box.html };
  },
};

export const registrationAdminPanel: AdminPanel = {
  order: 50,
  async render(ctx) {
    if (ctx.relation !== 'manage' || ctx.event.registration === 'none') return null;
    const counts = await countsOf(ctx.db, ctx.region.id, ctx.event.id);
    return {
      id: 'registrations',
      title: msg.t(ctx.lang, 'admin.panelTitle'),
      html: adminPanelHtml(ctx.lang, ctx.event, counts),
    };
  },
};
