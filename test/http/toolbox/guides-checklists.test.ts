/**
 * The organisations' guides: the three base guides are seeded for every install and shown as cards;
 * a guide's page has its parts, timelines and authorities and printing styles; a checklist is
 * started, ticked and unticked without JavaScript, renamed and deleted after a confirm step; another
 * organisation's checklist is a 404 for GET and POST; at most 50 per organisation; a bad label is a
 * 400 by the field; checklists are the organisation's — deleting the account of the person who
 * started one leaves it, with nothing pointing to the person.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BASE_GUIDES } from '../../../src/modules/toolbox/guides/content.ts';
import { seedGuides } from '../../../src/modules/toolbox/guides/seed.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';
import { auditActions, REGION } from '../../helpers/identity.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

const OUTSIDE = 'anstalla-utanfor-eu-ees';
const WELCOME = 'valkomna-medarbetaren-och-partnern';

describe('toolbox guides: the organisations’ pages and checklists', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const hr = await toolboxUser(db);
  const other = await toolboxUser(db);

  const start = async (cookie: string, label: string, guide = OUTSIDE) =>
    client.postForm('/sv/toolbox/guides/checklists', cookie, { guide, label });
  const idOf = (location: unknown) => /checklists\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

  it('seeds the three guides as base data, without overwriting, and shows them as cards', async () => {
    const rows = await db
      .selectFrom('toolbox_guides')
      .select(['slug', 'published'])
      .where('region_id', '=', REGION)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.slug),
      BASE_GUIDES.map((g) => g.slug),
    );
    assert.equal(await seedGuides(db), 0);
    const sv = await client.get('/sv/toolbox/guides', hr.cookie);
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /<h1>Guider för att rekrytera från andra länder<\/h1>/);
    assert.match(sv.body, /Anställa från ett land utanför EU\/EES/);
    assert.match(sv.body, /Anställa från EU\/EES och Norden/);
    assert.match(sv.body, /Välkomna den nya medarbetaren och partnern/);
    assert.match(sv.body, /Ni har inga checklistor än/);
    assert.match(sv.body, /css\/toolbox-guides\.[0-9a-f]+\.css|css\/toolbox-guides\.css/);
    const en = await client.get('/en/toolbox/guides', hr.cookie);
    assert.match(en.body, /Hiring from a country outside the EU\/EEA/);
    assert.match(en.body, /Welcoming the new employee and their partner/);
  });

  it('shows a guide with parts, timelines, the authorities linked and Switch to Sweden', async () => {
    const res = await client.get(`/sv/toolbox/guides/${OUTSIDE}`, hr.cookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2 id="part-1-heading">/);
    assert.match(res.body, /Tidsram:/);
    assert.match(res.body, /<a href="https:\/\/www\.migrationsverket\.se">Migrationsverket<\/a>/);
    assert.match(res.body, /<a href="https:\/\/switchtosweden\.se">Switch to Sweden<\/a>/);
    assert.match(res.body, /<a href="https:\/\/workinsweden\.se">Work in Sweden<\/a>/);
    assert.match(res.body, /personnummer/);
    const welcome = await client.get(`/en/toolbox/guides/${WELCOME}`, hr.cookie);
    // A site path links in the reader's language.
    assert.match(welcome.body, /href="\/en\/move"/);
    assert.match(welcome.body, /href="\/en\/talent-pool"/);
    assert.equal((await client.get('/sv/toolbox/guides/no-such-guide', hr.cookie)).statusCode, 404);
    const css = readFileSync(new URL('../../../public/css/toolbox-guides.css', import.meta.url), 'utf8');
    assert.match(css, /@media print/);
  });

  it('starts a checklist, ticks and unticks without JavaScript, renames and deletes it', async () => {
    const created = await start(hr.cookie, 'Processingenjör, våren 2027');
    assert.equal(created.statusCode, 303);
    const id = idOf(created.headers.location);
    assert.ok(id);
    const page = await client.get(`/sv/toolbox/guides/checklists/${id}?done=created`, hr.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Checklistan är startad/);
    assert.match(page.body, /<h1>Processingenjör, våren 2027<\/h1>/);
    assert.match(page.body, /name="done" value="permit-offer"/);
    assert.match(page.body, /0 av 19 klara/);

    const ticked = await client.postForm(`/sv/toolbox/guides/checklists/${id}`, hr.cookie, {
      done: ['permit-offer', 'offer-terms', 'not-an-item'],
    });
    assert.equal(ticked.statusCode, 303);
    assert.equal(ticked.headers.location, `/sv/toolbox/guides/checklists/${id}?done=saved`);
    const row = await db
      .selectFrom('toolbox_checklists')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([...row.done].sort(), ['offer-terms', 'permit-offer']);
    assert.equal(row.created_by, hr.accountId);
    const after = await client.get(`/sv/toolbox/guides/checklists/${id}`, hr.cookie);
    assert.match(after.body, /value="permit-offer" checked/);
    assert.match(after.body, /2 av 19 klara/);

    // Every box is in the one POST: what is not sent is unticked.
    await client.postForm(`/sv/toolbox/guides/checklists/${id}`, hr.cookie, { done: 'offer-terms' });
    const again = await db
      .selectFrom('toolbox_checklists')
      .select('done')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(again.done, ['offer-terms']);
    await client.postForm(`/sv/toolbox/guides/checklists/${id}`, hr.cookie, {});
    const none = await db
      .selectFrom('toolbox_checklists')
      .select('done')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(none.done, []);

    const list = await client.get('/sv/toolbox/guides', hr.cookie);
    assert.match(list.body, /Processingenjör, våren 2027/);
    assert.match(list.body, /0 av 19 klara/);

    const badName = await client.postForm(`/sv/toolbox/guides/checklists/${id}/rename`, hr.cookie, {
      label: '   ',
    });
    assert.equal(badName.statusCode, 400);
    assert.match(badName.body, /id="label-error">Skriv ett namn på rekryteringen/);
    const tooLong = await client.postForm(`/sv/toolbox/guides/checklists/${id}/rename`, hr.cookie, {
      label: 'x'.repeat(121),
    });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /Namnet får vara högst 120 tecken/);
    assert.match(tooLong.body, new RegExp(`value="${'x'.repeat(121)}"`));
    const renamed = await client.postForm(`/sv/toolbox/guides/checklists/${id}/rename`, hr.cookie, {
      label: 'Svetsare, hösten 2027',
    });
    assert.equal(renamed.statusCode, 303);

    const confirm = await client.get(`/sv/toolbox/guides/checklists/${id}/delete`, hr.cookie);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Ta bort checklistan ”Svetsare, hösten 2027”\?/);
    const deleted = await client.postForm(`/sv/toolbox/guides/checklists/${id}/delete`, hr.cookie, {});
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/sv/toolbox/guides?done=deleted');
    assert.equal((await client.get(`/sv/toolbox/guides/checklists/${id}`, hr.cookie)).statusCode, 404);

    const actions = await auditActions(db);
    for (const action of ['created', 'ticked', 'renamed', 'deleted'])
      assert.ok(actions.includes(`toolbox.checklist.${action}`), action);
  });

  it('refuses a missing label or an unknown guide by the field (400), keeping what was typed', async () => {
    const empty = await start(hr.cookie, '');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="start-label-error">Skriv ett namn på rekryteringen/);
    const unknown = await start(hr.cookie, 'Sjuksköterska', 'no-such-guide');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /id="start-guide-error">Välj en av guiderna/);
    assert.match(unknown.body, /value="Sjuksköterska"/);
    // From the guide's own page, the guide's page again.
    const fromGuide = await client.postForm('/en/toolbox/guides/checklists', hr.cookie, {
      guide: WELCOME,
      label: '',
      from: 'guide',
    });
    assert.equal(fromGuide.statusCode, 400);
    assert.match(fromGuide.body, /<h1>Welcoming the new employee and their partner<\/h1>/);
    assert.match(fromGuide.body, /Write a name for the recruitment/);
  });

  it('another organisation’s checklist is a 404, for GET and POST alike', async () => {
    const id = idOf((await start(hr.cookie, 'Lärare, augusti')).headers.location);
    const url = `/sv/toolbox/guides/checklists/${id}`;
    assert.equal((await client.get(url, other.cookie)).statusCode, 404);
    assert.equal((await client.get(`${url}/delete`, other.cookie)).statusCode, 404);
    assert.equal((await client.postForm(url, other.cookie, { done: 'permit-offer' })).statusCode, 404);
    assert.equal((await client.postForm(`${url}/rename`, other.cookie, { label: 'Mitt' })).statusCode, 404);
    assert.equal((await client.postForm(`${url}/delete`, other.cookie, {})).statusCode, 404);
    assert.equal((await client.get('/sv/toolbox/guides/checklists/not-a-uuid', hr.cookie)).statusCode, 404);
    const row = await db
      .selectFrom('toolbox_checklists')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.label, 'Lärare, augusti');
    assert.deepEqual(row.done, []);
    const theirs = await client.get('/sv/toolbox/guides', other.cookie);
    assert.doesNotMatch(theirs.body, /Lärare, augusti/);
  });

  it('keeps at most 50 checklists per organisation, then refuses clearly', async () => {
    const full = await toolboxUser(db);
    await db
      .insertInto('toolbox_checklists')
      .values(
        Array.from({ length: 49 }, (_, i) => ({
          region_id: REGION,
          organisation_id: full.organisationId,
          guide_slug: OUTSIDE,
          label: `Rekrytering ${i + 1}`,
        })),
      )
      .execute();
    assert.equal((await start(full.cookie, 'Den femtionde')).statusCode, 303);
    const refused = await start(full.cookie, 'Den femtioförsta');
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Ni har redan 50 checklistor/);
    assert.match(refused.body, /value="Den femtioförsta"/);
    const count = await db
      .selectFrom('toolbox_checklists')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', full.organisationId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 50);
    // Another organisation is not affected.
    assert.equal((await start(other.cookie, 'Elektriker')).statusCode, 303);
  });

  it('checklists are the organisation’s: the starter’s account goes, the checklist stays without them', async () => {
    const member = await toolboxUser(db, { role: 'employer_member', organisationId: hr.organisationId });
    const id = idOf((await start(member.cookie, 'Undersköterska, sommaren')).headers.location);
    assert.ok(id);
    const deleted = await client.postForm('/sv/me/delete', member.cookie, {
      confirm: member.email,
    });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/sv/me/deleted');
    const row = await db
      .selectFrom('toolbox_checklists')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.created_by, null);
    assert.equal(row.label, 'Undersköterska, sommaren');
    const holding = await tablesHolding(db, member.accountId);
    assert.deepEqual(
      holding.filter((t) => t.startsWith('toolbox_')),
      [],
    );
  });
});
