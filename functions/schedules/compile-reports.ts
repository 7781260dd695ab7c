import { lambdaHandler } from '../shared/lambda-handler.ts';
import { logger } from '../shared/logger.ts';
import { compileDueReports } from '../services/reports.ts';

/** Daily: compiles the weekly, monthly and quarterly reports whose period ended yesterday, for every county and city. */
export const handler = lambdaHandler(async () => {
  const compiled = await compileDueReports();
  logger.info('reports compiled', { ...compiled });
  return compiled;
});
