/**
 * Writes generated job ads as one JSON array (a JobStream snapshot's shape), streamed, for the
 * benchmarks and the ingestion tests. Ids are `bench-<n>`; every ad is marked `lotsa_generated`.
 *
 *   node --import tsx scripts/generate-ads.ts --count 100000 --seed 42 --out var/bench/ads-100k.json
 *     [--region dalarna] [--now 2026-11-26T12:00:00Z] [--prefix bench]
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { demoPlaces, iterateAds } from '../src/modules/jobs/demo.ts';
import { shippedRegions } from '../src/modules/regions/service.ts';

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? process.argv[i + 1] : undefined;
  if (value !== undefined) return value;
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
}

const count = Number(arg('count', '100000'));
const seed = Number(arg('seed', '42'));
const out = path.resolve(arg('out'));
const now = new Date(arg('now', new Date().toISOString()));
const regionId = arg('region', 'dalarna');
const prefix = arg('prefix', 'bench');
if (!Number.isInteger(count) || count < 0) throw new Error('--count is a whole number');
if (!Number.isInteger(seed)) throw new Error('--seed is a whole number');
if (Number.isNaN(now.getTime())) throw new Error('--now is a date-time');

const region = shippedRegions().find((r) => r.id === regionId);
const places = region && demoPlaces(region);
if (!places) throw new Error(`Region ${regionId} is not shipped or has no JobTech places`);

mkdirSync(path.dirname(out), { recursive: true });
const file = createWriteStream(out);
const started = performance.now();
let bytes = 0;
let n = 0;
let pending: string[] = ['[\n'];
let pendingLength = 0;
/** Writes what has piled up (about 1 MB at a time), waiting while the file is behind. */
const flush = async () => {
  const chunk = pending.join('');
  pending = [];
  pendingLength = 0;
  bytes += Buffer.byteLength(chunk);
  if (!file.write(chunk)) await once(file, 'drain');
};
for (const ad of iterateAds({ count, seed, now, idPrefix: prefix, ...places })) {
  const json = `${n++ ? ',\n' : ''}${JSON.stringify(ad)}`;
  pending.push(json);
  pendingLength += json.length;
  if (pendingLength > 1_000_000) await flush();
}
pending.push('\n]\n');
await flush();
file.end();
await once(file, 'finish');
const seconds = (performance.now() - started) / 1000;
console.log(
  `${n} ads → ${path.relative(process.cwd(), out)} (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s`,
);
