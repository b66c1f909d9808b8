/** The audit trail's sentences for registrations (the facts name the event, never the person's address). */
import type { AuditSentences, AuditVariant } from '../../../platform/audit-sentences.ts';

/**
 * A change made through the personal link has no account behind it (`self_service` in its facts):
 * told as "Personen …" / "The person …" rather than by an actor's name.
 */
const byPerson = (sentence: { sv: string; en: string; when?: AuditVariant['when'] }): AuditVariant[] => [
  {
    when: (f) => f.data.self_service === true && (!sentence.when || sentence.when(f)),
    sv: sentence.sv.replace('{actor}', 'Personen'),
    en: sentence.en.replace('{actor}', 'The person'),
  },
  sentence,
];

const one = (labelSv: string, labelEn: string, sv: string, en: string) => ({
  label: { sv: labelSv, en: labelEn },
  sentences: byPerson({ sv, en }),
});

export const registrationAuditSentences: AuditSentences = {
  'event.registration.created': {
    label: { sv: 'Anmälan till evenemang', en: 'Event registration' },
    sentences: [
      ...byPerson({
        when: (f) => f.data.status === 'waiting',
        sv: '{actor} ställde sig på väntelistan till {event} ({seats} personer)',
        en: '{actor} joined the waiting list of {event} ({seats} people)',
      }),
      ...byPerson({
        when: (f) => f.data.status === 'applied',
        sv: '{actor} ansökte till {event} ({seats} personer)',
        en: '{actor} applied for {event} ({seats} people)',
      }),
      ...byPerson({
        sv: '{actor} anmälde sig till {event} ({seats} personer)',
        en: '{actor} registered for {event} ({seats} people)',
      }),
    ],
  },
  'event.registration.seats_changed': one(
    'Antal platser ändrat',
    'Number of seats changed',
    '{actor} ändrade antalet personer från {from} till {to} ({event})',
    '{actor} changed the number of people from {from} to {to} ({event})',
  ),
  'event.registration.answers_changed': one(
    'Svar ändrade',
    'Answers changed',
    '{actor} ändrade sina svar ({event})',
    '{actor} changed their answers ({event})',
  ),
  'event.registration.cancelled': {
    label: { sv: 'Anmälan avbokad', en: 'Registration cancelled' },
    sentences: [
      {
        when: (f) => f.data.by === 'organiser',
        sv: '{actor} avbokade en anmälan till {event}',
        en: '{actor} cancelled a registration for {event}',
      },
      ...byPerson({
        sv: '{actor} avbokade sin anmälan till {event}',
        en: '{actor} cancelled their registration for {event}',
      }),
    ],
  },
  'event.registration.offered': one(
    'Ledig plats erbjuden',
    'Freed seat offered',
    '{actor} erbjöd en ledig plats till nästa på väntelistan ({event})',
    '{actor} offered a freed seat to the next on the waiting list ({event})',
  ),
  'event.registration.accepted': one(
    'Erbjuden plats tagen',
    'Offered seat taken',
    '{actor} tog en erbjuden plats ({event})',
    '{actor} took an offered seat ({event})',
  ),
  'event.registration.offer_declined': one(
    'Erbjuden plats avböjd',
    'Offered seat declined',
    '{actor} tackade nej till en erbjuden plats ({event})',
    '{actor} declined an offered seat ({event})',
  ),
  'event.registration.expired': one(
    'Erbjudande gick ut',
    'Offer expired',
    'Ett erbjudande om plats gick ut ({event})',
    'An offer of a seat expired ({event})',
  ),
  'event.registration.approved': one(
    'Ansökan beviljad',
    'Application accepted',
    '{actor} beviljade en ansökan till {event}',
    '{actor} accepted an application for {event}',
  ),
  'event.registration.waitlisted': one(
    'Ansökan på väntelistan',
    'Application put on the waiting list',
    '{actor} satte en sökande på väntelistan ({event})',
    '{actor} put an applicant on the waiting list ({event})',
  ),
  'event.registration.declined': one(
    'Ansökan avslagen',
    'Application declined',
    '{actor} avslog en ansökan till {event}',
    '{actor} declined an application for {event}',
  ),
  'event.registration.reminded': one(
    'Påminnelse skickad',
    'Reminder sent',
    'En påminnelse skickades inför {event}',
    'A reminder was sent before {event}',
  ),
  'event.registration.erased': {
    label: { sv: 'Anmälan raderad', en: 'Registration erased' },
    sentences: [
      {
        when: (f) => f.data.by === 'self',
        sv: 'Personen raderade sin avslutade anmälan till {event}',
        en: 'The person deleted their ended registration for {event}',
      },
      {
        sv: 'En anmälan till {event} raderades när personen tog bort sitt konto',
        en: 'A registration for {event} was erased when the person deleted their account',
      },
    ],
  },
  'event.registration.share_changed': {
    label: { sv: 'Delning med utställare ändrad', en: 'Sharing with exhibitors changed' },
    sentences: [
      ...byPerson({
        when: (f) => f.data.share === true,
        sv: '{actor} lät utställarna se sitt namn och sin e-post ({event})',
        en: '{actor} let the exhibitors see their name and e-mail ({event})',
      }),
      ...byPerson({
        sv: '{actor} slutade dela sitt namn och sin e-post med utställarna ({event})',
        en: '{actor} stopped sharing their name and e-mail with the exhibitors ({event})',
      }),
    ],
  },
  'event.registration.retention': {
    label: { sv: 'Anmälningar gallrade', en: 'Registrations deleted after their retention' },
    sentences: [
      {
        sv: '{count} anmälningar till {event} raderades när tiden de sparas hade gått ut',
        en: '{count} registrations for {event} were deleted when their retention period ended',
      },
    ],
  },
};
