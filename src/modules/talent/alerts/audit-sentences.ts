/** The audit trail's sentences for job alerts and saved jobs (no addresses: the subject is the alert's id). */
import type { AuditGroup, AuditSentences } from '../../../platform/audit-sentences.ts';

export const alertAuditSentences: AuditSentences = {
  'talent.alert.created': {
    label: { sv: 'Jobbevakning skapad', en: 'Job alert created' },
    sentences: [
      {
        when: ({ data }) => data.confirmed === false,
        sv: 'En besökare bad om en jobbevakning ({frequency}); den väntar på e-postlänken',
        en: 'A visitor asked for a job alert ({frequency}); it waits for the e-mail link',
      },
      {
        sv: '{actor} skapade en jobbevakning ({frequency})',
        en: '{actor} created a job alert ({frequency})',
      },
    ],
  },
  'talent.alert.confirmed': {
    label: { sv: 'Jobbevakning startad', en: 'Job alert started' },
    sentences: [
      { sv: 'En jobbevakning startades via e-postlänken', en: 'A job alert was started by its e-mail link' },
    ],
  },
  'talent.alert.unsubscribed': {
    label: { sv: 'Jobbevakning avslutad via länk', en: 'Job alert ended by link' },
    sentences: [
      {
        sv: 'En jobbevakning avslutades med länken i mejlet',
        en: 'A job alert was ended with the link in its e-mail',
      },
    ],
  },
  'talent.alert.changed': {
    label: { sv: 'Jobbevakning ändrad', en: 'Job alert changed' },
    sentences: [
      {
        sv: '{actor} ändrade en jobbevakning ({frequency})',
        en: '{actor} changed a job alert ({frequency})',
      },
    ],
  },
  'talent.alert.deleted': {
    label: { sv: 'Jobbevakning borttagen', en: 'Job alert removed' },
    sentences: [{ sv: '{actor} tog bort en jobbevakning', en: '{actor} removed a job alert' }],
  },
  'talent.saved_job.added': {
    label: { sv: 'Jobb sparat', en: 'Job saved' },
    sentences: [{ sv: '{actor} sparade ett jobb', en: '{actor} saved a job' }],
  },
  'talent.saved_job.removed': {
    label: { sv: 'Sparat jobb borttaget', en: 'Saved job removed' },
    sentences: [{ sv: '{actor} tog bort ett sparat jobb', en: '{actor} removed a saved job' }],
  },
};

export const alertAuditGroups: readonly AuditGroup[] = [
  {
    value: 'talent.alert',
    label: { sv: 'Jobbevakningar och sparade jobb', en: 'Job alerts and saved jobs' },
    prefixes: ['talent.alert', 'talent.saved_job'],
  },
];
