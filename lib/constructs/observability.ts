import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { QUEUES } from '../wiring.ts';
import type { Queues } from './queues.ts';

export interface ObservabilityProps {
  queues: Queues;
  /** Where alarms are sent; without it the alarms still show in CloudWatch. */
  alarmEmail?: string;
}

/** Nothing lands in a dead-letter queue silently: an alarm per DLQ. */
export class Observability extends Construct {
  readonly alarms: Alarm[] = [];
  readonly topic?: Topic;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    if (props.alarmEmail) {
      this.topic = new Topic(this, 'Alarms', { displayName: 'Petitions alarms', enforceSSL: true });
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }
    for (const wiring of QUEUES) {
      const { deadLetterQueue } = props.queues.get(wiring.name);
      const alarm = new Alarm(this, `${wiring.name}-dlq-not-empty`, {
        alarmDescription: `Messages of the ${wiring.name} queue failed ${wiring.maxReceiveCount} times and wait in its dead-letter queue`,
        metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      if (this.topic) alarm.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(alarm);
    }
  }
}
