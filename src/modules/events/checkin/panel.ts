/**
 * The check-in panel of the back-office event page (order 60): the door's counts and a link to the
 * door page, for those who manage the event (an exhibitor sees nothing of it).
 */
import type { AdminPanel } from '../part.ts';
import { doorCounts } from './repository.ts';
import { checkinPanelHtml, tt } from './views.ts';

export const checkinPanel: AdminPanel = {
  order: 60,
  async render(context) {
    if (context.relation !== 'manage') return null;
    const counts = await doorCounts(context.db, context.region.id, context.event.id);
    return {
      id: 'checkin',
      title: tt(context.lang)('panel.title'),
      html: checkinPanelHtml(context.lang, context.event.id, counts),
    };
  },
};
