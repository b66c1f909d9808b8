/** A real SMTP server on loopback that keeps what it receives, for reading mail back in tests. */
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export async function startSmtpServer(): Promise<{ url: string; received: ReceivedMail[] }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${port}`, received };
}

/** Decodes quoted-printable text (a body, or a whole message) enough to read it in assertions. */
export function decodeQuotedPrintable(text: string): string {
  return Buffer.from(
    text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

/** The text/plain leaf of a multipart body (with its own headers), or undefined. */
function plainPart(head: string, body: string): { head: string; body: string } | undefined {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  if (!boundary) return undefined;
  for (const piece of body.split(`--${boundary}`).slice(1)) {
    if (piece.startsWith('--')) break;
    const part = piece.replace(/^\r?\n/, '');
    const split = part.search(/\r?\n\r?\n/);
    const partHead = part.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    const partBody = part.slice(split).trim();
    const nested = plainPart(partHead, partBody);
    if (nested) return nested;
    if (/^content-type: *text\/plain/im.test(partHead)) return { head: partHead, body: partBody };
  }
  return undefined;
}

/**
 * Headers and the decoded text body of a received message: a single-part one's body, or the
 * text/plain part of a multipart one (a mail with an .ics attached).
 */
export function readMail(mail: ReceivedMail): { subject: string; language: string; text: string } {
  const split = mail.raw.search(/\r?\n\r?\n/);
  const mailHead = mail.raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const mailBody = mail.raw.slice(split).trim();
  const part = /^content-type: *multipart\//im.test(mailHead) ? plainPart(mailHead, mailBody) : undefined;
  const head = mailHead;
  const body = part?.body ?? mailBody;
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
  const partHeader = (name: string) =>
    part ? (new RegExp(`^${name}: (.*)$`, 'mi').exec(part.head)?.[1] ?? '') : header(name);
  const words = (s: string) =>
    s
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' ')),
      );
  const encoding = partHeader('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { subject: words(header('Subject')), language: header('Content-Language'), text };
}

/**
 * Waits for the mail queued so far to be sent (the task queue run until it is empty), then returns
 * the newest message to `address`; fails the test when none came.
 */
export async function newestMailTo(
  smtp: { received: ReceivedMail[] },
  queue: { drain(): Promise<unknown> },
  address: string,
): Promise<ReceivedMail> {
  await queue.drain();
  const mail = smtp.received.filter((m) => m.to.includes(address)).at(-1);
  assert.ok(mail, `an e-mail to ${address}`);
  return mail;
}

/** The first match of `link` (a pattern of the URL) in a mail's text; fails the test when there is none. */
export function linkIn(text: string, link: RegExp): RegExpExecArray {
  const match = link.exec(text);
  assert.ok(match, `the e-mail holds a link like ${link}`);
  return match;
}
