/**
 * Texts and arguments on the English page, as a screen-reader user hears them: the sources are
 * named in Swedish ("SCB, Folkmängd i kommuner"), so their links say lang="sv" – as the builder's
 * text already does for the very same sources.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { createText, toolboxUser } from '../../helpers/toolbox.ts';

describe('newuser: a Swedish source name inside the English texts page', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const hr = await toolboxUser(db);
  await createText(db, {
    title: 'Lagom stort',
    titleEn: 'Just the right size',
    body: 'Falun har omkring 60 000 invånare.',
    bodyEn: 'Falun has about 60,000 inhabitants.',
    sourceName: 'SCB, Folkmängd i kommuner',
    sourceUrl: 'https://www.scb.se/',
    sourceDate: '2023-12-31',
  });

  it('marks the source link lang="sv" on /en/toolbox/texts', async () => {
    const res = await app.inject({ url: '/en/toolbox/texts', headers: { cookie: hr.cookie } });
    assert.equal(res.statusCode, 200);
    const link = /<a [^>]*href="https:\/\/www\.scb\.se\/"[^>]*>SCB, Folkmängd i kommuner<\/a>/.exec(res.body);
    assert.ok(link, 'the source link');
    // Seen now: <a href="https://www.scb.se/…" rel="noopener">SCB, Folkmängd i kommuner</a>, read out
    // with English pronunciation.
    assert.match(link[0], /lang="sv"/);
  });
});
