/**
 * The check-in part's kinds of audit event: a registration checked in at the door (how: found by
 * the search, by a scanned QR code or a typed ticket code; and whether it waited in the door's
 * offline queue) and a check-in undone. `{title}` is the event's; events carry no participant's name.
 */
import type { AuditFacts, AuditSentences } from '../../../platform/audit-sentences.ts';

const by = (method: string) => (facts: AuditFacts) => facts.data.method === method;
const offline = (facts: AuditFacts) => facts.data.offline === true;

const HOW = {
  search: { sv: 'via sökningen', en: 'through the search' },
  qr: { sv: 'med biljettens QR-kod', en: "with the ticket's QR code" },
  manual: { sv: 'med en inskriven biljettkod', en: 'with a typed ticket code' },
} as const;

export const checkinAuditSentences: AuditSentences = {
  'event.checkin.recorded': {
    label: { sv: 'Deltagare incheckad', en: 'Participant checked in' },
    sentences: [
      ...(['search', 'qr', 'manual'] as const).flatMap((method) => [
        {
          when: (facts: AuditFacts) => by(method)(facts) && offline(facts),
          sv: `{actor} checkade in {people} personer till {title} ${HOW[method].sv} (skickad från enhetens kö efter ett avbrott)`,
          en: `{actor} checked {people} people in to {title} ${HOW[method].en} (sent from the device's queue after an outage)`,
        },
        {
          when: by(method),
          sv: `{actor} checkade in {people} personer till {title} ${HOW[method].sv}`,
          en: `{actor} checked {people} people in to {title} ${HOW[method].en}`,
        },
      ]),
      {
        sv: '{actor} checkade in {people} personer till {title}',
        en: '{actor} checked {people} people in to {title}',
      },
    ],
  },
  'event.checkin.undone': {
    label: { sv: 'Incheckning ångrad', en: 'Check-in undone' },
    sentences: [
      {
        sv: '{actor} ångrade en incheckning av {people} personer till {title}',
        en: '{actor} undid a check-in of {people} people to {title}',
      },
    ],
  },
};
