/** The audit trail's sentences for the consent renewal of talent profiles. */
import type { AuditSentences } from '../../../platform/audit-sentences.ts';

export const renewalAuditSentences: AuditSentences = {
  'talent.renewal.asked': {
    label: { sv: 'Förnyelse efterfrågad', en: 'Renewal asked' },
    sentences: [
      {
        sv: 'Lotsa frågade en person i talangpoolen om hen vill förnya sitt samtycke',
        en: 'Lotsa asked a person in the talent pool whether they want to renew their consent',
      },
    ],
  },
  'talent.renewal.renewed': {
    label: { sv: 'Profil förnyad', en: 'Profile renewed' },
    sentences: [
      {
        sv: '{actor} förnyade sin profil i talangpoolen',
        en: '{actor} renewed their talent pool profile',
      },
    ],
  },
  'talent.renewal.hidden': {
    label: { sv: 'Profil dold utan förnyelse', en: 'Profile hidden without renewal' },
    sentences: [
      {
        sv: 'En profil i talangpoolen doldes eftersom samtycket inte förnyades i tid',
        en: 'A talent pool profile was hidden because its consent was not renewed in time',
      },
    ],
  },
  'talent.renewal.deleted': {
    label: { sv: 'Dold profil raderad', en: 'Hidden profile deleted' },
    sentences: [
      {
        sv: 'En dold profil i talangpoolen raderades med sina samtycken',
        en: 'A hidden talent pool profile was deleted with its consents',
      },
    ],
  },
};
