/**
 * Editing a company page: two admins saving at once (the second is told and keeps what they
 * typed), badges waiting for the region's review while the published page stays (a member cannot
 * publish them), text edits going live at once — or waiting, where the region says so — and bad
 * input answered by the field with everything typed kept: a logo that is not an image, an address
 * that is not https, a badge without its text, an occupation not in the taxonomy.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import type { FormFields } from '../../helpers/client.ts';
import { REGION, auditActions } from '../../helpers/identity.ts';
import { LIST, companyFixture, filled, inputValue, textareaValue } from './admin-fixture.ts';

/** A multipart body as the edit form posts it (fields repeated for lists, one file). */
function multipart(fields: FormFields, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----lotsa${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    for (const v of [value].flat())
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`),
      );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const BADGE = {
  badges: ['relocation'],
  badge_relocation_sv: 'Vi betalar flytten och hjälper till att hitta bostad.',
  badge_relocation_en: 'We pay for the move and help you find a home.',
};

describe('editing a company page', async () => {
  const f = await companyFixture();
  const id = await f.ownPage();
  assert.equal((await f.save(id, f.hrCookie, filled('Bergslagens Stål'))).statusCode, 303);

  const upload = (
    fields: FormFields,
    file: { name: string; type: string; bytes: Buffer } | undefined,
    cookie = f.hrCookie,
  ) => {
    const body = multipart({ _csrf: f.client.csrf.token, ...fields }, file);
    return f.app.inject({
      method: 'POST',
      url: `${LIST}/${id}`,
      payload: body.payload,
      headers: { ...f.client.headers(cookie), 'content-type': body.contentType },
    });
  };

  it('tells the second of two admins saving at once, keeping what they typed', async () => {
    const base = (await f.latest(id)).company.version;
    const first = await f.save(
      id,
      f.hrCookie,
      filled('Bergslagens Stål', { summary_sv: 'Först sparat.' }),
      base,
    );
    assert.equal(first.statusCode, 303);
    const second = await f.save(
      id,
      f.memberCookie,
      filled('Bergslagens Stål och Järn', { summary_sv: 'Andra personens text.' }),
      base,
    );
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Någon annan har sparat sidan/);
    assert.match(second.body, /Hanna HR sparade version 3/);
    assert.match(second.body, /Först sparat/, 'what changed meanwhile is shown');
    assert.equal(inputValue(second.body, 'name'), 'Bergslagens Stål och Järn', 'the typed name is kept');
    assert.equal(textareaValue(second.body, 'summary_sv'), 'Andra personens text.');
    assert.equal(inputValue(second.body, 'base'), '3', 'saving again starts from the new version');
    assert.match(second.body, /Spara ändå/);
    assert.equal((await f.latest(id)).data.summary.sv, 'Först sparat.', 'nothing of the second is stored');
    // Saving again on purpose replaces it.
    const again = await f.save(id, f.memberCookie, filled('Bergslagens Stål och Järn'), 3);
    assert.equal(again.statusCode, 303);
    assert.equal((await f.latest(id)).data.name, 'Bergslagens Stål och Järn');
  });

  it('refuses a badge without its text and an address that is not https, by the field, keeping the rest', async () => {
    const res = await f.save(
      id,
      f.hrCookie,
      filled('Bergslagens Stål', {
        badges: ['relocation', 'english'],
        badge_relocation_sv: 'Vi hjälper med bostad.',
        badge_relocation_en: '',
        badge_english_sv: '',
        badge_english_en: 'English is our working language in the lab.',
        website: 'http://www.example.com',
        film_url: 'javascript:alert(1)',
        summary_en: 'Typed and kept.',
      }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Skriv på engelska vad ni gör/);
    assert.match(res.body, /Skriv på svenska vad ni gör/);
    assert.match(res.body, /href="#badge_relocation_en"/);
    assert.match(res.body, /href="#website"/);
    assert.match(res.body, /href="#film_url"/);
    assert.equal(textareaValue(res.body, 'summary_en'), 'Typed and kept.');
    assert.equal(inputValue(res.body, 'website'), 'http://www.example.com');
    assert.match(res.body, /id="badges-relocation"[^>]*checked/);
  });

  it('answers a logo that is not an image by its field, with everything else typed kept', async () => {
    const base = (await f.latest(id)).company.version;
    const res = await upload(
      { ...filled('Typat namn', { summary_sv: 'Typad sammanfattning.' }), base: String(base) },
      { name: 'logo.png', type: 'image/png', bytes: Buffer.from('%PDF-1.4 this is not a picture at all') },
    );
    assert.equal(res.statusCode, 400, res.body.slice(0, 2000));
    assert.match(res.body, /Filen är inte en bild/);
    assert.match(res.body, /<a href="#logo_file">/);
    assert.match(res.body, /id="logo_file"[^>]*aria-invalid="true"/);
    assert.equal(inputValue(res.body, 'name'), 'Typat namn');
    assert.equal(textareaValue(res.body, 'summary_sv'), 'Typad sammanfattning.');
    assert.equal((await f.latest(id)).company.version, base, 'nothing saved');
  });

  it('takes a real logo into the media library as the employer’s own image', async () => {
    const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#b5121b' } })
      .png()
      .toBuffer();
    const base = (await f.latest(id)).company.version;
    const res = await upload(
      { ...filled('Bergslagens Stål'), base: String(base) },
      { name: 'logo.png', type: 'image/png', bytes: png },
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const { data } = await f.latest(id);
    assert.match(data.logo ?? '', /^bergslagens-stal-ab-logotyp-[0-9a-f]{8}$/);
    const image = await f.db
      .selectFrom('media_images')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('slug', '=', data.logo as string)
      .executeTakeFirstOrThrow();
    assert.equal(image.organisation_id, f.employer);
    assert.equal(image.alt_sv, 'Logotyp för Bergslagens Stål');
    assert.equal(image.alt_en, 'Bergslagens Stål logo');
    // The media library knows the page shows it: it is not deleted from under the page.
    const library = await f.get(`/admin/media/${image.id}`, f.editorCookie);
    assert.match(library.body, new RegExp(`href="${LIST}/${id}"`));
    const deleted = await f.post(`/admin/media/${image.id}/delete`, f.editorCookie);
    assert.equal(deleted.statusCode, 409);
    // The other employer is never offered it.
    const otherPage = await f.ownPage(f.otherCookie);
    const theirs = await f.get(`${LIST}/${otherPage}`, f.otherCookie);
    assert.doesNotMatch(theirs.body, new RegExp(data.logo as string));
    const refused = await f.save(otherPage, f.otherCookie, filled('Andra', { logo: data.logo as string }));
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Välj en av bilderna i listan/);
  });

  it('picks an occupation by its name, offers a choice when several match, and refuses one not in the taxonomy', async () => {
    const steps = (extra: FormFields) =>
      filled('Bergslagens Stål', {
        paths: '1',
        path_0_title_sv: 'Från operatör till specialist',
        path_0_title_en: 'From operator to specialist',
        path_0_steps: '2',
        ...extra,
      });
    const many = await f.save(id, f.hrCookie, steps({ path_0_step_0_q: 'Processoperatör' }));
    assert.equal(many.statusCode, 400);
    assert.match(many.body, /Flera yrken passar ”Processoperatör”/);
    assert.match(many.body, /type="radio"[^>]*name="path_0_step_0_occ"[^>]*value="jQwP_ds3_Toe"/);

    const unknown = await f.save(id, f.hrCookie, steps({ path_0_step_0_occ: 'XXXX_not_real' }));
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Yrket finns inte i yrkeslistan/);
    assert.equal(inputValue(unknown.body, 'path_0_title_sv'), 'Från operatör till specialist');

    const none = await f.save(id, f.hrCookie, steps({ path_0_step_0_q: 'Drakfångare' }));
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Inget yrke i yrkeslistan passar ”Drakfångare”/);

    const saved = await f.save(
      id,
      f.hrCookie,
      steps({
        path_0_step_0_occ: 'jQwP_ds3_Toe',
        path_0_step_1_q: 'svetsare',
        path_0_step_1_title_sv: '',
        path_0_step_1_text_sv: 'Efter två år.',
      }),
    );
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 3000));
    const { data } = await f.latest(id);
    assert.deepEqual(
      data.careerPaths[0]?.steps.map((s) => [s.occupationId, s.title.sv]),
      [
        ['jQwP_ds3_Toe', 'Processoperatör malmanrikning'],
        ['rxrQ_Nyy_k6y', 'Svetsare'],
      ],
      'the single exact match is taken; an untitled step is called by its occupation',
    );
    const page = await f.get(`${LIST}/${id}`, f.hrCookie);
    assert.match(page.body, /Valt yrke: Svetsare/);
  });

  it('publishes on approval; then a change of badges waits for review while the published page stays', async () => {
    const version = (await f.latest(id)).company.version;
    assert.equal(
      (await f.post(`${LIST}/${id}/submit`, f.hrCookie, { shown: String(version) })).statusCode,
      303,
    );
    const approved = await f.post(`${LIST}/${id}/approve`, f.editorCookie, { shown: String(version) });
    assert.equal(approved.statusCode, 303, approved.body.slice(0, 2000));
    let { company } = await f.latest(id);
    assert.equal(company.status, 'published');
    assert.equal(company.publishedVersion, version);

    const res = await f.save(id, f.memberCookie, filled('Bergslagens Stål', BADGE));
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    assert.match(String(res.headers.location), /done=reviewBadges/);
    ({ company } = await f.latest(id));
    assert.equal(company.status, 'published');
    assert.equal(company.publishedVersion, version, 'visitors keep the published version');
    assert.equal(company.reviewVersion, company.version);
    const page = await f.get(String(res.headers.location), f.memberCookie);
    assert.match(page.body, /Märkena är ändrade, så ändringen väntar på regionens granskning/);
    assert.match(page.body, /väntar på regionens granskning, och det här har ändrats i den:/);
    assert.match(page.body, /<li>Hjälper med flytten<\/li>/);
    // The member cannot publish it.
    const approve = await f.post(`${LIST}/${id}/approve`, f.memberCookie, { shown: String(company.version) });
    assert.equal(approve.statusCode, 403);
    assert.equal((await f.latest(id)).company.publishedVersion, version);
    assert.ok((await auditActions(f.db)).includes('company.review'));
  });

  it('publishes a text edit at once, and sends it to review where the region says so', async () => {
    const reviewed = (await f.latest(id)).company.reviewVersion as number;
    assert.equal(
      (await f.post(`${LIST}/${id}/approve`, f.editorCookie, { shown: String(reviewed) })).statusCode,
      303,
    );
    const edit = await f.save(
      id,
      f.hrCookie,
      filled('Bergslagens Stål', { ...BADGE, summary_sv: 'Ny text, samma märken.' }),
    );
    assert.equal(edit.statusCode, 303);
    assert.match(String(edit.headers.location), /done=published/);
    let { company, data } = await f.latest(id);
    assert.equal(company.publishedVersion, company.version);
    assert.equal(company.reviewVersion, null);
    assert.equal(data.summary.sv, 'Ny text, samma märken.');
    assert.ok((await auditActions(f.db)).includes('company.published'));

    const setting = await f.post(`${LIST}/settings`, f.editorCookie, { direct: 'no' });
    assert.equal(setting.statusCode, 303);
    const live = company.publishedVersion;
    const waiting = await f.save(
      id,
      f.hrCookie,
      filled('Bergslagens Stål', { ...BADGE, summary_sv: 'Granskas först.' }),
    );
    assert.match(String(waiting.headers.location), /done=review&/);
    ({ company, data } = await f.latest(id));
    assert.equal(company.publishedVersion, live);
    assert.equal(company.reviewVersion, company.version);
    const page = await f.get(`${LIST}/${id}`, f.hrCookie);
    assert.match(page.body, /Alla ändringar granskas av regionen innan de syns/);
    assert.equal((await f.post(`${LIST}/settings`, f.editorCookie, { direct: 'yes' })).statusCode, 303);
  });
});
