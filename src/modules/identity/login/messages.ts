/**
 * Texts of signing in and out: the login page, "check your e-mail" with the code form, the confirm
 * page a link opens, the pages for links that no longer work and for too many e-mails or codes, and
 * the sign-in e-mail itself. `{site}` is the site's name, `{email}` the address typed.
 * Keys ending in `Html` hold trusted markup.
 */
import { defineMessages } from '../../../platform/i18n/index.ts';

export const messages = defineMessages({
  sv: {
    'common.errorSummaryTitle': 'Något behöver rättas',

    'login.title': 'Logga in',
    'login.description': 'Logga in på {site} med en länk eller en kod som vi skickar till din e-post.',
    'login.intro':
      'Skriv din e-postadress så skickar vi en länk och en kod som du loggar in med. Du behöver inget lösenord.',
    'login.newAccount':
      'Har du inget konto än? Skriv din adress ändå. När du bekräftar i mejlet skapas ett personligt konto åt dig.',
    'login.email.label': 'E-postadress',
    'login.email.hint': 'Till exempel namn@exempel.se',
    'login.submit': 'Skicka länk och kod',
    'login.signedOut': 'Du är utloggad.',
    'login.already': 'Du är redan inloggad som {email}.',
    'login.alreadyLink': 'Gå till ditt konto',
    'login.signOut': 'Logga ut',
    'login.titleWithErrors': 'Fel: {title}',

    'error.emailRequired': 'Skriv din e-postadress.',
    'error.emailInvalid': 'Skriv en giltig e-postadress, till exempel namn@exempel.se.',
    'error.codeRequired': 'Skriv koden från mejlet.',
    'error.codeFormat': 'Koden består av sex siffror. Skriv den som den står i mejlet.',
    'error.codeWrong':
      'Koden stämmer inte eller gäller inte längre. Kontrollera koden i det senaste mejlet, eller använd länken i det.',
    'error.codeBurnt':
      'Fel kod har skrivits för många gånger, så koden fungerar inte längre. Använd länken i mejlet, eller be om en ny länk.',

    'sent.title': 'Kolla din e-post',
    'sent.description': 'Vi har skickat en länk och en kod till din e-postadress.',
    'sent.textHtml':
      'Vi har skickat ett mejl till <strong>{email}</strong> med en länk och en kod. Öppna länken, eller skriv koden här nedanför.',
    'sent.validity': 'Länken och koden fungerar en gång och i {minutes} minuter.',
    'sent.notArrived':
      'Har mejlet inte kommit efter några minuter? Titta i skräpposten och kontrollera att adressen är rätt stavad.',
    'sent.again': 'Skicka till en annan adress eller försök igen',
    'code.title': 'Logga in med koden',
    'code.email.label': 'E-postadress',
    'code.code.label': 'Kod',
    'code.code.hint': 'Sex siffror från mejlet.',
    'code.submit': 'Logga in',

    'confirm.title': 'Bekräfta inloggningen',
    'confirm.description': 'Bekräfta att du vill logga in.',
    'confirm.textHtml': 'Du loggar in som <strong>{email}</strong>.',
    'confirm.newAccountHtml':
      'Det finns inget konto med den här adressen än. När du loggar in skapas ett personligt konto åt <strong>{email}</strong>.',
    'confirm.submit': 'Logga in',
    'confirm.notYou': 'Var det inte du som bad om att få logga in? Stäng bara sidan, så händer ingenting.',

    'gone.title': 'Länken fungerar inte längre',
    'gone.description': 'Inloggningslänken har redan använts eller har gått ut.',
    'gone.text':
      'En inloggningslänk fungerar bara en gång och i {minutes} minuter. Den här länken har redan använts, har gått ut eller är felaktig.',
    'gone.again': 'Be om en ny länk',

    'tooMany.title': 'För många mejl till den här adressen',
    'tooMany.description': 'Vänta en stund innan du ber om en ny länk.',
    'tooMany.text':
      'Vi har skickat många inloggningsmejl till {email} på kort tid. Vänta {minutes} minuter och försök igen. Ett mejl som redan har kommit fungerar fortfarande.',
    'tooManyCodes.title': 'För många försök',
    'tooManyCodes.description': 'Vänta en stund innan du skriver en kod igen.',
    'tooManyCodes.text':
      'Det har gjorts för många försök att logga in med kod för {email}. Vänta {minutes} minuter och försök igen. Länken i mejlet fungerar fortfarande.',
    'tooMany.back': 'Tillbaka till inloggningen',

    'mail.subject': 'Logga in på {site}',
    'mail.greeting': 'Hej!',
    'mail.intro': 'Någon, förhoppningsvis du, vill logga in på {site} med den här e-postadressen.',
    'mail.newAccount':
      'Det finns inget konto med den här adressen än. När du bekräftar skapas ett personligt konto åt dig.',
    'mail.link': 'Öppna länken för att logga in:',
    'mail.code': 'Eller skriv den här koden på inloggningssidan: {code}',
    'mail.validity': 'Länken och koden fungerar en gång och i {minutes} minuter.',
    'mail.ignore':
      'Om det inte var du som bad om att få logga in kan du strunta i det här mejlet. Ingen kommer in utan länken eller koden.',
    'mail.signature': 'Hälsningar\n{site}',
  },
  en: {
    'common.errorSummaryTitle': 'Something needs fixing',

    'login.title': 'Sign in',
    'login.description': 'Sign in to {site} with a link or a code we send to your e-mail.',
    'login.intro':
      'Enter your e-mail address and we will send you a link and a code to sign in with. You do not need a password.',
    'login.newAccount':
      'No account yet? Enter your address anyway. When you confirm in the e-mail, a personal account is created for you.',
    'login.email.label': 'E-mail address',
    'login.email.hint': 'For example name@example.com',
    'login.submit': 'Send link and code',
    'login.signedOut': 'You are signed out.',
    'login.already': 'You are already signed in as {email}.',
    'login.alreadyLink': 'Go to your account',
    'login.signOut': 'Sign out',
    'login.titleWithErrors': 'Error: {title}',

    'error.emailRequired': 'Enter your e-mail address.',
    'error.emailInvalid': 'Enter a valid e-mail address, for example name@example.com.',
    'error.codeRequired': 'Enter the code from the e-mail.',
    'error.codeFormat': 'The code is six digits. Enter it as it appears in the e-mail.',
    'error.codeWrong':
      'The code is wrong or no longer valid. Check the code in the latest e-mail, or use the link in it.',
    'error.codeBurnt':
      'A wrong code was entered too many times, so the code no longer works. Use the link in the e-mail, or ask for a new link.',

    'sent.title': 'Check your e-mail',
    'sent.description': 'We have sent a link and a code to your e-mail address.',
    'sent.textHtml':
      'We have sent an e-mail to <strong>{email}</strong> with a link and a code. Open the link, or enter the code below.',
    'sent.validity': 'The link and the code work once, for {minutes} minutes.',
    'sent.notArrived':
      'Has the e-mail not arrived after a few minutes? Look in your spam folder and check that the address is spelled right.',
    'sent.again': 'Send to another address or try again',
    'code.title': 'Sign in with the code',
    'code.email.label': 'E-mail address',
    'code.code.label': 'Code',
    'code.code.hint': 'Six digits from the e-mail.',
    'code.submit': 'Sign in',

    'confirm.title': 'Confirm signing in',
    'confirm.description': 'Confirm that you want to sign in.',
    'confirm.textHtml': 'You are signing in as <strong>{email}</strong>.',
    'confirm.newAccountHtml':
      'There is no account with this address yet. When you sign in, a personal account is created for <strong>{email}</strong>.',
    'confirm.submit': 'Sign in',
    'confirm.notYou': 'Did you not ask to sign in? Just close this page and nothing will happen.',

    'gone.title': 'This link no longer works',
    'gone.description': 'The sign-in link has already been used or has expired.',
    'gone.text':
      'A sign-in link works only once, for {minutes} minutes. This link has already been used, has expired or is incorrect.',
    'gone.again': 'Ask for a new link',

    'tooMany.title': 'Too many e-mails to this address',
    'tooMany.description': 'Wait a while before asking for a new link.',
    'tooMany.text':
      'We have sent many sign-in e-mails to {email} in a short time. Wait {minutes} minutes and try again. An e-mail that has already arrived still works.',
    'tooManyCodes.title': 'Too many attempts',
    'tooManyCodes.description': 'Wait a while before entering a code again.',
    'tooManyCodes.text':
      'There have been too many attempts to sign in with a code for {email}. Wait {minutes} minutes and try again. The link in the e-mail still works.',
    'tooMany.back': 'Back to signing in',

    'mail.subject': 'Sign in to {site}',
    'mail.greeting': 'Hello,',
    'mail.intro': 'Someone, hopefully you, wants to sign in to {site} with this e-mail address.',
    'mail.newAccount':
      'There is no account with this address yet. When you confirm, a personal account is created for you.',
    'mail.link': 'Open this link to sign in:',
    'mail.code': 'Or enter this code on the sign-in page: {code}',
    'mail.validity': 'The link and the code work once, for {minutes} minutes.',
    'mail.ignore':
      'If you did not ask to sign in, you can ignore this e-mail. Nobody gets in without the link or the code.',
    'mail.signature': 'Best regards\n{site}',
  },
});

export type MessageKey = keyof (typeof messages.catalogues)['sv'];
