/**
 * The widget's relaxation (CSP frame-ancestors *, no X-Frame-Options, Cross-Origin-Resource-Policy:
 * cross-origin) is for the widget itself. Today the route's config carries it onto every answer of
 * the route, so the site's own 404 page (an unknown, guessed, renewed or switched-off key) may be
 * framed by any site and loaded cross-origin. The test asserts the safe behaviour and fails now.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { REGION } from '../../helpers/identity.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

describe('toolbox widget: attacks', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const hr = await toolboxUser(db);

  it('keeps the site’s frame and resource policies on the 404 of an unknown or switched-off key', async () => {
    const saved = await client.postForm('/sv/toolbox/widget', hr.cookie, {
      lang: 'sv',
      municipality: 'region',
      show_jobs: 'on',
      max_jobs: '5',
      enabled: '',
    });
    assert.equal(saved.statusCode, 303);
    const { key } = await db
      .selectFrom('toolbox_widgets')
      .select('key')
      .where('region_id', '=', REGION)
      .where('organisation_id', '=', hr.organisationId)
      .executeTakeFirstOrThrow();
    for (const url of ['/sv/widget/abcdefghijkl1234', `/sv/widget/${key}`]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 404, url);
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /frame-ancestors 'none'/, `${url}: the 404 page may be framed by any site (${csp})`);
      assert.equal(response.headers['x-frame-options'], 'DENY', `${url}: X-Frame-Options`);
      assert.notEqual(
        response.headers['cross-origin-resource-policy'],
        'cross-origin',
        `${url}: the 404 page is loadable cross-origin`,
      );
    }
  });
});
