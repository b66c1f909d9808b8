/** /admin/talent/settings (Permission.TalentManage): the region's talent pool settings. Thin. */
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { doneOf } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { talentSettings } from '../profiles.ts';
import { poolStatistics, readSettings, saveSettings, SETTING_FIELDS } from './service.ts';
import { SETTINGS_PATH, settingsPage } from './views.ts';

const manage = { permission: Permission.TalentManage } as const;

export function registerSettingsRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  app.get(SETTINGS_PATH, { schema: { querystring: AnyQuery }, config: manage }, async (request, reply) => {
    const [settings, stats] = await Promise.all([
      talentSettings(db, request.region.id),
      poolStatistics(db, request.region.id),
    ]);
    const values = Object.fromEntries(SETTING_FIELDS.map((f) => [f, String(settings[f])])) as Record<
      (typeof SETTING_FIELDS)[number],
      string
    >;
    const view = settingsPage({
      lang: adminLang(request),
      csrf: reply.csrfToken(),
      values,
      errors: {},
      stats,
      saved: doneOf(request.query.done, ['saved'] as const) === 'saved',
    });
    return reply.adminPage({ ...view, path: SETTINGS_PATH });
  });

  app.post(
    SETTINGS_PATH,
    { schema: { body: FormBody(...SETTING_FIELDS) }, config: manage },
    async (request, reply) => {
      const person = personOf(request);
      const read = readSettings(request.body);
      if ('settings' in read) {
        await saveSettings(
          db,
          request.region.id,
          actorOf(person),
          person.organisation?.id ?? null,
          read.settings,
        );
        return reply.redirect(`${SETTINGS_PATH}?done=saved`, 303);
      }
      const values = Object.fromEntries(SETTING_FIELDS.map((f) => [f, request.body[f] ?? ''])) as Record<
        (typeof SETTING_FIELDS)[number],
        string
      >;
      const view = settingsPage({
        lang: adminLang(request),
        csrf: reply.csrfToken(),
        values,
        errors: read.errors,
        stats: await poolStatistics(db, request.region.id),
        saved: false,
      });
      return reply.adminPage({ ...view, path: SETTINGS_PATH }, { status: 422 });
    },
  );
}
