/** The audit trail's sentences for intro requests and the region's talent pool settings. */
import type { AuditGroup, AuditSentences } from '../../../platform/audit-sentences.ts';

export const employerAuditSentences: AuditSentences = {
  'talent.intro.sent': {
    label: { sv: 'Kontaktförfrågan skickad', en: 'Intro request sent' },
    sentences: [
      {
        when: (facts) => typeof facts.data.job === 'string',
        sv: '{actor} bad en person i talangpoolen om kontakt om jobbet ”{job}”',
        en: '{actor} asked a person in the talent pool to get in touch about the job “{job}”',
      },
      {
        sv: '{actor} bad en person i talangpoolen om kontakt',
        en: '{actor} asked a person in the talent pool to get in touch',
      },
    ],
  },
  'talent.intro.accepted': {
    label: { sv: 'Kontaktförfrågan besvarad med ja', en: 'Intro request accepted' },
    sentences: [
      {
        sv: 'En person i talangpoolen tackade ja till en förfrågan',
        en: 'A person in the talent pool accepted a request',
      },
    ],
  },
  'talent.intro.declined': {
    label: { sv: 'Kontaktförfrågan besvarad med nej', en: 'Intro request declined' },
    sentences: [
      {
        sv: 'En person i talangpoolen tackade nej till en förfrågan',
        en: 'A person in the talent pool declined a request',
      },
    ],
  },
  'talent.settings.changed': {
    label: { sv: 'Talangpoolens inställningar ändrade', en: 'Talent pool settings changed' },
    sentences: [
      {
        sv: '{actor} ändrade talangpoolens inställningar: korten visar det minst {k} personer delar, nytt samtycke efter {renew} månader, profilen döljs efter {hide} dagar utan svar och raderas {delete} månader senare',
        en: '{actor} changed the talent pool settings: cards show what at least {k} people share, consent asked again after {renew} months, the profile hidden {hide} days without an answer and deleted {delete} months later',
      },
    ],
  },
};

export const employerAuditGroups: readonly AuditGroup[] = [
  { value: 'talent', label: { sv: 'Talangpoolen', en: 'Talent pool' }, prefixes: ['talent'] },
];
