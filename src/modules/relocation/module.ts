/**
 * The navigator ("lots", issue 16) and the newcomer network: a household asks for help once and
 * gets a named navigator; navigators share a case file per household, move it through the stages
 * of a move and follow up afterwards; the household follows its own checklist; partners get career
 * help; newcomers meet people.
 *
 * model.ts: the vocabulary; cases.ts: what every part shares about cases (scope, reads, history,
 * consents); part.ts: the shape of a part. Each part is a folder with an index.ts (request/,
 * cases/, household/, careers/, network/, dashboard/); this file joins them.
 */
import { defineModule } from '../../platform/module.ts';
import { defaultRegionId, seedDemoAccounts, seedOrganisations } from '../identity/seed.ts';
import type { PartsContext, RelocationPart } from './part.ts';
import { requestPart } from './request/index.ts';
import { casesPart } from './cases/index.ts';
import { householdPart } from './household/index.ts';
import { careersPart } from './careers/index.ts';
import { networkPart } from './network/index.ts';
import { dashboardPart } from './dashboard/index.ts';

const parts: readonly RelocationPart[] = [
  requestPart,
  casesPart,
  householdPart,
  careersPart,
  networkPart,
  dashboardPart,
];

const all = <T>(pick: (part: RelocationPart) => readonly T[] | undefined): T[] =>
  parts.flatMap((part) => pick(part) ?? []);

const casePanels = all((p) => p.casePanels).sort((a, b) => a.order - b.order);
const historySentences = Object.assign(
  {},
  ...parts.map((p) => p.historySentences ?? {}),
) as PartsContext['historySentences'];

export const relocationModule = defineModule({
  name: 'relocation',
  seed: async (db, { demo }) => {
    // The identity module seeds after this one (src/modules/index.ts); the inboxes (municipality and
    // region organisations) and the demo navigators the parts' demo data needs are made first here
    // (both seeds are idempotent).
    if (demo) {
      await seedOrganisations(db);
      await seedDemoAccounts(db, await defaultRegionId(db));
    }
    for (const part of parts) await part.seed?.(db, demo);
  },
  navigation: all((p) => p.navigation),
  adminNavigation: all((p) => p.adminNavigation),
  personalData: all((p) => p.personalData),
  ownPageSections: all((p) => p.ownPageSections),
  privacyProcessing: all((p) => p.privacyProcessing),
  auditSentences: Object.assign({}, ...parts.map((p) => p.auditSentences ?? {})),
  auditGroups: [
    {
      value: 'relocation',
      label: { sv: 'Flyttärenden och nätverket', en: 'Relocation cases and the network' },
      prefixes: ['relocation'],
    },
    ...all((p) => p.auditGroups),
  ],
  tasks: (queue, deps) => {
    for (const part of parts) part.tasks?.(queue, deps);
  },
  routes: parts.some((p) => p.routes)
    ? (app, deps) => {
        for (const part of parts) part.routes?.(app, deps, { casePanels, historySentences });
      }
    : undefined,
});
