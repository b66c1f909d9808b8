/**
 * `lotsa admin create --email <address>`: makes (or promotes) an admin of a region and prints a
 * one-time sign-in link, so the first person can get in without anyone else. Also the hint
 * `npm start` prints while a region has no admin of its own.
 */
import type { Kysely } from 'kysely';
import { CLI_ACTOR, recordAudit } from '../../platform/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { findOrCreateAccount, isValidEmail, normalizeEmail, setDisplayName } from './accounts.ts';
import { adminAddresses, grantRole } from './organisations/service.ts';
import { loadRegions } from '../regions/repository.ts';
import { createSignInLink } from './login/service.ts';
import { DEMO_ACCOUNTS, defaultRegionId, regionOrganisationId } from './seed.ts';

export interface AdminCreateArgs {
  email: string;
  regionId?: string;
  name?: string;
  language: Lang;
}

export const ADMIN_USAGE = `Usage: lotsa admin create --email <address> [--region <id>] [--name <name>] [--lang sv|en]`;

/** Parses `admin create …`; returns an error message for people when the arguments are wrong. */
export function parseAdminArgs(argv: string[]): AdminCreateArgs | string {
  const [sub, ...rest] = argv;
  if (sub !== 'create') return ADMIN_USAGE;
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 1) {
    const flag = rest[i] ?? '';
    const value = rest[i + 1];
    if (
      !['--email', '--region', '--name', '--lang'].includes(flag) ||
      value === undefined ||
      value.startsWith('--')
    ) {
      return `Unknown or incomplete option: ${flag}\n${ADMIN_USAGE}`;
    }
    values[flag.slice(2)] = value;
    i += 1;
  }
  const email = normalizeEmail(values.email ?? '');
  if (!email) return `--email is required\n${ADMIN_USAGE}`;
  if (!isValidEmail(email)) return `Not a valid e-mail address: ${values.email}`;
  const language = values.lang ?? 'sv';
  if (language !== 'sv' && language !== 'en') return `--lang must be sv or en`;
  return { email, regionId: values.region, name: values.name, language };
}

/** Creates or promotes the admin and returns the one-time sign-in link and code. */
export async function createAdmin(
  db: Kysely<DB>,
  args: AdminCreateArgs,
  origin: string,
): Promise<{ regionId: string; created: boolean; url: string; code: string; expiresMinutes: number }> {
  const regionId = args.regionId ?? (await defaultRegionId(db));
  const region = (await loadRegions(db)).find((r) => r.id === regionId);
  if (!region) throw new Error(`No region with id "${regionId}"`);
  const result = await db.transaction().execute(async (trx) => {
    const { account, created } = await findOrCreateAccount(
      trx,
      regionId,
      args.email,
      args.language,
      CLI_ACTOR,
    );
    if (args.name) await setDisplayName(trx, regionId, account.id, args.name.slice(0, 120));
    const organisationId = await regionOrganisationId(trx, regionId);
    await grantRole(trx, { regionId, organisationId, accountId: account.id, role: 'admin' });
    await recordAudit(trx, {
      regionId,
      actor: CLI_ACTOR,
      organisationId,
      action: 'admin.created',
      subjectType: 'account',
      subjectId: account.id,
      data: { role: 'admin' },
    });
    return { account, created };
  });
  const expiresMinutes = 15;
  const link = await createSignInLink(db, {
    regionId,
    email: result.account.email,
    language: args.language,
    origin,
    nextPath: '/admin',
    ttlMinutes: expiresMinutes,
  });
  return { regionId, created: result.created, url: link.url, code: link.code, expiresMinutes };
}

/** What `npm start` prints while the default region has no admin except the demo accounts. */
export async function adminHint(db: Kysely<DB>, mailDir: string): Promise<string | undefined> {
  const regionId = await defaultRegionId(db);
  const demo = DEMO_ACCOUNTS.map((a) => a.email);
  const admins = await adminAddresses(db, regionId);
  if (admins.some((a) => !demo.includes(a.email))) return undefined;
  const lines = [
    'No administrator of your own yet. Create one (prints a one-time sign-in link):',
    '  npx lotsa admin create --email you@example.com',
  ];
  if (admins.length > 0) {
    lines.push(
      'Demo accounts, one per role, are listed in README.md (e.g. admin@example.org); without SMTP_URL',
      `their sign-in e-mails are written to ${mailDir}.`,
    );
  }
  return lines.join('\n');
}
