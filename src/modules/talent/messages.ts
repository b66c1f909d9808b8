/** The talent pool's shared words (sv/en): its name in the navigation, the consents, the enumerations. */
import { defineMessages } from '../../platform/i18n/index.ts';

export const talentMessages = defineMessages({
  sv: {
    'nav.talentPool': 'Talangpoolen',
    'consent.navigator.label': 'Regionens lotsar får matcha mig och kontakta mig',
    'consent.navigator.text':
      'Lotsarna i regionen får läsa min profil, matcha den mot jobb och kontakta mig via e-post om något passar mig eller mitt hushåll.',
    'consent.employers.label': 'Arbetsgivare får se min profil utan namn',
    'consent.employers.text':
      'Arbetsgivare i regionen får se ett anonymt kort med yrke, kompetenser, erfarenhet, språk, orter och när jag kan flytta — aldrig namn eller kontaktuppgifter. De kan be om kontakt, och först när jag tackar ja får vi varandras uppgifter.',
    'consent.alerts.label': 'Skicka mig nya jobb som passar mig',
    'consent.alerts.text':
      'Lotsa skickar e-post med nya jobb som matchar min profil och mina bevakningar. Varje brev har en länk för att sluta prenumerera.',
    'consent.alertsVisitor.text':
      'Lotsa skickar e-post med nya jobb som matchar mina bevakningar. Varje brev har en länk för att sluta prenumerera.',
    'consent.newsletter.label': 'Skicka mig regionens nyhetsbrev',
    'consent.newsletter.text':
      'Regionen skickar sitt nyhetsbrev om jobb, evenemang och livet här, högst en gång i månaden.',
    'experience.none': 'Ingen erfarenhet än',
    'experience.lt2': 'Mindre än 2 år',
    'experience.2to5': '2–5 år',
    'experience.5to10': '5–10 år',
    'experience.gt10': 'Mer än 10 år',
    'education.compulsory': 'Grundskola',
    'education.upper-secondary': 'Gymnasium',
    'education.vocational': 'Yrkeshögskola eller yrkesutbildning',
    'education.university': 'Universitet eller högskola',
    'education.doctorate': 'Forskarutbildning',
    'move.now': 'Så snart som möjligt',
    'move.within-6-months': 'Inom ett halvår',
    'move.within-a-year': 'Inom ett år',
    'move.later': 'Om mer än ett år',
    'move.not-sure': 'Vet inte än',
    'move.live-here': 'Jag bor redan i regionen',
    'housing.rent': 'Hyra',
    'housing.buy': 'Köpa',
    'housing.either': 'Hyra eller köpa',
    'housing.not-sure': 'Vet inte än',
  },
  en: {
    'nav.talentPool': 'Talent pool',
    'consent.navigator.label': "The region's navigators may match me and contact me",
    'consent.navigator.text':
      "The region's navigators may read my profile, match it to jobs and contact me by e-mail when something fits me or my household.",
    'consent.employers.label': 'Employers may see my profile without my name',
    'consent.employers.text':
      'Employers in the region may see an anonymous card with occupation, skills, experience, languages, places and when I could move — never my name or contact details. They may ask to get in touch, and only when I accept do we get each other’s details.',
    'consent.alerts.label': 'Send me new jobs that fit me',
    'consent.alerts.text':
      'Lotsa e-mails new jobs that match my profile and my saved searches. Every e-mail has a link to unsubscribe.',
    'consent.alertsVisitor.text':
      'Lotsa e-mails new jobs that match my saved searches. Every e-mail has a link to unsubscribe.',
    'consent.newsletter.label': "Send me the region's newsletter",
    'consent.newsletter.text':
      "The region's newsletter about jobs, events and life here, at most once a month.",
    'experience.none': 'No experience yet',
    'experience.lt2': 'Less than 2 years',
    'experience.2to5': '2–5 years',
    'experience.5to10': '5–10 years',
    'experience.gt10': 'More than 10 years',
    'education.compulsory': 'Compulsory school',
    'education.upper-secondary': 'Upper secondary school',
    'education.vocational': 'Vocational college or training',
    'education.university': 'University',
    'education.doctorate': 'Doctorate',
    'move.now': 'As soon as possible',
    'move.within-6-months': 'Within six months',
    'move.within-a-year': 'Within a year',
    'move.later': 'In more than a year',
    'move.not-sure': 'Not sure yet',
    'move.live-here': 'I already live in the region',
    'housing.rent': 'Rent',
    'housing.buy': 'Buy',
    'housing.either': 'Rent or buy',
    'housing.not-sure': 'Not sure yet',
  },
});
