/**
 * Audit events as sentences people read: "Alva Admin invited kim@example.org to Exempelbolaget AB as
 * employer member". Each known action has Swedish and English templates; the first variant whose
 * `when` holds is used. Placeholders:
 *
 *   {actor}         who acted: a person's name (or e-mail), "a deleted account", "the API token …",
 *                   "someone at the command line", "the system"
 *   {subject}       what was acted on: a person, an organisation, an invitation's e-mail address, …
 *   {organisation}  the event's organisation by name
 *   {role}          data.role (or data.to) in words; {previous_role}: data.previous_role (or data.from)
 *   {name}          data.name (a passkey's or API token's name)
 *   {how}           data.method as a phrase with a leading space (" with a passkey"), or nothing
 *   {count}, {left} data.count, data.left
 *   {action}        the dotted action itself (for the fallback)
 *
 *   {anything}      any other name is the event's own fact `data.anything` ("(unknown)" when absent),
 *                   so a module tells its events with its own facts (`{title}`, `{seats}`)
 *
 * Events that other modules write carry these keys in `data` where they apply; an
 * unknown action falls back to "{actor} did {action} on {subject}". Identity's own kinds of event are
 * `identityAuditSentences` (declared in its module); other modules declare theirs in their own
 * module, and the sentences are read from the app's `AuditCatalogue`.
 */
import type {
  AuditCatalogue,
  AuditFacts,
  AuditSentences,
  AuditVariant,
} from '../../../platform/audit-sentences.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { auditMessages, roleLabel, type AuditMessageKey } from './audit-messages.ts';

/** One event as stored (the columns the sentences need). */
export interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  data: Record<string, unknown>;
}

/** Names looked up for a page of events (accounts by id, organisations, invitations, tokens). */
export interface AuditNames {
  accounts: Map<string, { displayName: string; email: string }>;
  organisations: Map<string, string>;
  invitations: Map<string, string>;
  tokens: Map<string, string>;
}

export function emptyNames(): AuditNames {
  return { accounts: new Map(), organisations: new Map(), invitations: new Map(), tokens: new Map() };
}

type Facts = AuditFacts;
type Variant = AuditVariant;

const has = (key: string) => (f: Facts) => f.data[key] !== undefined && f.data[key] !== null;
const self = (f: Facts) => f.self;

