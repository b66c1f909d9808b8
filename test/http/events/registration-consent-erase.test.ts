/**
 * The personal page's consent and deletion, and the mails around them: the exhibitors' consent
 * withdrawn (and given) through the personal link, audited, and the exhibitors' view following it;
 * an ended registration deleted at once at the person's request (audited without personal data);
 * the cancelling .ics (METHOD:CANCEL, same UID, higher SEQUENCE) only to those who had the
 * confirmation's; a household counted in words, one person not; an online event's page and mails
 * with the link instead of a ticket, and the link kept from those not let in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser } from '../../helpers/events.ts';
import { REGION } from '../../helpers/identity.ts';
import { decodeQuotedPrintable, startSmtpServer, type ReceivedMail } from '../../helpers/smtp.ts';

/** The leaf parts of a (multipart) message: content type and decoded body. */
function partsOf(raw: string): { type: string; head: string; body: string }[] {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const decode = (part: string) => {
    const split = part.search(/\r?\n\r?\n/);
    const head = part.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    const body = part.slice(split).trim();
    const type = /^content-type: *([^;\r\n]+)/im.exec(head)?.[1]?.toLowerCase() ?? 'text/plain';
    const enc = /^content-transfer-encoding: *(\S+)/im.exec(head)?.[1]?.toLowerCase() ?? '7bit';
    const text =
      enc === 'base64'
        ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
        : enc === 'quoted-printable'
          ? decodeQuotedPrintable(body)
          : body;
    return { type, head, body: text };
  };
  if (!boundary) return [decode(raw)];
  const out: { type: string; head: string; body: string }[] = [];
  for (const piece of raw.split(`--${boundary}`).slice(1)) {
    if (piece.startsWith('--')) break;
    const inner = /boundary="?([^";\r\n]+)"?/i.exec(piece.slice(0, piece.search(/\r?\n\r?\n/)));
    out.push(...(inner ? partsOf(piece) : [decode(piece.replace(/^\r?\n/, ''))]));
  }
  return out;
}
const calendarsIn = (raw: string) => partsOf(raw).filter((p) => p.type === 'text/calendar');
const textOf = (raw: string) => partsOf(raw).find((p) => p.type === 'text/plain')?.body ?? '';

