/** What the talent module's declaration takes from the employers' side. */
import type { PersonalDataPart } from '../../../platform/personal-data.ts';
import { eraseEmployerData, exportEmployerData } from './service.ts';

export { employerAuditGroups, employerAuditSentences } from './audit-sentences.ts';
export { employersOwnSection } from './person.ts';
export { registerEmployerRoutes } from './routes.ts';
export { registerEmployerTasks } from './tasks.ts';
export { employerMessages } from './messages.ts';
export { TALENT_PATH } from './views.ts';

export const employersPersonalData: PersonalDataPart = {
  name: 'talentEmployers',
  export: exportEmployerData,
  erase: eraseEmployerData,
};
