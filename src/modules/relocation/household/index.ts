/**
 * The household's side (/:lang/me/move): the personal moving checklist, documents shared with the
 * navigator, consents per person, and the follow-up surveys at 3, 12 and 24 months.
 */
import type { RelocationPart } from '../part.ts';

export const householdPart: RelocationPart = {};
