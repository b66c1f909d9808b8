/**
 * Attack on the leads fix "a repeat of the same address at the same stand within a day updates the
 * first lead": the visitors' QR page is public and takes any address, so anyone who knows a
 * visitor's address must not be able to rewrite what the stand staff wrote down about that person.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser } from '../../helpers/events.ts';

describe('attack 2: leads', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganiser(db);
  const event = await createEvent(db, {
    organisationId: region.organisationId,
    kind: 'fair',
    startsAt: new Date(Date.now() + 3_600_000),
  });
  const exhibitor = await createOrganiser(db, { role: 'employer_admin' });
  const stand = await addExhibitor(db, event.id, { organisationId: exhibitor.organisationId, stand: 'B2' });

  it('an anonymous post on the QR page does not overwrite the staff’s lead for that address', async () => {
    const email = 'anna.andersson@example.org';
    const saved = await client.postForm(`/admin/events/${event.id}/leads/new`, exhibitor.cookie, {
      stand: exhibitor.organisationId,
      name: 'Anna Andersson',
      email,
      phone: '070-123 45 67',
      occupation: 'Sjuksköterska',
      note: 'Vill börja i augusti',
      language: 'sv',
      consent_lead: '1',
    });
    assert.equal(saved.statusCode, 303);

    // Someone else, on the public page, with Anna's address (mixed case: the same address).
    const forged = await client.postForm(`/sv/events/${event.slug}/stand/${stand.standCode}`, '', {
      name: 'Ej intresserad – radera mig',
      email: 'Anna.Andersson@Example.org',
      phone: '0701111111',
      occupation: 'Ingenting',
      consent_lead: '1',
    });
    assert.equal(forged.statusCode, 303);
    const rows = await db
      .selectFrom('event_leads')
      .selectAll()
      .where('event_id', '=', event.id)
      .where('email', '=', email)
      .orderBy('created_at')
      .execute();
    const first = rows[0]!;
    assert.equal(
      first.name,
      'Anna Andersson',
      `an anonymous visitor rewrote the staff's lead: name "${first.name}", phone "${first.phone}", occupation "${first.occupation}"`,
    );
    assert.equal(first.phone, '070-123 45 67');
    assert.equal(first.occupation, 'Sjuksköterska');
  });
});
