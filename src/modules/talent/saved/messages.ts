/** Saved jobs' words (sv/en). */
import { defineMessages } from '../../../platform/i18n/index.ts';

export const savedMessages = defineMessages({
  sv: {
    'own.title': 'Sparade jobb',
    'own.none': 'Du har inga sparade jobb. Tryck på ”Spara jobbet” vid ett jobb du vill komma ihåg.',
    'own.remove': 'Ta bort',
    'own.removeNamed': 'Ta bort {headline} från sparade jobb',
    'own.savedOn': 'Sparat {date}',
    'own.closed': 'Annonsen är stängd sedan {date}.',
    'own.done.saved': 'Jobbet är sparat.',
    'own.done.removed': 'Jobbet är borttaget från dina sparade jobb.',
  },
  en: {
    'own.title': 'Saved jobs',
    'own.none': 'You have no saved jobs. Press “Save the job” by a job you want to remember.',
    'own.remove': 'Remove',
    'own.removeNamed': 'Remove {headline} from saved jobs',
    'own.savedOn': 'Saved {date}',
    'own.closed': 'The ad has been closed since {date}.',
    'own.done.saved': 'The job is saved.',
    'own.done.removed': 'The job is removed from your saved jobs.',
  },
});
