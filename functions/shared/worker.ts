import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaHandler } from './lambda-handler.ts';

/**
 * Makes an SQS consumer of a per-message handler. The messages of a batch are
 * handled concurrently (BatchProcessor's default): two of them may concern
 * the same case, which the handlers allow for: a case is changed on condition
 * of the version read, and a notice is recorded under a key of its own. Those that throw are reported as partial batch
 * failures, so only they come back (and after the queue's receive limit, go
 * to its dead-letter queue).
 */
export function queueConsumer(handleMessage: (record: SQSRecord) => Promise<void>) {
  const processor = new BatchProcessor(EventType.SQS);
  return lambdaHandler(
    async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
      // A batch that failed whole is reported as such, like any other: only its messages come back.
      processPartialResponse(event, handleMessage, processor, { context, throwOnFullBatchFailure: false }),
  );
}
