/**
 * A company page as a new visitor reads it (found trying the pages as an engineer moving from
 * abroad would): the picture of a person who works there, and the company's picture on a place
 * page, carry their credits like every other picture on the site, and a career step the employer left untitled is called by its occupation in
 * the page's language — never the Swedish name on the English page.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { emptyContent } from '../../../src/modules/content/model.ts';
import { importIllustration } from '../../../src/modules/content/media/demo.ts';
import { insertItem, publish } from '../../../src/modules/content/store.ts';
import { storageFor } from '../../../src/platform/storage/index.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { addCompany, companyData, ORG, R } from './public-fixture.ts';

describe('a company page for a new visitor', async () => {
  const { app, database, config } = await buildTestApp();
  const db = database.db;

  before(async () => {
    await importIllustration(db, storageFor(config), R, {
      slug: 'story-picture',
      file: new URL('../../../src/modules/content/demo/illustrations/industry-wind.svg', import.meta.url),
      alt: { sv: 'En fabrik', en: 'A factory' },
      credit: 'Lotsa',
    });
    const story = emptyContent('story');
    story.title = { sv: 'Anna blev smältare', en: 'Anna became a smelter' };
    story.summary = { sv: 'Från Göteborg till verket.', en: 'From Gothenburg to the works.' };
    story.heroImage = 'story-picture';
    if (story.story) story.story.personName = 'Anna Berg';
    await db.transaction().execute(async (trx) => {
      const inserted = await insertItem(trx, {
        regionId: R,
        kind: 'story',
        slug: 'anna-smaltare',
        municipalityCode: null,
        data: story,
        authorId: null,
      });
      if (!inserted) throw new Error('story slug taken');
      await publish(trx, {
        regionId: R,
        itemId: inserted.id,
        version: 1,
        visibleFrom: new Date(Date.now() - 60_000),
        visibleUntil: null,
      });
    });
    await addCompany(db, {
      slug: 'bergslagens-stal',
      orgNumber: ORG.steel,
      data: companyData('Bergslagens Stål', {
        municipalities: ['2081'],
        photos: ['story-picture'],
        stories: ['anna-smaltare'],
        careerPaths: [
          {
            title: { sv: 'Från operatör till chef', en: 'From operator to manager' },
            steps: [
              // Left untitled in the back-office: the form stored the occupation's Swedish name in
              // both languages, as it did before.
              {
                occupationId: 'eU1q_zvL_9Rf',
                title: { sv: 'Personlig assistent', en: 'Personlig assistent' },
                text: { sv: '', en: '' },
              },
              // Left untitled, stored as the form does now: nothing in English.
              {
                occupationId: 'bXNH_MNX_dUR',
                title: { sv: 'Sjuksköterska, grundutbildad', en: '' },
                text: { sv: '', en: '' },
              },
              // Titled by the employer in both languages: their words stay.
              {
                occupationId: 'eU1q_zvL_9Rf',
                title: { sv: 'Teamledare', en: 'Team leader' },
                text: { sv: '', en: '' },
              },
            ],
          },
        ],
      }),
    });
  });

  it('credits the picture of a person who works there', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const body = (await app.inject(`/${lang}/companies/bergslagens-stal`)).body;
      const person = /<li class="company-person">[\s\S]*?<\/li>/.exec(body)?.[0] ?? '';
      assert.match(person, /<img [^>]*alt="(En fabrik|A factory)"/, lang);
      assert.match(person, /Illustration: Lotsa/, `${lang}: the picture's credit is shown`);
    }
  });

  it('credits the company’s picture on the place pages where it works', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const body = (await app.inject(`/${lang}/places/borlange`)).body;
      const section =
        /<section class="place-section place-companies"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
      assert.match(section, /<img [^>]*alt="(En fabrik|A factory)"/, lang);
      assert.match(section, /Illustration: Lotsa/, `${lang}: the picture's credit is shown`);
    }
  });

  it('calls an untitled career step by its occupation in English on the English page', async () => {
    const en = (await app.inject('/en/companies/bergslagens-stal')).body;
    const titles = [...en.matchAll(/<h4 class="company-path__step-title">([\s\S]*?)<\/h4>/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(titles, ['Personal assistants', 'Professional nurses', 'Team leader']);
    assert.doesNotMatch(en, /Personlig assistent/, 'no Swedish occupation name on the English page');
    // The occupation is not said twice when it is the step's title.
    assert.equal([...en.matchAll(/class="company-path__occupation"/g)].length, 1);
    assert.match(en, /<p class="company-path__occupation">Occupation: Personal assistants<\/p>/);

    const sv = (await app.inject('/sv/companies/bergslagens-stal')).body;
    const svTitles = [...sv.matchAll(/<h4 class="company-path__step-title">([\s\S]*?)<\/h4>/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(svTitles, ['Personlig assistent', 'Sjuksköterska, grundutbildad', 'Teamledare']);
  });
});
