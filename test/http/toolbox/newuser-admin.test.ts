/**
 * The back-office as a new user who reads English: the menu's way into the toolbox leads to the
 * toolbox in their language, not to the Swedish one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

describe('newuser: the back-office menu into the toolbox', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;

  it('links an English-speaking employer to /en/toolbox', async () => {
    const hr = await toolboxUser(db, { language: 'en' });
    const res = await app.inject({ url: '/admin', headers: { cookie: hr.cookie } });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(res.body, /<html lang="en"/);
    // Seen now: the menu item reads "Toolbox" in English but leads to href="/sv/toolbox".
    assert.doesNotMatch(res.body, /href="\/sv\/toolbox"/);
    assert.match(res.body, /href="\/en\/toolbox"/);
  });

  it('links an English-speaking region editor to /en/toolbox too', async () => {
    const editor = await toolboxUser(db, { role: 'region_editor', language: 'en' });
    const res = await app.inject({ url: '/admin/toolbox', headers: { cookie: editor.cookie } });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.doesNotMatch(res.body, /href="\/sv\/toolbox"/);
  });
});
