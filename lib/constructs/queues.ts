import { CfnOutput, Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueueName } from '../../functions/queues/names.ts';
import { QUEUES, visibilityTimeoutSeconds } from '../wiring.ts';
import { pascalCase } from './topics.ts';

/** The stack output that holds a dead-letter queue's ARN, e.g. RoutingDeadLetterQueueArn: what a redrive starts from. */
export function deadLetterQueueArnOutput(name: QueueName): string {
  return `${pascalCase(name)}DeadLetterQueueArn`;
}

export interface WorkQueue {
  queue: Queue;
  deadLetterQueue: Queue;
}

/** Each work queue of the wiring, with its dead-letter queue. */
export class Queues extends Construct {
  readonly byName = new Map<QueueName, WorkQueue>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const wiring of QUEUES) {
      const deadLetterQueue = new Queue(this, `${wiring.name}-dlq`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        // The longest SQS allows: time to look at what failed.
        retentionPeriod: Duration.days(14),
      });
      const queue = new Queue(this, wiring.name, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        // Six times the consumer's timeout, so a slow batch is not delivered twice.
        visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(wiring)),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: wiring.maxReceiveCount },
      });
      this.byName.set(wiring.name, { queue, deadLetterQueue });
      new CfnOutput(scope, deadLetterQueueArnOutput(wiring.name), {
        value: deadLetterQueue.queueArn,
        description: `Dead-letter queue of the ${wiring.name} queue: aws sqs start-message-move-task --source-arn <this> moves its messages back`,
      });
    }
  }

  get(name: QueueName): WorkQueue {
    const found = this.byName.get(name);
    if (!found) throw new Error(`queue ${name} is not in the wiring`);
    return found;
  }
}
