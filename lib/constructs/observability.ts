import { Aws, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic, type Subscription } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { QueueName } from '../../functions/queues/names.ts';
import { METRIC, METRICS_NAMESPACE, SERVICE } from '../../functions/shared/metric-names.ts';
import { FUNCTIONS, QUEUES, SCHEDULES, SERVED_ROUTES, SWEEP_SCHEDULE, type FunctionName } from '../wiring.ts';
import type { PetitionFunction } from './petition-function.ts';
import { deadLetterQueueArnOutput, type Queues } from './queues.ts';

/**
 * How old the oldest message of a work queue may get before an operator is
 * told. Each consumer's visibility timeout is today 3 minutes (six times its
 * 30 s timeout), so a message retried once is up to ~3 minutes old: the
 * thresholds sit above one retry.
 * - routing: 5 min. A new case reaches the office that must accept it only
 *   once routed; more than one retry cycle means routeCase is failing or behind.
 * - notification: 5 min. Deadline notices (supervision, escalation, critical
 *   alerts) are only useful while fresh.
 * - deadline: 10 min. The sweep fans out one check per due case in bursts
 *   (many deadlines fall due together, e.g. at midnight), so a backlog of a few
 *   minutes is normal; legal clocks run in days, and past 10 minutes the next
 *   sweeps keep re-sending what is still due, so the queue only grows.
 * - petitionerMessage: 5 min. A verification code is good for 5 minutes: an
 *   SMS older than that is useless to the petitioner waiting for it.
 */
export const QUEUE_AGE_ALARM_MINUTES: Record<QueueName, number> = { routing: 5, notification: 5, deadline: 10, petitionerMessage: 5 };
/** One-minute periods the oldest message must stay over its threshold: one slow batch does not page anyone. */
export const QUEUE_AGE_PERIODS = 3;

/** The API alarms: a 5xx rate over 1 % of at least 20 requests in 5 minutes; p99 latency above 3 s for 15 minutes. */
export const API_5XX_PERCENT = 1;
export const API_5XX_MIN_REQUESTS = 20;
export const API_P99_LATENCY_MS = 3_000;
export const API_LATENCY_PERIODS = 3;
/** Open cases past due before the backlog alarm fires, unless the stack is given another threshold. */
export const DEFAULT_OVERDUE_BACKLOG_THRESHOLD = 50;
/** The sweep runs every minute: this many minutes without a completed sweep raise the heartbeat alarm. */
export const SWEEP_MISSED_MINUTES = 3;

const FIVE_MINUTES = Duration.minutes(5);
const ONE_MINUTE = Duration.minutes(1);

/** A custom metric of the handlers (EMF): namespace Petitions, dimension service=petitions, plus any other dimension. */
export function customMetric(name: string, statistic: string, period: Duration, dimensions: Record<string, string> = {}): Metric {
  return new Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { service: SERVICE, ...dimensions }, statistic, period });
}

export interface ObservabilityProps {
  queues: Queues;
  functions: Record<FunctionName, PetitionFunction>;
  /** The API's default stage: its 5xx rate and latency are watched. */
  stage: IHttpStage;
  /** The API's access logs, named in the API alarms' descriptions. */
  accessLogs: ILogGroup;
  /** Where the alarms are mailed; without it they go to the topic all the same, for any other subscriber. */
  alarmEmail?: string;
  /** Open cases past due before the backlog alarm fires (default {@link DEFAULT_OVERDUE_BACKLOG_THRESHOLD}). */
  overdueBacklogThreshold?: number;
}

/**
 * Alarms an operator can act on, each with what it means and where to look,
 * all sent to one SNS topic when they fire and when they clear (the
 * OperationsDashboard shows the same). Nothing lands in a dead-letter queue
 * silently.
 *
 * The topic is encrypted with a customer-managed key: CloudWatch cannot
 * publish to a topic encrypted with the AWS-managed SNS key (its key policy
 * cannot name CloudWatch), and the alarm would go to ALARM without a word.
 */
