/**
 * The editors' back-office under hostile input: numbers a browser never sends (a version or page
 * beyond any there can be, words where a number belongs) are answered with 4xx, never a 500.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient, type FormFields } from '../../helpers/client.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';

const LIST = '/admin/content';

describe('the editors’ back-office under hostile input', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganisation(db, { kind: 'region' });
  const editor = await createPerson(db, { role: 'region_editor', organisationId: region });
  const session = await sessionFor(db, editor.accountId, { secondFactor: true });
  const get = (url: string) => client.get(url, session);
  const post = (url: string, fields: FormFields) => client.postForm(url, session, fields);

  async function create(slug: string): Promise<string> {
    const res = await post(`${LIST}/new`, { kind: 'guide', slug, title_sv: 'Guide' });
    assert.equal(res.statusCode, 303);
    return String(res.headers.location)
      .replace(/^\/admin\/content\//, '')
      .replace(/\?.*$/, '');
  }

  it('answers version and page numbers beyond any there can be, or words for them, with 4xx', async () => {
    const id = await create('stora-tal');
    const huge = ['1e20', '99999999999', '2147483648'];
    for (const n of huge) {
      const compare = await get(`${LIST}/${id}/compare?from=${n}&to=1`);
      assert.equal(compare.statusCode, 404, `compare from=${n}`);
      const preview = await get(`${LIST}/${id}/preview?version=${n}`);
      assert.equal(preview.statusCode, 200, `preview version=${n}: the latest, as for any unreadable one`);
      const restore = await post(`${LIST}/${id}/restore`, { version: n, base: '1' });
      assert.equal(restore.statusCode, 404, `restore version=${n}`);
      const restoreBase = await post(`${LIST}/${id}/restore`, { version: '1', base: n });
      assert.equal(restoreBase.statusCode, 409, `restore base=${n}: someone saved meanwhile`);
      const save = await post(`${LIST}/${id}`, { base: n, title_sv: 'Ny' });
      assert.equal(save.statusCode, 409, `save base=${n}: someone saved meanwhile`);
      assert.match(save.body, /value="Ny"/, 'what was typed is kept');
      const list = await get(`${LIST}?page=${n}`);
      assert.equal(list.statusCode, 200, `list page=${n}`);
    }
    const words = await post(`${LIST}/${id}/restore`, { version: '1', base: 'abc' });
    assert.equal(words.statusCode, 409, 'restore base=abc');
    const versions = await get(`${LIST}/${id}/versions`);
    assert.match(versions.body, /<td>1<\/td>|>1</, 'nothing was stored');
  });

  it('says only what happened after a step: a link cannot put its own words in the notice', async () => {
    const id = await create('egna-ord');
    const words = encodeURIComponent('1 är sparad. Ring 010-123 45 67 och uppge ditt lösenord');
    const page = await get(`${LIST}/${id}?done=saved&v=${words}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Ring 010/);
    const honest = await get(`${LIST}/${id}?done=saved&v=1`);
    assert.match(honest.body, /Version 1 är sparad/);
  });
});
