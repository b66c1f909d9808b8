/**
 * The brand part's routes. Thin: read input, one service call, render.
 *
 * - GET /:lang/toolbox (SignedIn): the brand platform for a person with ToolboxUse; a signed-in
 *   person without an organisation gets a 403 page saying who the toolbox is for and how to get in.
 * - GET /admin/toolbox (ToolboxEdit): every part's adminCards.
 * - GET/POST /admin/toolbox/brand (ToolboxEdit): the edit form (optimistic locking by `base`).
 * - GET /admin/toolbox/brand/versions, POST …/versions/:version/restore (ToolboxEdit).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import type { FormValues } from '../../../platform/html/form-values.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { queryText } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { imagesBySlug, type MediaImage } from '../../content/media/service.ts';
import { TOOLBOX_CSS, toolboxFrame } from '../frame.ts';
import { PATHS } from '../model.ts';
import type { PartsContext } from '../part.ts';
import { brandChanges, emptyBrand } from './data.ts';
import { FIELD_NAMES, fieldOfChange, readBrandForm, valuesOf, versionOf, type BrandErrors } from './form.ts';
import {
  latestVersion,
  versionByNumber,
  versionHistory,
  versionPair,
  type BrandVersion,
} from './repository.ts';
import { restoreBrand, saveBrand, type Editor } from './service.ts';
import {
  ADMIN_PATH,
  BRAND_CSS,
  EDIT_PATH,
  VERSIONS_PATH,
  brandBody,
  changesHtml,
  editPage,
  fieldLabels,
  noAccessMain,
  overviewPage,
  translator,
  versionsPage,
} from './views.ts';

/** The hero's photograph, and one for each profile bearer: the first usable of each list. */
export const HERO_PICTURES = ['lake-jetty-sunset', 'autumn-forest-sunbeams', 'winter-spruce-forest'];
export const BEARER_PICTURES = [
  ['office-team-workshop', 'office-open-plan-workers'],
  ['office-open-plan-workers', 'office-team-workshop'],
  ['autumn-forest-sunbeams', 'winter-tree-lined-path', 'lake-jetty-sunset'],
];

const HISTORY_PAGE = 50;
const edit = { permission: Permission.ToolboxEdit } as const;
const BrandBody = FormBody(...FIELD_NAMES);
const VersionParams = PathParams('version');

function editorOf(request: FastifyRequest): Editor {
  const person = personOf(request);
  return {
    regionId: request.region.id,
    accountId: person.account.id,
    actor: actorOf(person),
    organisationId: person.organisation?.id ?? null,
  };
}

async function pictures(deps: ModuleDeps, regionId: string) {
  const slugs = [...new Set([...HERO_PICTURES, ...BEARER_PICTURES.flat()])];
  const found = await imagesBySlug(deps.database.db, regionId, slugs);
  const first = (list: readonly string[]): MediaImage | undefined =>
    list.map((s) => found.get(s)).find((i) => i && i.usable && !i.expired && i.kind === 'photo');
  return { hero: first(HERO_PICTURES), bearers: BEARER_PICTURES.map(first) };
}

