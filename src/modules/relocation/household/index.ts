/**
 * The household's side (/:lang/me/move): the personal moving checklist, documents shared with the
 * navigator, consents per person, and the follow-up surveys at 3, 12 and 24 months; the case-file
 * panels that show them to the navigator; the household's part of a person's data.
 */
import { storageFor } from '../../../platform/storage/index.ts';
import type { RelocationPart } from '../part.ts';
import { householdAuditSentences } from './audit-sentences.ts';
import { registerFollowupTasks } from './followups.ts';
import { householdPanels } from './panels.ts';
import { relocationData, useStorageForErasure } from './personal-data.ts';
import { relocationPrivacy } from './privacy.ts';
import { registerHouseholdRoutes } from './routes.ts';
import { moveSection } from './section.ts';
import { householdHistory } from './history.ts';

export const householdPart: RelocationPart = {
  routes(app, deps) {
    useStorageForErasure(storageFor(deps.config));
    registerHouseholdRoutes(app, deps);
  },
  tasks: registerFollowupTasks,
  personalData: [relocationData],
  ownPageSections: [moveSection],
  privacyProcessing: relocationPrivacy,
  auditSentences: householdAuditSentences,
  casePanels: householdPanels,
  historySentences: householdHistory,
};
