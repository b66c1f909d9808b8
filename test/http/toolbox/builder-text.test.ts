/**
 * The recruitment-text builder as an employer notices it: its own open ads listed first, the board
 * searched for another; a text of approved arguments only (the persona's and the municipality's
 * first, a draft never), facts with their source and year, the optional blocks only when ticked,
 * the navigator linked absolutely with its utm_ tags; a text in another language than the page's
 * marked so; input escaped in the HTML; downloads as attachments; bad values refused by the field.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importShippedFacts } from '../../../src/modules/regions/facts.ts';
import { shippedRegions } from '../../../src/modules/regions/service.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { sampleFactsFile } from '../../helpers/place-facts.ts';
import { createText, toolboxUser } from '../../helpers/toolbox.ts';
import { validAd } from '../jobs/own-fixture.ts';

const FALUN = '2080';
const MORA = '2062';

/** The text of a textarea by id, unescaped. */
function textarea(body: string, id: string): string {
  const m = new RegExp(`<textarea[^>]*id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(body);
  assert.ok(m, `textarea #${id}`);
  return m[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function preview(body: string): { lang: string; html: string } {
  const m = /<div class="builder-preview" lang="(\w+)">([\s\S]*?)<\/div>\s*<\/div>/.exec(body);
  assert.ok(m, 'the preview');
  return { lang: m[1]!, html: m[2]! };
}

describe('the recruitment-text builder', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const user = await toolboxUser(db);
  const org = await db
    .selectFrom('organisations')
    .select(['name', 'org_number'])
    .where('id', '=', user.organisationId)
    .executeTakeFirstOrThrow();
  await importShippedFacts(db, shippedRegions()[0]!, sampleFactsFile('2099-01-01'));

  // An own ad published through the back-office, a board ad under the organisation's number, and a
  // board ad of another employer.
  const client = await formClient(app);
  const published = await client.postForm(
    '/admin/jobs/new',
    user.cookie,
    validAd({ headline: 'Processingenjör till Kvarnsveden', municipality: FALUN }),
  );
  assert.equal(published.statusCode, 303, published.body.slice(0, 500));
  const ownId = /\/admin\/jobs\/(own-[a-z0-9]{12})/.exec(String(published.headers.location))![1]!;
  await loadAds(db, [
    makeAd({ id: 'b-1001', headline: 'Underhållstekniker', employer: org.name, orgnr: org.org_number }),
    makeAd({
      id: 'b-2002',
      headline: 'Sjuksköterska till akuten',
      employer: 'Region Dalarna',
      municipality: 'mora',
    }),
  ]);

  // Arguments: the persona's in Falun, the persona's region-wide, everyone's, another persona's, a
  // draft with tempting words, and one about Mora.
  await createText(db, {
    persona: 'international',
    topic: 'nature',
    municipalityCode: FALUN,
    title: 'Natur i Falun',
    body: 'Från centrum i Falun når du skogen på tio minuter.',
    bodyEn: 'From the centre of Falun you reach the forest in ten minutes.',
    sourceName: 'Falu kommun',
    sourceUrl: 'https://www.falun.se/',
    sourceDate: '2025-03-01',
  });
  await createText(db, {
    persona: 'international',
    topic: 'schools',
    body: 'Det finns internationella skolor med undervisning på engelska.',
    bodyEn: 'There are international schools teaching in English.',
  });
  await createText(db, {
    persona: 'everyone',
    topic: 'commute',
    body: 'Tåget tar dig till Stockholm på ett par timmar.',
    bodyEn: 'The train takes you to Stockholm in a couple of hours.',
  });
  await createText(db, {
    persona: 'everyone',
    topic: 'nature',
    body: 'Fjällen och sjöarna ligger nära.',
    bodyEn: 'The mountains and the lakes are close.',
  });
  await createText(db, {
    persona: 'students',
    topic: 'culture',
    body: 'Studentlivet i Falun är rikt.',
    bodyEn: 'Student life in Falun is rich.',
  });
  await createText(db, {
    status: 'draft',
    persona: 'international',
    topic: 'housing',
    body: 'Gratis villa åt alla som flyttar hit!',
    bodyEn: 'A free villa for everyone who moves here!',
  });
  await createText(db, {
    persona: 'international',
    topic: 'housing',
    municipalityCode: MORA,
    body: 'I Mora bor du nära Vasaloppsspåret.',
    bodyEn: 'In Mora you live close to the Vasaloppet track.',
  });

  const get = (url: string, cookie = user.cookie) => app.inject({ url, headers: { cookie } });

  it('lists the organisation’s own open ads and its ads on the board, each as a radio button', async () => {
    const res = await get('/sv/toolbox/builder');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Textbyggaren<\/h1>/);
    assert.match(res.body, new RegExp(`type="radio" id="job-${ownId}" name="job" value="${ownId}"`));
    assert.match(res.body, /value="b-1001"/);
    assert.doesNotMatch(res.body, /value="b-2002"/);
    assert.ok(res.body.indexOf(ownId) < res.body.indexOf('b-1001'), 'own ads first');
    assert.match(res.body, /value="none"/);
    assert.doesNotMatch(res.body, /class="builder-result"/);
  });

  it('searches the board by words for another ad, capped at 20 results', async () => {
    const res = await get('/sv/toolbox/builder?q=sjuksk%C3%B6terska');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Annonser som matchar ”sjuksköterska”/);
    assert.match(res.body, /value="b-2002"/);
    const long = await get(`/sv/toolbox/builder?q=${'a'.repeat(101)}`);
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Sökningen får vara högst 100 tecken\./);
  });

  it('writes a text of approved arguments for the persona, the municipality’s first, never a draft', async () => {
    const res = await get(`/sv/toolbox/builder?job=${ownId}&persona=international&text=en`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const plain = textarea(res.body, 'builder-plain');
    assert.match(plain, /^Work and live in Falun\n/);
    assert.match(
      plain,
      new RegExp(`${org.name} is looking for a new colleague in Falun: Processingenjör till Kvarnsveden`),
    );
    assert.match(plain, /From the centre of Falun you reach the forest in ten minutes\./);
    assert.match(plain, /There are international schools teaching in English\./);
    assert.match(plain, /The train takes you to Stockholm/);
    // One argument per topic: Falun's nature argument, not the region's.
    assert.doesNotMatch(plain, /The mountains and the lakes are close/);
    assert.doesNotMatch(plain, /free villa/i);
    assert.doesNotMatch(plain, /Vasaloppet/);
    assert.doesNotMatch(plain, /Student life/);
    // The argument's source, with its year.
    assert.match(plain, /\(Source: Falu kommun \(https:\/\/www\.falun\.se\/\), 2025\)/);
  });

  it('gives every fact its source and year', async () => {
    const res = await get(`/sv/toolbox/builder?job=${ownId}&text=sv`);
    const plain = textarea(res.body, 'builder-plain');
    assert.match(plain, /Falun i siffror/);
    const facts = plain.split('\n').filter((l) => l.startsWith('– '));
    assert.ok(facts.length >= 5, plain);
    for (const fact of facts) assert.match(fact, /\(Källa: [^()]+ \(https:\/\/[^)]+\), 20\d\d\)$/, fact);
    assert.match(plain, /invånare \(Källa: SCB/);
    const htmlText = textarea(res.body, 'builder-html');
    assert.match(
      htmlText,
      /<li>[^<]*invånare \(Källa: <a href="https:\/\/www\.scb\.se\/[^"]*">SCB<\/a>, 2024\)<\/li>/,
    );
  });

  it('adds the optional blocks only when ticked, the navigator linked absolutely with utm_ tags', async () => {
    const none = textarea((await get(`/sv/toolbox/builder?job=${ownId}&text=sv`)).body, 'builder-plain');
    assert.doesNotMatch(none, /partner att komma in|Flyttlotsen|Engelska fungerar/);
    const some = await get(`/sv/toolbox/builder?job=${ownId}&text=sv&blocks=navigator&blocks=english`);
    const plain = textarea(some.body, 'builder-plain');
    assert.doesNotMatch(plain, /partner att komma in/);
    assert.match(plain, /Engelska fungerar i vårt dagliga arbete\./);
    assert.match(plain, /Flyttlotsen i Dalarna/);
    const htmlText = textarea(some.body, 'builder-html');
    const link = /<a href="([^"]+)">Få hjälp med flytten till Dalarna<\/a>/.exec(htmlText);
    assert.ok(link, htmlText);
    const url = new URL(link[1]!.replace(/&amp;/g, '&'));
    assert.equal(url.origin + url.pathname, 'http://localhost:3000/sv/move');
    assert.equal(url.searchParams.get('utm_source'), 'toolbox');
    assert.equal(url.searchParams.get('utm_medium'), 'recruitment-text');
    assert.equal(url.searchParams.get('utm_campaign'), user.organisationId);
    const all = textarea(
      (await get(`/en/toolbox/builder?job=${ownId}&text=en&blocks=partner`)).body,
      'builder-plain',
    );
    assert.match(all, /Moving together\? We help your partner/);
  });

  it('marks a text in the other language with its lang, and says so', async () => {
    const res = await get(`/sv/toolbox/builder?job=${ownId}&text=en`);
    assert.match(res.body, /<html lang="sv"/);
    const p = preview(res.body);
    assert.equal(p.lang, 'en');
    assert.match(p.html, /<h2>Work and live in Falun<\/h2>/);
    assert.match(res.body, /id="builder-plain" readonly rows="12" lang="en"/);
    assert.match(res.body, /Texten är på engelska, medan sidan är på svenska\./);
    // Sources are named in Swedish: their links say so inside the English text.
    assert.match(
      textarea(res.body, 'builder-html'),
      /<a href="https:\/\/www\.scb\.se\/[^"]*" lang="sv">SCB<\/a>/,
    );
    const same = await get(`/en/toolbox/builder?job=${ownId}&text=en`);
    assert.doesNotMatch(same.body, /The text is in English, while/);
  });

  it('escapes a typed title everywhere: no markup of the person’s reaches the HTML', async () => {
    const title = '<script>alert(1)</script> & "Chef"';
    const res = await get(
      `/sv/toolbox/builder?job=none&title=${encodeURIComponent(title)}&municipality=${MORA}&text=sv`,
    );
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /<script>alert/);
    const htmlText = textarea(res.body, 'builder-html');
    assert.match(htmlText, /söker &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;Chef&quot; i Mora/);
    assert.doesNotMatch(htmlText, /<script>/);
    assert.match(preview(res.body).html, /&lt;script&gt;alert/);
    // The HTML holds only the clean tags.
    const tags = new Set([...htmlText.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    assert.deepEqual([...tags].sort(), ['a', 'h2', 'li', 'p', 'ul'].filter((t) => tags.has(t)).sort());
    for (const tag of tags) assert.ok(['a', 'h2', 'li', 'p', 'ul'].includes(tag!), tag);
    const download = await get(
      `/sv/toolbox/builder?job=none&title=${encodeURIComponent(title)}&municipality=${MORA}&format=html`,
    );
    assert.doesNotMatch(download.body, /<script>/);
  });

  it('downloads the text as a UTF-8 attachment, plain or HTML', async () => {
    const txt = await get(`/sv/toolbox/builder?job=${ownId}&text=sv&format=txt`);
    assert.equal(txt.statusCode, 200);
    assert.equal(txt.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(txt.headers['content-disposition'], 'attachment; filename="rekryteringstext.txt"');
    assert.match(txt.body, /^Jobba och bo i Falun\n\n/);
    const page = await get(`/sv/toolbox/builder?job=${ownId}&text=sv`);
    assert.equal(txt.body, textarea(page.body, 'builder-plain'));
    const htm = await get(`/en/toolbox/builder?job=${ownId}&text=sv&format=html`);
    assert.equal(htm.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(htm.headers['content-disposition'], 'attachment; filename="recruitment-text.html"');
    assert.match(htm.body, /^<!doctype html>\n<html lang="sv">/);
    assert.match(htm.body, /<meta charset="utf-8">/);
    assert.match(
      page.body,
      new RegExp(`href="/sv/toolbox/builder\\?job=${ownId}&amp;persona=everyone&amp;text=sv&amp;format=txt"`),
    );
  });

  it('says where the material is thin, and falls back honestly', async () => {
    const res = await get(
      `/sv/toolbox/builder?job=none&title=Lärare&municipality=${MORA}&persona=cottage&text=sv`,
    );
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /Det finns inga godkända argument skrivna särskilt för ”Besökare och fritidshusägare” ännu/,
    );
    await db.deleteFrom('place_facts').where('municipality_code', '=', '2021').execute();
    const bare = await get(
      '/sv/toolbox/builder?job=none&title=Lärare&municipality=2021&persona=students&text=en',
    );
    assert.equal(bare.statusCode, 200);
    assert.match(bare.body, /Det finns inga fakta om Vansbro ännu/);
    assert.doesNotMatch(textarea(bare.body, 'builder-plain'), /in figures/);
  });

  it('uses a closed ad or another employer’s, and says so', async () => {
    const other = await get('/sv/toolbox/builder?job=b-2002&text=sv');
    assert.equal(other.statusCode, 200);
    assert.match(other.body, /Annonsen är inte er organisations\./);
    assert.match(other.body, /type="radio" id="job-b-2002" name="job" value="b-2002" checked/);
    assert.match(
      textarea(other.body, 'builder-plain'),
      /Region Dalarna söker Sjuksköterska till akuten i Mora/,
    );
    await db
      .updateTable('job_ads')
      .set({ status: 'closed', closed_reason: 'removed', closed_at: new Date() })
      .where('id', '=', 'b-1001')
      .execute();
    const closed = await get('/sv/toolbox/builder?job=b-1001&text=sv');
    assert.equal(closed.statusCode, 200);
    assert.match(closed.body, /Annonsen är stängd\./);
    assert.doesNotMatch(closed.body, /inte er organisations/);
  });

  it('refuses bad values by the field with 400 and keeps the form', async () => {
    const res = await get(
      '/sv/toolbox/builder?job=none&title=&municipality=9999&persona=aliens&text=de&blocks=free-beer&format=pdf',
    );
    assert.equal(res.statusCode, 400);
    for (const message of [
      'Skriv jobbtiteln.',
      'Välj en kommun i listan.',
      'Välj en målgrupp i listan.',
      'Välj svenska eller engelska.',
      'Välj bland de extra styckena i listan.',
      'Texten kan laddas ner som txt eller html.',
    ])
      assert.ok(res.body.includes(message), message);
    assert.match(res.body, /<input type="radio" id="job-none" name="job" value="none" checked/);
    assert.doesNotMatch(res.body, /class="builder-result"/);
    assert.equal((await get('/sv/toolbox/builder?job=%3Cx%3E')).statusCode, 400);
    const unknown = await get('/sv/toolbox/builder?job=no-such-ad');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Annonsen finns inte\. Välj en annan\./);
    const twice = await get(`/sv/toolbox/builder?job=${ownId}&persona=students&persona=nature`);
    assert.equal(twice.statusCode, 400);
    const noText = await get('/sv/toolbox/builder?format=txt');
    assert.equal(noText.statusCode, 400);
    assert.match(noText.headers['content-type'] as string, /text\/html/);
    // Unknown parameters (utm_ tags) are ignored.
    assert.equal((await get(`/sv/toolbox/builder?job=${ownId}&utm_source=x`)).statusCode, 200);
  });

  it('is for organisations: a talent is refused, someone signed out sent to sign in', async () => {
    assert.equal((await get('/sv/toolbox/builder', '')).statusCode, 303);
    const talent = await createPerson(db);
    assert.equal((await get('/sv/toolbox/builder', await sessionFor(db, talent.accountId))).statusCode, 403);
  });
});
