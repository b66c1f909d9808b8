#!/usr/bin/env node
// Entry point for `npm start` and `npx lotsa …`. Runs the compiled dist/ (`npm run build`) when it is
// built and up to date with src/, else the TypeScript sources through tsx (so `npm ci && npm start`
// works without a build step).
import { distIsCurrent } from './dist.js';

if (distIsCurrent()) {
  await import('../dist/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
