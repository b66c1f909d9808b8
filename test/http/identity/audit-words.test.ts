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
});
