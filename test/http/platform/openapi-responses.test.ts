/**
 * Real responses against the documented schemas: every operation in /api/openapi.json is called
 * (with an API token where it needs one), and each JSON body is validated with the schema the
 * document gives for its status — answers (200) and refusals (400, 401, 404, 410) alike. The
 * document is generated from the routes' own schemas, so this checks the routes, the presenters
 * and the document against each other. A new operation without a sample request here fails.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/app.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

interface Operation {
  operationId: string;
  security: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

/** The CSRF cookie and form token a signed-in browser holds after loading `url`. */
async function csrfWithSession(app: FastifyInstance, url: string, session: string) {
  const page = await app.inject({ url, headers: { cookie: session } });
  const setCookie = [page.headers['set-cookie'] ?? []].flat();
  const csrfCookie = setCookie.find((c) => c.includes('csrf'))?.split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { cookie: `${session}; ${csrfCookie}`, token };
}

describe('API responses match the OpenAPI document', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const now = new Date();
  await loadAds(
    db,
    [
      makeAd({ id: '9100001', headline: 'Sjuksköterska i Falun' }, now),
      makeAd({ id: '9100002', headline: 'Lärare i Borlänge', municipality: 'borlange', orgnr: null }, now),
      makeAd(
        { id: '9100003', headline: 'Undersköterska', applyUrl: null, applyEmail: 'jobb@example.se' },
        now,
      ),
    ],
    now,
  );
  await loadAds(
    db,
    [
      {
        ...makeAd({ id: '9100003', headline: 'Undersköterska' }, now),
        removed: true,
        timestamp: now.getTime(),
      },
    ],
    now,
  );

  const organisation = await createOrganisation(db, { name: 'Schemabolaget AB' });
  const boss = await createPerson(db, {
    role: 'employer_admin',
    organisationId: organisation,
    language: 'en',
  });
  const session = await sessionFor(db, boss.accountId);
  const csrf = await csrfWithSession(app, '/admin/tokens', session);
  const created = await app.inject({
    method: 'POST',
    url: '/admin/tokens',
    payload: new URLSearchParams([
      ['_csrf', csrf.token],
      ['name', 'Schemakollen'],
      ['scopes', 'OrgRead'],
      ['scopes', 'AuditRead'],
    ]).toString(),
    headers: {
      cookie: csrf.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost',
      host: 'localhost',
    },
  });
  const token = /value="(lotsa_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1] ?? '';
  // A career-page widget of the organisation (the toolbox), and one switched off.
  await db
    .insertInto('toolbox_widgets')
    .values({ region_id: 'dalarna', organisation_id: organisation, key: 'schemawidget1234' })
    .execute();
  const other = await createOrganisation(db, { name: 'Avstängda AB' });
  await db
    .insertInto('toolbox_widgets')
    .values({ region_id: 'dalarna', organisation_id: other, key: 'switchedoff12345', enabled: false })
    .execute();

  const document = (await app.inject({ url: '/api/openapi.json' })).json<Document>();
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi');

  /** Sample requests per operation: [url, expected status]. */
  const samples: Record<string, [string, number][]> = {
    searchJobs: [
      ['/api/v1/jobs', 200],
      ['/api/v1/jobs?q=sjuksköterska&municipality=2080&sort=newest&limit=5', 200],
      ['/api/v1/jobs?remote=1&published=30&offset=1', 200],
      ['/api/v1/jobs?colour=blue&limit=1000', 400],
      ['/api/v1/jobs?municipality=9999', 400],
    ],
    getJob: [
      ['/api/v1/jobs/9100001', 200],
      ['/api/v1/jobs/9100002', 200],
      ['/api/v1/jobs/9100003', 410],
      ['/api/v1/jobs/1234567', 404],
      ['/api/v1/jobs/no%20such!', 400],
    ],
    getOrganisation: [['/api/v1/organisation', 200]],
    listOrganisationMembers: [['/api/v1/organisation/members', 200]],
    listAuditEvents: [
      ['/api/v1/audit', 200],
      ['/api/v1/audit?limit=1&action=api_token', 200],
      ['/api/v1/audit?before=-1&colour=red', 400],
    ],
    getWidget: [
      ['/api/v1/widget/schemawidget1234', 200],
      ['/api/v1/widget/switchedoff12345', 404],
      ['/api/v1/widget/nosuchwidget1234', 404],
      [`/api/v1/widget/${'x'.repeat(65)}`, 400],
    ],
    searchTaxonomyConcepts: [
      ['/api/v1/taxonomy/concepts?type=skill&q=svets', 200],
      ['/api/v1/taxonomy/concepts?type=occupation-name&q=nurse&lang=en', 200],
      ['/api/v1/taxonomy/concepts?type=planet&q=x', 400],
    ],
  };

  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

  it('a token was made for the operations that need one', () => {
    assert.match(token, /^lotsa_/);
  });

  it('documents public operations with security: [] and the others with their schemes', () => {
    for (const { path, op } of operations) {
      assert.ok(Array.isArray(op.security), `${path} states its security`);
      const isPublic =
        path.startsWith('/api/v1/jobs') ||
        path.startsWith('/api/v1/taxonomy/') ||
        path.startsWith('/api/v1/widget/');
      assert.equal(op.security.length === 0, isPublic, path);
    }
  });

  it('documents every API route the app serves', () => {
    const documented = new Set(operations.map(({ path, method }) => `${method.toUpperCase()} ${path}`));
    const served = app.routeTable
      // HEAD is GET's, and OPTIONS the CORS preflight of a public route (platform/http/cors.ts).
      .filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    assert.ok(served.length >= 5);
    for (const route of served) assert.ok(documented.has(route), `${route} is documented`);
  });

  it('answers every documented operation with bodies its schemas accept', async () => {
    for (const { path, method, op } of operations) {
      const requests = samples[op.operationId];
      assert.ok(requests, `a sample request for ${op.operationId}`);
      assert.ok(
        requests.some(([, status]) => status === 200),
        `${op.operationId} is called successfully`,
      );
      for (const [url, status] of requests) {
        const headers: Record<string, string> = op.security.length
          ? { authorization: `Bearer ${token}` }
          : {};
        const res = await app.inject({ method: method.toUpperCase() as 'GET', url, headers });
        assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 300)}`);
        // Bodies as application/json, errors as RFC 9457 problem details.
        const media = String(res.headers['content-type']).split(';')[0] as string;
        assert.equal(media, status < 400 ? 'application/json' : 'application/problem+json', url);
        assert.ok(op.responses[status], `${op.operationId} documents ${status}`);
        const pointer = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/${media.replace(/\//g, '~1')}/schema`;
        const validate = ajv.getSchema(`openapi#${pointer}`);
        assert.ok(validate, `a schema for ${op.operationId} ${status}`);
        const body: unknown = res.json();
        assert.ok(validate(body), `${url} → ${status}: ${ajv.errorsText(validate.errors)}`);
      }
    }
  });

  it('answers an operation that needs a token without one with the documented 401', async () => {
    for (const { path, method } of operations.filter(({ op }) => op.security.length)) {
      const res = await app.inject({ url: path });
      assert.equal(res.statusCode, 401, path);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, path);
      const pointer = `/paths/${path.replace(/\//g, '~1')}/${method}/responses/401/content/application~1problem+json/schema`;
      const validate = ajv.getSchema(`openapi#${pointer}`);
      assert.ok(validate?.(res.json()), `${path}: ${ajv.errorsText(validate?.errors)}`);
    }
  });

  it('names each refused parameter in the error’s fields', async () => {
    const jobs = (await app.inject({ url: '/api/v1/jobs?colour=blue&limit=1000' })).json<{
      code: string;
      fields: Record<string, string>;
    }>();
    assert.equal(jobs.code, 'LOTSA_BAD_REQUEST');
    assert.deepEqual(Object.keys(jobs.fields).sort(), ['colour', 'limit']);
    assert.equal(jobs.fields.colour, 'unknown parameter');
    const page = await app.inject({
      url: '/sv/jobs?colour=blue&limit=1000&page=x',
      headers: { accept: 'text/html' },
    });
    assert.equal(page.statusCode, 200, 'pages ignore what they do not know');
  });
});
