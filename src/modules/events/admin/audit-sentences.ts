/**
 * The organisers' kinds of audit event on an event. `{name}` is the event's Swedish title (else its
 * English one) when the change was made; no text a person wrote (a comment, a reason) is kept.
 */
import type { AuditFacts, AuditSentences } from '../../../platform/audit-sentences.ts';

const role = (r: string) => (f: AuditFacts) => f.data.role === r;

export const adminAuditSentences: AuditSentences = {
  'event.created': {
    label: { sv: 'Evenemang skapat', en: 'Event created' },
    sentences: [{ sv: '{actor} skapade evenemanget {name}', en: '{actor} created the event {name}' }],
  },
  'event.updated': {
    label: { sv: 'Evenemang ändrat', en: 'Event changed' },
    sentences: [{ sv: '{actor} ändrade evenemanget {name}', en: '{actor} changed the event {name}' }],
  },
  'event.submitted': {
    label: { sv: 'Evenemang skickat för granskning', en: 'Event sent for review' },
    sentences: [
      {
        sv: '{actor} skickade evenemanget {name} för granskning',
        en: '{actor} sent the event {name} for review',
      },
    ],
  },
  'event.published': {
    label: { sv: 'Evenemang publicerat', en: 'Event published' },
    sentences: [{ sv: '{actor} publicerade evenemanget {name}', en: '{actor} published the event {name}' }],
  },
  'event.sent_back': {
    label: { sv: 'Evenemang skickat tillbaka', en: 'Event sent back' },
    sentences: [
      {
        sv: '{actor} skickade tillbaka evenemanget {name} till arrangören',
        en: '{actor} sent the event {name} back to its organiser',
      },
    ],
  },
  'event.changes_submitted': {
    label: { sv: 'Ändringar skickade för granskning', en: 'Changes sent for review' },
    sentences: [
      {
        sv: '{actor} ändrade det publicerade evenemanget {name}; ändringarna väntar på granskning',
        en: '{actor} changed the published event {name}; the changes wait for review',
      },
    ],
  },
  'event.changes_published': {
    label: { sv: 'Ändringar publicerade', en: 'Changes published' },
    sentences: [
      {
        sv: '{actor} publicerade ändringarna av evenemanget {name}',
        en: '{actor} published the changes to the event {name}',
      },
    ],
  },
  'event.changes_sent_back': {
    label: { sv: 'Ändringar skickade tillbaka', en: 'Changes sent back' },
    sentences: [
      {
        sv: '{actor} skickade tillbaka ändringarna av evenemanget {name} till arrangören',
        en: '{actor} sent the changes to the event {name} back to its organiser',
      },
    ],
  },
  'event.unpublished': {
    label: { sv: 'Evenemang avpublicerat', en: 'Event unpublished' },
    sentences: [
      { sv: '{actor} avpublicerade evenemanget {name}', en: '{actor} unpublished the event {name}' },
    ],
  },
  'event.cancelled': {
    label: { sv: 'Evenemang inställt', en: 'Event cancelled' },
    sentences: [
      {
        sv: '{actor} ställde in evenemanget {name} och avbokade {registrations} anmälningar',
        en: '{actor} cancelled the event {name} and {registrations} registrations with it',
      },
    ],
  },
  'event.deleted': {
    label: { sv: 'Utkast till evenemang borttaget', en: 'Event draft deleted' },
    sentences: [{ sv: '{actor} tog bort utkastet {name}', en: '{actor} deleted the draft {name}' }],
  },
  'event.organisation_added': {
    label: { sv: 'Organisation tillagd på evenemang', en: 'Organisation added to an event' },
    sentences: [
      {
        when: role('exhibitor'),
        sv: '{actor} lade till en utställare på evenemanget {name}',
        en: '{actor} added an exhibitor to the event {name}',
      },
      {
        sv: '{actor} lade till en medarrangör på evenemanget {name}',
        en: '{actor} added a co-organiser to the event {name}',
      },
    ],
  },
  'event.organisation_removed': {
    label: { sv: 'Organisation borttagen från evenemang', en: 'Organisation removed from an event' },
    sentences: [
      {
        when: role('exhibitor'),
        sv: '{actor} tog bort en utställare från evenemanget {name}',
        en: '{actor} removed an exhibitor from the event {name}',
      },
      {
        sv: '{actor} tog bort en medarrangör från evenemanget {name}',
        en: '{actor} removed a co-organiser from the event {name}',
      },
    ],
  },
  'event.programme_added': {
    label: { sv: 'Programpunkt tillagd', en: 'Programme item added' },
    sentences: [
      { sv: '{actor} lade till en programpunkt i {name}', en: '{actor} added a programme item to {name}' },
    ],
  },
  'event.programme_changed': {
    label: { sv: 'Programpunkt ändrad', en: 'Programme item changed' },
    sentences: [
      { sv: '{actor} ändrade en programpunkt i {name}', en: '{actor} changed a programme item of {name}' },
    ],
  },
  'event.programme_removed': {
    label: { sv: 'Programpunkt borttagen', en: 'Programme item removed' },
    sentences: [
      {
        sv: '{actor} tog bort en programpunkt ur {name}',
        en: '{actor} removed a programme item from {name}',
      },
    ],
  },
  'event.question_added': {
    label: { sv: 'Anmälningsfråga tillagd', en: 'Registration question added' },
    sentences: [
      {
        sv: '{actor} lade till en fråga i anmälan till {name}',
        en: '{actor} added a question to the registration for {name}',
      },
    ],
  },
  'event.question_changed': {
    label: { sv: 'Anmälningsfråga ändrad', en: 'Registration question changed' },
    sentences: [
      {
        sv: '{actor} ändrade en fråga i anmälan till {name}',
        en: '{actor} changed a question of the registration for {name}',
      },
    ],
  },
  'event.question_removed': {
    label: { sv: 'Anmälningsfråga borttagen', en: 'Registration question removed' },
    sentences: [
      {
        sv: '{actor} tog bort en fråga ur anmälan till {name}',
        en: '{actor} removed a question from the registration for {name}',
      },
    ],
  },
  'event.question_moved': {
    label: { sv: 'Anmälningsfråga flyttad', en: 'Registration question moved' },
    sentences: [
      {
        sv: '{actor} flyttade en fråga i anmälan till {name}',
        en: '{actor} moved a question of the registration for {name}',
      },
    ],
  },
  'event.followup_sent': {
    label: { sv: 'Uppföljningsmejl skickat', en: 'Follow-up e-mail sent' },
    sentences: [
      {
        sv: '{actor} skickade uppföljningsmejlet för {name} till {count} deltagare',
        en: '{actor} sent the follow-up e-mail for {name} to {count} participants',
      },
    ],
  },
};
