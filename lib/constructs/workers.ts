import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { QUEUES, type FunctionName } from '../wiring.ts';
import type { PetitionFunction } from './petition-function.ts';
import type { Queues } from './queues.ts';

export interface WorkersProps {
  functions: Record<FunctionName, PetitionFunction>;
  queues: Queues;
}

/**
 * At most this many concurrent invocations per SQS event source, so a burst
 * on a worker queue cannot take the account's Lambda concurrency from the
 * API. Chosen over reserved concurrency: reserving takes from the account's
 * unreserved pool, which must keep 100, and new accounts often have a quota
 * of only 10 concurrent executions, so a reservation may not even deploy.
 * Messages beyond it wait in the queue (its age alarm watches that); SQS
 * allows 2 to 1000.
 */
export const WORKER_MAX_CONCURRENCY = 5;

/** Each queue feeds its consumer; failed records of a batch are retried alone. */
export class Workers extends Construct {
  constructor(scope: Construct, id: string, props: WorkersProps) {
    super(scope, id);
    for (const wiring of QUEUES) {
      const { queue } = props.queues.get(wiring.name);
      // The event source grants the consumer receive/delete/change-visibility on this queue only.
      props.functions[wiring.consumer].function.addEventSource(
        new SqsEventSource(queue, { batchSize: wiring.batchSize, reportBatchItemFailures: true, maxConcurrency: WORKER_MAX_CONCURRENCY }),
      );
    }
  }
}
