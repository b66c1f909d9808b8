/** Region-specific assets: the brand colours as CSS custom properties. */
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/module.ts';
import { AppError } from '../../platform/errors.ts';
import { Permission } from '../../platform/permissions.ts';

export function registerRegionRoutes(app: FastifyInstance, { regions }: ModuleDeps): void {
  app.get('/brand/:file', { config: { permission: Permission.Public } }, async (request, reply) => {
    const { file } = request.params as { file: string };
    const region = file.endsWith('.css') ? regions.byId(file.slice(0, -4)) : undefined;
    if (!region) throw new AppError('LOTSA_NOT_FOUND');
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300');
    return `:root{--brand-primary:${region.brand.primary};--brand-accent:${region.brand.accent}}\n`;
  });
}