/** Every action identity writes, with its sentences. */
const SENTENCES = {
  'account.created': [
    { when: self, sv: '{actor} skapade sitt konto', en: '{actor} created their account' },
    { sv: '{actor} skapade kontot för {subject}', en: '{actor} created an account for {subject}' },
  ],
  'account.deleted': [
    { when: self, sv: '{actor} raderade sitt konto', en: '{actor} deleted their account' },
    { sv: '{actor} raderade kontot för {subject}', en: '{actor} deleted the account of {subject}' },
  ],
  'account.updated': [
    { when: self, sv: '{actor} ändrade sina kontouppgifter', en: '{actor} updated their account details' },
    {
      sv: '{actor} ändrade kontouppgifterna för {subject}',
      en: '{actor} updated the account details of {subject}',
    },
  ],
  'account.exported': [
    { when: self, sv: '{actor} laddade ner sina uppgifter', en: '{actor} downloaded their data' },
    { sv: '{actor} laddade ner uppgifterna om {subject}', en: '{actor} downloaded the data of {subject}' },
  ],
  'account.sessions_ended': [
    { when: self, sv: '{actor} loggade ut sig överallt', en: '{actor} signed out everywhere' },
    { sv: '{actor} avslutade alla sessioner för {subject}', en: '{actor} ended all sessions of {subject}' },
  ],
  'account.second_factors_reset': [
    {
      sv: '{actor} tog bort nycklar och koder för {subject}, som får ställa in ett nytt andra steg',
      en: '{actor} removed the passkeys and codes of {subject}, who will set up a new second step',
    },
  ],
  'session.started': [{ sv: '{actor} loggade in{how}', en: '{actor} signed in{how}' }],
  'session.ended': [
    { when: self, sv: '{actor} loggade ut', en: '{actor} signed out' },
    { sv: '{actor} avslutade en session för {subject}', en: '{actor} ended a session of {subject}' },
  ],
  'session.ended_everywhere': [
    { when: self, sv: '{actor} loggade ut sig överallt', en: '{actor} signed out everywhere' },
    { sv: '{actor} loggade ut {subject} överallt', en: '{actor} signed {subject} out everywhere' },
  ],
  'session.second_factor_verified': [
    { sv: '{actor} bekräftade sin identitet{how}', en: '{actor} confirmed their identity{how}' },
  ],
  'session.organisation_switched': [
    {
      sv: '{actor} bytte till att arbeta för {organisation}',
      en: '{actor} switched to working for {organisation}',
    },
  ],
  'passkey.added': [{ sv: '{actor} lade till nyckeln ”{name}”', en: '{actor} added the passkey “{name}”' }],
  'passkey.renamed': [
    { sv: '{actor} döpte om en nyckel till ”{name}”', en: '{actor} renamed a passkey to “{name}”' },
  ],
  'passkey.removed': [
    { sv: '{actor} tog bort nyckeln ”{name}”', en: '{actor} removed the passkey “{name}”' },
  ],
  'totp.enabled': [
    {
      sv: '{actor} slog på koder från en autentiseringsapp',
      en: '{actor} turned on authenticator app codes',
    },
  ],
  'totp.disabled': [
    {
      sv: '{actor} stängde av koder från autentiseringsappen',
      en: '{actor} turned off authenticator app codes',
    },
  ],
  'recovery_codes.generated': [
    {
      when: has('count'),
      sv: '{actor} skapade {count} nya reservkoder',
      en: '{actor} created {count} new recovery codes',
    },
    { sv: '{actor} skapade nya reservkoder', en: '{actor} created new recovery codes' },
  ],
  'recovery_code.used': [
    {
      when: has('left'),
      sv: '{actor} använde en reservkod ({left} kvar)',
      en: '{actor} used a recovery code ({left} left)',
    },
    { sv: '{actor} använde en reservkod', en: '{actor} used a recovery code' },
  ],
  'org.created': [
    {
      sv: '{actor} skapade organisationen {organisation}',
      en: '{actor} created the organisation {organisation}',
    },
  ],
  'org.updated': [
    {
      sv: '{actor} ändrade uppgifterna om {organisation}',
      en: '{actor} updated the details of {organisation}',
    },
  ],
  'org.member.invited': [
    {
      sv: '{actor} bjöd in {subject} till {organisation} som {role}',
      en: '{actor} invited {subject} to {organisation} as {role}',
    },
  ],
  'org.member.joined': [
    { sv: '{actor} gick med i {organisation} som {role}', en: '{actor} joined {organisation} as {role}' },
  ],
  'org.member.role_changed': [
    {
      when: (f) => has('previous_role')(f) || has('from')(f),
      sv: '{actor} ändrade rollen för {subject} i {organisation} från {previous_role} till {role}',
      en: '{actor} changed the role of {subject} in {organisation} from {previous_role} to {role}',
    },
    {
      sv: '{actor} gav {subject} rollen {role} i {organisation}',
      en: '{actor} gave {subject} the role {role} in {organisation}',
    },
  ],
  'org.member.removed': [
    { when: self, sv: '{actor} lämnade {organisation}', en: '{actor} left {organisation}' },
    {
      sv: '{actor} tog bort {subject} från {organisation}',
      en: '{actor} removed {subject} from {organisation}',
    },
  ],
  'org.invitation.revoked': [
    {
      sv: '{actor} drog tillbaka inbjudan till {subject} att gå med i {organisation}',
      en: '{actor} withdrew the invitation of {subject} to {organisation}',
    },
  ],
  'api_token.created': [
    {
      sv: '{actor} skapade API-nyckeln ”{name}” för {organisation}',
      en: '{actor} created the API token “{name}” for {organisation}',
    },
  ],
  'api_token.revoked': [
    {
      sv: '{actor} spärrade API-nyckeln ”{name}” för {organisation}',
      en: '{actor} revoked the API token “{name}” for {organisation}',
    },
  ],
  'admin.created': [
    {
      sv: '{actor} gjorde {subject} till administratör för {organisation}',
      en: '{actor} made {subject} an administrator of {organisation}',
    },
  ],
} satisfies Record<string, readonly Variant[]>;

