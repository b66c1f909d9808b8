import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CENSOR, createLogger, formatLogLine, prettyDestination } from './logging.ts';

/** A logger writing into an array of parsed lines. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('debug', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { logger, lines };
}

describe('log lines', () => {
  it('a request line keeps its fields as they are', () => {
    const { logger, lines } = memoryLogger();
    const fields = { reqId: 'abc12345', method: 'GET', route: '/:lang/jobs', status: 200, ms: 3 };
    logger.info(fields, 'request');
    assert.equal(lines.length, 1);
    assert.deepEqual(
      { ...lines[0], time: undefined },
      {
        level: 30,
        time: undefined,
        service: 'lotsa',
        ...fields,
        msg: 'request',
      },
    );
    assert.match(String(lines[0]?.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('cookies, authorization headers, form bodies, e-mail addresses, passwords and tokens never reach the log', () => {
    const { logger, lines } = memoryLogger();
    const fields = {
      email: 'anna@example.se',
      body: { _csrf: 'x', message: 'hej' },
      password: 'hunter2',
      account: { id: 7, email: 'anna@example.se', token: 't0k3n' },
      req: {
        method: 'POST',
        headers: { cookie: 'lotsa_session=s3cr3t', authorization: 'Bearer abc', host: 'h' },
      },
      res: { statusCode: 200, headers: { 'set-cookie': 'lotsa_session=s3cr3t' } },
      err: Object.assign(new Error('sending failed'), { code: 'EMAIL', password: 'hunter2' }),
    };
    logger.warn(fields, 'something');
    const text = JSON.stringify(lines);
    for (const secret of ['anna@example.se', 'hej', 'hunter2', 't0k3n', 's3cr3t', 'Bearer abc']) {
      assert.ok(!text.includes(secret), `${secret} is in the log: ${text}`);
    }
    const line = lines[0] as Record<string, Record<string, unknown>>;
    assert.equal(line.email, CENSOR);
    assert.equal(line.body, CENSOR);
    assert.deepEqual(line.account, { id: 7, email: CENSOR, token: CENSOR });
    assert.deepEqual(line.req, {
      method: 'POST',
      headers: { cookie: CENSOR, authorization: CENSOR, host: 'h' },
    });
    assert.deepEqual(line.res?.headers, { 'set-cookie': CENSOR });
    // The error keeps what an operator needs.
    assert.equal(line.err?.message, 'sending failed');
    assert.equal(line.err?.code, 'EMAIL');
    assert.equal(line.err?.type, 'Error');
    assert.match(String(line.err?.stack), /sending failed/);
    // What was logged is left as it was.
    assert.equal(fields.account.email, 'anna@example.se');
    assert.equal(fields.req.headers.cookie, 'lotsa_session=s3cr3t');
    assert.equal(fields.err.password, 'hunter2');
  });

  it("a child logger's bindings are redacted too", () => {
    const { logger, lines } = memoryLogger();
    logger.child({ component: 'mail', email: 'anna@example.se' }).info('mail sent');
    assert.equal(lines[0]?.component, 'mail');
    assert.equal(lines[0]?.email, CENSOR);
  });
});

describe('the buffered log destination', () => {
  const logging = fileURLToPath(new URL('./logging.ts', import.meta.url));

  /** Runs a process that logs `count` request lines to stdout, then ends as `how` says. */
  const run = (how: 'exit' | 'throw' | 'fatal' | 'flush' | 'quiet', count: number) =>
    new Promise<{ lines: Record<string, unknown>[]; code: number | null }>((resolve, reject) => {
      const script = `
        import { createLogger, flushLogs } from ${JSON.stringify(logging)};
        const logger = createLogger('info');
        for (let i = 1; i <= ${count}; i++) logger.info({ reqId: 'r' + i, method: 'GET', status: 200, ms: 1 }, 'request');
        const how = ${JSON.stringify(how)};
        if (how === 'exit') process.exit(0);
        if (how === 'throw') throw new Error('fatal error');
        if (how === 'fatal') { logger.fatal('giving up'); process.exit(1); }
        if (how === 'flush') await flushLogs(logger).then(() => process.exit(0));
        if (how === 'quiet') setTimeout(() => { process.stdout.write('{"mark":true}\\n'); setTimeout(() => process.exit(0), 50); }, 1500);
      `;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        const lines = out
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        resolve({ lines, code });
      });
    });

  const requestIds = (lines: Record<string, unknown>[]) =>
    lines.filter((l) => l.msg === 'request').map((l) => l.reqId);
  const expected = (count: number) => Array.from({ length: count }, (_, i) => `r${i + 1}`);

  it('writes every line, in order, when the process exits right after logging', async () => {
    const { lines, code } = await run('exit', 20_000);
    assert.equal(code, 0);
    assert.deepEqual(requestIds(lines), expected(20_000));
  });

  it('writes every line when the process dies of an uncaught error', async () => {
    const { lines, code } = await run('throw', 5_000);
    assert.equal(code, 1);
    assert.deepEqual(requestIds(lines), expected(5_000));
  });

  it('writes every line and the fatal one when the process gives up', async () => {
    const { lines, code } = await run('fatal', 5_000);
    assert.equal(code, 1);
    assert.deepEqual(requestIds(lines), expected(5_000));
    assert.equal(lines.at(-1)?.msg, 'giving up');
  });

  it('flushLogs writes out the buffer on a graceful shutdown', async () => {
    const { lines, code } = await run('flush', 3);
    assert.equal(code, 0);
    assert.deepEqual(requestIds(lines), expected(3));
  });

  it('a line on a quiet server is written within a second, not held until the buffer fills', async () => {
    const { lines } = await run('quiet', 1);
    // The process's own mark comes after the line: the line did not wait for the exit.
    assert.deepEqual(
      lines.map((l) => l.reqId ?? (l.mark ? 'mark' : '?')),
      ['r1', 'mark'],
    );
  });
});

