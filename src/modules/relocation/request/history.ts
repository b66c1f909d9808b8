/** How the request part's history entries read in the case file (part.ts HistorySentence). */
import { defineMessages } from '../../../platform/i18n/index.ts';
import type { HistorySentence } from '../part.ts';
import { channelWord, factTime, needsWords } from '../words.ts';

const words = defineMessages({
  sv: {
    created: 'Hushållet frågade om hjälp med {needs} och vill bli kontaktat via {channel}.',
    createdNoNeeds: 'Hushållet frågade om hjälp och vill bli kontaktat via {channel}.',
    booked: 'Hushållet bokade ett första samtal {when}.',
    linked: '{who} öppnade sin flyttsida med länken i mejlet.',
    linkedByEmail:
      '{who} loggade in med e-postadressen från förfrågan och fick ärendet kopplat till sitt konto.',
  },
  en: {
    created: 'The household asked for help with {needs} and wants to be contacted by {channel}.',
    createdNoNeeds: 'The household asked for help and wants to be contacted by {channel}.',
    booked: 'The household booked a first conversation for {when}.',
    linked: '{who} opened their moving page with the link in the e-mail.',
    linkedByEmail:
      '{who} signed in with the e-mail address of the request and had the case linked to their account.',
  },
});

export const requestHistory: Record<string, HistorySentence> = {
  created: {
    sentence: (e, c) => {
      const needs = needsWords(c.lang, e.data.needs);
      const channel = channelWord(c.lang, e.data.channel);
      return needs
        ? words.t(c.lang, 'created', { needs, channel })
        : words.t(c.lang, 'createdNoNeeds', { channel });
    },
  },
  'meeting.booked': {
    sentence: (e, c) => words.t(c.lang, 'booked', { when: factTime(c.lang, e.data, 'startsAt') }),
  },
  // Linked by the welcome link, or at sign-in with the request's address (household/service.ts, by: 'email').
  'account.linked': {
    sentence: (e, c) => words.t(c.lang, e.data.by === 'email' ? 'linkedByEmail' : 'linked', { who: c.who }),
  },
};
