/** Texts of the employers' own job ads: the back-office pages, the form, its errors, the job page's parts (sv + en). */
import { defineMessages } from '../../../platform/i18n/index.ts';

export const ownJobMessages = defineMessages({
  sv: {
    'nav.ownJobs': 'Jobbannonser',

    'list.title': 'Jobbannonser',
    'list.intro':
      'Annonser som {organisation} publicerar här syns direkt i jobbsökningen och i webbplatsens API, med en egen sida som sökmotorerna hittar. De stängs av sig själva när sista ansökningsdagen är slut.',
    'list.new': 'Ny annons',
    'list.open': 'Öppna annonser',
    'list.closed': 'Stängda annonser',
    'list.emptyOpen': 'Ni har inga öppna annonser just nu.',
    'list.emptyClosed': 'Inga stängda annonser ännu.',
    'list.closedMore': 'Visar de {count} senast stängda.',
    'col.headline': 'Annons',
    'col.municipality': 'Kommun',
    'col.published': 'Publicerad',
    'col.deadline': 'Sista ansökningsdag',
    'col.closed': 'Stängd',
    'col.page': 'På webbplatsen',
    'list.view': 'Visa annonsen',
    'list.viewNamed': 'Visa annonsen ”{headline}” på webbplatsen',
    'reason.removed': 'Stängd i förtid',
    'reason.expired': 'Sista ansökningsdagen passerade',
    'reason.missing': 'Stängd',

    'form.newTitle': 'Ny jobbannons',
    'form.editTitle': 'Ändra jobbannonsen',
    'form.intro':
      'Skriv annonsen på svenska, på engelska eller på båda. När du publicerar syns den direkt i jobbsökningen, med {employer} som arbetsgivare.',
    'form.introEdit':
      'Annonsen är publicerad med {employer} som arbetsgivare. När du sparar syns ändringarna direkt i jobbsökningen.',
    'form.required': 'Alla fält är obligatoriska om inget annat står.',
    'form.refused': 'rätta uppgifterna',
    'form.back': 'Tillbaka till jobbannonserna',
    'form.publish': 'Publicera annonsen',
    'form.save': 'Spara ändringarna',
    'form.findOccupation': 'Sök yrke',
    'form.aboutJob': 'Om jobbet',
    'form.apply': 'Så söker man',
    'form.applyHint': 'Fyll i en länk, en e-postadress eller båda.',
    'form.description': 'Beskrivning',
    'form.descriptionHint':
      'Skriv på svenska, på engelska eller på båda. Vanlig text: en tom rad mellan styckena.',
    'form.publicPage': 'Annonsen på webbplatsen: {url}',
    'form.publicLink': 'Visa annonsen på webbplatsen',

    'field.headline': 'Rubrik',
    'field.headlineHint':
      'Det som syns först i sökträffen, till exempel ”Sjuksköterska till akutmottagningen”.',
    'field.occupation': 'Yrke',
    'field.occupationHint':
      'Yrket väljs ur Arbetsförmedlingens yrkeslista (JobTech Taxonomy). Skriv en del av yrkets namn och välj ”Sök yrke”.',
    'field.occupationPick': 'Välj yrke',
    'field.occupationPickHint': 'Yrken i yrkeslistan som passar ”{text}”.',
    'field.occupationChosen': 'Valt yrke',
    'field.municipality': 'Kommun',
    'field.municipalityHint': 'Där arbetet utförs.',
    'field.choose': 'Välj …',
    'field.employmentType': 'Anställningsform',
    'field.worktime': 'Heltid eller deltid',
    'field.hours': 'Arbetstid och omfattning',
    'field.hoursHint': 'Till exempel ”75 procent, dagtid” eller ”Skift, 40 timmar i veckan”.',
    'field.remote': 'Distansarbete',
    'field.remoteOption': 'Arbetet kan helt eller delvis göras på distans',
    'field.vacancies': 'Antal tjänster',
    'field.deadline': 'Sista ansökningsdag',
    'field.deadlineHint': 'Skriv datumet som ÅÅÅÅ-MM-DD. Annonsen stängs när dagen är slut.',
    'field.applyUrl': 'Länk till ansökan',
    'field.applyUrlHint': 'En hel webbadress som börjar med https://',
    'field.applyEmail': 'E-postadress för ansökan',
    'field.descriptionSv': 'Beskrivning på svenska',
    'field.descriptionEn': 'Beskrivning på engelska',

    'error.headline.missing': 'Skriv en rubrik.',
    'error.headline.long': 'Rubriken får vara högst {max} tecken.',
    'error.occupation.missing': 'Skriv en del av yrkets namn och välj ”Sök yrke”.',
    'error.occupation.long': 'Skriv högst {max} tecken.',
    'error.occupation.unknown':
      'Vi hittar inget yrke i yrkeslistan som passar ”{text}”. Prova ett annat ord, till exempel en del av yrkets namn.',
    'error.occupation.choose': 'Välj ett av yrkena i listan.',
    'error.occupation.notInTaxonomy': 'Det valda yrket finns inte i yrkeslistan. Sök och välj ett yrke igen.',
    'error.municipality': 'Välj en av regionens kommuner.',
    'error.employmentType': 'Välj anställningsform.',
    'error.worktime': 'Välj heltid eller deltid.',
    'error.hours.long': 'Skriv högst {max} tecken.',
    'error.vacancies': 'Skriv antalet tjänster som ett heltal från 1 till {max}.',
    'error.deadline.missing': 'Skriv sista ansökningsdag.',
    'error.deadline.invalid': 'Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel {example}.',
    'error.deadline.past': 'Sista ansökningsdagen har redan varit. Välj i dag eller ett senare datum.',
    'error.deadline.far': 'Sista ansökningsdag kan vara högst ett år fram, senast {max}.',
    'error.applyUrl':
      'Skriv en hel webbadress som börjar med https://, till exempel https://foretaget.se/jobb.',
    'error.applyEmail': 'Skriv en e-postadress, till exempel jobb@foretaget.se.',
    'error.apply.missing': 'Fyll i en länk eller en e-postadress för ansökan.',
    'error.description.missing': 'Skriv en beskrivning på svenska, på engelska eller på båda.',
    'error.description.long': 'Beskrivningen får vara högst {max} tecken.',
    'error.limited':
      'Du har publicerat och sparat annonser många gånger på kort tid. Inget sparades den här gången, men det du skrev finns kvar här. Försök igen om {minutes} minuter.',
    'error.tooMany':
      'Er organisation har redan {max} öppna annonser, så många som får finnas samtidigt. Stäng en annons innan ni publicerar en ny.',
    'error.conflict':
      'Någon annan ändrade eller stängde annonsen medan du skrev. Det du skrev finns kvar här. Öppna annonsen i en ny flik och jämför innan du sparar igen.',

    'done.published': 'Annonsen är publicerad och syns nu i jobbsökningen.',
    'done.saved': 'Ändringarna är sparade och syns nu i jobbsökningen.',
    'done.closed': 'Annonsen är stängd. Dess sida säger nu att jobbet inte längre går att söka.',

    'close.title': 'Stäng annonsen',
    'close.text':
      'Stäng annonsen om tjänsten är tillsatt eller om ni inte längre tar emot ansökningar. Den försvinner ur sökningen direkt och kan inte öppnas igen.',
    'close.button': 'Stäng annonsen',

    'closed.title': 'Stängd jobbannons',
    'closed.text.removed': 'Annonsen stängdes i förtid {date}.',
    'closed.text.expired': 'Annonsen stängdes {date} när sista ansökningsdagen hade passerat.',
    'closed.text.missing': 'Annonsen stängdes {date}.',
    'closed.facts': 'Om annonsen',

    'page.inSwedish': 'På svenska',
    'page.inEnglish': 'På engelska',
  },
  en: {
    'nav.ownJobs': 'Job ads',

    'list.title': 'Job ads',
    'list.intro':
      'Ads that {organisation} publishes here appear at once in the job search and in the site’s API, each with a page of its own that search engines find. They close by themselves when the last day to apply is over.',
    'list.new': 'New ad',
    'list.open': 'Open ads',
    'list.closed': 'Closed ads',
    'list.emptyOpen': 'You have no open ads at the moment.',
    'list.emptyClosed': 'No closed ads yet.',
    'list.closedMore': 'Showing the {count} most recently closed.',
    'col.headline': 'Ad',
    'col.municipality': 'Municipality',
    'col.published': 'Published',
    'col.deadline': 'Last day to apply',
    'col.closed': 'Closed',
    'col.page': 'On the site',
    'list.view': 'View the ad',
    'list.viewNamed': 'View the ad “{headline}” on the site',
    'reason.removed': 'Closed early',
    'reason.expired': 'Last day to apply passed',
    'reason.missing': 'Closed',

    'form.newTitle': 'New job ad',
    'form.editTitle': 'Edit the job ad',
    'form.intro':
      'Write the ad in Swedish, in English or in both. When you publish it, it appears at once in the job search, with {employer} as the employer.',
    'form.introEdit':
      'The ad is published with {employer} as the employer. When you save, the changes appear at once in the job search.',
    'form.required': 'Every field is required unless it says otherwise.',
    'form.refused': 'correct the details',
    'form.back': 'Back to the job ads',
    'form.publish': 'Publish the ad',
    'form.save': 'Save the changes',
    'form.findOccupation': 'Find occupation',
    'form.aboutJob': 'About the job',
    'form.apply': 'How to apply',
    'form.applyHint': 'Give a link, an e-mail address or both.',
    'form.description': 'Description',
    'form.descriptionHint':
      'Write in Swedish, in English or in both. Plain text: a blank line between paragraphs.',
    'form.publicPage': 'The ad on the site: {url}',
    'form.publicLink': 'View the ad on the site',

    'field.headline': 'Headline',
    'field.headlineHint':
      'What people see first in the search results, for example “Nurse for the emergency ward”.',
    'field.occupation': 'Occupation',
    'field.occupationHint':
      'The occupation comes from the Swedish Public Employment Service’s list of occupations (JobTech Taxonomy), in Swedish. Type part of its name and choose “Find occupation”.',
    'field.occupationPick': 'Choose the occupation',
    'field.occupationPickHint': 'Occupations in the list that match “{text}”.',
    'field.occupationChosen': 'Chosen occupation',
    'field.municipality': 'Municipality',
    'field.municipalityHint': 'Where the work is done.',
    'field.choose': 'Choose …',
    'field.employmentType': 'Type of employment',
    'field.worktime': 'Full-time or part-time',
    'field.hours': 'Working hours and extent',
    'field.hoursHint': 'For example “75 per cent, daytime” or “Shifts, 40 hours a week”.',
    'field.remote': 'Remote work',
    'field.remoteOption': 'The work can be done remotely, wholly or in part',
    'field.vacancies': 'Number of positions',
    'field.deadline': 'Last day to apply',
    'field.deadlineHint': 'Type the date as YYYY-MM-DD. The ad closes when the day is over.',
    'field.applyUrl': 'Link to apply',
    'field.applyUrlHint': 'A full web address starting with https://',
    'field.applyEmail': 'E-mail address to apply to',
    'field.descriptionSv': 'Description in Swedish',
    'field.descriptionEn': 'Description in English',

    'error.headline.missing': 'Type a headline.',
    'error.headline.long': 'The headline can be at most {max} characters long.',
    'error.occupation.missing': 'Type part of the occupation’s name and choose “Find occupation”.',
    'error.occupation.long': 'Type at most {max} characters.',
    'error.occupation.unknown':
      'We find no occupation in the list that matches “{text}”. Try another word, for example part of the occupation’s Swedish name.',
    'error.occupation.choose': 'Choose one of the occupations in the list.',
    'error.occupation.notInTaxonomy':
      'The chosen occupation is not in the list of occupations. Find and choose an occupation again.',
    'error.municipality': 'Choose one of the region’s municipalities.',
    'error.employmentType': 'Choose the type of employment.',
    'error.worktime': 'Choose full-time or part-time.',
    'error.hours.long': 'Type at most {max} characters.',
    'error.vacancies': 'Type the number of positions as a whole number from 1 to {max}.',
    'error.deadline.missing': 'Type the last day to apply.',
    'error.deadline.invalid': 'Type a real date as YYYY-MM-DD, for example {example}.',
    'error.deadline.past': 'The last day to apply has already passed. Choose today or a later date.',
    'error.deadline.far': 'The last day to apply can be at most a year ahead, {max} at the latest.',
    'error.applyUrl': 'Type a full web address starting with https://, for example https://company.se/jobs.',
    'error.applyEmail': 'Type an e-mail address, for example jobs@company.se.',
    'error.apply.missing': 'Give a link or an e-mail address to apply.',
    'error.description.missing': 'Write a description in Swedish, in English or in both.',
    'error.description.long': 'The description can be at most {max} characters long.',
    'error.limited':
      'You have published and saved ads many times in a short while. Nothing was saved this time, but what you typed is still here. Try again in {minutes} minutes.',
    'error.tooMany':
      'Your organisation already has {max} open ads, as many as may be open at once. Close an ad before you publish a new one.',
    'error.conflict':
      'Someone else changed or closed the ad while you were typing. What you typed is still here. Open the ad in a new tab and compare before you save again.',

    'done.published': 'The ad is published and now appears in the job search.',
    'done.saved': 'The changes are saved and now appear in the job search.',
    'done.closed': 'The ad is closed. Its page now says the job is no longer open.',

    'close.title': 'Close the ad',
    'close.text':
      'Close the ad when the position is filled or you no longer take applications. It leaves the search at once and cannot be opened again.',
    'close.button': 'Close the ad',

    'closed.title': 'Closed job ad',
    'closed.text.removed': 'The ad was closed early on {date}.',
    'closed.text.expired': 'The ad closed on {date} when the last day to apply had passed.',
    'closed.text.missing': 'The ad was closed on {date}.',
    'closed.facts': 'About the ad',

    'page.inSwedish': 'In Swedish',
    'page.inEnglish': 'In English',
  },
});

export type OwnJobMessageKey = Parameters<typeof ownJobMessages.t>[1];
