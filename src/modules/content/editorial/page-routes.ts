/**
 * The editors' other pages: the list, a new item, versions and their comparison, and the preview
 * ("Förhandsgranska") through the kind's public renderer, exactly as visitors will see it.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import {
  IdPageSchema,
  PageSchema,
  queryText,
  uuidParam,
  type QueryValue,
} from '../../../platform/http/params.ts';
import { FormBody, type App } from '../../../platform/http/schema.ts';
import { html } from '../../../platform/html/html.ts';
import { isLang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { CONTENT_STATUSES, isContentKind, missingLanguages } from '../model.ts';
import type { ContentRenderers } from '../render.ts';
import { getVersion, listVersions, type ContentItem } from '../store.ts';
import { changedFields } from './compare.ts';
import { imageSlugs } from './markup.ts';
import { listItems } from './repository.ts';
import { editorOf } from './editor.ts';
import {
  NEW_ITEM_FIELDS,
  accountNames,
  createItem,
  creatableKinds,
  itemFor,
  itemName,
  type EditorialDeps,
  type NewItemInput,
} from './service.ts';
import {
  CONTENT_PATH,
  comparePage,
  itemPath,
  listPage,
  newPage,
  previewBanner,
  translator,
  versionsPage,
  type VersionsModel,
} from './views.ts';

const edit = { permission: Permission.ContentEdit } as const;
export const PAGE_SIZE = 25;

/** The largest version or page number there can be (PostgreSQL's integer). */
const MAX_NUMBER = 2_147_483_647;

/**
 * A version or page number as typed (query or form): a whole number from 1 up to what the database
 * holds, else undefined — a larger one is no version there is, never a query the database refuses.
 */
export function positive(value: QueryValue): number | undefined {
  const n = Number(queryText(value));
  return Number.isInteger(n) && n > 0 && n <= MAX_NUMBER ? n : undefined;
}

function listFilter(query: Record<string, QueryValue>) {
  const kind = queryText(query.kind);
  const status = queryText(query.status);
  return {
    kind: isContentKind(kind) ? kind : undefined,
    status: CONTENT_STATUSES.find((s) => s === status),
    municipality: queryText(query.municipality),
    review: queryText(query.review) === '1',
    page: positive(query.page) ?? 1,
  };
}

export function registerEditorialPages(
  app: App,
  deps: ModuleDeps,
  renderers: ContentRenderers,
  service: EditorialDeps,
): void {
  const db = service.db;

  registerListAndNew(app, service);
  app.get(`${CONTENT_PATH}/:id/versions`, { schema: IdPageSchema, config: edit }, async (request, reply) => {
    const editor = await editorOf(request, db);
    const item = await itemFor(db, editor, uuidParam(request.params.id));
    if (!item) throw new AppError('LOTSA_NOT_FOUND');
    const [versions, latest] = await Promise.all([
      listVersions(db, editor.regionId, item.id),
      getVersion(db, editor.regionId, item),
    ]);
    const page = versionsPage({
      lang: editor.lang,
      csrf: reply.csrfToken(),
      itemId: item.id,
      title: itemName(latest?.data, item.slug, editor.lang),
      latest: item.version,
      ...versionStates(item),
      versions,
      names: await accountNames(
        db,
        editor.regionId,
        versions.map((v) => v.authorId),
      ),
    });
    return reply.adminPage({ ...page, path: `${itemPath(item.id)}/versions`, navPath: CONTENT_PATH });
  });

  app.get(`${CONTENT_PATH}/:id/compare`, { schema: IdPageSchema, config: edit }, async (request, reply) => {
    const editor = await editorOf(request, db);
    const item = await itemFor(db, editor, uuidParam(request.params.id));
    if (!item) throw new AppError('LOTSA_NOT_FOUND');
    const from = positive(request.query.from);
    const to = positive(request.query.to);
    const [a, b] = await Promise.all([
      from ? getVersion(db, editor.regionId, item, from) : undefined,
      to ? getVersion(db, editor.regionId, item, to) : undefined,
    ]);
    if (!a || !b) throw new AppError('LOTSA_NOT_FOUND');
    const page = comparePage(editor.lang, item.id, a.version, b.version, changedFields(a.data, b.data));
    return reply.adminPage({ ...page, path: `${itemPath(item.id)}/compare`, navPath: CONTENT_PATH });
  });

  app.get(`${CONTENT_PATH}/:id/preview`, { schema: IdPageSchema, config: edit }, async (request, reply) => {
    const editor = await editorOf(request, db);
    const item = await itemFor(db, editor, uuidParam(request.params.id));
    if (!item) throw new AppError('LOTSA_NOT_FOUND');
    const version = await getVersion(
      db,
      editor.regionId,
      item,
      positive(request.query.version) ?? item.version,
    );
    if (!version) throw new AppError('LOTSA_NOT_FOUND');
    const wanted = queryText(request.query.lang);
    const lang = isLang(wanted) && request.region.languages.includes(wanted) ? wanted : editor.lang;
    // A language not written yet: the banner says so, and the heading too rather than standing empty.
    const t = translator(editor.lang);
    const missing = missingLanguages(version.data).includes(lang)
      ? t('refused.missingLanguage', { language: t(`lang.${lang}`) })
      : undefined;
    const data = version.data.title[lang].trim()
      ? version.data
      : {
          ...version.data,
          title: {
            ...version.data.title,
            [lang]: t('preview.missingTitle', { language: t(`lang.${lang}`) }),
          },
        };
    const view = {
      itemId: item.id,
      kind: item.kind,
      slug: item.slug,
      lang,
      municipalityCode: item.municipalityCode,
      version: version.version,
      data,
      publishedAt: item.publishedVersion === version.version ? item.publishedAt : null,
    };
    // One banner: the editors' bar (version, language, the way back), not the page's own as well.
    const rendered = await renderers[item.kind](
      { deps, region: request.region, lang, preview: true, previewBanner: false },
      view,
    );
    const expired = await expiredImages(service, editor.regionId, version.data);
    reply.header('x-robots-tag', 'noindex, nofollow');
    const live =
      item.status === 'published' &&
      item.publishedVersion === version.version &&
      (!item.publishAt || item.publishAt.getTime() <= Date.now());
    const banner = previewBanner(editor.lang, item.id, version.version, lang, expired, live, missing);
    return reply.page(
      { ...rendered, noindex: true, main: html`${banner}${rendered.main}` },
      { lang, cache: 'no-store' },
    );
  });
}

