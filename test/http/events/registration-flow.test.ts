/**
 * Registering for an event over HTTP, with the mails read back from a real SMTP server on loopback:
 * the form and its errors, the confirmation with its .ics (parsed as iCalendar), the personal page
 * with the ticket, a double registration, a full event → waiting list, closed and cancelled events,
 * forged links, cancelling → the next offered, an expired offer, reminders, changing seats.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { runOffers, sendReminders } from '../../../src/modules/events/registration/service.ts';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createRegistration } from '../../helpers/events.ts';
import { REGION } from '../../helpers/identity.ts';
import { decodeQuotedPrintable, startSmtpServer, type ReceivedMail } from '../../helpers/smtp.ts';

/** The parts of a (multipart) message: headers and decoded body of each leaf part. */
function partsOf(raw: string): { type: string; body: string }[] {
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
    return { type, body: text };
  };
  if (!boundary) return [decode(raw)];
  const out: { type: string; body: string }[] = [];
  for (const piece of raw.split(`--${boundary}`).slice(1)) {
    if (piece.startsWith('--')) break;
    const inner = /boundary="?([^";\r\n]+)"?/i.exec(piece.slice(0, piece.search(/\r?\n\r?\n/)));
    out.push(...(inner ? partsOf(piece) : [decode(piece.replace(/^\r?\n/, ''))]));
  }
  return out;
}

