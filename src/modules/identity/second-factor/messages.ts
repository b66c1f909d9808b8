/**
 * Texts of the second-factor pages: the own security page (passkeys, authenticator app, recovery
 * codes), the second-factor check before the back-office, setting up an authenticator app, and the
 * passkey sign-in button on the login page. Keys ending in `Html` hold trusted markup.
 */
import { defineMessages } from '../../../platform/i18n/index.ts';

export const messages = defineMessages({
  sv: {
    'common.errorSummaryTitle': 'Något behöver rättas',
    'common.backToMe': 'Tillbaka till ditt konto',
    'common.backToSecurity': 'Tillbaka till inloggning och säkerhet',
    'common.never': 'Aldrig',

    'security.title': 'Inloggning och säkerhet',
    'security.description': 'Dina nycklar, din autentiseringsapp och dina reservkoder.',
    'security.intro':
      'Här bestämmer du hur du bevisar att det är du: med en nyckel på din enhet, med koder från en autentiseringsapp och med reservkoder om du tappar bort något av dem.',
    'security.staffNote':
      'Din roll ger dig tillgång till andra människors uppgifter. Därför kräver administrationen ett andra steg: en nyckel eller en autentiseringsapp.',
    'security.staffLast':
      'Du kan ta bort ditt sista andra steg, men då ber administrationen dig att ställa in ett nytt nästa gång du går dit.',
    'security.verifyFirst':
      'Du har inte bekräftat ditt andra steg sedan du loggade in. Bekräfta först, så kan du ändra något här.',
    'security.verifyLink': 'Bekräfta med ditt andra steg',

    'done.passkeyAdded': 'Nyckeln är tillagd.',
    'done.passkeyAddedNoCodes':
      'Nyckeln är tillagd. Skapa reservkoder nedan, så att du kommer in även om du tappar bort den.',
    'done.passkeyRenamed': 'Nyckeln har fått nytt namn.',
    'done.passkeyRemoved': 'Nyckeln är borttagen.',
    'done.totpDisabled': 'Autentiseringsappen är avstängd.',
    'done.factorGone': 'Du har inget andra steg längre. Dina reservkoder har tagits bort.',

    'passkeys.title': 'Nycklar (passkeys)',
    'passkeys.intro':
      'Med en nyckel loggar du in med fingeravtryck, ansiktet eller skärmlåset på din dator eller telefon – utan e-post och utan lösenord. En nyckel räknas också som andra steg.',
    'passkeys.none': 'Du har inga nycklar än.',
    'passkeys.caption': 'Dina nycklar',
    'passkeys.name': 'Namn',
    'passkeys.created': 'Tillagd',
    'passkeys.lastUsed': 'Senast använd',
    'passkeys.actions': 'Ändra',
    'passkeys.renameLabel': 'Nytt namn för nyckeln {name}',
    'passkeys.renameButton': 'Byt namn',
    'passkeys.removeButton': 'Ta bort',
    'passkeys.removeLabel': 'Ta bort nyckeln {name}',
    'passkeys.add': 'Lägg till en nyckel',
    'passkeys.noScript':
      'För att lägga till eller använda en nyckel behöver webbläsaren JavaScript och stöd för nycklar. Du kan använda en autentiseringsapp i stället.',
    'passkeys.working': 'Följ anvisningarna från din webbläsare eller enhet …',
    'passkeys.failed':
      'Det gick inte att lägga till nyckeln. Försök igen, eller använd en autentiseringsapp.',
    'passkeys.defaultName': 'Nyckel',
    'passkeys.nameErrorEmpty': 'Skriv ett namn på nyckeln.',
    'passkeys.nameErrorLong': 'Namnet får vara högst 80 tecken.',

    'totp.title': 'Autentiseringsapp',
    'totp.intro':
      'En autentiseringsapp i telefonen visar en ny sexsiffrig kod var 30:e sekund. Koden räknas som andra steg.',
    'totp.on': 'Påslagen.',
    'totp.off': 'Inte inställd.',
    'totp.setupLink': 'Ställ in en autentiseringsapp',
    'totp.disable': 'Stäng av autentiseringsappen',

    'recovery.title': 'Reservkoder',
    'recovery.intro':
      'Om du tappar bort din nyckel eller telefonen kan du använda en reservkod i stället. Varje kod fungerar en gång.',
    'recovery.left': 'Du har {count} av 10 reservkoder kvar.',
    'recovery.none': 'Du har inga reservkoder.',
    'recovery.needFactor': 'Reservkoder kan du skapa när du har en nyckel eller en autentiseringsapp.',
    'recovery.generate': 'Skapa nya reservkoder',
    'recovery.generateFirst': 'Skapa reservkoder',
    'recovery.generateHint': 'Dina gamla reservkoder slutar då att fungera.',

    'setup.title': 'Ställ in en autentiseringsapp',
    'setup.description': 'Koppla en autentiseringsapp till ditt konto.',
    'setup.step1':
      'Öppna din autentiseringsapp, till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP, och skanna QR-koden.',
    'setup.qrLabel': 'QR-kod som lägger till {issuer} i en autentiseringsapp',
    'setup.manual': 'Går det inte att skanna? Skriv in den här nyckeln i appen i stället:',
    'setup.step2': 'Skriv sedan in koden som appen visar, så att vi vet att allt fungerar.',
    'setup.codeLabel': 'Kod från appen',
    'setup.codeHint': 'Sex siffror.',
    'setup.codeErrorEmpty': 'Skriv koden som appen visar.',
    'setup.codeErrorWrong':
      'Koden stämmer inte. Skriv den kod appen visar just nu – den byts var 30:e sekund. Kontrollera också att telefonens klocka går rätt.',
    'setup.submit': 'Slå på',
    'setup.already': 'Autentiseringsappen är redan påslagen. Stäng av den först om du vill byta app.',

    'codes.title': 'Spara dina reservkoder',
    'codes.totpOn': 'Autentiseringsappen är påslagen.',
    'codes.intro':
      'Spara koderna på ett säkert ställe, till exempel i en lösenordshanterare eller utskrivna. Varje kod fungerar en gång. Du ser dem bara nu.',
    'codes.listLabel': 'Reservkoder',
    'codes.continue': 'Fortsätt',

    'check.title': 'Bekräfta att det är du',
    'check.description': 'Ett andra steg innan du går vidare.',
    'check.why':
      'Din roll ger dig tillgång till andra människors uppgifter. Därför behöver du visa ett andra steg, utöver e-posten, innan du går vidare.',
    'check.whyPlain': 'Visa ditt andra steg innan du går vidare.',
    'check.setupTitle': 'Ställ in ett andra steg',
    'check.setupIntro': 'Du har inget andra steg än. Välj ett av dem nedan; det tar ett par minuter.',
    'check.setupTotp': 'Ställ in en autentiseringsapp',
    'check.codeIntro': 'Skriv koden från din autentiseringsapp, eller en av dina reservkoder.',
    'check.codeLabel': 'Kod',
    'check.codeHint': 'Sex siffror från appen, eller en reservkod som ser ut så här: abcd-efgh.',
    'check.codeErrorEmpty': 'Skriv koden från appen eller en reservkod.',
    'check.codeErrorWrong':
      'Koden stämmer inte. Skriv den kod appen visar just nu, eller en reservkod som du inte har använt.',
    'check.submit': 'Fortsätt',
    'check.passkeyTitle': 'Med en nyckel',
    'check.passkey': 'Bekräfta med en nyckel',
    'check.passkeyFailed': 'Det gick inte att bekräfta med nyckeln. Försök igen, eller skriv en kod.',
    'check.recoveryUsed': 'Du använde en reservkod. Du har {count} kvar.',

    'signin.button': 'Logga in med en nyckel',
    'signin.working': 'Följ anvisningarna från din webbläsare eller enhet …',
    'signin.failed':
      'Det gick inte att logga in med nyckeln. Försök igen, eller logga in med e-post i stället.',
  },
  en: {
    'common.errorSummaryTitle': 'Something needs correcting',
    'common.backToMe': 'Back to your account',
    'common.backToSecurity': 'Back to sign-in and security',
    'common.never': 'Never',

    'security.title': 'Sign-in and security',
    'security.description': 'Your passkeys, your authenticator app and your recovery codes.',
    'security.intro':
      'Choose how you prove that it is you: with a passkey on your device, with codes from an authenticator app, and with recovery codes in case you lose either.',
    'security.staffNote':
      'Your role gives you access to other people’s data, so the back-office asks for a second factor: a passkey or an authenticator app.',
    'security.staffLast':
      'You can remove your last second factor, but the back-office will then ask you to set up a new one the next time you go there.',
    'security.verifyFirst':
      'You have not confirmed your second factor since you signed in. Confirm it first, then you can change things here.',
    'security.verifyLink': 'Confirm with your second factor',

    'done.passkeyAdded': 'The passkey has been added.',
    'done.passkeyAddedNoCodes':
      'The passkey has been added. Create recovery codes below, so that you can get in even if you lose it.',
    'done.passkeyRenamed': 'The passkey has been renamed.',
    'done.passkeyRemoved': 'The passkey has been removed.',
    'done.totpDisabled': 'The authenticator app has been turned off.',
    'done.factorGone': 'You no longer have a second factor. Your recovery codes have been removed.',

    'passkeys.title': 'Passkeys',
    'passkeys.intro':
      'With a passkey you sign in with your fingerprint, face or screen lock on your computer or phone – no e-mail and no password. A passkey also counts as a second factor.',
    'passkeys.none': 'You have no passkeys yet.',
    'passkeys.caption': 'Your passkeys',
    'passkeys.name': 'Name',
    'passkeys.created': 'Added',
    'passkeys.lastUsed': 'Last used',
    'passkeys.actions': 'Change',
    'passkeys.renameLabel': 'New name for the passkey {name}',
    'passkeys.renameButton': 'Rename',
    'passkeys.removeButton': 'Remove',
    'passkeys.removeLabel': 'Remove the passkey {name}',
    'passkeys.add': 'Add a passkey',
    'passkeys.noScript':
      'Adding or using a passkey needs JavaScript and a browser that supports passkeys. You can use an authenticator app instead.',
    'passkeys.working': 'Follow the instructions from your browser or device …',
    'passkeys.failed': 'The passkey could not be added. Try again, or use an authenticator app.',
    'passkeys.defaultName': 'Passkey',
    'passkeys.nameErrorEmpty': 'Enter a name for the passkey.',
    'passkeys.nameErrorLong': 'The name can be at most 80 characters.',

    'totp.title': 'Authenticator app',
    'totp.intro':
      'An authenticator app on your phone shows a new six-digit code every 30 seconds. The code counts as a second factor.',
    'totp.on': 'Turned on.',
    'totp.off': 'Not set up.',
    'totp.setupLink': 'Set up an authenticator app',
    'totp.disable': 'Turn off the authenticator app',

    'recovery.title': 'Recovery codes',
    'recovery.intro':
      'If you lose your passkey or your phone, you can use a recovery code instead. Each code works once.',
    'recovery.left': 'You have {count} of 10 recovery codes left.',
    'recovery.none': 'You have no recovery codes.',
    'recovery.needFactor': 'You can create recovery codes once you have a passkey or an authenticator app.',
    'recovery.generate': 'Create new recovery codes',
    'recovery.generateFirst': 'Create recovery codes',
    'recovery.generateHint': 'Your old recovery codes will then stop working.',

    'setup.title': 'Set up an authenticator app',
    'setup.description': 'Connect an authenticator app to your account.',
    'setup.step1':
      'Open your authenticator app, for example Microsoft Authenticator, Google Authenticator or FreeOTP, and scan the QR code.',
    'setup.qrLabel': 'QR code that adds {issuer} to an authenticator app',
    'setup.manual': 'Cannot scan it? Type this key into the app instead:',
    'setup.step2': 'Then enter the code the app shows, so we know everything works.',
    'setup.codeLabel': 'Code from the app',
    'setup.codeHint': 'Six digits.',
    'setup.codeErrorEmpty': 'Enter the code the app shows.',
    'setup.codeErrorWrong':
      'That code is not right. Enter the code the app shows now – it changes every 30 seconds. Also check that your phone’s clock is correct.',
    'setup.submit': 'Turn on',
    'setup.already':
      'The authenticator app is already turned on. Turn it off first if you want to use another app.',

    'codes.title': 'Save your recovery codes',
    'codes.totpOn': 'The authenticator app is turned on.',
    'codes.intro':
      'Keep these codes somewhere safe, for example in a password manager or printed. Each code works once. You will only see them now.',
    'codes.listLabel': 'Recovery codes',
    'codes.continue': 'Continue',

    'check.title': 'Confirm it is you',
    'check.description': 'A second factor before you go on.',
    'check.why':
      'Your role gives you access to other people’s data. That is why you need to show a second factor, besides your e-mail, before you go on.',
    'check.whyPlain': 'Show your second factor before you go on.',
    'check.setupTitle': 'Set up a second factor',
    'check.setupIntro':
      'You do not have a second factor yet. Choose one below; it takes a couple of minutes.',
    'check.setupTotp': 'Set up an authenticator app',
    'check.codeIntro': 'Enter the code from your authenticator app, or one of your recovery codes.',
    'check.codeLabel': 'Code',
    'check.codeHint': 'Six digits from the app, or a recovery code that looks like this: abcd-efgh.',
    'check.codeErrorEmpty': 'Enter the code from the app or a recovery code.',
    'check.codeErrorWrong':
      'That code is not right. Enter the code the app shows now, or a recovery code you have not used.',
    'check.submit': 'Continue',
    'check.passkeyTitle': 'With a passkey',
    'check.passkey': 'Confirm with a passkey',
    'check.passkeyFailed': 'The passkey could not confirm it is you. Try again, or enter a code.',
    'check.recoveryUsed': 'You used a recovery code. You have {count} left.',

    'signin.button': 'Sign in with a passkey',
    'signin.working': 'Follow the instructions from your browser or device …',
    'signin.failed': 'Signing in with the passkey did not work. Try again, or sign in by e-mail instead.',
  },
});

export type MessageKey = Parameters<typeof messages.t>[1];
