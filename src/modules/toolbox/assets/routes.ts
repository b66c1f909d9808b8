/**
 * The assets part's routes. Thin: read input, one service call, render.
 *
 * Back-office (ToolboxEdit), in a scope of its own whose multipart parser (the media library's,
 * before the CSRF check) stays with it: /admin/toolbox/assets (list), /new, /:id (edit), /:id/publish,
 * /:id/withdraw, /:id/delete, /:id/downloads.csv, /:id/file (the editor's look, not logged).
 * Organisations (ToolboxUse): /:lang/toolbox/assets (grid), /downloads (the organisation's),
 * /:id (the asset), /:id/download (logged; 410 when expired or withdrawn). A draft is 404 there.
 */
import { createHmac } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import type { FormValues } from '../../../platform/html/form-values.ts';
import { langParam } from '../../../platform/http/lang.ts';
import {
  doneOf,
  IdPageSchema,
  IdParams,
  PageSchema,
  queryText,
  uuidParam,
} from '../../../platform/http/params.ts';
import {
  AnyQuery,
  FormBody,
  LangParams,
  PathParams,
  typed,
  type App,
} from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { storageFor } from '../../../platform/storage/index.ts';
import {
  addMediaUsageLookup,
  imagesById,
  usableImages,
  type MediaUsageLookup,
} from '../../content/media/service.ts';
import { parseUpload, type UploadBody } from '../../content/media/upload.ts';
import { TOOLBOX_CSS, toolboxFrame } from '../frame.ts';
import { ASSET_KINDS, PATHS, PERSONAS, TOPICS, USES, isOneOf } from '../model.ts';
import { todayOf } from '../toolbox.ts';
import {
  ADMIN_ASSETS,
  ADMIN_DONE,
  ADMIN_NEW,
  adminAssetPath,
  editPage,
  listPage,
  newPage,
  type AdminDone,
  type FormModel,
} from './admin-views.ts';
import { downloadsCsv } from './csv.ts';
import { MAX_FILE_BYTES } from './files.ts';
import {
  checkForm,
  emptyForm,
  formOf,
  readValues,
  type AssetFormErrors,
  type AssetFormValues,
} from './form.ts';
import { assetMessages, type AssetMessageKey } from './messages.ts';
import {
  adminList,
  assetById,
  assetsOfImage,
  downloadsOfAsset,
  downloadsOfOrganisation,
  facetCounts,
  publishedAssets,
  unusableOfOrganisation,
  type AssetRow,
  type GridFilter,
} from './repository.ts';
import {
  createAsset,
  deleteAsset,
  downloadAsset,
  editorFile,
  publishAsset,
  titleOf,
  unusable,
  updateAsset,
  withdrawAsset,
  type AssetDeps,
  type Download,
  type Editor,
} from './service.ts';
import {
  ASSETS_CSS,
  assetPage,
  COPY_SCRIPT,
  downloadsPage,
  filterQuery,
  gonePage,
  gridPage,
} from './views.ts';

const edit = { permission: Permission.ToolboxEdit } as const;
const use = { permission: Permission.ToolboxUse } as const;
const ADMIN_PAGE = 50;
const GRID_PAGE = 24;
const LOG_LIMIT = 200;
const CSV_LIMIT = 20_000;
const ORG_LIMIT = 200;
/** A download is a file of its own: no scripts, no loads, sandboxed (an SVG logo above all). */
const FILE_POLICY = "default-src 'none'; img-src data:; sandbox";

/** A form's body, url-encoded or multipart (a file and whether it was too large, besides the fields). */
const AssetBody = Type.Object(
  {
    file: Type.Optional(Type.Unsafe<Buffer>({})),
    fileName: Type.Optional(Type.String()),
    fileTooLarge: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: Type.Union([Type.String(), Type.Array(Type.String())]) },
);
const AssetParams = PathParams('lang', 'id');

function editorOf(request: FastifyRequest): Editor {
  const person = personOf(request);
  return { regionId: request.region.id, actor: actorOf(person), accountId: person.account.id };
}

