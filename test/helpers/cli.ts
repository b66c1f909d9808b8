/**
 * Runs `lotsa` commands as an operator would (`node bin/lotsa.js …` in the project folder) against
 * a test's database, with a data directory of its own, and collects what they print.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A `lotsa(...args)` function: each call runs one command to its end. `env` adds to (or overrides)
 * DATABASE_URL, a fresh LOTSA_DATA_DIR and LOG_LEVEL=silent, on top of the test's own environment.
 */
export function lotsaCli(databaseUrl: string, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-cli-'));
  const lotsa = (...args: string[]) =>
    new Promise<CliRun>((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/lotsa.js', ...args], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          LOTSA_DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  return Object.assign(lotsa, { dataDir });
}
