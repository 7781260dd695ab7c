/**
 * Assertions on the synthesized stack, every expectation derived from
 * lib/wiring.ts: a route, queue, schedule or index added there is checked
 * here without touching this file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { App, type CfnElement } from 'aws-cdk-lib';
import { bundledStack, testApp } from '../support/cdk.ts';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, TOPIC_NAMES, type QueueName, type TopicName } from '../../functions/queues/names.ts';
import { topicArnEnv } from '../../functions/shared/env.ts';
import { topicArnOutput } from '../../lib/constructs/topics.ts';
import { LOG_RETENTION } from '../../lib/constructs/log-retention.ts';
import { acknowledgeNagFindings, addNagChecks, nagPacks } from '../../lib/nag.ts';
import { checkPolicyOverrides } from '../../functions/domain/policy.ts';
import { getCase } from '../../functions/store/cases.ts';
import { apiEvent } from '../../lib/local/api-gateway.ts';
import { localTokenCheck } from '../../lib/local/identity.ts';
import { submission, testSystem } from '../support/emulators.ts';
import { PetitionsStack, type PetitionsStackProps } from '../../lib/stack.ts';
import {
  ENV,
  FUNCTIONS,
  QUEUES,
  SCHEDULES,
  SERVED_ROUTES,
  TABLE_SCHEMA,
  TOPICS,
  environmentOf,
  queueUrlEnv,
  verifiesTokens,
  visibilityTimeoutSeconds,
  type FunctionName,
  type FunctionWiring,
} from '../../lib/wiring.ts';

const POLICY = { acceptance: 'P10D', handling: 'P45D' };
const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
const sendsOf = (name: FunctionName): readonly QueueName[] => FUNCTIONS[name].sends;
const publishesOf = (name: FunctionName): readonly TopicName[] => (FUNCTIONS[name] as FunctionWiring).publishes ?? [];

/**
 * A stack in a fresh app, without bundling (the assets become placeholders):
 * only the main synthesis below (bundledStack) pays for bundling.
 */
function synth(props: PetitionsStackProps = {}): { stack: PetitionsStack; template: Template } {
  const stack = new PetitionsStack(testApp(), 'Petitions', props);
  return { stack, template: Template.fromStack(stack) };
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; NotResource?: unknown };
type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[]; DeletionPolicy?: string };

const actionsOf = (statement: Statement): string[] => [statement.Action].flat();
const refersTo = (value: unknown, logicalId: string): boolean => (JSON.stringify(value) ?? '').includes(`"${logicalId}"`);

