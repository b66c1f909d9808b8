import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedRegions } from '../../regions/service.ts';
import { demoPlaces, generateAds, sampleAds } from '../demo.ts';
import { detectLang, LANG_SAMPLE_LENGTH } from './normalize.ts';

const ENGLISH_AD = [
  'We are looking for an experienced nurse to join our team at the hospital in Falun.',
  'You will work closely with doctors and other professions, and you will be part of a friendly team',
  'that cares about every patient. We offer a permanent position, flexible hours and good benefits.',
].join(' ');
const SWEDISH_AD = [
  'Vi söker en erfaren sjuksköterska till vårt team på sjukhuset i Falun.',
  'Du kommer att arbeta nära läkare och andra yrkesgrupper och vara en del av en trevlig arbetsgrupp',
  'som bryr sig om varje patient. Vi erbjuder en tillsvidareanställning, flexibla tider och goda förmåner.',
].join(' ');

describe('detectLang', () => {
  it('tells English ads from Swedish ones', () => {
    assert.equal(detectLang('Nurse', ENGLISH_AD), 'en');
    assert.equal(detectLang('Sjuksköterska', SWEDISH_AD), 'sv');
    const places = 'Our offices are in Borlänge, Jönköping, Gävle and Västerås, at Högskolevägen.';
    assert.equal(detectLang('Nurse in Borlänge', `${places} ${ENGLISH_AD}`), 'en');
  });

  it('goes by the description when the headline is in the other language', () => {
    assert.equal(detectLang('Sjuksköterska till akuten', ENGLISH_AD), 'en');
    assert.equal(detectLang('Senior Fullstack Developer', SWEDISH_AD), 'sv');
  });

  it('calls short or doubtful texts Swedish, the board being Swedish', () => {
    for (const text of ['Developer', 'Senior Developer', 'Truck driver wanted', 'Butikssäljare sökes', '']) {
      assert.equal(detectLang(text), 'sv', text);
    }
    assert.equal(detectLang(null, undefined), 'sv');
    assert.equal(detectLang('We are looking for a developer to join our team in Falun'), 'sv');
  });

  it('ignores links, e-mail addresses and numbers', () => {
    const links = Array.from(
      { length: 12 },
      (_, i) =>
        `Läxhjälp online: https://www.example.com/homework-help-online/${i} mail@example.com 010-000 00 0${i}`,
    ).join(' ');
    assert.equal(detectLang('Läxhjälpare', links), 'sv');
  });

  it('reads only the start of a long ad', () => {
    const swedish = SWEDISH_AD.repeat(Math.ceil(LANG_SAMPLE_LENGTH / SWEDISH_AD.length));
    assert.equal(detectLang('Sjuksköterska', swedish + ENGLISH_AD.repeat(5_000)), 'sv');
    assert.equal(detectLang(ENGLISH_AD.repeat(5_000)), 'en');
  });

  it('finds the five English ads among the 85 real sample ads', () => {
    const english = sampleAds()
      .filter((ad) => detectLang(ad.headline, ad.description?.text) === 'en')
      .map((ad) => ad.id);
    assert.deepEqual(english.sort(), ['30016399', '30016482', '30016558', '30016570', '30016599']);
  });

  it("agrees with the demo generator's language on every generated ad", () => {
    const places = demoPlaces(shippedRegions().find((r) => r.id === 'dalarna')!)!;
    const ads = generateAds({ count: 2_000, seed: 11, now: new Date('2026-03-02T09:00:00Z'), ...places });
    let english = 0;
    for (const ad of ads) {
      const languages = (ad.must_have?.languages ?? []) as { label: string }[];
      const written = languages.some((l) => l.label === 'Engelska') ? 'en' : 'sv';
      assert.equal(detectLang(ad.headline, ad.description?.text), written, ad.headline);
      if (written === 'en') english++;
    }
    assert.ok(english > 40 && english < 200, `${english} English ads of 2,000`);
  });
});
