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
import type { OrganisationKind, Role } from '../../../platform/permissions.ts';
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
    // switching the live widget off (or on) is for those who may give it a new key: the others'
    // saves keep it as it is
    if (!mayRenewKey(acting.person)) settings = { ...settings, enabled: existing?.enabled ?? true };
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

/**
 * Who may give the organisation's widget a new key, by role: its administrators (every pasted
 * snippet stops working until it is replaced, so not every member). A municipality's editors are its
 * highest role here; a course provider and a partner have one role each.
 */
export const KEY_ROLES: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  region: ['admin', 'region_editor'],
  municipality: ['municipality_editor'],
  employer: ['employer_admin'],
  course_provider: ['course_provider'],
  partner: ['navigator'],
};

export function mayRenewKey(person: Pick<Person, 'organisation' | 'role'>): boolean {
  const { organisation, role } = person;
  return organisation !== null && role !== null && KEY_ROLES[organisation.kind].includes(role);
}

/**
 * A new key for the organisation's widget: 'none' when it has no widget yet, 'forbidden' when the
 * person's role may not (mayRenewKey).
 */
export async function renewKey(db: Kysely<DB>, acting: Acting): Promise<'renewed' | 'none' | 'forbidden'> {
  return db.transaction().execute(async (trx) => {
    const existing = await widgetOf(trx, acting.regionId, acting.organisationId);
    if (!existing) return 'none';
    if (!mayRenewKey(acting.person)) return 'forbidden';
    const done = await replaceKey(
      trx,
      acting.regionId,
      acting.organisationId,
      newWidgetKey(),
      acting.person.account.id,
      acting.now,
    );
    if (!done) return 'none';
    await recordAudit(trx, {
      regionId: acting.regionId,
      actor: actorOf(acting.person),
      organisationId: acting.organisationId,
      action: 'toolbox.widget.key_renewed',
      subjectType: 'organisation',
      subjectId: acting.organisationId,
    });
    return 'renewed';
  });
}
