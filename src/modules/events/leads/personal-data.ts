/**
 * What the leads part keeps about a person ('eventLeads'): the leads left at stands, found by the
 * account or by its e-mail address. Export: each lead with its event, employer, stand, what was
 * typed, the consents with the text's version and when. Erase: the leads go (the relocation case or
 * talent sign-up a lead started are their own modules' to erase).
 */
import type { PersonalDataPart, PrivacyProcessing } from '../../../platform/personal-data.ts';
import { leadsMessages } from './messages.ts';
import { eraseLeadsOfPerson, leadsOfPerson } from './repository.ts';

export const leadsPersonalData: PersonalDataPart = {
  name: 'eventLeads',
  async export(db, person) {
    const rows = await leadsOfPerson(db, person.regionId, person.accountId, person.email.toLowerCase());
    return rows.map((r) => ({
      event: r.title_sv || r.title_en,
      employer: r.employer ?? '',
      stand: r.stand,
      name: r.name,
      email: r.email,
      phone: r.phone,
      occupation: r.occupation,
      note: r.note,
      language: r.language,
      consentTextVersion: r.consent_text_version,
      wantsTalentPool: r.wants_talent_pool,
      wantsNavigator: r.wants_navigator,
      source: r.source,
      createdAt: r.created_at.toISOString(),
    }));
  },
  async erase(trx, person) {
    await eraseLeadsOfPerson(trx, person.regionId, person.accountId, person.email.toLowerCase());
  },
};

export const leadsPrivacy: PrivacyProcessing = {
  id: 'event-leads',
  describe: async (_db, _regionId, lang) => ({
    title: leadsMessages.t(lang, 'privacy.title'),
    data: leadsMessages.t(lang, 'privacy.data'),
    purpose: leadsMessages.t(lang, 'privacy.purpose'),
    basis: leadsMessages.t(lang, 'privacy.basis'),
    retention: leadsMessages.t(lang, 'privacy.retention'),
  }),
};
