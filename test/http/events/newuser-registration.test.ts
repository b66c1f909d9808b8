/**
 * A new user's review of registration (issue 17): what a person registering, changing, cancelling
 * or taking a freed seat sees, and what the organiser's statistics then say. Each test asserts the
 * right behaviour; the mails are read back from a real SMTP server on loopback.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser } from '../../helpers/events.ts';
import { decodeQuotedPrintable, readMail, startSmtpServer, type ReceivedMail } from '../../helpers/smtp.ts';

/** The leaf parts of a (multipart) message: content type and decoded body. */
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
const calendarsIn = (raw: string) =>
  partsOf(raw)
    .filter((p) => p.type === 'text/calendar')
    .map((p) => p.body);
const textOf = (raw: string) => partsOf(raw).find((p) => p.type === 'text/plain')?.body ?? '';

describe('events: a new user registers, changes and cancels', async () => {
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
    return { token, done: /done=(\w+)/.exec(String(res.headers.location))?.[1] };
  };
  const cancelOwn = async (lang: 'sv' | 'en', token: string) => {
    const res = await client.postForm(`/${lang}/events/registration/${token}/cancel`, '', {});
    assert.equal(res.statusCode, 303);
  };

  it('the confirmation mail counts the household in plain words: "2 personer" and "2 people", not "person(er)"', async () => {
    const event = await createEvent(db, { capacity: 30, title: 'After work i Uppsala' });
    await register('sv', event.slug, { name: 'Ana Sousa', email: 'ana.sv@example.pt', seats: '2' });
    await register('en', event.slug, { name: 'Ana Sousa', email: 'ana.en@example.pt', seats: '2' });
    const sv = { text: textOf((await mailsTo('ana.sv@example.pt'))[0]!.raw) };
    const en = { text: textOf((await mailsTo('ana.en@example.pt'))[0]!.raw) };
    // The personal page already says "Du är anmäld med 2 personer"; the mail should too.
    assert.doesNotMatch(sv.text, /person\(er\)/, sv.text);
    assert.match(sv.text, /2 personer/);
    assert.doesNotMatch(en.text, /person\(s\)/, en.text);
    assert.match(en.text, /2 people/);
  });

  it('someone who agreed to share their details with the exhibitors sees that on their page and can withdraw it', async () => {
    const event = await createEvent(db, { kind: 'fair', capacity: 100, title: 'Mässan i Malmö' });
    await addExhibitor(db, event.id, { stand: 'D14a' });
    const { token } = await register('en', event.slug, {
      name: 'Rui Costa',
      email: 'rui.share@example.pt',
      share: 'yes',
    });
    const page = await client.get(`/en/events/registration/${token}`);
    assert.equal(page.statusCode, 200);
    // The registration form asked "Share with the exhibitors"; the personal page (see, change or
    // cancel) says nothing about it and offers no way to take it back.
    assert.match(page.body, /exhibitor/i, 'the page says the exhibitors may see the details');
    assert.match(
      page.body,
      new RegExp(
        `<form[^>]*action="/en/events/registration/${token}/[a-z-]+"[^>]*>[\\s\\S]*?exhibitor[\\s\\S]*?</form>`,
        'i',
      ),
      'a form to stop sharing with the exhibitors',
    );
  });

  it('after cancelling, the person can ask for their details to be deleted, as the form’s privacy text promises', async () => {
    const event = await createEvent(db, { capacity: 30 });
    const form = await client.get(`/sv/events/${event.slug}/register`);
    assert.match(form.body, /raderas sex månader efter evenemanget, eller när du avbokar och ber om det/);
    const { token } = await register('sv', event.slug, { name: 'Lea Lind', email: 'lea.erase@example.org' });
    await cancelOwn('sv', token);
    const page = await client.get(`/sv/events/registration/${token}?done=cancelled`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /avbokad/i);
    assert.match(
      page.body,
      new RegExp(`<form[^>]*action="/sv/events/registration/${token}/[a-z-]+"`),
      'a form on the cancelled registration’s page',
    );
    assert.match(page.body, /[Rr]adera/, 'offering to delete the details');
  });

  it('cancelling (by the person or the organiser) sends a calendar update that removes the event the confirmation added', async () => {
    const event = await createEvent(db, { capacity: 30, title: 'Företagsbesök i Falun' });
    const own = await register('sv', event.slug, { name: 'Per Holm', email: 'per.ics@example.org' });
    const [confirmation] = await mailsTo('per.ics@example.org');
    const added = calendarsIn(confirmation!.raw);
    assert.equal(added.length, 1, 'the confirmation carries the .ics');
    const uid = new ICAL.Event(new ICAL.Component(ICAL.parse(added[0]!)).getFirstSubcomponent('vevent')!).uid;
    await cancelOwn('sv', own.token);
    const mails = await mailsTo('per.ics@example.org');
    assert.equal(mails.length, 2);
    const cancelled = calendarsIn(mails[1]!.raw);
    assert.equal(
      cancelled.length,
      1,
      `the cancellation mail carries an .ics too: ${readMail(mails[1]!).subject}`,
    );
    const comp = new ICAL.Component(ICAL.parse(cancelled[0]!));
    const vevent = comp.getFirstSubcomponent('vevent')!;
    assert.equal(new ICAL.Event(vevent).uid, uid, 'the same UID, so the calendar updates its entry');
    assert.ok(
      comp.getFirstPropertyValue('method') === 'CANCEL' ||
        vevent.getFirstPropertyValue('status') === 'CANCELLED',
      'the entry is cancelled',
    );

    // The event itself cancelled by the organiser: the same for everyone who had it in their calendar.
    const other = await createEvent(db, { capacity: 30, title: 'Mingel i Mora' });
    await register('en', other.slug, { name: 'Ana Sousa', email: 'ana.ics@example.pt' });
    const res = await client.postForm(`/admin/events/${other.id}/cancel`, organiser.cookie, {
      reason: 'The venue burned down.',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const anas = await mailsTo('ana.ics@example.pt');
    assert.equal(anas.length, 2);
    assert.match(readMail(anas[1]!).subject, /Cancelled/i);
    assert.equal(calendarsIn(anas[1]!.raw).length, 1, 'the event cancelled: an .ics that removes it');
  });

  it('the statistics count a freed seat that the next person on the waiting list took', async () => {
    const event = await createEvent(db, { capacity: 2, maxGroup: 2, title: 'Företagsbesök på stålverket' });
    const first = await register('sv', event.slug, {
      name: 'Per Holm',
      email: 'per.stats@example.org',
      seats: '2',
    });
    const next = await register('en', event.slug, { name: 'Lea Wait', email: 'lea.stats@example.de' });
    assert.equal(next.done, 'waiting');
    // Per comes alone after all: one seat is freed and offered to Lea, who takes it.
    const seats = await client.postForm(`/sv/events/registration/${first.token}/seats`, '', { seats: '1' });
    assert.equal(seats.statusCode, 303);
    await queue.drain();
    const accept = await client.postForm(`/en/events/registration/${next.token}/accept`, '', {});
    assert.equal(String(accept.headers.location), `/en/events/registration/${next.token}?done=accepted`);

    const stats = await client.get(`/admin/events/${event.id}/stats`, organiser.cookie);
    assert.equal(stats.statusCode, 200);
    const row = /Erbjudna platser som togs<\/(?:th|td|dt)>\s*<(?:td|dd)[^>]*>\s*(\d+)/.exec(stats.body);
    assert.ok(row, 'the row of offers taken');
    assert.equal(row[1], '1', 'Lea took the offered seat');
  });
  it('an online event’s page and mail do not ask the person to show a QR ticket at the entrance', async () => {
    const event = await createEvent(db, { locationKind: 'online', capacity: 300, title: 'Digital jobbdag' });
    const { token } = await register('en', event.slug, {
      name: 'Tina Talang',
      email: 'tina.online@example.org',
    });
    const page = await client.get(`/en/events/registration/${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Link to the event/);
    // There is no entrance online: "Your ticket – Show the QR code at the entrance, on your phone or printed".
    assert.doesNotMatch(page.body, /Show the QR code at the entrance/);
    const [mail] = await mailsTo('tina.online@example.org');
    assert.doesNotMatch(textOf(mail!.raw), /ticket code/i);
  });
});
