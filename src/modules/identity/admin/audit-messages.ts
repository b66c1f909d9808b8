/**
 * Texts of the audit trail viewer and the API token pages (sv + en), the words for roles and token
 * scopes (`roleLabel`, `scopeLabel`, shared with other parts), and the words the audit sentences use
 * for actors and subjects. The sentence templates themselves are in `audit-sentences.ts`.
 */
import { messages as adminMessages } from './messages.ts';
import { defineMessages, type Lang } from '../../../platform/i18n/index.ts';
import { formTexts } from '../../../platform/html/form-messages.ts';
import { isRole, type Permission, type Role } from '../../../platform/permissions.ts';

export const auditMessages = defineMessages({
  sv: {
    // Roles, as words (also used inside sentences: "… som {role}").
    'role.talent': 'talang',
    'role.unknown': 'okänd roll',

    // What an API token may do.
    'scope.OrgRead': 'Läsa organisationens uppgifter och medlemmar',
    'scope.AuditRead': 'Läsa organisationens händelselogg',

    // Actors and subjects inside sentences.
    'actor.cli': 'någon via kommandoraden',
    'actor.system': 'systemet',
    'actor.token': 'API-nyckeln ”{name}”',
    'actor.deleted': 'ett raderat konto',
    'actor.unknown': 'någon',
    'subject.deletedAccount': 'ett raderat konto',
    'subject.deletedOrganisation': 'en borttagen organisation',
    'subject.passkey': 'en nyckel',
    'subject.session': 'en session',
    'subject.invitation': 'en inbjudan',
    'subject.apiToken': 'en API-nyckel',
    'subject.unnamed': '(utan namn)',
    'fact.unknown': '(okänt)',
    'method.link': ' med en länk i e-post',
    'method.code': ' med en kod från e-post',
    'method.passkey': ' med en nyckel',
    'method.totp': ' med en kod från en autentiseringsapp',
    'method.recovery_code': ' med en reservkod',

    // The audit trail page.
    'nav.audit': 'Händelselogg',
    'audit.title': 'Händelselogg',
    'audit.titleWithErrors': 'Fel: {title}',
    'audit.description': 'Vem gjorde vad och när, nyaste först.',
    'audit.intro': 'Vem gjorde vad och när, nyaste först. Tiderna är svensk tid.',
    'audit.introOrganisation': 'Här ser du händelser som rör {organisation}. Tiderna är svensk tid.',
    'audit.filters': 'Filtrera händelser',
    'audit.filter.organisation': 'Organisation',
    'audit.filter.allOrganisations': 'Alla organisationer',
    'audit.filter.person': 'Person (e-postadress)',
    'audit.filter.personHint': 'Händelser där personen gjorde något eller berördes.',
    'audit.filter.action': 'Typ av händelse',
    'audit.filter.allActions': 'Alla typer',
    'audit.filter.from': 'Från och med',
    'audit.filter.to': 'Till och med',
    'audit.filter.submit': 'Visa händelser',
    'audit.filter.reset': 'Visa alla',
    'audit.errorSummaryTitle': 'Filtret kunde inte användas',
    // The form kit's words, so the error repeats the hint above the field.
    'audit.error.date': formTexts.catalogues.sv['form.dateInvalid'],
    'audit.error.range': 'Slutdatumet ligger före startdatumet.',
    'audit.error.email': 'Skriv en e-postadress, till exempel namn@exempel.se.',
    'audit.error.action': 'Välj en typ av händelse i listan.',
    'audit.listTitle': 'Händelser',
    'audit.empty': 'Inga händelser matchar filtret.',
    'audit.emptyAll': 'Inga händelser ännu.',
    'audit.at': '{date} kl. {time}',
    'audit.older': 'Äldre händelser',
    'audit.newest': 'Till de senaste händelserna',
    'audit.actionGroups': 'Grupper av händelser',
    'audit.actionKinds': 'Enskilda händelser',
    'audit.group.account': 'Konton',
    'audit.group.session': 'Inloggning och sessioner',
    'audit.group.passkey': 'Nycklar',
    'audit.group.totp': 'Autentiseringsapp',
    'audit.group.recovery': 'Reservkoder',
    'audit.group.org': 'Organisationer, alla händelser',
    'audit.group.orgMember': 'Medlemmar',
    'audit.group.orgInvitation': 'Inbjudningar',
    'audit.group.apiToken': 'API-nycklar',
    'audit.group.admin': 'Administratörer',

    // The API token page.
    'nav.tokens': 'API-nycklar',
    'tokens.title': 'API-nycklar',
    'tokens.titleWithErrors': 'Fel: {title}',
    'tokens.description': 'Nycklar som låter organisationens egna system använda Lotsas JSON-API.',
    'tokens.intro':
      'Med en API-nyckel kan egna system hos {organisation} läsa från Lotsas JSON-API. En nyckel får bara göra det du kryssar i, och aldrig mer än din egen roll får.',
    'tokens.docsHtml': 'Hur API:et fungerar står i <a href="/api/docs">API-dokumentationen</a>.',
    'tokens.listTitle': 'Organisationens nycklar',
    'tokens.empty': 'Organisationen har inga API-nycklar än.',
    'tokens.col.name': 'Namn',
    'tokens.col.prefix': 'Nyckeln börjar med',
    'tokens.col.scopes': 'Får',
    'tokens.col.created': 'Skapad',
    'tokens.col.lastUsed': 'Senast använd',
    'tokens.col.status': 'Status',
    'tokens.createdBy': '{date} av {name}',
    'tokens.never': 'Aldrig',
    'tokens.active': 'Gäller',
    'tokens.revokedAt': 'Spärrad {date}',
    'tokens.revoke': 'Spärra',
    'tokens.revokeLabel': 'Spärra nyckeln {name}',
    'tokens.revoked': 'Nyckeln ”{name}” är spärrad. Program som använder den får inte längre svar.',
    'tokens.createTitle': 'Skapa en ny nyckel',
    'tokens.name': 'Namn',
    'tokens.nameHint':
      'Så att ni känner igen nyckeln, till exempel namnet på systemet som ska använda den. Högst {max} tecken.',
    'tokens.scopes': 'Vad ska nyckeln få göra?',
    'tokens.scopesHint': 'Välj bara det systemet behöver.',
    'tokens.submit': 'Skapa nyckel',
    'tokens.errorSummaryTitle': 'Det finns fel i formuläret',
    'tokens.error.nameRequired': 'Skriv ett namn på nyckeln.',
    'tokens.error.nameTooLong': 'Namnet får vara högst {max} tecken.',
    'tokens.error.scopesRequired': 'Välj minst en sak som nyckeln ska få göra.',
    'tokens.error.scopeNotAllowed': 'Du kan bara ge nyckeln behörigheter som din egen roll har.',
    'tokens.newTitle': 'Din nya nyckel ”{name}”',
    'tokens.newWarning':
      'Kopiera nyckeln nu och spara den på ett säkert ställe. Den visas bara den här gången: Lotsa sparar inte själva nyckeln, bara ett fingeravtryck av den. Tappar ni bort den får ni spärra den och skapa en ny.',
    'tokens.newLabel': 'API-nyckel',
    'tokens.newUsageHtml':
      'Programmet skickar nyckeln i rubriken <code>Authorization: Bearer</code> följt av nyckeln.',
  },
  en: {
    'role.talent': 'talent',
    'role.unknown': 'unknown role',

    'scope.OrgRead': 'Read the organisation and its members',
    'scope.AuditRead': 'Read the organisation’s audit trail',

    'actor.cli': 'someone at the command line',
    'actor.system': 'the system',
    'actor.token': 'the API token “{name}”',
    'actor.deleted': 'a deleted account',
    'actor.unknown': 'someone',
    'subject.deletedAccount': 'a deleted account',
    'subject.deletedOrganisation': 'a deleted organisation',
    'subject.passkey': 'a passkey',
    'subject.session': 'a session',
    'subject.invitation': 'an invitation',
    'subject.apiToken': 'an API token',
    'subject.unnamed': '(no name)',
    'fact.unknown': '(unknown)',
    'method.link': ' with an e-mailed link',
    'method.code': ' with an e-mailed code',
    'method.passkey': ' with a passkey',
    'method.totp': ' with an authenticator app code',
    'method.recovery_code': ' with a recovery code',

    'nav.audit': 'Audit trail',
    'audit.title': 'Audit trail',
    'audit.titleWithErrors': 'Error: {title}',
    'audit.description': 'Who did what, and when, newest first.',
    'audit.intro': 'Who did what, and when, newest first. Times are Swedish time.',
    'audit.introOrganisation': 'Events concerning {organisation}. Times are Swedish time.',
    'audit.filters': 'Filter events',
    'audit.filter.organisation': 'Organisation',
    'audit.filter.allOrganisations': 'All organisations',
    'audit.filter.person': 'Person (e-mail address)',
    'audit.filter.personHint': 'Events where the person acted or was acted on.',
    'audit.filter.action': 'Kind of event',
    'audit.filter.allActions': 'All kinds',
    'audit.filter.from': 'From',
    'audit.filter.to': 'To',
    'audit.filter.submit': 'Show events',
    'audit.filter.reset': 'Show all',
    'audit.errorSummaryTitle': 'The filter could not be used',
    'audit.error.date': formTexts.catalogues.en['form.dateInvalid'],
    'audit.error.range': 'The end date is before the start date.',
    'audit.error.email': 'Enter an e-mail address, for example name@example.org.',
    'audit.error.action': 'Choose a kind of event from the list.',
    'audit.listTitle': 'Events',
    'audit.empty': 'No events match the filter.',
    'audit.emptyAll': 'No events yet.',
    'audit.at': '{date} at {time}',
    'audit.older': 'Older events',
    'audit.newest': 'Back to the latest events',
    'audit.actionGroups': 'Groups of events',
    'audit.actionKinds': 'Single kinds of event',
    'audit.group.account': 'Accounts',
    'audit.group.session': 'Sign-in and sessions',
    'audit.group.passkey': 'Passkeys',
    'audit.group.totp': 'Authenticator app',
    'audit.group.recovery': 'Recovery codes',
    'audit.group.org': 'Organisations, all events',
    'audit.group.orgMember': 'Members',
    'audit.group.orgInvitation': 'Invitations',
    'audit.group.apiToken': 'API tokens',
    'audit.group.admin': 'Administrators',

    'nav.tokens': 'API tokens',
    'tokens.title': 'API tokens',
    'tokens.titleWithErrors': 'Error: {title}',
    'tokens.description': 'Tokens that let the organisation’s own systems use Lotsa’s JSON API.',
    'tokens.intro':
      'With an API token, the systems of {organisation} can read from Lotsa’s JSON API. A token can only do what you tick, and never more than your own role may.',
    'tokens.docsHtml': 'How the API works is described in the <a href="/api/docs">API documentation</a>.',
    'tokens.listTitle': 'The organisation’s tokens',
    'tokens.empty': 'The organisation has no API tokens yet.',
    'tokens.col.name': 'Name',
    'tokens.col.prefix': 'Token starts with',
    'tokens.col.scopes': 'May',
    'tokens.col.created': 'Created',
    'tokens.col.lastUsed': 'Last used',
    'tokens.col.status': 'Status',
    'tokens.createdBy': '{date} by {name}',
    'tokens.never': 'Never',
    'tokens.active': 'Active',
    'tokens.revokedAt': 'Revoked {date}',
    'tokens.revoke': 'Revoke',
    'tokens.revokeLabel': 'Revoke the token {name}',
    'tokens.revoked': 'The token “{name}” is revoked. Programs using it no longer get answers.',
    'tokens.createTitle': 'Create a new token',
    'tokens.name': 'Name',
    'tokens.nameHint':
      'So that you recognise the token, for example the name of the system that will use it. At most {max} characters.',
    'tokens.scopes': 'What may the token do?',
    'tokens.scopesHint': 'Choose only what the system needs.',
    'tokens.submit': 'Create token',
    'tokens.errorSummaryTitle': 'There is a problem with the form',
    'tokens.error.nameRequired': 'Enter a name for the token.',
    'tokens.error.nameTooLong': 'The name can be at most {max} characters.',
    'tokens.error.scopesRequired': 'Choose at least one thing the token may do.',
    'tokens.error.scopeNotAllowed': 'You can only give the token permissions your own role has.',
    'tokens.newTitle': 'Your new token “{name}”',
    'tokens.newWarning':
      'Copy the token now and keep it somewhere safe. It is shown only this once: Lotsa does not keep the token itself, only a fingerprint of it. If you lose it, revoke it and create a new one.',
    'tokens.newLabel': 'API token',
    'tokens.newUsageHtml': 'The program sends the token in the <code>Authorization: Bearer</code> header.',
  },
});

export type AuditMessageKey = keyof typeof auditMessages.catalogues.sv;

/** A role in words, lower-case, for use inside sentences and tables ("employer member"). */
export function roleLabel(lang: Lang, role: Role | 'talent' | string | null | undefined): string {
  if (isRole(role)) return adminMessages.t(lang, `role.${role}`);
  return auditMessages.t(
    lang,
    role === null || role === undefined || role === 'talent' ? 'role.talent' : 'role.unknown',
  );
}

/** What an API token scope lets it do, in words. */
export function scopeLabel(lang: Lang, scope: Permission | string): string {
  const key = `scope.${scope}`;
  return key in auditMessages.catalogues[lang] ? auditMessages.t(lang, key as AuditMessageKey) : scope;
}
