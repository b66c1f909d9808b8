import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedRegions } from '../regions/service.ts';
import { loadMap } from './map.ts';

test('the Dalarna map has one path per municipality of the shipped region', () => {
  const map = loadMap('20');
  assert.ok(map);
  const dalarna = shippedRegions().find((r) => r.countyCode === '20');
  assert.ok(dalarna);
  assert.deepEqual(
    map.municipalities.map((m) => m.code),
    dalarna.municipalities.map((m) => m.code).sort(),
  );
  assert.equal(map.municipalities.length, 15);
  const [, , width, height] = map.viewBox.split(' ').map(Number) as [number, number, number, number];
  for (const m of map.municipalities) {
    assert.match(m.d, /^(M[\d. ]+L[\d. ]+Z)+$/, m.code);
    assert.ok(m.labelX > 0 && m.labelX < width && m.labelY > 0 && m.labelY < height, m.code);
    assert.ok(m.center && m.center[0] > 12 && m.center[0] < 17 && m.center[1] > 59.8 && m.center[1] < 62.3);
  }
  assert.equal(map.municipalities.find((m) => m.code === '2080')?.name, 'Falun');
});

test('loadMap caches, and answers null for counties without a map and for malformed codes', () => {
  assert.equal(loadMap('20'), loadMap('20'));
  assert.equal(loadMap('01'), null);
  assert.equal(loadMap('../20'), null);
  assert.equal(loadMap(''), null);
});
