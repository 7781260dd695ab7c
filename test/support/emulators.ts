/**
 * Gives a test file its own table and queues on the shared emulators, and
 * points the handlers (through their environment) at them.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, inject } from 'vitest';
import { useEmulators } from '../../lib/local/emulators.ts';
import { ensureBucket, ensureQueues, ensureTable, ensureTopics, type ProvisionedQueue } from '../../lib/local/provision.ts';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { serveApi } from '../../lib/local/api-gateway.ts';
import { recordOf } from '../../lib/local/event-sources.ts';
import { LocalLambdas } from '../../lib/local/lambda.ts';
import { localDeploymentSecret } from '../../lib/local/deployment-secret.ts';
import { localSigningKey, localTokenCheck, signStaffToken, type LocalSigningKey } from '../../lib/local/identity.ts';
import type { Role } from '../../functions/domain/staff.ts';
import { contractBreaches } from './api-contract.ts';
import { environmentOf, FUNCTIONS, QUEUES, type FunctionName, type SecretSource } from '../../lib/wiring.ts';
import type { QueueName } from '../../functions/queues/names.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSender, OUTBOX_FILE } from '../../lib/local/runtime.ts';
import { readOutbox, type OutboxEntry } from '../../functions/senders/outbox.ts';

/** What {@link TestSystem.call} answers. */
export interface ApiAnswer {
  status: number;
  type: string;
  headers: Headers;
  /** Tests read bodies of many shapes, so it is not typed. */
  body: any;
}

