/**
 * The editors' place facts page (Permission.ContentApprove): the facts of every municipality with
 * source and date, the current file as JSON, and the upload of a new file — checked whole, every
 * problem named, nothing applied unless all is valid, an audit event when applied.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit.ts';
import { personOf } from '../../platform/auth/principal.ts';
import { adminLang } from '../../platform/html/admin-layout.ts';
import type { RateLimitRule } from '../../platform/http/rate-limit.ts';
import { AnyQuery, type App } from '../../platform/http/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { Permission } from '../../platform/permissions.ts';
import { parseUpload } from '../content/media/upload.ts';
import { accountName, applyUploadedFacts, currentFile, currentImport, factsByMunicipality } from './facts.ts';
import { FILE_TOO_LARGE, MAX_FACTS_FILE, parseFactsFile } from './facts-file.ts';
import { FACTS_DOWNLOAD_PATH, FACTS_PATH, factsPage, type FactsPageModel } from './facts-views.ts';

const approve = { permission: Permission.ContentApprove } as const;
/** Uploads per person: every file is parsed and checked whole (up to 1 MB of JSON). */
export const FACTS_UPLOAD_LIMIT: RateLimitRule = { name: 'facts-upload', max: 20, windowSeconds: 600 };
/** The form: a chosen file (multipart) or the file's text pasted; the file wins when both are sent. */
const uploadSchema = {
  body: Type.Object({
    text: Type.Optional(Type.String()),
    file: Type.Optional(Type.Unsafe<Buffer>({})),
    fileTooLarge: Type.Optional(Type.Boolean()),
  }),
};

export function registerFactsRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  // The file input's multipart body, read by the media library's parser (this scope only).
  const limits = { maxBytes: MAX_FACTS_FILE, maxRequestBytes: 2 * MAX_FACTS_FILE + 64 * 1024 };
  app.addContentTypeParser('multipart/form-data', (request, _payload, done) =>
    parseUpload(request.raw, limits, (error, body) => done(error, body)),
  );

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Pick<FactsPageModel, 'done' | 'refused' | 'rateLimited'>,
    status = 200,
  ) {
    const region = request.region;
    const [current, facts] = await Promise.all([
      currentImport(db, region.id),
      factsByMunicipality(db, region.id),
    ]);
    const uploadedBy = current?.actorId ? await accountName(db, region.id, current.actorId) : null;
    const model = {
      lang: adminLang(request),
      csrf: reply.csrfToken(),
      region,
      current,
      uploadedBy,
      facts,
      ...extra,
    };
    return reply.adminPage({ ...factsPage(model), path: FACTS_PATH }, { status });
  }

  app.get(FACTS_PATH, { schema: { querystring: AnyQuery }, config: approve }, async (request, reply) => {
    const done = request.query.done === '1';
    const current = done ? await currentImport(db, request.region.id) : undefined;
    return show(request, reply, {
      done: current ? { facts: current.factCount, municipalities: current.municipalityCount } : undefined,
    });
  });

  // The file the facts came from; before any, a template with every municipality to fill in.
  app.get(FACTS_DOWNLOAD_PATH, { config: approve }, async (request, reply) => {
    const region = request.region;
    const [file, current] = await Promise.all([currentFile(db, region.id), currentImport(db, region.id)]);
    const body = file ?? {
      asOf: new Date().toISOString().slice(0, 10),
      municipalities: Object.fromEntries(region.municipalities.map((m) => [m.code, {}])),
    };
    const name = current ? `place-facts-${current.fileDate}.json` : 'place-facts-template.json';
    return reply
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(`${JSON.stringify(body, null, 2)}\n`);
  });

  app.post(
    FACTS_PATH,
    // The file's JSON, form-encoded, is up to about three times its size.
    { schema: uploadSchema, config: approve, bodyLimit: 3 * MAX_FACTS_FILE + 64 * 1024 },
    async (request, reply) => {
      const body = request.body;
      const person = personOf(request);
      const wait = await deps.rateLimiter.hit(
        `${FACTS_UPLOAD_LIMIT.name}:${person.account.id}`,
        FACTS_UPLOAD_LIMIT,
      );
      if (wait !== undefined) {
        reply.header('retry-after', String(wait));
        const text = typeof body.text === 'string' ? body.text : '';
        return show(request, reply, { rateLimited: { minutes: Math.ceil(wait / 60), text } }, 429);
      }
      if (body.fileTooLarge) {
        const problems = [{ municipality: '', fact: '', message: FILE_TOO_LARGE }];
        return show(request, reply, { refused: { problems, text: '' } }, 400);
      }
      const file = Buffer.isBuffer(body.file) && body.file.length > 0 ? body.file.toString('utf8') : '';
      const text = (file || body.text || '').trim();
      if (!text) return show(request, reply, { refused: { problems: [], text: '', empty: true } }, 400);
      const region = request.region;
      const parsed = parseFactsFile(
        text,
        region.municipalities.map((m) => m.code),
      );
      if (!parsed.file) return show(request, reply, { refused: { problems: parsed.problems, text } }, 400);
      await applyUploadedFacts(db, region, actorOf(person), parsed.file);
      return reply.redirect(`${FACTS_PATH}?done=1`, 303);
    },
  );
}
