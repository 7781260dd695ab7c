import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from './logger.ts';
import { publishMetrics } from './metrics.ts';

/**
 * Makes an SQS consumer of a per-message handler. Messages are handled one by
 * one; those that throw are reported as partial batch failures, so only they
 * come back (and after the queue's receive limit, go to its dead-letter queue).
 */
export function queueConsumer(handleMessage: (record: SQSRecord) => Promise<void>) {
  const processor = new BatchProcessor(EventType.SQS);
  return middy(
    async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
      // A batch that failed whole is reported as such, like any other: only its messages come back.
      processPartialResponse(event, handleMessage, processor, { context, throwOnFullBatchFailure: false }),
  )
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(publishMetrics());
}
