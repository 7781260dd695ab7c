import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { publishMetrics } from '../shared/metrics.ts';
import { compileDueReports } from '../services/reports.ts';

/** Daily: compiles the weekly, monthly and quarterly reports whose period ended yesterday, for every county and city. */
export const handler = middy(async (_event: unknown, _context: Context) => {
  const compiled = await compileDueReports();
  logger.info('reports compiled', { ...compiled });
  return compiled;
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
