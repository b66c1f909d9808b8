/** The matching's words (sv/en): each factor's reason and the own page's "Jobs that suit you". */
import { defineMessages } from '../../../platform/i18n/index.ts';

export const matchingMessages = defineMessages({
  sv: {
    'why.occupation': 'ditt yrke',
    'why.group': 'ett yrke nära ditt',
    'why.field': 'ditt yrkesområde',
    'why.skills.one': '1 av dina kompetenser',
    'why.skills.many': '{n} av dina kompetenser',
    'why.in': 'i {place}',
    'why.inAnywhere': 'i {place}, var som helst i regionen går bra för dig',
    'why.near': 'i {place}, ca {minutes} min från {from}',
    'why.remote': 'distansarbete går',
    'why.languages': 'dina språk räcker',
    'why.languagesMissing': 'kräver ett språk du inte har angett',
    'why.experience': 'din erfarenhet',
    'why.noExperience': 'ingen erfarenhet krävs',
    'why.experienceMissing': 'kräver erfarenhet',
    'why.separator': ', ',
    'section.title': 'Jobb som passar dig',
    'section.intro': 'Lediga jobb som passar din profil, bäst först. Vi räknar om när nya jobb kommer.',
    'section.household':
      'Ni är ett hushåll: bredvid varje jobb för dig visar vi det jobb för din partner som passar bäst inom ungefär en timme från samma hem.',
    'section.you': 'För dig',
    'section.partner': 'För din partner',
    'section.partnerNone': 'Inget jobb för din partner inom en timme härifrån just nu.',
    'section.none':
      'Just nu finns inga lediga jobb som passar din profil. Lägg gärna till fler yrken eller orter i profilen.',
    'section.hidden':
      'Din profil är dold, så vi letar inte jobb åt dig och arbetsgivare ser den inte. Den blir dold när du inte har förnyat ditt samtycke i tid eller när du själv pausar den.',
    'section.score': 'Passar {score} av 100',
    'section.why': 'Varför:',
    'section.employer': '{employer}, {place}',
    'section.asPartner': 'Du är partner i ett hushåll i talangpoolen. Jobb som passar dig:',
  },
  en: {
    'why.occupation': 'your occupation',
    'why.group': 'an occupation close to yours',
    'why.field': 'your occupational field',
    'why.skills.one': '1 of your skills',
    'why.skills.many': '{n} of your skills',
    'why.in': 'in {place}',
    'why.inAnywhere': 'in {place}, anywhere in the region suits you',
    'why.near': 'in {place}, about {minutes} min from {from}',
    'why.remote': 'remote work possible',
    'why.languages': 'your languages are enough',
    'why.languagesMissing': "asks for a language you haven't listed",
    'why.experience': 'your experience',
    'why.noExperience': 'no experience needed',
    'why.experienceMissing': 'asks for experience',
    'why.separator': ', ',
    'section.title': 'Jobs that suit you',
    'section.intro': 'Open jobs that fit your profile, best first. We look again when new jobs arrive.',
    'section.household':
      'You are a household: with each job for you we show the best job for your partner within about an hour of the same home.',
    'section.you': 'For you',
    'section.partner': 'For your partner',
    'section.partnerNone': 'No job for your partner within an hour of here right now.',
    'section.none':
      'There are no open jobs that fit your profile right now. You could add more occupations or places to your profile.',
    'section.hidden':
      'Your profile is hidden, so we do not look for jobs for you and employers do not see it. It is hidden when you did not renew your consent in time, or when you paused it yourself.',
    'section.score': 'Fits {score} of 100',
    'section.why': 'Why:',
    'section.employer': '{employer}, {place}',
    'section.asPartner': 'You are the partner in a household in the talent pool. Jobs that suit you:',
  },
});

export type MatchingKey = keyof (typeof matchingMessages.catalogues)['sv'];
