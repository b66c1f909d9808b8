/** SQL for regions, their hosts and municipalities. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Region } from '../../platform/region.ts';

export async function loadRegions(db: Kysely<DB>): Promise<Region[]> {
  const [regions, hosts, municipalities] = await Promise.all([
    db.selectFrom('regions').selectAll().orderBy('id').execute(),
    db.selectFrom('region_hosts').selectAll().orderBy('host').execute(),
    db.selectFrom('municipalities').selectAll().orderBy('code').execute(),
  ]);
  return regions.map((r) => ({
    id: r.id,
    name: { sv: r.name_sv, en: r.name_en },
    languages: r.languages as Lang[],
    defaultLanguage: r.default_language as Lang,
    isDefault: r.is_default,
    countyCode: r.county_code,
    jobtechConceptId: r.jobtech_concept_id,
    hosts: hosts.filter((h) => h.region_id === r.id).map((h) => h.host),
    canonicalOrigin: r.canonical_origin,
    brand: { primary: r.brand_primary, accent: r.brand_accent, logo: r.logo_path },
    contact: {
      organisation: r.contact_organisation,
      email: r.contact_email,
      phone: r.contact_phone,
      address: r.contact_address,
    },
    municipalities: municipalities
      .filter((m) => m.region_id === r.id)
      .map((m) => ({
        code: m.code,
        officialName: m.official_name,
        shortName: m.short_name,
        slug: m.slug,
        jobtechConceptId: m.jobtech_concept_id,
      })),
  }));
}

/** Inserts or updates a region with its hosts and municipalities, in one transaction. */
export async function upsertRegion(db: Kysely<DB>, region: Region): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = {
      id: region.id,
      name_sv: region.name.sv,
      name_en: region.name.en,
      languages: region.languages,
      default_language: region.defaultLanguage,
      is_default: region.isDefault,
      county_code: region.countyCode,
      jobtech_concept_id: region.jobtechConceptId,
      brand_primary: region.brand.primary,
      brand_accent: region.brand.accent,
      logo_path: region.brand.logo,
      contact_organisation: region.contact.organisation,
      contact_email: region.contact.email,
      contact_phone: region.contact.phone,
      contact_address: region.contact.address,
      canonical_origin: region.canonicalOrigin ?? null,
    };
    const { id: _id, ...update } = row;
    await trx
      .insertInto('regions')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...update, updated_at: new Date() }))
      .execute();
    for (const host of region.hosts) {
      await trx
        .insertInto('region_hosts')
        .values({ region_id: region.id, host })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const m of region.municipalities) {
      const values = {
        official_name: m.officialName,
        short_name: m.shortName,
        slug: m.slug,
        jobtech_concept_id: m.jobtechConceptId,
      };
      await trx
        .insertInto('municipalities')
        .values({ region_id: region.id, code: m.code, ...values })
        .onConflict((oc) => oc.columns(['region_id', 'code']).doUpdateSet(values))
        .execute();
    }
  });
}
