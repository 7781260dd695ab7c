import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaHandler } from './lambda-handler.ts';

/**
 * Makes an SQS consumer of a per-message handler. Messages are handled one by
 * one; those that throw are reported as partial batch failures, so only they
 * come back (and after the queue's receive limit, go to its dead-letter queue).
 */
export function queueConsumer(handleMessage: (record: SQSRecord) => Promise<void>) {
  const processor = new BatchProcessor(EventType.SQS);
  return lambdaHandler(
    async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
      // A batch that failed whole is reported as such, like any other: only its messages come back.
      processPartialResponse(event, handleMessage, processor, { context, throwOnFullBatchFailure: false }),
  );
}
