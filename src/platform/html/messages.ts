/** Texts of the site shell and of error pages. */
import { defineMessages } from '../i18n/index.ts';

export const shell = defineMessages({
  sv: {
    skipLink: 'Hoppa till huvudinnehållet',
    mainNav: 'Huvudmeny',
    home: 'Startsida',
    tagline: 'Karriärregion',
    languageSwitch: 'In English',
    footerAbout:
      'Lotsa drivs av {organisation} tillsammans med kommunerna, företagen och högskolan i {region}.',
    footerLinks: 'Om webbplatsen',
    footerContact: 'Kontakt',
    accessibility: 'Tillgänglighet',
    privacy: 'Personuppgifter och kakor',
    easyToRead: 'Lättläst',
    easyToReadLabel: 'Lättläst svenska',
    siteName: '{region} – karriärregion',
    errorRequestId: 'Om du kontaktar oss, ange gärna felkoden {requestId}.',
    errorBackHome: 'Till startsidan',
    'error.LOTSA_BAD_REQUEST.title': 'Något i förfrågan var fel',
    'error.LOTSA_BAD_REQUEST.text':
      'Sidan kunde inte visas eftersom förfrågan inte gick att läsa. Kontrollera adressen och försök igen.',
    'error.LOTSA_INVALID_JSON.title': 'Ogiltig JSON',
    'error.LOTSA_INVALID_JSON.text': 'Innehållet i förfrågan gick inte att läsa som JSON.',
    'error.LOTSA_UNAUTHENTICATED.title': 'Du behöver logga in',
    'error.LOTSA_UNAUTHENTICATED.text': 'Den här sidan kräver att du är inloggad.',
    'error.LOTSA_FORBIDDEN.title': 'Du har inte behörighet',
    'error.LOTSA_FORBIDDEN.text': 'Du har inte behörighet att se den här sidan.',
    'error.LOTSA_CSRF_REJECTED.title': 'Formuläret kunde inte skickas',
    'error.LOTSA_CSRF_REJECTED.text':
      'Av säkerhetsskäl tog vi inte emot formuläret. Ladda om sidan och skicka det igen.',
    'error.LOTSA_SECOND_FACTOR_REQUIRED.title': 'Bekräfta med en andra faktor',
    'error.LOTSA_SECOND_FACTOR_REQUIRED.text':
      'Din roll kräver en nyckel (passkey) eller en engångskod från en app innan du kommer in i administrationen.',
    'error.LOTSA_NOT_FOUND.title': 'Sidan finns inte',
    'error.LOTSA_NOT_FOUND.text':
      'Vi hittar inte sidan du söker. Den kan ha flyttats eller tagits bort, eller så är adressen felstavad.',
    'error.LOTSA_GONE.title': 'Det här finns inte längre',
    'error.LOTSA_GONE.text': 'Det du söker har funnits här men är borttaget eller inte längre aktuellt.',
    'error.LOTSA_METHOD_NOT_ALLOWED.title': 'Det går inte att göra så här',
    'error.LOTSA_METHOD_NOT_ALLOWED.text': 'Adressen finns, men inte för den här typen av förfrågan.',
    'error.LOTSA_REQUEST_TIMEOUT.title': 'Det tog för lång tid',
    'error.LOTSA_REQUEST_TIMEOUT.text': 'Förfrågan kom inte fram i tid. Försök igen.',
    'error.LOTSA_HEADERS_TOO_LARGE.title': 'För stora rubriker',
    'error.LOTSA_HEADERS_TOO_LARGE.text':
      'Förfrågan hade för stora rubriker, ofta för många kakor. Rensa kakorna för webbplatsen och försök igen.',
    'error.LOTSA_PAYLOAD_TOO_LARGE.title': 'För mycket innehåll',
    'error.LOTSA_PAYLOAD_TOO_LARGE.text': 'Det du skickade var för stort. Korta texten och försök igen.',
    'error.LOTSA_UNSUPPORTED_MEDIA_TYPE.title': 'Formatet stöds inte',
    'error.LOTSA_UNSUPPORTED_MEDIA_TYPE.text': 'Innehållet skickades i ett format som vi inte tar emot.',
    'error.LOTSA_VALIDATION_FAILED.title': 'Något behöver rättas',
    'error.LOTSA_VALIDATION_FAILED.text': 'Några uppgifter saknas eller är felaktiga.',
    'error.LOTSA_RATE_LIMITED.title': 'För många försök',
    'error.LOTSA_RATE_LIMITED.text': 'Du har gjort många försök på kort tid. Vänta en stund och försök igen.',
    'error.LOTSA_INTERNAL.title': 'Något gick fel hos oss',
    'error.LOTSA_INTERNAL.text':
      'Ett oväntat fel uppstod. Felet är loggat och vi tittar på det. Försök igen om en stund.',
    'error.LOTSA_OVERLOADED.title': 'Hög belastning just nu',
    'error.LOTSA_OVERLOADED.text': 'Webbplatsen har många besökare just nu. Försök igen om en liten stund.',
    'error.LOTSA_UNAVAILABLE.title': 'Tillfälligt otillgänglig',
    'error.LOTSA_UNAVAILABLE.text': 'En del av tjänsten svarar inte just nu. Försök igen om en liten stund.',
  },
  en: {
    skipLink: 'Skip to main content',
    mainNav: 'Main menu',
    home: 'Home page',
    tagline: 'Career region',
    languageSwitch: 'På svenska',
    footerAbout:
      'Lotsa is run by {organisation} together with the municipalities, companies and university of {region}.',
    footerLinks: 'About this website',
    footerContact: 'Contact',
    accessibility: 'Accessibility',
    privacy: 'Personal data and cookies',
    easyToRead: 'Lättläst',
    easyToReadLabel: 'Easy-to-read Swedish',
    siteName: '{region} – career region',
    errorRequestId: 'If you contact us, please mention error code {requestId}.',
    errorBackHome: 'Go to the home page',
    'error.LOTSA_BAD_REQUEST.title': 'Something in the request was wrong',
    'error.LOTSA_BAD_REQUEST.text':
      'The page could not be shown because the request could not be read. Check the address and try again.',
    'error.LOTSA_INVALID_JSON.title': 'Invalid JSON',
    'error.LOTSA_INVALID_JSON.text': 'The request body could not be read as JSON.',
    'error.LOTSA_UNAUTHENTICATED.title': 'Please sign in',
    'error.LOTSA_UNAUTHENTICATED.text': 'You need to be signed in to see this page.',
    'error.LOTSA_FORBIDDEN.title': 'Not allowed',
    'error.LOTSA_FORBIDDEN.text': 'You do not have permission to see this page.',
    'error.LOTSA_CSRF_REJECTED.title': 'The form could not be sent',
    'error.LOTSA_CSRF_REJECTED.text':
      'For security reasons we did not accept the form. Reload the page and send it again.',
    'error.LOTSA_SECOND_FACTOR_REQUIRED.title': 'Confirm with a second factor',
    'error.LOTSA_SECOND_FACTOR_REQUIRED.text':
      'Your role needs a passkey or a one-time code from an app before you can enter the back-office.',
    'error.LOTSA_NOT_FOUND.title': 'Page not found',
    'error.LOTSA_NOT_FOUND.text':
      'We cannot find the page you are looking for. It may have moved or been removed, or the address may be misspelt.',
    'error.LOTSA_GONE.title': 'This is no longer here',
    'error.LOTSA_GONE.text':
      'What you are looking for was here but has been removed or is no longer current.',
    'error.LOTSA_METHOD_NOT_ALLOWED.title': 'That cannot be done here',
    'error.LOTSA_METHOD_NOT_ALLOWED.text': 'The address exists, but not for this kind of request.',
    'error.LOTSA_REQUEST_TIMEOUT.title': 'That took too long',
    'error.LOTSA_REQUEST_TIMEOUT.text': 'The request did not arrive in time. Please try again.',
    'error.LOTSA_HEADERS_TOO_LARGE.title': 'Headers too large',
    'error.LOTSA_HEADERS_TOO_LARGE.text':
      "The request's headers were too large, often because of too many cookies. Clear this site's cookies and try again.",
    'error.LOTSA_PAYLOAD_TOO_LARGE.title': 'Too much content',
    'error.LOTSA_PAYLOAD_TOO_LARGE.text': 'What you sent was too large. Shorten the text and try again.',
    'error.LOTSA_UNSUPPORTED_MEDIA_TYPE.title': 'Format not supported',
    'error.LOTSA_UNSUPPORTED_MEDIA_TYPE.text': 'The content was sent in a format we do not accept.',
    'error.LOTSA_VALIDATION_FAILED.title': 'Something needs correcting',
    'error.LOTSA_VALIDATION_FAILED.text': 'Some details are missing or incorrect.',
    'error.LOTSA_RATE_LIMITED.title': 'Too many attempts',
    'error.LOTSA_RATE_LIMITED.text':
      'You have made many attempts in a short time. Please wait a moment and try again.',
    'error.LOTSA_INTERNAL.title': 'Something went wrong on our side',
    'error.LOTSA_INTERNAL.text':
      'An unexpected error occurred. It has been logged and we will look into it. Please try again in a while.',
    'error.LOTSA_OVERLOADED.title': 'Very busy right now',
    'error.LOTSA_OVERLOADED.text':
      'The website has many visitors right now. Please try again in a little while.',
    'error.LOTSA_UNAVAILABLE.title': 'Temporarily unavailable',
    'error.LOTSA_UNAVAILABLE.text':
      'Part of the service is not answering right now. Please try again in a little while.',
  },
});