export interface TestSystem {
  tableName: string;
  /** The attachments' bucket (on the emulator's S3), named as the table. */
  bucketName: string;
  s3: S3Client;
  queues: Record<QueueName, ProvisionedQueue>;
  dynamo: DynamoDBClient;
  sqs: SQSClient;
  /** Where the API is served (the local API Gateway stand-in). */
  url: string;
  /** The wiring's functions, loaded, to invoke with events as Lambda would. */
  lambdas: LocalLambdas;
  /**
   * Calls the API, served by the local API Gateway stand-in over these
   * handlers; an answer that the API document does not describe fails the
   * call (api-contract.ts).
   */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Calls the API with a staff token and a JSON body, each optional; answers the status, headers and the body (parsed where it is JSON). */
  call(method: string, path: string, options?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> }): Promise<ApiAnswer>;
  /**
   * Receives up to `max` messages from a queue, waiting up to `waitSeconds` for the first; what it
   * receives stays hidden for the visibility timeout. With 0 it only drains what is there.
   */
  receive(queue: QueueName, max?: number, waitSeconds?: number): Promise<Message[]>;
  /** A staff token the system accepts, for a unit and roles. */
  token(unit: string, ...roles: Role[]): Promise<string>;
  signingKey: LocalSigningKey;
  /** The deployment secret the handlers were given (made for this system). */
  secret: SecretSource;
  /** The SMS the outbox sender sent to a phone (11 digits), oldest first. */
  outbox(phone: string): Promise<OutboxEntry[]>;
  /** Feeds messages to the queue's consumer as one SQS batch and answers its batch response. */
  consume(queue: QueueName, messages: Message[]): Promise<SQSBatchResponse>;
  /**
   * One turn of the ladder after a sweep: feeds what the deadline queue holds to its consumer,
   * then what the notification queue holds to its own, waiting up to `waitSeconds` for each.
   */
  deliverDeadlines(waitSeconds: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The test file's system ({@link testSystem}), made before its tests and closed
 * after them. Call it at the top of the file: its hooks run before the file's
 * own, and the answer stands for the system inside tests and hooks.
 * `environment` is set before the functions load (a policy, a time scale).
 */
export function useTestSystem(environment: Record<string, string> = {}): TestSystem {
  let made: TestSystem | undefined;
  beforeAll(async () => {
    Object.assign(process.env, environment);
    made = await testSystem();
  });
  afterAll(() => made?.close());
  return new Proxy({} as TestSystem, {
    get(_, name) {
      if (!made) throw new Error('The test system is made in beforeAll: use it inside tests and hooks.');
      return made[name as keyof TestSystem];
    },
  });
}

/**
 * Staff tokens for a test file, made once its system is: `{ clerk: ['330726', 'clerk'] }`
 * gives `tokens.clerk`, a token of a clerk of 330726, in tests and later hooks.
 */
export function useStaffTokens<Name extends string>(system: TestSystem, staff: Record<Name, readonly [string, Role]>): Record<Name, string> {
  const tokens = {} as Record<Name, string>;
  beforeAll(async () => {
    for (const [name, [unit, role]] of Object.entries(staff) as Array<[Name, readonly [string, Role]]>) tokens[name] = await system.token(unit, role);
  });
  return tokens;
}

/** A fresh table and fresh queues, named for this test file, with the demo reference data loaded. */
export async function testSystem(): Promise<TestSystem> {
  useEmulators({ dynamoDb: inject('dynamoDbEndpoint'), sqs: inject('sqsEndpoint') });
  const dynamo = new DynamoDBClient({});
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  const name = `t${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo, name);
  const queues = await ensureQueues(sqs, name);
  const topics = await ensureTopics(new SNSClient({}), name);
  const s3 = new S3Client({ forcePathStyle: true });
  await ensureBucket(s3, name);
  const signingKey = await localSigningKey();
  const tokens = localTokenCheck(signingKey);
  const secret = { value: await localDeploymentSecret() };
  const outboxFile = join(await mkdtemp(join(tmpdir(), 'petitions-')), OUTBOX_FILE);
  const sender = localSender(outboxFile);
  for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
    Object.assign(process.env, environmentOf(fn, { tableName: name, queueUrl: (queue) => queues[queue].url, topicArn: (topic) => topics[topic], tokens, secret, bucketName: name, sender }));
  }
  const lambdas = new LocalLambdas();
  await lambdas.load();
  await lambdas.invoke('seedReferenceData', { RequestType: 'Create' });
  const server = await serveApi(lambdas, 0, () => undefined, { outboxFile });
  const system: TestSystem = {
    tableName: name,
    bucketName: name,
    s3,
    url: server.url,
    queues,
    dynamo,
    sqs,
    lambdas,
    signingKey,
    secret,
    outbox: (phone) => readOutbox(outboxFile, phone),
    token: (unit, ...roles) => signStaffToken(signingKey, { sub: `${roles[0]}@${unit}`, unit, roles }),
    async api(path, init) {
      const answer = await fetch(`${server.url}${path}`, init);
      const breaches = await contractBreaches(init?.method ?? 'GET', path, answer);
      if (breaches.length > 0) throw new Error(`The answer is not as the API document says:\n${breaches.join('\n')}`);
      return answer;
    },
    async call(method, path, { token, body, headers = {} } = {}) {
      const response = await system.api(path, {
        method,
        headers: { ...(token && bearer(token)), ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const type = response.headers.get('content-type') ?? '';
      return { status: response.status, type, headers: response.headers, body: type.includes('json') ? await response.json() : await response.text() };
    },
    async receive(queue, max = 10, waitSeconds = 2) {
      const messages: Message[] = [];
      const until = Date.now() + waitSeconds * 1000;
      // Poll until something arrives (or the wait is over), then take what else is there.
      while (messages.length < max) {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queues[queue].url,
            MaxNumberOfMessages: Math.min(10, max - messages.length),
            MessageSystemAttributeNames: ['All'],
          }),
        );
        messages.push(...Messages);
        if (Messages.length > 0) continue;
        if (messages.length > 0 || Date.now() >= until) break;
        await sleep(50);
      }
      return messages;
    },
    async consume(queue, messages) {
      const wiring = QUEUES.find((q) => q.name === queue);
      if (!wiring) throw new Error(`no queue ${queue}`);
      const event = { Records: messages.map((message) => recordOf(message, queues[queue].arn)) };
      return (await lambdas.invoke(wiring.consumer, event)) as SQSBatchResponse;
    },
    async deliverDeadlines(waitSeconds) {
      for (const queue of ['deadline', 'notification'] as const) {
        const messages = await system.receive(queue, 100, waitSeconds);
        if (messages.length > 0) await system.consume(queue, messages);
      }
    },
    async close() {
      await server.close();
      dynamo.destroy();
      sqs.destroy();
      s3.destroy();
    },
  };
  return system;
}

/** A valid submission of an online case; `overrides` replace its fields. */
export function submission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'online',
    category: 'housing',
    title: '楼顶漏水',
    content: '楼顶漏水三个月，物业不予处理。',
    regionCode: '330726001001',
    petitioner: { name: '张三', phone: '13800138000' },
    ...overrides,
  };
}

/** Authorization headers for a staff token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Posts a JSON body. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** How many entries the table holds: tests use it to show a refused request wrote nothing. */
export async function countEntries(system: TestSystem): Promise<number> {
  const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
  let count = 0;
  let start: Record<string, never> | undefined;
  do {
    const page = await system.dynamo.send(new ScanCommand({ TableName: system.tableName, Select: 'COUNT', ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  return count;
}

/** A queue with a one-second visibility timeout and a redrive after two receives: to watch retries and redrive quickly. */
export async function quickQueue(system: TestSystem, name: string): Promise<ProvisionedQueue> {
  const create = async (queueName: string, attributes: Record<string, string>) => {
    const { QueueUrl = '' } = await system.sqs.send(new CreateQueueCommand({ QueueName: queueName, Attributes: attributes }));
    const { Attributes } = await system.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    return { url: QueueUrl, arn: Attributes?.QueueArn ?? '' };
  };
  const dlq = await create(`${system.tableName}-${name}-dlq`, {});
  const work = await create(`${system.tableName}-${name}`, {
    VisibilityTimeout: '1',
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: '2' }),
  });
  return { ...work, deadLetterUrl: dlq.url };
}