describe('PetitionsStack', { timeout: 180_000 }, () => {
  let stack: PetitionsStack;
  let template: Template;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    ({ stack, template } = bundledStack({ policy: POLICY }));
    resources = template.toJSON().Resources;
  }, 180_000);

  const id = (element: { node: { defaultChild?: unknown } }) => stack.getLogicalId(element.node.defaultChild as CfnElement);
  const fnId = (name: FunctionName) => id(stack.functions.byName[name].function);
  const roleId = (name: FunctionName) => id(stack.functions.byName[name].role);
  const queueId = (name: QueueName) => id(stack.queues.get(name).queue);
  const dlqId = (name: QueueName) => id(stack.queues.get(name).deadLetterQueue);
  const topicId = (name: TopicName) => id(stack.topics.get(name));
  const tableId = () => id(stack.data.table);
  const secretId = () => id(stack.secret.secret);
  const poolId = () => id(stack.identity.userPool);
  const clientId = () => id(stack.identity.client);
  /** The pool's issuer as CloudFormation builds it: https:// and the pool's provider URL. */
  const issuer = (suffix = '') => ({
    'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [poolId(), 'ProviderURL'] }, ...(suffix ? [suffix] : [])]],
  });

  /** Every statement of every IAM policy attached to the function's role. */
  function statementsOf(name: FunctionName): Statement[] {
    return Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => refersTo(policy.Properties.Roles, roleId(name)))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  }
  const actionsOfFunction = (name: FunctionName) => statementsOf(name).flatMap(actionsOf);
  /** Whether the function's role allows `action` on the resource with that logical id. */
  const allows = (name: FunctionName, action: string, logicalId: string) =>
    statementsOf(name).some((s) => s.Effect === 'Allow' && actionsOf(s).includes(action) && refersTo(s.Resource, logicalId));
  /** The queues the function may send to, from its role. */
  const queuesSentToBy = (name: FunctionName) => QUEUE_NAMES.filter((queue) => allows(name, 'sqs:SendMessage', queueId(queue)));
  /** The topics the function may publish to, from its role. */
  const topicsPublishedToBy = (name: FunctionName) => TOPIC_NAMES.filter((topic) => allows(name, 'sns:Publish', topicId(topic)));

  describe('table', () => {
    it('has the keys, billing, PITR, encryption, TTL, deletion protection and retain policies', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          KeySchema: [
            { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          DeletionProtectionEnabled: true,
          TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLive, Enabled: true },
        }),
      });
    });

    it('declares every key attribute as a string', () => {
      const keys = new Set<string>([TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey]);
      for (const index of TABLE_SCHEMA.indexes) keys.add(index.partitionKey).add(index.sortKey);
      const table = resources[tableId()]!;
      expect(new Set(table.Properties.AttributeDefinitions)).toEqual(
        new Set([...keys].map((AttributeName) => ({ AttributeName, AttributeType: 'S' }))),
      );
    });

    it('has exactly the indexes of TABLE_SCHEMA, each projecting its include list', () => {
      const indexes = resources[tableId()]!.Properties.GlobalSecondaryIndexes as Record<string, unknown>[];
      expect(indexes).toHaveLength(TABLE_SCHEMA.indexes.length);
      for (const index of TABLE_SCHEMA.indexes) {
        expect(indexes).toContainEqual({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] },
        });
      }
    });
  });

  describe('queues', () => {
    it('has a queue and a dead-letter queue per wiring queue, and no other', () => {
      template.resourceCountIs('AWS::SQS::Queue', 2 * QUEUES.length);
    });

    it('has a queue of its own in the template for every queue the handlers know (routing, deadline, notification)', () => {
      const ids = QUEUE_NAMES.map(queueId);
      for (const [i, name] of QUEUE_NAMES.entries()) expect(resources[ids[i]!]?.Type, name).toBe('AWS::SQS::Queue');
      expect(new Set(ids).size).toBe(QUEUE_NAMES.length);
    });

    it.each(QUEUES.map((q) => [q.name, q] as const))('%s: redrives to its DLQ after maxReceiveCount receives', (name, wiring) => {
      const queue = resources[queueId(name)]!;
      expect(queue.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [dlqId(name), 'Arn'] },
        maxReceiveCount: wiring.maxReceiveCount,
      });
      expect(wiring.maxReceiveCount).toBeGreaterThanOrEqual(5);
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      const dlq = resources[dlqId(name)]!;
      expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 60 * 60);
      expect(dlq.Properties.SqsManagedSseEnabled).toBe(true);
    });

    it.each(QUEUES.map((q) => [q.name, q] as const))('%s: visibility timeout is six times its consumer timeout', (name, wiring) => {
      const visibility = resources[queueId(name)]!.Properties.VisibilityTimeout;
      const consumerTimeout = resources[fnId(wiring.consumer)]!.Properties.Timeout;
      expect(consumerTimeout).toBe(FUNCTIONS[wiring.consumer].timeoutSeconds);
      expect(visibility).toBe(6 * consumerTimeout);
      expect(visibility).toBe(visibilityTimeoutSeconds(wiring));
    });

    it.each(QUEUES.map((q) => [q.name] as const))('%s: queue and DLQ deny requests without TLS', (name) => {
      for (const logicalId of [queueId(name), dlqId(name)]) {
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: logicalId }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Action: 'sqs:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        });
      }
    });

    // The dead-letter alarms, with every other alarm: test/cdk/observability.test.ts.
  });

  describe('topics', () => {
    it('has one topic per wiring topic and the alarm topic, and no other', () => {
      expect(TOPICS.map((t) => t.name).sort()).toEqual([...TOPIC_NAMES].sort());
      template.resourceCountIs('AWS::SNS::Topic', TOPICS.length + 1);
    });

    it.each(TOPICS.map((t) => [t.name, t] as const))('%s: encrypted with the AWS-managed SNS key, named from its description', (name, wiring) => {
      const { Properties } = resources[topicId(name)]!;
      expect(JSON.stringify(Properties.KmsMasterKeyId)).toContain(':alias/aws/sns');
      expect(Properties.DisplayName.length).toBeGreaterThan(0);
      expect(Properties.DisplayName.length).toBeLessThanOrEqual(100);
      expect(wiring.description.startsWith(Properties.DisplayName)).toBe(true);
    });

    it.each(TOPICS.map((t) => [t.name] as const))('%s: its policy denies publishing without TLS', (name) => {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: topicId(name) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Principal: '*',
              Action: 'sns:Publish',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });

    it.each(TOPICS.map((t) => [t.name] as const))('%s: its ARN is a stack output', (name) => {
      template.hasOutput(topicArnOutput(name), { Value: { Ref: topicId(name) } });
    });

    it('names the notices output NoticesTopicArn', () => {
      expect(topicArnOutput('notices')).toBe('NoticesTopicArn');
    });
  });

  describe('functions', () => {
    it("has one function per wiring entry, plus the custom-resource provider and the pages' copier", () => {
      const ours = FUNCTION_NAMES.map(fnId);
      expect(new Set(ours).size).toBe(FUNCTION_NAMES.length);
      for (const logicalId of ours) expect(resources[logicalId]?.Type).toBe('AWS::Lambda::Function');
      template.resourceCountIs('AWS::Lambda::Function', FUNCTION_NAMES.length + 2);
    });

    it.each(FUNCTION_NAMES)('%s: Node.js 22 on arm64, active tracing, timeout and memory from the wiring', (name) => {
      const { Properties } = resources[fnId(name)]!;
      expect(Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
        Timeout: FUNCTIONS[name].timeoutSeconds,
        MemorySize: FUNCTIONS[name].memoryMb,
      });
    });

    it.each(FUNCTION_NAMES)('%s: logs to its own log group with a retention', (name) => {
      const { LoggingConfig } = resources[fnId(name)]!.Properties;
      const logGroupId = LoggingConfig?.LogGroup?.Ref as string;
      expect(resources[logGroupId]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: LOG_RETENTION },
      });
    });

    it.each(FUNCTION_NAMES)('%s: environment from the wiring, source maps, Powertools, POLICY', (name) => {
      const wiring = FUNCTIONS[name];
      const variables = resources[fnId(name)]!.Properties.Environment.Variables as Record<string, unknown>;
      expect(variables).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'petitions',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POLICY: JSON.stringify(POLICY),
      });
      if (wiring.table === 'none') expect(variables).not.toHaveProperty(ENV.tableName);
      else expect(variables[ENV.tableName]).toEqual({ Ref: tableId() });
      for (const { name: queue } of QUEUES) {
        const env = queueUrlEnv(queue);
        if ((wiring.sends as readonly string[]).includes(queue)) expect(variables[env]).toEqual({ Ref: queueId(queue) });
        else expect(variables).not.toHaveProperty(env);
      }
      for (const { name: topic } of TOPICS) {
        const env = topicArnEnv(topic);
        if (publishesOf(name).includes(topic)) expect(variables[env]).toEqual({ Ref: topicId(topic) });
        else expect(variables).not.toHaveProperty(env);
      }
    });

    it.each(FUNCTION_NAMES)('%s: the staff pool in its environment only if it serves an optional-auth route', (name) => {
      const variables = resources[fnId(name)]!.Properties.Environment.Variables as Record<string, unknown>;
      if (verifiesTokens(name)) {
        expect(variables[ENV.jwtIssuer]).toEqual(issuer());
        expect(variables[ENV.jwtAudience]).toEqual({ Ref: clientId() });
        expect(variables[ENV.jwtJwksUrl]).toEqual(issuer('/.well-known/jwks.json'));
        expect(variables).not.toHaveProperty(ENV.jwtJwks);
      } else {
        for (const env of [ENV.jwtIssuer, ENV.jwtAudience, ENV.jwtJwksUrl, ENV.jwtJwks]) expect(variables).not.toHaveProperty(env);
      }
    });

    it.each(FUNCTION_NAMES)('%s: where the deployment secret is, only if its wiring reads it', (name) => {
      const variables = resources[fnId(name)]!.Properties.Environment.Variables as Record<string, unknown>;
      if ((FUNCTIONS[name] as FunctionWiring).secret) expect(variables[ENV.secretArn]).toEqual({ Ref: secretId() });
      else expect(variables).not.toHaveProperty(ENV.secretArn);
      // Never the secret itself: that is for the local runtime only.
      expect(variables).not.toHaveProperty(ENV.secret);
    });

    it('some function checks optional tokens (else the test above proves nothing)', () => {
      expect(FUNCTION_NAMES.filter(verifiesTokens)).not.toEqual([]);
    });

    it('refuses a policy with an unknown key or a bad duration', () => {
      expect(checkPolicyOverrides(POLICY)).toEqual(POLICY);
      expect(() => checkPolicyOverrides({ acceptanse: 'P10D' })).toThrow(/unknown name "acceptanse"/);
      expect(() => checkPolicyOverrides({ acceptance: '10 days' })).toThrow(/acceptance must be a positive ISO-8601 duration/);
      expect(() => checkPolicyOverrides({ acceptance: 10 })).toThrow(/acceptance/);
      expect(() => checkPolicyOverrides(['P10D'])).toThrow(/must be an object/);
      expect(() => new PetitionsStack(testApp(), 'Bad', { policy: { handling: 'P0D' } })).toThrow(/handling/);
    });

    it('sets no POLICY when no policy is given', () => {
      const { stack: plain, template: plainTemplate } = synth();
      for (const name of FUNCTION_NAMES) {
        const fn = plainTemplate.toJSON().Resources[plain.getLogicalId(plain.functions.byName[name].function.node.defaultChild as CfnElement)];
        expect(fn.Properties.Environment.Variables).not.toHaveProperty('POLICY');
      }
    });
  });

  describe('deployed bundles', () => {
    /** The folder the synthesis bundled the function's code into. */
    const bundleOf = (name: FunctionName) => {
      const { S3Key } = resources[fnId(name)]!.Properties.Code as { S3Key: string };
      return join((stack.node.root as App).synth().directory, `asset.${S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
    };

    it('submitCase, as deployed, takes a case in with credentials from the environment alone (SDK default chain aliased out)', async () => {
      const system = await testSystem();
      try {
        const environment = environmentOf('submitCase', {
          tableName: system.tableName,
          queueUrl: (queue) => system.queues[queue].url,
          topicArn: () => 'unused',
          tokens: localTokenCheck(system.signingKey),
          secret: system.secret,
        });
        const event = apiEvent({
          method: 'POST',
          url: new URL('http://localhost/v1/cases'),
          routeKey: 'POST /v1/cases',
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(JSON.stringify(submission({ title: '部署包自测', petitioner: { name: '沈十八', phone: '13200000018' } }))),
        });
        // Lambda's view: its environment, the role's keys in it, no home folder with AWS files.
        const invocation = `
          const { handler } = await import(${JSON.stringify(pathToFileURL(bundleOf('submitCase')).href)});
          const context = { functionName: 'submitCase', awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10000 };
          console.log('ANSWER ' + JSON.stringify(await handler(JSON.parse(process.env.EVENT), context)));`;
        // Run without blocking this process: its SDK clients' keep-alive sockets must stay serviced.
        const run = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', invocation], {
          encoding: 'utf8',
          timeout: 30_000,
          cwd: tmpdir(),
          env: {
            PATH: process.env.PATH,
            HOME: mkdtempSync(join(tmpdir(), 'no-aws-files-')),
            ...Object.fromEntries(Object.entries(process.env).filter(([name]) => /^AWS_(REGION|ACCESS_KEY_ID|SECRET_ACCESS_KEY|ENDPOINT_URL_\w+|SDK_JS_\w+)$/.test(name))),
            POWERTOOLS_METRICS_DISABLED: 'true',
            POWERTOOLS_LOG_LEVEL: 'SILENT',
            // The submission is anonymous and carries no verified phone.
            POLICY: JSON.stringify({ phoneVerification: false }),
            ...environment,
            EVENT: JSON.stringify(event),
          },
        }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? String(error) }));
        const answer = run.stdout.split('\n').find((line) => line.startsWith('ANSWER '));
        expect(answer, run.stderr).toBeDefined();
        const { statusCode, body } = JSON.parse(answer!.slice('ANSWER '.length)) as { statusCode: number; body: string };
        expect(statusCode, body).toBe(201);
        const { id } = JSON.parse(body) as { id: string };
        expect((await getCase(id))?.title).toBe('部署包自测');
        const messages = await system.receive('routing', 10, 3);
        expect(messages.map((m) => JSON.parse(m.Body ?? '{}'))).toContainEqual({ kind: 'route-case', caseId: id });
      } finally {
        await system.close();
      }
    });
  });

  describe('least privilege', () => {
    const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    const tableActionsOf = (name: FunctionName) => (FUNCTIONS[name].table === 'none' ? [] : FUNCTIONS[name].table.map((action) => `dynamodb:${action}`));
    const without = FUNCTION_NAMES.filter((name) => FUNCTIONS[name].table === 'none');
    const readers = FUNCTION_NAMES.filter((name) => !tableActionsOf(name).some((action) => WRITES.includes(action)));

    it('uses our own roles, without managed policies', () => {
      for (const name of FUNCTION_NAMES) expect(resources[roleId(name)]!.Properties.ManagedPolicyArns).toBeUndefined();
    });

    it.each(without)('%s: has no DynamoDB permission at all', (name) => {
      expect(actionsOfFunction(name).filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
    });

    it.each(readers.filter((name) => !without.includes(name)))('%s: reads the table but cannot write it', (name) => {
      const actions = actionsOfFunction(name);
      for (const write of WRITES) expect(actions).not.toContain(write);
    });

    // What each may do, against what its code sends: test/cdk/grants.test.ts.
    it.each(FUNCTION_NAMES)('%s: granted exactly the table actions its wiring declares', (name) => {
      expect(new Set(actionsOfFunction(name).filter((action) => action.startsWith('dynamodb:')))).toEqual(new Set(tableActionsOf(name)));
    });

    it.each(FUNCTION_NAMES)('%s: may not scan the table (the sweep queries the due index)', (name) => {
      expect(actionsOfFunction(name)).not.toContain('dynamodb:Scan');
    });

    it.each(FUNCTION_NAMES)('%s: DynamoDB actions reach only our table and its indexes', (name) => {
      for (const statement of statementsOf(name).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')))) {
        for (const resource of [statement.Resource].flat()) expect(refersTo(resource, tableId())).toBe(true);
      }
    });

    it.each(FUNCTION_NAMES)('%s: may send only to the queues it declares', (name) => {
      const sends = sendsOf(name);
      expect(queuesSentToBy(name)).toEqual(QUEUE_NAMES.filter((queue) => sends.includes(queue)));
      // Nor on anything else (a DLQ, a wildcard).
      for (const statement of statementsOf(name).filter((s) => actionsOf(s).includes('sqs:SendMessage'))) {
        expect(sends.some((queue) => refersTo(statement.Resource, queueId(queue)))).toBe(true);
      }
    });

    it.each(FUNCTION_NAMES)('%s: may publish only to the topics it declares', (name) => {
      const publishes = publishesOf(name);
      expect(topicsPublishedToBy(name)).toEqual(TOPIC_NAMES.filter((topic) => publishes.includes(topic)));
      // The SMS to petitioners' phone numbers are no topic's: the test below.
      for (const statement of statementsOf(name).filter((s) => actionsOf(s).some((a) => a.startsWith('sns:')) && s.NotResource === undefined)) {
        expect(actionsOf(statement)).toEqual(['sns:Publish']);
        expect(publishes.some((topic) => refersTo(statement.Resource, topicId(topic)))).toBe(true);
      }
    });

    it('the sender publishes SMS to phone numbers and nothing else (no topic, no endpoint), and no other function does', () => {
      const toPhones = (name: FunctionName) => statementsOf(name).filter((s) => s.NotResource !== undefined);
      expect(FUNCTION_NAMES.filter((name) => toPhones(name).length > 0)).toEqual(['sendPetitionerMessage']);
      expect(toPhones('sendPetitionerMessage')).toEqual([{ Effect: 'Allow', Action: 'sns:Publish', NotResource: 'arn:aws:sns:*:*:*' }]);
    });

    it('with the webhook sender: no SMS through SNS, and the sender reads its signing key and no other secret than the deployment one', () => {
      const keyArn = 'arn:aws:secretsmanager:cn-north-1:123456789012:secret:sms-gateway-key-AbCdEf';
      const { template: webhook } = synth({ sender: { kind: 'webhook', url: 'https://sms.example.org/send', keyArn } });
      const statements = Object.values(webhook.findResources('AWS::IAM::Policy'))
        .filter((policy) => refersTo(policy.Properties.Roles, roleId('sendPetitionerMessage')))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
      expect(statements.filter((s) => actionsOf(s).some((a) => a.startsWith('sns:')))).toEqual([]);
      const reads = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
      expect(reads.flatMap(actionsOf)).toEqual(['secretsmanager:GetSecretValue']);
      expect(reads.flatMap((s) => [s.Resource].flat())).toEqual([keyArn, { Ref: secretId() }]);
      const sender = Object.values(webhook.findResources('AWS::Lambda::Function')).find((fn) => refersTo(fn.Properties.Role, roleId('sendPetitionerMessage')));
      expect(sender?.Properties.Environment.Variables).toMatchObject({ PETITIONER_SENDER: 'webhook', SENDER_WEBHOOK_URL: 'https://sms.example.org/send', SENDER_WEBHOOK_KEY_ARN: keyArn });
    });

    it('the deadline flow: the sweep sends to routing and deadline (and messages to petitioners not sent in time), escalation to notification (and to deadline, the next page of a calendar recount), the notifier publishes notices', () => {
      expect(queuesSentToBy('sweepDeadlines')).toEqual(['routing', 'deadline', 'petitionerMessage']);
      expect(queuesSentToBy('escalateCase')).toEqual(['deadline', 'notification', 'petitionerMessage']);
      expect(queuesSentToBy('recordNotice')).toEqual([]);
      expect(FUNCTION_NAMES.filter((name) => topicsPublishedToBy(name).includes('notices'))).toEqual(['recordNotice']);
    });

    it.each(FUNCTION_NAMES)('%s: may read the deployment secret only if its wiring says so, and no other secret', (name) => {
      const reads = statementsOf(name).filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
      if ((FUNCTIONS[name] as FunctionWiring).secret) {
        expect(reads.flatMap(actionsOf)).toEqual(['secretsmanager:GetSecretValue']);
        for (const statement of reads) expect(statement.Resource).toEqual({ Ref: secretId() });
      } else {
        expect(reads).toEqual([]);
      }
    });

    it('has one deployment secret, generated by the stack and kept when the stack goes', () => {
      template.resourceCountIs('AWS::SecretsManager::Secret', 1);
      expect(resources[secretId()]).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } },
      });
      expect(resources[secretId()]!.Properties).not.toHaveProperty('SecretString');
    });

    it('needs no KMS grant to publish: the AWS-managed SNS key lets the account use it through SNS', () => {
      for (const name of FUNCTION_NAMES) expect(actionsOfFunction(name).filter((action) => action.startsWith('kms:')), name).toEqual([]);
    });

    it('only queue consumers may receive and delete messages', () => {
      const consumers = new Set<string>(QUEUES.map((q) => q.consumer));
      for (const name of FUNCTION_NAMES) {
        expect(actionsOfFunction(name).includes('sqs:DeleteMessage'), name).toBe(consumers.has(name));
      }
    });

    it('has no wildcard action in any policy statement', () => {
      const policies = [
        ...Object.values(template.findResources('AWS::IAM::Policy')).map((p) => p.Properties.PolicyDocument),
        ...Object.values(template.findResources('AWS::IAM::Role')).flatMap((r) =>
          (r.Properties.Policies ?? []).map((p: { PolicyDocument: unknown }) => p.PolicyDocument),
        ),
      ];
      const actions = policies.flatMap((doc: { Statement: Statement[] }) => doc.Statement.flatMap(actionsOf));
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    });
  });

  describe('api', () => {
    it('has exactly one route per wiring route, each to its function over payload 2.0', () => {
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
      expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(SERVED_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
      for (const route of SERVED_ROUTES) {
        const found = routes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`)!;
        const integrationId = found.Properties.Target['Fn::Join'][1][1].Ref as string;
        expect(resources[integrationId]).toMatchObject({
          Type: 'AWS::ApiGatewayV2::Integration',
          Properties: {
            IntegrationType: 'AWS_PROXY',
            PayloadFormatVersion: '2.0',
            IntegrationUri: { 'Fn::GetAtt': [fnId(route.function), 'Arn'] },
          },
        });
      }
    });

    it('has a throttled default stage with access logs, and outputs its URL', () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.requestId') },
      });
      // No source IP in the access logs: personal data stays out of logs.
      const stageFormat = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties.AccessLogSettings.Format;
      expect(stageFormat).not.toContain('sourceIp');
      template.hasOutput('ApiUrl', { Value: Match.anyValue() });
    });

    it('has one JWT authorizer: the staff pool as issuer, its client as audience, the Authorization header', () => {
      const authorizers = Object.values(template.findResources('AWS::ApiGatewayV2::Authorizer'));
      expect(authorizers).toHaveLength(1);
      expect(authorizers[0]!.Properties).toMatchObject({
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Issuer: issuer(), Audience: [{ Ref: clientId() }] },
      });
    });

    const routeCases = SERVED_ROUTES.map((route) => [`${route.method} ${route.path}`, route.auth] as const);
    it.each(routeCases)('%s (%s): the JWT authorizer exactly on staff routes', (key, auth) => {
      const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
      const { Properties } = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).find((r) => r.Properties.RouteKey === key)!;
      if (auth === 'staff') expect(Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      else {
        expect(Properties.AuthorizationType ?? 'NONE').toBe('NONE');
        expect(Properties).not.toHaveProperty('AuthorizerId');
      }
    });
  });

  describe('staff identity', () => {
    it('has one user pool: admin-created staff, custom unit and roles, strong passwords, TOTP required, recovery by email', () => {
      template.resourceCountIs('AWS::Cognito::UserPool', 1);
      const { Properties } = resources[poolId()]!;
      expect(Properties).toMatchObject({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      });
      const customString = (Name: string, MaxLength: string) =>
        expect.objectContaining({
          Name,
          AttributeDataType: 'String',
          Mutable: true,
          StringAttributeConstraints: expect.objectContaining({ MaxLength }),
        });
      expect(Properties.Schema).toEqual(expect.arrayContaining([customString('unit', '64'), customString('roles', '100')]));
      const password = Properties.Policies.PasswordPolicy;
      expect(password.MinimumLength).toBeGreaterThanOrEqual(12);
      expect(password).toMatchObject({ RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true });
    });

    it('keeps the pool: deletion protection and retain policies', () => {
      expect(resources[poolId()]).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { DeletionProtection: 'ACTIVE' },
      });
    });

    it('runs issueStaffClaims as its pre-token-generation trigger, and lets Cognito invoke it', () => {
      expect(resources[poolId()]!.Properties.LambdaConfig).toEqual({
        PreTokenGeneration: { 'Fn::GetAtt': [fnId('issueStaffClaims'), 'Arn'] },
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'cognito-idp.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [fnId('issueStaffClaims'), 'Arn'] },
        SourceArn: { 'Fn::GetAtt': [poolId(), 'Arn'] },
      });
    });

    it('has one public client: password and SRP sign-in, 1-hour ID tokens, no existence errors', () => {
      template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
      const { Properties } = resources[clientId()]!;
      expect(Properties).toMatchObject({
        UserPoolId: { Ref: poolId() },
        GenerateSecret: false,
        PreventUserExistenceErrors: 'ENABLED',
        IdTokenValidity: 60,
        TokenValidityUnits: { IdToken: 'minutes' },
      });
      expect(Properties.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']));
    });

    it('does not let users write their own unit or roles', () => {
      // Without WriteAttributes a client may write every attribute: the list must be there.
      const writable = resources[clientId()]!.Properties.WriteAttributes as string[];
      expect(writable).toBeInstanceOf(Array);
      expect(writable).not.toContain('custom:unit');
      expect(writable).not.toContain('custom:roles');
    });

    it('outputs the pool and client ids', () => {
      template.hasOutput('UserPoolId', { Value: { Ref: poolId() } });
      template.hasOutput('UserPoolClientId', { Value: { Ref: clientId() } });
    });

    it('gives the trigger nothing from the pool (Template.fromStack refuses a dependency cycle outright)', () => {
      expect(refersTo(resources[fnId('issueStaffClaims')]!.Properties, poolId())).toBe(false);
      expect(refersTo(resources[fnId('issueStaffClaims')]!.Properties, clientId())).toBe(false);
    });
  });

  describe('workers and schedules', () => {
    it.each(QUEUES.map((q) => [q.name, q] as const))('%s: feeds its consumer with the batch size, reporting item failures', (name, wiring) => {
      const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).filter((m) =>
        refersTo(m.Properties.EventSourceArn, queueId(name)),
      );
      expect(mappings).toHaveLength(1);
      expect(mappings[0]!.Properties).toMatchObject({
        FunctionName: { Ref: fnId(wiring.consumer) },
        BatchSize: wiring.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        // A burst on a worker queue cannot take the API's concurrency.
        ScalingConfig: { MaximumConcurrency: wiring.maxConcurrency },
      });
    });

    it('has no event source mapping that is not in the wiring', () => {
      template.resourceCountIs('AWS::Lambda::EventSourceMapping', QUEUES.length);
    });

    /** The EventBridge rate expression for a whole number of minutes, in the largest whole unit. */
    function rateExpression(seconds: number): string {
      const [amount, unit] =
        seconds % 86_400 === 0 ? [seconds / 86_400, 'day'] : seconds % 3_600 === 0 ? [seconds / 3_600, 'hour'] : [seconds / 60, 'minute'];
      return `rate(${amount} ${unit}${amount === 1 ? '' : 's'})`;
    }

    it('has one schedule rule per wiring schedule, at its rate, targeting its function', () => {
      template.resourceCountIs('AWS::Events::Rule', SCHEDULES.length);
      for (const schedule of SCHEDULES) {
        template.hasResourceProperties('AWS::Events::Rule', {
          ScheduleExpression: rateExpression(schedule.everySeconds),
          State: 'ENABLED',
          Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId(schedule.function), 'Arn'] } })],
        });
        template.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          Principal: 'events.amazonaws.com',
          FunctionName: { 'Fn::GetAtt': [fnId(schedule.function), 'Arn'] },
        });
      }
    });
  });

  describe('seed', () => {
    it('loads the reference data by default, after the table, versioned by the data', () => {
      const seeds = Object.entries(template.findResources('Custom::ReferenceData'));
      expect(seeds).toHaveLength(1);
      const [, seed] = seeds[0]!;
      expect(seed.DependsOn).toContain(tableId());
      expect(seed.Properties.version).toMatch(/^[0-9a-f]{16}$/);
      // The provider's framework function invokes the seed function.
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: { USER_ON_EVENT_FUNCTION_ARN: { 'Fn::GetAtt': [fnId('seedReferenceData'), 'Arn'] } } },
      });
    });

    it('runs the data migrations after the table and every function, versioned by the steps', () => {
      const migrations = Object.values(template.findResources('Custom::Migrations'));
      expect(migrations).toHaveLength(1);
      expect(migrations[0]!.DependsOn).toEqual(expect.arrayContaining([tableId(), ...FUNCTION_NAMES.map(fnId)]));
      expect(migrations[0]!.Properties.steps).toMatch(/^[0-9a-f]{16}$/);
    });

    it('loads no reference data with seedDemoData: false, and still runs the migrations', () => {
      const { template: unseeded } = synth({ seedDemoData: false });
      unseeded.resourceCountIs('Custom::ReferenceData', 0);
      unseeded.resourceCountIs('Custom::Migrations', 1);
      // The functions of the wiring and the provider's framework function.
      unseeded.resourceCountIs('AWS::Lambda::Function', FUNCTION_NAMES.length + 2);
    });
  });

  describe('cdk-nag', () => {
    /** Findings of every pack we gate on, on a stack with our acknowledgements (or without). */
    function findings(props: PetitionsStackProps, acknowledge: boolean) {
      const app = testApp();
      const nagged = new PetitionsStack(app, 'Petitions', props);
      if (acknowledge) acknowledgeNagFindings(nagged);
      return nagPacks().flatMap((pack) =>
        pack.validateScope(nagged).violations.map((v) => ({
          rule: v.ruleName,
          severity: v.severity,
          at: v.violatingResources.map((r) => r.constructPath),
        })),
      );
    }

    it.each([
      ['default', {}],
      ['no seed, alarm email, backlog threshold, policy', { seedDemoData: false, alarmEmail: 'ops@example.org', overdueBacklogThreshold: 10, policy: POLICY }],
    ] as const)('AwsSolutions and Serverless packs: nothing left unacknowledged (%s)', (_, props) => {
      const left = findings(props, true);
      expect(left.filter((f) => f.severity === 'error')).toEqual([]);
      expect(left.filter((f) => f.severity === 'warning')).toEqual([]);
    });

    it('the packs do run: without our acknowledgements they report what we acknowledge', () => {
      const rules = new Set(findings({}, false).map((f) => f.rule.replace(/\[.*$/, '')));
      for (const rule of [
        'AwsSolutions-L1',
        'AwsSolutions-IAM5',
        'AwsSolutions-APIG4',
        'AwsSolutions-COG8',
        'Serverless-LambdaEventSourceMappingDestination',
      ]) {
        expect(rules).toContain(rule);
      }
      // What we fixed instead of acknowledging stays fixed.
      const fixed = [
        'AwsSolutions-IAM4',
        'AwsSolutions-DDB3',
        'AwsSolutions-SQS3',
        'AwsSolutions-SQS4',
        'AwsSolutions-SNS3',
        'AwsSolutions-KMS5',
        'AwsSolutions-APIG1',
        'AwsSolutions-COG1',
        'AwsSolutions-COG2',
        // The notices topic has no subscription in the stack: one added without a redrive policy shows here.
        'Serverless-SNSRedrivePolicy',
      ];
      for (const rule of fixed) {
        expect(rules).not.toContain(rule);
      }
    });

    it('reports missing authorization on exactly the public and optional routes, each acknowledged on its own route', () => {
      const unauthorized = findings({}, false).find((f) => f.rule === 'AwsSolutions-APIG4')!.at;
      const open = stack.api.routes.filter(({ wiring }) => wiring.auth !== 'staff');
      expect(open).toHaveLength(SERVED_ROUTES.filter((route) => route.auth !== 'staff').length);
      expect(unauthorized.sort()).toEqual(open.map(({ route }) => route.node.defaultChild!.node.path).sort());
    });

    it("an app with the packs registered synthesizes, its template passing CloudFormation's built-in rules (as bin/app.ts does)", () => {
      const app = testApp({ validate: true });
      const nagged = new PetitionsStack(app, 'Petitions');
      addNagChecks(app, false);
      acknowledgeNagFindings(nagged);
      expect(() => app.synth()).not.toThrow();
    });
  });
});
