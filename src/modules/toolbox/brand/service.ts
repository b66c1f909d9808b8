/**
 * The brand platform's rules: a save becomes the next version only when it starts from the newest
 * one (else it is stale, and the newer version is named); a restore writes an older version's
 * content as a new version. Each change in one transaction with its audit event.
 */
import type { Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { BrandData } from '../model.ts';
import { insertVersion, latestVersion, versionByNumber, type BrandVersion } from './repository.ts';

export interface Editor {
  regionId: string;
  accountId: string;
  actor: AuditActor;
  organisationId: string | null;
}

export type SaveResult =
  | { kind: 'saved'; version: number }
  /** A newer version than the one the form started from (its `base`). */
  | { kind: 'stale'; latest: BrandVersion }
  /** The form names a version that was never saved (only a hand-made request does). */
  | { kind: 'unknownBase' };

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

async function writeVersion(
  db: Kysely<DB>,
  editor: Editor,
  input: {
    base: number;
    data: BrandData;
    note: string;
    now: Date;
    action: 'saved' | 'restored';
    from?: number;
  },
): Promise<SaveResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const latest = await latestVersion(trx, editor.regionId);
      if (!latest || input.base > latest.version) {
        if (input.base !== 0) return { kind: 'unknownBase' };
      } else if (latest.version !== input.base) return { kind: 'stale', latest };
      const version = input.base + 1;
      await insertVersion(trx, {
        regionId: editor.regionId,
        version,
        data: input.data,
        note: input.note,
        savedBy: editor.accountId,
        savedAt: input.now,
      });
      await recordAudit(trx, {
        regionId: editor.regionId,
        actor: editor.actor,
        organisationId: editor.organisationId,
        action: `toolbox.brand.${input.action}`,
        subjectType: 'toolbox_brand',
        subjectId: String(version),
        data: input.from === undefined ? { version } : { version, from: input.from },
      });
      return { kind: 'saved', version };
    });
  } catch (error) {
    // Two saves from the same version at once: the primary key let one through.
    if (!isUniqueViolation(error)) throw error;
    const latest = await latestVersion(db, editor.regionId);
    if (!latest) throw error;
    return { kind: 'stale', latest };
  }
}

/** Saves the form's platform as the version after `base`, unless a newer one than `base` exists. */
export function saveBrand(
  db: Kysely<DB>,
  editor: Editor,
  input: { base: number; data: BrandData; note: string; now: Date },
): Promise<SaveResult> {
  return writeVersion(db, editor, { ...input, action: 'saved' });
}

export type RestoreResult =
  | { kind: 'restored'; version: number; from: number }
  | { kind: 'notFound' }
  | { kind: 'current'; version: number };

/** Writes version `from`'s content as a new version (after the newest). */
export async function restoreBrand(
  db: Kysely<DB>,
  editor: Editor,
  from: number,
  now: Date,
  note: string,
): Promise<RestoreResult> {
  // A concurrent save between reading and writing makes the write stale: read again and retry.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [old, latest] = await Promise.all([
      versionByNumber(db, editor.regionId, from),
      latestVersion(db, editor.regionId),
    ]);
    if (!old || !latest) return { kind: 'notFound' };
    if (latest.version === from) return { kind: 'current', version: from };
    const result = await writeVersion(db, editor, {
      base: latest.version,
      data: old.data,
      note,
      now,
      action: 'restored',
      from,
    });
    if (result.kind === 'saved') return { kind: 'restored', version: result.version, from };
  }
  throw new Error('the brand platform kept changing while a version was restored');
}