describe('readable logs for a terminal (LOG_FORMAT=pretty)', () => {
  const plain = (line: string) => formatLogLine(line, false);
  const time = new Date(2026, 0, 2, 13, 4, 5, 67).toISOString();

  it('a request line reads as time, level, message, method, route, status, time taken and request id', () => {
    const line = JSON.stringify({
      level: 30,
      time,
      service: 'lotsa',
      reqId: 'abc12345',
      method: 'GET',
      route: '/:lang/jobs',
      status: 200,
      ms: 3,
      msg: 'request',
    });
    assert.equal(plain(line), '13:04:05.067 INFO  request GET /:lang/jobs 200 3 ms [abc12345]\n');
  });

  it('other fields follow as key=value, and an error brings its stack on the lines below', () => {
    const err = { type: 'Error', message: 'boom', stack: 'Error: boom\n    at x (a.ts:1:1)' };
    const line = JSON.stringify({
      level: 50,
      time,
      component: 'tasks',
      task: 'mail send',
      err,
      msg: 'task failed',
    });
    assert.equal(
      plain(line),
      '13:04:05.067 ERROR task failed component=tasks task="mail send"\n    Error: boom\n        at x (a.ts:1:1)\n',
    );
  });

  it('colours the level word and the status on a terminal, and leaves text that is not JSON as it was', () => {
    const line = JSON.stringify({
      level: 40,
      time,
      method: 'POST',
      url: '/sv/login',
      status: 429,
      ms: 1,
      msg: 'request',
    });
    const coloured = formatLogLine(line, true);
    assert.ok(coloured.includes('\x1b[33mWARN \x1b[0m'), coloured);
    assert.ok(coloured.includes('\x1b[33m429\x1b[0m'), coloured);
    assert.equal(plain(line).includes('\x1b'), false);
    assert.equal(
      plain(
        JSON.stringify({
          level: 30,
          time,
          url: 'http://localhost:3000/',
          ms: 900,
          msg: 'Lotsa is listening',
        }),
      ),
      '13:04:05.067 INFO  Lotsa is listening http://localhost:3000/ 900 ms\n',
    );
    assert.equal(
      plain('Lotsa is running at http://localhost:3000/'),
      'Lotsa is running at http://localhost:3000/\n',
    );
  });

  it('lets no escape sequence from a message or a field through to the terminal', () => {
    const line = JSON.stringify({ level: 30, time, msg: 'a\x1b[2Jb', q: '\x1b[31mred' });
    const text = plain(line);
    assert.equal(text.includes('\x1b'), false, text);
    assert.equal(text, '13:04:05.067 INFO  a\\u001b[2Jb q="\\u001b[31mred"\n');
  });

  it('a logger on the readable destination writes readable lines, redacted as the JSON ones are', () => {
    let out = '';
    const logger = createLogger(
      'info',
      prettyDestination({ write: (chunk: string) => ((out += chunk), true) } as NodeJS.WritableStream),
    );
    logger.info({ email: 'anna@example.se', reqId: 'r1' }, 'signed in');
    assert.match(out, /^\d\d:\d\d:\d\d\.\d{3} INFO {2}signed in \[r1\] email=\[redacted\]\n$/);
  });
});
