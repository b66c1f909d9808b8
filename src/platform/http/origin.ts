import type { FastifyRequest } from 'fastify';

/**
 * The absolute origin for links in this response: a region's own host is served over HTTPS;
 * anything else (localhost, an IP, an unknown host) uses PUBLIC_URL.
 */
export function siteOrigin(request: FastifyRequest): string {
  const host = request.hostname;
  if (request.region?.hosts.includes(host) && host !== 'localhost' && !/^[\d.:[\]]+$/.test(host)) {
    return `https://${request.host}`;
  }
  return request.server.publicOrigin;
}
