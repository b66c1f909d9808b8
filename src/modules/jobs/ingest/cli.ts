/**
 * `lotsa ingest snapshot|stream [--region <id>]`: one ingestion run from the command line.
 * `snapshot --allow-mass-close` lets one snapshot close more of a region's open ads as missing
 * than JOBTECH_SNAPSHOT_MAX_CLOSE_PERCENT allows (after a refused run, when the operator has checked).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../../platform/config.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { ApplyCounts } from './apply.ts';
import { clientFromConfig, ingestScopes } from './tasks.ts';
import { runSnapshot, runStream, type RunResult } from './run.ts';

export interface IngestArgs {
  kind: 'snapshot' | 'stream';
  regionId: string | undefined;
  allowMassClose: boolean;
}

export function parseIngestArgs(argv: readonly string[]): IngestArgs | { error: string } {
  const [kind, ...rest] = argv;
  if (kind !== 'snapshot' && kind !== 'stream') {
    return { error: kind ? `Unknown ingest command: ${kind}` : 'ingest needs "snapshot" or "stream"' };
  }
  let regionId: string | undefined;
  let allowMassClose = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--region' && rest[i + 1] && !rest[i + 1]?.startsWith('-')) regionId = rest[++i];
    else if (arg.startsWith('--region=') && arg.length > 9) regionId = arg.slice(9);
    else if (arg === '--allow-mass-close' && kind === 'snapshot') allowMassClose = true;
    else if (arg === '--allow-mass-close')
      return { error: '--allow-mass-close is an option of "snapshot" only' };
    else return { error: `Unknown or incomplete option: ${arg}` };
  }
  return { kind, regionId, allowMassClose };
}

export function formatCounts(counts: ApplyCounts): string {
  return (
    `received ${counts.received}, written ${counts.written}, unchanged ${counts.unchanged}, ` +
    `stale ${counts.stale}, closed ${counts.closed}, malformed ${counts.malformed}, skipped ${counts.skipped}`
  );
}

/** Runs the ingestion, prints one line per region, and returns the exit code (1 if any failed). */
export async function runIngestCommand(
  args: IngestArgs,
  db: Kysely<DB>,
  config: Config,
  logger: Logger,
): Promise<number> {
  let scopes;
  try {
    scopes = await ingestScopes(db, args.regionId);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (scopes.length === 0) {
    console.error('No region has a JobTech concept id: nothing to ingest.');
    return 1;
  }
  const client = clientFromConfig(config, logger);
  const results: RunResult[] = [];
  if (args.kind === 'snapshot') {
    results.push(
      ...(await runSnapshot(db, scopes, client, {
        logger,
        maxClosePercent: config.jobtechSnapshotMaxClosePercent,
        allowMassClose: args.allowMassClose,
      })),
    );
  } else {
    for (const scope of scopes) results.push(await runStream(db, scope, client, { logger }));
  }
  for (const result of results) {
    const line = `${result.regionId} ${result.kind}: ${formatCounts(result.counts)}`;
    if (result.ok) console.log(line);
    else
      console.error(
        `${line}\n${result.regionId} ${result.kind} ${result.refused ? 'REFUSED' : 'FAILED'}: ${result.error}`,
      );
  }
  return results.every((r) => r.ok) ? 0 : 1;
}