/**
 * The uploaded file of a parsed body: only the multipart parser puts bytes in `file`; a text field
 * of that name (a url-encoded post, a repeated field) is a malformed request, 400.
 */
function uploadOf(body: UploadBody): {
  bytes: Buffer | undefined;
  name: string | undefined;
  tooLarge: boolean;
} {
  if (body.file !== undefined && !Buffer.isBuffer(body.file)) throw new AppError('LOTSA_BAD_REQUEST');
  const name = typeof body.fileName === 'string' ? body.fileName : undefined;
  return { bytes: body.file, name, tooLarge: body.fileTooLarge === true };
}

/** The form's fields of a parsed body (a file and its flags left out). */
function fieldsOf(body: UploadBody): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      values[name] = value;
    }
  }
  return values;
}

/** Where the media library's images are used by the toolbox: such an image cannot be deleted. */
const assetImageUsage: MediaUsageLookup = async (db, regionId, slug) =>
  (await assetsOfImage(db, regionId, slug)).map((a) => ({
    title: { sv: a.title_sv || a.title_en, en: a.title_en || a.title_sv },
    href: adminAssetPath(a.id),
    live: a.status === 'published',
  }));

function sendFile(reply: FastifyReply, download: Download): FastifyReply {
  const ascii = download.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  reply.header(
    'content-disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
  );
  reply.header('content-length', download.object.length);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'private, no-store');
  return reply.type(download.contentType).send(download.object.body);
}

/** Downloads one person may make in ten minutes. */
const DOWNLOAD_RATE_LIMIT = { name: 'toolbox-download', max: 120, windowSeconds: 600 } as const;

const fileHeaders = {
  onSend: (
    _request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (err: null, payload: unknown) => void,
  ) => {
    if (reply.statusCode === 200) reply.header('content-security-policy', FILE_POLICY);
    done(null, payload);
  },
};

export function registerAssetRoutes(app: App, moduleDeps: ModuleDeps): void {
  const deps: AssetDeps = {
    db: moduleDeps.database.db,
    storage: storageFor(moduleDeps.config),
    queue: moduleDeps.queue,
    clock: moduleDeps.clock,
  };
  addMediaUsageLookup(assetImageUsage);
  void app.register(async (scope) => registerAdmin(typed(scope), deps));
  registerPublic(app, deps, moduleDeps);
}

