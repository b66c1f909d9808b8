/** The navigator's shared reads: who sees which case, consents once per purpose, the inbox. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../helpers/db.ts';
import { REGION, createPerson } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';
import {
  caseInScope,
  caseScopeOf,
  giveConsent,
  inboxOrganisation,
  liveConsentsOf,
  navigatorsOf,
  withdrawConsent,
  type CaseScope,
} from '../../../src/modules/relocation/cases.ts';
import { Permission } from '../../../src/platform/permissions.ts';
import type { Principal } from '../../../src/platform/auth/principal.ts';

const database = await createTestDatabase();
const db = database.db;
after(() => database.close());

function principal(accountId: string, organisationId: string, role: 'navigator' | 'admin'): Principal {
  return {
    kind: 'session',
    account: { id: accountId, email: 'x@example.org', displayName: 'X', language: 'sv' },
    session: null,
    memberships: [],
    organisation: { id: organisationId, name: 'Org', kind: role === 'admin' ? 'region' : 'municipality' },
    role,
    permissions: new Set([Permission.CasesWork]),
    staff: true,
    hasSecondFactor: true,
  };
}

let falun: CaseScope;
let region: CaseScope;
before(async () => {
  const f = await createNavigator(db, { municipalityCode: '2080', name: 'Frida Falun' });
  const r = await createNavigator(db, { name: 'Rut Region' });
  falun = (await caseScopeOf(db, REGION, principal(f.accountId, f.organisationId, 'navigator')))!;
  region = (await caseScopeOf(db, REGION, principal(r.accountId, r.organisationId, 'navigator')))!;
});

test('a municipality navigator sees their municipality’s cases and the ones they hold; the region’s see all', async () => {
  const inFalun = await createCase(db, { municipalityCode: '2080' });
  const inBorlange = await createCase(db, { municipalityCode: '2081' });
  const notSure = await createCase(db, { municipalityCode: null });
  const held = await createCase(db, { municipalityCode: '2081', navigatorId: falun.accountId });
  assert.ok(await caseInScope(db, falun, inFalun.caseId));
  assert.equal(await caseInScope(db, falun, inBorlange.caseId), undefined);
  assert.equal(await caseInScope(db, falun, notSure.caseId), undefined);
  assert.ok(await caseInScope(db, falun, held.caseId));
  for (const c of [inFalun, inBorlange, notSure, held]) assert.ok(await caseInScope(db, region, c.caseId));
});

test('a person without CasesWork has no scope', async () => {
  const someone = await createPerson(db, { role: 'employer_admin' });
  const p = principal(someone.accountId, someone.organisationId!, 'navigator');
  assert.equal(await caseScopeOf(db, REGION, { ...p, permissions: new Set() }), undefined);
});

test('a consent is live once per purpose; withdrawing and giving again keeps both rows', async () => {
  const c = await createCase(db, {});
  assert.equal(await giveConsent(db, REGION, c.mainId, 'followup'), true);
  assert.equal(await giveConsent(db, REGION, c.mainId, 'followup'), false);
  assert.equal(await withdrawConsent(db, REGION, c.mainId, 'followup'), true);
  assert.equal((await liveConsentsOf(db, REGION, [c.mainId])).get(c.mainId)?.has('followup'), false);
  assert.equal(await giveConsent(db, REGION, c.mainId, 'followup'), true);
  const rows = await db
    .selectFrom('relocation_consents')
    .select('id')
    .where('person_id', '=', c.mainId)
    .where('purpose', '=', 'followup')
    .execute();
  assert.equal(rows.length, 2);
});

test('a request goes to the municipality’s inbox, or the region’s when not sure', async () => {
  const falunOrg = await inboxOrganisation(db, REGION, '2080');
  const regionOrg = await inboxOrganisation(db, REGION, null);
  assert.notEqual(falunOrg, regionOrg);
  const navigators = await navigatorsOf(db, REGION);
  assert.ok(navigators.some((n) => n.name === 'Frida Falun' && n.municipalityCode === '2080'));
});
