/**
 * The published company pages of the organisations at an event (linked from the event page), by
 * organisationsnummer: the companies module's directory source, one per database (so each app in a
 * process reads its own), kept a minute as the companies module keeps it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { EmployerPages } from '../../jobs/employers.ts';
import { employerPagesSource, type EmployerPagesSourceHandle } from '../../companies/public/directory.ts';

const sources = new WeakMap<Kysely<DB>, EmployerPagesSourceHandle>();

export function companyPages(db: Kysely<DB>, regionId: string): Promise<EmployerPages> {
  let source = sources.get(db);
  if (!source) {
    source = employerPagesSource(db);
    sources.set(db, source);
  }
  return source.pages(regionId);
}
