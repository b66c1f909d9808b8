import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { decodeQuotedPrintable, startSmtpServer } from '../../helpers/smtp.ts';

describe('accessibility feedback', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp({ SMTP_URL: smtp.url });

  const { postForm } = await formClient(app);
  const post = (lang: 'sv' | 'en', fields: Record<string, string>) =>
    postForm(`/${lang}/accessibility/feedback`, '', fields);

  it('an invalid form answers 422, re-shows what was typed and puts each error next to its field', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const res = await post(lang, {
        message: '',
        page_url: '/sv/jobb',
        name: 'Åsa <Öberg>',
        email: 'not-an-email',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, new RegExp(`<html lang="${lang}"`));
      assert.match(res.body, /value="\/sv\/jobb"/);
      assert.match(res.body, /value="Åsa &lt;Öberg&gt;"/, 'typed text kept, escaped');
      assert.match(res.body, /value="not-an-email"/);
      assert.match(res.body, /id="message-error"/);
      assert.match(res.body, /id="email-error"/);
      assert.match(res.body, /aria-invalid="true"/);
      assert.match(res.body, /class="error-summary"/);
    }
    const sv = await post('sv', { message: '' });
    const en = await post('en', { message: '' });
    assert.notEqual(
      /id="message-error"[^>]*>([^<]+)/.exec(sv.body)?.[1],
      /id="message-error"[^>]*>([^<]+)/.exec(en.body)?.[1],
    );
    const stored = await database.db.selectFrom('accessibility_feedback').select('id').execute();
    assert.equal(stored.length, 0, 'nothing stored from invalid forms');
  });

  it('a valid report is stored, the visitor sees a receipt, and the region contact gets an e-mail in Swedish', async () => {
    const res = await post('en', {
      message: 'The map cannot be used with a keyboard.\nTab skips it.',
      page_url: 'http://localhost:3000/en/',
      name: 'Maria Costa',
      email: 'maria@example.pt',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/en/accessibility/feedback/sent');
    const receipt = await app.inject('/en/accessibility/feedback/sent');
    assert.equal(receipt.statusCode, 200);
    assert.match(receipt.body, /<html lang="en"/);

    const rows = await database.db.selectFrom('accessibility_feedback').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.message, 'The map cannot be used with a keyboard.\nTab skips it.');
    assert.equal(rows[0]?.email, 'maria@example.pt');
    assert.equal(rows[0]?.language, 'en');

    await queue.drain();
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!;
    assert.deepEqual(mail.to, ['lotsa@dalarna.example']);
    const text = decodeQuotedPrintable(mail.raw);
    assert.match(text, /^Content-Language: sv/m);
    assert.match(text, /^Reply-To: maria@example\.pt/m);
    assert.match(text, /The map cannot be used with a keyboard\./);
    assert.match(text, /Maria Costa/);
    assert.match(text, /tillgänglighet/i, 'written in the recipient’s (the region’s) language');

    const outbox = await database.db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(outbox[0]?.state, 'sent');
    await queue.drain();
    assert.equal(smtp.received.length, 1, 'sent once');
  });

  it('sending twice is harmless: a re-run job does not send again', async () => {
    await database.db.updateTable('jobs').set({ state: 'queued' }).where('name', '=', 'mail.send').execute();
    await queue.drain();
    assert.equal(smtp.received.length, 1);
  });
});

describe('mail without SMTP_URL', async () => {
  const { app, queue, config } = await buildTestApp();
  it('is written as an .eml file under the data directory', async () => {
    const { postForm } = await formClient(app);
    const res = await postForm('/sv/accessibility/feedback', '', {
      message: 'Kontrasten på knappen är för låg.',
    });
    assert.equal(res.statusCode, 303);
    await queue.drain();
    const dir = path.join(config.dataDir, 'mail');
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    assert.equal(files.length, 1);
    const eml = decodeQuotedPrintable(readFileSync(path.join(dir, files[0]!), 'utf8'));
    assert.match(eml, /^To: lotsa@dalarna\.example/m);
    assert.match(eml, /Kontrasten på knappen är för låg\./);
  });
});
