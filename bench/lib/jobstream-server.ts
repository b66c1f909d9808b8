/**
 * A local stand-in for JobStream (`GET /snapshot`, `GET /stream`) on 127.0.0.1, in the runner's
 * process, for the ingestion benchmarks. Each path answers with what the benchmark set last: a file
 * (streamed from disk with its Content-Length, never read whole), a buffer, or a function of the
 * stream window asked for (`date` and `updated-before-date`, naive Stockholm local times, read as
 * the ingester writes them). Every request is recorded with the moment it arrived and the moment
 * its response was completely handed to the kernel (`finishedAt`, performance.now()), or that the
 * client went away first (`aborted`).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stockholmLocalToDate } from '../../src/modules/jobs/ingest/time.ts';
import { onCleanup } from './cleanup.ts';

export interface StreamWindowQuery {
  /** `date`: records with a timestamp at or after it (null when absent or unreadable). */
  from: Date | null;
  /** `updated-before-date`: records with a timestamp up to it. */
  to: Date | null;
  query: URLSearchParams;
}

export type JobStreamBody =
  { file: string } | { buffer: Buffer } | ((window: StreamWindowQuery) => Buffer | string);

export type JobStreamPath = '/snapshot' | '/stream';

export interface ServedRequest {
  path: string;
  query: URLSearchParams;
  status: number;
  /** performance.now() when the request arrived. */
  receivedAt: number;
  /** performance.now() when the whole response had been written. */
  finishedAt?: number;
  /** The connection closed before the response was complete (the client was killed). */
  aborted?: boolean;
  bytes: number;
}

export interface JobStreamServer {
  url: string;
  requests: ServedRequest[];
  set(path: JobStreamPath, body: JobStreamBody): void;
  /** Resolves with the next response to `path` that completes (or is aborted). */
  nextServed(path: JobStreamPath, timeoutMs?: number): Promise<ServedRequest>;
  close(): Promise<void>;
}

function windowOf(query: URLSearchParams): StreamWindowQuery {
  const read = (name: string) => {
    const value = query.get(name);
    return value ? stockholmLocalToDate(value) : null;
  };
  return { from: read('date'), to: read('updated-before-date'), query };
}

export async function startJobStreamServer(): Promise<JobStreamServer> {
  const bodies = new Map<string, JobStreamBody>([
    ['/snapshot', { buffer: Buffer.from('[]') }],
    ['/stream', { buffer: Buffer.from('[]') }],
  ]);
  const requests: ServedRequest[] = [];
  const waiting: { path: string; resolve: (r: ServedRequest) => void }[] = [];
  const settle = (record: ServedRequest) => {
    for (let i = 0; i < waiting.length; i++) {
      const w = waiting[i] as (typeof waiting)[number];
      if (w.path !== record.path) continue;
      waiting.splice(i, 1);
      w.resolve(record);
      return;
    }
  };

  const server = createServer((req, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: ServedRequest = {
      path: url.pathname,
      query: url.searchParams,
      status: 200,
      receivedAt: performance.now(),
      bytes: 0,
    };
    requests.push(record);
    const body = bodies.get(url.pathname);
    if (!body || req.method !== 'GET') {
      record.status = 404;
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return;
    }
    res.on('finish', () => {
      record.finishedAt = performance.now();
      settle(record);
    });
    res.on('close', () => {
      if (record.finishedAt !== undefined) return;
      record.aborted = true;
      settle(record);
    });
    try {
      if (typeof body === 'function' || 'buffer' in body) {
        const data =
          typeof body === 'function' ? body(windowOf(url.searchParams)) : (body as { buffer: Buffer }).buffer;
        const buffer = typeof data === 'string' ? Buffer.from(data) : data;
        record.bytes = buffer.length;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': buffer.length });
        res.end(buffer);
        return;
      }
      const size = statSync(body.file).size;
      record.bytes = size;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': size });
      const file = createReadStream(body.file, { highWaterMark: 256 * 1024 });
      file.on('error', () => res.destroy());
      res.on('close', () => file.destroy());
      file.pipe(res);
    } catch (error) {
      record.status = 500;
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  const close = onCleanup(`JobStream stand-in on port ${port}`, async () => {
    if (closed) return;
    closed = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    set: (path, body) => void bodies.set(path, body),
    nextServed: (path, timeoutMs = 600_000) =>
      new Promise<ServedRequest>((resolve, reject) => {
        const entry = {
          path,
          resolve: (r: ServedRequest) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          const i = waiting.indexOf(entry);
          if (i >= 0) waiting.splice(i, 1);
          reject(new Error(`no response to ${path} completed within ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs);
        timer.unref();
        waiting.push(entry);
      }),
    close,
  };
}
