/**
 * The whole system on one machine: the emulators, the table and queues of
 * the wiring, the API, the queue consumers and the schedules, all invoking
 * the same handlers that deploy to Lambda.
 */
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { QueueName, TopicName } from '../../functions/queues/names.ts';
import { ENV, parseConfig } from '../../functions/shared/env.ts';
import { environmentOf, FUNCTIONS, QUEUES, REMINDER_SCHEDULE, SCHEDULES, SWEEP_SCHEDULE, type FunctionName, type ScheduleWiring } from '../wiring.ts';
import { serveApi } from './api-gateway.ts';
import { startDynamoDb, startSqs, useEmulators } from './emulators.ts';
import { pollQueue, type EventSource } from './event-sources.ts';
import { localDeploymentSecret } from './deployment-secret.ts';
import { localSigningKey, localTokenCheck } from './identity.ts';
import { LocalLambdas } from './lambda.ts';
import { ensureBucket, ensureQueues, ensureTable, ensureTopics, type ProvisionedQueue } from './provision.ts';
import { runEvery, type Schedule } from './scheduler.ts';
import { localSite } from './site.ts';

export interface LocalOptions {
  /** Where the API listens; 0 picks a free port. */
  port: number;
  /** Where the table is kept across restarts; in memory without. */
  dataDir?: string;
  /** Divides every policy duration. */
  timeScale: number;
  /** How often the deadline sweep runs, instead of its AWS rate. */
  sweepIntervalSeconds: number;
  log?: (line: string) => void;
}

/** What the local runtime serves, in the terms the synthesized template uses (held equal by a test). */
export interface ServedWiring {
  routes: Array<{ key: string; authorization: 'JWT' | 'NONE' }>;
  queues: Array<{ name: QueueName; consumer: FunctionName; batchSize: number; maxConcurrency: number; visibilityTimeout: number; maxReceiveCount: number }>;
  schedules: FunctionName[];
  topics: TopicName[];
  table: { keys: string[]; indexes: Array<{ name: string; keys: string[]; include: string[] }>; timeToLive: string | undefined };
}

export interface LocalRuntime {
  apiUrl: string;
  dynamoDbEndpoint: string;
  sqsEndpoint: string;
  tableName: string;
  queues: Record<QueueName, ProvisionedQueue>;
  /** Whether the table was created by this start (a fresh system, seeded with the demo data). */
  fresh: boolean;
  /** Reads back from the emulators and the server what is actually served. */
  describe(): Promise<ServedWiring>;
  stop(): Promise<void>;
}

const TABLE_NAME = 'petitions';
/** In DATA_DIR while the runtime runs: its endpoints, for tools. */
export const RUNTIME_FILE = 'runtime.json';
const QUEUE_PREFIX = 'petitions';
const BUCKET_NAME = 'petitions-attachments';
/** In DATA_DIR: the SMS the local sender "sent", one JSON line each (GET /local/outbox). */
export const OUTBOX_FILE = 'outbox.jsonl';

/** The local sender's settings: the outbox, a file. */
export function localSender(outboxFile: string): Record<string, string> {
  return { [ENV.sender]: 'outbox', [ENV.outboxFile]: outboxFile };
}

/**
 * Starts the whole system. A function setting that is not valid (POLICY,
 * ROUTING_RETRY_SECONDS, ...) is refused first, with a ConfigError naming it,
 * as Lambda would refuse it at init; nothing is started then.
 */
/** How often a schedule runs here: the sweep at its setting, the booking reminders hourly in scaled time (TIME_SCALE), the rest at their AWS rate. */
function intervalOf(schedule: ScheduleWiring, options: LocalOptions): number {
  if (schedule.name === SWEEP_SCHEDULE) return options.sweepIntervalSeconds;
  if (schedule.name === REMINDER_SCHEDULE) return Math.max(1, schedule.everySeconds / options.timeScale);
  return schedule.everySeconds;
}

