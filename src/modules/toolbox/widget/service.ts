/**
 * The widget's rules: saving an organisation's settings (its first save makes the key) and giving it
 * a new key (the old snippet and JSON address stop answering). Each change is one transaction with
 * its audit event. The key is public by design (it is in the employer's page), so it is kept in
 * clear; a new key is the way to retire one.
 */
import type { Kysely } from 'kysely';
import { actorOf, recordAudit } from '../../../platform/audit.ts';
import type { Person } from '../../../platform/auth/principal.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { newWidgetKey, type WidgetSettings } from './form.ts';
import { replaceKey, upsertWidget, widgetOf, type WidgetRow } from './repository.ts';

export interface Acting {
  regionId: string;
  organisationId: string;
  person: Person;
  now: Date;
}

/** Saves the settings; `created` when this was the organisation's first save. */
export async function saveWidget(
  db: Kysely<DB>,
  acting: Acting,
  settings: WidgetSettings,
): Promise<{ row: WidgetRow; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing = await widgetOf(trx, acting.regionId, acting.organisationId);
    const row = await upsertWidget(
      trx,
      acting.regionId,
      acting.organisationId,
      existing?.key ?? newWidgetKey(),
      settings,
      acting.person.account.id,
      acting.now,
    );
    await recordAudit(trx, {
      regionId: acting.regionId,
      actor: actorOf(acting.person),
      organisationId: acting.organisationId,
      action: 'toolbox.widget.saved',
      subjectType: 'organisation',
      subjectId: acting.organisationId,
      data: {
        lang: settings.lang,
        municipality: settings.municipalityCode,
        show_jobs: settings.showJobs,
        max_jobs: settings.maxJobs,
        enabled: settings.enabled,
        created: existing === undefined,
      },
    });
    return { row, created: existing === undefined };
  });
}

/** A new key for the organisation's widget; false when it has no widget yet. */
export async function renewKey(db: Kysely<DB>, acting: Acting): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await replaceKey(
      trx,
      acting.regionId,
      acting.organisationId,
      newWidgetKey(),
      acting.person.account.id,
      acting.now,
    );
    if (!done) return false;
    await recordAudit(trx, {
      regionId: acting.regionId,
      actor: actorOf(acting.person),
      organisationId: acting.organisationId,
      action: 'toolbox.widget.key_renewed',
      subjectType: 'organisation',
      subjectId: acting.organisationId,
    });
    return true;
  });
}
