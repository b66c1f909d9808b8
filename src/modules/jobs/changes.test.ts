/**
 * Found by pressing Ctrl-C in `npm run dev`: the database stops with the terminal's signal, and the
 * web process's change listener printed a dozen lines of pg's stack in red. A lost listener is one
 * readable warning that says why (each reconnect while the database is away logs another).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pino from 'pino';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { JobChanges } from './changes.ts';

describe('the job change listener', async () => {
  const database = await createTestDatabase();
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
  const changes = new JobChanges(database.pool, logger);
  after(() => changes.stop());

  it('losing its connection is one line with the reason, not a stack trace, and drops the caches', async () => {
    await changes.start();
    const before = changes.version('dalarna');
    await database.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    const lost = () => lines.find((l) => l.msg === 'job change listener lost its connection; caches dropped');
    for (let i = 0; i < 100 && !lost(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const line = lost();
    assert.ok(line, 'a warning');
    assert.equal(typeof line.err, 'string');
    assert.match(String(line.err), /terminating connection/);
    assert.doesNotMatch(JSON.stringify(line), /\bat .*\.(ts|js):\d+/, 'no stack');
    assert.notEqual(changes.version('dalarna'), before);
  });
});
