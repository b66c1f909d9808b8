/**
 * The editors' guides (/admin/toolbox/guides, ToolboxEdit): the list; editing a guide — an item
 * renamed keeps its key so an organisation's ticks survive, a new item gets a key of its own, the
 * numbered positions reorder, a removed item's ticks no longer count —; a stale save is a 409 that
 * keeps what was typed; a bad link is a 400 by the field; publish/unpublish; the base seed never
 * overwrites an edited guide; an employer cannot reach any of it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedGuides } from '../../../src/modules/toolbox/guides/seed.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, REGION } from '../../helpers/identity.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

const SLUG = 'anstalla-fran-eu-ees-och-norden';
const URL_ = `/admin/toolbox/guides/${SLUG}`;

/** The form's fields as the page renders them (inputs, checked boxes, textareas, selected options). */
function fieldsOf(page: string): Record<string, string> {
  const form = page.slice(
    page.indexOf('<form class="guide-admin"'),
    page.indexOf('</form>', page.indexOf('<form class="guide-admin"')),
  );
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    if (!name || name === '_csrf') continue;
    const type = /type="([^"]*)"/.exec(attrs)?.[1];
    if (type === 'checkbox' && !/ checked/.test(attrs)) continue;
    fields[name] = decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
  }
  for (const m of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = /name="([^"]*)"/.exec(m[1]!)?.[1];
    if (name) fields[name] = decode(m[2]!);
  }
  for (const m of form.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = /name="([^"]*)"/.exec(m[1]!)?.[1];
    const selected = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
    if (name) fields[name] = decode(selected);
  }
  return fields;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('toolbox guides: the editors’ back-office', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  const hr = await toolboxUser(db);

  const guideRow = () =>
    db
      .selectFrom('toolbox_guides')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();

  it('lists the guides and shows the edit form; employers are refused', async () => {
    const list = await client.get('/admin/toolbox/guides', editor.cookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Anställa från EU\/EES och Norden/);
    assert.match(list.body, /Publicerad/);
    const form = await client.get(URL_, editor.cookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="s0_i0_key" value="eu-right"/);
    assert.match(form.body, /Ny punkt \(fyll i för att lägga till\)/);
    assert.equal((await client.get('/admin/toolbox/guides', hr.cookie)).statusCode, 403);
    assert.equal((await client.postForm(URL_, hr.cookie, { version: '1' })).statusCode, 403);
    assert.equal((await client.get('/admin/toolbox/guides/no-such-guide', editor.cookie)).statusCode, 404);
  });

  it('renames an item keeping its key, so ticks survive; adds, reorders and removes items', async () => {
    const started = await client.postForm('/sv/toolbox/guides/checklists', hr.cookie, {
      guide: SLUG,
      label: 'Montör från Finland',
    });
    const id = /checklists\/([0-9a-f-]{36})/.exec(String(started.headers.location))![1]!;
    await client.postForm(`/sv/toolbox/guides/checklists/${id}`, hr.cookie, {
      done: ['eu-right', 'eu-nordic', 'eu-family'],
    });

    const before = await guideRow();
    const fields = fieldsOf((await client.get(URL_, editor.cookie)).body);
    assert.equal(fields.version, String(before.version));
    assert.equal(fields.s0_i0_key, 'eu-right');
    fields.s0_i0_title_sv = 'Rätt att arbeta utan tillstånd';
    fields.s0_i0_title_en = 'The right to work without a permit';
    // eu-nordic moves first; eu-family is removed; a new item is added at the end.
    fields.s0_i1_position = '0';
    fields.s0_i2_remove = '1';
    fields.s0_i3_title_sv = 'Boka ett välkomstsamtal';
    fields.s0_i3_title_en = 'Book a welcome call';
    fields.s0_i3_url = 'https://example.org/valkommen';
    const saved = await client.postForm(URL_, editor.cookie, fields);
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    assert.equal(saved.headers.location, `${URL_}?done=saved`);

    const after = await guideRow();
    assert.equal(after.version, before.version + 1);
    const data = after.data as { sections: { items: { key: string; title: { sv: string } }[] }[] };
    const items = data.sections[0]!.items;
    assert.deepEqual(items.map((i) => i.key).slice(0, 2), ['eu-nordic', 'eu-right']);
    assert.equal(items[1]!.title.sv, 'Rätt att arbeta utan tillstånd');
    assert.equal(items.length, 3);
    assert.match(items[2]!.key, /^item-[0-9a-f]{8}$/);
    assert.ok(!items.some((i) => i.key === 'eu-family'));

    // The organisation's ticks: the renamed item is still ticked; the removed one no longer counts.
    const page = await client.get(`/sv/toolbox/guides/checklists/${id}`, hr.cookie);
    assert.match(page.body, /value="eu-right" checked/);
    assert.match(page.body, /Rätt att arbeta utan tillstånd/);
    assert.match(page.body, /2 av 11 klara/);
    assert.doesNotMatch(page.body, /eu-family/);
    assert.ok((await auditActions(db)).includes('toolbox.guide.saved'));

    // The seed never overwrites the edited guide.
    assert.equal(await seedGuides(db), 0);
    assert.equal((await guideRow()).version, after.version);
  });

  it('a stale save is a 409 that keeps what was typed', async () => {
    const fields = fieldsOf((await client.get(URL_, editor.cookie)).body);
    const first = { ...fields, title_sv: 'Anställa från EU, EES och Norden' };
    assert.equal((await client.postForm(URL_, editor.cookie, first)).statusCode, 303);
    const second = { ...fields, summary_sv: 'Min egen sammanfattning som inte får försvinna.' };
    const stale = await client.postForm(URL_, editor.cookie, second);
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Någon annan har sparat guiden medan du skrev/);
    assert.match(stale.body, /Min egen sammanfattning som inte får försvinna\./);
    const row = await guideRow();
    assert.equal((row.data as { title: { sv: string } }).title.sv, 'Anställa från EU, EES och Norden');
    // The re-shown form carries the current version: saving it again goes through.
    const again = fieldsOf(stale.body);
    assert.equal(again.version, String(row.version));
    assert.equal((await client.postForm(URL_, editor.cookie, again)).statusCode, 303);
  });

  it('a bad link, a missing title or a bad position is a 400 by the field', async () => {
    const fields = fieldsOf((await client.get(URL_, editor.cookie)).body);
    const bad = {
      ...fields,
      s1_i0_url: 'javascript:alert(1)',
      s0_title_en: '',
      s0_i1_position: 'first',
      s2_i0_text_sv: 'x'.repeat(1001),
    };
    const res = await client.postForm(URL_, editor.cookie, bad);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="s1_i0_url-error">Skriv en hel webbadress/);
    assert.match(res.body, /id="s0_title_en-error">Fyll i fältet/);
    assert.match(res.body, /id="s0_i1_position-error">Skriv ett heltal/);
    assert.match(res.body, /id="s2_i0_text_sv-error">Högst 1000 tecken/);
    assert.match(res.body, /value="javascript:alert\(1\)"/);
    assert.match(res.body, /href="#s1_i0_url"/);
    // A field sent twice is the platform's 400.
    const twice = await client.postForm(URL_, editor.cookie, { ...fields, title_sv: ['a', 'b'] });
    assert.equal(twice.statusCode, 400);
  });

  it('unpublishes and publishes a guide: hidden from organisations meanwhile', async () => {
    const row = await guideRow();
    const off = await client.postForm(`${URL_}/publish`, editor.cookie, {
      version: String(row.version),
      published: 'false',
    });
    assert.equal(off.statusCode, 303);
    assert.equal((await client.get(`/sv/toolbox/guides/${SLUG}`, hr.cookie)).statusCode, 404);
    const list = await client.get('/sv/toolbox/guides', hr.cookie);
    assert.match(list.body, /guiden är inte publicerad just nu/);
    const stale = await client.postForm(`${URL_}/publish`, editor.cookie, {
      version: String(row.version),
      published: 'true',
    });
    assert.equal(stale.statusCode, 409);
    const on = await client.postForm(`${URL_}/publish`, editor.cookie, {
      version: String(row.version + 1),
      published: 'true',
    });
    assert.equal(on.statusCode, 303);
    assert.equal((await client.get(`/sv/toolbox/guides/${SLUG}`, hr.cookie)).statusCode, 200);
    const actions = await auditActions(db);
    assert.ok(actions.includes('toolbox.guide.unpublished'));
    assert.ok(actions.includes('toolbox.guide.published'));
  });
});