/** Each action's name in words, for the audit filter. */
const LABELS: Record<keyof typeof SENTENCES, Record<Lang, string>> = {
  'account.created': { sv: 'Konto skapat', en: 'Account created' },
  'account.deleted': { sv: 'Konto raderat', en: 'Account deleted' },
  'account.updated': { sv: 'Kontouppgifter ändrade', en: 'Account details updated' },
  'account.exported': { sv: 'Uppgifter nedladdade', en: 'Data downloaded' },
  'account.sessions_ended': { sv: 'Alla sessioner avslutade', en: 'All sessions ended' },
  'account.second_factors_reset': { sv: 'Andra steget återställt', en: 'Second step reset' },
  'session.started': { sv: 'Inloggning', en: 'Signed in' },
  'session.ended': { sv: 'Utloggning eller avslutad session', en: 'Signed out or session ended' },
  'session.ended_everywhere': { sv: 'Utloggning överallt', en: 'Signed out everywhere' },
  'session.second_factor_verified': { sv: 'Identitet bekräftad', en: 'Identity confirmed' },
  'session.organisation_switched': { sv: 'Byte av organisation', en: 'Organisation switched' },
  'passkey.added': { sv: 'Nyckel tillagd', en: 'Passkey added' },
  'passkey.renamed': { sv: 'Nyckel omdöpt', en: 'Passkey renamed' },
  'passkey.removed': { sv: 'Nyckel borttagen', en: 'Passkey removed' },
  'totp.enabled': { sv: 'Autentiseringsapp påslagen', en: 'Authenticator app turned on' },
  'totp.disabled': { sv: 'Autentiseringsapp avstängd', en: 'Authenticator app turned off' },
  'recovery_codes.generated': { sv: 'Reservkoder skapade', en: 'Recovery codes created' },
  'recovery_code.used': { sv: 'Reservkod använd', en: 'Recovery code used' },
  'org.created': { sv: 'Organisation skapad', en: 'Organisation created' },
  'org.updated': { sv: 'Organisationsuppgifter ändrade', en: 'Organisation details updated' },
  'org.member.invited': { sv: 'Medlem inbjuden', en: 'Member invited' },
  'org.member.joined': { sv: 'Medlem tillkommen', en: 'Member joined' },
  'org.member.role_changed': { sv: 'Roll ändrad', en: 'Role changed' },
  'org.member.removed': { sv: 'Medlem borttagen', en: 'Member removed' },
  'org.invitation.revoked': { sv: 'Inbjudan tillbakadragen', en: 'Invitation withdrawn' },
  'api_token.created': { sv: 'API-nyckel skapad', en: 'API token created' },
  'api_token.revoked': { sv: 'API-nyckel spärrad', en: 'API token revoked' },
  'admin.created': { sv: 'Administratör utsedd', en: 'Administrator appointed' },
};

/** Identity's kinds of event with their labels and sentences (declared in identity's module). */
export const identityAuditSentences: AuditSentences = Object.fromEntries(
  Object.entries(SENTENCES).map(([action, sentences]) => [
    action,
    { label: LABELS[action as keyof typeof SENTENCES], sentences },
  ]),
);

const FALLBACK: Variant = {
  sv: '{actor} utförde {action} på {subject}',
  en: '{actor} did {action} on {subject}',
};

const m = (lang: Lang, key: AuditMessageKey, params?: Record<string, string>) =>
  auditMessages.t(lang, key, params);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

function accountName(account: { displayName: string; email: string }): string {
  return account.displayName.trim() || account.email;
}

/** Who acted, in words. */
export function actorWords(lang: Lang, row: AuditRow, names: AuditNames): string {
  return actor(lang, row, names).words;
}

/**
 * Who acted, and whether the words are someone's own text (a name or an e-mail address, kept as
 * written) rather than one of our phrases ("the system", which may take a capital letter).
 */
