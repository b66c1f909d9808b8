/**
 * The recruitment-text builder as a new user (hr@ at a steel works) reads what it writes: a job
 * picked from the board gives an opening sentence a candidate can read, and the extra paragraphs
 * the employer left unticked ("Tick only what is true for you") are not claimed anyway by the
 * region's arguments.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedTexts } from '../../../src/modules/toolbox/texts/seed.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

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

describe('newuser: the recruitment text reads well', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const hr = await toolboxUser(db);
  // Board ads as JobTech and the demo write them: the headline is a whole phrase, often with the
  // place in it ("Vi söker … i Ludvika", "… wanted in Falun").
  await loadAds(db, [
    makeAd({
      id: 'nu-2001',
      headline: 'Vi söker civilingenjör inom elkraft i Ludvika',
      employer: 'Kraftnät Komponenter AB',
      orgnr: '5560000777',
      municipality: 'ludvika',
    }),
    makeAd({
      id: 'nu-2002',
      headline: 'Design engineer wanted in Falun',
      employer: 'Ingenjörsgruppen Mitt AB',
      orgnr: '5560000778',
      municipality: 'falun',
    }),
  ]);
  await seedTexts(db);
  const get = (url: string) => app.inject({ url, headers: { cookie: hr.cookie } });

  it('does not paste an ad headline that already says "Vi söker … i Ludvika" into "X söker … i Ludvika"', async () => {
    const res = await get('/sv/toolbox/builder?job=nu-2001&persona=international&text=sv');
    assert.equal(res.statusCode, 200);
    const opening = textarea(res.body, 'builder-plain')
      .split('\n')
      .find((l) => l.includes('söker'));
    assert.ok(opening, 'an opening sentence');
    // Seen now: "Kraftnät Komponenter AB söker Vi söker civilingenjör inom elkraft i Ludvika i Ludvika."
    assert.doesNotMatch(opening, /söker Vi söker/, opening);
    assert.doesNotMatch(opening, /i Ludvika i Ludvika/, opening);
  });

  it('does not write "is looking for Design engineer wanted in Falun in Falun"', async () => {
    const res = await get('/en/toolbox/builder?job=nu-2002&persona=international&text=en');
    assert.equal(res.statusCode, 200);
    const opening = textarea(res.body, 'builder-plain')
      .split('\n')
      .find((l) => l.includes('looking for'));
    assert.ok(opening, 'an opening sentence');
    // Seen now: "Ingenjörsgruppen Mitt AB is looking for Design engineer wanted in Falun in Falun."
    assert.doesNotMatch(opening, /in Falun in Falun/, opening);
    assert.doesNotMatch(opening, /looking for [A-Z][a-z]+ engineer wanted/, opening);
  });

  it('claims no English-speaking workplace when the employer left "English works at the workplace" unticked', async () => {
    // A steel works where the shop floor speaks Swedish: it ticks the partner and navigator blocks
    // only, as the hint says ("Tick only what is true for you").
    const res = await get(
      '/en/toolbox/builder?job=nu-2002&persona=international&text=en&blocks=partner&blocks=navigator',
    );
    assert.equal(res.statusCode, 200);
    const plain = textarea(res.body, 'builder-plain');
    // Seen now: "At many of our workplaces, English is the everyday language. … you do not need it
    // [Swedish] on your first day." – in the employer's own ad, "our workplaces" are theirs.
    assert.doesNotMatch(plain, /English is the everyday language/, plain);
    const sv = textarea(
      (await get('/sv/toolbox/builder?job=nu-2001&persona=international&text=sv&blocks=partner')).body,
      'builder-plain',
    );
    assert.doesNotMatch(sv, /engelska vardagsspråket/, sv);
  });

  it('says the navigator helps the partner once, not in three paragraphs', async () => {
    const res = await get(
      '/en/toolbox/builder?job=nu-2002&persona=international&text=en&blocks=partner&blocks=navigator',
    );
    const plain = textarea(res.body, 'builder-plain');
    // Seen now: "They also help your partner find work…", "Moving together? We help your partner…"
    // and "…work for your partner." in one text.
    const partner = plain.split('\n').filter((l) => /your partner/.test(l));
    assert.ok(partner.length <= 2, partner.join('\n'));
  });
});
