/**
 * Every page of the navigator and the newcomer network that the other browser tests do not walk,
 * in a real browser at 375 px and 1280 px, in Swedish and English: the household's moving page, the
 * network's public pages, the case file with every part's panel, the careers page, duplicates,
 * slots, the network's back-office and the employer's introductions. Axe finds nothing and nothing
 * is wider than the screen. RELOCATION_SCREENSHOTS=dir saves full-page screenshots there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REGION, createPerson } from '../helpers/identity.ts';
import { CONSENT_TEXT_VERSIONS } from '../../src/modules/events/model.ts';
import { addExhibitor, createEvent, createRegistration } from '../helpers/events.ts';
import { createAmbassador, createGroup, createMeetup } from '../helpers/network.ts';
import { createCase, createNavigator } from '../helpers/relocation.ts';
import { launchBrowser, pageLooker, signedInContext, startSite } from './browser.ts';

const SHOTS = process.env.RELOCATION_SCREENSHOTS;

describe('the navigator’s and the network’s pages at 375 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const navigator = await createNavigator(db, { municipalityCode: '2080', name: 'Frida Falun' });
  const household = await createPerson(db, { email: 'ana.ferreira@example.org' });
  const partner = await createPerson(db, { email: 'joao.ferreira@example.org' });
  const kase = await createCase(db, {
    municipalityCode: '2080',
    navigatorId: navigator.accountId,
    stage: 'exploring',
    accountId: household.accountId,
    main: { name: 'Ana Ferreira', email: 'ana.ferreira@example.org', accountId: household.accountId },
    partner: {
      name: 'João Ferreira',
      email: 'joao.ferreira@example.org',
      occupation: 'Sjuksköterska',
      accountId: partner.accountId,
    },
    childrenAges: [4, 9],
    consents: ['employers', 'ambassador', 'followup'],
    message: 'Vi vill gärna bo nära skogen.',
  });
  // A second case with the same address (made when she asked a fair stand for a navigator): a
  // pair on the duplicates page, with where she was met.
  const second = await createCase(db, {
    municipalityCode: '2080',
    main: { name: 'Ana Ferreira', email: 'ana.ferreira@example.org' },
  });
  const group = await createGroup(db, { name: 'Ut i skogen', municipalityCode: '2080' });
  await createMeetup(db, group.id, { title: 'Fika vid sjön', capacity: 12 });
  // The household at events: a registration checked in at the door, and a visit to a fair stand.
  const fair = await createEvent(db, { kind: 'fair', title: 'Jobbmässan i Malmö', locationKind: 'away' });
  const exhibitor = await addExhibitor(db, fair.id, { stand: 'B7' });
  const registration = await createRegistration(db, fair.id, {
    accountId: household.accountId,
    email: 'ana.ferreira@example.org',
    name: 'Ana Ferreira',
    seats: 2,
  });
  await db
    .insertInto('event_checkins')
    .values({ region_id: REGION, event_id: fair.id, registration_id: registration.id, people: 2 })
    .execute();
  await db
    .insertInto('event_leads')
    .values({
      region_id: REGION,
      event_id: fair.id,
      organisation_id: exhibitor.organisationId,
      stand: 'B7',
      name: 'Ana Ferreira',
      email: 'ana.ferreira@example.org',
      consent_text_version: CONSENT_TEXT_VERSIONS.lead,
      wants_navigator: true,
      case_id: second.caseId,
      source: 'stand_form',
    })
    .execute();
  await createAmbassador(db, {
    name: 'Britt Ambassadör',
    municipalityCode: '2080',
    languages: ['sv', 'pt'],
    personas: ['families'],
  });
  const employer = await createPerson(db, { role: 'employer_admin' });
  const intro = await db
    .insertInto('relocation_introductions')
    .values({
      region_id: REGION,
      case_id: kase.caseId,
      person_id: kase.partnerId!,
      organisation_id: employer.organisationId!,
      message: 'João är sjuksköterska och söker jobb i Falun.',
      shared: JSON.stringify({
        name: 'João Ferreira',
        occupation: 'Sjuksköterska',
        email: 'joao.ferreira@example.org',
      }),
      navigator_id: navigator.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const pages: { who: string; paths: string[] }[] = [
    { who: household.accountId, paths: ['/sv/me/move', '/en/me/move', '/en/network/ambassadors'] },
    {
      who: '',
      paths: [
        '/sv/network',
        '/en/network',
        `/sv/network/groups/${group.slug}`,
        `/en/network/groups/${group.slug}`,
      ],
    },
    {
      who: navigator.accountId,
      paths: [
        `/admin/cases/${kase.caseId}`,
        `/admin/cases/${kase.caseId}/careers`,
        `/admin/cases/${kase.caseId}/introductions`,
        '/admin/cases/duplicates',
        '/admin/cases/slots',
        '/admin/network',
        `/admin/network/groups/${group.id}`,
      ],
    },
    {
      who: employer.accountId,
      paths: ['/admin/talent/introductions', `/admin/talent/introductions/${intro.id}`],
    },
  ];

  for (const width of [375, 1280]) {
    it(`at ${width} px every page passes axe and fits`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      for (const { who, paths } of pages) {
        const context = who
          ? await signedInContext(browser, site, who, width)
          : await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
        try {
          const page = await context.newPage();
          for (const path of paths) {
            const response = await page.goto(`${site.base}${path}`);
            assert.equal(response?.status(), 200, `${path} answers 200`);
            await look(page, `${path.replaceAll('/', '_')}-${width}`);
          }
        } finally {
          await context.close();
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
