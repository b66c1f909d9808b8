/** The audit trail's sentences for leads (the facts hold no personal data). */
import type { AuditSentences } from '../../../platform/audit-sentences.ts';

export const leadsAuditSentences: AuditSentences = {
  'event.lead.captured': {
    label: { sv: 'Kontakt sparad vid monter', en: 'Contact saved at a stand' },
    sentences: [
      {
        when: (f) => f.data.source === 'visitor_qr',
        sv: 'En besökare lämnade sina uppgifter vid monter {stand} via QR-koden',
        en: 'A visitor left their details at stand {stand} through the QR code',
      },
      {
        sv: '{actor} sparade en kontakt vid monter {stand}',
        en: '{actor} saved a contact at stand {stand}',
      },
    ],
  },
  'event.lead.updated': {
    label: { sv: 'Kontakt vid monter uppdaterad', en: 'Contact at a stand updated' },
    sentences: [
      {
        when: (f) => f.data.source === 'visitor_qr',
        sv: 'En besökare lämnade sina uppgifter igen vid monter {stand} via QR-koden; kontakten från i dag uppdaterades',
        en: 'A visitor left their details again at stand {stand} through the QR code; today’s contact was updated',
      },
      {
        sv: '{actor} sparade samma kontakt igen vid monter {stand}; kontakten från i dag uppdaterades',
        en: '{actor} saved the same contact again at stand {stand}; today’s contact was updated',
      },
    ],
  },
  'event.lead.deleted': {
    label: { sv: 'Kontakt från monter borttagen', en: 'Contact from a stand deleted' },
    sentences: [
      {
        sv: '{actor} tog bort en kontakt från monter {stand} på personens begäran',
        en: '{actor} deleted a contact from stand {stand} at the person’s request',
      },
    ],
  },
};
