/** The audit trail's sentences for employers' own job ads: `{headline}` is the ad's, `{deadline}` its last day to apply. */
import type { AuditGroup, AuditSentences } from '../../../platform/audit-sentences.ts';

export const ownJobAuditSentences: AuditSentences = {
  'jobs.own.published': {
    label: { sv: 'Jobbannons publicerad', en: 'Job ad published' },
    sentences: [
      {
        sv: '{actor} publicerade jobbannonsen ”{headline}” med sista ansökningsdag {deadline}',
        en: '{actor} published the job ad “{headline}” with {deadline} as the last day to apply',
      },
    ],
  },
  'jobs.own.saved': {
    label: { sv: 'Jobbannons ändrad', en: 'Job ad changed' },
    sentences: [
      {
        sv: '{actor} ändrade jobbannonsen ”{headline}” (sista ansökningsdag {deadline})',
        en: '{actor} changed the job ad “{headline}” (last day to apply {deadline})',
      },
    ],
  },
  'jobs.own.closed': {
    label: { sv: 'Jobbannons stängd i förtid', en: 'Job ad closed early' },
    sentences: [
      {
        sv: '{actor} stängde jobbannonsen ”{headline}” i förtid',
        en: '{actor} closed the job ad “{headline}” early',
      },
    ],
  },
  'jobs.own.expired': {
    label: {
      sv: 'Jobbannons stängd efter sista ansökningsdag',
      en: 'Job ad closed after its last day to apply',
    },
    sentences: [
      {
        sv: 'Jobbannonsen ”{headline}” stängdes när sista ansökningsdagen {deadline} hade passerat',
        en: 'The job ad “{headline}” closed when its last day to apply, {deadline}, had passed',
      },
    ],
  },
};

export const ownJobAuditGroups: readonly AuditGroup[] = [
  {
    value: 'jobs_own',
    label: { sv: 'Jobbannonser, alla händelser', en: 'Job ads, all events' },
    prefixes: ['jobs.own'],
  },
];
