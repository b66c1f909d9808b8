/**
 * Structured logs (pino, JSON lines on stdout). Secrets and personal data are redacted: cookies,
 * authorization headers, form bodies and e-mail addresses never reach the log.
 */
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'lotsa' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
          'body',
          'email',
          'password',
          'token',
          '*.email',
          '*.password',
          '*.token',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
