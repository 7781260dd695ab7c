import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { QUEUES, type FunctionName } from '../wiring.ts';
import type { PetitionFunction } from './petition-function.ts';
import type { Queues } from './queues.ts';

export interface WorkersProps {
  functions: Record<FunctionName, PetitionFunction>;
  queues: Queues;
}

/** Each queue feeds its consumer; failed records of a batch are retried alone. */
export class Workers extends Construct {
  constructor(scope: Construct, id: string, props: WorkersProps) {
    super(scope, id);
    for (const wiring of QUEUES) {
      const { queue } = props.queues.get(wiring.name);
      // The event source grants the consumer receive/delete/change-visibility on this queue only.
      props.functions[wiring.consumer].function.addEventSource(
        new SqsEventSource(queue, { batchSize: wiring.batchSize, reportBatchItemFailures: true, maxConcurrency: wiring.maxConcurrency }),
      );
    }
  }
}
