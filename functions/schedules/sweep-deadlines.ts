import type { Context } from 'aws-lambda';
import { sweep } from '../services/sweep.ts';
import { lambdaHandler } from '../shared/lambda-handler.ts';

/** Every minute: sends on every case whose due time has come (see services/sweep.ts). */
export const handler = lambdaHandler(async (_event: unknown, context: Context) => sweep({ remainingMs: () => context.getRemainingTimeInMillis() }));
