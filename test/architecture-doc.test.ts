/**
 * docs/ARCHITECTURE.md's "How to add a module" is followed literally by whoever adds the next module:
 * its real example is the site module as it is, and the names it tells them to call exist.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const doc = read('docs/ARCHITECTURE.md');
const section = doc.slice(doc.indexOf('## How to add a module'), doc.indexOf('## Schemas'));

/** The fields given directly inside `defineModule({ … })` (two spaces in). */
const fieldsOf = (code: string) => [...code.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);

describe('How to add a module', () => {
  it("shows the site module's declaration with the fields it really has", () => {
    const example = /```ts\n(export const siteModule[\s\S]*?)```/.exec(section)?.[1] ?? '';
    const code = read('src/modules/site/module.ts');
    const declaration = code.slice(code.indexOf('export const siteModule'));
    assert.deepEqual(fieldsOf(example), fieldsOf(declaration));
  });

  it('names only helpers the platform exports', () => {
    const platform = [
      'src/platform/html/send.ts',
      'src/platform/html/forms.ts',
      'src/platform/html/admin-layout.ts',
      'src/platform/http/params.ts',
      'src/platform/http/schema.ts',
      'src/platform/http/openapi.ts',
      'src/platform/audit.ts',
      'src/platform/module.ts',
    ]
      .map(read)
      .join('\n');
    const named = [...section.matchAll(/`(\w+)\(/g)].map((m) => m[1]!);
    const local = new Set(['registerEventRoutes', 'registerEventTasks', 'registerEventApi']);
    const missing = named.filter(
      (name) =>
        !local.has(name) &&
        !new RegExp(
          `export (async )?function ${name}\\b|export const ${name}\\b|^ +${name}\\??\\(`,
          'm',
        ).test(platform),
    );
    assert.deepEqual([...new Set(missing)], []);
  });
});
