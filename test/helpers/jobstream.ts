/**
 * A local stand-in for JobStream: an HTTP server on 127.0.0.1 that replays the recorded responses
 * in test/fixtures/jobstream/ and can be scripted per request — a status with Retry-After, a body
 * cut off mid-array, a connection dropped mid-body, a delay.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';
import { stockholmLocalToDate, toStockholmLocal } from '../../src/modules/jobs/ingest/time.ts';

const FIXTURES = new URL('../fixtures/jobstream/', import.meta.url);

/** A fixture file, parsed (a fresh copy each call). */
export function fixture<T = Record<string, unknown>[]>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}

/** One ad of a fixture file by id. */
export function fixtureAd(name: string, id: string): Record<string, unknown> {
  const found = fixture(name).find((r) => String(r.id) === id);
  if (!found) throw new Error(`no ad ${id} in ${name}`);
  return found;
}

const DATE_FIELDS = ['publication_date', 'last_publication_date', 'application_deadline', 'removed_date'];

/** Moves every date of the records by `ms` (timestamps and the naive Stockholm date-times). */
export function shiftDates<T extends Record<string, unknown>>(records: T[], ms: number): T[] {
  return records.map((record) => {
    const out: Record<string, unknown> = { ...record };
    if (typeof out.timestamp === 'number') out.timestamp += ms;
    for (const field of DATE_FIELDS) {
      const value = out[field];
      if (typeof value !== 'string') continue;
      const date = stockholmLocalToDate(value);
      if (date) out[field] = toStockholmLocal(new Date(date.getTime() + ms));
    }
    return out as T;
  });
}

export interface ReplayStep {
  /** HTTP status (default 200). */
  status?: number;
  headers?: Record<string, string>;
  /** The body: a string is sent as is, anything else as JSON. */
  body?: unknown;
  /** A file in test/fixtures/jobstream/ to send as the body. */
  fixture?: string;
  /** Send only the first n bytes with Content-Length n: a complete HTTP response, cut-off JSON. */
  truncateAt?: number;
  /** Send n bytes of the body, then destroy the connection (it dies mid-body). */
  dropAfter?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Write the body in pieces of this many bytes, one per tick (exercises the streaming parser). */
  chunkSize?: number;
  /** Never end: open a JSON array, then send one space every this many milliseconds, forever. */
  trickleMs?: number;
}

export interface ReplayRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface JobStreamReplay {
  url: string;
  /** Every request received, in order. */
  requests: ReplayRequest[];
  /** Answers for the next requests to `path`, in order; then the path's default answers. */
  script(path: '/snapshot' | '/stream', ...steps: ReplayStep[]): void;
  /** The answer to `path` once its script is used up. */
  setDefault(path: '/snapshot' | '/stream', step: ReplayStep): void;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(res: ServerResponse, step: ReplayStep): Promise<void> {
  if (step.delayMs) await wait(step.delayMs);
  let body: Buffer;
  if (step.fixture) body = readFileSync(new URL(step.fixture, FIXTURES));
  else if (typeof step.body === 'string') body = Buffer.from(step.body);
  else if (step.body === undefined) body = Buffer.alloc(0);
  else body = Buffer.from(JSON.stringify(step.body));
  const status = step.status ?? 200;
  if (step.truncateAt !== undefined) body = body.subarray(0, step.truncateAt);
  const headers: Record<string, string | number> = { 'content-type': 'application/json', ...step.headers };
  if (step.trickleMs !== undefined) {
    res.writeHead(status, headers);
    res.write('[');
    for (;;) {
      await wait(step.trickleMs);
      if (res.destroyed || !res.socket || res.socket.destroyed) return;
      res.write(' ');
    }
  }
  if (step.dropAfter !== undefined) {
    // Promise the whole body, send part of it, then cut the connection.
    res.writeHead(status, { ...headers, 'content-length': body.length });
    res.write(body.subarray(0, step.dropAfter));
    await wait(20);
    res.socket?.destroy();
    return;
  }
  res.writeHead(status, { ...headers, 'content-length': body.length });
  if (!step.chunkSize) {
    res.end(body);
    return;
  }
  for (let i = 0; i < body.length; i += step.chunkSize) {
    res.write(body.subarray(i, i + step.chunkSize));
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

/** Starts the replay server (closed automatically when the test file ends). */
export async function startJobStreamReplay(
  defaults: { snapshot?: ReplayStep; stream?: ReplayStep } = {},
): Promise<JobStreamReplay> {
  const scripts = new Map<string, ReplayStep[]>([
    ['/snapshot', []],
    ['/stream', []],
  ]);
  const fallback = new Map<string, ReplayStep>([
    ['/snapshot', defaults.snapshot ?? { fixture: 'snapshot.json' }],
    ['/stream', defaults.stream ?? { body: [] }],
  ]);
  const requests: ReplayRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    const queue = scripts.get(url.pathname);
    if (!queue || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return;
    }
    const step = queue.shift() ?? (fallback.get(url.pathname) as ReplayStep);
    send(res, step).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  after(close);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (path, ...steps) => scripts.get(path)?.push(...steps),
    setDefault: (path, step) => void fallback.set(path, step),
    close,
  };
}
