/**
 * An SMTP server on 127.0.0.1 that keeps nothing but who each message was for and when its last
 * byte arrived (performance.now()), for timing mail end to end. Closed at clean-up.
 */
import { SMTPServer } from 'smtp-server';
import { onCleanup } from './cleanup.ts';

export interface Arrival {
  to: string[];
  at: number;
}

export interface SmtpSink {
  url: string;
  arrivals: Arrival[];
  /** Resolves with the arrival time of the first message to `address` (rejects after `ms`). */
  arrivalFor(address: string, ms: number): Promise<number>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const arrivals: Arrival[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        arrivals.push({ to: session.envelope.rcptTo.map((r) => r.address), at: performance.now() });
        for (const check of waiting) check();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const close = onCleanup(
    `SMTP sink (port ${port})`,
    () => new Promise<void>((r) => server.close(() => r())),
  );
  const arrivalFor = (to: string, ms: number) =>
    new Promise<number>((resolve, reject) => {
      const check = () => {
        const found = arrivals.find((a) => a.to.includes(to));
        if (!found) return;
        waiting.delete(check);
        clearTimeout(timer);
        resolve(found.at);
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`no e-mail to ${to} within ${Math.round(ms / 1000)} s`));
      }, ms);
      waiting.add(check);
      check();
    });
  return { url: `smtp://127.0.0.1:${port}`, arrivals, arrivalFor, close };
}
