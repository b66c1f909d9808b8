/**
 * A deleted story's person is forgotten beyond the story itself: the paths that listed it keep
 * neither its address (which names the person) in any version nor on the page visitors see, and a
 * later story under the same address does not appear on those paths unreviewed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient, type FormFields } from '../../helpers/client.ts';
import { createOrganisation, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';

const LIST = '/admin/content';

describe('erasing a story’s person', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganisation(db, { kind: 'region' });
  const editor = await createPerson(db, { role: 'region_editor', organisationId: region });
  const cookie = await sessionFor(db, editor.accountId, { secondFactor: true });
  const post = (url: string, fields: FormFields) => client.postForm(url, cookie, fields);

  async function create(fields: FormFields): Promise<string> {
    const res = await post(`${LIST}/new`, fields);
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    return String(res.headers.location)
      .replace(/^\/admin\/content\//, '')
      .replace(/\?.*$/, '');
  }
  const text = (sv: string, en: string): FormFields => ({
    title_sv: sv,
    title_en: en,
    summary_sv: `${sv} i korthet`,
    summary_en: `${en} in short`,
    body_sv: `${sv} text.`,
    body_en: `${en} text.`,
  });

  async function stored(table: 'content_versions' | 'content_published'): Promise<string> {
    const rows = await db.selectFrom(table).select('data').where('region_id', '=', REGION).execute();
    return JSON.stringify(rows.map((r) => r.data));
  }

  it('takes a deleted story’s address out of every version and the published page of the paths that listed it', async () => {
    const story = await create({
      kind: 'story',
      slug: 'karin-lindqvist',
      title_sv: 'Karin',
      municipality: '2080',
    });
    const other = await create({ kind: 'story', slug: 'per-berg', title_sv: 'Per', municipality: '2080' });
    const path = await create({ kind: 'path', group: 'families', title_sv: 'Familjer' });
    const saved = await post(`${LIST}/${path}`, {
      base: '1',
      ...text('Familjer', 'Families'),
      path_stories: ['karin-lindqvist', 'per-berg'],
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    assert.equal((await post(`${LIST}/${path}/submit`, { shown: '2' })).statusCode, 303);
    assert.equal((await post(`${LIST}/${path}/approve`, { shown: '2', when: 'now' })).statusCode, 303);
    assert.match(await stored('content_published'), /karin-lindqvist/);

    const deleted = await post(`${LIST}/${story}/delete`, { delete_confirm: 'yes' });
    assert.equal(deleted.statusCode, 303);
    assert.doesNotMatch(await stored('content_versions'), /karin-lindqvist/, 'no version names it');
    assert.doesNotMatch(await stored('content_published'), /karin-lindqvist/, 'nor what visitors see');
    assert.match(await stored('content_published'), /per-berg/, 'the path’s other stories stay');
    assert.ok(other);

    // A new story under the freed address is not on the path until an editor puts it there.
    await create({
      kind: 'story',
      slug: 'karin-lindqvist',
      title_sv: 'En annan Karin',
      municipality: '2080',
    });
    assert.doesNotMatch(await stored('content_published'), /karin-lindqvist/);
  });
});
