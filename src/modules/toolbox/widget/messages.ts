/**
 * The widget's words (sv/en): the settings page /:lang/toolbox/widget, and what the widget itself
 * says on an employer's career page (its JSON carries these, so the script hard-codes none).
 */
import { defineMessages } from '../../../platform/i18n/index.ts';

export const widgetMessages = defineMessages({
  sv: {
    'page.title': 'Widget för karriärsidan',
    'page.lead':
      'Visa livet i {region} och era lediga jobb direkt på er egen karriärsida. Widgeten sätter inga kakor, laddar inget från andra och väger under 15 kB.',
    'page.how':
      'Välj vad widgeten ska visa och spara. Klistra sedan in koden där den ska synas på er webbplats. Den tar över sidans typsnitt och textfärg, så den smälter in.',
    'settings.heading': 'Inställningar',
    'settings.lang': 'Språk',
    'settings.lang.sv': 'Svenska',
    'settings.lang.en': 'Engelska',
    'settings.langHint': 'Språket som texten, länkarna och jobbsidorna visas på.',
    'settings.municipality': 'Vilken ort ska texten handla om?',
    'settings.municipalityHint':
      'Texten hämtas från regionens godkända texter om orten. Finns ingen sådan används en text om hela {region}.',
    'settings.region': 'Hela {region}',
    'settings.showJobs': 'Visa era lediga jobb',
    'settings.showJobsHint':
      'Både annonser ni publicerat på Lotsa och annonser från Platsbanken med ert organisationsnummer.',
    'settings.noOrgNumber':
      'Er organisation saknar organisationsnummer i Lotsa, så widgeten visar bara annonser ni lägger ut direkt på Lotsa – inte era annonser från Platsbanken. Be regionens administratörer lägga in ert organisationsnummer, så kommer de med.',
    'settings.maxJobs': 'Högst antal jobb',
    'settings.maxJobsHint': 'Ett heltal från 1 till 20.',
    'settings.enabled': 'Widgeten är på',
    'settings.enabledHint': 'Stänger ni av den visar koden bara länken till Lotsa.',
    'settings.enabledByAdmins': 'Widgeten är på. Bara organisationens administratörer kan stänga av den.',
    'settings.disabledByAdmins': 'Widgeten är avstängd. Bara organisationens administratörer kan slå på den.',
    'settings.options': 'Vad widgeten visar',
    'settings.save': 'Spara inställningarna',
    'settings.saved': 'Inställningarna är sparade.',
    'settings.created': 'Widgeten är skapad. Kopiera koden nedan och klistra in den på er karriärsida.',
    'error.lang': 'Välj svenska eller engelska.',
    'error.municipality': 'Välj en ort i listan eller hela regionen.',
    'error.maxJobs': 'Skriv ett heltal från 1 till 20.',
    'error.flag': 'Ogiltigt värde.',
    'snippet.heading': 'Koden till er webbplats',
    'snippet.label': 'Kod att klistra in',
    'snippet.hint':
      'Klistra in den i sidans HTML där widgeten ska synas. Utan JavaScript visas en vanlig länk till widgetens egen sida.',
    'snippet.none': 'Spara inställningarna en första gång så skapas er kod.',
    'snippet.disabled': 'Widgeten är avstängd. Koden visar bara länken tills ni slår på den igen.',
    'copy.button': 'Kopiera koden',
    'copy.json': 'Kopiera adressen',
    'copy.done': 'Kopierat.',
    'copy.failed': 'Det gick inte att kopiera. Markera texten och kopiera den själv.',
    'json.heading': 'Samma innehåll som JSON',
    'json.label': 'Adress till JSON',
    'json.hint':
      'För er som vill bygga en egen presentation. Alla webbplatser får läsa adressen, utan inloggning.',
    'json.page': 'Widgetens egen sida',
    'preview.heading': 'Förhandsvisning',
    'preview.hint':
      'Så här ser widgeten ut med de sparade inställningarna. På er webbplats får den ert typsnitt och er textfärg.',
    'key.heading': 'Ny nyckel',
    'key.text':
      'Nyckeln finns i koden och i adressen. Med en ny nyckel slutar all kod ni redan har klistrat in att fungera direkt, tills ni byter ut den överallt där widgeten används. Byt bara nyckel när det behövs, till exempel om koden hamnat på en webbplats där den inte ska finnas. Ni får bekräfta innan något ändras.',
    'key.button': 'Skapa en ny nyckel',
    'key.who.region': 'Det kan bara regionens administratörer och redaktörer göra.',
    'key.who.municipality': 'Det kan bara kommunens redaktörer göra.',
    'key.who.employer': 'Det kan bara organisationens administratörer göra, inte alla medlemmar.',
    'key.who.course_provider': 'Det kan alla med ett konto i organisationen göra.',
    'key.who.partner': 'Det kan alla med ett konto i organisationen göra.',
    'key.notYou':
      'Din roll räcker inte för det. Behöver nyckeln bytas, be någon av dem göra det. Er kod fortsätter att fungera som förut.',
    'confirm.title': 'Skapa en ny nyckel?',
    'confirm.lead': 'Den nuvarande nyckeln slutar gälla i samma stund som den nya skapas.',
    'confirm.heading': 'Det här händer',
    'confirm.what':
      'Koden ni har klistrat in på er karriärsida – och på alla andra sidor där widgeten finns – slutar fungera direkt. Besökarna ser då bara en länk till Lotsa, tills ni har klistrat in den nya koden överallt. Adressen till JSON byts också.',
    'confirm.current': 'Nyckeln som slutar gälla:',
    'confirm.yes': 'Ja, skapa en ny nyckel',
    'confirm.no': 'Nej, behåll nyckeln',
    'confirm.back': 'Tillbaka till widgeten',
    'key.renewed':
      'En ny nyckel är skapad. Den gamla koden fungerar inte längre – byt ut den på er webbplats.',
    'key.current': 'Nuvarande nyckel:',
    'style.heading': 'Anpassa utseendet',
    'style.text':
      'Widgeten ärver typsnitt och textfärg från er sida. Färger och avstånd kan ni ändra med CSS-variabler på sidan, till exempel:',
    'style.level':
      'Widgetens rubrik är en h2. Står den under en egen underrubrik på sidan, lägg till data-heading-level="3" på div-elementet.',
    'card.count':
      'Arbetsgivare visar livet i regionen och sina jobb på sina egna karriärsidor. Widgetar påslagna: {on} av {all}.',
    'widget.lifeTitle': 'Livet i {place}',
    'widget.navigator': 'Funderar du på att flytta hit? Få hjälp av regionens flyttlotsar',
    'widget.jobs': 'Lediga jobb hos {organisation}',
    'widget.noJobs': 'Inga lediga jobb just nu.',
    'widget.moreJobs': 'Alla lediga jobb på Lotsa',
    'widget.noJobsListed':
      'Här visas bara jobb som {organisation} lägger ut direkt på Lotsa, och just nu finns inga.',
    'widget.company': 'Mer om {organisation} på Lotsa',
    'widget.deadline': 'Sista ansökningsdag',
    'widget.source': 'Källa',
    'widget.fallback': 'Livet i {region} och lediga jobb hos {organisation} – på Lotsa',
    'widget.from': 'Från Lotsa, {region}s plattform för nya invånare och medarbetare',
    'widget.pageDescription': '{title} och lediga jobb hos {organisation}.',
  },
  en: {
    'page.title': 'Career-page widget',
    'page.lead':
      'Show life in {region} and your open jobs right on your own career page. The widget sets no cookies, loads nothing from anyone else and weighs under 15 KB.',
    'page.how':
      'Choose what the widget shows and save. Then paste the code where it should appear on your website. It takes on the page’s font and text colour, so it blends in.',
    'settings.heading': 'Settings',
    'settings.lang': 'Language',
    'settings.lang.sv': 'Swedish',
    'settings.lang.en': 'English',
    'settings.langHint': 'The language of the text, the links and the job pages.',
    'settings.municipality': 'Which place should the text be about?',
    'settings.municipalityHint':
      'The text comes from the region’s approved texts about the place. If there is none, a text about the whole of {region} is used.',
    'settings.region': 'The whole of {region}',
    'settings.showJobs': 'Show your open jobs',
    'settings.showJobsHint':
      'Both ads you published on Lotsa and ads from Platsbanken with your organisation number.',
    'settings.noOrgNumber':
      'Your organisation has no organisation number (organisationsnummer) in Lotsa, so the widget shows only the ads you post directly on Lotsa – not your ads from Platsbanken. Ask the region’s administrators to add your organisation number, and they will be included.',
    'settings.maxJobs': 'Most jobs shown',
    'settings.maxJobsHint': 'A whole number from 1 to 20.',
    'settings.enabled': 'The widget is on',
    'settings.enabledHint': 'When it is off, the code shows only the link to Lotsa.',
    'settings.enabledByAdmins': 'The widget is on. Only the organisation’s administrators can switch it off.',
    'settings.disabledByAdmins':
      'The widget is off. Only the organisation’s administrators can switch it on.',
    'settings.options': 'What the widget shows',
    'settings.save': 'Save the settings',
    'settings.saved': 'The settings are saved.',
    'settings.created': 'Your widget is ready. Copy the code below and paste it into your career page.',
    'error.lang': 'Choose Swedish or English.',
    'error.municipality': 'Choose a place from the list or the whole region.',
    'error.maxJobs': 'Enter a whole number from 1 to 20.',
    'error.flag': 'Not a valid value.',
    'snippet.heading': 'The code for your website',
    'snippet.label': 'Code to paste',
    'snippet.hint':
      'Paste it into the page’s HTML where the widget should appear. Without JavaScript it shows a plain link to the widget’s own page.',
    'snippet.none': 'Save the settings once and your code is created.',
    'snippet.disabled':
      'The widget is switched off. The code shows only the link until you switch it on again.',
    'copy.button': 'Copy the code',
    'copy.json': 'Copy the address',
    'copy.done': 'Copied.',
    'copy.failed': 'Could not copy. Select the text and copy it yourself.',
    'json.heading': 'The same content as JSON',
    'json.label': 'JSON address',
    'json.hint':
      'For those who want to build their own presentation. Any website may read it, without signing in.',
    'json.page': 'The widget’s own page',
    'preview.heading': 'Preview',
    'preview.hint':
      'This is the widget with the saved settings. On your website it takes your font and your text colour.',
    'key.heading': 'New key',
    'key.text':
      'The key is in the code and in the address. With a new key, every copy of the code you have already pasted stops working at once, until you replace it wherever the widget is used. Only change the key when you need to, for instance if the code has ended up on a website where it does not belong. You will be asked to confirm before anything changes.',
    'key.button': 'Create a new key',
    'key.who.region': 'Only the region’s administrators and editors can do this.',
    'key.who.municipality': 'Only the municipality’s editors can do this.',
    'key.who.employer': 'Only the organisation’s administrators can do this, not every member.',
    'key.who.course_provider': 'Anyone with an account in the organisation can do this.',
    'key.who.partner': 'Anyone with an account in the organisation can do this.',
    'key.notYou':
      'Your role does not allow it. If the key needs changing, ask one of them. Your code keeps working as before.',
    'confirm.title': 'Create a new key?',
    'confirm.lead': 'The current key stops working the moment the new one is created.',
    'confirm.heading': 'What happens',
    'confirm.what':
      'The code you have pasted into your career page – and into any other page that shows the widget – stops working at once. Visitors then see only a link to Lotsa until you have pasted the new code everywhere. The JSON address changes too.',
    'confirm.current': 'The key that stops working:',
    'confirm.yes': 'Yes, create a new key',
    'confirm.no': 'No, keep the key',
    'confirm.back': 'Back to the widget',
    'key.renewed': 'A new key was created. The old code no longer works – replace it on your website.',
    'key.current': 'Current key:',
    'style.heading': 'Adjust the look',
    'style.text':
      'The widget inherits the font and text colour of your page. You can change colours and spacing with CSS variables on your page, for example:',
    'style.level':
      'The widget’s heading is an h2. If it sits under a subheading of your page, add data-heading-level="3" to the div element.',
    'card.count':
      'Employers show life in the region and their jobs on their own career pages. Widgets switched on: {on} of {all}.',
    'widget.lifeTitle': 'Life in {place}',
    'widget.navigator': 'Thinking of moving here? Get help from the region’s relocation navigators',
    'widget.jobs': 'Open jobs at {organisation}',
    'widget.noJobs': 'No open jobs right now.',
    'widget.moreJobs': 'All open jobs on Lotsa',
    'widget.noJobsListed':
      'Only jobs that {organisation} posts directly on Lotsa are shown here, and there are none right now.',
    'widget.company': 'More about {organisation} on Lotsa',
    'widget.deadline': 'Apply by',
    'widget.source': 'Source',
    'widget.fallback': 'Life in {region} and open jobs at {organisation} – on Lotsa',
    'widget.from': 'From Lotsa, {region}’s platform for new residents and colleagues',
    'widget.pageDescription': '{title} and open jobs at {organisation}.',
  },
});

export type WidgetMessageKey = Parameters<typeof widgetMessages.t>[1];
