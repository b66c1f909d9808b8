/**
 * The editors' place facts page: region editors see every municipality's facts with source and
 * date (old ones flagged) and download the current file; a valid upload is applied and audited; an
 * invalid one is refused with every problem named by municipality and fact, and nothing changes;
 * talent and municipality editors are refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentImport, factsOf, importShippedFacts } from '../../../src/modules/regions/facts.ts';
import { shippedRegions } from '../../../src/modules/regions/service.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, createPerson, sessionFor } from '../../helpers/identity.ts';
import { sampleFactsFile } from '../../helpers/place-facts.ts';

const PAGE = '/admin/places/facts';

describe('the editors’ place facts page', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const region = shippedRegions()[0]!;
  // Whatever the seed imported from the shipped file, the tests' own facts.
  await db.deleteFrom('place_fact_imports').execute();
  // The shipped file: two years old facts for Falun are flagged.
  const shipped = sampleFactsFile('2025-01-31');
  shipped.municipalities['2080']!.schools.asOf = '2019-08-01';
  await importShippedFacts(db, region, shipped);
  const client = await formClient(app);
  const editor = await createPerson(db, { role: 'region_editor' });
  const session = await sessionFor(db, editor.accountId, { secondFactor: true });

  it('shows each municipality’s facts with source and date, flags old ones, offers the file', async () => {
    const res = await client.get(PAGE, session);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Fakta om orterna<\/h1>/);
    assert.match(res.body, /Filen från 2025-01-31 följde med Lotsa/);
    assert.match(res.body, /Uppgifter i Falun/);
    assert.match(res.body, /<a href="https:\/\/www\.skolverket\.se\/" rel="noopener">Skolverket<\/a>/);
    assert.match(res.body, /1 uppgifter är äldre än två år/);
    assert.match(
      res.body,
      /datetime="2019-08-01">2019-08-01<\/time> <strong class="tag tag--overdue">Äldre än två år/,
    );
    const file = await client.get(`${PAGE}/place-facts.json`, session);
    assert.equal(file.statusCode, 200);
    assert.match(file.headers['content-type'] as string, /application\/json/);
    assert.match(
      file.headers['content-disposition'] as string,
      /attachment; filename="place-facts-2025-01-31.json"/,
    );
    assert.equal(JSON.parse(file.body).version, '2025-01-31');
  });

  it('applies a valid file whole, records who and when, and audits it', async () => {
    const upload = sampleFactsFile('2025-11-30');
    upload.municipalities['2080']!.population.value = 59_123;
    const res = await client.postForm(PAGE, session, { text: JSON.stringify(upload) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${PAGE}?done=1`);
    const page = await client.get(`${PAGE}?done=1`, session);
    assert.match(page.body, /Den nya filen används nu: \d+ uppgifter om 15 kommuner/);
    assert.match(page.body, /Filen från 2025-11-30 laddades upp av/);
    const current = await currentImport(db, region.id);
    assert.equal(current?.origin, 'upload');
    assert.equal(current?.actorId, editor.accountId);
    assert.equal((await factsOf(db, region.id, '2080')).find((f) => f.key === 'population')?.value, 59_123);
    assert.ok((await auditActions(db)).includes('place.facts.uploaded'));
    const audit = await client.get('/admin/audit', session);
    if (audit.statusCode === 200)
      assert.match(audit.body, /laddade upp en ny faktafil för orterna, daterad 2025-11-30/);
  });

  it('refuses an invalid file with every problem named, keeps what was pasted, changes nothing', async () => {
    const before = await currentImport(db, region.id);
    const bad = sampleFactsFile('2025-12-01') as unknown as {
      municipalities: Record<string, Record<string, unknown>>;
    };
    (bad.municipalities['2062']!.population as Record<string, unknown>).value = -5;
    ((bad.municipalities['2081']!.travel as Record<string, unknown>[])[0] as Record<string, unknown>).source =
      '';
    delete bad.municipalities['2085'];
    const text = JSON.stringify(bad);
    const res = await client.postForm(PAGE, session, { text });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Filen användes inte/);
    assert.match(res.body, /Fel i filen \(3\)/);
    assert.match(res.body, /Mora \(2062\), population\.value: ska vara ett heltal från 100 till 2\s000\s000/);
    assert.match(res.body, /Borlänge \(2081\), travel\[0\]\.source: ska ange källan/);
    assert.match(res.body, /Ludvika \(2085\): saknas/);
    assert.ok(
      res.body.includes('&quot;version&quot;:&quot;2025-12-01&quot;'),
      'what was pasted is shown again',
    );
    assert.deepEqual(await currentImport(db, region.id), before);
    const notJson = await client.postForm(PAGE, session, { text: '{"asOf": ' });
    assert.equal(notJson.statusCode, 400);
    assert.match(notJson.body, /Filen: filen är inte JSON/);
    const empty = await client.postForm(PAGE, session, { text: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Välj en fil eller klistra in filens innehåll/);
  });

  it('lists the first 50 problems of a file and counts the rest; sizes and words from the catalogue', async () => {
    const bad = sampleFactsFile('2025-12-01') as unknown as { municipalities: Record<string, unknown> };
    for (let i = 0; i < 70; i++) bad.municipalities[String(9000 + i)] = {};
    const res = await client.postForm(PAGE, session, { text: JSON.stringify(bad) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Fel i filen \(70\)/);
    const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(res.body)?.[0] ?? '';
    assert.equal([...summary.matchAll(/är ingen kommun i regionen/g)].length, 50);
    assert.match(summary, /och 20 fel till/);

    const english = await createPerson(db, { role: 'region_editor', language: 'en' });
    const englishSession = await sessionFor(db, english.accountId, { secondFactor: true });
    const large = await client.postForm(PAGE, englishSession, {
      text: `{"note": "${'x'.repeat(1_000_001)}"}`,
    });
    assert.equal(large.statusCode, 400);
    assert.match(large.body, /The file: the file is larger than 1 MB/);
    assert.match(large.body, /At most 1 MB\./);
    const swedish = await client.postForm(PAGE, session, { text: `{"note": "${'x'.repeat(1_000_001)}"}` });
    assert.match(swedish.body, /Filen: filen är större än 1 MB/);
    assert.doesNotMatch(swedish.body, /larger than/);
  });

  it('takes a chosen file (multipart) as well as pasted text', async () => {
    const upload = sampleFactsFile('2025-11-30');
    upload.municipalities['2062']!.schools.value = 17;
    const boundary = '----placesfacts';
    const payload = [
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrf.token}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="place-facts.json"\r\n` +
        `Content-Type: application/json\r\n\r\n${JSON.stringify(upload)}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const res = await app.inject({
      method: 'POST',
      url: PAGE,
      payload,
      headers: { ...client.headers(session), 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await factsOf(db, region.id, '2062')).find((f) => f.key === 'schools')?.value, 17);
  });

  it('is for those who approve content: talent and municipality editors are refused', async () => {
    const talent = await createPerson(db, { role: null });
    const talentSession = await sessionFor(db, talent.accountId);
    assert.equal((await client.get(PAGE, talentSession)).statusCode, 403);
    const municipal = await createPerson(db, { role: 'municipality_editor' });
    const municipalSession = await sessionFor(db, municipal.accountId, { secondFactor: true });
    assert.equal((await client.get(PAGE, municipalSession)).statusCode, 403);
    const post = await client.postForm(PAGE, talentSession, {
      text: JSON.stringify(sampleFactsFile('2025-12-02')),
    });
    assert.equal(post.statusCode, 403);
    assert.equal((await currentImport(db, region.id))?.fileDate, '2025-11-30');
    const anonymous = await client.get(PAGE);
    assert.equal(anonymous.statusCode, 303);
  });
});
