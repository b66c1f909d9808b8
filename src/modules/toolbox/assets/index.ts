/**
 * The toolbox's assets: photos (the media library's, with their credit, licence and last day),
 * logos, the graphic profile, presentation templates, films and documents that organisations
 * download — every download logged, nothing sent past an asset's last day or once it is withdrawn,
 * and those who downloaded it told. The back-office manages them under /admin/toolbox/assets.
 */
import { html } from '../../../platform/html/html.ts';
import type { AdminCard, ToolboxPart } from '../part.ts';
import { todayOf } from '../toolbox.ts';
import { ADMIN_ASSETS } from './admin-views.ts';
import { assetAuditSentences } from './audit-sentences.ts';
import { assetMessages } from './messages.ts';
import { downloadsPersonalData, downloadsPrivacy } from './personal-data.ts';
import { assetCounts } from './repository.ts';
import { registerAssetRoutes } from './routes.ts';
import { seedAssets } from './seed.ts';
import { addDays, WARN_DAYS } from './service.ts';
import { registerAssetTasks } from './tasks.ts';

const card: AdminCard = {
  order: 20,
  async render({ db, region, lang }) {
    const today = todayOf(() => new Date());
    const counts = await assetCounts(db, region.id, today, addDays(today, WARN_DAYS));
    const t = (key: Parameters<typeof assetMessages.t>[1], params?: Record<string, number>) =>
      assetMessages.t(lang, key, params);
    return {
      title: t('admin.card.title'),
      html: html`<p>${t('admin.card.text', counts)}</p>
        <p><a href="${ADMIN_ASSETS}">${t('admin.card.link')}</a></p>`,
    };
  },
};

export const assetsPart: ToolboxPart = {
  routes: (app, deps) => registerAssetRoutes(app, deps),
  tasks: (queue, deps) => registerAssetTasks(queue, deps),
  seed: seedAssets,
  personalData: [downloadsPersonalData],
  privacyProcessing: [downloadsPrivacy],
  auditSentences: assetAuditSentences,
  adminCards: [card],
};
