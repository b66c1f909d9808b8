/**
 * Conditional GET (RFC 9110 §13): `ETag` and `Last-Modified` on a route's 200 answers, and
 * `304 Not Modified` when the client's `If-None-Match` (or, without it, `If-Modified-Since`) shows
 * it already has them. A route opts in with `config.conditional: true`; it may set `ETag` itself
 * (a cached response knows its tag) and `Last-Modified` where a date means something, else the tag
 * is a hash of the body it sends.
 *
 * Tags are weak (`W/"…"`): the same content is the same tag whatever the content coding, and the
 * tag is made from the content, so every process of the app gives the same tag for the same answer
 * and a new one whenever anything in the answer changes (the region's ads, the language, the
 * search, the origin). Responses made for one person must not opt in unless they say
 * `Cache-Control: private` or `no-store` and `Vary` on what they depend on.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A weak entity tag for `body`: 128 bits of its SHA-256. */
export function entityTag(body: string | Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/** The tags of an If-None-Match header, without their W/ (weak comparison), or '*'. */
function tagsOf(header: string): string[] | '*' {
  if (header.trim() === '*') return '*';
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).map((t) => t.replace(/^W\//, ''));
}

/**
 * Whether the client already has this representation: If-None-Match, when sent, decides alone
 * (weak comparison); else If-Modified-Since against Last-Modified (seconds).
 */
export function isNotModified(
  request: FastifyRequest,
  validators: { etag?: string; lastModified?: string },
): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (!validators.etag) return false;
    const tags = tagsOf(ifNoneMatch);
    return tags === '*' || tags.includes(validators.etag.replace(/^W\//, ''));
  }
  const since = request.headers['if-modified-since'];
  if (since === undefined || !validators.lastModified) return false;
  const sinceMs = Date.parse(since);
  const modifiedMs = Date.parse(validators.lastModified);
  return Number.isFinite(sinceMs) && Number.isFinite(modifiedMs) && modifiedMs <= sinceMs;
}

/** `Last-Modified`'s value for a date (HTTP-date, whole seconds). */
export function httpDate(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toUTCString();
}

/** Headers a 304 keeps (RFC 9110 §15.4.5); the body's own headers go. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language'];

/**
 * The onSend step for routes with `config.conditional`: sets the validators on a 200 answer to GET
 * or HEAD and turns it into a bodiless 304 when the client's copy is current. Installed once (app.ts)
 * before compression, so a tag is made from the body as the route produced it.
 */
export function installConditionalGet(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.routeConfig.conditional || reply.statusCode !== 200) return done(null, payload);
    if (request.method !== 'GET' && request.method !== 'HEAD') return done(null, payload);
    let etag = reply.getHeader('etag') as string | undefined;
    if (etag === undefined && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
      etag = entityTag(payload);
      reply.header('etag', etag);
    }
    const lastModified = reply.getHeader('last-modified') as string | undefined;
    if (!isNotModified(request, { etag, lastModified })) return done(null, payload);
    notModified(reply);
    done(null, '');
  });
}

function notModified(reply: FastifyReply): void {
  reply.code(304);
  for (const name of BODY_HEADERS) reply.removeHeader(name);
}
