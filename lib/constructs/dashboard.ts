import { Aws, CfnOutput, Duration, Fn, Stack } from 'aws-cdk-lib';
import type { IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  TextWidget,
  type HorizontalAnnotation,
  type IAlarm,
  type IMetric,
  type IWidget,
  type Metric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { RATINGS } from '../../functions/domain/case.ts';
import { RUNG_NOTICE_KINDS } from '../../functions/domain/ladder.ts';
import { METRIC } from '../../functions/shared/metric-names.ts';
import { QUEUES, type FunctionName } from '../wiring.ts';
import { API_P99_LATENCY_MS, API_5XX_PERCENT, QUEUE_AGE_ALARM_MINUTES, customMetric } from './observability.ts';
import type { PetitionFunction } from './petition-function.ts';
import type { Queues } from './queues.ts';

export interface OperationsDashboardProps {
  queues: Queues;
  functions: Record<FunctionName, PetitionFunction>;
  stage: IHttpStage;
  /** The same expression the 5xx alarm watches. */
  api5xxRate: IMetric;
  overdueBacklogThreshold: number;
  alarms: IAlarm[];
}

const PERIOD = Duration.minutes(5);
const MINUTE = Duration.minutes(1);

/** A graph a third of the dashboard wide (or as wide as asked). */
function graph(title: string, left: IMetric[], options: { width?: number; threshold?: HorizontalAnnotation; stacked?: boolean } = {}): GraphWidget {
  return new GraphWidget({
    title,
    left,
    width: options.width ?? 8,
    height: 6,
    ...(options.threshold ? { leftAnnotations: [options.threshold] } : {}),
    ...(options.stacked ? { stacked: true } : {}),
  });
}

const alarmLine = (value: number, label: string): HorizontalAnnotation => ({ value, label });

/** A custom metric per value of its extra dimension, each labelled by the value. */
function byDimension(name: string, dimension: string, values: readonly string[]): IMetric[] {
  return values.map((value) => customMetric(name, 'Sum', PERIOD, { [dimension]: value }).with({ label: value }));
}

const sum = (name: string, period = PERIOD): IMetric => customMetric(name, 'Sum', period).with({ label: name });

/**
 * One dashboard, `<stack>-<region>` (dashboard names are global to the
 * account): the alarms' states, then the API, the functions, each queue and
 * its dead-letter queue, and the custom metrics of the handlers.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { stage, queues } = props;
    const functions = Object.entries(props.functions) as [FunctionName, PetitionFunction][];
    const perFunction = (metric: (fn: PetitionFunction) => Metric) => functions.map(([name, fn]) => metric(fn).with({ label: name }));
    const heading = (markdown: string): IWidget => new TextWidget({ markdown, width: 24, height: 1 });

    const rows: IWidget[][] = [
      [new AlarmStatusWidget({ title: 'Alarms (README: "Operations: alarms and what to do")', alarms: props.alarms, width: 24, height: 8 })],
      [heading('## API (default stage)')],
      [
        graph('Requests, 4xx, 5xx', [
          stage.metricCount({ period: PERIOD, statistic: 'Sum', label: 'requests' }),
          stage.metricClientError({ period: PERIOD, label: '4xx' }),
          stage.metricServerError({ period: PERIOD, label: '5xx' }),
        ]),
        graph('5xx rate (%)', [props.api5xxRate], { threshold: alarmLine(API_5XX_PERCENT, 'alarm') }),
        graph(
          'Latency p50 / p99 (ms)',
          [
            stage.metricLatency({ period: PERIOD, statistic: 'p50', label: 'p50' }),
            stage.metricLatency({ period: PERIOD, statistic: 'p99', label: 'p99' }),
          ],
          { threshold: alarmLine(API_P99_LATENCY_MS, 'p99 alarm') },
        ),
      ],
      [heading('## Functions')],
      [
        graph('Errors', perFunction((fn) => fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' }))),
        graph('Throttles', perFunction((fn) => fn.function.metricThrottles({ period: PERIOD, statistic: 'Sum' }))),
        graph('Duration p99 (ms)', perFunction((fn) => fn.function.metricDuration({ period: PERIOD, statistic: 'p99' }))),
      ],
      [heading('## Queues and their dead-letter queues')],
      ...QUEUES.map(({ name, consumer }) => {
        const { queue, deadLetterQueue } = queues.get(name);
        return [
          graph(`${name} → ${consumer}: messages`, [
            queue.metricApproximateNumberOfMessagesVisible({ period: MINUTE, statistic: 'Maximum', label: 'waiting' }),
            queue.metricApproximateNumberOfMessagesNotVisible({ period: MINUTE, statistic: 'Maximum', label: 'in flight' }),
            deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: MINUTE, statistic: 'Maximum', label: 'dead-letter' }),
          ], { width: 12 }),
          graph(
            `${name}: oldest message (s)`,
            [
              queue.metricApproximateAgeOfOldestMessage({ period: MINUTE, statistic: 'Maximum', label: 'queue' }),
              deadLetterQueue.metricApproximateAgeOfOldestMessage({ period: MINUTE, statistic: 'Maximum', label: 'dead-letter' }),
            ],
            { width: 12, threshold: alarmLine(QUEUE_AGE_ALARM_MINUTES[name] * 60, 'alarm') },
          ),
        ];
      }),
      [heading('## Cases and deadlines (custom metrics, namespace Petitions)')],
      [
        graph('Cases received and routed', [sum(METRIC.casesReceived), sum(METRIC.casesRouted)]),
        graph('Deadline rungs applied, by rung', byDimension(METRIC.deadlineRungs, 'rung', RUNG_NOTICE_KINDS), { stacked: true }),
        graph('Overdue open cases', [customMetric(METRIC.overdueBacklog, 'Maximum', PERIOD).with({ label: METRIC.overdueBacklog })], {
          threshold: alarmLine(props.overdueBacklogThreshold, 'alarm'),
        }),
      ],
      [
        graph('Sweeps completed and due cases found (per minute)', [sum(METRIC.sweepsCompleted, MINUTE), sum(METRIC.dueFound, MINUTE)], {
          threshold: alarmLine(1, 'heartbeat: at least 1'),
        }),
        graph('Acceptance decisions: timely / late', [sum(METRIC.decisionsTimely), sum(METRIC.decisionsLate)]),
        graph('Replies: on time / late, and urges (催办)', [sum(METRIC.repliesOnTime), sum(METRIC.repliesLate), sum(METRIC.urges)]),
      ],
      [
        graph('Ratings, by rating', byDimension(METRIC.ratings, 'rating', RATINGS), { stacked: true }),
        // Above zero, an admin should load that year's calendar (PUT /v1/calendar/{year}).
        graph('Deadlines counted into a calendar year not loaded', [sum(METRIC.calendarYearsMissing)]),
      ],
    ];

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-${Aws.REGION}`,
      widgets: rows,
    });
    new CfnOutput(Stack.of(this), 'DashboardUrl', {
      value: Fn.join('', [
        `https://console.aws.amazon.com/cloudwatch/home?region=${Aws.REGION}#dashboards:name=`,
        this.dashboard.dashboardName,
      ]),
      description: 'The operations dashboard: alarms, API, functions, queues, cases and deadlines',
    });
  }
}
