/**
 * Second attack pass on the widget (what changed since 1326c3d). A new key is now for the
 * organisation's administrators only, because "every pasted snippet stops working" — but a member
 * (employer_member) may still save the settings with `enabled` unticked, and every pasted snippet
 * and the JSON address answer 404 just the same: the live career page loses the widget on one save
 * by someone the key rule was written to keep out. The test asserts the rule holds for both ways.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { REGION } from '../../helpers/identity.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

const URL = '/sv/toolbox/widget';
const GOOD = { lang: 'sv', municipality: 'region', show_jobs: 'on', max_jobs: '5', enabled: 'on' };

describe('toolbox widget: second attack pass', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);

  it('does not let a member who may not make a new key switch the live widget off either', async () => {
    const admin = await toolboxUser(db);
    assert.equal((await client.postForm(URL, admin.cookie, GOOD)).statusCode, 303);
    const { key } = await db
      .selectFrom('toolbox_widgets')
      .select('key')
      .where('region_id', '=', REGION)
      .where('organisation_id', '=', admin.organisationId)
      .executeTakeFirstOrThrow();
    assert.equal((await app.inject(`/api/v1/widget/${key}`)).statusCode, 200);

    const member = await toolboxUser(db, { role: 'employer_member', organisationId: admin.organisationId });
    const forcedKey = await client.postForm(`${URL}/key`, member.cookie, { confirm: 'yes' });
    assert.equal(forcedKey.statusCode, 403, 'the member may not make a new key (holds)');

    const { enabled: _on, ...off } = GOOD;
    const saved = await client.postForm(URL, member.cookie, off);
    const json = await app.inject(`/api/v1/widget/${key}`);
    const page = await app.inject(`/sv/widget/${key}`);
    assert.equal(
      json.statusCode,
      200,
      `a member's save (${saved.statusCode}) switched the widget off: the JSON answers ${json.statusCode} and the framed page ${page.statusCode}, as after a new key`,
    );
  });
});
