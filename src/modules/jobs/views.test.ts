import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app.ts';
import { loadAds, makeAd } from '../../../test/helpers/jobs.ts';

const now = new Date();

function withFields(id: string, fields: Record<string, unknown>) {
  return { ...makeAd({ id, headline: `Annons ${id}`, municipality: 'falun' }, now), ...fields };
}

describe('job page links from ads', async () => {
  const { app, database } = await buildTestApp();
  await loadAds(
    database.db,
    [
      withFields('9200001', {}),
      withFields('9200002', { webpage_url: 'https://evil.example/jobb/9200002' }),
      withFields('9200003', {
        webpage_url: 'javascript:alert(1)',
        application_details: { url: 'data:text/html,<script>alert(1)</script>', email: null },
        employer: { name: 'Bolaget', url: 'javascript:alert(2)' },
      }),
      withFields('9200004', {
        description: { text: 'Text', text_formatted: 42 },
        webpage_url: 5,
        salary_description: { amount: 1 },
        access: ['genast'],
        scope_of_work: 'heltid',
        application_details: { url: 7, email: ['a@b.se'], reference: { x: 1 }, information: 3 },
        employer: { name: 'Bolaget', url: 9 },
      }),
    ],
    now,
  );
  const page = (id: string) => app.inject({ method: 'GET', url: `/sv/jobs/${id}` });
  const canonical = (body: string) => /<link rel="canonical" href="([^"]*)">/.exec(body)?.[1];
  const hrefs = (body: string) =>
    [...body.matchAll(/(?:href|src|sameAs)"?[=:]\s*"([^"]*)"/g)].map((m) => m[1]);

  it('makes Platsbanken the canonical page of its own ads', async () => {
    const res = await page('9200001');
    assert.equal(res.statusCode, 200);
    assert.equal(canonical(res.body), 'https://arbetsformedlingen.se/platsbanken/annonser/9200001');
  });

  it('keeps the canonical link on this site when the ad names another host', async () => {
    const res = await page('9200002');
    assert.equal(res.statusCode, 200);
    assert.equal(canonical(res.body), 'http://localhost:3000/sv/jobs/9200002');
    // The link to the original is still offered, as an ordinary external link.
    assert.ok(res.body.includes('href="https://evil.example/jobb/9200002"'));
  });

  it('links nowhere but http(s), mailto and this site from an ad', async () => {
    const res = await page('9200003');
    assert.equal(res.statusCode, 200);
    assert.equal(canonical(res.body), 'http://localhost:3000/sv/jobs/9200003');
    for (const href of hrefs(res.body)) {
      assert.match(href ?? '', /^(?:https?:\/\/|\/|mailto:|#)/, href);
    }
    assert.doesNotMatch(res.body, /javascript:|data:text/);
  });

  it('shows an ad whose rendered fields had the wrong types, as page and as JSON', async () => {
    const res = await page('9200004');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Text/);
    const api = await app.inject({ method: 'GET', url: '/api/v1/jobs/9200004' });
    assert.equal(api.statusCode, 200);
    const body = api.json() as { salary_description: unknown; apply: Record<string, unknown> };
    assert.equal(body.salary_description, null);
    assert.deepEqual(body.apply, { url: null, email: null, reference: null, platsbanken_url: null });
  });
});