export async function startLocalRuntime(options: LocalOptions): Promise<LocalRuntime> {
  parseConfig({ ...process.env, [ENV.timeScale]: String(options.timeScale) });
  const log = options.log ?? (() => undefined);
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
    stops.length = 0;
  };
  try {
    const [dynamoDb, sqsEmulator] = await Promise.all([startDynamoDb({ dataDir: options.dataDir }), startSqs()]);
    stops.push(dynamoDb.stop, sqsEmulator.stop);
    useEmulators({ dynamoDb: dynamoDb.endpoint, sqs: sqsEmulator.endpoint });
    const dynamo = new DynamoDBClient({});
    const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    stops.push(async () => {
      dynamo.destroy();
      sqs.destroy();
    });

    const sns = new SNSClient({});
    stops.push(async () => sns.destroy());
    const fresh = await ensureTable(dynamo, TABLE_NAME);
    const queues = await ensureQueues(sqs, QUEUE_PREFIX);
    const topics = await ensureTopics(sns, QUEUE_PREFIX);
    const s3 = new S3Client({ forcePathStyle: true });
    stops.push(async () => s3.destroy());
    await ensureBucket(s3, BUCKET_NAME);
    const signingKey = await localSigningKey(options.dataDir);
    const tokens = localTokenCheck(signingKey);
    const secret = { value: await localDeploymentSecret(options.dataDir) };
    const outboxFile = join(options.dataDir ?? (await mkdtemp(join(tmpdir(), 'petitions-'))), OUTBOX_FILE);
    const sender = localSender(outboxFile);
    // One process plays every function: it gets the union of their environments.
    for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
      Object.assign(
        process.env,
        environmentOf(name, { tableName: TABLE_NAME, queueUrl: (queue) => queues[queue].url, topicArn: (topic) => topics[topic], tokens, secret, bucketName: BUCKET_NAME, sender }),
      );
    }
    process.env[ENV.timeScale] = String(options.timeScale);
    process.env.POWERTOOLS_SERVICE_NAME ??= 'petitions';
    // EMF records on the console would drown the rest; POWERTOOLS_METRICS_DISABLED=false shows them.
    process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

    const lambdas = new LocalLambdas();
    await lambdas.load();
    if (fresh) await lambdas.invoke('seedReferenceData', { RequestType: 'Create' });

    // The pages upload attachments straight to the emulator's S3.
    const site = localSite({ connect: [process.env.AWS_ENDPOINT_URL_S3 ?? ''] });
    const api = await serveApi(lambdas, options.port, log, { outboxFile, site });
    stops.push(api.close);
    if (options.dataDir) {
      // Where maintenance tools (npm run recount) find the running system.
      const file = join(options.dataDir, RUNTIME_FILE);
      await writeFile(file, JSON.stringify({ apiUrl: api.url, dynamoDbEndpoint: dynamoDb.endpoint, tableName: TABLE_NAME }));
      stops.push(() => rm(file, { force: true }));
    }
    const sources: EventSource[] = QUEUES.map((queue) => pollQueue(sqs, lambdas, queue, queues[queue.name], log));
    const schedules: Schedule[] = SCHEDULES.map((schedule) =>
      runEvery(lambdas, schedule.function, intervalOf(schedule, options), log),
    );
    // Consumers and schedules stop before the API and the emulators they use.
    stops.push(async () => {
      await Promise.all([...sources, ...schedules].map((s) => s.stop()));
    });

    return {
      apiUrl: api.url,
      dynamoDbEndpoint: dynamoDb.endpoint,
      sqsEndpoint: sqsEmulator.endpoint,
      tableName: TABLE_NAME,
      queues,
      fresh,
      stop,
      async describe() {
        const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: TABLE_NAME }));
        const keyNames = (schema: Array<{ AttributeName?: string }> | undefined) => (schema ?? []).map((k) => k.AttributeName ?? '');
        const { TimeToLiveDescription } = await dynamo.send(new DescribeTimeToLiveCommand({ TableName: TABLE_NAME }));
        const described: ServedWiring['queues'] = [];
        for (const source of sources) {
          const { Attributes = {} } = await sqs.send(
            new GetQueueAttributesCommand({ QueueUrl: queues[source.queue].url, AttributeNames: ['All'] }),
          );
          const redrive = JSON.parse(Attributes.RedrivePolicy ?? '{}') as { maxReceiveCount?: string | number };
          described.push({
            name: source.queue,
            consumer: source.consumer,
            batchSize: source.batchSize,
            maxConcurrency: source.maxConcurrency,
            visibilityTimeout: Number(Attributes.VisibilityTimeout),
            maxReceiveCount: Number(redrive.maxReceiveCount),
          });
        }
        return {
          routes: api.routes,
          queues: described,
          schedules: schedules.map((schedule) => schedule.function),
          topics: Object.keys(topics) as TopicName[],
          table: {
            keys: keyNames(Table?.KeySchema),
            indexes: (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({
              name: index.IndexName ?? '',
              keys: keyNames(index.KeySchema),
              include: index.Projection?.NonKeyAttributes ?? [],
            })),
            timeToLive: TimeToLiveDescription?.AttributeName,
          },
        };
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

