/**
 * The alarms, their topic and the dashboard: every kind of alarm with its
 * metric, threshold, comparison and missing-data rule, all notifying the one
 * alarm topic; counts derived from lib/wiring.ts. Two synths without
 * bundling (the template's shape is all that matters here), shared by every test.
 */
import type { CfnElement } from 'aws-cdk-lib';
import { testApp } from '../support/cdk.ts';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RATINGS } from '../../functions/domain/case.ts';
import { RUNG_NOTICE_KINDS } from '../../functions/domain/ladder.ts';
import type { QueueName } from '../../functions/queues/names.ts';
import { METRIC, METRICS_NAMESPACE, SERVICE } from '../../functions/shared/metric-names.ts';
import {
  API_5XX_MIN_REQUESTS,
  API_5XX_PERCENT,
  API_LATENCY_PERIODS,
  API_P99_LATENCY_MS,
  DEFAULT_OVERDUE_BACKLOG_THRESHOLD,
  QUEUE_AGE_ALARM_MINUTES,
  QUEUE_AGE_PERIODS,
  SWEEP_MISSED_MINUTES,
} from '../../lib/constructs/observability.ts';
import { deadLetterQueueArnOutput } from '../../lib/constructs/queues.ts';
import { PetitionsStack, type PetitionsStackProps } from '../../lib/stack.ts';
import { FUNCTIONS, QUEUES, TOPICS, type FunctionName } from '../../lib/wiring.ts';

type Resource = { Type: string; Properties: Record<string, any> };

const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
const EMAIL = 'ops@example.org';
const CUSTOM_THRESHOLD = 7;

const unbundled = () => testApp();

/** A stack and its template, bundling skipped. */
function synth(props: PetitionsStackProps = {}) {
  const stack = new PetitionsStack(unbundled(), 'Petitions', props);
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const id = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties as Record<string, any>);
  /** The single-metric alarms on that metric (and, if given, on the resource with that logical id). */
  const alarmsOn = (namespace: string, metricName: string, logicalId?: string) =>
    alarms.filter(
      (alarm) =>
        alarm.Namespace === namespace &&
        alarm.MetricName === metricName &&
        (logicalId === undefined || JSON.stringify(alarm.Dimensions).includes(`"${logicalId}"`)),
    );
  return { stack, template, resources, id, alarms, alarmsOn };
}

