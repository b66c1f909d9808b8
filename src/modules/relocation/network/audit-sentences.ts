/**
 * The newcomer network's kinds of audit event (`relocation.network.*`). `{name}` is a group's
 * Swedish name, a meetup's title or a case's reference (#1042); `{subject}` the ambassador's account.
 * Events never carry what an ambassador or a household wrote. The meetup and "I'm coming" kinds
 * are no longer written (meetups are events since migration 0036, audited as `event.*`); their
 * sentences stay so that the audit trail's older entries still read.
 */
import type { AuditGroup, AuditSentences } from '../../../platform/audit-sentences.ts';

const kind = (sv: string, en: string, sentenceSv: string, sentenceEn: string) => ({
  label: { sv, en },
  sentences: [{ sv: sentenceSv, en: sentenceEn }],
});

export const networkAuditSentences: AuditSentences = {
  'relocation.network.group.created': kind(
    'Nätverksgrupp skapad',
    'Network group created',
    '{actor} skapade nätverksgruppen {name}',
    '{actor} created the network group {name}',
  ),
  'relocation.network.group.updated': kind(
    'Nätverksgrupp ändrad',
    'Network group changed',
    '{actor} ändrade nätverksgruppen {name}',
    '{actor} changed the network group {name}',
  ),
  'relocation.network.group.archived': kind(
    'Nätverksgrupp arkiverad',
    'Network group archived',
    '{actor} arkiverade nätverksgruppen {name}',
    '{actor} archived the network group {name}',
  ),
  'relocation.network.group.restored': kind(
    'Nätverksgrupp återställd',
    'Network group restored',
    '{actor} gjorde nätverksgruppen {name} aktiv igen',
    '{actor} made the network group {name} active again',
  ),
  'relocation.network.meetup.created': kind(
    'Träff tillagd',
    'Meetup added',
    '{actor} lade till träffen {name}',
    '{actor} added the meetup {name}',
  ),
  'relocation.network.meetup.cancelled': kind(
    'Träff inställd',
    'Meetup cancelled',
    '{actor} ställde in träffen {name}',
    '{actor} cancelled the meetup {name}',
  ),
  'relocation.network.member.joined': kind(
    'Gick med i nätverksgrupp',
    'Joined a network group',
    '{actor} gick med i nätverksgruppen {name}',
    '{actor} joined the network group {name}',
  ),
  'relocation.network.member.left': kind(
    'Lämnade nätverksgrupp',
    'Left a network group',
    '{actor} lämnade nätverksgruppen {name}',
    '{actor} left the network group {name}',
  ),
  'relocation.network.rsvp.added': kind(
    'Anmälan till träff',
    'Signed up for a meetup',
    '{actor} anmälde sig till träffen {name}',
    '{actor} signed up for the meetup {name}',
  ),
  'relocation.network.rsvp.removed': kind(
    'Avanmälan från träff',
    'Sign-up for a meetup removed',
    '{actor} tog bort sin anmälan till träffen {name}',
    '{actor} removed their sign-up for the meetup {name}',
  ),
  'relocation.network.ambassador.applied': kind(
    'Ambassadör anmäld',
    'Ambassador signed up',
    '{actor} anmälde sig som ambassadör',
    '{actor} signed up as an ambassador',
  ),
  'relocation.network.ambassador.approved': kind(
    'Ambassadör godkänd',
    'Ambassador approved',
    '{actor} godkände {subject} som ambassadör',
    '{actor} approved {subject} as an ambassador',
  ),
  'relocation.network.ambassador.paused': kind(
    'Ambassadör pausad',
    'Ambassador paused',
    '{actor} pausade ambassadören {subject}',
    '{actor} paused the ambassador {subject}',
  ),
  'relocation.network.match.created': kind(
    'Ambassadör matchad',
    'Ambassador matched',
    '{actor} matchade ambassadören {subject} med hushållet i ärende {name}',
    '{actor} matched the ambassador {subject} with the household of case {name}',
  ),
  'relocation.network.match.ended': kind(
    'Ambassadörsmatchning avslutad',
    'Ambassador match ended',
    '{actor} avslutade matchningen av ambassadören {subject} i ärende {name}',
    '{actor} ended the match of the ambassador {subject} in case {name}',
  ),
};

export const networkAuditGroups: readonly AuditGroup[] = [
  {
    value: 'relocation.network',
    label: { sv: 'Nätverket för nyinflyttade', en: 'The newcomer network' },
    prefixes: ['relocation.network'],
  },
];
