#!/usr/bin/env node
// Entry point for `npm start` and `npx lotsa …`. Runs the compiled dist/ (`npm run build`) when it is
// built and up to date with src/, else the TypeScript sources through tsx (so `npm ci && npm start`
// works without a build step).
import { existsSync } from 'node:fs';
import { builtStamp, distIsCurrent } from './dist.js';

if (distIsCurrent()) {
  await import('../dist/main.js');
} else {
  if (existsSync(builtStamp)) {
    process.stderr.write(
      'lotsa: dist/ is older than src/, so the sources run through tsx (npm run build updates it)\n',
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
