/**
 * The navigators' kinds of audit event on a case. `{name}` is the case's reference (1042); events
 * carry no text the household or a navigator wrote.
 */
import type { AuditFacts, AuditSentences, AuditVariant } from '../../../platform/audit-sentences.ts';
import { relocationMessages } from '../messages.ts';
import { MEETING_CHANNELS, STAGES } from '../model.ts';

const withFollowups = (f: AuditFacts) => f.data.followups === true;
const word = (key: Parameters<typeof relocationMessages.t>[1]) => ({
  sv: relocationMessages.t('sv', key).toLocaleLowerCase('sv'),
  en: relocationMessages.t('en', key).toLocaleLowerCase('en'),
});

/** The stage the case was moved to, in words (the facts hold the stored value). */
const stageSentences: AuditVariant[] = STAGES.flatMap((stage) => {
  const to = word(`stage.${stage}`);
  const when = (f: AuditFacts) => f.data.to === stage;
  return [
    ...(stage === 'moved'
      ? [
          {
            when: (f: AuditFacts) => when(f) && withFollowups(f),
            sv: `{actor} flyttade ärende {name} till steget ${to.sv} och planerade uppföljningarna`,
            en: `{actor} moved case {name} to the stage ${to.en} and planned the follow-ups`,
          },
        ]
      : []),
    {
      when,
      sv: `{actor} flyttade ärende {name} till steget ${to.sv}`,
      en: `{actor} moved case {name} to the stage ${to.en}`,
    },
  ];
});

/** How the logged contact was made, in words. */
const contactSentences: AuditVariant[] = MEETING_CHANNELS.map((channel) => {
  const by = word(`channel.${channel}`);
  return {
    when: (f: AuditFacts) => f.data.channel === channel,
    sv: `{actor} loggade en kontakt (${by.sv}) i flyttärende {name}`,
    en: `{actor} logged a contact (${by.en}) on relocation case {name}`,
  };
});

export const caseAuditSentences: AuditSentences = {
  'relocation.case.taken': {
    label: { sv: 'Flyttärende taget', en: 'Relocation case taken' },
    sentences: [{ sv: '{actor} tog flyttärende {name}', en: '{actor} took relocation case {name}' }],
  },
  'relocation.case.handed_over': {
    label: { sv: 'Flyttärende överlämnat', en: 'Relocation case handed over' },
    sentences: [
      {
        when: (f) => typeof f.data.to_organisation === 'string',
        sv: '{actor} lämnade över flyttärende {name} till en lots på {to_organisation}',
        en: '{actor} handed relocation case {name} over to a navigator at {to_organisation}',
      },
      {
        sv: '{actor} lämnade över flyttärende {name} till en annan lots',
        en: '{actor} handed relocation case {name} over to another navigator',
      },
    ],
  },
  'relocation.case.noted': {
    label: { sv: 'Anteckning i flyttärende', en: 'Note on a relocation case' },
    sentences: [
      {
        sv: '{actor} skrev en anteckning i flyttärende {name}',
        en: '{actor} wrote a note on relocation case {name}',
      },
    ],
  },
  'relocation.case.contact_logged': {
    label: { sv: 'Kontakt loggad i flyttärende', en: 'Contact logged on a relocation case' },
    sentences: [
      ...contactSentences,
      {
        sv: '{actor} loggade en kontakt i flyttärende {name}',
        en: '{actor} logged a contact on relocation case {name}',
      },
    ],
  },
  'relocation.case.stage_changed': {
    label: { sv: 'Flyttärendets steg ändrat', en: 'Relocation case stage changed' },
    sentences: [
      ...stageSentences,
      { sv: '{actor} ändrade steget i ärende {name}', en: '{actor} changed the stage of case {name}' },
    ],
  },
  'relocation.case.task_added': {
    label: { sv: 'Uppgift i flyttärende tillagd', en: 'Relocation case task added' },
    sentences: [
      { sv: '{actor} lade till en uppgift i ärende {name}', en: '{actor} added a task to case {name}' },
    ],
  },
  'relocation.case.task_done': {
    label: { sv: 'Uppgift i flyttärende klar', en: 'Relocation case task done' },
    sentences: [
      {
        sv: '{actor} markerade en uppgift i ärende {name} som klar',
        en: '{actor} marked a task on case {name} as done',
      },
    ],
  },
  'relocation.case.task_reopened': {
    label: { sv: 'Uppgift i flyttärende öppnad igen', en: 'Relocation case task reopened' },
    sentences: [
      { sv: '{actor} öppnade en uppgift i ärende {name} igen', en: '{actor} reopened a task on case {name}' },
    ],
  },
  'relocation.case.meeting_planned': {
    label: { sv: 'Möte i flyttärende planerat', en: 'Relocation case meeting planned' },
    sentences: [
      { sv: '{actor} planerade ett möte i ärende {name}', en: '{actor} planned a meeting on case {name}' },
    ],
  },
  'relocation.case.meeting_cancelled': {
    label: { sv: 'Möte i flyttärende inställt', en: 'Relocation case meeting cancelled' },
    sentences: [
      { sv: '{actor} ställde in ett möte i ärende {name}', en: '{actor} cancelled a meeting on case {name}' },
    ],
  },
};
