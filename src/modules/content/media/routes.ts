/**
 * The media library's routes: the public files (`GET /media/:id/:file`, straight from the storage,
 * immutable) and the back-office (Permission.MediaManage): the grid, the upload form, one image
 * with its edit and delete forms. Thin: read input, one service call, render.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import {
  doneOf,
  IdPageSchema,
  IdParams,
  isUuid,
  PageSchema,
  queryText,
  uuidParam,
} from '../../../platform/http/params.ts';
import { FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import { CONTENT_TYPES } from '../../../platform/images/index.ts';
import { Permission } from '../../../platform/permissions.ts';
import type { Storage } from '../../../platform/storage/index.ts';
import {
  deleteImage,
  readForm,
  TEXT_FIELDS,
  updateImage,
  uploadImage,
  uploadWait,
  type Editor,
  type FormErrors,
  type FormValues,
  type MediaDeps,
} from './library.ts';
import { imageById, searchImages } from './repository.ts';
import { mediaUsage, toMediaImage } from './service.ts';
import { parseUpload, type UploadBody } from './upload.ts';
import {
  imagePage,
  imagePath,
  listPage,
  MEDIA_DONE,
  MEDIA_PATH,
  NEW_PATH,
  newPage,
  valuesOf,
  type MediaDone,
} from './views.ts';

const manage = { permission: Permission.MediaManage } as const;
const FILE = /^(?:\d{1,4}-[0-9a-f]{10}\.(?:avif|webp|jpg)|[0-9a-f]{10}\.svg)$/;
const TYPE_BY_EXTENSION: Record<string, string> = {
  avif: CONTENT_TYPES.avif,
  webp: CONTENT_TYPES.webp,
  jpg: CONTENT_TYPES.jpeg,
  svg: CONTENT_TYPES.svg,
};
/**
 * An SVG file is shown as a document of its own: no scripts, no styles, no loads, sandboxed (the
 * shipped illustrations draw with attributes only).
 */
const SVG_POLICY = "default-src 'none'; img-src data:; sandbox";

const TextBody = FormBody(...TEXT_FIELDS);
const UploadSchema = Type.Object({
  ...TextBody.properties,
  file: Type.Optional(Type.Unsafe<Buffer>({})),
  fileTooLarge: Type.Optional(Type.Boolean()),
});

function editorOf(request: FastifyRequest): Editor {
  const person = personOf(request);
  return {
    regionId: request.region.id,
    actor: actorOf(person),
    accountId: person.account.id,
    organisationId: person.organisation?.id ?? null,
    canApprove: person.permissions.has(Permission.ContentApprove),
  };
}

