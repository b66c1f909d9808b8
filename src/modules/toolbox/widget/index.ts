/**
 * The career-page widget (toolbox_widgets): an organisation's settings page, the widget's JSON for
 * any site, its own frameable page, and the script employers paste (public/js/lotsa-widget.js).
 */
import { sql } from 'kysely';
import { html } from '../../../platform/html/html.ts';
import type { ToolboxPart } from '../part.ts';
import { widgetOpenApi } from './api-schema.ts';
import { widgetMessages } from './messages.ts';
import { registerWidgetRoutes } from './routes.ts';
import { seedWidgets } from './seed.ts';

export const widgetPart: ToolboxPart = {
  routes: (app, deps) => registerWidgetRoutes(app, deps),
  seed: async (db, context) => {
    await seedWidgets(db, context);
  },
  adminCards: [
    {
      order: 50,
      render: async ({ db, region, lang }) => {
        const row = await db
          .selectFrom('toolbox_widgets')
          .select([
            sql<number>`count(*) FILTER (WHERE enabled)::int`.as('on'),
            sql<number>`count(*)::int`.as('all'),
          ])
          .where('region_id', '=', region.id)
          .executeTakeFirstOrThrow();
        const t = widgetMessages.t;
        return {
          title: t(lang, 'page.title'),
          html: html`<p>${t(lang, 'card.count', { on: String(row.on), all: String(row.all) })}</p>`,
        };
      },
    },
  ],
  openApi: () => widgetOpenApi,
  auditSentences: {
    'toolbox.widget.saved': {
      label: { sv: 'Widget för karriärsidan sparad', en: 'Career-page widget saved' },
      sentences: [
        {
          sv: '{actor} sparade widgeten för karriärsidan åt {organisation}',
          en: '{actor} saved the career-page widget for {organisation}',
        },
      ],
    },
    'toolbox.widget.key_renewed': {
      label: { sv: 'Ny nyckel för widgeten', en: 'New widget key' },
      sentences: [
        {
          sv: '{actor} skapade en ny nyckel för widgeten åt {organisation}; den gamla koden slutade fungera',
          en: '{actor} created a new key for the widget of {organisation}; the old code stopped working',
        },
      ],
    },
  },
};
