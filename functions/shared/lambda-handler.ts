import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { checkNeededSettings } from './env.ts';
import { logger } from './logger.ts';
import { publishMetrics } from './metrics.ts';

/**
 * Every function's Lambda handler: each invocation's logs carry its Lambda
 * context (and only its own keys), and what it recorded in the metrics is
 * published when it ends, whether it answered or threw. Made as the function
 * starts, after its modules have loaded: a setting they need that is missing
 * fails the start, naming it.
 */
export function lambdaHandler<Event, Result>(handle: (event: Event, context: Context) => Promise<Result>) {
  checkNeededSettings(process.env);
  return middy(handle)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(publishMetrics());
}
