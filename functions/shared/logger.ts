import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one structured logger. Nothing a petitioner typed is ever logged: only
 * ids, codes, counts and error names. Level from POWERTOOLS_LOG_LEVEL.
 */
export const logger = new Logger({ serviceName: 'petitions' });

/** What may be logged of an error: its name and message, never the request that caused it. */
export function errorSummary(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack && { stack: error.stack }) };
  return { name: 'NonError', message: String(error) };
}
