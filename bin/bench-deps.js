#!/usr/bin/env node
// Installs the tools only `npm run bench` uses (Lighthouse, chrome-launcher, autocannon) into
// bench/node_modules from bench/package-lock.json, when they are missing or older than the lockfile.
// They are kept out of the project's own package.json so that `npm ci` stays small for people who
// only run Lotsa. Code under bench/ (or a test that imports bench/parts/lighthouse.ts) finds them there.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = fileURLToPath(new URL('../bench/', import.meta.url));
const mtime = (file) => {
  try {
    return statSync(path.join(bench, file)).mtimeMs;
  } catch {
    return undefined;
  }
};
const installed = mtime('node_modules/.package-lock.json');
if (installed === undefined || installed < (mtime('package-lock.json') ?? 0)) {
  console.log('Installing the benchmark tools into bench/node_modules (npm ci --prefix bench) …');
  const args = ['ci', '--prefix', bench, '--no-audit', '--no-fund'];
  // Under `npm run`, the npm that runs us; else the one on PATH.
  const cli = process.env.npm_execpath;
  if (cli) execFileSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  else execFileSync('npm', args, { stdio: 'inherit' });
}
