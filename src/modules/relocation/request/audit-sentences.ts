/** The audit trail's sentences for asking a navigator and the navigators' open times (no personal data in the facts). */
import type { AuditSentences } from '../../../platform/audit-sentences.ts';

const one = (labelSv: string, labelEn: string, sv: string, en: string) => ({
  label: { sv: labelSv, en: labelEn },
  sentences: [{ sv, en }],
});

export const requestAuditSentences: AuditSentences = {
  'relocation.case.requested': {
    label: { sv: 'Hushåll frågade en lots', en: 'A household asked a navigator' },
    sentences: [
      {
        when: (f) => f.data.booked === true,
        sv: '{actor} frågade en lots (ärende {ref}) och bokade en tid',
        en: '{actor} asked a navigator (case {ref}) and booked a time',
      },
      { sv: '{actor} frågade en lots (ärende {ref})', en: '{actor} asked a navigator (case {ref})' },
    ],
  },
  'relocation.case.linked': one(
    'Flyttärende kopplat till konto',
    'Relocation case linked to an account',
    '{actor} öppnade sin flyttsida från e-postlänken',
    '{actor} opened their moving page from the e-mail link',
  ),
  'relocation.slots.added': one(
    'Samtalstider tillagda',
    'Conversation times added',
    '{actor} lade till {count} samtalstider',
    '{actor} added {count} conversation times',
  ),
  'relocation.slots.removed': one(
    'Samtalstid borttagen',
    'Conversation time removed',
    '{actor} tog bort en samtalstid',
    '{actor} removed a conversation time',
  ),
};
