/** Who acts in the editors' back-office, as the service needs it. */
import type { FastifyRequest } from 'fastify';
import { personOf } from '../../../platform/auth/principal.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { Permission } from '../../../platform/permissions.ts';
import { getOrganisation } from '../../identity/organisations/service.ts';
import type { Editor, EditorialDeps } from './service.ts';

/** Who acts: a municipality editor reaches their own municipality's place pages and stories. */
export async function editorOf(request: FastifyRequest, db: EditorialDeps['db']): Promise<Editor> {
  const person = personOf(request);
  const organisationId = person.organisation?.id ?? null;
  let scope: Editor['scope'] = { all: true };
  if (person.role === 'municipality_editor') {
    const organisation = organisationId
      ? await getOrganisation(db, request.region.id, organisationId)
      : undefined;
    scope = { all: false, municipalityCode: organisation?.municipalityCode ?? null };
  }
  return {
    regionId: request.region.id,
    accountId: person.account.id,
    organisationId,
    lang: adminLang(request),
    scope,
    canApprove: person.permissions.has(Permission.ContentApprove),
  };
}
