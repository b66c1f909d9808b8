/**
 * Texts of the back-office core (home, organisations, members, people) and of invitations,
 * in Swedish and English, with the shell's (roles in words) and the form kit's shared texts.
 * Keys ending in `Html` are trusted markup.
 */
import { adminShell } from '../../../platform/html/admin-messages.ts';
import { formTexts } from '../../../platform/html/form-messages.ts';
import { defineMessages } from '../../../platform/i18n/index.ts';

export const messages = defineMessages({
  sv: {
    ...adminShell.catalogues.sv,
    ...formTexts.catalogues.sv,

    // Navigation
    'nav.home': 'Översikt',
    'nav.organisations': 'Organisationer',
    'nav.members': 'Medlemmar i min organisation',
    'nav.people': 'Personer',

    // Kinds in words (roles in words are the shell's: platform/html/admin-messages.ts)
    'kind.region': 'Region',
    'kind.municipality': 'Kommun',
    'kind.employer': 'Arbetsgivare',
    'kind.course_provider': 'Utbildningsanordnare',
    'kind.partner': 'Partner',

    // Shared form texts
    'form.save': 'Spara',
    'form.choose': 'Välj …',
    'table.none': '–',

    // Home
    'home.title': 'Översikt',
    'home.greeting': 'Hej {name}!',
    'home.actingAs': 'Du arbetar för {organisation} ({kind}) med rollen {role}.',
    'home.otherOrganisations':
      'Du är också med i {count} andra organisationer. Du byter organisation högst upp på sidan.',
    'home.otherOrganisation':
      'Du är också med i en annan organisation. Du byter organisation högst upp på sidan.',
    'home.canDo': 'Det här kan du göra',
    'home.own': 'Ditt eget konto',
    'home.ownTextHtml':
      'Ditt namn, språk, nycklar, inloggningar och dina uppgifter hittar du under <a href="{href}">Mitt konto</a>.',
    'home.switched': 'Du arbetar nu för {organisation}.',

    // Organisations
    'orgs.title': 'Organisationer',
    'orgs.intro':
      'Regionens organisationer: regionen, kommunerna, arbetsgivare, utbildningsanordnare och partner.',
    'orgs.new': 'Lägg till en organisation',
    'orgs.filterLegend': 'Visa',
    'orgs.filterKind': 'Typ av organisation',
    'orgs.filterAll': 'Alla typer',
    'orgs.filterButton': 'Visa',
    'orgs.count': '{count} organisationer',
    'orgs.countOne': '1 organisation',
    'orgs.empty': 'Det finns inga organisationer av den typen ännu.',
    'orgs.caption': 'Organisationer',
    'orgs.col.name': 'Namn',
    'orgs.col.kind': 'Typ',
    'orgs.col.number': 'Organisationsnummer',
    'orgs.col.members': 'Medlemmar',
    'orgs.membersLink': '{count} medlemmar',
    'orgs.membersLinkOne': '1 medlem',
    'orgs.membersLinkLabel': 'Medlemmar i {name}',
    'orgs.newTitle': 'Lägg till en organisation',
    'orgs.editTitle': 'Ändra {name}',
    'orgs.created': 'Organisationen är tillagd.',
    'orgs.saved': 'Ändringarna är sparade.',
    'orgs.back': 'Alla organisationer',
    'orgs.toMembers': 'Medlemmar och inbjudningar',
    'orgs.kindFixed': 'Typ',
    'orgs.municipalityCode': 'Kommunkod',
    'orgs.createButton': 'Lägg till',
    'field.name': 'Namn',
    'field.name.hint': 'Som organisationen själv skriver det, till exempel ”Exempelbolaget AB”.',
    'field.kind': 'Typ av organisation',
    'field.orgNumber': 'Organisationsnummer',
    'field.orgNumber.hint': 'Tio siffror, till exempel 556016-0680.',
    'field.orgNumber.hintPartner': 'Tio siffror, till exempel 556016-0680. Frivilligt för partner.',
    'error.nameRequired': 'Skriv organisationens namn.',
    'error.nameTooLong': 'Namnet får vara högst 200 tecken.',
    'error.kindInvalid': 'Välj vilken typ av organisation det är.',
    'error.orgNumberRequired':
      'Skriv organisationsnumret. Arbetsgivare och utbildningsanordnare behöver ett.',
    'error.orgNumberTaken': 'Organisationsnumret är redan registrerat för {name}.',
    'orgnr.error.format':
      'Organisationsnumret ska vara tio siffror, gärna med bindestreck efter de sex första, till exempel 556016-0680.',
    'orgnr.error.personalNumber':
      'Det här ser ut som ett personnummer. I ett organisationsnummer är den tredje siffran 2 eller högre.',
    'orgnr.error.checkDigit':
      'Organisationsnumret stämmer inte: den sista siffran (kontrollsiffran) passar inte ihop med de andra. Kontrollera att du har skrivit rätt.',

    // Members
    'members.title': 'Medlemmar i {name}',
    'members.intro':
      '{kind}. Medlemmar arbetar i administrationen för organisationen med den roll de har fått.',
    'members.caption': 'Medlemmar',
    'members.col.person': 'Person',
    'members.col.role': 'Roll',
    'members.col.since': 'Medlem sedan',
    'members.col.lastSignIn': 'Senast inloggad',
    'members.col.actions': 'Ändra',
    'members.none': 'Organisationen har inga medlemmar ännu.',
    'members.you': '(du)',
    'members.neverSignedIn': 'Aldrig',
    'members.roleLabel': 'Ny roll för {person}',
    'members.changeRole': 'Byt roll',
    'members.remove': 'Ta bort',
    'members.removeLabel': 'Ta bort {person} från organisationen',
    'members.removeTitle': 'Ta bort {person} från {organisation}?',
    'members.removeText':
      '{person} ({email}) har rollen {role} i {organisation}. Efter borttagningen kommer personen inte längre åt organisationens sidor i administrationen. Kontot finns kvar, och du kan bjuda in personen igen.',
    'members.removeConfirm': 'Ja, ta bort',
    'members.removeCancel': 'Avbryt',
    'members.invite': 'Bjud in en person',
    'members.inviteIntro':
      'Personen får ett e-brev med en länk som gäller i 7 dagar. När länken används blir personen medlem med den roll du väljer.',
    'members.inviteButton': 'Skicka inbjudan',
    'members.invited': 'Inbjudan är skickad.',
    'members.roleChanged': 'Rollen är ändrad.',
    'members.removed': 'Personen är borttagen från organisationen.',
    'members.revoked': 'Inbjudan är återkallad.',
    'members.pending': 'Väntande inbjudningar',
    'members.pendingNone': 'Inga inbjudningar väntar på svar.',
    'members.pendingCaption': 'Väntande inbjudningar',
    'members.col.email': 'E-postadress',
    'members.col.invitedBy': 'Inbjuden av',
    'members.col.expires': 'Gäller till',
    'members.revoke': 'Återkalla',
    'members.revokeLabel': 'Återkalla inbjudan till {email}',
    'members.editOrganisation': 'Ändra organisationens uppgifter',
    'field.email': 'E-postadress',
    'field.email.hint': 'Den adress personen loggar in med.',
    'field.role': 'Roll',
    'error.emailRequired': 'Skriv personens e-postadress.',
    'error.emailInvalid': 'Skriv en e-postadress på formen namn@exempel.se.',
    'error.roleInvalid': 'Välj en av rollerna i listan.',
    'error.alreadyMember': '{email} är redan medlem i {organisation}. Du kan byta personens roll i listan.',
    'error.lastAdmin':
      'Du är den enda som kan hantera medlemmarna i {organisation}. Ge någon annan den rollen först.',
    'error.memberGone': 'Personen är inte längre medlem i organisationen.',
    'error.inviteOrganisationLimit':
      '{organisation} har skickat {max} inbjudningar i dag, vilket är det högsta antalet per dygn. Du kan skicka fler om {wait}.',
    'error.inviteAddressLimit':
      'Adressen har fått {max} inbjudningar i dag, vilket är det högsta antalet per dygn. Försök igen om {wait}.',
    'wait.hours': '{n} timmar',
    'wait.minutes': '{n} minuter',
    'wait.minute': 'en minut',
    'error.invitationGone':
      'Inbjudan kan inte återkallas längre: den är redan använd, återkallad eller för gammal.',

    // People
    'people.title': 'Personer',
    'people.intro': 'Alla med ett konto i regionen: sök på e-postadress eller namn.',
    'people.searchLabel': 'Sök person',
    'people.searchHint': 'En del av e-postadressen eller namnet.',
    'people.searchButton': 'Sök',
    'people.caption': 'Personer',
    'people.col.person': 'Person',
    'people.col.roles': 'Organisationer och roller',
    'people.col.lastSignIn': 'Senast inloggad',
    'people.noRoles': 'Ingen roll (privatperson)',
    'people.none': 'Ingen person matchar sökningen.',
    'people.count': '{count} personer',
    'people.countOne': '1 person',
    'people.more': 'Visar de första {count}. Sök mer exakt för att hitta fler.',
    'people.back': 'Alla personer',
    'people.noName': 'Inget namn angivet',
    'people.facts': 'Uppgifter',
    'people.email': 'E-postadress',
    'people.name': 'Namn',
    'people.language': 'Språk',
    'people.created': 'Konto skapat',
    'people.lastSignIn': 'Senast inloggad',
    'people.memberships': 'Organisationer och roller',
    'people.membershipsNone': 'Personen har ingen roll i någon organisation.',
    'people.sessions': 'Inloggningar',
    'people.sessionsCount': 'Personen är inloggad i {count} webbläsare just nu.',
    'people.sessionsCountOne': 'Personen är inloggad i en webbläsare just nu.',
    'people.sessionsNone': 'Personen är inte inloggad någonstans just nu.',
    'people.sessionLine': '{device}, senast aktiv {date}',
    'people.unknownDevice': 'Okänd webbläsare',
    'people.endAll': 'Logga ut personen överallt',
    'people.endAllHint': 'Alla inloggningar avslutas. Personen kan logga in igen med en ny länk.',
    'people.ended': 'Personen är utloggad överallt.',
    'people.factors': 'Andra steget vid inloggning',
    'people.factorsSummary':
      'Nycklar (passkeys): {passkeys}. Autentiseringsapp: {totp}. Oanvända reservkoder: {codes}.',
    'people.totpOn': 'på',
    'people.totpOff': 'av',
    'people.factorsSelf': 'Dina egna nycklar och koder ändrar du under Mitt konto, Inloggning och säkerhet.',
    'people.factorsResetHint':
      'Bara för den som har tappat bort alla sina nycklar, sin app och sina reservkoder. Kontrollera först att det verkligen är personen som ber om det. Allt tas bort och personen loggas ut; nästa gång får hen ställa in ett nytt andra steg.',
    'people.factorsResetButton': 'Ta bort personens nycklar och koder',
    'people.factorsReset': 'Personens nycklar och koder är borttagna och personen är utloggad.',
    'lang.sv': 'svenska',
    'lang.en': 'engelska',

    // Invitation e-mail
    'mail.subject': '{site}: inbjudan till {organisation}',
    'mail.text':
      'Hej!\n\n{organisation} har bjudit in dig till {site} med rollen {role}.\n\nÖppna länken för att ta emot inbjudan:\n{link}\n\nLänken gäller till och med {date} och kan användas en gång. Har du inget konto än skapas ett när du tar emot inbjudan.\n\n{sentBy}Väntade du dig inte det här brevet kan du bortse från det.\n',
    'mail.sentBy':
      'Inbjudan skickades av en person hos {organisation}. Personen har själv skrivit in sitt namn, och {site} har inte kontrollerat det: "{inviter}"\n\n',

    // Invitation pages
    'invite.title': 'Inbjudan till {organisation}',
    'invite.lead': '{organisation} har bjudit in dig till {site} med rollen {role}.',
    'invite.sentBy':
      'Inbjudan skickades av en person hos {organisation}. Personen har själv skrivit in sitt namn: "{inviter}"',
    'invite.address': 'Inbjudan gäller e-postadressen {email}.',
    'invite.expires': 'Den gäller till och med {date}.',
    'invite.signedInAs':
      'Du är inloggad som {current}. Om du tar emot inbjudan loggas du ut från det kontot och loggas in som {email}.',
    'invite.staffNote':
      'Rollen kräver en andra faktor: efter att du har tagit emot inbjudan lägger du till en nyckel (passkey) eller en app för engångskoder.',
    'invite.accept': 'Ta emot inbjudan',
    'invite.goneTitle': 'Inbjudan går inte att använda',
    'invite.expired': 'Inbjudan har gått ut. Be den som bjöd in dig att skicka en ny.',
    'invite.used': 'Inbjudan är redan använd. Varje inbjudan kan bara användas en gång.',
    'invite.revoked': 'Inbjudan är återkallad av organisationen.',
    'invite.signInHtml': 'Har du redan tagit emot den? <a href="{login}">Logga in</a>.',
    'invite.unknownTitle': 'Vi hittar inte inbjudan',
    'invite.unknown':
      'Länken fungerar inte. Kontrollera att du har fått med hela länken från e-brevet, eller be om en ny inbjudan.',
    'invite.description': 'Ta emot en inbjudan till en organisation.',
    'invite.lastAdminTitle': 'Inbjudan ändrar inte din roll',
    'invite.lastAdmin':
      'Du är den enda som kan hantera medlemmarna i {organisation}, och rollen i inbjudan kan inte det. Ge någon annan den rollen först, eller be om en inbjudan med en roll som kan hantera medlemmar.',
  },
  en: {
    ...adminShell.catalogues.en,
    ...formTexts.catalogues.en,

    'nav.home': 'Overview',
    'nav.organisations': 'Organisations',
    'nav.members': 'Members of my organisation',
    'nav.people': 'People',

    'kind.region': 'Region',
    'kind.municipality': 'Municipality',
    'kind.employer': 'Employer',
    'kind.course_provider': 'Course provider',
    'kind.partner': 'Partner',

    'form.save': 'Save',
    'form.choose': 'Choose …',
    'table.none': '–',

    'home.title': 'Overview',
    'home.greeting': 'Hello {name}!',
    'home.actingAs': 'You are working for {organisation} ({kind}) as {role}.',
    'home.otherOrganisations':
      'You also belong to {count} other organisations. You can switch organisation at the top of the page.',
    'home.otherOrganisation':
      'You also belong to one other organisation. You can switch organisation at the top of the page.',
    'home.canDo': 'What you can do',
    'home.own': 'Your own account',
    'home.ownTextHtml':
      'Your name, language, keys, sign-ins and your data are under <a href="{href}">My account</a>.',
    'home.switched': 'You are now working for {organisation}.',

    'orgs.title': 'Organisations',
    'orgs.intro':
      'The organisations of the region: the region, its municipalities, employers, course providers and partners.',
    'orgs.new': 'Add an organisation',
    'orgs.filterLegend': 'Show',
    'orgs.filterKind': 'Kind of organisation',
    'orgs.filterAll': 'All kinds',
    'orgs.filterButton': 'Show',
    'orgs.count': '{count} organisations',
    'orgs.countOne': '1 organisation',
    'orgs.empty': 'There are no organisations of that kind yet.',
    'orgs.caption': 'Organisations',
    'orgs.col.name': 'Name',
    'orgs.col.kind': 'Kind',
    'orgs.col.number': 'Organisation number',
    'orgs.col.members': 'Members',
    'orgs.membersLink': '{count} members',
    'orgs.membersLinkOne': '1 member',
    'orgs.membersLinkLabel': 'Members of {name}',
    'orgs.newTitle': 'Add an organisation',
    'orgs.editTitle': 'Edit {name}',
    'orgs.created': 'The organisation has been added.',
    'orgs.saved': 'Your changes have been saved.',
    'orgs.back': 'All organisations',
    'orgs.toMembers': 'Members and invitations',
    'orgs.kindFixed': 'Kind',
    'orgs.municipalityCode': 'Municipality code',
    'orgs.createButton': 'Add',
    'field.name': 'Name',
    'field.name.hint': 'As the organisation writes it, for example “Exempelbolaget AB”.',
    'field.kind': 'Kind of organisation',
    'field.orgNumber': 'Organisation number (organisationsnummer)',
    'field.orgNumber.hint': 'Ten digits, for example 556016-0680.',
    'field.orgNumber.hintPartner': 'Ten digits, for example 556016-0680. Optional for partners.',
    'error.nameRequired': 'Enter the name of the organisation.',
    'error.nameTooLong': 'The name can be at most 200 characters.',
    'error.kindInvalid': 'Choose what kind of organisation it is.',
    'error.orgNumberRequired': 'Enter the organisation number. Employers and course providers need one.',
    'error.orgNumberTaken': 'This organisation number is already registered for {name}.',
    'orgnr.error.format':
      'The organisation number must be ten digits, optionally with a hyphen after the first six, for example 556016-0680.',
    'orgnr.error.personalNumber':
      'This looks like a personal identity number. In an organisation number the third digit is 2 or higher.',
    'orgnr.error.checkDigit':
      'The organisation number is not right: the last digit (the check digit) does not match the others. Check that you typed it correctly.',

    'members.title': 'Members of {name}',
    'members.intro':
      '{kind}. Members work in the back-office for the organisation with the role they were given.',
    'members.caption': 'Members',
    'members.col.person': 'Person',
    'members.col.role': 'Role',
    'members.col.since': 'Member since',
    'members.col.lastSignIn': 'Last signed in',
    'members.col.actions': 'Change',
    'members.none': 'The organisation has no members yet.',
    'members.you': '(you)',
    'members.neverSignedIn': 'Never',
    'members.roleLabel': 'New role for {person}',
    'members.changeRole': 'Change role',
    'members.remove': 'Remove',
    'members.removeLabel': 'Remove {person} from the organisation',
    'members.removeTitle': 'Remove {person} from {organisation}?',
    'members.removeText':
      '{person} ({email}) has the role {role} in {organisation}. Once removed, they can no longer reach the organisation’s pages in the back-office. Their account stays, and you can invite them again.',
    'members.removeConfirm': 'Yes, remove',
    'members.removeCancel': 'Cancel',
    'members.invite': 'Invite someone',
    'members.inviteIntro':
      'They get an e-mail with a link that works for 7 days. When they use it, they become a member with the role you choose.',
    'members.inviteButton': 'Send invitation',
    'members.invited': 'The invitation has been sent.',
    'members.roleChanged': 'The role has been changed.',
    'members.removed': 'The person has been removed from the organisation.',
    'members.revoked': 'The invitation has been revoked.',
    'members.pending': 'Pending invitations',
    'members.pendingNone': 'No invitations are waiting for an answer.',
    'members.pendingCaption': 'Pending invitations',
    'members.col.email': 'E-mail address',
    'members.col.invitedBy': 'Invited by',
    'members.col.expires': 'Valid until',
    'members.revoke': 'Revoke',
    'members.revokeLabel': 'Revoke the invitation to {email}',
    'members.editOrganisation': 'Edit the organisation’s details',
    'field.email': 'E-mail address',
    'field.email.hint': 'The address they sign in with.',
    'field.role': 'Role',
    'error.emailRequired': 'Enter their e-mail address.',
    'error.emailInvalid': 'Enter an e-mail address like name@example.com.',
    'error.roleInvalid': 'Choose one of the roles in the list.',
    'error.alreadyMember':
      '{email} is already a member of {organisation}. You can change their role in the list.',
    'error.lastAdmin':
      'You are the only one who can manage the members of {organisation}. Give someone else that role first.',
    'error.memberGone': 'That person is no longer a member of the organisation.',
    'error.inviteOrganisationLimit':
      '{organisation} has sent {max} invitations today, the most allowed in a day. You can send more in {wait}.',
    'error.inviteAddressLimit':
      'This address has been sent {max} invitations today, the most allowed in a day. Try again in {wait}.',
    'wait.hours': '{n} hours',
    'wait.minutes': '{n} minutes',
    'wait.minute': 'a minute',
    'error.invitationGone':
      'The invitation can no longer be revoked: it has been used, revoked or has expired.',

    'people.title': 'People',
    'people.intro': 'Everyone with an account in the region: search by e-mail address or name.',
    'people.searchLabel': 'Search for a person',
    'people.searchHint': 'Part of the e-mail address or the name.',
    'people.searchButton': 'Search',
    'people.caption': 'People',
    'people.col.person': 'Person',
    'people.col.roles': 'Organisations and roles',
    'people.col.lastSignIn': 'Last signed in',
    'people.noRoles': 'No role (private person)',
    'people.none': 'Nobody matches the search.',
    'people.count': '{count} people',
    'people.countOne': '1 person',
    'people.more': 'Showing the first {count}. Search more precisely to find others.',
    'people.back': 'All people',
    'people.noName': 'No name given',
    'people.facts': 'Details',
    'people.email': 'E-mail address',
    'people.name': 'Name',
    'people.language': 'Language',
    'people.created': 'Account created',
    'people.lastSignIn': 'Last signed in',
    'people.memberships': 'Organisations and roles',
    'people.membershipsNone': 'This person has no role in any organisation.',
    'people.sessions': 'Sign-ins',
    'people.sessionsCount': 'This person is signed in in {count} browsers right now.',
    'people.sessionsCountOne': 'This person is signed in in one browser right now.',
    'people.sessionsNone': 'This person is not signed in anywhere right now.',
    'people.sessionLine': '{device}, last active {date}',
    'people.unknownDevice': 'Unknown browser',
    'people.endAll': 'Sign this person out everywhere',
    'people.endAllHint': 'All their sign-ins end. They can sign in again with a new link.',
    'people.ended': 'The person has been signed out everywhere.',
    'people.factors': 'Second step at sign-in',
    'people.factorsSummary':
      'Passkeys: {passkeys}. Authenticator app: {totp}. Unused recovery codes: {codes}.',
    'people.totpOn': 'on',
    'people.totpOff': 'off',
    'people.factorsSelf': 'You change your own passkeys and codes under My account, Sign-in and security.',
    'people.factorsResetHint':
      'Only for someone who has lost all their passkeys, their app and their recovery codes. First make sure it really is the person asking. Everything is removed and they are signed out; next time they set up a new second step.',
    'people.factorsResetButton': 'Remove this person’s passkeys and codes',
    'people.factorsReset': 'The person’s passkeys and codes are removed and they are signed out.',
    'lang.sv': 'Swedish',
    'lang.en': 'English',

    'mail.subject': '{site}: invitation to {organisation}',
    'mail.text':
      'Hello,\n\n{organisation} has invited you to {site} with the role {role}.\n\nOpen this link to accept the invitation:\n{link}\n\nThe link works until {date} and can be used once. If you do not have an account yet, one is created when you accept.\n\n{sentBy}If you did not expect this e-mail, you can ignore it.\n',
    'mail.sentBy':
      'The invitation was sent by a person at {organisation}. They wrote their name themselves; {site} has not checked it: "{inviter}"\n\n',

    'invite.title': 'Invitation to {organisation}',
    'invite.lead': '{organisation} has invited you to {site} with the role {role}.',
    'invite.sentBy':
      'The invitation was sent by a person at {organisation}. They wrote their name themselves: "{inviter}"',
    'invite.address': 'The invitation is for the e-mail address {email}.',
    'invite.expires': 'It is valid until {date}.',
    'invite.signedInAs':
      'You are signed in as {current}. If you accept the invitation, you will be signed out of that account and signed in as {email}.',
    'invite.staffNote':
      'This role needs a second factor: after accepting, you will add a passkey or an authenticator app.',
    'invite.accept': 'Accept the invitation',
    'invite.goneTitle': 'This invitation cannot be used',
    'invite.expired': 'The invitation has expired. Ask the person who invited you to send a new one.',
    'invite.used': 'The invitation has already been used. Each invitation can be used only once.',
    'invite.revoked': 'The organisation has revoked the invitation.',
    'invite.signInHtml': 'Already accepted it? <a href="{login}">Sign in</a>.',
    'invite.unknownTitle': 'We cannot find this invitation',
    'invite.unknown':
      'The link does not work. Check that you copied the whole link from the e-mail, or ask for a new invitation.',
    'invite.description': 'Accept an invitation to an organisation.',
    'invite.lastAdminTitle': 'The invitation does not change your role',
    'invite.lastAdmin':
      'You are the only one who can manage the members of {organisation}, and the role in the invitation cannot. Give someone else that role first, or ask for an invitation with a role that can manage members.',
  },
});

export type AdminMessageKey = keyof (typeof messages.catalogues)['sv'];