/**
 * Which version visitors see now and which from a later minute: a new item approved for a later
 * minute, or a new version of a live one, is not yet called published.
 */
function versionStates(item: ContentItem, now = new Date()): Pick<VersionsModel, 'published' | 'scheduled'> {
  if (item.publishedVersion !== null && item.publishAt && item.publishAt.getTime() > now.getTime())
    return { published: null, scheduled: { version: item.publishedVersion, at: item.publishAt } };
  return { published: item.publishedVersion, scheduled: item.scheduled };
}

/** The images a version shows whose licence has expired (when the media library is there). */
async function expiredImages(
  service: EditorialDeps,
  regionId: string,
  data: Parameters<typeof itemName>[0],
): Promise<string[]> {
  if (!service.images || !data) return [];
  const slugs = [
    ...new Set([
      ...(data.heroImage ? [data.heroImage] : []),
      ...imageSlugs(data.body.sv),
      ...imageSlugs(data.body.en),
    ]),
  ];
  if (slugs.length === 0) return [];
  const images = await service.images(regionId, slugs);
  return slugs.filter((s) => images.get(s)?.expired);
}

/** The list and a new item. */
function registerListAndNew(app: App, service: EditorialDeps): void {
  const db = service.db;
  app.get(CONTENT_PATH, { schema: PageSchema, config: edit }, async (request, reply) => {
    const editor = await editorOf(request, db);
    const f = listFilter(request.query);
    const municipality = request.region.municipalities.some((m) => m.code === f.municipality)
      ? f.municipality
      : '';
    const { rows, total } = await listItems(db, editor.regionId, editor.scope, {
      kind: f.kind,
      status: f.status,
      municipalityCode: editor.scope.all ? municipality || undefined : undefined,
      review: f.review && editor.canApprove,
      offset: (f.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const query = (page: number) => {
      const params = new URLSearchParams();
      if (f.kind) params.set('kind', f.kind);
      if (f.status) params.set('status', f.status);
      if (municipality) params.set('municipality', municipality);
      if (f.review) params.set('review', '1');
      if (page > 1) params.set('page', String(page));
      const text = params.toString();
      return text ? `${CONTENT_PATH}?${text}` : CONTENT_PATH;
    };
    const page = listPage({
      lang: editor.lang,
      done: queryText(request.query.done) === 'deleted' ? 'deleted' : undefined,
      rows,
      total,
      page: f.page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      names: await accountNames(
        db,
        editor.regionId,
        rows.map((r) => r.updatedBy),
      ),
      municipalities: request.region.municipalities,
      filter: { kind: f.kind ?? '', status: f.status ?? '', municipality, review: f.review },
      allMunicipalities: editor.scope.all,
      canApprove: editor.canApprove,
      query,
    });
    return reply.adminPage({ ...page, path: CONTENT_PATH });
  });

  const emptyNew: NewItemInput = {
    kind: '',
    slug: '',
    municipality: '',
    group: '',
    title_sv: '',
    title_en: '',
  };
  const showNew = async (request: FastifyRequest, csrf: string, values: NewItemInput, errors = {}) => {
    const editor = await editorOf(request, db);
    return newPage({
      lang: editor.lang,
      csrf,
      kinds: creatableKinds(editor),
      municipalities: request.region.municipalities,
      fixedMunicipality: editor.scope.all ? null : editor.scope.municipalityCode,
      values,
      errors,
    });
  };
  app.get(`${CONTENT_PATH}/new`, { schema: PageSchema, config: edit }, async (request, reply) => {
    const page = await showNew(request, reply.csrfToken(), emptyNew);
    return reply.adminPage({ ...page, path: `${CONTENT_PATH}/new`, navPath: CONTENT_PATH });
  });

  app.post(
    `${CONTENT_PATH}/new`,
    { schema: { body: FormBody(...NEW_ITEM_FIELDS) }, config: edit },
    async (request, reply) => {
      const editor = await editorOf(request, db);
      const values = Object.fromEntries(
        NEW_ITEM_FIELDS.map((f) => [f, request.body[f] ?? '']),
      ) as unknown as NewItemInput;
      const municipalities = new Map(request.region.municipalities.map((m) => [m.code, m.slug]));
      const result = await createItem(service, editor, values, municipalities);
      if (result.kind === 'done') return reply.redirect(`${itemPath(result.id)}?done=created`, 303);
      const errors = result.kind === 'invalid' ? result.errors : {};
      const page = await showNew(request, reply.csrfToken(), values, errors);
      return reply.adminPage(
        { ...page, path: `${CONTENT_PATH}/new`, navPath: CONTENT_PATH },
        { status: 400 },
      );
    },
  );
}
