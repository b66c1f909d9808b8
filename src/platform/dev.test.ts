import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  devEnvironment,
  restartsOn,
  WebSupervisor,
  withDotEnv,
  type SupervisorEvent,
  type Watch,
} from './dev.ts';

/** A web process that exits when told to (or, with `stubborn`, only on SIGKILL). */
class FakeChild extends EventEmitter {
  signals: string[] = [];
  running = true;
  constructor(
    readonly pid: number,
    private readonly stubborn = false,
  ) {
    super();
  }
  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.signals.push(signal);
    if (this.running && (!this.stubborn || signal === 'SIGKILL')) setImmediate(() => this.exit(null, signal));
    return true;
  }
  exit(code: number | null, signal: NodeJS.Signals | null = null): void {
    this.running = false;
    this.emit('exit', code, signal);
  }
}

/** A supervisor over fake children and a watcher the test fires by hand. */
function harness(options: { stubborn?: boolean } = {}) {
  const listeners = new Map<string, (file: string) => void>();
  let closed = 0;
  const watch: Watch = (dir, onChange) => {
    listeners.set(dir, onChange);
    return { close: () => void closed++ };
  };
  const children: FakeChild[] = [];
  const events: SupervisorEvent[] = [];
  const supervisor = new WebSupervisor({
    dirs: ['/app/src', '/app/migrations'],
    watch,
    start: () => {
      const child = new FakeChild(1000 + children.length, options.stubborn);
      children.push(child);
      return child;
    },
    log: (event) => events.push(event),
    debounceMs: 0,
    killAfterMs: 10,
  });
  const change = (dir: string, file: string) => listeners.get(dir)?.(file);
  return { supervisor, children, events, change, closed: () => closed };
}

const waitFor = async (test: () => boolean) => {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(test());
};

describe('npm run dev: the web process', () => {
  it('is started once, and started again (the old one stopped first) when a source file changes', async () => {
    const { supervisor, children, events, change } = harness();
    supervisor.start();
    assert.equal(children.length, 1);
    change('/app/src', 'modules/jobs/views.ts');
    await waitFor(() => children.length === 2);
    assert.deepEqual(children[0]?.signals, ['SIGTERM']);
    assert.equal(children[0]?.running, false);
    assert.equal(supervisor.current, children[1]);
    assert.equal(supervisor.restarts, 1);
    assert.deepEqual(events, [
      { kind: 'started', pid: 1000 },
      { kind: 'restarting', file: '/app/src/modules/jobs/views.ts' },
      { kind: 'started', pid: 1001 },
    ]);
    await supervisor.stop();
  });

  it('restarts for a new migration, and once for a burst of changes', async () => {
    const { supervisor, children, change } = harness();
    supervisor.start();
    change('/app/migrations', '0099_more.sql');
    change('/app/src', 'a.ts');
    change('/app/src', 'b.ts');
    await waitFor(() => children.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(children.length, 2);
    await supervisor.stop();
  });

  it('is not restarted for tests, editor files or dotfiles', async () => {
    assert.equal(restartsOn('src/modules/jobs/views.ts'), true);
    assert.equal(restartsOn('migrations/0016_x.sql'), true);
    assert.equal(restartsOn('public/site.css'), true);
    assert.equal(restartsOn('src/platform/dev.test.ts'), false);
    assert.equal(restartsOn('test/e2e/x.e2e.ts'), false);
    assert.equal(restartsOn('src/.views.ts.swp'), false);
    assert.equal(restartsOn('src/views.ts~'), false);
    assert.equal(restartsOn('src/4913'), false);
    const { supervisor, children, change } = harness();
    supervisor.start();
    change('/app/src', 'platform/dev.test.ts');
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(children.length, 1);
    await supervisor.stop();
  });

  it('that crashed is reported and started again on the next change', async () => {
    const { supervisor, children, events, change } = harness();
    supervisor.start();
    children[0]?.exit(1);
    assert.deepEqual(events.at(-1), { kind: 'exited', code: 1, signal: null });
    assert.equal(supervisor.current, undefined);
    change('/app/src', 'app.ts');
    await waitFor(() => children.length === 2);
    assert.equal(supervisor.current, children[1]);
    await supervisor.stop();
  });

  it('that ignores SIGTERM is killed', async () => {
    const { supervisor, children, change } = harness({ stubborn: true });
    supervisor.start();
    change('/app/src', 'app.ts');
    await waitFor(() => children.length === 2);
    assert.deepEqual(children[0]?.signals, ['SIGTERM', 'SIGKILL']);
    await supervisor.stop();
  });

  it('is stopped with the watchers when dev mode ends, and never started again', async () => {
    const { supervisor, children, events, change, closed } = harness();
    supervisor.start();
    await supervisor.stop();
    assert.equal(children[0]?.running, false);
    assert.equal(closed(), 2);
    change('/app/src', 'app.ts');
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(children.length, 1);
    // Stopped on purpose: not reported as a crash.
    assert.equal(
      events.some((e) => e.kind === 'exited'),
      false,
    );
  });
});

describe('npm run dev and a .env file', () => {
  // Found by a developer trying Lotsa for the first time: they copied .env.example to .env, set
  // PORT there, and `npm run dev` started on 3000 anyway.
  it('reads .env copied from .env.example; the real environment wins over it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-dotenv-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, '# PORT=3000\nPORT=3101\nLOG_LEVEL=debug\nMAIL_FROM="Lotsa <no-reply@x.example>"\n');
    const { env, read } = withDotEnv(file, { LOG_LEVEL: 'warn', PATH: '/usr/bin' });
    assert.equal(read, true);
    assert.equal(env.PORT, '3101');
    assert.equal(env.LOG_LEVEL, 'warn', 'a variable set in the shell is not overridden');
    assert.equal(env.MAIL_FROM, 'Lotsa <no-reply@x.example>');
    assert.equal(env.PATH, '/usr/bin');
  });

  it('runs without one', () => {
    const given = { PORT: '3000' };
    const { env, read } = withDotEnv(path.join(os.tmpdir(), 'lotsa-no-such-dir', '.env'), given);
    assert.equal(read, false);
    assert.deepEqual(env, given);
  });
});

describe('npm run dev on a shared network', () => {
  it('listens on loopback only, unless HOST asks for more', () => {
    assert.equal(devEnvironment({}, true).HOST, '127.0.0.1');
    assert.equal(devEnvironment({ HOST: '' }, false).HOST, '127.0.0.1');
    assert.equal(devEnvironment({ HOST: '0.0.0.0' }, true).HOST, '0.0.0.0');
    assert.equal(devEnvironment({}, true).LOG_FORMAT, 'pretty');
    assert.equal(devEnvironment({}, false).LOG_FORMAT, 'json');
  });
});
