/**
 * Structured logs (pino, JSON lines on stdout). Secrets and personal data are redacted: cookies,
 * authorization headers, form bodies and e-mail addresses never reach the log.
 *
 * Every request writes one line, so a line has to be cheap:
 * - The destination is asynchronous and buffered: lines collect in memory and go out in one write
 *   of at least `LOG_BUFFER_BYTES` (or after `LOG_FLUSH_MS` at the latest), off the event loop. On
 *   exit, however it comes (a shutdown, `process.exit`, an uncaught error), what is buffered is
 *   written synchronously first (pino's exit hook; `flushLogs` on a graceful shutdown).
 * - Redaction is one pass over the logged object's own keys, decided by set look-ups built once,
 *   that copies the object only when something in it has to be hidden. (pino's `redact` option with
 *   `*.email`-style paths ran its redactor, parsing every path again, on every field of every line.)
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogFormat, LogLevel } from './config.ts';

export const CENSOR = '[redacted]';
/** Bytes a buffered destination collects before it writes. */
export const LOG_BUFFER_BYTES = 4096;
/** The longest a line waits in the buffer when the log is quiet. */
export const LOG_FLUSH_MS = 1000;

/** Keys hidden wherever they appear at the top of a log object. */
const TOP_LEVEL = new Set(['body', 'email', 'password', 'token']);
/** Keys hidden one level down too (`{ account: { email } }`). */
const NESTED = ['email', 'password', 'token'] as const;
/** Headers hidden in a logged `req` / `res`. */
const HEADERS: Record<string, readonly string[]> = {
  req: ['cookie', 'authorization'],
  res: ['set-cookie'],
};

type Fields = Record<string, unknown>;

/** `value` with the `keys` it has replaced by the censor; `value` itself when it has none of them. */
function censorKeys(value: Fields, keys: readonly string[]): Fields {
  let copy: Fields | undefined;
  for (const key of keys) {
    if (Object.hasOwn(value, key) && value[key] !== undefined) {
      copy ??= { ...value };
      copy[key] = CENSOR;
    }
  }
  return copy ?? value;
}