export function registerBrandRoutes(app: App, deps: ModuleDeps, parts: PartsContext): void {
  const db = deps.database.db;

  // The brand platform in the toolbox.

  app.get(
    `/:lang${PATHS.home}`,
    { schema: { params: LangParams }, config: { permission: Permission.SignedIn } },
    async (request, reply) => {
      const lang = langParam(request);
      const person = personOf(request);
      const t = translator(lang);
      if (!person.permissions.has(Permission.ToolboxUse)) {
        return reply.page(
          {
            title: t('noaccess.title'),
            description: t('page.description'),
            path: PATHS.home,
            main: noAccessMain(lang, request.region),
            noindex: true,
          },
          { status: 403, cache: 'no-store' },
        );
      }
      // Staff reach organisations' tools only past their second factor, as on every other route.
      if (person.staff && person.session.secondFactorAt === null)
        throw new AppError('LOTSA_SECOND_FACTOR_REQUIRED');
      const [version, images] = await Promise.all([
        latestVersion(db, request.region.id),
        pictures(deps, request.region.id),
      ]);
      const main = toolboxFrame(lang, {
        current: 'brand',
        heading: t('page.heading'),
        lead: t('page.lead'),
        organisationName: person.organisation?.name,
        body: brandBody({ lang, version, hero: images.hero, bearerImages: images.bearers }),
      });
      return reply.page(
        {
          title: t('page.title'),
          description: t('page.description'),
          path: PATHS.home,
          main,
          stylesheets: [TOOLBOX_CSS, BRAND_CSS],
          noindex: true,
        },
        { cache: 'no-store' },
      );
    },
  );

  // The back-office overview: every part's card.

  app.get(ADMIN_PATH, { schema: { querystring: AnyQuery }, config: edit }, async (request, reply) => {
    const lang = adminLang(request);
    const cards = await Promise.all(
      parts.adminCards.map((card) => card.render({ db, region: request.region, lang })),
    );
    const view = overviewPage(
      lang,
      cards.filter((c) => c !== null),
    );
    return reply.adminPage({ ...view, path: ADMIN_PATH, stylesheets: [BRAND_CSS] });
  });

  // The edit form.

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: {
      values: FormValues;
      errors: BrandErrors;
      base: number;
      done?: string;
      conflict?: BrandVersion;
      started?: BrandVersion;
    },
    status = 200,
  ) {
    const lang = adminLang(request);
    const conflict = model.conflict
      ? {
          latest: model.conflict,
          changes: changesHtml(lang, model.started?.data ?? emptyBrand(), model.conflict.data, 3),
        }
      : undefined;
    const view = editPage({ lang, csrf: reply.csrfToken(), ...model, conflict });
    return reply.adminPage(
      { ...view, path: EDIT_PATH, navPath: ADMIN_PATH, stylesheets: [BRAND_CSS] },
      { status },
    );
  }

  app.get(EDIT_PATH, { schema: { querystring: AnyQuery }, config: edit }, async (request, reply) => {
    const lang = adminLang(request);
    const latest = await latestVersion(db, request.region.id);
    const base = latest?.version ?? 0;
    const saved = versionOf(queryText(request.query.version));
    const done =
      queryText(request.query.done) === 'saved' && saved !== undefined
        ? translator(lang)('done.saved', { version: String(saved) })
        : undefined;
    return showForm(request, reply, {
      values: valuesOf(latest?.data ?? emptyBrand(), base),
      errors: {},
      base,
      done,
    });
  });

  app.post(EDIT_PATH, { schema: { body: BrandBody }, config: edit }, async (request, reply) => {
    const editor = editorOf(request);
    const form = readBrandForm(request.body);
    const base = form.base ?? 0;
    if (Object.keys(form.errors).length) {
      return showForm(request, reply, { values: form.values, errors: form.errors, base }, 400);
    }
    const result = await saveBrand(db, editor, { base, data: form.data, note: form.note, now: deps.clock() });
    if (result.kind === 'saved')
      return reply.redirect(`${EDIT_PATH}?done=saved&version=${result.version}`, 303);
    if (result.kind === 'unknownBase') throw new AppError('LOTSA_BAD_REQUEST');
    // Stale: what was typed stays; the fields the newer version changed are marked by the field.
    const latest = result.latest;
    const started = base > 0 ? await versionByNumber(db, editor.regionId, base) : undefined;
    const lang = adminLang(request);
    const errors: BrandErrors = {};
    for (const change of brandChanges(started?.data ?? emptyBrand(), latest.data, fieldLabels(lang))) {
      const field = change.before !== change.after ? fieldOfChange(change.key) : undefined;
      if (field) errors[field] ??= { key: 'error.changed', params: { version: String(latest.version) } };
    }
    const values = { ...form.values, base: String(latest.version) };
    return showForm(request, reply, { values, errors, base: latest.version, conflict: latest, started }, 409);
  });

  // The history.

  app.get(VERSIONS_PATH, { schema: { querystring: AnyQuery }, config: edit }, async (request, reply) => {
    const lang = adminLang(request);
    const t = translator(lang);
    const regionId = request.region.id;
    const before = versionOf(queryText(request.query.before));
    const diffOf = versionOf(queryText(request.query.diff));
    const [rows, latest, pair] = await Promise.all([
      versionHistory(db, regionId, { before, limit: HISTORY_PAGE + 1 }),
      latestVersion(db, regionId),
      diffOf !== undefined ? versionPair(db, regionId, diffOf) : Promise.resolve(undefined),
    ]);
    const more = rows.length > HISTORY_PAGE;
    const shown = rows.slice(0, HISTORY_PAGE);
    const done = queryText(request.query.done);
    const restored = versionOf(queryText(request.query.version));
    const from = versionOf(queryText(request.query.from));
    const view = versionsPage({
      lang,
      csrf: reply.csrfToken(),
      rows: shown,
      latest: latest?.version,
      diff: pair?.current ? { version: pair.current, previous: pair.previous } : undefined,
      done:
        done === 'restored' && restored !== undefined && from !== undefined
          ? t('done.restored', { version: String(restored), from: String(from) })
          : undefined,
      olderBefore: more ? shown[shown.length - 1]!.version : undefined,
      newer: before !== undefined,
    });
    if (diffOf !== undefined && !pair?.current) throw new AppError('LOTSA_NOT_FOUND');
    return reply.adminPage({ ...view, path: VERSIONS_PATH, navPath: ADMIN_PATH, stylesheets: [BRAND_CSS] });
  });

  app.post(
    `${VERSIONS_PATH}/:version/restore`,
    { schema: { params: VersionParams, body: FormBody() }, config: edit },
    async (request, reply) => {
      const version = versionOf(request.params.version);
      if (version === undefined || version === 0) throw new AppError('LOTSA_NOT_FOUND');
      const editor = editorOf(request);
      const lang: Lang = adminLang(request);
      const t = translator(lang);
      const result = await restoreBrand(
        db,
        editor,
        version,
        deps.clock(),
        t('restore.note', { from: String(version) }),
      );
      if (result.kind === 'notFound') throw new AppError('LOTSA_NOT_FOUND');
      if (result.kind === 'restored') {
        return reply.redirect(
          `${VERSIONS_PATH}?done=restored&version=${result.version}&from=${result.from}`,
          303,
        );
      }
      const [rows, latest] = await Promise.all([
        versionHistory(db, editor.regionId, { limit: HISTORY_PAGE + 1 }),
        latestVersion(db, editor.regionId),
      ]);
      const view = versionsPage({
        lang,
        csrf: reply.csrfToken(),
        rows: rows.slice(0, HISTORY_PAGE),
        latest: latest?.version,
        error: t('restore.current', { version: String(result.version) }),
        olderBefore: rows.length > HISTORY_PAGE ? rows[HISTORY_PAGE - 1]!.version : undefined,
        newer: false,
      });
      return reply.adminPage(
        { ...view, path: VERSIONS_PATH, navPath: ADMIN_PATH, stylesheets: [BRAND_CSS] },
        { status: 409 },
      );
    },
  );
}