const subjectOf = (mail: ReceivedMail) => {
  const head = mail.raw.slice(0, mail.raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
  const value = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
};

describe('registration', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp(
    { SMTP_URL: smtp.url, LOTSA_SECRET: TEST_SECRET },
    undefined,
    { rateLimiter: unlimited },
  );
  const db = database.db;
  const client = await formClient(app);
  const deps = { db, queue, secret: TEST_SECRET, origin: 'http://localhost:3000' };

  const mailsTo = async (address: string) => {
    await queue.drain();
    return smtp.received
      .filter((m) => m.to.includes(address))
      .map((m) => ({ subject: subjectOf(m), parts: partsOf(m.raw) }));
  };
  const textOf = (mail: { parts: { type: string; body: string }[] }) =>
    mail.parts.find((p) => p.type === 'text/plain')?.body ?? '';
  const tokenIn = (text: string) => {
    const match = /\/(sv|en)\/events\/registration\/([A-Za-z0-9_-]{32})/.exec(text);
    assert.ok(match, `a personal link in: ${text}`);
    return match[2]!;
  };
  const registerAs = (slug: string, fields: Record<string, string>, lang = 'sv') =>
    client.postForm(`/${lang}/events/${slug}/register`, '', { consent: 'yes', seats: '1', ...fields });
  const statusOf = async (email: string, eventId: string) =>
    (
      await db
        .selectFrom('event_registrations')
        .select(['status', 'seats', 'offer_expires_at'])
        .where('event_id', '=', eventId)
        .where('email', '=', email)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).status;

  it('shows the form with seats left, the consent text and the organiser’s questions', async () => {
    const event = await createEvent(db, { capacity: 30, title: 'Mingel i Falun' });
    await db
      .insertInto('event_questions')
      .values({
        region_id: REGION,
        event_id: event.id,
        kind: 'choice',
        label_sv: 'Vilken mat?',
        label_en: 'Which food?',
        choices: JSON.stringify([
          { sv: 'Vegetarisk', en: 'Vegetarian' },
          { sv: 'Allt', en: 'Anything' },
        ]),
        required: true,
      })
      .execute();
    const page = await client.get(`/sv/events/${event.slug}/register`);
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['cache-control']), /no-store/);
    assert.match(page.body, /30 platser kvar/);
    assert.match(page.body, /Arrangören sparar ditt namn/);
    assert.match(page.body, /Vilken mat\?/);
    assert.doesNotMatch(page.body, /arbetsgivare som ställer ut/, 'no exhibitors: no sharing checkbox');

    const bad = await registerAs(event.slug, { name: 'Ada Lind', email: 'inte-en-adress', consent: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /value="Ada Lind"/, 'what was typed is kept');
    assert.match(bad.body, /Skriv en e-postadress/);
    assert.match(bad.body, /Kryssa i att du har läst/);
    assert.match(bad.body, /Svara på frågan/);
    const en = await client.postForm(`/en/events/${event.slug}/register`, '', { name: '', email: 'x' });
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /Write your name/);
    assert.match(en.body, /<html lang="en"/);
    const tooMany = await registerAs(event.slug, { name: 'Ada', email: 'ada@example.org', seats: '9' });
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.body, /Välj mellan 1 och 4 personer/);
    assert.equal((await client.get('/sv/events/finns-inte/register')).statusCode, 404);
  });

  it('confirms with the .ics attached and a personal link showing the ticket; a second try sends the link again', async () => {
    const event = await createEvent(db, { capacity: 30, title: 'Jobbmässa i Borlänge' });
    const res = await registerAs(event.slug, {
      name: 'Björn Åkesson',
      email: 'Bjorn@Example.org',
      seats: '2',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    assert.match(
      String(res.headers.location),
      /^\/sv\/events\/registration\/[A-Za-z0-9_-]{32}\?done=registered$/,
    );
    const [mail] = await mailsTo('bjorn@example.org');
    assert.ok(mail);
    assert.equal(mail.subject, 'Du är anmäld: Jobbmässa i Borlänge');
    const text = textOf(mail);
    assert.match(text, /Hej Björn Åkesson!/);
    assert.match(text, /2 personer/);
    assert.match(text, /LT1-[A-Za-z0-9_-]{20}/);
    const token = tokenIn(text);
    assert.match(
      text,
      /http:\/\/localhost:3000\/sv\/events\/registration\//,
      'links from the configured origin',
    );
    const ics = mail.parts.find((p) => p.type === 'text/calendar');
    assert.ok(ics, 'the .ics is attached');
    const cal = new ICAL.Component(ICAL.parse(ics.body));
    const vevent = cal.getFirstSubcomponent('vevent');
    assert.ok(vevent);
    const ev = new ICAL.Event(vevent);
    assert.equal(ev.summary, 'Jobbmässa i Borlänge');
    assert.equal(ev.uid, `${event.id}@localhost`);
    assert.ok(ev.startDate.toJSDate().getTime() > Date.now());

    const page = await client.get(`/sv/events/registration/${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['cache-control']), /no-store/);
    assert.match(String(page.headers['x-robots-tag']), /noindex/);
    assert.match(page.body, /Du är anmäld med 2 personer/);
    assert.match(page.body, /<svg role="img" aria-label="QR-kod för biljetten/);
    assert.match(page.body, /LT1-[A-Za-z0-9_-]{20}/);

    const again = await registerAs(event.slug, { name: 'Björn', email: 'bjorn@example.org' });
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /Du är redan anmäld – vi har skickat din länk igen/);
    assert.doesNotMatch(
      again.body,
      new RegExp(token),
      'the link goes by mail only, never to whoever typed the address',
    );
    assert.equal(again.headers.location, undefined);
    const rows = await db
      .selectFrom('event_registrations')
      .select('status')
      .where('event_id', '=', event.id)
      .execute();
    assert.equal(rows.length, 1, 'never a second registration');
    const seats = await db
      .selectFrom('events')
      .select('seats_taken')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    assert.equal(seats.seats_taken, 2, 'never a second seat');
    const mails = await mailsTo('bjorn@example.org');
    assert.equal(mails.length, 2);
    assert.equal(tokenIn(textOf(mails[1]!)), token, 'the same link again');
  });

  it('a full event puts people on the waiting list; closed, cancelled and past events say so', async () => {
    const full = await createEvent(db, { capacity: 2 });
    await createRegistration(db, full.id, { seats: 2 });
    const box = await client.get(`/sv/events/${full.slug}/register`);
    assert.match(box.body, /Ställ dig på väntelistan/);
    const res = await registerAs(full.slug, { name: 'Cilla', email: 'cilla@example.org' });
    assert.match(String(res.headers.location), /done=waiting$/);
    assert.equal(await statusOf('cilla@example.org', full.id), 'waiting');
    const [mail] = await mailsTo('cilla@example.org');
    assert.match(textOf(mail!), /väntelistan, plats 1/);

    const closed = await createEvent(db, { registrationClosesAt: new Date(Date.now() - 60_000) });
    assert.match((await client.get(`/sv/events/${closed.slug}/register`)).body, /Anmälan är stängd/);
    const late = await registerAs(closed.slug, { name: 'Dan', email: 'dan@example.org' });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Anmälan är inte öppen längre/);

    const cancelled = await createEvent(db, { status: 'cancelled' });
    assert.match((await client.get(`/en/events/${cancelled.slug}/register`)).body, /The event is cancelled/);
    assert.equal(
      (await registerAs(cancelled.slug, { name: 'Dan', email: 'dan@example.org' })).statusCode,
      409,
    );

    const none = await createEvent(db, { registration: 'none' });
    assert.match((await client.get(`/sv/events/${none.slug}/register`)).body, /Ingen anmälan behövs/);
    const draft = await createEvent(db, { status: 'draft' });
    assert.equal((await client.get(`/sv/events/${draft.slug}/register`)).statusCode, 404);
    const count = await db
      .selectFrom('event_registrations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('email', '=', 'dan@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it('a forged or unknown personal link is a 404', async () => {
    for (const token of ['x', 'A'.repeat(32), 'A'.repeat(200), '..%2F..%2Fetc']) {
      const res = await client.get(`/sv/events/registration/${token}`);
      assert.equal(res.statusCode, 404, token);
      assert.equal(
        (await client.postForm(`/sv/events/registration/${token}/cancel`, '', {})).statusCode,
        404,
      );
    }
  });

  it('cancelling offers the seat to the next waiting person, who takes it; an expired offer goes on', async () => {
    const event = await createEvent(db, { capacity: 2, offerHours: 12 });
    const first = await createRegistration(db, event.id, { seats: 2, email: 'forst@example.org' });
    await registerAs(event.slug, { name: 'Emil', email: 'emil@example.org' });
    await registerAs(event.slug, { name: 'Frida', email: 'frida@example.org' });
    assert.equal(await statusOf('emil@example.org', event.id), 'waiting');

    const confirm = await client.get(`/sv/events/registration/${first.manageToken}/cancel`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Avboka din anmälan\?/);
    const cancel = await client.postForm(`/sv/events/registration/${first.manageToken}/cancel`, '', {});
    assert.equal(cancel.statusCode, 303);
    assert.match(String(cancel.headers.location), /done=cancelled/);
    const [cancelMail] = await mailsTo('forst@example.org');
    assert.match(cancelMail!.subject, /^Avbokad:/);
    assert.equal(await statusOf('emil@example.org', event.id), 'offered');
    assert.equal(await statusOf('frida@example.org', event.id), 'offered', 'two seats: both fit');

    const [offer] = await mailsTo('emil@example.org').then((m) => m.slice(-1));
    assert.match(offer!.subject, /En plats har blivit ledig/);
    assert.match(textOf(offer!), /senast/);
    const emilToken = tokenIn(textOf(offer!));
    const page = await client.get(`/sv/events/registration/${emilToken}`);
    assert.match(page.body, /Ta platsen/);
    const take = await client.postForm(`/sv/events/registration/${emilToken}/accept`, '', {});
    assert.match(String(take.headers.location), /done=accepted/);
    assert.equal(await statusOf('emil@example.org', event.id), 'confirmed');
    const confirmed = (await mailsTo('emil@example.org')).at(-1)!;
    assert.ok(
      confirmed.parts.some((p) => p.type === 'text/calendar'),
      'the confirmation carries the .ics',
    );

    // Frida lets her offer run out; Gustav, waiting behind, gets it when the task runs.
    await registerAs(event.slug, { name: 'Gustav', email: 'gustav@example.org' });
    assert.equal(await statusOf('gustav@example.org', event.id), 'waiting');
    await db
      .updateTable('event_registrations')
      .set({ offer_expires_at: sql`now() - interval '1 minute'` })
      .where('event_id', '=', event.id)
      .where('email', '=', 'frida@example.org')
      .execute();
    const ran = await runOffers(deps);
    assert.ok(ran.expired >= 1 && ran.offered >= 1);
    assert.equal(await statusOf('frida@example.org', event.id), 'expired');
    assert.equal(await statusOf('gustav@example.org', event.id), 'offered');
    assert.match((await mailsTo('frida@example.org')).at(-1)!.subject, /Erbjudandet gick ut/);
    assert.match((await mailsTo('gustav@example.org')).at(-1)!.subject, /En plats har blivit ledig/);
    const fridaToken = tokenIn(textOf((await mailsTo('frida@example.org')).at(-1)!));
    const late = await client.postForm(`/sv/events/registration/${fridaToken}/accept`, '', {});
    assert.match(String(late.headers.location), /done=offerGone/);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'event.registration.%')
      .execute();
    for (const action of ['created', 'cancelled', 'offered', 'accepted', 'expired'])
      assert.ok(
        audit.some((a) => a.action === `event.registration.${action}`),
        action,
      );
    const seats = await db
      .selectFrom('events')
      .select('seats_taken')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    assert.equal(seats.seats_taken, 2);
  });

  it('capacity raised by the organiser: the task offers the new seats', async () => {
    const event = await createEvent(db, { capacity: 1 });
    await createRegistration(db, event.id, { seats: 1 });
    await registerAs(event.slug, { name: 'Hanna', email: 'hanna@example.org' });
    await db.updateTable('events').set({ capacity: 2 }).where('id', '=', event.id).execute();
    // The scheduled task itself, as the queue runs it.
    await queue.enqueue('events.offers', {});
    await queue.drain();
    assert.equal(await statusOf('hanna@example.org', event.id), 'offered');
  });

  it('changes seats: more only when free, fewer offered on', async () => {
    const event = await createEvent(db, { capacity: 4 });
    const a = await createRegistration(db, event.id, { seats: 2, email: 'ida@example.org' });
    await createRegistration(db, event.id, { seats: 2 });
    await registerAs(event.slug, { name: 'Jon', email: 'jon@example.org' });
    const more = await client.postForm(`/sv/events/registration/${a.manageToken}/seats`, '', { seats: '3' });
    assert.match(String(more.headers.location), /done=seatsFull/);
    const fewer = await client.postForm(`/sv/events/registration/${a.manageToken}/seats`, '', { seats: '1' });
    assert.match(String(fewer.headers.location), /done=seats$/);
    assert.equal(await statusOf('jon@example.org', event.id), 'offered');
    const seats = await db
      .selectFrom('events')
      .select('seats_taken')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    assert.equal(seats.seats_taken, 4);
  });

  it('reminds confirmed people the day before, once', async () => {
    const soon = await createEvent(db, {
      startsAt: new Date(Date.now() + 20 * 3_600_000),
      title: 'After work i Uppsala',
    });
    const later = await createEvent(db, { startsAt: new Date(Date.now() + 5 * 86_400_000) });
    await createRegistration(db, soon.id, { email: 'kim@example.org' });
    await createRegistration(db, soon.id, { email: 'lo@example.org', status: 'waiting' });
    await createRegistration(db, later.id, { email: 'mo@example.org' });
    await sendReminders(deps);
    await sendReminders(deps);
    const kim = await mailsTo('kim@example.org');
    assert.equal(kim.length, 1);
    assert.equal(kim[0]!.subject, 'Påminnelse: After work i Uppsala i morgon');
    assert.match(textOf(kim[0]!), /LT1-/);
    assert.match(textOf(kim[0]!), /Kulturhuset, Storgatan 1, 791 00 Falun/);
    assert.equal((await mailsTo('lo@example.org')).length, 0);
    assert.equal((await mailsTo('mo@example.org')).length, 0);
  });
});
