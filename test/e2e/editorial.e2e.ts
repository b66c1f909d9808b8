/**
 * The issue's editors' journey in a real browser: a municipality editor drafts a story with an
 * image (chosen in the media library's picker) in both languages and sends it for review; a region
 * editor approves it for a minute in the near future; it is not visible before that minute and is
 * from it, with the picture, its alt text and its credit. On the way: a slug clash and a schedule in
 * the past answered by the field with what was typed kept, versions compared, the preview (one
 * banner), deleting a draft after the confirmation; axe finds nothing on any page, and nothing
 * scrolls sideways at 320 px.
 *
 * The library holds one photograph for the test: a small generated JPEG uploaded through the
 * library's own upload (test/http/content/editorial-images.ts), so it has renditions and a credit.
 *
 * EDITORIAL_SCREENSHOTS=dir saves a full-page screenshot of every page looked at.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { runSchedule } from '../../src/modules/content/editorial/tasks.ts';
import { stockholmDate, stockholmTime } from '../../src/platform/i18n/stockholm.ts';
import { getItemBySlug, publishedBySlug } from '../../src/modules/content/store.ts';
import { createOrganisation, createPerson, municipalityOrg, REGION } from '../helpers/identity.ts';
import { addImage } from '../http/content/editorial-images.ts';
import {
  clickAndWait,
  launchBrowser,
  pageLooker,
  signedInContext,
  startSite,
  watchErrors,
} from './browser.ts';

const SHOTS = process.env.EDITORIAL_SCREENSHOTS;
const SLUG = 'fran-goteborg-till-falun';

describe('editors: a municipality editor drafts, a region editor approves, it appears at its minute', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const writer = await createPerson(db, {
    role: 'municipality_editor',
    organisationId: await municipalityOrg(db, '2080'),
  });
  const approver = await createPerson(db, {
    role: 'region_editor',
    organisationId: await createOrganisation(db, { kind: 'region' }),
  });
  const PHOTO = {
    slug: 'falu-gruva-i-sno',
    alt_sv: 'Falu gruvas röda byggnader i snö',
    alt_en: 'The red buildings of Falun mine in snow',
    photographer: 'Anna Andersson',
    source: 'Region Dalarna',
    licence: 'CC BY 4.0',
  };
  await addImage(db, site.config, REGION, approver.accountId, PHOTO, '#8b2a1e');
  const failures: string[] = [];

  const signedIn = (accountId: string, width: number) => signedInContext(browser, site, accountId, width);

  const look = pageLooker(failures, SHOTS);

  const submit = clickAndWait;

  it('walks the journey at 320 px by keyboard-reachable forms, without JavaScript needed', async () => {
    failures.length = 0;
    const writing = await signedIn(writer.accountId, 320);
    const page = await writing.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/admin/content`);
    await look(page, 'list-320');
    await submit(page, 'a[href="/admin/content/new"]');
    await look(page, 'new-320');

    // The first try clashes with a story the region already has.
    await db
      .insertInto('content_items')
      .values({ region_id: REGION, kind: 'story', slug: 'upptagen', municipality_code: '2081' })
      .execute();
    await page.check('#kind-story');
    await page.fill('#title_sv', 'Från Göteborg till Falun');
    await page.fill('#slug', 'upptagen');
    await submit(page, 'form.form [type=submit]');
    assert.match(await page.locator('#slug-error').innerText(), /används redan/);
    assert.equal(await page.inputValue('#slug'), 'upptagen');
    assert.equal(await page.inputValue('#title_sv'), 'Från Göteborg till Falun');
    await look(page, 'new-clash-320');
    await page.fill('#slug', SLUG);
    await submit(page, 'form.form [type=submit]');
    assert.match(page.url(), /\/admin\/content\/[0-9a-f-]{36}\?done=created$/);
    await look(page, 'edit-created-320');

    await page.fill('#title_en', 'From Gothenburg to Falun');
    await page.fill('#summary_sv', 'Maria flyttade med familjen och fick jobb som ingenjör.');
    await page.fill('#summary_en', 'Maria moved with her family and found work as an engineer.');
    await page.fill('#body_sv', 'Vi ville ha mer tid.\n\n## Jobbet\n\nJag jobbar med **el**.');
    await page.fill('#body_en', 'We wanted more time.\n\n## The job\n\nI work with **power**.');
    // The picture: chosen in the media library's picker, by its address and alt text.
    const label = await page.locator('#hero_image option[value="falu-gruva-i-sno"]').innerText();
    assert.equal(label, `falu-gruva-i-sno – ${PHOTO.alt_sv}`);
    await page.selectOption('#hero_image', PHOTO.slug);
    await page.check('#target_groups-families');
    await page.fill('#person_name', 'Maria');
    await page.fill('#profession_sv', 'Ingenjör');
    await page.fill('#profession_en', 'Engineer');
    await page.fill('#consent_recorded', '2026-01-15');
    await page.fill('#consent_method', 'Underskriven blankett');
    await page.fill('#consent_ends', '2099-12-31');
    await page.fill('#note', 'Första versionen');
    await submit(page, 'form.content-form [type=submit]');
    assert.match(await page.locator('[role=status]').innerText(), /Version 2 är sparad/);
    assert.equal(await page.inputValue('#hero_image'), PHOTO.slug, 'the picture is kept');
    await look(page, 'edit-saved-320');
    await submit(page, 'form[action$="/submit"] [type=submit]');
    assert.match(await page.locator('[role=status]').innerText(), /skickat till granskning/);
    assert.equal(
      await page.locator('form[action$="/approve"]').count(),
      0,
      'a municipality editor cannot approve',
    );
    const itemUrl = page.url().replace(/\?.*$/, '');
    await page.goto(`${itemUrl}/preview?version=2&lang=en`);
    assert.match(await page.locator('.editorial-preview').innerText(), /version 2/);
    assert.equal(await page.locator('.preview-banner').count(), 0, 'one banner: the editors’ bar');
    assert.equal(await page.locator(`img[alt="${PHOTO.alt_en}"]`).count(), 1, 'the picture in the preview');
    await look(page, 'preview-320');
    assert.deepEqual(errors.list(), []);
    await writing.close();

    const approving = await signedIn(approver.accountId, 320);
    const review = await approving.newPage();
    await review.goto(`${site.base}/admin/content?review=1`);
    await look(review, 'list-review-320');
    await submit(review, `a:has-text("Från Göteborg till Falun")`);
    // A minute in the past first: refused by the field, what was typed kept.
    await review.check('#when-later');
    await review.fill('#publish_date', '2020-05-01');
    await review.fill('#publish_time', '08:00');
    await submit(review, 'form[action$="/approve"] [type=submit]');
    assert.match(await review.locator('#publish_date-error').innerText(), /redan varit/);
    assert.equal(await review.inputValue('#publish_date'), '2020-05-01');
    await look(review, 'approve-past-320');
    const at = new Date(Date.now() + 5 * 60_000);
    await review.check('#when-later');
    await review.fill('#publish_date', stockholmDate(at));
    await review.fill('#publish_time', stockholmTime(at));
    await submit(review, 'form[action$="/approve"] [type=submit]');
    assert.match(await review.locator('[role=status]').innerText(), /publiceras/);
    await look(review, 'approved-320');
    await review.goto(`${itemUrl}/versions`);
    await look(review, 'versions-320');
    await submit(review, 'form[action$="/compare"] [type=submit]');
    await look(review, 'compare-320');
    await approving.close();

    const item = await getItemBySlug(db, REGION, 'story', SLUG);
    assert.equal(item?.status, 'published');
    assert.equal(await publishedBySlug(db, REGION, 'sv', 'story', SLUG), undefined, 'not before its minute');
    // The minute comes (moved here rather than waited for).
    await db
      .updateTable('content_published')
      .set({ visible_from: sql<Date>`now()` })
      .where('item_id', '=', item!.id)
      .execute();
    await db
      .updateTable('content_items')
      .set({ publish_at: sql<Date>`now()` })
      .where('id', '=', item!.id)
      .execute();
    const live = await publishedBySlug(db, REGION, 'en', 'story', SLUG);
    assert.equal(live?.title, 'From Gothenburg to Falun');
    assert.equal((await runSchedule(db)).live, 1);

    // What a visitor sees at that minute: the page with the picture, its alt text and its credit.
    const visiting = await browser.newContext({ viewport: { width: 320, height: 900 }, bypassCSP: true });
    const visitor = await visiting.newPage();
    for (const [lang, alt, credit] of [
      ['sv', PHOTO.alt_sv, /Foto: Anna Andersson \/ Region Dalarna, CC BY 4\.0/],
      ['en', PHOTO.alt_en, /Photo: Anna Andersson \/ Region Dalarna, CC BY 4\.0/],
    ] as const) {
      const res = await visitor.goto(`${site.base}/${lang}/stories/${SLUG}`);
      assert.equal(res?.status(), 200);
      const picture = visitor.locator(`figure:has(img[alt="${alt}"])`).first();
      assert.equal(await picture.count(), 1, `${lang}: the picture with its alt text`);
      assert.ok(
        await picture
          .locator('img')
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
        `${lang}: the picture loads`,
      );
      assert.match(await picture.locator('figcaption').innerText(), credit);
      await look(visitor, `public-${lang}-320`);
    }
    await visiting.close();
    assert.deepEqual(failures, []);
  });

  it('deletes a draft only once the box is ticked, the form and its answers accessible', async () => {
    failures.length = 0;
    const context = await signedIn(writer.accountId, 320);
    const page = await context.newPage();
    await page.goto(`${site.base}/admin/content/new`);
    await page.check('#kind-story');
    await page.fill('#title_sv', 'Ett utkast som ska bort');
    await page.fill('#slug', 'ska-bort');
    await submit(page, 'form.form [type=submit]');
    await page.locator('form.content-delete').scrollIntoViewIfNeeded();
    await look(page, 'delete-form-320');
    await submit(page, 'form.content-delete [type=submit]');
    assert.match(await page.locator('#delete_confirm-error').innerText(), /Kryssa i rutan/);
    await look(page, 'delete-unticked-320');
    await page.check('#delete_confirm-yes');
    await submit(page, 'form.content-delete [type=submit]');
    assert.match(page.url(), /\/admin\/content\?done=deleted$/);
    assert.match(await page.locator('[role=status]').innerText(), /borttagna/);
    await look(page, 'deleted-320');
    assert.equal(await getItemBySlug(db, REGION, 'story', 'ska-bort'), undefined);
    await context.close();
    assert.deepEqual(failures, []);
  });

  it('the edit page at 1280 px puts Swedish and English side by side, and axe finds nothing', async () => {
    failures.length = 0;
    const context = await signedIn(approver.accountId, 1280);
    const page = await context.newPage();
    const item = await getItemBySlug(db, REGION, 'story', SLUG);
    await page.goto(`${site.base}/admin/content/${item!.id}`);
    const sv = await page.locator('#title_sv').boundingBox();
    const en = await page.locator('#title_en').boundingBox();
    assert.ok(sv && en && Math.abs(sv.y - en.y) < 2 && en.x > sv.x + sv.width, 'side by side');
    await look(page, 'edit-1280');
    await page.goto(`${site.base}/admin/content`);
    await look(page, 'list-1280');
    await context.close();
    assert.deepEqual(failures, []);
  });
});
