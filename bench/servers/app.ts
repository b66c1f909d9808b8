/**
 * The app as `npm start` runs it (src/main.ts, `serve`): production config, the real runtime (database
 * pool, migrations, seed, inline job worker), buildApp, listen. Differences, all for measuring:
 * DATABASE_URL points at the benchmark's PostgreSQL, and the pino logger at info level writes through
 * the production destination to /dev/null (a real destination, so the cost of logging is included).
 *
 * BENCH_STUBS (from lib/stubs.ts) swaps a plugin or one of the app's own building blocks for a no-op
 * through a module resolve hook (the app's code is not touched), to see what each one costs.
 */
import { register } from 'node:module';
import { ready } from './ipc.ts';

const stubs = JSON.parse(process.env.BENCH_STUBS || '[]') as { match: string; source: string }[];
if (stubs.length > 0) {
  // Runs in the loader thread. The stand-in re-exports the real module, imported under a `bench-real`
  // query, which the hook lets through.
  const hooks = `const stubs = ${JSON.stringify(stubs)};
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes('bench-real')) return resolved;
  const stub = stubs.find((s) => s.match === specifier || (s.match.startsWith('/') && resolved.url.endsWith(s.match)));
  if (!stub) return resolved;
  const real = resolved.url + (resolved.url.includes('?') ? '&' : '?') + 'bench-real';
  const source = 'export * from ' + JSON.stringify(real) + ';\\n' + stub.source;
  return { url: 'data:text/javascript,' + encodeURIComponent(source), shortCircuit: true };
}`;
  register('data:text/javascript,' + encodeURIComponent(hooks));
}

const { default: pino } = await import('pino');
const { loadConfig } = await import('../../src/platform/config.ts');
const { createLogger, logDestination } = await import('../../src/platform/logging.ts');
const { openRuntime, startWebServer } = await import('../../src/runtime.ts');

try {
  const config = loadConfig();
  // The production destination (buffered, asynchronous) on /dev/null; BENCH_LOG_SYNC (a breakdown
  // variant only): one synchronous write per log line, as before.
  const destination = process.env.BENCH_LOG_SYNC
    ? pino.destination('/dev/null')
    : logDestination('/dev/null');
  const logger = createLogger(config.logLevel, destination);
  const runtime = await openRuntime(config, logger);
  const { app, port } = await startWebServer(config, runtime, logger);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  ready(port, () => void stop());
} catch (error) {
  process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
