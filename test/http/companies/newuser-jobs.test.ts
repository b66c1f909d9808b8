/**
 * An employer's own job ad as a new employer admin writes it (found posting one as an HR person
 * would): the municipality is picked from a list in alphabetical order, as everywhere else on the
 * site, not in the order of the municipalities' codes; and the job search no longer says every job
 * comes from the Swedish Public Employment Service, when her own ads are there too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { companyFixture } from './admin-fixture.ts';

describe('an own job ad for a new employer admin', async () => {
  const f = await companyFixture();

  it('lists the municipalities in alphabetical order', async () => {
    const res = await f.get('/admin/jobs/new', f.hrCookie);
    assert.equal(res.statusCode, 200);
    const select = /<select[^>]*name="municipality"[^>]*>([\s\S]*?)<\/select>/.exec(res.body)?.[1] ?? '';
    const names = [...select.matchAll(/<option value="\d{4}"[^>]*>([^<]+)<\/option>/g)].map(
      (m) => m[1] ?? '',
    );
    assert.equal(names.length, 15);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'sv')),
    );
    assert.equal(names[0], 'Avesta');
    assert.equal(names.at(-1), 'Älvdalen');
  });

  it('says on the job search that the jobs come from the employers themselves too', async () => {
    const sv = (await f.get('/sv/jobs', f.hrCookie)).body;
    assert.match(sv, /från Arbetsförmedlingens platsbank och från arbetsgivarna själva/);
    assert.match(sv, /och från arbetsgivare som annonserar här/);
    const en = (await f.get('/en/jobs', f.hrCookie)).body;
    assert.match(en, /job bank and from the employers themselves/);
    assert.match(en, /and from employers who advertise here/);
  });
});
