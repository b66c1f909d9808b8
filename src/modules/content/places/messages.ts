/** Texts of the public place pages: the list with the county map, and each municipality's page. */
import { defineMessages } from '../../../platform/i18n/index.ts';

export const placeMessages = defineMessages({
  sv: {
    'nav.places': 'Orter',

    'list.title': 'Orterna i {region}',
    'list.description':
      'Femton kommuner med jobb, natur och vardag nära. Se vad livet är i varje kommun: fakta med källa, lediga jobb och berättelser från dem som bor där.',
    'list.lead':
      'Femton kommuner, från fjällen i norr till bruksorterna i söder. Välj en ort på kartan eller i listan och se hur livet är där.',
    'list.map.title': 'Karta över kommunerna',
    'list.map.description':
      'Varje kommun på kartan är en länk till sin sida. Samma kommuner finns som länkar i listan.',
    'list.heading': 'Alla kommuner',
    'list.population': '{count} invånare',
    'list.jobs.one': '{count} ledigt jobb',
    'list.jobs.other': '{count} lediga jobb',
    'list.factsOnly': 'Fakta, jobb och kontakt för nyinflyttade.',

    'page.description':
      'Så är livet i {name}: fakta med källa, lediga jobb, berättelser och kontakt för nyinflyttade.',
    'page.facts': 'Fakta om {name}',
    'page.factsIntro': 'Siffror med källa och datum. Avrundade siffror är markerade med ca.',
    'page.noFacts': 'Vi har inga siffror för {name} ännu.',
    'page.noText': 'Redaktionen har inte skrivit om {name} ännu. Här är fakta, jobb och kontakt så länge.',
    'page.source': 'Källa: {source}, {date}',
    'page.approx': 'ca',
    'page.about': 'Livet i {name}',
    'page.back': 'Alla orter',
    'page.previewBanner': 'Förhandsgranskning: så här kommer sidan att se ut. Besökare ser den inte än.',

    'fact.population': 'Invånare',
    'fact.medianHousePrice': 'Medianpris, villa',
    'fact.preschools': 'Förskolor',
    'fact.schools': 'Grundskolor',
    'fact.nature': 'Natur',
    'fact.culture': 'Kultur',
    'unit.people': '{value}',
    'unit.sek': '{value} kr',
    'unit.count': '{value}',
    'unit.minutes': '{value} min',
    'unit.hoursMinutes': '{hours} h {minutes} min',
    'unit.hours': '{hours} h',

    'travel.title': 'Restider',
    'travel.intro': 'Ungefärliga restider från centralorten.',
    'travel.mode.train': 'tåg',
    'travel.mode.car': 'bil',
    'travel.mode.bus': 'buss',
    'travel.mode.flight': 'flyg',
    'travel.to': '{place} ({mode})',

    'schools.title': 'Förskola och skola',
    'natureCulture.title': 'Natur och kultur',

    'jobs.title': 'Lediga jobb i {name}',
    'jobs.count.one': 'Just nu finns {count} ledigt jobb i {name}.',
    'jobs.count.other': 'Just nu finns {count} lediga jobb i {name}.',
    'jobs.none': 'Just nu finns inga lediga jobb i {name} hos oss. Se jobben i hela länet.',
    'jobs.all.one': 'Se jobbet i {name}',
    'jobs.all.other': 'Se alla {count} jobb i {name}',
    'jobs.county': 'Se jobben i hela länet',

    'stories.title': 'De som flyttade till {name}',
    'contact.title': 'Flytta till {name}? Vi hjälper dig',
    'contact.email': 'E-post',
    'contact.phone': 'Telefon',
    'contact.web': 'Webbplats',
    'contact.region': 'Hör av dig till {organisation}, så hjälper vi dig vidare.',
  },
  en: {
    'nav.places': 'Places',

    'list.title': 'The places of {region}',
    'list.description':
      'Fifteen municipalities with jobs, nature and everyday life close by. See what life is like in each: facts with sources, open jobs and stories from people who live there.',
    'list.lead':
      'Fifteen municipalities, from the mountains in the north to the old mill towns in the south. Choose a place on the map or in the list and see what life is like there.',
    'list.map.title': 'Map of the municipalities',
    'list.map.description':
      'Each municipality on the map is a link to its page. The list has the same municipalities as links.',
    'list.heading': 'All municipalities',
    'list.population': '{count} inhabitants',
    'list.jobs.one': '{count} open job',
    'list.jobs.other': '{count} open jobs',
    'list.factsOnly': 'Facts, jobs and a contact for newcomers.',

    'page.description':
      'What life is like in {name}: facts with sources, open jobs, stories and a contact for newcomers.',
    'page.facts': 'Facts about {name}',
    'page.factsIntro': 'Figures with their source and date. Rounded figures are marked approx.',
    'page.noFacts': 'We have no figures for {name} yet.',
    'page.noText':
      'The editors have not written about {name} yet. Meanwhile, here are facts, jobs and a contact.',
    'page.source': 'Source: {source}, {date}',
    'page.approx': 'approx.',
    'page.about': 'Life in {name}',
    'page.back': 'All places',
    'page.previewBanner': 'Preview: this is how the page will look. Visitors cannot see it yet.',

    'fact.population': 'Inhabitants',
    'fact.medianHousePrice': 'Median house price',
    'fact.preschools': 'Preschools',
    'fact.schools': 'Compulsory schools',
    'fact.nature': 'Nature',
    'fact.culture': 'Culture',
    'unit.people': '{value}',
    'unit.sek': 'SEK {value}',
    'unit.count': '{value}',
    'unit.minutes': '{value} min',
    'unit.hoursMinutes': '{hours} h {minutes} min',
    'unit.hours': '{hours} h',

    'travel.title': 'Travel times',
    'travel.intro': 'Approximate travel times from the main town.',
    'travel.mode.train': 'train',
    'travel.mode.car': 'car',
    'travel.mode.bus': 'bus',
    'travel.mode.flight': 'flight',
    'travel.to': '{place} ({mode})',

    'schools.title': 'Preschool and school',
    'natureCulture.title': 'Nature and culture',

    'jobs.title': 'Open jobs in {name}',
    'jobs.count.one': 'There is {count} open job in {name} right now.',
    'jobs.count.other': 'There are {count} open jobs in {name} right now.',
    'jobs.none': 'There are no open jobs in {name} with us right now. See the jobs in the whole county.',
    'jobs.all.one': 'See the job in {name}',
    'jobs.all.other': 'See all {count} jobs in {name}',
    'jobs.county': 'See the jobs in the whole county',

    'stories.title': 'People who moved to {name}',
    'contact.title': 'Moving to {name}? We can help',
    'contact.email': 'E-mail',
    'contact.phone': 'Phone',
    'contact.web': 'Website',
    'contact.region': 'Get in touch with {organisation} and we will help you on your way.',
  },
});

export type PlaceMessageKey = keyof (typeof placeMessages.catalogues)['sv'];
