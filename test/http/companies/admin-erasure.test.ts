/**
 * Erasing an employer's person: the company page is the organisation's, not theirs, so it stays
 * with every version; what named the person as its author is set to nobody, and the page says "a
 * deleted user" where it would have named them. Nothing else the back-office stores is personal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deleteAccount } from '../../../src/modules/identity/me/service.ts';
import { REGION } from '../../helpers/identity.ts';
import { LIST, companyFixture, filled } from './admin-fixture.ts';

describe('erasing the person who edited a company page', async () => {
  const f = await companyFixture();
  const id = await f.ownPage();

  it('keeps the page and its versions, with the author set to nobody', async () => {
    assert.equal((await f.save(id, f.hrCookie, filled('Bergslagens Stål'))).statusCode, 303);
    const needs = await f.post(`${LIST}/${id}/needs`, f.hrCookie, {
      rows: '1',
      need_0_occ: 'rxrQ_Nyy_k6y',
      need_0_people: '3',
    });
    assert.equal(needs.statusCode, 303);
    assert.equal(await deleteAccount(f.db, REGION, f.hr.accountId), 'deleted');

    const company = await f.db
      .selectFrom('companies')
      .select(['created_by', 'updated_by', 'organisation_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(company, { created_by: null, updated_by: null, organisation_id: f.employer });
    const versions = await f.db
      .selectFrom('company_versions')
      .select(['version', 'author_id'])
      .where('company_id', '=', id)
      .orderBy('version')
      .execute();
    assert.deepEqual(versions, [
      { version: 1, author_id: null },
      { version: 2, author_id: null },
    ]);
    const stored = JSON.stringify(
      await f.db.selectFrom('company_versions').select('data').where('company_id', '=', id).execute(),
    );
    assert.doesNotMatch(stored, new RegExp(f.hr.email.replace(/[.]/g, '\\.')));
    assert.equal(
      (await f.db.selectFrom('company_competence_needs').selectAll().where('company_id', '=', id).execute())
        .length,
      1,
      'the organisation’s needs stay',
    );

    // Another member meets the other one's save as "a deleted user".
    const conflict = await f.save(id, f.memberCookie, filled('Bergslagens Stål igen'), 1);
    assert.equal(conflict.statusCode, 409);
    assert.match(conflict.body, /En borttagen användare sparade version 2/);
  });
});