function registerAdmin(app: App, deps: AssetDeps): void {
  const { db } = deps;
  const limits = {
    maxBytes: MAX_FILE_BYTES,
    maxRequestBytes: MAX_FILE_BYTES * 2 + 1024 * 1024,
    fields: 100,
    fieldSize: 20_000,
  };
  app.addContentTypeParser('multipart/form-data', (request, _payload, done) =>
    parseUpload(request.raw, limits, (error, body) => done(error, body)),
  );

  const images = (regionId: string) => usableImages(db, regionId, { owners: [null] });
  const imageMap = async (regionId: string) => new Map((await images(regionId)).map((i) => [i.slug, i.id]));

  async function loadAsset(request: FastifyRequest, id: string): Promise<AssetRow> {
    const asset = await assetById(db, request.region.id, uuidParam(id));
    if (!asset) throw new AppError('LOTSA_NOT_FOUND');
    return asset;
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: {
      asset?: AssetRow;
      values?: AssetFormValues;
      errors?: AssetFormErrors;
      done?: AdminDone;
      refused?: AssetMessageKey;
    },
    status = 200,
  ) {
    const lang = adminLang(request);
    const regionId = request.region.id;
    const list = await images(regionId);
    const image = form.asset?.media_image_id
      ? (await imagesById(db, regionId, [form.asset.media_image_id])).get(form.asset.media_image_id)
      : undefined;
    const model: FormModel = {
      lang,
      csrf: reply.csrfToken(),
      values: form.values ?? (form.asset ? formOf(form.asset, image?.slug ?? '') : emptyForm()),
      errors: form.errors ?? {},
      images: image && !list.some((i) => i.id === image.id) ? [image, ...list] : list,
      asset: form.asset,
      image,
      today: todayOf(deps.clock),
      done: form.done,
      refused: form.refused,
      log: form.asset
        ? { rows: await downloadsOfAsset(db, regionId, form.asset.id, LOG_LIMIT), limit: LOG_LIMIT }
        : undefined,
    };
    const t = (key: AssetMessageKey, params?: Record<string, string>) => assetMessages.t(lang, key, params);
    return reply.adminPage(
      form.asset
        ? {
            title: t('admin.editTitle', { title: titleOf(form.asset, lang) }),
            path: adminAssetPath(form.asset.id),
            main: editPage(model),
            navPath: PATHS.admin,
          }
        : { title: t('admin.newTitle'), path: ADMIN_NEW, main: newPage(model), navPath: PATHS.admin },
      { status },
    );
  }

  app.get(ADMIN_ASSETS, { schema: PageSchema, config: edit }, async (request, reply) => {
    const lang = adminLang(request);
    const page = Math.min(Math.max(1, Number.parseInt(queryText(request.query.page), 10) || 1), 10_000);
    const { rows, total } = await adminList(db, request.region.id, (page - 1) * ADMIN_PAGE, ADMIN_PAGE);
    const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE));
    const t = (key: AssetMessageKey) => assetMessages.t(lang, key);
    const paging = [
      ...(page > 1
        ? [{ href: `${ADMIN_ASSETS}?page=${page - 1}`, text: t('grid.previous'), rel: 'prev' as const }]
        : []),
      ...(page < pages
        ? [{ href: `${ADMIN_ASSETS}?page=${page + 1}`, text: t('grid.next'), rel: 'next' as const }]
        : []),
    ];
    const main = listPage({
      lang,
      rows,
      today: todayOf(deps.clock),
      done: doneOf(request.query.done, ADMIN_DONE),
      paging,
    });
    return reply.adminPage({ title: t('admin.title'), path: ADMIN_ASSETS, main, navPath: PATHS.admin });
  });

  app.get(ADMIN_NEW, { schema: PageSchema, config: edit }, async (request, reply) =>
    showForm(request, reply, {}),
  );

  app.post(ADMIN_NEW, { schema: { body: AssetBody }, config: edit }, async (request, reply) => {
    const body = request.body as UploadBody;
    const values = readValues(fieldsOf(body));
    const { errors, input } = checkForm(values, {
      hasFile: false,
      images: await imageMap(request.region.id),
      upload: uploadOf(body),
    });
    if (!input) return showForm(request, reply, { values, errors }, 400);
    const id = await createAsset(deps, editorOf(request), input);
    return reply.redirect(`${adminAssetPath(id)}?done=created`, 303);
  });

  app.get('/admin/toolbox/assets/:id', { schema: IdPageSchema, config: edit }, async (request, reply) => {
    const asset = await loadAsset(request, request.params.id);
    return showForm(request, reply, { asset, done: doneOf(request.query.done, ADMIN_DONE) });
  });

  app.post(
    '/admin/toolbox/assets/:id',
    { schema: { params: IdParams, body: AssetBody }, config: edit },
    async (request, reply) => {
      const asset = await loadAsset(request, request.params.id);
      const body = request.body as UploadBody;
      const values = readValues(fieldsOf(body));
      const { errors, input } = checkForm(values, {
        kind: asset.kind,
        hasFile: asset.file_key !== null,
        images: await imageMap(request.region.id),
        upload: uploadOf(body),
      });
      if (!input)
        return showForm(request, reply, { asset, values: { ...values, kind: asset.kind }, errors }, 400);
      await updateAsset(deps, editorOf(request), asset, input);
      return reply.redirect(`${adminAssetPath(asset.id)}?done=saved`, 303);
    },
  );

  const steps = { publish: publishAsset, withdraw: withdrawAsset, delete: deleteAsset } as const;
  for (const [step, run] of Object.entries(steps)) {
    app.post(
      `/admin/toolbox/assets/:id/${step}`,
      { schema: { params: IdParams, body: FormBody() }, config: edit },
      async (request, reply) => {
        const asset = await loadAsset(request, request.params.id);
        const result = await run(deps, editorOf(request), asset);
        if (result.kind === 'refused')
          return showForm(request, reply, { asset, refused: result.reason }, 409);
        if (step === 'delete') return reply.redirect(`${ADMIN_ASSETS}?done=deleted`, 303);
        return reply.redirect(
          `${adminAssetPath(asset.id)}?done=${step === 'publish' ? 'published' : 'withdrawn'}`,
          303,
        );
      },
    );
  }

  app.get(
    '/admin/toolbox/assets/:id/downloads.csv',
    { schema: { params: IdParams }, config: edit },
    async (request, reply) => {
      const asset = await loadAsset(request, request.params.id);
      const lang = adminLang(request);
      const rows = await downloadsOfAsset(db, request.region.id, asset.id, CSV_LIMIT);
      reply.header('content-disposition', `attachment; filename="downloads-${asset.id.slice(0, 8)}.csv"`);
      reply.header('cache-control', 'no-store');
      return reply.type('text/csv; charset=utf-8').send(downloadsCsv(lang, titleOf(asset, lang), rows));
    },
  );

  app.get(
    '/admin/toolbox/assets/:id/file',
    { schema: { params: IdParams }, config: edit, ...fileHeaders },
    async (request, reply) => {
      const asset = await loadAsset(request, request.params.id);
      const download = await editorFile(deps, asset, adminLang(request));
      if (!download) throw new AppError('LOTSA_NOT_FOUND');
      return sendFile(reply, download);
    },
  );
}

