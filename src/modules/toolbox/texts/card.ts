/**
 * The texts' card on the back-office overview /admin/toolbox (adminCards, order 30): how many
 * texts are approved, drafts and retired, and how many of the live ones lack a language.
 */
import { html } from '../../../platform/html/html.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import type { AdminCard } from '../part.ts';
import { ADMIN_PATH } from './admin-views.ts';
import { textsMessages } from './messages.ts';
import { textCounts } from './repository.ts';

export const textsCard: AdminCard = {
  order: 30,
  async render({ db, region, lang }) {
    const c = await textCounts(db, region.id);
    const t = (key: Parameters<typeof textsMessages.t>[1], params?: Record<string, string>) =>
      textsMessages.t(lang, key, params);
    const n = (value: number) => formatNumber(lang, value);
    return {
      title: t('card.title'),
      html: html`<p>${t('card.counts', { approved: n(c.approved), draft: n(c.draft), retired: n(c.retired) })}</p>
        <p>${c.missing === 0 ? t('card.missingNone') : c.missing === 1 ? t('card.missingOne') : t('card.missing', { count: n(c.missing) })}</p>
        <p><a href="${ADMIN_PATH}">${t('card.link')}</a></p>`,
    };
  },
};
