/**
 * Texts of the own page (/sv/me, /en/me): profile, organisations, security, sessions, the data
 * export and account deletion, and the goodbye page. Keys ending in `Html` hold trusted markup.
 */
import { defineMessages } from '../../../platform/i18n/index.ts';

export const messages = defineMessages({
  sv: {
    'common.errorSummaryTitle': 'Något behöver rättas',
    'common.titleWithErrors': 'Fel: {title}',
    'common.never': 'Aldrig',
    'common.dateTime': '{date} kl. {time}',
    'common.backToMe': 'Tillbaka till ditt konto',

    'me.title': 'Ditt konto',
    'me.description': 'Din profil, dina organisationer, dina inloggningar och dina uppgifter.',
    'me.greeting': 'Hej {name}!',
    'me.intro': 'Här ser du vad vi vet om dig och bestämmer hur ditt konto ska fungera.',
    'me.contents': 'På den här sidan',
    'me.signOut': 'Logga ut',

    'notice.saved': 'Sparat. Dina ändringar gäller från och med nu.',
    'notice.sessionEnded': 'Inloggningen är avslutad. Den enheten måste logga in igen.',
    'notice.othersEnded': 'Du är utloggad överallt utom på den här enheten.',

    'profile.title': 'Profil',
    'profile.email': 'E-postadress',
    'profile.emailHint':
      'Adressen är också ditt inloggningsnamn och kan inte ändras här. Vill du byta adress loggar du in med den nya och tar bort det här kontot.',
    'profile.displayName.label': 'Ditt namn',
    'profile.displayName.hint':
      'Vi använder det när vi skriver till dig, och en arbetsgivare ser det först när du tackar ja till kontakt. Högst {max} tecken. Du kan lämna det tomt.',
    'profile.language.legend': 'Språk',
    'profile.language.hint': 'Språket i e-post vi skickar till dig.',
    'profile.save': 'Spara profilen',
    'profile.error.displayNameTooLong': 'Namnet får vara högst 120 tecken.',
    'profile.error.displayNameControl':
      'Namnet innehåller osynliga styrtecken. Skriv det med vanliga tecken.',
    'profile.error.language': 'Välj svenska eller engelska.',
    'profile.memberSince': 'Konto skapat',
    'profile.lastSignIn': 'Senaste inloggning',

    'orgs.title': 'Organisationer',
    'orgs.none':
      'Du tillhör ingen organisation. Om en arbetsgivare, kommunen eller regionen bjuder in dig syns det här.',
    'orgs.organisation': 'Organisation',
    'orgs.kind': 'Slag',
    'orgs.role': 'Din roll',
    'orgs.since': 'Sedan',
    'orgs.caption': 'Organisationer du tillhör',
    'orgs.admin': 'Gå till administrationen',

    'security.title': 'Inloggning och säkerhet',
    'security.text':
      'Lägg till en nyckel (passkey) eller en autentiseringsapp och skapa reservkoder för att logga in säkrare.',
    'security.link': 'Hantera inloggning och säkerhet',

    'sessions.title': 'Inloggningar',
    'sessions.intro':
      'De här enheterna är inloggade på ditt konto just nu. Känner du inte igen en av dem: avsluta den och logga ut överallt.',
    'sessions.caption': 'Dina inloggade enheter',
    'sessions.device': 'Enhet',
    'sessions.method': 'Inloggad med',
    'sessions.started': 'Inloggad sedan',
    'sessions.lastActive': 'Senast aktiv',
    'sessions.actions': 'Åtgärd',
    'sessions.thisDevice': 'Den här enheten',
    'sessions.unknownDevice': 'Okänd enhet',
    'sessions.method.link': 'Länk i e-post',
    'sessions.method.code': 'Kod från e-post',
    'sessions.method.passkey': 'Nyckel (passkey)',
    'sessions.end': 'Avsluta',
    'sessions.endLabel': 'Avsluta inloggningen på {device}, inloggad {started}',
    'sessions.endOthers': 'Logga ut överallt utom här',
    'sessions.endOthersHint': 'Alla andra enheter loggas ut. Du förblir inloggad här.',
    'sessions.endAll': 'Logga ut överallt',
    'sessions.endAllHint': 'Alla enheter loggas ut, även den här.',

    'data.title': 'Dina uppgifter',
    'data.exportText':
      'Ladda ner allt vi har sparat om dig som en JSON-fil: konto, organisationer, inloggningar, nycklar och händelser i loggen.',
    'data.export': 'Ladda ner dina uppgifter (JSON)',
    'data.deleteText': 'Du kan ta bort ditt konto. Det går inte att ångra.',
    'data.delete': 'Ta bort ditt konto',

    'delete.title': 'Ta bort ditt konto',
    'delete.description': 'Vad som tas bort och vad som sparas när du tar bort ditt konto.',
    'delete.intro': 'När du tar bort ditt konto kan det inte återställas.',
    'delete.removed.title': 'Det här tas bort',
    'delete.removed.account': 'Ditt konto: e-postadress, namn och språkval.',
    'delete.removed.memberships': 'Dina roller i organisationer.',
    'delete.removed.sessions': 'Alla inloggningar, även den här. Du loggas ut direkt.',
    'delete.removed.factors': 'Dina nycklar (passkeys), din autentiseringsapp och dina reservkoder.',
    'delete.removed.invitations': 'Inloggningslänkar och inbjudningar som skickats till din adress.',
    'delete.removed.reports': 'Rapporter om tillgänglighet som skickats med din e-postadress.',
    'delete.removed.tokens': 'API-nycklar som du har skapat: de slutar gälla.',
    'delete.removed.services':
      'Din profil i talangpoolen (med hushållet och dina samtycken), dina jobbevakningar och dina sparade jobb.',
    'delete.kept.title': 'Det här sparas',
    'delete.kept.audit':
      'Loggen över vad som har gjorts behålls, men med ett slumpmässigt id i stället för dig. Id:t leder inte längre till en person, och din e-postadress tas bort ur loggen.',
    'delete.kept.content':
      'Sådant du har gjort för en organisation, till exempel ändringar av dess uppgifter, finns kvar hos organisationen.',
    'delete.exportFirst': 'Vill du spara en kopia av dina uppgifter först? {link}',
    'delete.confirm.label': 'Skriv din e-postadress för att bekräfta',
    'delete.confirm.hint': 'Skriv {email}.',
    'delete.submit': 'Ta bort mitt konto för alltid',
    'delete.cancel': 'Avbryt och gå tillbaka',
    'delete.error.confirm': 'Skriv din e-postadress precis som den står för att bekräfta.',
    'delete.lastAdmin.title': 'Du kan inte ta bort ditt konto än',
    'delete.lastAdmin.text':
      'Du är den enda administratören för regionen. Någon annan måste först bli administratör, annars kan ingen sköta regionen.',

    'deleted.title': 'Ditt konto är borttaget',
    'deleted.description': 'Ditt konto och dina uppgifter är borttagna.',
    'deleted.text':
      'Ditt konto och det som hörde till det är borttaget: dina roller, inloggningar, nycklar och koder, inbjudningar till din adress, rapporter om tillgänglighet som du har skickat och API-nycklar som du har skapat. Du är utloggad på alla enheter. Tack för att du använde tjänsten!',
    'deleted.home': 'Till startsidan',

    'lang.sv': 'Svenska',
    'lang.en': 'English',

    'kind.region': 'Region',
    'kind.municipality': 'Kommun',
    'kind.employer': 'Arbetsgivare',
    'kind.course_provider': 'Utbildningsanordnare',
    'kind.partner': 'Partner',
  },
  en: {
    'common.errorSummaryTitle': 'Something needs fixing',
    'common.titleWithErrors': 'Error: {title}',
    'common.never': 'Never',
    'common.dateTime': '{date} at {time}',
    'common.backToMe': 'Back to your account',

    'me.title': 'Your account',
    'me.description': 'Your profile, your organisations, where you are signed in and your data.',
    'me.greeting': 'Hello {name}!',
    'me.intro': 'Here you see what we know about you and decide how your account works.',
    'me.contents': 'On this page',
    'me.signOut': 'Sign out',

    'notice.saved': 'Saved. Your changes apply from now on.',
    'notice.sessionEnded': 'That session has ended. The device has to sign in again.',
    'notice.othersEnded': 'You are signed out everywhere except on this device.',

    'profile.title': 'Profile',
    'profile.email': 'E-mail address',
    'profile.emailHint':
      'The address is also your sign-in name and cannot be changed here. To use another address, sign in with the new one and delete this account.',
    'profile.displayName.label': 'Your name',
    'profile.displayName.hint':
      'We use it when we write to you, and an employer sees it only once you accept to get in touch. At most {max} characters. You may leave it empty.',
    'profile.language.legend': 'Language',
    'profile.language.hint': 'The language of the e-mails we send you.',
    'profile.save': 'Save profile',
    'profile.error.displayNameTooLong': 'The name can be at most 120 characters.',
    'profile.error.displayNameControl':
      'The name contains invisible control characters. Type it with ordinary characters.',
    'profile.error.language': 'Choose Swedish or English.',
    'profile.memberSince': 'Account created',
    'profile.lastSignIn': 'Last signed in',

    'orgs.title': 'Organisations',
    'orgs.none':
      'You do not belong to any organisation. If an employer, a municipality or the region invites you, it shows here.',
    'orgs.organisation': 'Organisation',
    'orgs.kind': 'Kind',
    'orgs.role': 'Your role',
    'orgs.since': 'Since',
    'orgs.caption': 'Organisations you belong to',
    'orgs.admin': 'Go to the back-office',

    'security.title': 'Sign-in and security',
    'security.text':
      'Add a passkey or an authenticator app and create recovery codes to sign in more securely.',
    'security.link': 'Manage sign-in and security',

    'sessions.title': 'Where you are signed in',
    'sessions.intro':
      'These devices are signed in to your account right now. If you do not recognise one, end it and sign out everywhere.',
    'sessions.caption': 'Your signed-in devices',
    'sessions.device': 'Device',
    'sessions.method': 'Signed in with',
    'sessions.started': 'Signed in',
    'sessions.lastActive': 'Last active',
    'sessions.actions': 'Action',
    'sessions.thisDevice': 'This device',
    'sessions.unknownDevice': 'Unknown device',
    'sessions.method.link': 'E-mail link',
    'sessions.method.code': 'E-mail code',
    'sessions.method.passkey': 'Passkey',
    'sessions.end': 'End',
    'sessions.endLabel': 'End the session on {device}, signed in {started}',
    'sessions.endOthers': 'Sign out everywhere else',
    'sessions.endOthersHint': 'Every other device is signed out. You stay signed in here.',
    'sessions.endAll': 'Sign out everywhere',
    'sessions.endAllHint': 'Every device is signed out, this one too.',

    'data.title': 'Your data',
    'data.exportText':
      'Download everything we store about you as a JSON file: account, organisations, sessions, passkeys and events in the audit trail.',
    'data.export': 'Download your data (JSON)',
    'data.deleteText': 'You can delete your account. This cannot be undone.',
    'data.delete': 'Delete your account',

    'delete.title': 'Delete your account',
    'delete.description': 'What is deleted and what is kept when you delete your account.',
    'delete.intro': 'Once your account is deleted it cannot be restored.',
    'delete.removed.title': 'What is deleted',
    'delete.removed.account': 'Your account: e-mail address, name and language.',
    'delete.removed.memberships': 'Your roles in organisations.',
    'delete.removed.sessions': 'Every session, this one too. You are signed out at once.',
    'delete.removed.factors': 'Your passkeys, your authenticator app and your recovery codes.',
    'delete.removed.invitations': 'Sign-in links and invitations sent to your address.',
    'delete.removed.reports': 'Accessibility reports sent with your e-mail address.',
    'delete.removed.tokens': 'API tokens you created: they stop working.',
    'delete.removed.services':
      'Your talent pool profile (with your household and your consents), your job alerts and your saved jobs.',
    'delete.kept.title': 'What is kept',
    'delete.kept.audit':
      'The audit trail of what was done is kept, with a random id in place of you. The id no longer leads to a person, and your e-mail address is removed from the trail.',
    'delete.kept.content':
      'Work you did for an organisation, such as changes to its details, stays with the organisation.',
    'delete.exportFirst': 'Want to keep a copy of your data first? {link}',
    'delete.confirm.label': 'Type your e-mail address to confirm',
    'delete.confirm.hint': 'Type {email}.',
    'delete.submit': 'Delete my account for good',
    'delete.cancel': 'Cancel and go back',
    'delete.error.confirm': 'Type your e-mail address exactly as shown to confirm.',
    'delete.lastAdmin.title': 'You cannot delete your account yet',
    'delete.lastAdmin.text':
      'You are the only administrator of the region. Someone else must become an administrator first, or no one could run the region.',

    'deleted.title': 'Your account is deleted',
    'deleted.description': 'Your account and your data are deleted.',
    'deleted.text':
      'Your account and what belonged to it are deleted: your roles, sessions, passkeys and codes, invitations to your address, accessibility reports you sent and API tokens you created. You are signed out on every device. Thank you for using the service!',
    'deleted.home': 'Go to the home page',

    'lang.sv': 'Svenska',
    'lang.en': 'English',

    'kind.region': 'Region',
    'kind.municipality': 'Municipality',
    'kind.employer': 'Employer',
    'kind.course_provider': 'Course provider',
    'kind.partner': 'Partner',
  },
});

export type MessageKey = keyof (typeof messages.catalogues)['sv'];
