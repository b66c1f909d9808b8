/**
 * Deleting content: an item no version of which is published is deleted with its versions once the
 * editor ticks the confirmation; a published one is not (unpublish first); a municipality editor
 * reaches only their own; the audit trail tells it, and a deleted story's person is not named in
 * it any more.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getItem } from '../../../src/modules/content/store.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient, type FormFields } from '../../helpers/client.ts';
import {
  createOrganisation,
  createPerson,
  municipalityOrg,
  REGION,
  sessionFor,
} from '../../helpers/identity.ts';

const LIST = '/admin/content';

describe('deleting content', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganisation(db, { kind: 'region' });
  const editor = await createPerson(db, { role: 'region_editor', organisationId: region });
  const cookie = await sessionFor(db, editor.accountId, { secondFactor: true });
  const admin = await createPerson(db, { role: 'admin', organisationId: region });
  const adminCookie = await sessionFor(db, admin.accountId, { secondFactor: true });
  const falun = await createPerson(db, {
    role: 'municipality_editor',
    organisationId: await municipalityOrg(db, '2080'),
  });
  const falunCookie = await sessionFor(db, falun.accountId, { secondFactor: true });
  const get = (url: string, c = cookie) => client.get(url, c);
  const post = (url: string, fields: FormFields, c = cookie) => client.postForm(url, c, fields);

  async function create(fields: FormFields, c = cookie): Promise<string> {
    const res = await post(`${LIST}/new`, fields, c);
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    return String(res.headers.location)
      .replace(/^\/admin\/content\//, '')
      .replace(/\?.*$/, '');
  }

  async function auditRows(id: string) {
    return db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('subject_type', '=', 'content')
      .where('subject_id', '=', id)
      .orderBy('id')
      .execute();
  }

  it('asks for a tick, then deletes a draft with all its versions and says so in the list', async () => {
    const id = await create({ kind: 'guide', slug: 'ta-bort-mig', title_sv: 'Ta bort mig' });
    assert.equal((await post(`${LIST}/${id}`, { base: '1', title_sv: 'Andra versionen' })).statusCode, 303);
    const page = await get(`${LIST}/${id}`);
    assert.match(page.body, new RegExp(`<form[^>]*action="${LIST}/${id}/delete"`));
    assert.match(page.body, /Ja, ta bort innehållet och alla dess versioner/);

    const unticked = await post(`${LIST}/${id}/delete`, {});
    assert.equal(unticked.statusCode, 400);
    assert.match(unticked.body, /id="delete_confirm-error"[^>]*>Kryssa i rutan/);
    assert.match(unticked.body, /href="#delete_confirm-yes"/, 'the summary leads to the box');
    assert.ok(await getItem(db, REGION, id), 'nothing deleted without the tick');

    const res = await post(`${LIST}/${id}/delete`, { delete_confirm: 'yes' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${LIST}?done=deleted`);
    assert.equal(await getItem(db, REGION, id), undefined);
    const versions = await db
      .selectFrom('content_versions')
      .select('version')
      .where('item_id', '=', id)
      .execute();
    assert.equal(versions.length, 0, 'its versions go with it');
    assert.match((await get(`${LIST}?done=deleted`)).body, /Innehållet och alla dess versioner är borttagna/);
    assert.equal((await get(`${LIST}/${id}`)).statusCode, 404);
    const events = await auditRows(id);
    assert.equal(events.at(-1)?.action, 'content.deleted');
    const audit = await get('/admin/audit?action=content.deleted', adminCookie);
    assert.match(audit.body, /tog bort ”Andra versionen” \(ta-bort-mig\) och alla dess versioner/);
  });

  it('refuses to delete a published item, saying to unpublish first; unpublished, it may go', async () => {
    const id = await create({ kind: 'guide', slug: 'publicerad', title_sv: 'Publicerad' });
    const texts = {
      base: '1',
      title_sv: 'Publicerad',
      title_en: 'Published',
      summary_sv: 'Kort',
      summary_en: 'Short',
      body_sv: 'Text.',
      body_en: 'Text.',
    };
    assert.equal((await post(`${LIST}/${id}`, texts)).statusCode, 303);
    assert.equal((await post(`${LIST}/${id}/submit`, { shown: '2' })).statusCode, 303);
    assert.equal((await post(`${LIST}/${id}/approve`, { shown: '2', when: 'now' })).statusCode, 303);
    const page = await get(`${LIST}/${id}`);
    assert.doesNotMatch(page.body, /action="[^"]*\/delete"/, 'no delete form for a published item');
    assert.match(page.body, /Avpublicera det först/);
    const refused = await post(`${LIST}/${id}/delete`, { delete_confirm: 'yes' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Publicerat innehåll kan inte tas bort\. Avpublicera det först/);
    assert.equal((await getItem(db, REGION, id))?.status, 'published');
    assert.equal((await post(`${LIST}/${id}/unpublish`, {})).statusCode, 303);
    assert.equal((await post(`${LIST}/${id}/delete`, { delete_confirm: 'yes' })).statusCode, 303);
    assert.equal(await getItem(db, REGION, id), undefined);
  });

  it('lets a municipality editor delete only their own municipality’s stories, and forgets the person in the audit trail', async () => {
    const other = await create({
      kind: 'story',
      slug: 'borlange-anna',
      title_sv: 'Anna',
      municipality: '2081',
    });
    assert.equal(
      (await post(`${LIST}/${other}/delete`, { delete_confirm: 'yes' }, falunCookie)).statusCode,
      404,
    );
    assert.ok(await getItem(db, REGION, other));

    const own = await create(
      { kind: 'story', slug: 'karin-andersson', title_sv: 'Karin Andersson' },
      falunCookie,
    );
    assert.equal(
      (await post(`${LIST}/${own}`, { base: '1', title_sv: 'Karin Andersson från Lund' }, falunCookie))
        .statusCode,
      303,
    );
    assert.equal((await post(`${LIST}/${own}/submit`, { shown: '2' }, falunCookie)).statusCode, 303);
    assert.equal(
      (await post(`${LIST}/${own}/return`, { shown: '2', comment: 'Fråga Karin om bilden.' })).statusCode,
      303,
    );
    const res = await post(`${LIST}/${own}/delete`, { delete_confirm: 'yes' }, falunCookie);
    assert.equal(res.statusCode, 303);
    const events = await auditRows(own);
    assert.deepEqual(
      events.map((e) => e.action),
      ['content.created', 'content.saved', 'content.submitted', 'content.returned', 'content.deleted'],
    );
    const facts = JSON.stringify(events.map((e) => e.data));
    assert.doesNotMatch(facts, /Karin|karin-andersson/, 'neither name nor address is kept');
    const audit = await get('/admin/audit?action=content', adminCookie);
    assert.match(audit.body, /tog bort en opublicerad berättelse och alla dess versioner/);
    assert.doesNotMatch(audit.body, /Karin/);
  });
});
