/**
 * Published companies for the public company page tests, written through the companies store as
 * the back-office does (insertCompany, then publishCompanyVersion), and their job ads through the
 * real ingester (test/helpers/jobs.ts).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { emptyCompany, type CompanyData } from '../../../src/modules/companies/model.ts';
import { flushPageCounts } from '../../../src/modules/companies/public/counts.ts';
import { employerPagesChanged } from '../../../src/modules/companies/public/directory.ts';
import { insertCompany, publishCompanyVersion } from '../../../src/modules/companies/store.ts';
import { importIllustration } from '../../../src/modules/content/media/demo.ts';
import type { Config } from '../../../src/platform/config.ts';
import type { DB } from '../../../src/platform/db/schema.ts';
import type { RichDoc } from '../../../src/platform/html/rich-doc.ts';
import { storageFor } from '../../../src/platform/storage/index.ts';
import { orgNumber } from '../../helpers/identity.ts';

export const R = 'dalarna';

/** Three employers' organisationsnummer (valid: Luhn, third digit ≥ 2). */
export const ORG = {
  steel: orgNumber('556100001'),
  energy: orgNumber('556100002'),
  software: orgNumber('556100003'),
  other: orgNumber('556100004'),
  secret: orgNumber('556100005'),
} as const;

export const para = (v: string): RichDoc => ({ v: 1, blocks: [{ t: 'p', c: [{ t: 'text', v }] }] });

export function companyData(name: string, change: Partial<CompanyData> = {}): CompanyData {
  return {
    ...emptyCompany(name),
    summary: { sv: `${name} i korthet.`, en: `${name} in short.` },
    ...change,
  };
}

export interface CompanySpec {
  slug: string;
  orgNumber: string;
  data: CompanyData;
  featured?: boolean;
  demo?: boolean;
  /** Leave it a draft (never published). */
  draft?: boolean;
  /** When it was first published (the list's "newest"). */
  publishedAt?: Date;
}

/** A company in draft, published (unless `draft`), as the store writes it; its id. */
/**
 * A company added straight to the tables, as the back-office would; like the back-office it tells
 * the public pages' directory, so the next request reads it.
 */
export async function addCompany(db: Kysely<DB>, spec: CompanySpec): Promise<string> {
  const id = await db.transaction().execute(async (trx) => {
    const result = await insertCompany(trx, {
      regionId: R,
      slug: spec.slug,
      orgNumber: spec.orgNumber,
      organisationId: null,
      data: spec.data,
      authorId: null,
      demo: spec.demo ?? false,
    });
    if (!result.ok) throw new Error(`company ${spec.slug}: ${result.clash} taken`);
    const id = result.company.id;
    if (!spec.draft) await publishCompanyVersion(trx, R, id, 1, spec.data.name);
    if (spec.featured || spec.publishedAt) {
      await trx
        .updateTable('companies')
        .set({
          featured: spec.featured ?? false,
          ...(spec.publishedAt ? { published_at: spec.publishedAt } : {}),
        })
        .where('region_id', '=', R)
        .where('id', '=', id)
        .execute();
    }
    return id;
  });
  employerPagesChanged(R);
  return id;
}

/** A logo in the media library: one of the shipped SVG illustrations under a slug of its own. */
export async function importLogo(db: Kysely<DB>, config: Config, slug = 'logo-test'): Promise<void> {
  await importIllustration(db, storageFor(config), R, {
    slug,
    file: new URL('../../../src/modules/content/demo/illustrations/industry-wind.svg', import.meta.url),
    alt: { sv: 'Logotyp', en: 'Logo' },
    credit: 'Lotsa',
  });
}

/** The day's counts of a company's page (Stockholm's date), or undefined when nothing was counted. */
export async function statsToday(
  db: Kysely<DB>,
  companyId: string,
): Promise<{ views: number; job_clicks: number } | undefined> {
  await flushPageCounts();
  return db
    .selectFrom('company_page_stats')
    .select(['views', 'job_clicks'])
    .where('region_id', '=', R)
    .where('company_id', '=', companyId)
    .where('day', '=', sql<string>`(now() AT TIME ZONE 'Europe/Stockholm')::date`)
    .executeTakeFirst();
}

/** The JSON-LD blocks of a page, parsed. */
export function jsonLd(body: string): Record<string, unknown>[] {
  return [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? '{}') as Record<string, unknown>,
  );
}

/** The names of the company cards on a list page, in order. */
export function cardNames(body: string): string[] {
  return [...body.matchAll(/<a class="company-card__link" href="[^"]+">([^<]+)<\/a>/g)].map(
    (m) => m[1] ?? '',
  );
}
