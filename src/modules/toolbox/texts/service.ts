/**
 * The rules of the region's texts, each change in one transaction with its audit event:
 * creating (a draft, or approved at once when the editor ticks it), saving (a save names the
 * version it started from — another's save in between is 'stale'; the text leaves the save as a
 * draft unless the editor approves it again in the same save, so an approved text never changes
 * unseen) and the workflow draft → approved → retired, and back to draft to rework. Approving
 * records who and when (by the app's clock).
 */
import type { Kysely } from 'kysely';
import { actorOf, recordAudit } from '../../../platform/audit.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { TextStatus } from '../model.ts';
import type { CheckedText } from './form.ts';
import { insertText, lockText, setStatus, updateText } from './repository.ts';

export interface Editor {
  regionId: string;
  principal: Principal & { account: { id: string } };
  clock: () => Date;
}

/** The moves of the workflow: from → the statuses it may go to. */
export const MOVES: Record<TextStatus, readonly TextStatus[]> = {
  draft: ['approved'],
  approved: ['retired', 'draft'],
  retired: ['draft'],
};

export type SaveResult = { kind: 'done' } | { kind: 'stale' } | { kind: 'not-found' } | { kind: 'refused' };

const nameOf = (t: { title_sv: string; title_en: string }) => t.title_sv || t.title_en;

async function audit(
  db: Kysely<DB>,
  editor: Editor,
  verb: 'created' | 'updated' | 'approved' | 'retired' | 'drafted',
  id: string,
  data: Record<string, string>,
) {
  await recordAudit(db, {
    regionId: editor.regionId,
    actor: actorOf(editor.principal),
    organisationId: editor.principal.organisation?.id ?? null,
    action: `toolbox.text.${verb}`,
    subjectType: 'toolbox_text',
    subjectId: id,
    data,
  });
}

export async function createText(db: Kysely<DB>, editor: Editor, text: CheckedText): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const approvedAt = text.approve ? editor.clock() : null;
    const id = await insertText(trx, editor.regionId, text, editor.principal.account.id, approvedAt);
    const name = text.title.sv || text.title.en;
    await audit(trx, editor, 'created', id, { name });
    if (approvedAt) await audit(trx, editor, 'approved', id, { name });
    return id;
  });
}

export async function saveText(
  db: Kysely<DB>,
  editor: Editor,
  id: string,
  version: string,
  text: CheckedText,
): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    const current = await lockText(trx, editor.regionId, id);
    if (!current) return { kind: 'not-found' };
    if (current.version !== version) return { kind: 'stale' };
    const approvedAt = text.approve ? editor.clock() : null;
    await updateText(trx, editor.regionId, id, text, editor.principal.account.id, approvedAt);
    const name = text.title.sv || text.title.en;
    await audit(trx, editor, 'updated', id, {
      name,
      was: current.status,
      status: approvedAt ? 'approved' : 'draft',
    });
    if (approvedAt) await audit(trx, editor, 'approved', id, { name });
    return { kind: 'done' };
  });
}

export async function moveText(
  db: Kysely<DB>,
  editor: Editor,
  id: string,
  version: string,
  to: TextStatus,
): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    const current = await lockText(trx, editor.regionId, id);
    if (!current) return { kind: 'not-found' };
    if (current.version !== version) return { kind: 'stale' };
    if (!MOVES[current.status as TextStatus].includes(to)) return { kind: 'refused' };
    await setStatus(trx, editor.regionId, id, to, editor.principal.account.id, editor.clock());
    const verb = to === 'approved' ? 'approved' : to === 'retired' ? 'retired' : 'drafted';
    await audit(trx, editor, verb, id, { name: nameOf(current) });
    return { kind: 'done' };
  });
}
