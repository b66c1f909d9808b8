/**
 * The employer's name on an organisation's own ads: the name of its published company page when
 * it has one (the companies module's store), else the organisation's own name.
 */
import { companyOfOrganisation } from '../../companies/store.ts';
import type { EmployerNameLookup } from './service.ts';

export const companyOrOrganisationName: EmployerNameLookup = async (db, regionId, organisation) => {
  const company = await companyOfOrganisation(db, regionId, organisation.id);
  return company?.status === 'published' ? company.name : organisation.name;
};
