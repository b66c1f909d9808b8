/**
 * Employers' own ads under attack: what an employer typed within the form's limits is what the
 * job page, the edit form and the API show — also a description full of emoji (characters outside
 * the BMP, two UTF-16 code units each) or of characters that HTML escapes (a quotation mark is six characters as &quot;).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JobDetail } from '../../../src/modules/jobs/api-schema.ts';
import { LIMITS } from '../../../src/modules/jobs/own/form.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient, type FormFields } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { validAd } from './own-fixture.ts';

/** The ad id a publication redirected to. */
function idOf(location: unknown): string {
  const m = /^\/admin\/jobs\/(own-[a-z0-9]{12})\?done=published$/.exec(String(location));
  assert.ok(m, `redirect to the ad's page, got ${String(location)}`);
  return m[1]!;
}

const textarea = (body: string, name: string) =>
  new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(body)?.[1];

describe('own job ads under attack', async () => {
  const { app, database } = await buildTestApp();
  const client = await formClient(app);
  const member = await createPerson(database.db, { role: 'employer_member' });
  const cookie = await sessionFor(database.db, member.accountId);

  it('keeps a description of emoji whole, as typed, within the limit people count', async () => {
    // 7,715 characters as people count them, 11,215 UTF-16 code units.
    const sv = `${'🌲🌲🌲🌲🌲 skog '.repeat(700)}Slut på texten.`;
    assert.ok([...sv].length <= LIMITS.description && sv.length > 10_000);
    const res = await client.postForm('/admin/jobs/new', cookie, validAd({ description_sv: sv }));
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const id = idOf(res.headers.location);
    const page = await client.get(`/sv/jobs/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Slut på texten\./, 'the job page shows the end of the description');
    const form = await client.get(`/admin/jobs/${id}`, cookie);
    assert.equal(textarea(form.body, 'description_sv'), sv.trim(), 'the edit form holds it whole');
  });

  it('keeps a description full of quotation marks whole in the API and the JobPosting', async () => {
    const sv = `${'"'.repeat(9_990)} Slutet`;
    const en = `${'"'.repeat(9_990)} The end`;
    const res = await client.postForm(
      '/admin/jobs/new',
      cookie,
      validAd({ description_sv: sv, description_en: en }),
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const id = idOf(res.headers.location);
    const job = (await app.inject({ url: `/api/v1/jobs/${id}` })).json() as JobDetail;
    assert.match(String(job.description_html), /The end/, 'the English text is there to its end');
    const page = await client.get(`/en/jobs/${id}`);
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body)?.[1] ?? '';
    assert.match(ld, /The end/);
  });

  it('answers text that is not valid Unicode (half a surrogate pair, sent as JSON) with 400, storing nothing', async () => {
    const before = await database.db.selectFrom('job_ads').select('id').where('origin', '=', 'own').execute();
    for (const over of [
      { headline: 'Rubrik \udc00' },
      { description_sv: 'Text \ud800 här' },
    ] as FormFields[]) {
      const res = await client.postJson('/admin/jobs/new', cookie, validAd(over));
      assert.equal(res.statusCode, 400, JSON.stringify(over));
    }
    const after = await database.db.selectFrom('job_ads').select('id').where('origin', '=', 'own').execute();
    assert.equal(after.length, before.length);
  });
});