export class Observability extends Construct {
  readonly topic: Topic;
  readonly key: Key;
  /** The operator's e-mail subscription, when alarmEmail is given. */
  readonly emailSubscription?: Subscription;
  readonly alarms: Alarm[] = [];
  readonly deadLetterAlarms = new Map<QueueName, Alarm>();
  readonly queueAgeAlarms = new Map<QueueName, Alarm>();
  readonly errorAlarms = new Map<FunctionName, Alarm>();
  readonly throttleAlarms = new Map<FunctionName, Alarm>();
  readonly api5xxAlarm: Alarm;
  readonly apiLatencyAlarm: Alarm;
  readonly overdueBacklogAlarm: Alarm;
  readonly sweepHeartbeatAlarm: Alarm;
  /** The expression the 5xx alarm watches, for the dashboard. */
  readonly api5xxRate: MathExpression;
  readonly overdueBacklogThreshold: number;
  private readonly action: SnsAction;
  private readonly alarmNamePrefix: string;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { queues, functions, stage } = props;
    const overdueBacklogThreshold = props.overdueBacklogThreshold ?? DEFAULT_OVERDUE_BACKLOG_THRESHOLD;
    if (!Number.isInteger(overdueBacklogThreshold) || overdueBacklogThreshold < 0) {
      throw new Error(`overdueBacklogThreshold must be a whole number of cases, 0 or more: got ${overdueBacklogThreshold}`);
    }
    this.overdueBacklogThreshold = overdueBacklogThreshold;
    // Alarm names carry the stack name: readable in the mail, and the topic policy below admits exactly these.
    this.alarmNamePrefix = `${Stack.of(this).stackName}-`;

