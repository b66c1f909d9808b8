/**
 * The companies' demo seed: with `demo` on, every demo company (demo/load.ts) is inserted and
 * published in each region of Dalarna's county, with its competence needs, the featured ones
 * featured, and its logo imported into the media library. It runs after the media module's seed
 * (module order), so the photographs and illustrations the pages name are in the library.
 *
 * Safe on every start: a company whose slug or organisationsnummer is taken is skipped, so an
 * editor's or an employer's change — or their own page with that number — is never overwritten.
 * A logo is imported again only when its file changed (importIllustration).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../platform/config.ts';
import type { DB } from '../../platform/db/schema.ts';
import { storageFor } from '../../platform/storage/index.ts';
import { DEMO_COUNTY } from '../content/seed.ts';
import { importIllustration } from '../content/media/demo.ts';
import { loadRegions } from '../regions/repository.ts';
import { loadDemoCompanies, type DemoCompany } from './demo/load.ts';
import { insertCompany, publishCompanyVersion } from './store.ts';

export interface DemoCompaniesResult {
  regionId: string;
  inserted: number;
  skipped: number;
  /** Logos in the library (imported or already there); 0 without a configuration. */
  logos: number;
}

/** Inserts and publishes one demo company with its needs; false when its slug or number is taken. */
async function insertDemoCompany(db: Kysely<DB>, regionId: string, company: DemoCompany): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await insertCompany(trx, {
      regionId,
      slug: company.slug,
      orgNumber: company.orgNumber,
      organisationId: null,
      data: company.data,
      authorId: null,
      demo: true,
      note: 'Demo',
    });
    if (!inserted.ok) return false;
    const id = inserted.company.id;
    await publishCompanyVersion(trx, regionId, id, inserted.company.version, company.data.name);
    if (company.featured) {
      await trx
        .updateTable('companies')
        .set({ featured: true })
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .execute();
    }
    await trx
      .insertInto('company_competence_needs')
      .values(
        company.competenceNeeds.map((n) => ({
          region_id: regionId,
          company_id: id,
          occupation_id: n.occupationId,
          people: n.people,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    return true;
  });
}

/** The demo companies one region lacks, and their logos; returns what it did per region. */
export async function seedDemoCompanies(
  db: Kysely<DB>,
  options: { demo: boolean; logger?: Logger; config?: Config },
): Promise<DemoCompaniesResult[]> {
  if (!options.demo) return [];
  const storage = options.config ? storageFor(options.config) : undefined;
  const results: DemoCompaniesResult[] = [];
  for (const region of await loadRegions(db)) {
    if (region.countyCode !== DEMO_COUNTY) continue;
    const companies = loadDemoCompanies(region.municipalities.map((m) => m.code));
    const result: DemoCompaniesResult = { regionId: region.id, inserted: 0, skipped: 0, logos: 0 };
    for (const company of companies) {
      if (storage) {
        const { slug, file, alt, credit } = company.logo;
        await importIllustration(db, storage, region.id, { slug, file, alt, credit });
        result.logos++;
      }
      if (await insertDemoCompany(db, region.id, company)) result.inserted++;
      else result.skipped++;
    }
    options.logger?.info(result, 'demo companies seeded');
    results.push(result);
  }
  return results;
}
