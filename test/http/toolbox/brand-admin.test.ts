/**
 * The brand platform's back-office: the overview with the brand card, the edit form (every field,
 * Swedish and English side by side), a save making the next version (303 and a notice), a stale save
 * refused 409 with the newer version named, what was typed kept and the changed fields marked by the
 * field, bounds refused 400 by the field, the history with a version's diff against the one before,
 * a restore as a new version, and the audit events. Only the region's editors reach it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BRAND_LIMITS } from '../../../src/modules/toolbox/brand/data.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, REGION } from '../../helpers/identity.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

const versions = async (db: Awaited<ReturnType<typeof buildTestApp>>['database']['db']) =>
  db
    .selectFrom('toolbox_brand_versions')
    .select(['version', 'data', 'note', 'saved_by'])
    .where('region_id', '=', REGION)
    .orderBy('version')
    .execute();

/** A filled-in form from version `base`; tests change what they look at. */
function form(base: number, over: Record<string, string> = {}): Record<string, string> {
  return {
    base: String(base),
    position_sv: 'En modern karriärregion',
    position_en: 'A modern career region',
    positionText_sv: 'Karriär och natur.',
    positionText_en: 'Careers and nature.',
    from_sv: 'Dalahästar\n\nFolkdräkter',
    from_en: 'Dala horses\nFolk costume',
    to_sv: 'Teknik\nInnovation',
    to_en: 'Technology\nInnovation',
    prop0_name_sv: 'Öppen',
    prop0_name_en: 'Open',
    prop0_words_sv: 'Vänlig, varm',
    prop0_words_en: 'Friendly, warm',
    prop0_text_sv: 'Vi svarar snabbt.',
    prop0_text_en: 'We answer quickly.',
    bearer0_name_sv: 'Människorna',
    bearer0_name_en: 'The people',
    voice_sv: 'Varm och rak.',
    voice_en: 'Warm and straight.',
    wordsWeLike_sv: 'teknik\ninnovation',
    wordsWeLike_en: 'technology\ninnovation',
    avoid0_word_sv: 'industri',
    avoid0_word_en: 'industry',
    avoid0_instead_sv: 'teknik och innovation',
    avoid0_instead_en: 'technology and innovation',
    do0_text_sv: 'Säg teknik.',
    do0_text_en: 'Say technology.',
    do0_example_sv: 'Skriv: teknik / Inte: industri',
    do0_example_en: 'Write: technology / Not: industry',
    dont0_text_sv: 'Traditioner i bakgrunden.',
    dont0_text_en: 'Traditions in the background.',
    note: 'Första versionen',
    ...over,
  };
}

