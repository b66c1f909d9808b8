/**
 * The module contract as the app shows it: every route belongs to a module of modules/index.ts or is
 * one of the platform's few own routes, and declares a permission; module names are unique.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { modules } from '../../../src/modules/index.ts';
import { isPermission } from '../../../src/platform/permissions.ts';
import { buildTestApp } from '../../helpers/app.ts';

/** Routes the platform itself serves (static files, probes, metrics and the API document). */
const PLATFORM_ROUTES = ['/static/*', '/healthz', '/readyz', '/metrics', '/api/openapi.json'];

describe('modules', async () => {
  const { app } = await buildTestApp();

  it('have unique names', () => {
    const names = modules.map((m) => m.name);
    assert.deepEqual([...new Set(names)], names);
  });

  it('every route belongs to a module, or is one of the platform’s own, and has a permission', () => {
    const names = new Set(modules.map((m) => m.name));
    const strays = app.routeTable.filter((r) =>
      r.module === undefined ? !PLATFORM_ROUTES.includes(r.url) : !names.has(r.module),
    );
    assert.deepEqual(strays, []);
    assert.ok(app.routeTable.every((r) => isPermission(r.permission)));
  });

  it('each module with routes registered some, in the order of the module list', () => {
    const seen = [...new Set(app.routeTable.map((r) => r.module).filter((m) => m !== undefined))];
    assert.deepEqual(
      seen,
      modules.filter((m) => m.routes).map((m) => m.name),
    );
  });

  it('the navigation is in module order', async () => {
    const page = await app.inject({ url: '/en/' });
    const nav = /<nav[^>]*>([\s\S]*?)<\/nav>/.exec(page.body)?.[1] ?? '';
    const links = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(links.slice(0, 10), [
      '/en/',
      '/en/jobs',
      '/en/companies',
      '/en/places',
      '/en/guides',
      '/en/stories',
      '/en/events',
      '/en/talent-pool',
      '/en/move',
      '/en/me',
    ]);
  });
});

describe('the OpenAPI document assembled from the modules', async () => {
  const { app } = await buildTestApp();

  it('is the document generated from the API routes’ schemas (the fixture; key order aside)', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=300');
    const fixture = new URL('../../fixtures/openapi.expected.json', import.meta.url);
    // UPDATE_SNAPSHOTS=1 writes the fixture from the app (then review the diff), like migrate.test.ts.
    if (process.env.UPDATE_SNAPSHOTS === '1')
      writeFileSync(fixture, JSON.stringify(res.json(), null, 2) + '\n');
    const expected: unknown = JSON.parse(readFileSync(fixture, 'utf8'));
    assert.deepStrictEqual(res.json(), expected);
  });

  it('the API docs page lists every path of it', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    const page = (await app.inject({ url: '/api/docs' })).body;
    for (const path of Object.keys(doc.paths)) assert.ok(page.includes(`GET ${path}`), path);
  });
});
