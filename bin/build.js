#!/usr/bin/env node
// `npm run build`: compiles src/ into dist/ with tsc (relative `.ts` imports rewritten to `.js`) and
// copies the data files beside the modules that read them, so `npm start` runs without a TypeScript
// compiler. dist/ has src/'s depth, so `../../../migrations` and `public/` resolve as from src/.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { builtStamp, distDir, root } from './dist.js';

const started = new Date(); // a source saved during the build is newer than the stamp
rmSync(distDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
cpSync(path.join(root, 'src'), distDir, {
  recursive: true,
  filter: (source) => !source.endsWith('.ts'),
});
writeFileSync(builtStamp, `${started.toISOString()}\n`);
utimesSync(builtStamp, started, started);
console.log(`built ${path.relative(root, distDir)}/`);