/** Public image files: immutable names, so a year in every cache; nothing but what the storage holds. */
function registerFileRoute(app: App, storage: Storage): void {
  app.get(
    '/media/:id/:file',
    {
      schema: { params: PathParams('id', 'file') },
      config: { permission: Permission.Public },
      onSend: (request, reply, payload, done) => {
        if (request.params.file.endsWith('.svg') && reply.statusCode === 200) {
          reply.header('content-security-policy', SVG_POLICY);
        }
        done(null, payload);
      },
    },
    async (request, reply) => {
      const { id, file } = request.params;
      if (!isUuid(id) || !FILE.test(file)) throw new AppError('LOTSA_NOT_FOUND');
      const stored = await storage.get(`media/${request.region.id}/${id.toLowerCase()}/${file}`);
      if (!stored) throw new AppError('LOTSA_NOT_FOUND');
      const type = TYPE_BY_EXTENSION[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      reply.header('content-length', stored.length);
      reply.header('x-content-type-options', 'nosniff');
      return reply.type(type).send(stored.body);
    },
  );
}

export function registerMediaRoutes(app: App, deps: MediaDeps): void {
  const { db } = deps;
  const uploadLimits = {
    maxBytes: deps.limits.maxBytes,
    maxRequestBytes: deps.limits.maxBytes * 2 + 1024 * 1024,
  };
  app.addContentTypeParser('multipart/form-data', (request, payload, done) =>
    parseUpload(request.raw, uploadLimits, (error, body) => done(error, body)),
  );
  registerFileRoute(app, deps.storage);

  async function showImage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { values?: FormValues; errors?: FormErrors; done?: MediaDone; deleteBlocked?: boolean },
    status = 200,
  ) {
    const row = await imageById(db, request.region.id, id);
    if (!row) throw new AppError('LOTSA_NOT_FOUND');
    const image = toMediaImage(row);
    const page = imagePage({
      lang: adminLang(request),
      csrf: reply.csrfToken(),
      values: form.values ?? valuesOf(image),
      errors: form.errors ?? {},
      limits: deps.limits,
      image,
      usage: await mediaUsage(db, request.region.id, image.slug),
      done: form.done,
      deleteBlocked: form.deleteBlocked,
    });
    return reply.adminPage({ ...page, path: imagePath(id), navPath: MEDIA_PATH }, { status });
  }

  app.get(MEDIA_PATH, { schema: PageSchema, config: manage }, async (request, reply) => {
    const q = queryText(request.query.q).slice(0, 200);
    const rows = await searchImages(db, request.region.id, q, 500);
    const page = listPage(
      adminLang(request),
      rows.map(toMediaImage),
      q,
      doneOf(request.query.done, MEDIA_DONE),
    );
    return reply.adminPage({ ...page, path: MEDIA_PATH });
  });

  const emptyForm = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as FormValues;
  app.get(NEW_PATH, { schema: PageSchema, config: manage }, async (request, reply) => {
    const page = newPage({
      lang: adminLang(request),
      csrf: reply.csrfToken(),
      values: emptyForm,
      errors: {},
      limits: deps.limits,
    });
    return reply.adminPage({ ...page, path: NEW_PATH, navPath: MEDIA_PATH });
  });

  app.post(NEW_PATH, { schema: { body: UploadSchema }, config: manage }, async (request, reply) => {
    const body: UploadBody = request.body;
    const values = readForm(body);
    const editor = editorOf(request);
    const wait = await uploadWait(deps, editor.accountId);
    if (wait !== undefined) {
      // Over the limit: the form again, what was typed kept, the wait by the file field.
      const page = newPage({
        lang: adminLang(request),
        csrf: reply.csrfToken(),
        values,
        errors: { file: { key: 'error.rateLimited', params: { minutes: Math.ceil(wait / 60) } } },
        limits: deps.limits,
      });
      reply.header('retry-after', String(wait));
      return reply.adminPage({ ...page, path: NEW_PATH, navPath: MEDIA_PATH }, { status: 429 });
    }
    const result = await uploadImage(deps, editor, {
      values,
      file: Buffer.isBuffer(body.file) ? body.file : undefined,
      fileTooLarge: body.fileTooLarge === true,
    });
    if (result.kind === 'done') return reply.redirect(`${imagePath(result.id)}?done=uploaded`, 303);
    const errors = result.kind === 'invalid' ? result.errors : {};
    const page = newPage({
      lang: adminLang(request),
      csrf: reply.csrfToken(),
      values,
      errors,
      limits: deps.limits,
    });
    const status = errors.file?.key === 'error.tooLarge' ? 413 : 400;
    return reply.adminPage({ ...page, path: NEW_PATH, navPath: MEDIA_PATH }, { status });
  });

  app.get(`${MEDIA_PATH}/:id`, { schema: IdPageSchema, config: manage }, async (request, reply) => {
    return showImage(request, reply, uuidParam(request.params.id), {
      done: doneOf(request.query.done, MEDIA_DONE),
    });
  });

  app.post(
    `${MEDIA_PATH}/:id`,
    { schema: { params: IdParams, body: TextBody }, config: manage },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const values = readForm(request.body);
      const result = await updateImage(deps, editorOf(request), id, values);
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      if (result.kind === 'done') return reply.redirect(`${imagePath(id)}?done=saved`, 303);
      return showImage(
        request,
        reply,
        id,
        { values, errors: result.kind === 'invalid' ? result.errors : {} },
        400,
      );
    },
  );

  app.post(
    `${MEDIA_PATH}/:id/delete`,
    { schema: { params: IdParams, body: FormBody() }, config: manage },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const result = await deleteImage(deps, editorOf(request), id);
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      if (result.kind === 'in-use') return showImage(request, reply, id, { deleteBlocked: true }, 409);
      return reply.redirect(`${MEDIA_PATH}?done=deleted`, 303);
    },
  );
}
