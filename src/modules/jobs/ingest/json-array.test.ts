import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidElement, JsonArrayError, OVERSIZED, parseJsonArray } from './json-array.ts';
import { parseRecord } from './normalize.ts';

async function collect(chunks: (string | Uint8Array)[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const value of parseJsonArray(chunks)) out.push(value);
  return out;
}

/** Every way of cutting `text` into two pieces, and into single bytes. */
function splits(text: string): Uint8Array[][] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[][] = [];
  for (let i = 0; i <= bytes.length; i++) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  out.push([...bytes].map((b) => Uint8Array.of(b)));
  return out;
}

describe('parseJsonArray', () => {
  const values = [
    { id: '1', headline: 'Lärare i Falun [åk 7–9] {}', n: -1.5e3, nested: { a: [1, { b: '"]}' }] } },
    { id: 2, text: 'backslash \\ and quote \\" and \\u00e4 → ä, emoji 🙂' },
    'a string',
    42,
    true,
    null,
    [],
    {},
  ];
  const text = ` \n[ ${values.map((v) => JSON.stringify(v)).join(' ,\n')} ]\n`;

  it('yields every element however the input is chunked (multi-byte characters split too)', async () => {
    for (const chunks of splits(text)) assert.deepEqual(await collect(chunks), values);
  });

  it('reads an empty array and returns the element count', async () => {
    assert.deepEqual(await collect(['[', ' ', ']']), []);
    const it = parseJsonArray(['[1,2]']);
    let r = await it.next();
    while (!r.done) r = await it.next();
    assert.equal(r.value, 2);
  });

  it('detects truncation at any point', async () => {
    for (let cut = 1; cut < text.trimEnd().length - 1; cut++) {
      const truncated = text.slice(0, cut);
      if (truncated.trim() === '') continue;
      await assert.rejects(collect([truncated]), (error: unknown) => {
        assert.ok(error instanceof JsonArrayError, `cut at ${cut}`);
        return true;
      });
    }
    await assert.rejects(
      collect(['[{"id":"1"},']),
      (e: unknown) => e instanceof JsonArrayError && e.truncated,
    );
    await assert.rejects(
      collect(['[{"id":"1"}']),
      (e: unknown) => e instanceof JsonArrayError && e.truncated,
    );
    await assert.rejects(collect(['[1, 2']), (e: unknown) => e instanceof JsonArrayError && e.truncated);
    await assert.rejects(collect(['']), (e: unknown) => e instanceof JsonArrayError && e.truncated);
  });

  it('rejects what is not one JSON array', async () => {
    for (const bad of ['{"a":1}', '[1,,2]', '[,1]', '[1,]', '[1 2]', '[1]x', '[1][2]', '[tru]', '<html>']) {
      await assert.rejects(collect([bad]), JsonArrayError, bad);
    }
    await assert.rejects(collect([Uint8Array.of(0x5b, 0xff, 0x5d)]), JsonArrayError);
  });

  it('yields an object element that is not valid JSON as an InvalidElement, and goes on', async () => {
    const out = await collect(['[{"id":"1"},{"id":"2",},', '{"a":}, [1,,2], {"id":"3"}]']);
    assert.deepEqual(out, [
      { id: '1' },
      new InvalidElement(1),
      new InvalidElement(2),
      new InvalidElement(3),
      { id: '3' },
    ]);
    assert.equal(parseRecord(out[1]).kind, 'malformed');
    assert.equal((parseRecord(out[1]) as { reason: string }).reason, 'not valid JSON');
  });

  it('skips an element larger than the limit without holding it, and reads on', async () => {
    const big = `[1,${JSON.stringify({ text: 'x'.repeat(1000), nested: ['}', '"'] })},"${'y'.repeat(300)}",2]`;
    for (const cut of [5, 50, 500, 1000, 1100]) {
      const out: unknown[] = [];
      for await (const value of parseJsonArray([big.slice(0, cut), big.slice(cut)], {
        maxElementLength: 100,
      })) {
        out.push(value);
      }
      assert.deepEqual(out, [1, OVERSIZED, OVERSIZED, 2], `cut at ${cut}`);
    }
    // Still one whole array: cut off inside the skipped element, it is truncated.
    await assert.rejects(
      async () => {
        for await (const _ of parseJsonArray([big.slice(0, 800)], { maxElementLength: 100 })) {
          // nothing
        }
      },
      (e: unknown) => e instanceof JsonArrayError && e.truncated,
    );
  });

  it('yields elements before the array is complete', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* source() {
      yield '[{"id":"1"},';
      await gate;
      yield '{"id":"2"}]';
    }
    const it = parseJsonArray(source());
    assert.deepEqual((await it.next()).value, { id: '1' });
    release();
    assert.deepEqual((await it.next()).value, { id: '2' });
    assert.equal((await it.next()).done, true);
  });
});
