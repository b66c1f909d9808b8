/**
 * Development mode (`npm run dev`, entry `src/dev.ts`): one long-lived parent that owns the database
 * (the embedded PostgreSQL, started once) and a web process it starts again whenever a file under
 * src/, migrations/ or public/ changes. The web process is an ordinary `lotsa serve` given the
 * database by DATABASE_URL, so a restart costs the web process's start-up, never the database's.
 *
 * The restart logic takes its watcher and its way of starting a child as arguments, so tests drive
 * it with fakes.
 */
import { watch as fsWatch, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** Watches a directory tree and calls `onChange` with a changed file's path, relative to `dir`. */
/**
 * The environment `npm run dev` gives itself and its web process: readable logs on a terminal, and
 * the loopback interface unless HOST says otherwise, so a development server (its demo data, its
 * database copy) is not open to everyone on the same café or office network.
 */
export function devEnvironment(env: NodeJS.ProcessEnv, terminal: boolean): NodeJS.ProcessEnv {
  return {
    ...env,
    HOST: env.HOST?.trim() || '127.0.0.1',
    LOG_FORMAT: env.LOG_FORMAT || (terminal ? 'pretty' : 'json'),
  };
}

export type Watch = (dir: string, onChange: (file: string) => void) => { close(): void };

/** What the supervisor needs of a running web process. */
export interface WebChild {
  readonly pid?: number | undefined;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

export type SupervisorEvent =
  | { kind: 'started'; pid: number | undefined }
  | { kind: 'restarting'; file: string }
  /** The web process ended by itself (a crash, a bad edit): it starts again on the next change. */
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null };

export interface SupervisorOptions {
  /** Directories to watch (absolute). */
  dirs: readonly string[];
  watch?: Watch;
  /** Starts a web process. */
  start: () => WebChild;
  log: (event: SupervisorEvent) => void;
  /** Changes that come together (an editor saving several files, a git checkout) restart once. */
  debounceMs?: number;
  /** A web process that has not stopped this long after SIGTERM is killed. */
  killAfterMs?: number;
}

/** Files whose change restarts the web process: sources, SQL, assets, messages; never tests. */
export function restartsOn(file: string): boolean {
  const name = path.basename(file);
  if (name.startsWith('.') || name.endsWith('~') || /\.(test|e2e)\.ts$/.test(name)) return false;
  return /\.(ts|js|mjs|json|sql|css|svg|png|ico|webmanifest|txt|woff2?)$/.test(name);
}

/** Node's recursive fs.watch (Linux included from Node 20). */
export const watchTree: Watch = (dir, onChange) => {
  const watcher = fsWatch(dir, { recursive: true }, (_event, file) => {
    if (file) onChange(file.toString());
  });
  watcher.on('error', () => {}); // a directory removed under it: nothing to restart for
  return watcher;
};

export class WebSupervisor {
  private child: WebChild | undefined;
  private exited: Promise<void> = Promise.resolve();
  private watchers: { close(): void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private changedFile: string | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  /** How many times the web process was started again after a change. */
  restarts = 0;

  constructor(private readonly options: SupervisorOptions) {}

  /** Starts the web process and begins watching. */
  start(): void {
    const watch = this.options.watch ?? watchTree;
    for (const dir of this.options.dirs) {
      this.watchers.push(watch(dir, (file) => this.changed(path.join(dir, file))));
    }
    this.spawn();
  }

  /** The running web process, if any. */
  get current(): WebChild | undefined {
    return this.child;
  }

  /** A file changed: restart (once for a burst of changes) when it is one that matters. */
  changed(file: string): void {
    if (this.stopped || !restartsOn(file)) return;
    this.changedFile = file;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.restart(), this.options.debounceMs ?? 150);
  }

  /** Stops the web process (if running) and starts a new one; restarts never overlap. */
  restart(): Promise<void> {
    clearTimeout(this.timer);
    const file = this.changedFile ?? '';
    this.changedFile = undefined;
    this.queue = this.queue.then(async () => {
      if (this.stopped) return;
      this.options.log({ kind: 'restarting', file });
      await this.stopChild();
      if (this.stopped) return;
      this.spawn();
      this.restarts++;
    });
    return this.queue;
  }

  /** Stops watching and stops the web process; resolves once it has exited. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    await this.queue;
    await this.stopChild();
  }

  private spawn(): void {
    const child = this.options.start();
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        // Stopped by us (a restart or the end): `child` is no longer current, nothing to report.
        if (this.child === child) {
          this.child = undefined;
          this.options.log({ kind: 'exited', code, signal });
        }
        resolve();
      });
    });
    this.options.log({ kind: 'started', pid: child.pid });
  }

  private async stopChild(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = this.exited;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), this.options.killAfterMs ?? 5000);
    await exited;
    clearTimeout(killer);
  }
}

/**
 * The environment `npm run dev` runs with: the variables of `file` (a `.env` copied from
 * .env.example), where the process's own environment does not set them. Without the file, the
 * environment as it is. `npm start` and the systemd units read only the process's environment.
 */
export function withDotEnv(file: string, env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; read: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { env, read: false };
    throw error;
  }
  return { env: { ...parseEnv(text), ...env }, read: true };
}
