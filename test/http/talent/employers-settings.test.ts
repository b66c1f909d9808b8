/**
 * /admin/talent/settings: the region's admins set k and the consent periods within their bounds
 * (a value out of bounds re-shown with its error), audited; the statistics count the pool.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { talentSettings } from '../../../src/modules/talent/profiles.ts';
import { auditActions, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { addTalent, cardLinks, employersFixture } from './employers-fixture.ts';

describe('the region’s talent pool settings', async () => {
  const f = await employersFixture();
  const regionAdmin = await createPerson(f.db, { role: 'admin', totpSecret: 'JBSWY3DPEHPK3PXP' });
  const cookie = await sessionFor(f.db, regionAdmin.accountId, { secondFactor: true });
  for (let i = 0; i < 3; i += 1) await addTalent(f.db, { occupation: 'developer' });
  await addTalent(f.db, { occupation: 'developer', status: 'hidden' });

  it('shows the settings and the statistics', async () => {
    const res = await f.get('/admin/talent/settings', cookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /name="kAnonymity"[^>]*value="5"/);
    assert.match(res.body, /Aktiva profiler<\/th>\s*<td[^>]*>3</);
    assert.match(res.body, /Dolda profiler<\/th>\s*<td[^>]*>1</);
  });

  it('refuses a value out of bounds by its field, keeping what was typed', async () => {
    const res = await f.post('/admin/talent/settings', cookie, {
      kAnonymity: '1',
      renewAfterMonths: '12',
      hideAfterDays: '30',
      deleteAfterMonths: '6',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Skriv ett heltal mellan 2 och 100/);
    assert.match(res.body, /name="kAnonymity"[^>]*value="1"/);
  });

  it('saves within bounds, audited, and the cards follow the new k at once', async () => {
    assert.equal(
      cardLinks((await f.get('/admin/talent?occupation=Backend-utvecklare', f.adminCookie)).body).length,
      0,
    );
    const res = await f.post('/admin/talent/settings', cookie, {
      kAnonymity: '3',
      renewAfterMonths: '24',
      hideAfterDays: '60',
      deleteAfterMonths: '3',
    });
    assert.equal(res.statusCode, 303);
    assert.deepEqual(await talentSettings(f.db, REGION), {
      kAnonymity: 3,
      renewAfterMonths: 24,
      hideAfterDays: 60,
      deleteAfterMonths: 3,
    });
    assert.ok((await auditActions(f.db)).includes('talent.settings.changed'));
    const audit = await f.get('/admin/audit', cookie);
    assert.match(audit.body, /korten visar det minst 3 personer delar, nytt samtycke efter 24 månader/);
    assert.equal(
      cardLinks((await f.get('/admin/talent?occupation=Backend-utvecklare', f.adminCookie)).body).length,
      3,
    );
  });

  it('is the region’s admins’ alone', async () => {
    assert.equal((await f.get('/admin/talent/settings', f.adminCookie)).statusCode, 403);
    assert.equal((await f.get('/admin/talent/settings', f.talentCookie)).statusCode, 403);
  });
});
