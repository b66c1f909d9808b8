/**
 * The guides' rules. Checklists belong to an organisation (the label is its own; who started one is
 * kept as created_by, set null with the account): start one — at most MAX_CHECKLISTS, counted under
 * a lock —, save its ticks (only keys of the guide's items as it is now), rename, delete. The
 * region's editors save a guide over the version they started from (another save first: stale) and
 * publish or unpublish it. Each change is one transaction with its audit event `toolbox.…`.
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import { actorOf, recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { retryingTransaction } from '../../../platform/db/transaction.ts';
import { line } from '../../../platform/html/form-values.ts';
import type { StoredGuideData } from './content.ts';
import { LABEL_MAX, MAX_CHECKLISTS, itemKeys } from './guide.ts';
import type { GuidesMessageKey } from './messages.ts';
import {
  checklistOf,
  countChecklists,
  guideBySlug,
  lockOrganisationChecklists,
  writeGuide,
} from './repository.ts';

export interface Acting {
  regionId: string;
  organisationId: string;
  principal: Principal;
}

export type LabelResult = { ok: true; label: string } | { ok: false; error: GuidesMessageKey };

/** A checklist's label as typed: one line, 1–LABEL_MAX characters. */
export function readLabel(value: string | undefined): LabelResult {
  const label = line(value ?? '');
  if (label === '') return { ok: false, error: 'error.labelRequired' };
  if (label.length > LABEL_MAX) return { ok: false, error: 'error.labelTooLong' };
  return { ok: true, label };
}

export type StartResult = { ok: true; id: string } | { ok: false; reason: 'guide' | 'full' };

/** Starts a checklist for a published guide, unless the organisation has MAX_CHECKLISTS already. */
export async function startChecklist(
  db: Kysely<DB>,
  acting: Acting,
  guideSlug: string,
  label: string,
): Promise<StartResult> {
  return retryingTransaction(db, async (trx) => {
    const guide = await guideBySlug(trx, acting.regionId, guideSlug);
    if (!guide?.published) return { ok: false, reason: 'guide' } as const;
    await lockOrganisationChecklists(trx, acting.regionId, acting.organisationId);
    if ((await countChecklists(trx, acting.regionId, acting.organisationId)) >= MAX_CHECKLISTS)
      return { ok: false, reason: 'full' } as const;
    const row = await trx
      .insertInto('toolbox_checklists')
      .values({
        region_id: acting.regionId,
        organisation_id: acting.organisationId,
        guide_slug: guide.slug,
        label,
        created_by: acting.principal.account?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      regionId: acting.regionId,
      actor: actorOf(acting.principal),
      organisationId: acting.organisationId,
      action: 'toolbox.checklist.created',
      subjectType: 'toolbox_checklist',
      subjectId: row.id,
      data: { guide: guide.data.title.sv, label },
    });
    return { ok: true, id: row.id } as const;
  });
}

/** Saves every box of the checklist form: the ticked keys that are items of the guide now. */
export async function saveTicks(
  db: Kysely<DB>,
  acting: Acting,
  id: string,
  ticked: readonly string[],
): Promise<boolean> {
  return retryingTransaction(db, async (trx) => {
    const checklist = await checklistOf(trx, acting.regionId, acting.organisationId, id, { lock: true });
    if (!checklist) return false;
    const guide = await guideBySlug(trx, acting.regionId, checklist.guideSlug);
    const keys = new Set(guide ? itemKeys(guide.data) : []);
    const wanted = new Set(ticked);
    const done = [...keys].filter((k) => wanted.has(k));
    await trx
      .updateTable('toolbox_checklists')
      .set({ done, updated_at: new Date() })
      .where('region_id', '=', acting.regionId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      regionId: acting.regionId,
      actor: actorOf(acting.principal),
      organisationId: acting.organisationId,
      action: 'toolbox.checklist.ticked',
      subjectType: 'toolbox_checklist',
      subjectId: id,
      data: { label: checklist.label, done: done.length, total: keys.size },
    });
    return true;
  });
}

export async function renameChecklist(
  db: Kysely<DB>,
  acting: Acting,
  id: string,
  label: string,
): Promise<boolean> {
  return retryingTransaction(db, async (trx) => {
    const checklist = await checklistOf(trx, acting.regionId, acting.organisationId, id, { lock: true });
    if (!checklist) return false;
    await trx
      .updateTable('toolbox_checklists')
      .set({ label, updated_at: new Date() })
      .where('region_id', '=', acting.regionId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      regionId: acting.regionId,
      actor: actorOf(acting.principal),
      organisationId: acting.organisationId,
      action: 'toolbox.checklist.renamed',
      subjectType: 'toolbox_checklist',
      subjectId: id,
      data: { from: checklist.label, label },
    });
    return true;
  });
}

export async function deleteChecklist(db: Kysely<DB>, acting: Acting, id: string): Promise<boolean> {
  return retryingTransaction(db, async (trx) => {
    const checklist = await checklistOf(trx, acting.regionId, acting.organisationId, id, { lock: true });
    if (!checklist) return false;
    await trx
      .deleteFrom('toolbox_checklists')
      .where('region_id', '=', acting.regionId)
      .where('organisation_id', '=', acting.organisationId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      regionId: acting.regionId,
      actor: actorOf(acting.principal),
      organisationId: acting.organisationId,
      action: 'toolbox.checklist.deleted',
      subjectType: 'toolbox_checklist',
      subjectId: id,
      data: { label: checklist.label },
    });
    return true;
  });
}

export type GuideSaveResult = 'saved' | 'stale' | 'missing';

/**
 * One change of a guide over `version` in one transaction with its audit event: 'missing' without
 * the guide, 'stale' when another save came first.
 */
async function changeGuide(
  db: Kysely<DB>,
  regionId: string,
  principal: Principal,
  slug: string,
  version: number,
  change: { data: string } | { published: boolean },
  audit: (guide: NonNullable<Awaited<ReturnType<typeof guideBySlug>>>) => {
    action: string;
    data: Record<string, string | number | boolean | null>;
  },
): Promise<GuideSaveResult> {
  return retryingTransaction(db, async (trx) => {
    const guide = await guideBySlug(trx, regionId, slug);
    if (!guide) return 'missing';
    const written = await writeGuide(trx, regionId, slug, version, change, principal.account?.id ?? null);
    if (!written) return 'stale';
    await recordAudit(trx, {
      regionId,
      actor: actorOf(principal),
      organisationId: principal.organisation?.id ?? null,
      subjectType: 'toolbox_guide',
      subjectId: slug,
      ...audit(guide),
    });
    return 'saved';
  });
}

/** Saves a guide's data over `version`; 'stale' when another save came first. */
export function saveGuide(
  db: Kysely<DB>,
  regionId: string,
  principal: Principal,
  slug: string,
  version: number,
  data: StoredGuideData,
): Promise<GuideSaveResult> {
  return changeGuide(db, regionId, principal, slug, version, { data: JSON.stringify(data) }, () => ({
    action: 'toolbox.guide.saved',
    data: { title: data.title.sv, version: version + 1 },
  }));
}

/** Publishes or unpublishes a guide over `version`. */
export function publishGuide(
  db: Kysely<DB>,
  regionId: string,
  principal: Principal,
  slug: string,
  version: number,
  published: boolean,
): Promise<GuideSaveResult> {
  return changeGuide(db, regionId, principal, slug, version, { published }, (guide) => ({
    action: published ? 'toolbox.guide.published' : 'toolbox.guide.unpublished',
    data: { title: guide.data.title.sv },
  }));
}
