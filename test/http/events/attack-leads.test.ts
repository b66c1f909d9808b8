/**
 * Attacks on lead capture by a hostile exhibitor. The visitors' QR page limits the mails a lead
 * starts per address (anyone may type any address), but the stand staff's form starts the very same
 * mails — the talent pool's sign-up mail and the navigator request's receipt, plus a relocation case
 * in the region's inbox — with only a per-client limit of 600 an hour. An employer that exhibits at
 * a fair can mail-bomb any address and flood the navigators' inbox through it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser } from '../../helpers/events.ts';
import { REGION } from '../../helpers/identity.ts';

describe('attack: leads', async () => {
  // The real rate limiter (no `unlimited`): what the app does in production.
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganiser(db);
  const event = await createEvent(db, {
    organisationId: region.organisationId,
    kind: 'fair',
    startsAt: new Date(Date.now() + 3_600_000),
  });
  const hostile = await createOrganiser(db, { role: 'employer_admin' });
  await addExhibitor(db, event.id, { organisationId: hostile.organisationId, stand: 'Z9' });

  it('the stand staff form cannot mail-bomb an address through the talent pool and navigator boxes', async () => {
    const victim = `offer-${Date.now().toString(36)}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await client.postForm(`/admin/events/${event.id}/leads/new`, hostile.cookie, {
        stand: hostile.organisationId,
        name: `Besök din sida https://evil.example/${i}`,
        email: victim,
        occupation: 'x',
        language: 'sv',
        consent_lead: '1',
        consent_talent: '1',
        experience: '2to5',
        education: 'upper-secondary',
        consent_navigator: '1',
      });
      statuses.push(r.statusCode);
    }
    const mails = await db
      .selectFrom('mail_outbox')
      .select('id')
      .where('region_id', '=', REGION)
      .where('to_address', '=', victim)
      .execute();
    const cases = await db
      .selectFrom('relocation_persons')
      .select('case_id')
      .where('region_id', '=', REGION)
      .where('email', '=', victim)
      .execute();
    // The visitor's own page allows 5 sign-up mails and 3 navigator requests per address and hour.
    assert.ok(
      mails.length <= 8,
      `an exhibitor made the platform send ${mails.length} mails to one address (statuses ${statuses.join(',')})`,
    );
    assert.ok(cases.length <= 3, `an exhibitor opened ${cases.length} relocation cases for one address`);
  });
});
