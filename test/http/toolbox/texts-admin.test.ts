/**
 * The region's texts in the back-office: a new text is a draft unless approved in the same save;
 * approve → retire → draft again, each recorded (who, when, audit), and a draft or a retired text
 * never reaches the organisations' page or approvedTexts; a body with a figure needs its source
 * and date (400 by the field, what was typed kept); editing an approved text makes it a draft
 * unless approved again in the same save; a save over another editor's is a 409 with the typed
 * form; a move the status does not allow is refused; only editors reach the pages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { loadRegions } from '../../../src/modules/regions/repository.ts';
import { demoTextId, seedTexts } from '../../../src/modules/toolbox/texts/seed.ts';
import { textsCard } from '../../../src/modules/toolbox/texts/card.ts';
import { approvedTexts } from '../../../src/modules/toolbox/toolbox.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, REGION } from '../../helpers/identity.ts';
import { createText, toolboxUser } from '../../helpers/toolbox.ts';

const NOW = new Date('2026-12-07T10:00:00Z');
const row = (db: Kysely<DB>, id: string) =>
  db.selectFrom('toolbox_texts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const versionOf = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

function validForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    persona: 'international',
    topic: 'career',
    municipality: '',
    title_sv: 'Engelska fungerar på jobbet',
    title_en: 'English works at work',
    body_sv: 'Kollegorna kommer från hela världen.\n\nMötena hålls på engelska.',
    body_en: 'Colleagues come from all over the world.\n\nMeetings are held in English.',
    source_name: '',
    source_url: '',
    source_date: '',
    version: '',
    ...over,
  };
}

describe('the region’s texts in the back-office', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited, clock: () => NOW });
  const db = database.db;
  const client = await formClient(app);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  const employer = await toolboxUser(db);

  it('creates a draft that stays out of the toolbox until approved, then retires it', async () => {
    const res = await client.postForm('/admin/toolbox/texts/new', editor.cookie, validForm());
    assert.equal(res.statusCode, 303);
    const id = /\/admin\/toolbox\/texts\/([0-9a-f-]{36})\?done=created/.exec(
      String(res.headers.location),
    )?.[1];
    assert.ok(id);
    assert.equal((await row(db, id)).status, 'draft');
    assert.equal((await row(db, id)).approved_at, null);

    const seen = async () => {
      const page = await client.get('/sv/toolbox/texts', employer.cookie);
      assert.equal(page.statusCode, 200);
      const api = (await approvedTexts(db, REGION)).some((t) => t.id === id);
      return { page: page.body.includes('Engelska fungerar på jobbet'), api };
    };
    assert.deepEqual(await seen(), { page: false, api: false });

    let edit = await client.get(`/admin/toolbox/texts/${id}`, editor.cookie);
    assert.equal(edit.statusCode, 200);
    let moved = await client.postForm(`/admin/toolbox/texts/${id}/status`, editor.cookie, {
      version: versionOf(edit.body),
      to: 'approved',
    });
    assert.equal(moved.statusCode, 303);
    assert.match(String(moved.headers.location), /done=approved/);
    const approved = await row(db, id);
    assert.equal(approved.status, 'approved');
    assert.equal(approved.approved_by, editor.accountId);
    assert.equal(approved.approved_at?.toISOString(), NOW.toISOString());
    assert.deepEqual(await seen(), { page: true, api: true });

    edit = await client.get(`/admin/toolbox/texts/${id}`, editor.cookie);
    moved = await client.postForm(`/admin/toolbox/texts/${id}/status`, editor.cookie, {
      version: versionOf(edit.body),
      to: 'retired',
    });
    assert.equal(moved.statusCode, 303);
    assert.equal((await row(db, id)).status, 'retired');
    assert.deepEqual(await seen(), { page: false, api: false });

    // A retired text cannot be approved straight away: back to draft first.
    edit = await client.get(`/admin/toolbox/texts/${id}`, editor.cookie);
    const refused = await client.postForm(`/admin/toolbox/texts/${id}/status`, editor.cookie, {
      version: versionOf(edit.body),
      to: 'approved',
    });
    assert.equal(refused.statusCode, 409);
    assert.equal((await row(db, id)).status, 'retired');
    moved = await client.postForm(`/admin/toolbox/texts/${id}/status`, editor.cookie, {
      version: versionOf(edit.body),
      to: 'draft',
    });
    assert.equal(moved.statusCode, 303);
    const drafted = await row(db, id);
    assert.equal(drafted.status, 'draft');
    assert.equal(drafted.approved_at, null);

    const actions = await auditActions(db);
    for (const a of [
      'toolbox.text.created',
      'toolbox.text.approved',
      'toolbox.text.retired',
      'toolbox.text.drafted',
    ])
      assert.ok(actions.includes(a), `${a} in ${actions.join(', ')}`);
  });

  it('approves in the same save when the editor ticks it; editing an approved text makes it a draft unless approved again', async () => {
    const res = await client.postForm(
      '/admin/toolbox/texts/new',
      editor.cookie,
      validForm({ approve: 'yes', title_sv: 'Godkänd direkt' }),
    );
    assert.equal(res.statusCode, 303);
    const id = /texts\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    assert.equal((await row(db, id)).status, 'approved');

    let edit = await client.get(`/admin/toolbox/texts/${id}`, editor.cookie);
    assert.match(edit.body, /Den här texten är godkänd och används/);
    assert.match(edit.body, /Godkänn texten igen när den sparas/);
    let saved = await client.postForm(
      `/admin/toolbox/texts/${id}`,
      editor.cookie,
      validForm({ title_sv: 'Godkänd och ändrad', version: versionOf(edit.body) }),
    );
    assert.equal(saved.statusCode, 303);
    let r = await row(db, id);
    assert.equal(r.status, 'draft');
    assert.equal(r.title_sv, 'Godkänd och ändrad');
    assert.equal(
      (await approvedTexts(db, REGION)).some((t) => t.id === id),
      false,
    );

    await client.postForm(`/admin/toolbox/texts/${id}/status`, editor.cookie, {
      version: versionOf((await client.get(`/admin/toolbox/texts/${id}`, editor.cookie)).body),
      to: 'approved',
    });
    edit = await client.get(`/admin/toolbox/texts/${id}`, editor.cookie);
    saved = await client.postForm(
      `/admin/toolbox/texts/${id}`,
      editor.cookie,
      validForm({ title_sv: 'Godkänd igen', version: versionOf(edit.body), approve: 'yes' }),
    );
    assert.equal(saved.statusCode, 303);
    r = await row(db, id);
    assert.equal(r.status, 'approved');
    assert.equal(r.approved_by, editor.accountId);
    const api = (await approvedTexts(db, REGION)).find((t) => t.id === id);
    assert.equal(api?.title.sv, 'Godkänd igen');
  });

  it('refuses a figure without its source and date, by the field, keeping what was typed', async () => {
    const typed = 'Falun har cirka 59 700 invånare.';
    const res = await client.postForm(
      '/admin/toolbox/texts/new',
      editor.cookie,
      validForm({ body_sv: typed }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(
      res.body,
      /id="source_name-error"[^>]*>Texten anger en siffra\. Skriv varifrån den kommer\./,
    );
    assert.match(res.body, /id="source_date-error"[^>]*>Texten anger en siffra\. Skriv källans datum\./);
    assert.match(res.body, /<textarea[^>]*name="body_sv"[^>]*>Falun har cirka 59 700 invånare\.<\/textarea>/);
    assert.match(res.body, /value="Engelska fungerar på jobbet"/);

    const later = await client.postForm(
      '/admin/toolbox/texts/new',
      editor.cookie,
      validForm({
        body_sv: typed,
        source_name: 'SCB, Folkmängd i kommuner',
        source_date: '2027-01-01',
        source_url: 'javascript:alert(1)',
      }),
    );
    assert.equal(later.statusCode, 400);
    assert.match(later.body, /Källans datum kan inte vara senare än i dag\./);
    assert.match(later.body, /Skriv en hel webbadress som börjar med https:\/\//);

    const ok = await client.postForm(
      '/admin/toolbox/texts/new',
      editor.cookie,
      validForm({
        body_sv: typed,
        source_name: 'SCB, Folkmängd i kommuner',
        source_date: '2023-12-31',
        source_url: 'https://www.scb.se',
      }),
    );
    assert.equal(ok.statusCode, 303);
  });

  it('refuses bad choices and over-long fields by the field', async () => {
    const res = await client.postForm(
      '/admin/toolbox/texts/new',
      editor.cookie,
      validForm({
        persona: 'pirates',
        topic: 'x',
        municipality: '0180',
        title_en: 'x'.repeat(161),
        body_sv: '',
        title_sv: '',
      }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="persona-error"/);
    assert.match(res.body, /id="topic-error"/);
    assert.match(res.body, /id="municipality-error"/);
    assert.match(res.body, /id="title_en-error"[^>]*>Högst 160 tecken\./);
  });

  it('answers a save over another editor’s with 409 and the typed form', async () => {
    const id = await createText(db, { status: 'draft', title: 'Utgångsläget' });
    const edit = await client.get(`/admin/toolbox/texts/${id}`, editor.cookie);
    const version = versionOf(edit.body);
    const first = await client.postForm(
      `/admin/toolbox/texts/${id}`,
      editor.cookie,
      validForm({ title_sv: 'Den första', version }),
    );
    assert.equal(first.statusCode, 303);
    const second = await client.postForm(
      `/admin/toolbox/texts/${id}`,
      editor.cookie,
      validForm({ title_sv: 'Den andra', version }),
    );
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Någon annan har ändrat texten/);
    assert.match(second.body, /value="Den andra"/);
    assert.equal((await row(db, id)).title_sv, 'Den första');
    // Saving again from the re-shown form overwrites knowingly.
    const third = await client.postForm(
      `/admin/toolbox/texts/${id}`,
      editor.cookie,
      validForm({ title_sv: 'Den andra', version: versionOf(second.body) }),
    );
    assert.equal(third.statusCode, 303);
    assert.equal((await row(db, id)).title_sv, 'Den andra');
    // A status move from a stale page is refused as well.
    const stale = await client.postForm(`/admin/toolbox/texts/${id}/status`, editor.cookie, {
      version,
      to: 'approved',
    });
    assert.equal(stale.statusCode, 409);
    assert.equal((await row(db, id)).status, 'draft');
  });

  it('lists with filters and paging, a bad filter a 400 by its field; only editors reach it', async () => {
    await createText(db, {
      status: 'approved',
      persona: 'students',
      topic: 'culture',
      title: 'Studentliv i Falun',
      municipalityCode: '2080',
    });
    const list = await client.get('/admin/toolbox/texts?persona=students&municipality=2080', editor.cookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Studentliv i Falun/);
    assert.doesNotMatch(list.body, /Utgångsläget|Den andra/);
    const bad = await client.get('/admin/toolbox/texts?status=gone', editor.cookie);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="tf-status-error"/);
    assert.equal((await client.get('/admin/toolbox/texts', employer.cookie)).statusCode, 403);
    assert.equal((await client.get('/admin/toolbox/texts/not-a-uuid', editor.cookie)).statusCode, 404);
    assert.equal(
      (await client.get('/admin/toolbox/texts/00000000-0000-4000-8000-000000000000', editor.cookie))
        .statusCode,
      404,
    );
  });

  it('counts the texts by status, and those lacking a language, on the overview card', async () => {
    await createText(db, { status: 'draft', title: 'Bara svenska', titleEn: '', bodyEn: '' });
    const dalarna = (await loadRegions(db)).find((r) => r.id === REGION)!;
    const statuses = await db
      .selectFrom('toolbox_texts')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('region_id', '=', REGION)
      .groupBy('status')
      .execute();
    const n = (s: string) => statuses.find((x) => x.status === s)?.n ?? '0';
    const card = await textsCard.render({ db, region: dalarna, lang: 'sv' });
    assert.equal(card?.title, 'Texter och argument');
    const text = card!.html.toString();
    assert.match(
      text,
      new RegExp(`${n('approved')} godkända, ${n('draft')} utkast, ${n('retired')} används inte längre\\.`),
    );
    assert.match(text, /1 text saknar ett av språken\./);
    assert.match(text, /href="\/admin\/toolbox\/texts"/);
  });

  it('seeds the demo texts once and never overwrites an editor’s change', async () => {
    await seedTexts(db);
    const id = demoTextId(REGION, 'career-region');
    await db
      .updateTable('toolbox_texts')
      .set({ title_sv: 'Redaktörens rubrik', status: 'retired' })
      .where('id', '=', id)
      .execute();
    const before = await db
      .selectFrom('toolbox_texts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await seedTexts(db);
    const after = await db
      .selectFrom('toolbox_texts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
    const r = await row(db, id);
    assert.equal(r.title_sv, 'Redaktörens rubrik');
    assert.equal(r.status, 'retired');
    assert.equal(r.demo, true);
  });
});
