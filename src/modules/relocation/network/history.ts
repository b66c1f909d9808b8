/** How the network part's history entries read in the case file (part.ts HistorySentence). */
import { defineMessages } from '../../../platform/i18n/index.ts';
import type { HistorySentence } from '../part.ts';
import { fact } from '../words.ts';

const words = defineMessages({
  sv: {
    matched: '{who} matchade hushållet med en ambassadör.',
    ended: '{who} avslutade matchningen med en ambassadör.',
    other: '{who} ändrade hushållets ambassadörsmatchning.',
  },
  en: {
    matched: '{who} matched the household with an ambassador.',
    ended: '{who} ended the match with an ambassador.',
    other: '{who} changed the household’s ambassador match.',
  },
});

export const networkHistory: Record<string, HistorySentence> = {
  'network.ambassador': {
    sentence: (e, c) => {
      const event = fact(e.data, 'event');
      return words.t(c.lang, event === 'matched' ? 'matched' : event === 'ended' ? 'ended' : 'other', {
        who: c.who,
      });
    },
  },
};