/** The grid's filter from the query: only known values (an unknown one is ignored). */
function filterOf(query: AnyQuery): GridFilter {
  const pick = (name: string, list: readonly string[]) => {
    const value = queryText(query[name]);
    return isOneOf(list, value) ? value : undefined;
  };
  return {
    kind: pick('kind', ASSET_KINDS),
    topic: pick('topic', TOPICS),
    persona: pick('persona', PERSONAS),
    use: pick('use', USES),
  };
}

function registerPublic(
  app: App,
  deps: AssetDeps,
  { rateLimiter, secret }: Pick<ModuleDeps, 'rateLimiter' | 'secret'>,
): void {
  const { db } = deps;
  const t = (lang: Lang, key: AssetMessageKey, params?: Record<string, string>) =>
    assetMessages.t(lang, key, params);
  const stylesheets = [TOOLBOX_CSS, ASSETS_CSS];

  app.get(
    `/:lang${PATHS.assets}`,
    { schema: { params: LangParams, querystring: AnyQuery }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const person = personOf(request);
      const regionId = request.region.id;
      const filter = filterOf(request.query);
      const wanted = Math.min(Math.max(1, Number.parseInt(queryText(request.query.page), 10) || 1), 10_000);
      const counts = await facetCounts(db, regionId, filter);
      const total = counts.kind.get('') ?? 0;
      const pages = Math.max(1, Math.ceil(total / GRID_PAGE));
      const page = Math.min(wanted, pages);
      const { rows } = await publishedAssets(db, regionId, filter, (page - 1) * GRID_PAGE, GRID_PAGE);
      const images = await imagesById(
        db,
        regionId,
        rows.map((r) => r.media_image_id),
      );
      const body = gridPage({
        lang,
        filter,
        counts,
        rows,
        images,
        total,
        page,
        pages,
        today: todayOf(deps.clock),
      });
      return reply.page({
        title: t(lang, 'page.title'),
        description: t(lang, 'page.lead'),
        path: `${PATHS.assets}${filterQuery(filter, page)}`,
        main: toolboxFrame(lang, {
          current: 'assets',
          heading: t(lang, 'page.title'),
          lead: t(lang, 'page.lead'),
          organisationName: person.organisation?.name,
          body,
        }),
        stylesheets,
        noindex: true,
      });
    },
  );

  app.get(
    `/:lang${PATHS.assets}/downloads`,
    { schema: { params: LangParams, querystring: AnyQuery }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const person = personOf(request);
      const organisation = person.organisation;
      if (!organisation) throw new AppError('LOTSA_NOT_FOUND');
      const today = todayOf(deps.clock);
      const [rows, gone] = await Promise.all([
        downloadsOfOrganisation(db, request.region.id, organisation.id, ORG_LIMIT),
        unusableOfOrganisation(db, request.region.id, organisation.id, today),
      ]);
      const body = downloadsPage({ lang, rows, unusable: gone, today, limit: ORG_LIMIT });
      return reply.page({
        title: t(lang, 'downloads.title'),
        description: t(lang, 'downloads.lead'),
        path: `${PATHS.assets}/downloads`,
        main: toolboxFrame(lang, {
          current: 'assets',
          heading: t(lang, 'downloads.title'),
          lead: t(lang, 'downloads.lead'),
          organisationName: organisation.name,
          body,
        }),
        stylesheets,
        noindex: true,
      });
    },
  );

  /** A published or withdrawn asset (a draft, or none, is 404). */
  async function visible(request: FastifyRequest, id: string): Promise<AssetRow> {
    const asset = await assetById(db, request.region.id, uuidParam(id));
    if (!asset || asset.status === 'draft') throw new AppError('LOTSA_NOT_FOUND');
    return asset;
  }

  app.get(
    `/:lang${PATHS.assets}/:id`,
    { schema: { params: AssetParams, querystring: AnyQuery }, config: use },
    async (request, reply) => {
      const lang = langParam(request);
      const person = personOf(request);
      const asset = await visible(request, request.params.id);
      const image = asset.media_image_id
        ? (await imagesById(db, request.region.id, [asset.media_image_id])).get(asset.media_image_id)
        : undefined;
      const gone = await unusable(deps, asset);
      const body = assetPage({ lang, asset, image, today: todayOf(deps.clock), gone });
      const title = titleOf(asset, lang);
      const description =
        (lang === 'en'
          ? asset.description_en || asset.description_sv
          : asset.description_sv || asset.description_en) || t(lang, 'page.lead');
      return reply.page({
        title,
        description: description.slice(0, 300),
        path: `${PATHS.assets}/${asset.id}`,
        main: toolboxFrame(lang, {
          current: 'assets',
          heading: title,
          organisationName: person.organisation?.name,
          body,
        }),
        stylesheets,
        scripts: [COPY_SCRIPT],
        noindex: true,
      });
    },
  );

  app.get(
    `/:lang${PATHS.assets}/:id/download`,
    {
      schema: { params: AssetParams },
      // a download is logged: only a GET that sends the file counts (no HEAD); each person's
      // downloads are bounded in the handler (a whole library is about a hundred files), so that
      // nobody else at the same address — signed out, or a page's <img> — uses up their limit
      exposeHeadRoute: false,
      config: use,
      ...fileHeaders,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const person = personOf(request);
      const id = uuidParam(request.params.id);
      const bucket = createHmac('sha256', secret).update(`account:${person.account.id}`).digest('base64url');
      const wait = await rateLimiter.hit(
        `${DOWNLOAD_RATE_LIMIT.name}:${bucket.slice(0, 22)}`,
        DOWNLOAD_RATE_LIMIT,
      );
      if (wait !== undefined) {
        reply.header('retry-after', String(wait));
        throw new AppError('LOTSA_RATE_LIMITED');
      }
      const result = await downloadAsset(
        deps,
        {
          regionId: request.region.id,
          accountId: person.account.id,
          organisationId: person.organisation?.id ?? null,
        },
        id,
        lang,
      );
      if (result.kind === 'missing') throw new AppError('LOTSA_NOT_FOUND');
      if (result.kind === 'gone') {
        const body = gonePage(lang, result.asset, result);
        return reply.page(
          {
            title: t(lang, 'gone.title'),
            description: t(lang, 'gone.title'),
            path: `${PATHS.assets}/${id}/download`,
            main: toolboxFrame(lang, {
              current: 'assets',
              heading: t(lang, 'gone.title'),
              organisationName: person.organisation?.name,
              body,
            }),
            stylesheets,
            noindex: true,
          },
          { status: 410 },
        );
      }
      return sendFile(reply, result.download);
    },
  );
}
