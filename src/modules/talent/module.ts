/**
 * The talent pool (issue 15): people join without applying and tell the region what they do and
 * dream of, with their household; they consent per purpose; they get matches, saved jobs and job
 * alerts; employers search anonymised cards and ask for an introduction only the person can accept.
 *
 * model.ts: what a profile and a consent are; profiles.ts: the shared reads of its tables
 * (migration 0025). The parts, each in its folder, add their routes, sections of the own page,
 * personal data (export and erasure) and tasks here.
 */
import { defineModule } from '../../platform/module.ts';
import { seedTalentDemo } from './demo/seed.ts';
import { registerMatchingTasks } from './matching/incremental.ts';
import { matchesSection } from './matching/section.ts';
import { startMatchingWake } from './matching/wake.ts';
import { renewalAuditSentences } from './renewal/audit-sentences.ts';
import { registerRenewalRoutes } from './renewal/routes.ts';
import { registerRenewalTasks } from './renewal/service.ts';

export const talentModule = defineModule({
  name: 'talent',
  seed: async (db, { demo }) => {
    if (demo) await seedTalentDemo(db);
  },
  personalData: [],
  ownPageSections: [matchesSection],
  auditSentences: { ...renewalAuditSentences },
  tasks: (queue, { database, config }) => {
    registerMatchingTasks(queue, database.db);
    registerRenewalTasks(queue, database.db, config.publicUrl.origin);
  },
  start: ({ database, queue, logger }) => startMatchingWake(database, queue, logger),
  close: (wake) => wake.stop(),
  routes: (app, deps) => {
    registerRenewalRoutes(app, deps);
  },
});
