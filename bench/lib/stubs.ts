/**
 * Stand-ins for the breakdown: a plugin or one of the app's own building blocks replaced by a no-op,
 * through a module resolve hook in the app's process (servers/app.ts), without touching the app's
 * code. A stand-in re-exports the real module and replaces only the exports named here, and only
 * those the real module still has, so it keeps up with the app as it changes; one whose module or
 * exports are gone is reported as not applicable.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './proc.ts';

const NOOP_PLUGIN = 'export default function noop(_app, _opts, done) { done(); }';

export interface StubSpec {
  label: string;
  /** A package name, or a path (from the project root) of one of the app's modules. */
  module: string;
  /** export name → source of its replacement. */
  overrides: Record<string, string>;
}

export const STUBS: Record<string, StubSpec> = {
  compress: { label: '@fastify/compress', module: '@fastify/compress', overrides: { default: NOOP_PLUGIN } },
  'under-pressure': {
    label: '@fastify/under-pressure',
    module: '@fastify/under-pressure',
    overrides: { default: NOOP_PLUGIN },
  },
  'load-shedder': {
    label: 'load shedder (event-loop delay monitor)',
    module: '/src/platform/http/load-shedding.ts',
    overrides: {
      startLoadShedder: 'export function startLoadShedder() { return { overloaded: false, stop() {} }; }',
    },
  },
  cookie: {
    label: 'cookies (request.cookies, reply.setCookie)',
    module: '/src/platform/http/cookies.ts',
    overrides: { installCookies: 'export function installCookies() {}' },
  },
  'security-headers': {
    label: 'security headers',
    module: '/src/platform/http/security.ts',
    overrides: { installSecurityHeaders: 'export function installSecurityHeaders() {}' },
  },
  metrics: {
    label: 'prom-client metrics (counter + histogram per request)',
    module: 'prom-client',
    overrides: {
      Counter: 'export class Counter { inc() {} }',
      Histogram: 'export class Histogram { observe() {} }',
    },
  },
  authorization: {
    label: 'authorization check',
    module: '/src/platform/http/authorize.ts',
    overrides: {
      installAuthorization: 'export function installAuthorization() {}',
      createAuthorizer: 'export function createAuthorizer() { return () => undefined; }',
    },
  },
  'rate-limit': {
    label: 'rate-limit check',
    module: '/src/platform/http/rate-limit.ts',
    overrides: {
      installRateLimits: 'export function installRateLimits() {}',
      createRateLimitCheck: 'export function createRateLimitCheck() { return () => undefined; }',
    },
  },
  csrf: {
    label: 'CSRF hooks',
    module: '/src/platform/http/csrf.ts',
    overrides: { installCsrf: 'export function installCsrf() {}' },
  },
};

/** What servers/app.ts receives: resolve `match` to a module made of `source` + the real one's exports. */
export interface Stub {
  match: string;
  source: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The stand-in for `name` as it applies to the app's current code, or why it does not apply. */
export function stubFor(name: string): Stub | { notApplicable: string } {
  const spec = STUBS[name];
  if (!spec) throw new Error(`unknown stand-in "${name}" (known: ${Object.keys(STUBS).join(', ')})`);
  if (spec.module.startsWith('/')) {
    const file = path.join(ROOT, spec.module);
    if (!existsSync(file)) return { notApplicable: `${spec.module.slice(1)} no longer exists` };
    const text = readFileSync(file, 'utf8');
    const present = Object.entries(spec.overrides).filter(([exported]) =>
      new RegExp(`export\\s+(async\\s+)?(function|const|class)\\s+${exported}\\b`).test(text),
    );
    if (present.length === 0) {
      return {
        notApplicable: `${spec.module.slice(1)} no longer exports ${Object.keys(spec.overrides).join(' or ')}`,
      };
    }
    return { match: spec.module, source: present.map(([, source]) => source).join('\n') };
  }
  const imported = sourceFiles(path.join(ROOT, 'src')).some((file) =>
    readFileSync(file, 'utf8').includes(`from '${spec.module}'`),
  );
  if (!imported) return { notApplicable: `the app no longer imports ${spec.module}` };
  return { match: spec.module, source: Object.values(spec.overrides).join('\n') };
}
