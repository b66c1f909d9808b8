/**
 * What the assets part keeps about a person ('toolboxDownloads'): the downloads made with the
 * account. Export: each with the material, the organisation and when. Erase: the rows stay for
 * the organisation's log but lose the account (as the foreign key's ON DELETE SET NULL would).
 */
import type { PersonalDataPart, PrivacyProcessing } from '../../../platform/personal-data.ts';
import { assetMessages } from './messages.ts';

export const downloadsPersonalData: PersonalDataPart = {
  name: 'toolboxDownloads',
  async export(db, person) {
    const rows = await db
      .selectFrom('toolbox_downloads as d')
      .innerJoin('toolbox_assets as a', (j) =>
        j.onRef('a.region_id', '=', 'd.region_id').onRef('a.id', '=', 'd.asset_id'),
      )
      .leftJoin('organisations as o', (j) =>
        j.onRef('o.region_id', '=', 'd.region_id').onRef('o.id', '=', 'd.organisation_id'),
      )
      .select(['a.title_sv', 'a.title_en', 'o.name as organisation', 'd.downloaded_at'])
      .where('d.region_id', '=', person.regionId)
      .where('d.account_id', '=', person.accountId)
      .orderBy('d.downloaded_at', 'desc')
      .limit(10_000)
      .execute();
    return rows.map((r) => ({
      material: r.title_sv || r.title_en,
      organisation: r.organisation ?? '',
      downloadedAt: r.downloaded_at.toISOString(),
    }));
  },
  async erase(trx, person) {
    await trx
      .updateTable('toolbox_downloads')
      .set({ account_id: null })
      .where('region_id', '=', person.regionId)
      .where('account_id', '=', person.accountId)
      .execute();
  },
};

export const downloadsPrivacy: PrivacyProcessing = {
  id: 'toolbox-downloads',
  describe: async (_db, _regionId, lang) => ({
    title: assetMessages.t(lang, 'privacy.title'),
    data: assetMessages.t(lang, 'privacy.data'),
    purpose: assetMessages.t(lang, 'privacy.purpose'),
    basis: assetMessages.t(lang, 'privacy.basis'),
    retention: assetMessages.t(lang, 'privacy.retention'),
  }),
};
