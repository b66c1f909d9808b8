/**
 * The careers part's kinds of audit event: an adult's job search and applications changed, an
 * introduction sent and answered, an adult linked to their talent pool account, two cases merged.
 * `{ref}` is the case's number; events carry no one's name.
 */
import type { AuditSentences } from '../../../platform/audit-sentences.ts';

export const careersAuditSentences: AuditSentences = {
  'relocation.jobsearch.changed': {
    label: { sv: 'Jobbsökande ändrat', en: 'Job search changed' },
    sentences: [
      {
        sv: '{actor} ändrade jobbsökandet i ärende {ref}',
        en: '{actor} changed the job search in case {ref}',
      },
    ],
  },
  'relocation.application.added': {
    label: { sv: 'Sökt jobb antecknat', en: 'Application noted' },
    sentences: [
      {
        sv: '{actor} antecknade ett sökt jobb i ärende {ref}',
        en: '{actor} noted an application in case {ref}',
      },
    ],
  },
  'relocation.application.changed': {
    label: { sv: 'Sökt jobb ändrat', en: 'Application changed' },
    sentences: [
      {
        sv: '{actor} ändrade ett sökt jobbs läge i ärende {ref}',
        en: '{actor} changed an application’s status in case {ref}',
      },
    ],
  },
  'relocation.introduction.sent': {
    label: { sv: 'Presentation för arbetsgivare skickad', en: 'Introduction to an employer sent' },
    sentences: [
      {
        sv: '{actor} presenterade en person i ärende {ref} för {employer}',
        en: '{actor} introduced a person of case {ref} to {employer}',
      },
    ],
  },
  'relocation.introduction.answered': {
    label: { sv: 'Presentation besvarad', en: 'Introduction answered' },
    sentences: [
      {
        sv: '{actor} svarade på en presentation för {employer}',
        en: '{actor} answered an introduction to {employer}',
      },
    ],
  },
  'relocation.person.confirm_asked': {
    label: { sv: 'Person ombedd att bekräfta sin e-post', en: 'Person asked to confirm their e-mail' },
    sentences: [
      {
        sv: '{actor} skickade en länk till en person i ärende {ref} för att bekräfta e-postadressen',
        en: '{actor} sent a person of case {ref} a link to confirm their e-mail address',
      },
    ],
  },
  'relocation.person.linked': {
    label: { sv: 'Person kopplad till sin profil', en: 'Person linked to their profile' },
    sentences: [
      {
        sv: '{actor} kopplade en person i ärende {ref} till sitt konto med profil i talangpoolen',
        en: '{actor} linked a person of case {ref} to their account with a talent pool profile',
      },
    ],
  },
  'relocation.case.merged': {
    label: { sv: 'Ärenden sammanslagna', en: 'Cases merged' },
    sentences: [
      {
        sv: '{actor} slog ihop ärende {merged_ref} med ärende {ref}',
        en: '{actor} merged case {merged_ref} into case {ref}',
      },
    ],
  },
};
