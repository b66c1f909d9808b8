/**
 * The audit trail in people's words: the filter names every kind of event by its words in the
 * reader's language (never a dotted code such as org.member.role_changed), and a sentence that
 * starts with an e-mail address (a person without a display name) keeps the address as written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordAudit } from '../../../src/platform/audit.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';

describe('audit trail in words', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const admin = await createPerson(db, { role: 'admin', language: 'en' });
  const adminCookie = await sessionFor(db, admin.accountId, { secondFactor: true });
  const kim = await createPerson(db, { email: 'kim@example.org' });
  await db.updateTable('accounts').set({ display_name: '' }).where('id', '=', kim.accountId).execute();
  await recordAudit(db, {
    regionId: REGION,
    actor: { id: kim.accountId, label: '' },
    action: 'session.started',
    subjectType: 'account',
    subjectId: kim.accountId,
    data: { method: 'code' },
  });

  const page = async (lang: 'sv' | 'en') => {
    await db.updateTable('accounts').set({ language: lang }).where('id', '=', admin.accountId).execute();
    return (await app.inject({ url: '/admin/audit', headers: { cookie: adminCookie } })).body;
  };
  const optionTexts = (body: string) => {
    const select = /<select[^>]*name="action"[^>]*>([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '';
    return [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]!.trim());
  };

  for (const [lang, words] of [
    ['en', 'Role changed'],
    ['sv', 'Roll ändrad'],
  ] as const) {
    it(`the kind-of-event filter shows words, not codes (${lang})`, async () => {
      const texts = optionTexts(await page(lang));
      assert.ok(texts.length > 20, `options: ${texts.length}`);
      const coded = texts.filter((t) => /\b[a-z_]+\.[a-z_.*]+\b/.test(t));
      assert.deepEqual(coded, []);
      assert.ok(texts.includes(words), texts.join(' | '));
    });
  }

  it('a sentence starting with an e-mail address keeps it in lower case', async () => {
    const body = await page('en');
    const sentences = [...body.matchAll(/<p class="audit-event__sentence">([^<]*)<\/p>/g)].map((m) => m[1]);
    assert.ok(
      sentences.some((s) => s?.startsWith('kim@example.org signed in')),
      sentences.join(' | '),
    );
    assert.ok(!sentences.some((s) => s?.startsWith('Kim@example.org')));
  });

  // One form, one behaviour: a filter marks none of its fields (every one is optional), and a
  // mistyped date gets the same words and example as the date hint above the field.
  for (const lang of ['sv', 'en'] as const) {
    it(`the filter marks no field optional, and a wrong date repeats the hint's words (${lang})`, async () => {
      await db.updateTable('accounts').set({ language: lang }).where('id', '=', admin.accountId).execute();
      const url = '/admin/audit?from=5%2F12%2F2026';
      const body = (await app.inject({ url, headers: { cookie: adminCookie } })).body;
      const form = /<form[^>]*audit-filters[\s\S]*?<\/form>/.exec(body)?.[0] ?? '';
      assert.doesNotMatch(form, /\((frivilligt|optional)\)/);
      const hint = /id="from-hint"[^>]*>([^<]*)</.exec(form)?.[1]?.trim();
      const error = /id="from-error"[^>]*>([\s\S]*?)<\/p>/.exec(form)?.[1] ?? '';
      assert.ok(hint, form);
      assert.ok(error.includes(hint!), `${error} vs ${hint}`);
    });
  }

  // Another module's kinds of event are a group of the filter too, as identity's are.
  it("the accessibility reports' events are one choice of the filter, and choosing it shows only them", async () => {
    await db.updateTable('accounts').set({ language: 'sv' }).where('id', '=', admin.accountId).execute();
    await recordAudit(db, {
      regionId: REGION,
      actor: { id: admin.accountId, label: '' },
      action: 'accessibility_report.noted',
      subjectType: 'accessibility_report',
      subjectId: '12',
      data: { name: '#12' },
    });
    const group =
      /<optgroup label="Grupper av händelser">([\s\S]*?)<\/optgroup>/.exec(await page('sv'))?.[1] ?? '';
    assert.match(
      group,
      /<option value="accessibility_report">Tillgänglighetsrapporter, alla händelser<\/option>/,
    );
    const chosen = await app.inject({
      url: '/admin/audit?action=accessibility_report',
      headers: { cookie: adminCookie },
    });
    assert.equal(chosen.statusCode, 200);
    const sentences = [...chosen.body.matchAll(/<p class="audit-event__sentence">([^<]*)<\/p>/g)].map(
      (m) => m[1],
    );
    assert.equal(sentences.length, 1, sentences.join(' | '));
    assert.match(sentences[0]!, /tillgänglighetsrapport #12/);
  });

  // With nothing chosen there is no filter to blame: a new organisation's trail is simply empty.
  it('an empty trail with no filter says there are no events yet, not that none match the filter', async () => {
    const hr = await createPerson(db, { role: 'employer_admin', language: 'en' });
    const cookie = await sessionFor(db, hr.accountId, { secondFactor: true });
    const plain = (await app.inject({ url: '/admin/audit', headers: { cookie } })).body;
    assert.match(plain, /<p>No events yet\.<\/p>/);
    const filtered = (await app.inject({ url: '/admin/audit?action=org', headers: { cookie } })).body;
    assert.match(filtered, /<p>No events match the filter\.<\/p>/);
  });
});
