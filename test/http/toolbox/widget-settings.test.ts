/**
 * The widget's settings page /:lang/toolbox/widget: who reaches it, the first save makes a key and
 * the snippet (absolute URLs from configuration, never from Host), bad values are re-shown by the
 * field with status 400, every change is audited, and a new key — asked for first, and only by the
 * organisation's administrators — retires the old snippet at once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, createPerson, municipalityOrg, REGION, sessionFor } from '../../helpers/identity.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

const URL = '/sv/toolbox/widget';
const GOOD = { lang: 'sv', municipality: 'region', show_jobs: 'on', max_jobs: '5', enabled: 'on' };

describe('toolbox widget: settings', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const hr = await toolboxUser(db);
  const keyOf = async (organisationId: string) =>
    (
      await db
        .selectFrom('toolbox_widgets')
        .select('key')
        .where('region_id', '=', REGION)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst()
    )?.key;

  it('sends the signed-out to sign in and refuses a talent', async () => {
    const anonymous = await app.inject(URL);
    assert.equal(anonymous.statusCode, 303);
    const talent = await createPerson(db, {});
    const cookie = await sessionFor(db, talent.accountId);
    assert.equal((await client.get(URL, cookie)).statusCode, 403);
  });

  it('shows the form and no snippet before the first save', async () => {
    const page = await client.get(URL, hr.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Widget för karriärsidan<\/h1>/);
    assert.match(page.body, /name="max_jobs"[^>]*value="5"/);
    assert.match(page.body, /Spara inställningarna en första gång/);
    assert.doesNotMatch(page.body, /data-lotsa-widget=/);
    assert.equal(await keyOf(hr.organisationId), undefined);
  });

  it('re-shows bad values by the field with status 400 and saves nothing', async () => {
    const res = await client.postForm(URL, hr.cookie, {
      lang: 'fr',
      municipality: '9999',
      show_jobs: 'yes',
      max_jobs: '21',
      enabled: 'on',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="lang-error">Välj svenska eller engelska\./);
    assert.match(res.body, /id="municipality-error">Välj en ort i listan eller hela regionen\./);
    assert.match(res.body, /id="max_jobs-error">Skriv ett heltal från 1 till 20\./);
    assert.match(res.body, /id="show_jobs-error">Ogiltigt värde\./);
    assert.match(res.body, /name="max_jobs"[^>]*value="21"/);
    assert.match(res.body, /class="error-summary"/);
    for (const max of ['0', 'abc', '1e1', '', '-3'])
      assert.equal((await client.postForm(URL, hr.cookie, { ...GOOD, max_jobs: max })).statusCode, 400, max);
    assert.equal(await keyOf(hr.organisationId), undefined);
  });

  it('makes a key on the first save and shows the snippet with configured absolute URLs', async () => {
    const res = await client.postForm(URL, hr.cookie, { ...GOOD, municipality: '2080' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sv/toolbox/widget?done=created');
    const key = await keyOf(hr.organisationId);
    assert.match(key ?? '', /^[a-z0-9]{12,32}$/);
    const page = await app.inject({
      url: `${URL}?done=created`,
      headers: { ...client.headers(hr.cookie), host: 'evil.example' },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Widgeten är skapad/);
    assert.doesNotMatch(page.body, /evil\.example/);
    // The snippet, escaped inside its textarea.
    assert.ok(
      page.body.includes(
        `&lt;div data-lotsa-widget=&quot;${key}&quot; lang=&quot;sv&quot;&gt;&lt;a href=&quot;http://localhost:3000/sv/widget/${key}&quot;&gt;`,
      ),
    );
    assert.ok(
      page.body.includes(
        `&lt;script src=&quot;http://localhost:3000/static/js/lotsa-widget.js&quot; async&gt;&lt;/script&gt;`,
      ),
    );
    assert.ok(page.body.includes(`value="http://localhost:3000/api/v1/widget/${key}"`));
    // The live preview: the widget's element, drawn by its script on this page.
    assert.match(
      page.body,
      new RegExp(`<div data-lotsa-widget="${key}" lang="sv" data-heading-level="3"><a href=`),
    );
    assert.match(page.body, /<script src="\/static\/js\/lotsa-widget\.js\?v=[0-9a-f]+" defer>/);
    assert.match(page.body, /data-copy="widget-snippet"/);
    assert.match(page.body, /<option value="2080" selected>Falun<\/option>/);
    assert.ok((await auditActions(db)).includes('toolbox.widget.saved'));
  });

  it('keeps the key when the settings change', async () => {
    const before = await keyOf(hr.organisationId);
    const res = await client.postForm(URL, hr.cookie, { lang: 'en', municipality: 'region', max_jobs: '3' });
    assert.equal(res.headers.location, '/sv/toolbox/widget?done=saved');
    assert.equal(await keyOf(hr.organisationId), before);
    const row = await db
      .selectFrom('toolbox_widgets')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('organisation_id', '=', hr.organisationId)
      .executeTakeFirstOrThrow();
    assert.equal(row.lang, 'en');
    assert.equal(row.municipality_code, null);
    assert.equal(row.max_jobs, 3);
    assert.equal(row.show_jobs, false);
    assert.equal(row.enabled, false);
    const page = await client.get(URL, hr.cookie);
    assert.match(page.body, /Widgeten är avstängd/);
  });

  it('gives a new key: the old snippet stops working at once', async () => {
    await client.postForm(URL, hr.cookie, GOOD);
    const old = (await keyOf(hr.organisationId))!;
    assert.equal((await app.inject(`/api/v1/widget/${old}`)).statusCode, 200);
    // The page links to a page that asks first; a post without the confirmation changes nothing.
    const settings = await client.get(URL, hr.cookie);
    assert.match(settings.body, /href="\/sv\/toolbox\/widget\/key">Skapa en ny nyckel</);
    const ask = await client.get(`${URL}/key`, hr.cookie);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /<h1>Skapa en ny nyckel\?<\/h1>/);
    assert.match(ask.body, /slutar fungera direkt/);
    assert.ok(ask.body.includes(`<code>${old}</code>`));
    assert.match(ask.body, /Det kan bara organisationens administratörer göra, inte alla medlemmar\./);
    assert.match(ask.body, /name="confirm" value="yes"/);
    const unconfirmed = await client.postForm(`${URL}/key`, hr.cookie, {});
    assert.equal(unconfirmed.statusCode, 303);
    assert.equal(unconfirmed.headers.location, '/sv/toolbox/widget/key');
    assert.equal(await keyOf(hr.organisationId), old);
    const res = await client.postForm(`${URL}/key`, hr.cookie, { confirm: 'yes' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sv/toolbox/widget?done=renewed');
    const fresh = (await keyOf(hr.organisationId))!;
    assert.notEqual(fresh, old);
    assert.match(fresh, /^[a-z0-9]{12,32}$/);
    assert.equal((await app.inject(`/api/v1/widget/${old}`)).statusCode, 404);
    assert.equal((await app.inject(`/sv/widget/${old}`)).statusCode, 404);
    assert.equal((await app.inject(`/api/v1/widget/${fresh}`)).statusCode, 200);
    assert.equal((await auditActions(db))[0], 'toolbox.widget.key_renewed');
  });

  it('lets only the organisation’s administrators make a new key, and says so', async () => {
    const member = await toolboxUser(db, { role: 'employer_member', organisationId: hr.organisationId });
    const before = (await keyOf(hr.organisationId))!;
    const settings = await client.get(URL, member.cookie);
    assert.match(settings.body, /Det kan bara organisationens administratörer göra, inte alla medlemmar\./);
    assert.match(settings.body, /Din roll räcker inte för det\./);
    assert.doesNotMatch(settings.body, /href="\/sv\/toolbox\/widget\/key"/);
    const ask = await client.get(`${URL}/key`, member.cookie);
    assert.equal(ask.statusCode, 200);
    assert.doesNotMatch(ask.body, /name="confirm"/);
    const forced = await client.postForm(`${URL}/key`, member.cookie, { confirm: 'yes' });
    assert.equal(forced.statusCode, 403);
    assert.equal(await keyOf(hr.organisationId), before);
    // A municipality's editors may (its highest role); the page names them.
    const falun = await municipalityOrg(db, '2080');
    const editor = await toolboxUser(db, { role: 'municipality_editor', organisationId: falun });
    await client.postForm(URL, editor.cookie, GOOD);
    const page = await client.get(URL, editor.cookie);
    assert.match(page.body, /Det kan bara kommunens redaktörer göra\./);
    const old = (await keyOf(falun))!;
    assert.equal((await client.postForm(`${URL}/key`, editor.cookie, { confirm: 'yes' })).statusCode, 303);
    assert.notEqual(await keyOf(falun), old);
  });

  it('refuses a new key before there is a widget, and a POST without the CSRF token', async () => {
    const other = await toolboxUser(db, { role: 'employer_member' });
    assert.equal((await client.postForm(`${URL}/key`, other.cookie, {})).statusCode, 404);
    assert.equal((await client.postForm(`${URL}/key`, other.cookie, { confirm: 'yes' })).statusCode, 404);
    assert.equal((await client.get(`${URL}/key`, other.cookie)).statusCode, 404);
    const forged = await app.inject({
      method: 'POST',
      url: URL,
      payload: new URLSearchParams(GOOD).toString(),
      headers: { cookie: hr.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(forged.statusCode, 403);
  });

  it('shows each organisation its own widget only', async () => {
    const other = await toolboxUser(db);
    await client.postForm(URL, other.cookie, GOOD);
    const mine = (await keyOf(hr.organisationId))!;
    const theirs = (await keyOf(other.organisationId))!;
    assert.notEqual(mine, theirs);
    const page = await client.get(URL, other.cookie);
    assert.ok(page.body.includes(theirs));
    assert.ok(!page.body.includes(mine));
  });

  it('speaks English at /en', async () => {
    const page = await client.get('/en/toolbox/widget', hr.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Career-page widget<\/h1>/);
    assert.match(page.body, /Create a new key/);
  });
});
