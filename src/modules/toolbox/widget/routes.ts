/**
 * The widget's routes. For organisations (ToolboxUse): /:lang/toolbox/widget (the settings, the
 * snippet, the JSON address, a preview) with POST to save, and GET …/key (what a new key breaks and
 * who may make one) whose form POSTs …/key with confirm=yes for a new key. For anyone
 * (Public, rate-limited, no session read, no cookie set): GET /api/v1/widget/:key (the JSON, readable
 * from any origin, ETag, a short cache) and GET /:lang/widget/:key (the widget as a small page that
 * other sites may frame). An unknown or switched-off key is a 404. Thin: read input, one service
 * call, render.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { sendHtml } from '../../../platform/html/send.ts';
import { allowCrossOriginReads } from '../../../platform/http/cors.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { doneOf } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { TOOLBOX_CSS, toolboxFrame } from '../frame.ts';
import { PATHS } from '../model.ts';
import { getWidgetOperation } from './api-schema.ts';
import { widgetApiPath, widgetContent, widgetPagePath } from './content.ts';
import {
  DEFAULT_SETTINGS,
  formValuesOf,
  KEY_PATTERN,
  readWidgetForm,
  WIDGET_FIELDS,
  type WidgetFormErrors,
  type WidgetFormValues,
} from './form.ts';
import { widgetMessages } from './messages.ts';
import { organisationFacts, widgetByKey, widgetOf, type WidgetRow } from './repository.ts';
import { mayRenewKey, renewKey, saveWidget } from './service.ts';
import {
  confirmKeyBody,
  SETTINGS_SCRIPTS,
  WIDGET_CSS,
  WIDGET_SCRIPT,
  settingsBody,
  snippetOf,
  widgetPage,
} from './views.ts';

const use = { permission: Permission.ToolboxUse } as const;
/** What anyone may read: per client address, generous (a career page's visitors each load it once). */
const open = {
  permission: Permission.Public,
  rateLimit: { name: 'widget', max: 600, windowSeconds: 60 },
} as const;
/** Browsers and shared caches may keep the widget a few minutes. */
const CACHE = 'public, max-age=300';
const DONE = ['saved', 'created', 'renewed'] as const;

const SettingsBody = FormBody(...WIDGET_FIELDS);
const WidgetPageParams = PathParams('lang', 'key');

function actingFor(request: FastifyRequest) {
  const person = personOf(request);
  const organisation = person.organisation;
  if (!organisation) throw new AppError('LOTSA_NOT_FOUND');
  return { person, organisation };
}

/** The widget with this key when it is switched on, else the 404 every unknown key gets. */
async function liveWidget(deps: ModuleDeps, request: FastifyRequest, key: string): Promise<WidgetRow> {
  if (!KEY_PATTERN.test(key)) throw new AppError('LOTSA_NOT_FOUND');
  const widget = await widgetByKey(deps.database.db, request.region.id, key);
  if (!widget?.enabled) throw new AppError('LOTSA_NOT_FOUND');
  return widget;
}

