/**
 * The household's moving page: the navigator, stage and checklist shown; a tick saved and seen in
 * the navigator's panel; the partner sees the same case; another household's case, step or
 * document is a 404; the household's facts corrected; consents given and withdrawn; documents
 * uploaded (real PDF and PNG bytes; an .exe renamed .pdf and a too large file refused) and
 * downloaded only by navigators in scope.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';
import { householdPanels } from '../../../src/modules/relocation/household/panels.ts';
import { caseById, caseScopeOf, personsOf } from '../../../src/modules/relocation/cases.ts';
import { loadRegions } from '../../../src/modules/regions/repository.ts';
import { multipart } from '../../helpers/images.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe('the household’s moving page', async () => {
  const t = await buildTestApp();
  const db = t.database.db;
  const client = await formClient(t.app);
  const navigator = await createNavigator(db, { municipalityCode: '2080', name: 'Frida Lots' });
  const other = await createNavigator(db, { municipalityCode: '2081', name: 'Bo Borlänge' });
  const main = await createPerson(db, {});
  const partner = await createPerson(db, {});
  const stranger = await createPerson(db, {});
  const c = await createCase(db, {
    municipalityCode: '2080',
    navigatorId: navigator.accountId,
    stage: 'exploring',
    accountId: main.accountId,
    main: { name: 'Ana Ferreira', citizenship: 'eu', accountId: main.accountId },
    partner: { name: 'João Ferreira', citizenship: 'eu', accountId: partner.accountId },
    childrenAges: [3, 9],
    housing: 'rent',
  });
  const foreign = await createCase(db, { municipalityCode: '2080', accountId: stranger.accountId });
  const mainCookie = await sessionFor(db, main.accountId);
  const partnerCookie = await sessionFor(db, partner.accountId);
  const strangerCookie = await sessionFor(db, stranger.accountId);
  const upload = (cookie: string, caseId: string, file?: { name: string; bytes: Buffer; type: string }) => {
    const body = multipart({ _csrf: client.csrf.token, case: caseId }, file);
    return t.app.inject({
      method: 'POST',
      url: '/sv/me/move/documents',
      payload: body.payload,
      headers: { ...client.headers(cookie), 'content-type': body.contentType },
    });
  };

  it('shows the navigator by name, the stage and the checklist by phase', async () => {
    const page = await client.get('/sv/me/move', mainCookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Frida Lots/);
    assert.match(page.body, /Utforskar/);
    assert.match(page.body, /Före flytten/);
    assert.match(page.body, /Uppehållsrätt som EU-medborgare/);
    assert.match(page.body, /Ansök om plats i förskolan/);
    assert.doesNotMatch(page.body, /Ansök om arbetstillstånd/);
    assert.match(page.body, /0 av \d+ klara/);
    const own = await client.get('/sv/me', mainCookie);
    assert.match(own.body, /Din flytt/);
    assert.match(own.body, /href="\/sv\/me\/move"/);
  });

  it('someone without a case gets a friendly page to ask for help', async () => {
    const nobody = await createPerson(db, {});
    const page = await client.get('/sv/me/move', await sessionFor(db, nobody.accountId));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/sv\/move"/);
  });

  it('a tick is saved, shown as progress, and seen in the navigator’s panel; the partner sees it too', async () => {
    const done = await client.postForm('/sv/me/move/checklist', mainCookie, {
      case: c.caseId,
      step: 'population-register',
      done: 'yes',
    });
    assert.equal(done.statusCode, 303);
    const row = await db
      .selectFrom('relocation_checklist')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(row.done_by, main.accountId);
    const page = await client.get('/sv/me/move', partnerCookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /1 av \d+ klara/);
    assert.match(page.body, /Du ser ärendet som partner/);
    const history = await db
      .selectFrom('relocation_case_events')
      .select('kind')
      .where('case_id', '=', c.caseId)
      .execute();
    assert.ok(history.some((h) => h.kind === 'checklist.done'));

    const region = (await loadRegions(db)).find((r) => r.id === REGION)!;
    const theCase = (await caseById(db, REGION, c.caseId))!;
    const panel = await householdPanels[0]!.render({
      db,
      region,
      lang: 'sv',
      person: {} as never,
      scope: {} as never,
      case: theCase,
      persons: await personsOf(db, REGION, c.caseId),
      consents: new Map(),
      csrfToken: '',
      query: {},
    });
    assert.match(panel!.html.toString(), /1 av \d+ klara/);
    assert.match(panel!.html.toString(), /Klar \d/);

    const undone = await client.postForm('/sv/me/move/checklist', partnerCookie, {
      case: c.caseId,
      step: 'population-register',
      done: 'no',
    });
    assert.equal(undone.statusCode, 303);
  });

  it('another household’s case, a step not on the list, or garbage is a 404', async () => {
    const page = await client.get('/sv/me/move', strangerCookie);
    assert.doesNotMatch(page.body, /Frida Lots/);
    const foreignTick = await client.postForm('/sv/me/move/checklist', strangerCookie, {
      case: c.caseId,
      step: 'population-register',
      done: 'yes',
    });
    assert.equal(foreignTick.statusCode, 404);
    const notOnList = await client.postForm('/sv/me/move/checklist', mainCookie, {
      case: c.caseId,
      step: 'work-permit',
      done: 'yes',
    });
    assert.equal(notOnList.statusCode, 404);
    const garbage = await client.postForm('/sv/me/move/checklist', mainCookie, {
      case: 'x',
      step: '../',
      done: 'yes',
    });
    assert.equal(garbage.statusCode, 404);
    const foreignConsent = await client.postForm('/sv/me/move/consent', mainCookie, {
      case: foreign.caseId,
      person: foreign.mainId,
      purpose: 'followup',
      action: 'give',
    });
    assert.equal(foreignConsent.statusCode, 404);
    // The partner's consent is not the main mover's to give.
    const partnersConsent = await client.postForm('/sv/me/move/consent', mainCookie, {
      case: c.caseId,
      person: c.partnerId!,
      purpose: 'followup',
      action: 'give',
    });
    assert.equal(partnersConsent.statusCode, 404);
  });

  it('the household corrects its facts and the checklist follows; bad ages come back by the field', async () => {
    const bad = await client.postForm('/sv/me/move/household', mainCookie, {
      case: c.caseId,
      [`citizenship_${c.mainId}`]: 'non_eu',
      children: 'tre, 40',
      housing: 'buy',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Skriv åldrar mellan 0 och 25/);
    assert.match(bad.body, /value="tre, 40"/);
    const ok = await client.postForm('/sv/me/move/household', mainCookie, {
      case: c.caseId,
      [`citizenship_${c.mainId}`]: 'non_eu',
      [`citizenship_${c.partnerId}`]: 'non_eu',
      children: '17',
      housing: 'buy',
    });
    assert.equal(ok.statusCode, 303);
    const page = await client.get('/sv/me/move', mainCookie);
    assert.match(page.body, /Ansök om arbetstillstånd innan du reser/);
    assert.match(page.body, /Gymnasiet för tonåringar/);
    assert.match(page.body, /Få ett lånelöfte/);
    assert.doesNotMatch(page.body, /Ställ dig i bostadskö/);
  });

  it('gives and withdraws a consent in one click each, with history and audit', async () => {
    for (const action of ['give', 'withdraw']) {
      const r = await client.postForm('/sv/me/move/consent', partnerCookie, {
        case: c.caseId,
        person: c.partnerId!,
        purpose: 'followup',
        action,
      });
      assert.equal(r.statusCode, 303);
    }
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', c.caseId)
      .execute();
    assert.ok(audit.some((a) => a.action === 'relocation.consent.given'));
    assert.ok(audit.some((a) => a.action === 'relocation.consent.withdrawn'));
  });

  it('uploads a PDF and a PNG, refuses an .exe named .pdf and a file too large, keeping the page', async () => {
    assert.equal(
      (
        await upload(mainCookie, c.caseId, {
          name: 'Anställningsavtal.pdf',
          bytes: PDF,
          type: 'application/pdf',
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (
        await upload(partnerCookie, c.caseId, {
          name: '../../pass<script>.png',
          bytes: PNG,
          type: 'image/png',
        })
      ).statusCode,
      303,
    );
    const exe = await upload(mainCookie, c.caseId, {
      name: 'avtal.pdf',
      bytes: EXE,
      type: 'application/pdf',
    });
    assert.equal(exe.statusCode, 400);
    assert.match(exe.body, /inte en PDF, JPEG eller PNG/);
    const big = await upload(mainCookie, c.caseId, {
      name: 'stor.pdf',
      bytes: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
      type: 'application/pdf',
    });
    assert.equal(big.statusCode, 413);
    assert.match(big.body, /större än 10 MB/);
    assert.match(big.body, /enctype="multipart\/form-data"/);
    const foreignUpload = await upload(strangerCookie, c.caseId, {
      name: 'x.pdf',
      bytes: PDF,
      type: 'application/pdf',
    });
    assert.equal(foreignUpload.statusCode, 404);
    const docs = await db
      .selectFrom('relocation_documents')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .execute();
    assert.deepEqual(docs.map((d) => d.filename).sort(), ['Anställningsavtal.pdf', 'passscript.png']);
    const page = await client.get('/sv/me/move', mainCookie);
    assert.match(page.body, /Anställningsavtal\.pdf/);
  });

  it('only navigators with the case in scope download a document, as an attachment', async () => {
    const doc = await db
      .selectFrom('relocation_documents')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .where('content_type', '=', 'application/pdf')
      .executeTakeFirstOrThrow();
    const url = `/admin/cases/${c.caseId}/documents/${doc.id}`;
    const ok = await client.get(url, navigator.cookie);
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.headers['content-type'], 'application/pdf');
    assert.equal(ok.headers['x-content-type-options'], 'nosniff');
    assert.match(String(ok.headers['content-disposition']), /^attachment; filename=/);
    assert.equal(ok.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal((await client.get(url, other.cookie)).statusCode, 404);
    assert.notEqual((await client.get(url, mainCookie)).statusCode, 200);
    assert.equal(
      (await client.get(`/admin/cases/${foreign.caseId}/documents/${doc.id}`, navigator.cookie)).statusCode,
      404,
    );
    assert.ok((await caseScopeOf(db, REGION, undefined)) === undefined);

    // The household downloads what it shared, linked from its page; another household cannot.
    const own = `/sv/me/move/documents/${doc.id}`;
    assert.match((await client.get('/sv/me/move', mainCookie)).body, new RegExp(`href="${own}"`));
    const mine = await client.get(own, mainCookie);
    assert.equal(mine.statusCode, 200);
    assert.match(String(mine.headers['content-disposition']), /^attachment; filename=/);
    assert.equal(mine.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal((await client.get(own, strangerCookie)).statusCode, 404);
    assert.equal((await client.get('/sv/me/move/documents/not-a-uuid', mainCookie)).statusCode, 404);

    // Deleting: not the stranger's to delete; the uploader deletes their own.
    const del = { case: c.caseId, document: doc.id };
    assert.equal(
      (await client.postForm('/sv/me/move/documents/delete', strangerCookie, del)).statusCode,
      404,
    );
    assert.equal((await client.postForm('/sv/me/move/documents/delete', mainCookie, del)).statusCode, 303);
    assert.equal((await client.get(url, navigator.cookie)).statusCode, 404);
  });
});