describe('events registration: consent, deletion and the mails around them', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp(
    { SMTP_URL: smtp.url, LOTSA_SECRET: TEST_SECRET },
    undefined,
    { rateLimiter: unlimited },
  );
  const db = database.db;
  const client = await formClient(app);
  const organiser = await createOrganiser(db);

  const mailsTo = async (address: string): Promise<ReceivedMail[]> => {
    await queue.drain();
    return smtp.received.filter((m) => m.to.includes(address));
  };
  const register = async (lang: 'sv' | 'en', slug: string, fields: Record<string, string>) => {
    const res = await client.postForm(`/${lang}/events/${slug}/register`, '', {
      consent: 'yes',
      seats: '1',
      ...fields,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const token = /\/events\/registration\/([A-Za-z0-9_-]{32})/.exec(String(res.headers.location))?.[1];
    assert.ok(token);
    return token;
  };
  const post = (lang: string, token: string, action: string, body: Record<string, string> = {}) =>
    client.postForm(`/${lang}/events/registration/${token}/${action}`, '', body);
  const rowOf = (email: string) =>
    db
      .selectFrom('event_registrations')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('email', '=', email)
      .executeTakeFirst();
  const auditOf = (action: string, subjectId: string) =>
    db
      .selectFrom('audit_events')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('action', '=', action)
      .where('subject_id', '=', subjectId)
      .execute();

  it('withdrawing the consent takes the person out of the exhibitor’s view; it can be given again', async () => {
    const event = await createEvent(db, { kind: 'fair', capacity: 100, title: 'Mässan i Göteborg' });
    const acme = await createOrganiser(db, { role: 'employer_admin' });
    await addExhibitor(db, event.id, { organisationId: acme.organisationId, stand: 'B2' });
    const token = await register('sv', event.slug, {
      name: 'Delar Först',
      email: 'share.first@example.org',
      share: 'yes',
    });
    const before = await client.get(`/admin/events/${event.id}/leads`, acme.cookie);
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /Delar Först/);

    const page = await client.get(`/sv/events/registration/${token}`);
    assert.match(page.body, /Du har sagt ja till att de arbetsgivare som ställer ut/);
    assert.match(page.body, /Sluta dela mina uppgifter med utställarna/);

    const stop = await post('sv', token, 'share', { share: 'no' });
    assert.equal(stop.statusCode, 303);
    assert.match(String(stop.headers.location), /done=shareOff$/);
    const row = await rowOf('share.first@example.org');
    assert.equal(row?.share_with_exhibitors, false);
    const audits = await auditOf('event.registration.share_changed', row!.id);
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.data.share, false);
    assert.doesNotMatch(JSON.stringify(audits[0]!.data), /share\.first|Delar/);

    const after = await client.get(`/admin/events/${event.id}/leads`, acme.cookie);
    assert.doesNotMatch(after.body, /Delar Först/);
    const csv = await client.get(`/admin/events/${event.id}/leads/registrations.csv`, acme.cookie);
    assert.doesNotMatch(csv.body, /share\.first@example\.org/);

    const shown = await client.get(`/sv/events/registration/${token}?done=shareOff`);
    assert.match(shown.body, /Utställarna ser inte längre ditt namn/);
    assert.match(shown.body, /name="share" value="yes"/, 'an offer to share again');
    // The same answer again changes nothing and writes no second audit event.
    await post('sv', token, 'share', { share: 'no' });
    assert.equal((await auditOf('event.registration.share_changed', row!.id)).length, 1);

    const give = await post('sv', token, 'share', { share: 'yes' });
    assert.match(String(give.headers.location), /done=shareOn$/);
    assert.equal((await rowOf('share.first@example.org'))?.share_with_exhibitors, true);
    assert.match((await client.get(`/admin/events/${event.id}/leads`, acme.cookie)).body, /Delar Först/);

    const odd = await post('sv', token, 'share', { share: 'maybe' });
    assert.match(String(odd.headers.location), /done=notAllowed$/);
  });

  it('the consent cannot be given for an event without exhibitors, nor after cancelling; withdrawn it can', async () => {
    const plain = await createEvent(db, { capacity: 10 });
    const token = await register('en', plain.slug, { name: 'No Stand', email: 'nostand@example.org' });
    const page = await client.get(`/en/events/registration/${token}`);
    assert.doesNotMatch(page.body, /exhibitor/i, 'nothing to share with');
    const give = await post('en', token, 'share', { share: 'yes' });
    assert.match(String(give.headers.location), /done=notAllowed$/);
    assert.equal((await rowOf('nostand@example.org'))?.share_with_exhibitors, false);

    const fair = await createEvent(db, { kind: 'fair', capacity: 10 });
    await addExhibitor(db, fair.id, { stand: 'C1' });
    const t2 = await register('en', fair.slug, {
      name: 'Was Sharing',
      email: 'was.sharing@example.org',
      share: 'yes',
    });
    await post('en', t2, 'cancel');
    const cancelled = await client.get(`/en/events/registration/${t2}`);
    assert.match(cancelled.body, /Stop sharing my details with the exhibitors/, 'withdrawal stays possible');
    await post('en', t2, 'share', { share: 'no' });
    const regive = await post('en', t2, 'share', { share: 'yes' });
    assert.match(String(regive.headers.location), /done=notAllowed$/);
    assert.equal((await rowOf('was.sharing@example.org'))?.share_with_exhibitors, false);
  });

  it('an ended registration is deleted at the person’s request; a live one is not', async () => {
    const event = await createEvent(db, { capacity: 10, title: 'Frukostmöte i Borlänge' });
    const token = await register('sv', event.slug, { name: 'Lina Radera', email: 'lina.erase@example.org' });
    const live = await client.get(`/sv/events/registration/${token}`);
    assert.doesNotMatch(live.body, /\/erase"/, 'no delete offer while the registration is live');
    const early = await post('sv', token, 'erase');
    assert.match(String(early.headers.location), /done=notAllowed$/);
    assert.ok(await rowOf('lina.erase@example.org'));

    await post('sv', token, 'cancel');
    const page = await client.get(`/sv/events/registration/${token}?done=cancelled`);
    assert.match(page.body, /Vi sparar den i högst 30 dagar/);
    const id = (await rowOf('lina.erase@example.org'))!.id;
    const erase = await post('sv', token, 'erase');
    assert.equal(erase.statusCode, 303);
    assert.equal(String(erase.headers.location), '/sv/events/registration/erased');
    assert.equal(await rowOf('lina.erase@example.org'), undefined, 'the row is gone');

    const done = await client.get('/sv/events/registration/erased');
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Dina uppgifter är raderade/);
    assert.equal(done.headers['cache-control'], 'no-store');
    assert.equal((await client.get(`/sv/events/registration/${token}`)).statusCode, 404, 'the link is dead');
    assert.equal((await post('sv', token, 'erase')).statusCode, 404);

    const audits = await auditOf('event.registration.erased', id);
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.data.by, 'self');
    assert.doesNotMatch(JSON.stringify(audits[0]), /lina|Radera/i, 'no personal data in the audit');
    const en = await client.get('/en/events/registration/erased');
    assert.match(en.body, /Your details have been deleted/);
  });

  it('the cancelling .ics: METHOD:CANCEL, the same UID, STATUS:CANCELLED, a higher SEQUENCE; none to the waiting', async () => {
    const event = await createEvent(db, { capacity: 1, title: 'Studiebesök i Avesta' });
    const held = await register('sv', event.slug, { name: 'Har Plats', email: 'held.ics@example.org' });
    const waits = await register('sv', event.slug, { name: 'Väntar', email: 'waits.ics@example.org' });
    const [confirmation] = await mailsTo('held.ics@example.org');
    const added = new ICAL.Component(ICAL.parse(calendarsIn(confirmation!.raw)[0]!.body));
    const addedEvent = added.getFirstSubcomponent('vevent')!;

    await post('sv', waits, 'cancel');
    const waitMails = await mailsTo('waits.ics@example.org');
    assert.equal(waitMails.length, 2);
    assert.equal(calendarsIn(waitMails[1]!.raw).length, 0, 'the waiting person never had the .ics');

    await post('sv', held, 'cancel');
    const mails = await mailsTo('held.ics@example.org');
    assert.equal(mails.length, 2);
    const [part] = calendarsIn(mails[1]!.raw);
    assert.ok(part);
    assert.match(part.head, /method=CANCEL/i);
    const comp = new ICAL.Component(ICAL.parse(part.body));
    const vevent = comp.getFirstSubcomponent('vevent')!;
    assert.equal(comp.getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(vevent.getFirstPropertyValue('uid'), addedEvent.getFirstPropertyValue('uid'));
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.ok(
      Number(vevent.getFirstPropertyValue('sequence')) > Number(addedEvent.getFirstPropertyValue('sequence')),
    );

    // The organiser cancels the event: the same kind of .ics to everyone still registered.
    const other = await createEvent(db, { capacity: 5, title: 'Mingel i Rättvik' });
    await register('en', other.slug, { name: 'Ana', email: 'ana.cancel@example.pt' });
    const res = await client.postForm(`/admin/events/${other.id}/cancel`, organiser.cookie, {
      reason: 'Too few registered.',
    });
    assert.equal(res.statusCode, 303);
    const anas = await mailsTo('ana.cancel@example.pt');
    const [cancel] = calendarsIn(anas[1]!.raw);
    assert.ok(cancel);
    const cancelComp = new ICAL.Component(ICAL.parse(cancel.body));
    assert.equal(cancelComp.getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(cancelComp.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status'), 'CANCELLED');
  });

  it('one person is not counted in the mail; a household is, in each language', async () => {
    const event = await createEvent(db, { capacity: 30, title: 'Öppet hus i Ludvika' });
    await register('sv', event.slug, { name: 'En Person', email: 'one.sv@example.org' });
    await register('en', event.slug, { name: 'Group', email: 'group.en@example.org', seats: '3' });
    const one = textOf((await mailsTo('one.sv@example.org'))[0]!.raw);
    assert.match(one, /Du är anmäld till Öppet hus i Ludvika\. Kalenderfilen/);
    assert.doesNotMatch(one, /person/);
    const group = textOf((await mailsTo('group.en@example.org'))[0]!.raw);
    assert.match(group, /registered for Öppet hus i Ludvika \(en\), 3 people\./);
  });

  it('an online event: the link instead of a ticket for those let in, never to the waiting list', async () => {
    const event = await createEvent(db, { locationKind: 'online', capacity: 1, title: 'Digital mässa' });
    const inToken = await register('sv', event.slug, { name: 'Med Plats', email: 'online.in@example.org' });
    await register('sv', event.slug, { name: 'Utan Plats', email: 'online.wait@example.org' });
    const inMail = textOf((await mailsTo('online.in@example.org'))[0]!.raw);
    assert.match(inMail, /https:\/\/meet\.example\.org\/jobbdag/);
    assert.match(inMail, /du deltar via länken ovan och behöver ingen biljett/);
    assert.doesNotMatch(inMail, /biljettkod|LT1-/);
    const waitMail = textOf((await mailsTo('online.wait@example.org'))[0]!.raw);
    assert.doesNotMatch(waitMail, /meet\.example\.org/, 'the link goes to those with a seat only');

    const page = await client.get(`/sv/events/registration/${inToken}`);
    assert.match(page.body, /Delta online/);
    assert.match(page.body, /href="https:\/\/meet\.example\.org\/jobbdag"/);
    assert.doesNotMatch(page.body, /QR-kod|Visa QR-koden/);

    // No link yet: the page says it comes by mail.
    await db.updateTable('events').set({ online_url: null }).where('id', '=', event.id).execute();
    const later = await client.get(`/sv/events/registration/${inToken}`);
    assert.match(later.body, /Länken kommer till dig med e-post före start/);
  });
});
