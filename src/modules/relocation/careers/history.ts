/**
 * How the careers part's history entries read in the case file (part.ts HistorySentence). Their
 * bodies are already sentences in the acting navigator's words, naming the person by role only
 * ("Partnern: söker jobb"); the person's name is added from the household as it is now, so an erased
 * person is simply not named.
 */
import { defineMessages } from '../../../platform/i18n/index.ts';
import type { HistorySentence } from '../part.ts';

const words = defineMessages({
  sv: { said: '{who}: {body}', about: '{sentence} (gäller {name})' },
  en: { said: '{who}: {body}', about: '{sentence} (about {name})' },
});

const careerEntry: HistorySentence = {
  bodySaid: true,
  sentence: (e, c) => {
    const sentence = words.t(c.lang, 'said', { who: c.who, body: e.body });
    const name = c.person(e.data.person_id);
    return name ? words.t(c.lang, 'about', { sentence, name }) : sentence;
  },
};

export const careersHistory: Record<string, HistorySentence> = Object.fromEntries(
  [
    'jobsearch.status',
    'jobsearch.application',
    'jobsearch.application_status',
    'introduction.sent',
    'introduction.answered',
    'profile.linked',
    'profile.confirm_asked',
    'merged',
  ].map((kind) => [kind, careerEntry]),
);
