/** Child processes and small HTTP helpers, all on 127.0.0.1. */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { onCleanup, withTimeout } from './cleanup.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export { freePort } from '../../src/platform/db/embedded.ts';

/** This process's environment with `changes` applied; an undefined value removes the variable. */
export function childEnv(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Resolves when `child` has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Sends `signal`, waits up to `ms` for the exit, then SIGKILLs. Returns false if it had to kill. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', ms = 20_000) {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  child.kill('SIGCONT'); // in case it was paused (a stopped process keeps other signals pending)
  child.kill(signal);
  try {
    await withTimeout(exited(child), ms, `stopping pid ${child.pid}`);
    return true;
  } catch {
    child.kill('SIGKILL');
    await exited(child);
    return false;
  }
}

export interface ChildServer {
  name: string;
  port: number;
  child: ChildProcess;
  /** The whole message the child sent when it was ready. */
  info: Record<string, unknown>;
  stop(): Promise<void>;
}

/**
 * Starts `bench/servers/<file>` in its own Node process (through tsx) and waits for it to report
 * `{ ready: port, … }` over IPC. The child exits by itself if this process goes away.
 */
export async function startServer(
  name: string,
  file: string,
  env: Record<string, string | undefined>,
  nodeArgs: string[] = [],
  readyWithinMs = 60_000,
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', fileURLToPath(new URL(`../servers/${file}`, import.meta.url))],
    { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'inherit', 'pipe', 'ipc'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.on('error', () => {}); // e.g. IPC to a child that has just exited; `exit` tells the rest
  const stop = onCleanup(`${name} server (pid ${child.pid})`, async () => {
    await stopChild(child);
  });
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.on('message', (message: { ready?: number; error?: string }) => {
      if (message.ready) resolve(message);
      if (message.error) reject(new Error(`${name} server failed: ${message.error}`));
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`${name} server exited (${code ?? signal}) before it was ready\n${stderr}`)),
    );
  });
  try {
    const info = await withTimeout(ready, readyWithinMs, `starting the ${name} server`);
    return { name, port: Number(info.ready), child, info, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as it came over the wire (still compressed, if it was). */
  body: Buffer;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The loopback address to send from (each address is its own client for rate limits). */
  localAddress?: string;
  timeoutMs?: number;
}

/**
 * One request to 127.0.0.1:`port`, with a Host header of localhost:`port` as a browser would send;
 * `ms` is the time to the whole answer.
 */
export function send(port: number, path: string, options: SendOptions = {}) {
  const { method = 'GET', headers = {}, body, localAddress, timeoutMs = 5000 } = options;
  return new Promise<RawResponse & { ms: number }>((resolve, reject) => {
    const started = performance.now();
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        localAddress,
        agent: false,
        headers: { host: `localhost:${port}`, ...length, ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** One GET to 127.0.0.1:`port`, with a Host header of localhost:`port`, as a browser would send. */
export function get(port: number, path: string, headers: Record<string, string> = {}, timeoutMs = 5000) {
  return send(port, path, { headers, timeoutMs });
}

/** Sends `message` to a child server and waits for a reply carrying `key` (or `error`). */
export function ask<T>(server: ChildServer, message: object, key: string, ms = 30_000): Promise<T> {
  const reply = new Promise<T>((resolve, reject) => {
    const listener = (answer: Record<string, unknown>) => {
      if (key in answer || 'error' in answer) {
        server.child.off('message', listener);
        if ('error' in answer) reject(new Error(String(answer.error)));
        else resolve(answer[key] as T);
      }
    };
    server.child.on('message', listener);
    if (!server.child.connected) {
      server.child.off('message', listener);
      reject(new Error(`${server.name} server has gone away`));
      return;
    }
    server.child.send(message, (error) => {
      if (!error) return;
      server.child.off('message', listener);
      reject(error);
    });
  });
  return withTimeout(reply, ms, `${server.name} server answering ${JSON.stringify(message)}`);
}
