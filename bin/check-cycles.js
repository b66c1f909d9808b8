#!/usr/bin/env node
// Fails (exit 1) when the relative imports of src/, test/, bench/, bin/ and scripts/ form a cycle,
// naming the files of each. Part of `npm run check`.   Usage: node bin/check-cycles.js [dir ...]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { findCycles, importGraph, sourceFiles } = await import('../scripts/import-graph.ts');
const root = fileURLToPath(new URL('..', import.meta.url));
const dirs = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['src', 'test', 'bench', 'bin', 'scripts'];
const files = dirs.flatMap((d) => sourceFiles(path.resolve(root, d)));
const cycles = findCycles(importGraph(files));
for (const cycle of cycles) {
  console.error(`import cycle of ${cycle.length} files:`);
  for (const file of cycle) console.error(`  ${path.relative(root, file)}`);
}
if (cycles.length) {
  console.error(`${cycles.length} import cycle(s) among ${files.length} files`);
  process.exit(1);
}
console.log(`no import cycles among ${files.length} files`);
