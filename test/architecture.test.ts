/**
 * The shape the module contract promises: no import cycles anywhere, the platform imports no module,
 * and no module imports app.ts (modules receive what they need as ModuleDeps from the platform).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findCycles, importGraph, sourceFiles } from '../scripts/import-graph.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const graph = importGraph(
  ['src', 'test', 'bench', 'bin', 'scripts'].flatMap((d) => sourceFiles(path.join(root, d))),
);

describe('imports', () => {
  it('form no cycle', () => {
    assert.deepEqual(
      findCycles(graph).map((c) => c.map(rel)),
      [],
    );
  });

  it('the cycle finder finds a cycle, however long, and a file importing itself', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    assert.deepEqual(findCycles(g), [['a', 'b', 'c'], ['e']]);
  });

  it('the platform imports no module (tests of the platform aside)', () => {
    const offending = [...graph]
      .filter(([file]) => rel(file).startsWith('src/platform/') && !file.endsWith('.test.ts'))
      .flatMap(([file, targets]) =>
        targets.filter((t) => !rel(t).startsWith('src/platform/')).map((t) => `${rel(file)} → ${rel(t)}`),
      );
    assert.deepEqual(offending, []);
  });

  it('no module imports app.ts or runtime.ts', () => {
    const offending = [...graph]
      .filter(([file]) => rel(file).startsWith('src/modules/'))
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => ['src/app.ts', 'src/runtime.ts', 'src/main.ts'].includes(rel(t)))
          .map((t) => `${rel(file)} → ${rel(t)}`),
      );
    assert.deepEqual(offending, []);
  });
});
