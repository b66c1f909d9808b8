/**
 * Static files from `public/`, read once at start, compressed ahead of time and served from memory.
 * URLs carry a content hash (`?v=`), so a matching request may be cached for a year.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Type } from '@sinclair/typebox';
import { AppError } from '../errors.ts';
import { Permission } from '../permissions.ts';
import type { App } from './schema.ts';
import { allowEmbedding } from './security.ts';

export const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  type: string;
  hash: string;
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

export interface Assets {
  /** The URL of a file under public/, with its content hash. */
  url(file: string): string;
  get(file: string): Asset | undefined;
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

export function loadAssets(dir = PUBLIC_DIR): Assets {
  const files = new Map<string, Asset>();
  for (const file of walk(dir)) {
    const type = TYPES[path.extname(file)];
    if (!type) continue;
    const body = readFileSync(path.join(dir, file));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const compressible = /^(text\/|image\/svg|application\/json)/.test(type) && body.length > 512;
    files.set(file, {
      type,
      hash,
      body,
      br: compressible
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : undefined,
      gzip: compressible ? gzipSync(body, { level: 9 }) : undefined,
    });
  }
  return {
    url(file) {
      const asset = files.get(file);
      if (!asset) throw new Error(`No such asset: public/${file}`);
      return `/static/${file}?v=${asset.hash}`;
    },
    get: (file) => files.get(file),
  };
}

/** A file's path under public/, and the content hash its URL carries (any other value: a short cache). */
const StaticSchema = {
  params: Type.Object({ '*': Type.String() }),
  querystring: Type.Object({ v: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])) }),
};

/**
 * Files other sites load with a <script> of their own (Cross-Origin-Resource-Policy: cross-origin,
 * and CORS for a `crossorigin` script): the employer toolbox's career-page widget.
 */
const CROSS_ORIGIN_FILES: ReadonlySet<string> = new Set(['js/lotsa-widget.js']);

export function installStatic(app: App, assets: Assets): void {
  app.route({
    method: 'GET',
    url: '/static/*',
    schema: StaticSchema,
    config: { permission: Permission.Public },
    // Files are compressed ahead of time; the per-response compression hooks have nothing to do.
    compress: false,
    decompress: false,
    handler: async (request, reply) => {
      const file = request.params['*'];
      const asset = assets.get(file);
      if (!asset) throw new AppError('LOTSA_NOT_FOUND');
      if (CROSS_ORIGIN_FILES.has(file)) {
        allowEmbedding(request, 'resource');
        reply.header('access-control-allow-origin', '*');
      }
      const version = request.query.v;
      reply
        .type(asset.type)
        .header('etag', `"${asset.hash}"`)
        .header(
          'cache-control',
          version === asset.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        )
        .header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === `"${asset.hash}"`) return reply.code(304).send();
      const accept = String(request.headers['accept-encoding'] ?? '');
      if (asset.br && /\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(asset.br);
      if (asset.gzip && /\bgzip\b/.test(accept))
        return reply.header('content-encoding', 'gzip').send(asset.gzip);
      return reply.send(asset.body);
    },
  });
}