export function registerWidgetRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function renderSettings(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    form?: { values: WidgetFormValues; errors: WidgetFormErrors },
    done?: (typeof DONE)[number],
  ) {
    const { organisation } = actingFor(request);
    const region = request.region;
    const widget = await widgetOf(db, region.id, organisation.id);
    const origin = siteOrigin(request);
    const t = (key: Parameters<typeof widgetMessages.t>[1], params?: Record<string, string>) =>
      widgetMessages.t(lang, key, params);
    const facts = await organisationFacts(db, region.id, organisation.id);
    let saved;
    if (widget) {
      const fallbackText = widgetMessages.t(widget.lang, 'widget.fallback', {
        region: region.name[widget.lang],
        organisation: facts?.name ?? organisation.name,
      });
      const pageUrl = `${origin}${widgetPagePath(widget.lang, widget.key)}`;
      saved = {
        key: widget.key,
        enabled: widget.enabled,
        lang: widget.lang,
        pageUrl,
        jsonUrl: `${origin}${widgetApiPath(widget.key)}`,
        fallbackText,
        snippet: snippetOf({
          key: widget.key,
          lang: widget.lang,
          pageUrl,
          // Without the content hash: the snippet stays the same when the script changes.
          scriptUrl: `${origin}/static/${WIDGET_SCRIPT}`,
          linkText: fallbackText,
        }),
      };
    }
    const notice =
      done === 'saved'
        ? t('settings.saved')
        : done === 'created'
          ? t('settings.created')
          : done === 'renewed'
            ? t('key.renewed')
            : undefined;
    const body = settingsBody({
      lang,
      region,
      csrfToken: reply.csrfToken(),
      values: form?.values ?? formValuesOf(widget ?? DEFAULT_SETTINGS),
      errors: form?.errors ?? {},
      saved,
      kind: organisation.kind,
      mayRenewKey: mayRenewKey(personOf(request)),
      noOrgNumber: facts !== undefined && facts.orgNumber === null,
    });
    return reply.page(
      {
        title: t('page.title'),
        description: t('page.lead', { region: region.name[lang] }),
        path: PATHS.widget,
        main: toolboxFrame(lang, {
          current: 'widget',
          heading: t('page.title'),
          lead: t('page.lead', { region: region.name[lang] }),
          organisationName: organisation.name,
          notice,
          body,
        }),
        stylesheets: [TOOLBOX_CSS, WIDGET_CSS],
        scripts: widget?.enabled ? SETTINGS_SCRIPTS : SETTINGS_SCRIPTS.slice(0, 1),
        noindex: true,
      },
      { status: form ? 400 : 200, cache: 'no-store' },
    );
  }

  app.get(
    `/:lang${PATHS.widget}`,
    { schema: { params: LangParams, querystring: AnyQuery }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      return renderSettings(request, reply, lang, undefined, doneOf(request.query.done, DONE));
    },
  );

  app.post(
    `/:lang${PATHS.widget}`,
    { schema: { params: LangParams, body: SettingsBody }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const { person, organisation } = actingFor(request);
      const codes = request.region.municipalities.map((m) => m.code);
      const form = readWidgetForm(request.body, codes);
      if (!form.settings) return renderSettings(request, reply, lang, form);
      const { created } = await saveWidget(
        db,
        { regionId: request.region.id, organisationId: organisation.id, person, now: deps.clock() },
        form.settings,
      );
      return reply.redirect(`${localPath(lang, PATHS.widget)}?done=${created ? 'created' : 'saved'}`, 303);
    },
  );

  // A new key asks first, on a page of its own: it says what stops working and who may do it.
  app.get(
    `/:lang${PATHS.widget}/key`,
    { schema: { params: LangParams }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const { person, organisation } = actingFor(request);
      const widget = await widgetOf(db, request.region.id, organisation.id);
      if (!widget) throw new AppError('LOTSA_NOT_FOUND');
      const t = (key: Parameters<typeof widgetMessages.t>[1]) => widgetMessages.t(lang, key);
      return reply.page(
        {
          title: t('confirm.title'),
          description: t('confirm.lead'),
          path: `${PATHS.widget}/key`,
          main: toolboxFrame(lang, {
            current: 'widget',
            heading: t('confirm.title'),
            lead: t('confirm.lead'),
            organisationName: organisation.name,
            body: confirmKeyBody({
              lang,
              csrfToken: reply.csrfToken(),
              key: widget.key,
              kind: organisation.kind,
              allowed: mayRenewKey(person),
            }),
          }),
          stylesheets: [TOOLBOX_CSS, WIDGET_CSS],
          noindex: true,
        },
        { cache: 'no-store' },
      );
    },
  );

  app.post(
    `/:lang${PATHS.widget}/key`,
    { schema: { params: LangParams, body: FormBody('confirm') }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const { person, organisation } = actingFor(request);
      const acting = {
        regionId: request.region.id,
        organisationId: organisation.id,
        person,
        now: deps.clock(),
      };
      // Without the confirmation (an old page's button, a stray post) nothing changes: ask.
      if (request.body?.confirm !== 'yes') {
        if (!(await widgetOf(db, acting.regionId, acting.organisationId)))
          throw new AppError('LOTSA_NOT_FOUND');
        return reply.redirect(`${localPath(lang, PATHS.widget)}/key`, 303);
      }
      const result = await renewKey(db, acting);
      if (result === 'none') throw new AppError('LOTSA_NOT_FOUND');
      if (result === 'forbidden') throw new AppError('LOTSA_FORBIDDEN');
      return reply.redirect(`${localPath(lang, PATHS.widget)}?done=renewed`, 303);
    },
  );

  const op = getWidgetOperation;
  app.get(
    op.url,
    { schema: op.schema, config: { ...open, cors: 'public', conditional: true, embed: 'resource' } },
    async (request, reply) => {
      const widget = await liveWidget(deps, request, request.params.key);
      const content = await widgetContent(db, request.region, siteOrigin(request), widget, deps.clock());
      if (!content) throw new AppError('LOTSA_NOT_FOUND');
      return reply
        .header('cache-control', CACHE)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(content));
    },
  );
  allowCrossOriginReads(app, op.url);

  app.get(
    '/:lang/widget/:key',
    { schema: { params: WidgetPageParams, querystring: AnyQuery }, config: { ...open, embed: 'frame' } },
    async (request, reply) => {
      const lang = langParam(request);
      const widget = await liveWidget(deps, request, request.params.key);
      // The page is in the language of its URL; the widget's own language is the snippet's link.
      const content = await widgetContent(
        db,
        request.region,
        siteOrigin(request),
        { ...widget, lang },
        deps.clock(),
      );
      if (!content) throw new AppError('LOTSA_NOT_FOUND');
      const title = content.life.title;
      const organisation = content.organisation.name;
      const page = widgetPage({
        site: deps.site,
        region: request.region,
        content,
        title: `${title} – ${organisation}`,
        description: widgetMessages.t(lang, 'widget.pageDescription', { title, organisation }),
      });
      return sendHtml(reply, page, { cache: CACHE });
    },
  );
}