describe('the brand platform’s back-office', async () => {
  const { app, database } = await buildTestApp({}, undefined, {
    rateLimiter: unlimited,
    clock: () => new Date('2026-12-07T10:00:00Z'),
  });
  const db = database.db;
  const client = await formClient(app);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  const other = await toolboxUser(db, { role: 'admin', language: 'en' });
  const employer = await toolboxUser(db);

  it('only the region’s editors reach it', async () => {
    for (const url of ['/admin/toolbox', '/admin/toolbox/brand', '/admin/toolbox/brand/versions']) {
      assert.equal((await client.get(url, editor.cookie)).statusCode, 200, url);
      assert.equal((await client.get(url, employer.cookie)).statusCode, 403, url);
    }
    const post = await client.postForm('/admin/toolbox/brand', employer.cookie, form(0));
    assert.equal(post.statusCode, 403);
    assert.equal((await versions(db)).length, 0);
  });

  it('the overview shows the brand card; the form every field with its bounds, sv and en side by side', async () => {
    const overview = await client.get('/admin/toolbox', editor.cookie);
    assert.match(overview.body, /Varumärkesplattformen/);
    assert.match(overview.body, /Ingen version är sparad än/);
    assert.match(overview.body, /href="\/admin\/toolbox\/brand"/);
    const page = await client.get('/admin/toolbox/brand', editor.cookie);
    for (const name of [
      'position_sv',
      'position_en',
      'from_sv',
      'to_en',
      'prop0_name_sv',
      'prop1_text_en',
      'bearer0_name_sv',
      'voice_en',
      'wordsWeLike_sv',
      'avoid0_instead_en',
      'do0_example_sv',
      'dont1_text_en',
      'note',
    ])
      assert.match(page.body, new RegExp(`name="${name}"`), name);
    // No rows written: two empty rows of each group to fill in.
    assert.doesNotMatch(page.body, /name="prop2_name_sv"/);
    assert.match(page.body, /name="base" value="0"/);
    assert.match(page.body, new RegExp(`Högst ${BRAND_LIMITS.position.chars} tecken`));
    assert.match(page.body, /Ett per rad, högst 40 stycken med högst 60 tecken vardera/);
    assert.match(page.body, /class="content-pair"/);
  });

  it('a save becomes version 1: 303 with a notice, lists one item a line, empty rows left out, audited', async () => {
    const saved = await client.postForm('/admin/toolbox/brand', editor.cookie, form(0));
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/admin/toolbox/brand?done=saved&version=1');
    const rows = await versions(db);
    assert.equal(rows.length, 1);
    const data = rows[0]!.data as Record<string, unknown>;
    assert.deepEqual(data.from, { sv: ['Dalahästar', 'Folkdräkter'], en: ['Dala horses', 'Folk costume'] });
    assert.equal((data.properties as unknown[]).length, 1);
    assert.equal(rows[0]!.note, 'Första versionen');
    assert.equal(rows[0]!.saved_by, editor.accountId);
    const page = await client.get(String(saved.headers.location), editor.cookie);
    assert.match(page.body, /Sparat som version 1\./);
    assert.match(page.body, /name="base" value="1"/);
    assert.match(page.body, /name="prop0_name_sv"[^>]*value="Öppen"/);
    // The written row and two empty ones.
    assert.match(page.body, /name="prop2_name_sv"/);
    assert.doesNotMatch(page.body, /name="prop3_name_sv"/);
    assert.ok((await auditActions(db)).some((a) => a === 'toolbox.brand.saved'));
    const overview = await client.get('/admin/toolbox', editor.cookie);
    assert.match(overview.body, /Version 1, sparad 7 december 2026 kl. 11:00 av Test Person\./);
  });

  it('the toolbox shows the newest version', async () => {
    const page = await client.get('/sv/toolbox', employer.cookie);
    assert.match(page.body, /En modern karriärregion/);
    assert.match(page.body, /Skriv: teknik \/ Inte: industri/);
  });

  it('bounds: a field too long, too many lines, a row without its name → 400 by the field, typed text kept', async () => {
    const long = 'å'.repeat(BRAND_LIMITS.position.chars + 1);
    const tooMany = Array.from({ length: 11 }, (_, i) => `rad ${i}`).join('\n');
    const bad = await client.postForm(
      '/admin/toolbox/brand',
      editor.cookie,
      form(1, {
        position_sv: long,
        to_sv: tooMany,
        bearer1_text_sv: 'Text utan namn',
        note: 'n'.repeat(301),
      }),
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /<p class="field__error" id="position_sv-error">Skriv högst 120 tecken\.<\/p>/);
    assert.match(bad.body, /id="to_sv-error">Skriv högst 10 rader\./);
    assert.match(bad.body, /id="bearer1_name_sv-error">Fyll i det här fältet, eller töm hela raden\./);
    assert.match(bad.body, /id="note-error">Skriv högst 300 tecken\./);
    assert.ok(bad.body.includes(`value="${long}"`));
    assert.match(bad.body, /Text utan namn/);
    assert.equal((await versions(db)).length, 1);
  });

  it('a stale save is refused 409: the newer version named, what was typed kept, the changed fields marked', async () => {
    // The admin saves version 2 from version 1, changing the voice.
    const first = await client.postForm(
      '/admin/toolbox/brand',
      other.cookie,
      form(1, { voice_sv: 'Kort och varm.', note: '' }),
    );
    assert.equal(first.statusCode, 303);
    // The editor, still on version 1, saves a new position.
    const stale = await client.postForm(
      '/admin/toolbox/brand',
      editor.cookie,
      form(1, { position_sv: 'Min nya position', note: 'Ny position' }),
    );
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Någon har sparat en nyare version/);
    assert.match(stale.body, /Version 2 sparades 7 december 2026 kl. 11:00 av Test Person/);
    assert.match(stale.body, /value="Min nya position"/);
    assert.match(stale.body, /id="voice_sv-error">Ändrades i version 2 – jämför innan du sparar\./);
    assert.doesNotMatch(stale.body, /id="position_sv-error"/);
    // The diff of what changed, and the form now carries version 2: saving again is deliberate.
    assert.match(stale.body, /Tonalitet – svenska<\/h3>\s*<div class="diff"><del>.*Varm.*<\/del><ins>.*Kort/);
    assert.match(stale.body, /name="base" value="2"/);
    assert.match(stale.body, /Spara över version 2/);
    assert.equal((await versions(db)).length, 2);
    const again = await client.postForm(
      '/admin/toolbox/brand',
      editor.cookie,
      form(2, { position_sv: 'Min nya position' }),
    );
    assert.equal(again.statusCode, 303);
    assert.equal((await versions(db)).length, 3);
  });

  it('a form naming a version never saved is a 400; a malformed base too', async () => {
    assert.equal((await client.postForm('/admin/toolbox/brand', editor.cookie, form(99))).statusCode, 400);
    const malformed = await client.postForm('/admin/toolbox/brand', editor.cookie, form(0, { base: 'abc' }));
    // No number: taken as "from nothing", which is stale now.
    assert.equal(malformed.statusCode, 409);
    assert.equal((await versions(db)).length, 3);
  });

  it('the history lists versions with who, when and the note, and shows a version’s diff against the one before', async () => {
    const page = await client.get('/admin/toolbox/brand/versions', editor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Första versionen/);
    assert.match(page.body, /Gällande/);
    assert.match(page.body, /action="\/admin\/toolbox\/brand\/versions\/1\/restore"/);
    assert.doesNotMatch(page.body, /action="\/admin\/toolbox\/brand\/versions\/3\/restore"/);
    const diff = await client.get('/admin/toolbox/brand/versions?diff=3', editor.cookie);
    assert.match(diff.body, /Ändringar i version 3 jämfört med version 2/);
    assert.match(diff.body, /Positionen på en rad – svenska/);
    assert.match(diff.body, /<ins>[\s\S]*Min nya position/);
    assert.doesNotMatch(diff.body, /Tonalitet – engelska/);
    const first = await client.get('/admin/toolbox/brand/versions?diff=1', editor.cookie);
    assert.match(first.body, /Version 1 är den första/);
    assert.equal((await client.get('/admin/toolbox/brand/versions?diff=77', editor.cookie)).statusCode, 404);
  });

  it('a restore writes an old version’s content as a new version, audited', async () => {
    const restored = await client.postForm('/admin/toolbox/brand/versions/1/restore', editor.cookie, {});
    assert.equal(restored.statusCode, 303);
    assert.equal(restored.headers.location, '/admin/toolbox/brand/versions?done=restored&version=4&from=1');
    const rows = await versions(db);
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[3]!.data, rows[0]!.data);
    assert.equal(rows[3]!.note, 'Återställd från version 1.');
    const page = await client.get(String(restored.headers.location), editor.cookie);
    assert.match(page.body, /Version 1 är återställd som version 4\./);
    assert.ok((await auditActions(db)).some((a) => a === 'toolbox.brand.restored'));
    // The current one, or one that does not exist.
    assert.equal(
      (await client.postForm('/admin/toolbox/brand/versions/4/restore', editor.cookie, {})).statusCode,
      409,
    );
    assert.equal(
      (await client.postForm('/admin/toolbox/brand/versions/12/restore', editor.cookie, {})).statusCode,
      404,
    );
    assert.equal(
      (await client.postForm('/admin/toolbox/brand/versions/x1/restore', editor.cookie, {})).statusCode,
      404,
    );
    assert.equal((await versions(db)).length, 4);
    const toolbox = await client.get('/sv/toolbox', employer.cookie);
    assert.match(toolbox.body, />En modern karriärregion</);
  });

  it('two saves from the same version at once: one becomes the next version, the other is refused 409', async () => {
    const latest = (await versions(db)).length;
    const answers = await Promise.all([
      client.postForm('/admin/toolbox/brand', editor.cookie, form(latest, { voice_sv: 'Först.' })),
      client.postForm('/admin/toolbox/brand', other.cookie, form(latest, { voice_sv: 'Samtidigt.' })),
    ]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, 409]);
    assert.equal((await versions(db)).length, latest + 1);
  });

  it('the audit trail reads the events as sentences', async () => {
    const page = await client.get('/admin/audit', other.cookie);
    assert.match(page.body, /saved the brand platform as version 1/);
    assert.match(page.body, /restored version 1 of the brand platform as version 4/);
  });
});
