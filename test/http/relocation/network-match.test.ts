/**
 * Matching an ambassador to a household: the case panel ranks approved ambassadors with reasons in
 * words; "Matcha" is refused without an adult's 'ambassador' consent; with it, the ambassador and
 * the household each get one e-mail with only the allowed facts, the case's history and the audit
 * record it; the ambassador sees the match on their own page; ending works; erasing the
 * ambassador's account leaves nothing of them, and the case keeps a history entry without the name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  caseById,
  liveConsentsOf,
  personsOf,
  type CaseScope,
} from '../../../src/modules/relocation/cases.ts';
import { ambassadorPanel } from '../../../src/modules/relocation/network/panel.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';
import { REGION, sessionFor } from '../../helpers/identity.ts';
import { createAmbassador } from '../../helpers/network.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';

describe('matching an ambassador to a household', async () => {
  const { app, database, regions } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const region = regions.byId(REGION)!;
  const navigator = await createNavigator(db, { municipalityCode: '2080', name: 'Nora Navigator' });
  const borlange = await createNavigator(db, { municipalityCode: '2081' });
  const scope: CaseScope = {
    regionId: REGION,
    accountId: navigator.accountId,
    organisationId: navigator.organisationId,
    wholeRegion: false,
    municipalityCode: '2080',
  };
  const stamp = Date.now().toString(36);
  const karin = await createAmbassador(db, {
    name: `Karin Zakrisson${stamp}`,
    email: `karin-${stamp}@example.org`,
    municipalityCode: '2080',
    languages: ['sv', 'en'],
    occupation: 'Barnsjuksköterska',
    personas: ['families'],
    about: `Jag visar gärna skidspåren ${stamp}`,
  });
  const bo = await createAmbassador(db, { name: 'Bo Borlänge', municipalityCode: '2081', languages: ['en'] });
  await createAmbassador(db, {
    name: 'Paula Paused',
    status: 'paused',
    languages: ['en'],
    municipalityCode: '2080',
  });
  await createAmbassador(db, {
    name: 'Petra Pending',
    status: 'pending',
    languages: ['en'],
    municipalityCode: '2080',
  });

  async function household(consents: Array<'ambassador'>) {
    const c = await createCase(db, {
      municipalityCode: '2080',
      main: { name: 'Ana Ferreira', phone: '+351 555 0101', citizenship: 'eu' },
      partner: { name: 'João Ferreira', occupation: 'Sjuksköterska', email: `joao-${stamp}@example.org` },
      childrenAges: [4],
      needs: ['housing', 'social'],
      consents,
      message: 'Vi har en hund som heter Tapas',
    });
    await db.updateTable('relocation_cases').set({ language: 'en' }).where('id', '=', c.caseId).execute();
    return c;
  }

  async function panel(caseId: string, query: Record<string, unknown> = {}) {
    const row = (await caseById(db, REGION, caseId))!;
    const persons = await personsOf(db, REGION, caseId);
    const consents = await liveConsentsOf(
      db,
      REGION,
      persons.filter((p) => p.role !== 'child').map((p) => p.id),
    );
    const view = await ambassadorPanel.render({
      db,
      region,
      lang: 'sv',
      person: {} as never,
      scope,
      case: row,
      persons,
      consents,
      csrfToken: 'token',
      query,
    });
    return view!.html.toString();
  }

  const mailsTo = (to: string) =>
    db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body', 'language'])
      .where(sql<string>`lower(to_address)`, '=', to.toLowerCase())
      .execute();

  it('ranks approved ambassadors with their reasons in words', async () => {
    const c = await household(['ambassador']);
    const html = await panel(c.caseId);
    assert.match(html, /<h2 id="ambassador-title">Ambassadör<\/h2>/);
    assert.match(html, new RegExp(`Karin`));
    assert.match(html, /bor i Falun/);
    assert.match(html, /talar engelska/);
    assert.match(html, /samma yrke \(sjukskoterska\)/);
    assert.match(html, /välkomnar barnfamiljer/);
    assert.match(html, /Bo/);
    assert.match(html, /Matcha med Bo/);
    assert.ok(html.indexOf('Matcha med Karin') < html.indexOf('Matcha med Bo'), 'Karin first');
    assert.doesNotMatch(html, /Paula|Petra/);
    assert.match(html, /Matcha med Karin/);
    assert.match(html, /<caption id="ambassador-suggestions-caption">/);
  });

  it('refuses to match without an adult’s ambassador consent', async () => {
    const c = await household([]);
    const html = await panel(c.caseId);
    assert.match(html, /Ingen vuxen i hushållet har samtyckt/);
    assert.doesNotMatch(html, /Matcha med/);
    const refused = await client.postForm(`/admin/cases/${c.caseId}/ambassador`, navigator.cookie, {
      ambassador: karin.id,
    });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Ingen vuxen i hushållet har samtyckt/);
    const rows = await db
      .selectFrom('network_ambassador_matches')
      .select('id')
      .where('case_id', '=', c.caseId)
      .execute();
    assert.equal(rows.length, 0);
  });

  it('with consent: one e-mail each, only the allowed facts; history, audit, own page; then ended', async () => {
    const c = await household(['ambassador']);
    const anaEmail = (await personsOf(db, REGION, c.caseId)).find((p) => p.role === 'main')!.email!;
    assert.equal(
      (
        await client.postForm(`/admin/cases/${c.caseId}/ambassador`, borlange.cookie, {
          ambassador: karin.id,
        })
      ).statusCode,
      404,
      'a case outside the navigator’s scope is not found',
    );
    assert.equal(
      (await client.postForm(`/admin/cases/${c.caseId}/ambassador`, navigator.cookie, { ambassador: 'x' }))
        .statusCode,
      404,
    );
    const matched = await client.postForm(`/admin/cases/${c.caseId}/ambassador`, navigator.cookie, {
      ambassador: karin.id,
    });
    assert.equal(matched.statusCode, 303, matched.body.slice(0, 400));
    assert.equal(matched.headers.location, `/admin/cases/${c.caseId}?done=ambassador-matched#ambassador`);

    const toKarin = await mailsTo(karin.email);
    assert.equal(toKarin.length, 1);
    const k = toKarin[0]!.text_body;
    assert.match(k, /Ana/);
    assert.match(k, new RegExp(anaEmail.replace(/[.+]/g, '\\$&')));
    assert.match(k, /Engelska/);
    assert.match(k, /bostad/);
    for (const secret of ['Ferreira', 'João', 'joao-', '555', 'Tapas', 'Sjuksköterska', 'Falun'])
      assert.ok(!k.includes(secret), `the ambassador is not told ${secret}`);
    const toAna = await mailsTo(anaEmail);
    assert.equal(toAna.length, 1);
    assert.equal(toAna[0]!.language, 'en');
    assert.match(toAna[0]!.text_body, /Ambassador: Karin/);
    assert.match(toAna[0]!.text_body, new RegExp(karin.email));
    assert.ok(!toAna[0]!.text_body.includes('Zakrisson'), 'only the first name');
    assert.ok(!toAna[0]!.text_body.includes('skidspåren'), 'not what the ambassador wrote');

    const again = await client.postForm(`/admin/cases/${c.caseId}/ambassador`, navigator.cookie, {
      ambassador: karin.id,
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /redan matchad/);

    const history = await db
      .selectFrom('relocation_case_events')
      .select(['kind', 'body', 'actor_id'])
      .where('case_id', '=', c.caseId)
      .execute();
    assert.deepEqual(history, [
      { kind: 'network.ambassador', body: 'Ambassadör matchad: Karin.', actor_id: navigator.accountId },
    ]);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('subject_id', '=', karin.accountId)
      .where('action', '=', 'relocation.network.match.created')
      .execute();
    assert.equal(audit.length, 1);

    const html = await panel(c.caseId, { done: 'ambassador-matched' });
    assert.match(html, /Ambassadören är matchad/);
    assert.match(html, /Presenterad/);
    assert.doesNotMatch(html, /Matcha med Karin/);

    const karinCookie = await sessionFor(db, karin.accountId);
    const me = await client.get('/sv/me', karinCookie);
    assert.match(me.body, /id="ambassador"/);
    assert.match(me.body, /Ana – Presenterad/);
    assert.ok(!me.body.includes('Ferreira'));

    const match = await db
      .selectFrom('network_ambassador_matches')
      .select('id')
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    const ended = await client.postForm(`/admin/cases/${c.caseId}/ambassador/end`, navigator.cookie, {
      match: match.id,
    });
    assert.equal(ended.statusCode, 303);
    assert.match(await panel(c.caseId), /Avslutad/);
    void bo;
  });

  it('erasing the ambassador’s account leaves nothing of them; the case keeps a nameless history entry', async () => {
    const c = await household(['ambassador']);
    const matched = await client.postForm(`/admin/cases/${c.caseId}/ambassador`, navigator.cookie, {
      ambassador: karin.id,
    });
    assert.equal(matched.statusCode, 303);
    const group = await db
      .insertInto('network_groups')
      .values({ region_id: REGION, slug: `g-${stamp}`, name_sv: 'G', name_en: 'G', topic: 'food' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('network_members')
      .values({ region_id: REGION, group_id: group.id, account_id: karin.accountId })
      .execute();
    const needles = [karin.email, `Zakrisson${stamp}`, `skidspåren ${stamp}`];
    for (const needle of needles)
      assert.ok((await tablesHolding(db, needle)).length > 0, `found ${needle} before`);

    const cookie = await sessionFor(db, karin.accountId);
    const exported = await client.get('/sv/me/export.json', cookie);
    assert.equal(exported.statusCode, 200);
    const data = JSON.parse(exported.body) as Record<string, unknown>;
    const network = data.newcomerNetwork as {
      groups: unknown[];
      ambassador: { occupation: string; matches: Array<{ status: string }> };
    };
    assert.equal(network.groups.length, 1);
    assert.equal(network.ambassador.occupation, 'Barnsjuksköterska');
    assert.ok(network.ambassador.matches.length >= 1);
    const deleted = await client.postForm('/sv/me/delete', cookie, { confirm: karin.email });
    assert.equal(deleted.statusCode, 303, deleted.body.slice(0, 300));

    const left: Record<string, string[]> = {};
    for (const needle of needles) {
      const tables = await tablesHolding(db, needle);
      if (tables.length) left[needle] = tables;
    }
    assert.deepEqual(left, {});
    const history = await db
      .selectFrom('relocation_case_events')
      .select('body')
      .where('case_id', '=', c.caseId)
      .execute();
    assert.equal(history.length, 1);
    assert.match(history[0]!.body, /Ambassadör matchad: en ambassadör vars konto är raderat/);
    assert.ok(!history[0]!.body.includes('Karin'));
  });
});