describe('observability', () => {
  let plain: ReturnType<typeof synth>;
  let mailed: ReturnType<typeof synth>;

  beforeAll(() => {
    plain = synth();
    mailed = synth({ alarmEmail: EMAIL, overdueBacklogThreshold: CUSTOM_THRESHOLD });
  });

  const topicRef = (s: ReturnType<typeof synth>) => ({ Ref: s.id(s.stack.observability.topic) });
  /** The one alarm found, which must notify the alarm topic when it fires and when it clears. */
  function onlyAlarm(found: Record<string, any>[], s = plain): Record<string, any> {
    expect(found).toHaveLength(1);
    const alarm = found[0]!;
    expect(alarm.AlarmActions).toEqual([topicRef(s)]);
    expect(alarm.OKActions).toEqual([topicRef(s)]);
    return alarm;
  }

  /** The one alarm on that metric of the queue with that logical id: its per-minute Maximum above a threshold, quiet without data. */
  function queueAlarm(metricName: string, queueId: string): Record<string, any> {
    const alarm = onlyAlarm(plain.alarmsOn('AWS/SQS', metricName, queueId));
    expect(alarm).toMatchObject({
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Statistic: 'Maximum',
      Period: 60,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
    return alarm;
  }

  describe('the alarm topic', () => {
    it.each([
      ['without alarmEmail', () => plain],
      ['with alarmEmail', () => mailed],
    ] as const)('exists %s, besides the wiring topics', (_, get) => {
      const s = get();
      s.template.resourceCountIs('AWS::SNS::Topic', TOPICS.length + 1);
      expect(s.resources[s.id(s.stack.observability.topic)]?.Type).toBe('AWS::SNS::Topic');
      s.template.hasOutput('AlarmTopicArn', { Value: topicRef(s) });
    });

    it('is encrypted with a customer key that rotates and that CloudWatch may use', () => {
      const keyId = plain.id(plain.stack.observability.key);
      expect(plain.resources[plain.id(plain.stack.observability.topic)]!.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      const key = plain.resources[keyId]!;
      expect(key.Type).toBe('AWS::KMS::Key');
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.Properties.KeyPolicy.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']),
        }),
      );
    });

    it('denies publishing without TLS, and lets only this stack’s alarms publish through CloudWatch', () => {
      plain.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [topicRef(plain)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: topicRef(plain),
              Condition: {
                ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':alarm:Petitions-\\*$')])] } },
                StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              },
            }),
          ]),
        },
      });
    });

    it('mails the operator only when alarmEmail is given', () => {
      plain.template.resourceCountIs('AWS::SNS::Subscription', 0);
      expect(plain.stack.observability.emailSubscription).toBeUndefined();
      mailed.template.resourceCountIs('AWS::SNS::Subscription', 1);
      mailed.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: EMAIL, TopicArn: topicRef(mailed) });
    });
  });

  describe('alarms', () => {
    it('one errors and one throttles alarm per function, an age and a dead-letter alarm per queue, four more: all to the topic', () => {
      expect(plain.alarms).toHaveLength(2 * FUNCTION_NAMES.length + 2 * QUEUES.length + 4);
      expect(plain.stack.observability.alarms).toHaveLength(plain.alarms.length);
      for (const alarm of plain.alarms) {
        expect(alarm.AlarmActions, alarm.AlarmName).toEqual([topicRef(plain)]);
        expect(alarm.OKActions, alarm.AlarmName).toEqual([topicRef(plain)]);
        expect(alarm.AlarmName).toMatch(/^Petitions-/);
        // What it means and where to look: a sentence or two, not a metric name.
        expect(JSON.stringify(alarm.AlarmDescription).length, alarm.AlarmName).toBeGreaterThan(80);
      }
      expect(new Set(plain.alarms.map((alarm) => alarm.AlarmName)).size).toBe(plain.alarms.length);
    });

    it.each(FUNCTION_NAMES)('%s: errors over 0 in 5 minutes, and throttles over 0', (name) => {
      const fnId = plain.id(plain.stack.functions.byName[name].function);
      for (const metricName of ['Errors', 'Throttles']) {
        const alarm = onlyAlarm(plain.alarmsOn('AWS/Lambda', metricName, fnId));
        expect(alarm).toMatchObject({
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
          Statistic: 'Sum',
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: 0,
          ComparisonOperator: 'GreaterThanThreshold',
          TreatMissingData: 'notBreaching',
        });
        if (metricName === 'Errors') {
          // Where to look: the function's own log group.
          expect(JSON.stringify(alarm.AlarmDescription)).toContain(plain.id(plain.stack.functions.byName[name].logGroup));
        }
      }
    });

    it('the queue-age thresholds: 5 minutes for routing and notification, 10 for deadline checks', () => {
      expect(QUEUE_AGE_ALARM_MINUTES).toEqual({ routing: 5, notification: 5, deadline: 10 });
      expect(QUEUE_AGE_PERIODS).toBe(3);
    });

    it.each(QUEUES.map((q) => [q.name] as const))('%s: its oldest message older than its threshold for 3 minutes', (name: QueueName) => {
      const alarm = queueAlarm('ApproximateAgeOfOldestMessage', plain.id(plain.stack.queues.get(name).queue));
      expect(alarm).toMatchObject({ EvaluationPeriods: QUEUE_AGE_PERIODS, Threshold: QUEUE_AGE_ALARM_MINUTES[name] * 60 });
    });

    it.each(QUEUES.map((q) => [q.name] as const))('%s: its dead-letter queue not empty, and its ARN is an output', (name: QueueName) => {
      const dlqId = plain.id(plain.stack.queues.get(name).deadLetterQueue);
      const alarm = queueAlarm('ApproximateNumberOfMessagesVisible', dlqId);
      expect(alarm).toMatchObject({ EvaluationPeriods: 1, Threshold: 0 });
      expect(JSON.stringify(alarm.AlarmDescription)).toContain('start-message-move-task');
      // No other alarm on the DLQ (its age, say).
      expect(plain.alarms.filter((a) => JSON.stringify(a.Dimensions ?? []).includes(`"${dlqId}"`))).toHaveLength(1);
      plain.template.hasOutput(deadLetterQueueArnOutput(name), { Value: { 'Fn::GetAtt': [dlqId, 'Arn'] } });
    });

    it('API 5xx rate: 5xx / Count of the default stage, in percent, over 1 % of at least 20 requests in 5 minutes', () => {
      const alarm = onlyAlarm(plain.alarms.filter((a) => a.Metrics !== undefined));
      expect(alarm).toMatchObject({ Threshold: API_5XX_PERCENT, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
      expect(API_5XX_PERCENT).toBe(1);
      const [expression, ...metrics] = alarm.Metrics as Record<string, any>[];
      expect(expression).toMatchObject({ ReturnData: true });
      expect(expression!.Expression).toBe(`IF(requests >= ${API_5XX_MIN_REQUESTS}, 100 * FILL(errors, 0) / requests, 0)`);
      const stageDimensions = [
        { Name: 'ApiId', Value: { Ref: plain.id(plain.stack.api.httpApi) } },
        { Name: 'Stage', Value: '$default' },
      ];
      const stat = (metricName: string) => ({
        Metric: { Namespace: 'AWS/ApiGateway', MetricName: metricName, Dimensions: stageDimensions },
        Period: 300,
        Stat: 'Sum',
      });
      expect(metrics).toEqual(
        expect.arrayContaining([
          { Id: 'requests', MetricStat: stat('Count'), ReturnData: false },
          { Id: 'errors', MetricStat: stat('5xx'), ReturnData: false },
        ]),
      );
      expect(metrics).toHaveLength(2);
    });

    it('API p99 latency over 3 s for 3 periods of 5 minutes', () => {
      const alarm = onlyAlarm(plain.alarmsOn('AWS/ApiGateway', 'Latency'));
      expect(alarm).toMatchObject({
        Dimensions: [
          { Name: 'ApiId', Value: { Ref: plain.id(plain.stack.api.httpApi) } },
          { Name: 'Stage', Value: '$default' },
        ],
        ExtendedStatistic: 'p99',
        Period: 300,
        EvaluationPeriods: API_LATENCY_PERIODS,
        Threshold: API_P99_LATENCY_MS,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      });
      expect(API_P99_LATENCY_MS).toBe(3_000);
    });

    it.each([
      ['the default threshold', () => plain, DEFAULT_OVERDUE_BACKLOG_THRESHOLD],
      ['overdueBacklogThreshold', () => mailed, CUSTOM_THRESHOLD],
    ] as const)('overdue backlog: OverdueBacklog (Maximum) above %s', (_, get, threshold) => {
      const s = get();
      const alarm = onlyAlarm(s.alarmsOn(METRICS_NAMESPACE, METRIC.overdueBacklog), s);
      expect(alarm).toMatchObject({
        Dimensions: [{ Name: 'service', Value: SERVICE }],
        Statistic: 'Maximum',
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      });
      expect(DEFAULT_OVERDUE_BACKLOG_THRESHOLD).toBe(50);
    });

    it('refuses an overdue-backlog threshold that is not a whole number of cases', () => {
      for (const bad of [-1, 2.5, Number.NaN]) {
        expect(() => new PetitionsStack(unbundled(), 'Bad', { overdueBacklogThreshold: bad })).toThrow(/overdueBacklogThreshold/);
      }
    });

    it('sweep heartbeat: SweepsCompleted (Sum) under 1 in 3 one-minute periods, missing data breaching', () => {
      const alarm = onlyAlarm(plain.alarmsOn(METRICS_NAMESPACE, METRIC.sweepsCompleted));
      expect(alarm).toMatchObject({
        Dimensions: [{ Name: 'service', Value: SERVICE }],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: SWEEP_MISSED_MINUTES,
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
      });
      expect(SWEEP_MISSED_MINUTES).toBe(3);
    });
  });

  describe('dashboard', () => {
    const body = () => JSON.stringify(Object.values(plain.template.findResources('AWS::CloudWatch::Dashboard'))[0]!.Properties.DashboardBody);

    it('is one dashboard, named after the stack and region, linked from an output', () => {
      plain.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      plain.template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
        DashboardName: { 'Fn::Join': ['', ['Petitions-', { Ref: 'AWS::Region' }]] },
      });
      plain.template.hasOutput('DashboardUrl', { Value: Match.anyValue() });
    });

    it('shows the state of every alarm', () => {
      expect(body()).toContain('\\"type\\":\\"alarm\\"');
      for (const alarm of plain.stack.observability.alarms) expect(body()).toContain(`"${plain.id(alarm)}"`);
    });

    it('graphs the API: requests, 4xx, 5xx, latency p50 and p99', () => {
      for (const metric of ['Count', '4xx', '5xx', 'Latency', 'p50', 'p99']) expect(body()).toContain(`\\"${metric}\\"`);
    });

    it.each(FUNCTION_NAMES)('%s: its errors, throttles and duration', (name) => {
      const fnId = plain.id(plain.stack.functions.byName[name].function);
      const mentions = body().split(`{"Ref":"${fnId}"}`).length - 1;
      expect(mentions).toBe(3);
      for (const metric of ['Errors', 'Throttles', 'Duration']) expect(body()).toContain(`\\"${metric}\\"`);
    });

    it.each(QUEUES.map((q) => [q.name] as const))('%s: depth and oldest-message age of the queue and its DLQ', (name: QueueName) => {
      const { queue, deadLetterQueue } = plain.stack.queues.get(name);
      for (const logicalId of [plain.id(queue), plain.id(deadLetterQueue)]) expect(body()).toContain(`"${logicalId}"`);
      for (const metric of ['ApproximateNumberOfMessagesVisible', 'ApproximateAgeOfOldestMessage']) expect(body()).toContain(metric);
    });

    it.each(Object.values(METRIC))('shows the custom metric %s', (metric) => {
      expect(body()).toContain(`\\"${METRICS_NAMESPACE}\\",\\"${metric}\\"`);
    });

    it('shows DeadlineRungs by each rung and Ratings by each rating', () => {
      for (const rung of RUNG_NOTICE_KINDS) expect(body()).toContain(`\\"${METRIC.deadlineRungs}\\",\\"rung\\",\\"${rung}\\"`);
      for (const rating of RATINGS) expect(body()).toContain(`\\"${METRIC.ratings}\\",\\"rating\\",\\"${rating}\\"`);
    });
  });

  describe('hardening', () => {
    it('every SQS event source caps its concurrency (SQS allows 2 or more) and reports item failures', () => {
      const mappings = Object.values(plain.template.findResources('AWS::Lambda::EventSourceMapping'));
      expect(mappings).toHaveLength(QUEUES.length);
      for (const mapping of mappings) {
        expect(mapping.Properties.ScalingConfig.MaximumConcurrency).toBeGreaterThanOrEqual(2);
        expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      }
    });
  });
});