function actor(lang: Lang, row: AuditRow, names: AuditNames): { words: string; verbatim: boolean } {
  if (row.actor_id) {
    const account = names.accounts.get(row.actor_id);
    return account
      ? { words: accountName(account), verbatim: true }
      : { words: m(lang, 'actor.deleted'), verbatim: false };
  }
  const label = row.actor_label;
  const phrase = (words: string) => ({ words, verbatim: false });
  if (label === 'cli') return phrase(m(lang, 'actor.cli'));
  if (label === 'system') return phrase(m(lang, 'actor.system'));
  if (label.startsWith('token:')) return phrase(m(lang, 'actor.token', { name: label.slice(6) }));
  return label ? { words: label, verbatim: true } : phrase(m(lang, 'actor.unknown'));
}

/** What was acted on, in words. */
export function subjectWords(lang: Lang, row: AuditRow, names: AuditNames): string {
  const email = text(row.data.email);
  const name = text(row.data.name);
  switch (row.subject_type) {
    case 'account': {
      const account = names.accounts.get(row.subject_id);
      return account ? accountName(account) : (email ?? m(lang, 'subject.deletedAccount'));
    }
    case 'organisation':
      return names.organisations.get(row.subject_id) ?? name ?? m(lang, 'subject.deletedOrganisation');
    case 'invitation':
      return email ?? names.invitations.get(row.subject_id) ?? m(lang, 'subject.invitation');
    case 'passkey':
      return m(lang, 'subject.passkey');
    case 'session':
      return m(lang, 'subject.session');
    case 'api_token':
      return name ?? names.tokens.get(row.subject_id) ?? m(lang, 'subject.apiToken');
    default: {
      const accountId = text(row.data.account_id);
      const account = accountId ? names.accounts.get(accountId) : undefined;
      if (account) return accountName(account);
      return email ?? `${row.subject_type} ${row.subject_id}`;
    }
  }
}

function organisationWords(lang: Lang, row: AuditRow, names: AuditNames): string {
  const id = row.organisation_id ?? (row.subject_type === 'organisation' ? row.subject_id : null);
  const known = id ? names.organisations.get(id) : undefined;
  return known ?? text(row.data.organisation_name) ?? m(lang, 'subject.deletedOrganisation');
}

function methodWords(lang: Lang, method: unknown): string {
  const key = `method.${String(method)}`;
  return key in auditMessages.catalogues[lang] ? m(lang, key as AuditMessageKey) : '';
}

/**
 * The sentence for one event, from the catalogue's sentences for its action. It starts with a
 * capital letter unless it starts with someone's own text: a name or an e-mail address is kept as
 * written (`kim@example.org signed in`, not `Kim@example.org`).
 */
export function auditSentence(
  lang: Lang,
  row: AuditRow,
  names: AuditNames,
  catalogue: AuditCatalogue,
): string {
  const data = row.data;
  const isSelf =
    row.actor_id !== null &&
    (row.subject_type === 'account'
      ? row.subject_id === row.actor_id
      : text(data.account_id) === row.actor_id ||
        row.subject_type === 'passkey' ||
        row.subject_type === 'session');
  const facts: Facts = { self: isSelf, data };
  const variants = catalogue.sentences(row.action) ?? [FALLBACK];
  const variant = variants.find((v) => !v.when || v.when(facts)) ?? FALLBACK;
  const role = text(data.role) ?? text(data.to);
  const previous = text(data.previous_role) ?? text(data.from);
  const who = actor(lang, row, names);
  const values: Record<string, string> = {
    actor: who.words,
    subject: subjectWords(lang, row, names),
    organisation: organisationWords(lang, row, names),
    role: role ? roleLabel(lang, role) : m(lang, 'role.unknown'),
    previous_role: previous ? roleLabel(lang, previous) : m(lang, 'role.unknown'),
    name: text(data.name)?.trim() || m(lang, 'subject.unnamed'),
    how: methodWords(lang, data.method),
    count: text(data.count) ?? '',
    left: text(data.left) ?? '',
    action: row.action,
  };
  const template = variant[lang];
  // Any other `{fact}` is the event's own fact of that name (a module's `{title}`, `{seats}`).
  const sentence = template.replace(
    /\{(\w+)\}/g,
    (_whole, key: string) => values[key] ?? text(data[key]) ?? m(lang, 'fact.unknown'),
  );
  if (template.startsWith('{actor}') && who.verbatim) return sentence;
  return sentence.charAt(0).toLocaleUpperCase(lang) + sentence.slice(1);
}
