import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { sendRouteCase } from '../queues/routing.ts';
import { logger } from '../shared/logger.ts';
import { ALL_DUE_SHARDS, listDue } from '../store/cases.ts';

const PAGE = 500;

/** What one sweep found due and sent on. */
export interface SweepResult {
  due: number;
  routing: number;
}

/**
 * Reads every case whose due time has come from the due index, shard by
 * shard, and sends each on to the work its stage needs. Reads only what is
 * due; never scans. A case whose routing message was lost is routed this way.
 */
export async function sweep(now = new Date().toISOString()): Promise<SweepResult> {
  const routing: string[] = [];
  let due = 0;
  for (const shard of ALL_DUE_SHARDS) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await listDue(shard, now, PAGE, start);
      due += page.due.length;
      for (const entry of page.due) if (entry.stage === 'routing') routing.push(entry.caseId);
      start = page.next;
    } while (start);
  }
  await sendRouteCase(routing);
  const result = { due, routing: routing.length };
  logger.info('sweep done', { ...result });
  return result;
}

export const handler = middy(async (_event: unknown, _context: Context) => sweep()).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
