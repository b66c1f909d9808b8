/**
 * What the talent pool does with personal data, for the privacy notice: the profile and its
 * household, the job alerts and saved jobs, and what employers see and ask. The consent periods
 * are the region's own (talent_settings).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { defineMessages, type Lang } from '../../../platform/i18n/index.ts';
import type { PrivacyProcessing } from '../../../platform/personal-data.ts';
import { talentSettings } from '../profiles.ts';

const m = defineMessages({
  sv: {
    'pool.title': 'Talangpoolen',
    'pool.data':
      'Din e-postadress, de yrken och kompetenser du väljer, erfarenhet, språk, utbildning, orter, när du kan tänka dig att flytta, det du själv skriver om dig och – om du vill – din partners yrken och kompetenser, barnens åldrar och hur ni vill bo. Vi frågar aldrig efter personnummer.',
    'pool.purpose':
      'Att visa jobb som passar dig och ditt hushåll, och – bara om du samtycker till det – att lotsarna kan kontakta dig och att arbetsgivare kan se ett anonymt kort och be om kontakt.',
    'pool.basis':
      'Ditt samtycke, ett för varje syfte. Vi sparar när du gav det och exakt vilken text du såg. Du tar tillbaka det med ett klick på Mitt konto.',
    'pool.retention':
      'Efter {renew} månader frågar vi om du vill vara kvar. Svarar du inte döljs profilen {hide} dagar senare, och {delete} månader efter det raderas profilen och dina samtycken. Du kan radera allt själv när du vill.',
    'alerts.title': 'Bevakningar och sparade jobb',
    'alerts.data':
      'Din e-postadress, sökningen du bevakar, hur ofta du vill ha mejl och de jobb du har sparat.',
    'alerts.purpose':
      'Att mejla dig nya jobb som passar sökningen eller din profil, och att visa dina sparade jobb.',
    'alerts.basis':
      'Ditt samtycke. Varje mejl har en länk som avslutar bevakningen direkt, utan att du behöver logga in.',
    'alerts.retention': 'Tills du avslutar bevakningen, tar bort jobbet eller raderar ditt konto.',
    'employers.title': 'Arbetsgivare och ditt kort',
    'employers.data':
      'Vilka organisationer som har sett ditt anonyma kort och när, förfrågningar om kontakt med meddelandet och ditt svar, och arbetsgivare du har blockerat.',
    'employers.purpose':
      'Att du ska kunna se vem som har sett ditt kort, och att kontaktuppgifter bara lämnas ut när du tackar ja.',
    'employers.basis': 'Ditt samtycke till att visas anonymt för arbetsgivare.',
    'employers.retention':
      'Så länge du är med i talangpoolen. När du raderar ditt konto tas allt om dig bort; arbetsgivaren behåller bara att en förfrågan skickades, utan namn eller meddelande.',
  },
  en: {
    'pool.title': 'The talent pool',
    'pool.data':
      'Your e-mail address, the occupations and skills you choose, experience, languages, education, places, when you might move, what you write about yourself and – if you wish – your partner’s occupations and skills, your children’s ages and how you want to live. We never ask for a personal identity number.',
    'pool.purpose':
      'To show jobs that fit you and your household, and – only if you consent to it – to let the navigators contact you and employers see an anonymous card and ask to get in touch.',
    'pool.basis':
      'Your consent, one for each purpose. We keep when you gave it and the exact text you were shown. You withdraw it in one click on My account.',
    'pool.retention':
      'After {renew} months we ask whether you want to stay. If you do not answer, the profile is hidden {hide} days later, and {delete} months after that the profile and your consents are deleted. You can delete everything yourself at any time.',
    'alerts.title': 'Job alerts and saved jobs',
    'alerts.data':
      'Your e-mail address, the search you follow, how often you want e-mail and the jobs you saved.',
    'alerts.purpose':
      'To e-mail you new jobs that fit the search or your profile, and to show your saved jobs.',
    'alerts.basis': 'Your consent. Every e-mail has a link that stops the alert at once, without signing in.',
    'alerts.retention': 'Until you stop the alert, remove the job or delete your account.',
    'employers.title': 'Employers and your card',
    'employers.data':
      'Which organisations saw your anonymous card and when, requests to get in touch with their message and your answer, and employers you blocked.',
    'employers.purpose':
      'So that you can see who saw your card, and contact details are shared only when you accept.',
    'employers.basis': 'Your consent to be shown anonymously to employers.',
    'employers.retention':
      'As long as you are in the talent pool. When you delete your account everything about you goes; the employer keeps only that a request was sent, without a name or message.',
  },
});

type Part = 'pool' | 'alerts' | 'employers';

function describe(part: Part, lang: Lang, params: Record<string, number> = {}) {
  return {
    title: m.t(lang, `${part}.title`),
    data: m.t(lang, `${part}.data`),
    purpose: m.t(lang, `${part}.purpose`),
    basis: m.t(lang, `${part}.basis`),
    retention: m.t(lang, `${part}.retention`, params),
  };
}

export const talentPrivacy: readonly PrivacyProcessing[] = [
  {
    id: 'talent-pool',
    async describe(db: Kysely<DB>, regionId: string, lang: Lang) {
      const s = await talentSettings(db, regionId);
      return describe('pool', lang, {
        renew: s.renewAfterMonths,
        hide: s.hideAfterDays,
        delete: s.deleteAfterMonths,
      });
    },
  },
  { id: 'job-alerts', describe: async (_db, _regionId, lang) => describe('alerts', lang) },
  { id: 'talent-employers', describe: async (_db, _regionId, lang) => describe('employers', lang) },
];