/** One field's value as it may be logged: `value` itself unless something in it is hidden. */
function redactField(key: string, value: unknown): unknown {
  if (TOP_LEVEL.has(key)) return CENSOR;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const original = value as Fields;
  let fields = censorKeys(original, NESTED);
  const headerKeys = HEADERS[key];
  const headers = fields.headers;
  if (headerKeys && typeof headers === 'object' && headers !== null) {
    const redacted = censorKeys(headers as Fields, headerKeys);
    if (redacted !== headers) fields = { ...fields, headers: redacted };
  }
  if (fields === original) return value;
  if (!(value instanceof Error)) return fields;
  // A copy of the error (same type, message and stack, for pino's error serialiser) with the field hidden.
  const error = Object.create(
    Object.getPrototypeOf(value),
    Object.getOwnPropertyDescriptors(value),
  ) as Fields;
  for (const name of NESTED) {
    if (fields[name] !== original[name]) {
      Object.defineProperty(error, name, {
        value: CENSOR,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return error;
}

/** The log object without secrets: the same object when it holds none (the usual case). */
export function redact(fields: Fields): Fields {
  let copy: Fields | undefined;
  for (const key in fields) {
    if (!Object.hasOwn(fields, key)) continue;
    const value = fields[key];
    if (value === undefined) continue;
    const redacted = redactField(key, value);
    if (redacted !== value) {
      copy ??= { ...fields };
      copy[key] = redacted;
    }
  }
  return copy ?? fields;
}

/**
 * The production destination: `dest` (stdout by default) written asynchronously in batches. Lines
 * still buffered when the process exits are written synchronously by pino's exit hook.
 */
export function logDestination(dest: number | string = 1): pino.DestinationStream {
  return pino.destination({ dest, sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS });
}

/**
 * pino's ISO time field, the string made once per millisecond: under load many lines share one
 * (`new Date().toISOString()` was about a third of the cost of a request's line).
 */
function isoTime(): () => string {
  let lastMs = -1;
  let field = '';
  return () => {
    const now = Date.now();
    if (now !== lastMs) {
      lastMs = now;
      field = `,"time":"${new Date(now).toISOString()}"`;
    }
    return field;
  };
}

export function createLogger(level: LogLevel, destination: DestinationStream = logDestination()): Logger {
  return pino(
    {
      level,
      base: { service: 'lotsa' },
      timestamp: isoTime(),
      // Top-level keys (of log objects and of child loggers' bindings) by pino's look-up per key;
      // anything deeper by `redact`. No wildcard path: pino would run it on every field.
      redact: { paths: [...TOP_LEVEL], censor: CENSOR },
      formatters: { log: redact },
    },
    destination,
  );
}

/** pino's numeric levels as words, each with its ANSI colour. */
const LEVEL_WORDS: Record<number, readonly [word: string, colour: string]> = {
  10: ['TRACE', '90'],
  20: ['DEBUG', '36'],
  30: ['INFO', '32'],
  40: ['WARN', '33'],
  50: ['ERROR', '31'],
  60: ['FATAL', '35'],
};

/** Fields the readable line shows in its own places (the rest follow as key=value). */
const SHOWN = new Set([
  'time',
  'level',
  'msg',
  'service',
  'reqId',
  'method',
  'url',
  'route',
  'status',
  'ms',
  'err',
]);

const two = (n: number) => String(n).padStart(2, '0');

/** 13:04:05.123 in the machine's time zone, from pino's ISO time. */
function clockTime(iso: unknown): string {
  const date = new Date(typeof iso === 'string' || typeof iso === 'number' ? iso : Date.now());
  if (Number.isNaN(date.getTime())) return String(iso);
  const ms = String(date.getMilliseconds()).padStart(3, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${ms}`;
}

/** A value as it reads in a line: bare when plain printable ASCII, else JSON (escapes included). */
function fieldText(value: unknown): string {
  return typeof value === 'string' && /^[!#-<>-~]+$/.test(value) ? value : JSON.stringify(value);
}

/**
 * One JSON log line as a person reads it in a terminal: time, the level as a word (coloured when
 * `colour`), the message, then a request's method, route, status, time taken and id, then any other
 * fields as key=value, and an error's stack on the lines below. A line that is not JSON (a banner
 * printed with `process.stdout.write`) comes back as it was.
 */
export function formatLogLine(line: string, colour: boolean): string {
  const text = line.endsWith('\n') ? line.slice(0, -1) : line;
  let fields: Fields;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return `${text}\n`;
    fields = parsed as Fields;
  } catch {
    return `${text}\n`;
  }
  const paint = (code: string, value: string) => (colour ? `\x1b[${code}m${value}\x1b[0m` : value);
  const [word, levelColour] = LEVEL_WORDS[Number(fields.level)] ?? [
    String(fields.level ?? 'LOG').toUpperCase(),
    '0',
  ];
  const parts = [
    paint('2', clockTime(fields.time)),
    paint(levelColour, word.padEnd(5)),
    // No control character from a message reaches the terminal (an escape sequence would act on it).
    String(fields.msg ?? '').replace(/\p{Cc}/gu, (c) => JSON.stringify(c).slice(1, -1)),
  ];
  for (const value of [fields.method, fields.url ?? fields.route]) {
    if (value !== undefined && value !== '') parts.push(fieldText(value));
  }
  if (fields.status !== undefined) {
    const status = Number(fields.status);
    parts.push(paint(status >= 500 ? '31' : status >= 400 ? '33' : '32', String(fields.status)));
  }
  if (fields.ms !== undefined) parts.push(`${fieldText(fields.ms)} ms`);
  if (fields.reqId !== undefined) parts.push(paint('2', `[${fieldText(fields.reqId)}]`));
  for (const key in fields) {
    if (!SHOWN.has(key)) parts.push(paint('2', `${key}=${fieldText(fields[key])}`));
  }
  let out = parts.filter((p) => p !== '').join(' ');
  const err = fields.err as Fields | undefined;
  if (err && typeof err === 'object') {
    const stack =
      typeof err.stack === 'string' ? err.stack : `${String(err.type ?? 'Error')}: ${String(err.message)}`;
    out += `\n${paint('31', stack.replace(/^/gm, '    '))}`;
  }
  return `${out}\n`;
}

/**
 * The destination for a person at a terminal (`LOG_FORMAT=pretty`, what `npm run dev` asks for on a
 * terminal): each line formatted by `formatLogLine` and written at once, coloured when `out` is a
 * terminal. Production keeps JSON (`logDestination`).
 */
export function prettyDestination(
  out: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
): DestinationStream {
  const colour = out.isTTY === true;
  return { write: (line: string) => void out.write(formatLogLine(line, colour)) };
}

/** The destination a format asks for: JSON lines in batches, or readable lines for a terminal. */
export function destinationFor(format: LogFormat): DestinationStream {
  return format === 'pretty' ? prettyDestination() : logDestination();
}

/** Writes out what the logger still buffers; resolves once it is written (for a graceful shutdown). */
export function flushLogs(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
