/** The household part's kinds of audit event. `{name}` is the case's reference (`#1042`). */
import type { AuditSentences } from '../../../platform/audit-sentences.ts';

export const householdAuditSentences: AuditSentences = {
  'relocation.checklist.done': {
    label: { sv: 'Steg i flyttchecklistan klart', en: 'Moving checklist step done' },
    sentences: [
      {
        sv: '{actor} bockade av ett steg i checklistan för ärende {name}',
        en: '{actor} ticked off a checklist step of case {name}',
      },
    ],
  },
  'relocation.checklist.undone': {
    label: { sv: 'Steg i flyttchecklistan inte klart', en: 'Moving checklist step undone' },
    sentences: [
      {
        sv: '{actor} markerade ett steg i checklistan för ärende {name} som inte klart',
        en: '{actor} marked a checklist step of case {name} as not done',
      },
    ],
  },
  'relocation.case.linked_by_email': {
    label: { sv: 'Flyttärende kopplat vid inloggning', en: 'Relocation case linked at sign-in' },
    sentences: [
      {
        sv: '{actor} loggade in med e-postadressen i ärende {name} och fick ärendet kopplat till sitt konto',
        en: '{actor} signed in with the e-mail address of case {name} and had the case linked to their account',
      },
    ],
  },
  'relocation.household.updated': {
    label: { sv: 'Hushållets uppgifter ändrade', en: 'Household details changed' },
    sentences: [
      {
        sv: '{actor} ändrade hushållets uppgifter i ärende {name}',
        en: '{actor} changed the household details of case {name}',
      },
    ],
  },
  'relocation.consent.given': {
    label: { sv: 'Samtycke i flyttärende givet', en: 'Relocation consent given' },
    sentences: [
      {
        when: (f) => f.data.forPartner === true,
        sv: '{actor} gav samtycke ({purpose}) för sin partner i ärende {name}',
        en: '{actor} gave consent ({purpose}) on behalf of their partner in case {name}',
      },
      {
        sv: '{actor} gav samtycke ({purpose}) i ärende {name}',
        en: '{actor} gave consent ({purpose}) in case {name}',
      },
    ],
  },
  'relocation.consent.withdrawn': {
    label: { sv: 'Samtycke i flyttärende tillbakataget', en: 'Relocation consent withdrawn' },
    sentences: [
      {
        when: (f) => f.data.forPartner === true,
        sv: '{actor} tog tillbaka samtycke ({purpose}) för sin partner i ärende {name}',
        en: '{actor} withdrew consent ({purpose}) on behalf of their partner in case {name}',
      },
      {
        sv: '{actor} tog tillbaka samtycke ({purpose}) i ärende {name}',
        en: '{actor} withdrew consent ({purpose}) in case {name}',
      },
    ],
  },
  'relocation.document.added': {
    label: { sv: 'Dokument delat med lotsen', en: 'Document shared with the navigator' },
    sentences: [
      {
        sv: '{actor} laddade upp ett dokument i ärende {name}',
        en: '{actor} uploaded a document to case {name}',
      },
    ],
  },
  'relocation.document.deleted': {
    label: { sv: 'Delat dokument borttaget', en: 'Shared document deleted' },
    sentences: [
      {
        sv: '{actor} tog bort ett dokument i ärende {name}',
        en: '{actor} deleted a document of case {name}',
      },
    ],
  },
  'relocation.followup.sent': {
    label: { sv: 'Uppföljning skickad', en: 'Follow-up sent' },
    sentences: [
      {
        sv: 'Uppföljningen efter {months} månader skickades',
        en: 'The follow-up after {months} months was sent',
      },
    ],
  },
  'relocation.followup.answered': {
    label: { sv: 'Uppföljning besvarad', en: 'Follow-up answered' },
    sentences: [
      {
        sv: 'Hushållet besvarade uppföljningen efter {months} månader',
        en: 'The household answered the follow-up after {months} months',
      },
    ],
  },
  'relocation.household.erased': {
    label: { sv: 'Hushållsmedlem raderade sina uppgifter', en: 'Household member erased their data' },
    sentences: [
      {
        sv: 'En person i hushållet i ärende {name} raderade sina uppgifter',
        en: 'A member of the household of case {name} erased their data',
      },
    ],
  },
};
