/**
 * A person's relocation cases as personal data ('relocation'). Export: every case where the account
 * is an adult of the household (the case's account, an adult with the account, or an adult with
 * the account's e-mail): the case's facts, the household (the person's own fields in full; of the
 * others the role, and a child's age), consents with versions and times, checklist, documents
 * (metadata), meetings, follow-ups with answers, and the history's kinds, times and texts.
 *
 * Erase: a case where the person is the main mover is deleted whole (its household, consents,
 * history, checklist, documents, follow-ups and links go by cascade; a booked slot is freed). Where
 * they are only the partner, their person row goes (with its consents and links), the documents
 * they uploaded, and the texts of the history entries they wrote; the case gets the entry "a
 * household member erased their data". The stored files of deleted documents are removed through
 * the platform storage — best effort and before the account deletion commits (storage is not part
 * of the transaction): should the deletion roll back, the rows remain and name files that are gone.
 */
import type { Kysely } from 'kysely';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { PersonalDataPart, PersonRef } from '../../../platform/personal-data.ts';
import type { Storage } from '../../../platform/storage/index.ts';
import { addCaseEvent } from '../cases.ts';
import { casesOfPerson } from './repository.ts';

/** The storage the routes use (set when they register; the web process is where accounts are deleted). */
let storage: Storage | undefined;
export function useStorageForErasure(s: Storage): void {
  storage = s;
}

async function removeFiles(keys: readonly string[]): Promise<void> {
  if (!storage) return;
  for (const key of keys) await storage.delete(key).catch(() => undefined);
}

function isOwn(p: { account_id: string | null; email: string | null }, person: PersonRef): boolean {
  return (
    p.account_id === person.accountId ||
    (p.account_id === null && (p.email ?? '').toLowerCase() === person.email)
  );
}

export const relocationData: PersonalDataPart = {
  name: 'relocation',
  async export(db, person) {
    const { regionId } = person;
    const cases = await casesOfPerson(db, regionId, person.accountId, person.email);
    const out = [];
    for (const { caseId } of cases) {
      const c = await db
        .selectFrom('relocation_cases')
        .select([
          'ref',
          'stage',
          'municipality_code',
          'needs',
          'channel',
          'language',
          'housing',
          'message',
          'source',
          'created_at',
          'outcome_municipality',
          'outcome_main_employment',
          'outcome_partner_employment',
          'moved_on',
          'closed_at',
        ])
        .where('region_id', '=', regionId)
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      const persons = await db
        .selectFrom('relocation_persons')
        .selectAll()
        .where('region_id', '=', regionId)
        .where('case_id', '=', caseId)
        .execute();
      const own = persons.filter((p) => p.role !== 'child' && isOwn(p, person));
      const consents = own.length
        ? await db
            .selectFrom('relocation_consents')
            .select(['purpose', 'text_version', 'given_at', 'withdrawn_at'])
            .where('region_id', '=', regionId)
            .where(
              'person_id',
              'in',
              own.map((p) => p.id),
            )
            .orderBy('given_at')
            .execute()
        : [];
      const byCase = <
        T extends
          | 'relocation_checklist'
          | 'relocation_documents'
          | 'relocation_meetings'
          | 'relocation_followups'
          | 'relocation_case_events',
      >(
        table: T,
      ) =>
        db
          .selectFrom(table as 'relocation_checklist')
          .where('region_id', '=', regionId)
          .where('case_id', '=', caseId);
      const [checklist, documents, meetings, followups, history] = await Promise.all([
        byCase('relocation_checklist').select(['step', 'done_at']).execute(),
        db
          .selectFrom('relocation_documents')
          .select(['filename', 'content_type', 'bytes', 'created_at'])
          .where('region_id', '=', regionId)
          .where('case_id', '=', caseId)
          .execute(),
        db
          .selectFrom('relocation_meetings')
          .select(['starts_at', 'minutes', 'channel', 'place', 'note', 'cancelled_at'])
          .where('region_id', '=', regionId)
          .where('case_id', '=', caseId)
          .execute(),
        db
          .selectFrom('relocation_followups')
          .select(['months', 'due_on', 'sent_at', 'answered_at', 'answers'])
          .where('region_id', '=', regionId)
          .where('case_id', '=', caseId)
          .execute(),
        db
          .selectFrom('relocation_case_events')
          .select(['at', 'kind', 'body'])
          .where('region_id', '=', regionId)
          .where('case_id', '=', caseId)
          .orderBy('at')
          .execute(),
      ]);
      out.push({
        case: c,
        household: persons.map((p) =>
          own.includes(p)
            ? {
                role: p.role,
                name: p.name,
                email: p.email,
                phone: p.phone,
                citizenship: p.citizenship,
                occupation: p.occupation,
                jobSearch: p.job_search,
              }
            : { role: p.role, age: p.age },
        ),
        consents,
        checklist,
        documents,
        meetings,
        followups,
        history,
      });
    }
    return out;
  },
  async erase(trx: Kysely<DB>, person) {
    const { regionId, accountId } = person;
    const cases = await casesOfPerson(trx, regionId, accountId, person.email);
    const files: string[] = [];
    for (const { caseId, main } of cases) {
      if (main) {
        const docs = await trx
          .selectFrom('relocation_documents')
          .select('storage_key')
          .where('region_id', '=', regionId)
          .where('case_id', '=', caseId)
          .execute();
        files.push(...docs.map((d) => d.storage_key));
        await trx
          .deleteFrom('relocation_cases')
          .where('region_id', '=', regionId)
          .where('id', '=', caseId)
          .execute();
        continue;
      }
      const docs = await trx
        .deleteFrom('relocation_documents')
        .where('region_id', '=', regionId)
        .where('case_id', '=', caseId)
        .where('uploaded_by', '=', accountId)
        .returning('storage_key')
        .execute();
      files.push(...docs.map((d) => d.storage_key));
      const persons = await trx
        .selectFrom('relocation_persons')
        .select(['id', 'account_id', 'email'])
        .where('region_id', '=', regionId)
        .where('case_id', '=', caseId)
        .where('role', '=', 'partner')
        .execute();
      const own = persons.filter((p) => isOwn(p, person)).map((p) => p.id);
      if (own.length) {
        await trx
          .deleteFrom('relocation_persons')
          .where('region_id', '=', regionId)
          .where('id', 'in', own)
          .execute();
      }
      await trx
        .updateTable('relocation_case_events')
        .set({ body: '', data: '{}' })
        .where('region_id', '=', regionId)
        .where('case_id', '=', caseId)
        .where('actor_id', '=', accountId)
        .execute();
      await addCaseEvent(trx, {
        regionId,
        caseId,
        actorId: null,
        kind: 'household.erased',
        body: 'En person i hushållet raderade sina uppgifter. / A household member erased their data.',
      });
      const ref = await trx
        .selectFrom('relocation_cases')
        .select('ref')
        .where('region_id', '=', regionId)
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        regionId,
        actor: SYSTEM_ACTOR,
        action: 'relocation.household.erased',
        subjectType: 'relocation_case',
        subjectId: caseId,
        data: { name: `#${ref.ref}` },
      });
    }
    await removeFiles(files);
  },
};
