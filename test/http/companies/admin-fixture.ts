/**
 * What the company back-office tests share: the app, a browser-like client, the region's editor
 * and admin, and two employers (each with an admin; the first also with a member), plus helpers
 * that create an employer's own page and fill its form the way a person would.
 */
import assert from 'node:assert/strict';
import { getCompany, getCompanyVersion } from '../../../src/modules/companies/store.ts';
import type { RateLimiter } from '../../../src/platform/http/rate-limit.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient, type FormFields } from '../../helpers/client.ts';
import { createOrganisation, createPerson, orgNumber, REGION, sessionFor } from '../../helpers/identity.ts';

export const LIST = '/admin/companies';

/** A form that saves: both summaries, texts, a municipality, an industry. */
export function filled(name: string, extra: FormFields = {}): FormFields {
  return {
    name,
    summary_sv: `${name} gör stål i Dalarna.`,
    summary_en: `${name} makes steel in Dalarna.`,
    about_sv: '## Om oss\n\nVi har gjort stål sedan 1878.',
    about_en: '## About us\n\nWe have made steel since 1878.',
    impact_sv: 'Vårt stål finns i broar över hela världen.',
    impact_en: 'Our steel is in bridges all over the world.',
    industry_0: '24',
    municipalities: ['2081'],
    website: 'https://www.example.com',
    employees: '1200',
    languages: ['sv', 'en'],
    ...extra,
  };
}

export async function companyFixture(
  env: Record<string, string> = {},
  options: { rateLimiter?: RateLimiter } = {},
) {
  const { app, database, queue, config } = await buildTestApp(env, undefined, {
    rateLimiter: options.rateLimiter ?? unlimited,
  });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganisation(db, { kind: 'region' });
  const editor = await createPerson(db, { role: 'region_editor', organisationId: region });
  const editorCookie = await sessionFor(db, editor.accountId, { secondFactor: true });
  const admin = await createPerson(db, { role: 'admin', organisationId: region });
  await db
    .updateTable('accounts')
    .set({ display_name: 'Anna Admin' })
    .where('id', '=', admin.accountId)
    .execute();
  const adminCookie = await sessionFor(db, admin.accountId, { secondFactor: true });

  const employer = await createOrganisation(db, { kind: 'employer', name: 'Bergslagens Stål AB' });
  const hr = await createPerson(db, { role: 'employer_admin', organisationId: employer });
  await db.updateTable('accounts').set({ display_name: 'Hanna HR' }).where('id', '=', hr.accountId).execute();
  const hrCookie = await sessionFor(db, hr.accountId);
  const member = await createPerson(db, { role: 'employer_member', organisationId: employer });
  const memberCookie = await sessionFor(db, member.accountId);

  const other = await createOrganisation(db, { kind: 'employer', name: 'Andra Bolaget AB' });
  // Numbers a person could type: the helper's random ones may look like personnummer.
  for (const [id, nine] of [
    [employer, '556677001'],
    [other, '556677002'],
  ] as const)
    await db
      .updateTable('organisations')
      .set({ org_number: orgNumber(nine) })
      .where('id', '=', id)
      .execute();
  const otherHr = await createPerson(db, { role: 'employer_admin', organisationId: other });
  const otherCookie = await sessionFor(db, otherHr.accountId);

  const get = (url: string, cookie: string) => client.get(url, cookie);
  const post = (url: string, cookie: string, fields: FormFields = {}) => client.postForm(url, cookie, fields);

  /** The employer's own new page (created from "Vår företagssida"); its id. */
  async function ownPage(cookie = hrCookie): Promise<string> {
    const res = await post(`${LIST}/own/create`, cookie);
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const match = /^\/admin\/companies\/([0-9a-f-]{36})\?done=created$/.exec(String(res.headers.location));
    assert.ok(match, String(res.headers.location));
    return match[1] as string;
  }

  async function save(id: string, cookie: string, fields: FormFields, base?: number) {
    const version = base ?? (await getCompany(db, REGION, id))!.version;
    return post(`${LIST}/${id}`, cookie, { base: String(version), ...fields });
  }

  async function latest(id: string) {
    const company = (await getCompany(db, REGION, id))!;
    return { company, data: (await getCompanyVersion(db, REGION, company))!.data };
  }

  return {
    app,
    db,
    queue,
    config,
    client,
    region,
    editor,
    editorCookie,
    admin,
    adminCookie,
    employer,
    hr,
    hrCookie,
    member,
    memberCookie,
    other,
    otherCookie,
    get,
    post,
    ownPage,
    save,
    latest,
  };
}

/** The value of a text field as the page shows it. */
export function inputValue(body: string, name: string): string | undefined {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(body);
  return match?.[1];
}

/** The text of a textarea as the page shows it. */
export function textareaValue(body: string, name: string): string | undefined {
  const match = new RegExp(`name="${name}"[^>]*>\\n?([^<]*)</textarea>`).exec(body);
  return match?.[1];
}
