/**
 * The region editor (redaktor@) edits a guide: an item's link field says "https://…", and so does
 * its error message, but an http:// address is saved and then shown to every employer as the
 * authority's page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedGuides } from '../../../src/modules/toolbox/guides/seed.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

const SLUG = 'anstalla-utanfor-eu-ees';
const URL_ = `/admin/toolbox/guides/${SLUG}`;

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The guide form's fields as the page renders them. */
function fieldsOf(page: string): Record<string, string> {
  const start = page.indexOf('<form class="guide-admin"');
  const form = page.slice(start, page.indexOf('</form>', start));
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

describe('newuser: an editor edits a guide', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  await seedGuides(db);

  it('refuses an http:// link for an item, as the hint and the message say https://', async () => {
    const page = await app.inject({ url: URL_, headers: { cookie: editor.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /https:\/\/…/);
    const fields = fieldsOf(page.body);
    assert.ok('s0_i0_url' in fields, 'the first item’s link field');
    const res = await client.postForm(URL_, editor.cookie, {
      ...fields,
      s0_i0_url: 'http://www.migrationsverket.se',
    });
    // Seen now: 303 ?done=saved, and the checklist links to http://www.migrationsverket.se.
    assert.equal(res.statusCode, 400, String(res.headers.location));
    assert.match(res.body, /börjar med https:\/\//);
    assert.match(res.body, /value="http:\/\/www\.migrationsverket\.se"/);
  });
});
