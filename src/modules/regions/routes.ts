/** Region-specific assets: the brand colours as CSS custom properties. */
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { AppError } from '../../platform/errors.ts';
import { Permission } from '../../platform/permissions.ts';

const BrandParams = Type.Object({ file: Type.String() });

export function registerRegionRoutes(app: App, { regions }: ModuleDeps): void {
  const route = { schema: { params: BrandParams }, config: { permission: Permission.Public } };
  app.get('/brand/:file', route, async (request, reply) => {
    const { file } = request.params;
    const region = file.endsWith('.css') ? regions.byId(file.slice(0, -4)) : undefined;
    if (!region) throw new AppError('LOTSA_NOT_FOUND');
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300');
    return `:root{--brand-primary:${region.brand.primary};--brand-accent:${region.brand.accent}}\n`;
  });
}
