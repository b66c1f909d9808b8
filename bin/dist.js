// Whether `dist/` (the output of `npm run build`) may run instead of the TypeScript sources: it must
// be complete (the build writes dist/.built last) and newer than every file and folder under src/
// and the tsconfig files. A folder's time changes when a file in it is added, removed or renamed.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const distDir = path.join(root, 'dist');
export const builtStamp = path.join(distDir, '.built');

/** The newest modification time (ms) of `dir` and everything under it, tests left out. */
function newest(dir) {
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (!entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

/** True when dist/ is built and up to date with the sources. */
export function distIsCurrent() {
  let built;
  try {
    built = statSync(builtStamp).mtimeMs;
  } catch {
    return false;
  }
  const inputs = ['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(path.join(root, f)).mtimeMs);
  return built >= Math.max(newest(path.join(root, 'src')), ...inputs);
}
