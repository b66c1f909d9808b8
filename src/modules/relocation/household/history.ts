/** How the household part's history entries read in the case file (part.ts HistorySentence). */
import { defineMessages } from '../../../platform/i18n/index.ts';
import type { HistorySentence } from '../part.ts';
import { consentWords, fact } from '../words.ts';
import { stepByKey } from './steps.ts';

const words = defineMessages({
  sv: {
    checklistDone: '{who} bockade av ”{step}” i checklistan.',
    checklistUndone: '{who} tog bort bocken för ”{step}” i checklistan.',
    householdUpdated: '{who} ändrade hushållets uppgifter (medborgarskap, barnens åldrar, bostad).',
    consentGiven: '{who} gav samtycket ”{consent}” för {person}.',
    consentWithdrawn: '{who} drog tillbaka samtycket ”{consent}” för {person}.',
    someoneInHousehold: 'en person i hushållet',
    documentAdded: '{who} delade dokumentet ”{file}”.',
    documentDeleted: '{who} tog bort dokumentet ”{file}”.',
    followupSent: 'Uppföljningen efter {months} månader skickades till hushållet.',
    followupSkipped:
      'Uppföljningen efter {months} månader skickades inte: ingen i hushållet har samtyckt till uppföljning.',
    followupAnswered: 'Hushållet svarade på uppföljningen efter {months} månader.',
    erased: 'En person i hushållet raderade sina uppgifter.',
  },
  en: {
    checklistDone: '{who} ticked off “{step}” in the checklist.',
    checklistUndone: '{who} unticked “{step}” in the checklist.',
    householdUpdated: '{who} changed the household’s details (citizenship, the children’s ages, housing).',
    consentGiven: '{who} gave the consent “{consent}” for {person}.',
    consentWithdrawn: '{who} withdrew the consent “{consent}” for {person}.',
    someoneInHousehold: 'a household member',
    documentAdded: '{who} shared the document “{file}”.',
    documentDeleted: '{who} removed the document “{file}”.',
    followupSent: 'The follow-up after {months} months was sent to the household.',
    followupSkipped:
      'The follow-up after {months} months was not sent: nobody in the household consented to follow-ups.',
    followupAnswered: 'The household answered the follow-up after {months} months.',
    erased: 'A household member erased their data.',
  },
});

const step = (lang: 'sv' | 'en', key: string, body: string) => stepByKey(key)?.title[lang] ?? body;

export const householdHistory: Record<string, HistorySentence> = {
  'checklist.done': {
    bodySaid: true,
    sentence: (e, c) =>
      words.t(c.lang, 'checklistDone', { who: c.who, step: step(c.lang, fact(e.data, 'step'), e.body) }),
  },
  'checklist.undone': {
    bodySaid: true,
    sentence: (e, c) =>
      words.t(c.lang, 'checklistUndone', { who: c.who, step: step(c.lang, fact(e.data, 'step'), e.body) }),
  },
  'household.updated': {
    bodySaid: true,
    sentence: (_e, c) => words.t(c.lang, 'householdUpdated', { who: c.who }),
  },
  'consent.given': {
    bodySaid: true,
    sentence: (e, c) =>
      words.t(c.lang, 'consentGiven', {
        who: c.who,
        consent: consentWords(c.lang, e.data.purpose),
        person: c.person(e.data.person) ?? words.t(c.lang, 'someoneInHousehold'),
      }),
  },
  'consent.withdrawn': {
    bodySaid: true,
    sentence: (e, c) =>
      words.t(c.lang, 'consentWithdrawn', {
        who: c.who,
        consent: consentWords(c.lang, e.data.purpose),
        person: c.person(e.data.person) ?? words.t(c.lang, 'someoneInHousehold'),
      }),
  },
  'document.added': {
    bodySaid: true,
    sentence: (e, c) => words.t(c.lang, 'documentAdded', { who: c.who, file: e.body }),
  },
  'document.deleted': {
    bodySaid: true,
    sentence: (e, c) => words.t(c.lang, 'documentDeleted', { who: c.who, file: e.body }),
  },
  'followup.sent': {
    bodySaid: true,
    sentence: (e, c) => words.t(c.lang, 'followupSent', { months: fact(e.data, 'months') }),
  },
  'followup.skipped': {
    bodySaid: true,
    sentence: (e, c) => words.t(c.lang, 'followupSkipped', { months: fact(e.data, 'months') }),
  },
  'followup.answered': {
    sentence: (e, c) => words.t(c.lang, 'followupAnswered', { months: fact(e.data, 'months') }),
  },
  'household.erased': { bodySaid: true, sentence: (_e, c) => words.t(c.lang, 'erased') },
};
