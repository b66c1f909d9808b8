/**
 * The part of Lighthouse's and chrome-launcher's APIs that bench/parts/lighthouse.ts uses. These
 * packages live in bench/node_modules, installed on demand by `npm run bench`; where they are
 * installed their own types take precedence, and these let `npm run typecheck` pass without them.
 */
declare module 'lighthouse' {
  interface Flags {
    port?: number;
    output?: 'json' | 'html' | 'csv';
    logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'verbose';
    onlyCategories?: string[];
  }
  interface AuditResult {
    title: string;
    score: number | null;
    scoreDisplayMode: string;
    displayValue?: string;
  }
  interface Result {
    lighthouseVersion: string;
    environment: { hostUserAgent: string };
    categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
    audits: Record<string, AuditResult>;
    runWarnings: string[];
    runtimeError?: { code: string; message: string };
  }
  export default function lighthouse(url: string, flags?: Flags): Promise<{ lhr: Result } | undefined>;
  export type { Flags, Result };
}

declare module 'chrome-launcher' {
  interface LaunchedChrome {
    pid: number;
    port: number;
    kill(): void;
  }
  export function launch(options: {
    chromePath?: string;
    chromeFlags?: string[];
    logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'verbose';
    handleSIGINT?: boolean;
  }): Promise<LaunchedChrome>;
}