    this.key = new Key(this, 'AlarmsKey', {
      description: 'Encrypts the alarm topic; CloudWatch may use it to publish alarms',
      enableKeyRotation: true,
      // SNS keeps nothing encrypted under it once a message is delivered.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch calls KMS itself when it publishes to an encrypted topic; the account-root statement does not cover a service principal.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // In a key policy, "*" is this key.
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Alarms', { displayName: 'Petitions alarms', masterKey: this.key, enforceSSL: true });
    // The topic policy replaces SNS's default one, so it must let CloudWatch publish: only for alarms named after this stack, in this account.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisStacksAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:${this.alarmNamePrefix}*` },
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        },
      }),
    );
    if (props.alarmEmail) {
      this.emailSubscription = this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }
    this.action = new SnsAction(this.topic);
    new CfnOutput(scope, 'AlarmTopicArn', { value: this.topic.topicArn, description: 'Every alarm of the stack notifies this topic' });

    for (const wiring of QUEUES) {
      const { queue, deadLetterQueue } = queues.get(wiring.name);
      const consumer = functions[wiring.consumer];
      const logs = `${wiring.consumer}'s log group (${consumer.logGroup.logGroupName})`;
      this.deadLetterAlarms.set(
        wiring.name,
        this.alarm(`${wiring.name}-dlq-not-empty`, {
          description:
            `Messages of the ${wiring.name} queue failed ${wiring.maxReceiveCount} times in ${wiring.consumer} and wait in its dead-letter queue; they are no longer retried. ` +
            `Find the error in ${logs}, fix the cause, then move them back: aws sqs start-message-move-task --source-arn <stack output ${deadLetterQueueArnOutput(wiring.name)}>.`,
          metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: ONE_MINUTE, statistic: 'Maximum' }),
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        }),
      );
      const minutes = QUEUE_AGE_ALARM_MINUTES[wiring.name];
      this.queueAgeAlarms.set(
        wiring.name,
        this.alarm(`${wiring.name}-queue-age`, {
          description:
            `The oldest message in the ${wiring.name} queue has waited over ${minutes} minutes for ${QUEUE_AGE_PERIODS} minutes running: ${wiring.consumer} is failing, throttled or slower than the inflow. ` +
            `Look at its Errors and Throttles alarms, ${logs}, and the queue widgets of the dashboard.`,
          metric: queue.metricApproximateAgeOfOldestMessage({ period: ONE_MINUTE, statistic: 'Maximum' }),
          threshold: minutes * 60,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: QUEUE_AGE_PERIODS,
        }),
      );
    }

    for (const [name, fn] of Object.entries(functions) as [FunctionName, PetitionFunction][]) {
      const what = `${name} (${FUNCTIONS[name].description})`;
      const logs = `its log group ${fn.logGroup.logGroupName} and its X-Ray traces`;
      this.errorAlarms.set(
        name,
        this.alarm(`${name}-errors`, {
          description: `${what} failed at least once in 5 minutes (uncaught error or timeout). Read ${logs}. ${consequenceOfError(name)}`,
          metric: fn.function.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        }),
      );
      this.throttleAlarms.set(
        name,
        this.alarm(`${name}-throttles`, {
          description:
            `${what} was throttled in the last 5 minutes: Lambda refused invocations for want of concurrency. ` +
            'Look at the account’s ConcurrentExecutions against its quota (Service Quotas, Lambda), and at what else ran then (queue bursts are capped by each event source’s maximum concurrency).',
          metric: fn.function.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        }),
      );
    }

    this.api5xxRate = apiServerErrorRate(stage);
    this.api5xxAlarm = this.alarm('api-5xx-rate', {
      description:
        `More than ${API_5XX_PERCENT} % of the API's requests (at least ${API_5XX_MIN_REQUESTS} in 5 minutes) answered 5xx. ` +
        `Look at the Errors alarms of the API functions, the access logs (${props.accessLogs.logGroupName}: fields status and integrationError), and the dashboard's API row.`,
      metric: this.api5xxRate,
      threshold: API_5XX_PERCENT,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    const latency = stage.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' });
    this.apiLatencyAlarm = this.alarm('api-p99-latency', {
      description:
        `The API's p99 latency stayed above ${API_P99_LATENCY_MS / 1000} s for ${API_LATENCY_PERIODS * 5} minutes. ` +
        `Look at the functions' Duration on the dashboard, integrationLatency by routeKey in the access logs (${props.accessLogs.logGroupName}), and DynamoDB throttling. ` +
        'Report compilation (POST /v1/reports) is slow by nature: if it alone is slow, compile off-peak.',
      metric: latency,
      threshold: API_P99_LATENCY_MS,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: API_LATENCY_PERIODS,
    });

    const sweepLogs = functions.sweepDeadlines.logGroup.logGroupName;
    this.overdueBacklogAlarm = this.alarm('overdue-backlog', {
      description:
        `More than ${overdueBacklogThreshold} open cases are past the deadline of the clock now running (${METRIC.overdueBacklog}, counted by each sweep). ` +
        'Offices are not acting in time, or escalation is behind: look at the deadline queue age, DeadlineRungs on the dashboard, and GET /v1/stats for the regions concerned.',
      metric: customMetric(METRIC.overdueBacklog, 'Maximum', FIVE_MINUTES),
      threshold: overdueBacklogThreshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.sweepHeartbeatAlarm = this.alarm('sweep-heartbeat', {
      description:
        `No deadline sweep completed in ${SWEEP_MISSED_MINUTES} consecutive minutes (${METRIC.sweepsCompleted} missing or 0): deadlines are not being checked. ` +
        `Look at the sweepDeadlines Errors alarm and its log group ${sweepLogs} ("sweep done" with complete: false means it ran out of time), and whether the sweep's EventBridge rule is enabled.`,
      metric: customMetric(METRIC.sweepsCompleted, 'Sum', ONE_MINUTE),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: SWEEP_MISSED_MINUTES,
      // No data is exactly what a dead sweep looks like.
      treatMissingData: TreatMissingData.BREACHING,
    });
  }

  /** An alarm on one metric that notifies the topic when it fires and when it clears. */
  private alarm(
    id: string,
    props: {
      description: string;
      metric: IMetric;
      threshold: number;
      comparisonOperator: ComparisonOperator;
      evaluationPeriods?: number;
      treatMissingData?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: `${this.alarmNamePrefix}${id}`,
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold,
      comparisonOperator: props.comparisonOperator,
      evaluationPeriods: props.evaluationPeriods ?? 1,
      // Quiet metrics are healthy ones, except where a point must arrive (the heartbeat).
      treatMissingData: props.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }
}

/** The share of API requests answered 5xx, in percent; 0 below the minimum number of requests, so one early error is not a rate. */
function apiServerErrorRate(stage: IHttpStage): MathExpression {
  return new MathExpression({
    expression: `IF(requests >= ${API_5XX_MIN_REQUESTS}, 100 * FILL(errors, 0) / requests, 0)`,
    usingMetrics: {
      requests: stage.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
      errors: stage.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
    },
    period: FIVE_MINUTES,
    label: 'API 5xx rate (%)',
  });
}

/** What a failed invocation means, by how the function is invoked. */
function consequenceOfError(name: FunctionName): string {
  const queue = QUEUES.find((wiring) => wiring.consumer === name);
  if (queue) return `Failed records are retried and, after ${queue.maxReceiveCount} receives, go to the ${queue.name} dead-letter queue (its own alarm).`;
  const schedule = SCHEDULES.find((wiring) => wiring.function === name);
  if (schedule?.name === SWEEP_SCHEDULE) return 'The sweep runs again next minute; if it keeps failing, the heartbeat alarm fires too.';
  if (schedule) return `It runs again at its next tick (every ${schedule.everySeconds} s); what that run should have done is missing until then.`;
  if (SERVED_ROUTES.some((route) => route.function === name)) return 'API callers got a 5xx answer.';
  if (name === 'issueStaffClaims') return 'Staff sign-ins fail while it does: Cognito gets no token.';
  if (name === 'seedReferenceData') return 'It runs on deploy: the deployment reports the failure.';
  return 'Its description says who invokes it.';
}
