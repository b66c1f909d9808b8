import type { FastifyRequest } from 'fastify';

/**
 * The absolute origin for links in this response, from configuration only: the region's canonical
 * origin, else PUBLIC_URL. Never the request's Host or X-Forwarded-Host: a sign-in link built from
 * them would carry its token to whatever host the sender named, and a cached page would carry
 * that host to everyone.
 */
export function siteOrigin(request: FastifyRequest): string {
  return request.region?.canonicalOrigin ?? request.server.publicOrigin;
}
