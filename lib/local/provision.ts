/**
 * Creates the table, the queues and the attachments' bucket of the wiring on
 * the emulators, as the CDK stack creates them on AWS.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
} from '@aws-sdk/client-dynamodb';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { QueueName, TopicName } from '../../functions/queues/names.ts';
import { QUEUES, TABLE_SCHEMA, TOPICS, visibilityTimeoutSeconds } from '../wiring.ts';

type IndexSchema = (typeof TABLE_SCHEMA.indexes)[number];

const indexDefinition = (index: IndexSchema) => ({
  IndexName: index.name,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.include] },
});

const stringAttributes = (names: string[]): AttributeDefinition[] => names.map((name) => ({ AttributeName: name, AttributeType: 'S' }));

/** Adds the indexes a kept table (from an older version) does not have yet, as a deploy would. */
async function addMissingIndexes(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of TABLE_SCHEMA.indexes.filter((i) => !present.has(i.name))) {
    await dynamo.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: stringAttributes([index.partitionKey, index.sortKey]),
        GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(index) }],
      }),
    );
  }
}

/**
 * Creates the table unless it exists (then adds any index it lacks); answers
 * whether it was created (a fresh system).
 */
export async function ensureTable(dynamo: DynamoDBClient, tableName: string): Promise<boolean> {
  const keys = new Set<string>([TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey]);
  for (const index of TABLE_SCHEMA.indexes) keys.add(index.partitionKey).add(index.sortKey);
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: stringAttributes([...keys]),
        KeySchema: [
          { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE_SCHEMA.indexes.map(indexDefinition),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await addMissingIndexes(dynamo, tableName);
    return false;
  }
  await dynamo.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLive, Enabled: true },
    }),
  );
  return true;
}

export interface ProvisionedQueue {
  url: string;
  arn: string;
  deadLetterUrl: string;
}

async function createQueue(sqs: SQSClient, name: string, attributes: Record<string, string>) {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  if (!QueueUrl) throw new Error(`queue ${name} was not created`);
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl, arn: Attributes?.QueueArn ?? '' };
}

/** Creates each work queue of the wiring with its dead-letter queue and redrive. */
export async function ensureQueues(sqs: SQSClient, prefix: string): Promise<Record<QueueName, ProvisionedQueue>> {
  const created = {} as Record<QueueName, ProvisionedQueue>;
  for (const queue of QUEUES) {
    const deadLetter = await createQueue(sqs, `${prefix}-${queue.name}-dlq`, { MessageRetentionPeriod: String(14 * 24 * 3600) });
    const work = await createQueue(sqs, `${prefix}-${queue.name}`, {
      VisibilityTimeout: String(visibilityTimeoutSeconds(queue)),
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetter.arn, maxReceiveCount: String(queue.maxReceiveCount) }),
    });
    created[queue.name] = { ...work, deadLetterUrl: deadLetter.url };
  }
  return created;
}

/** Creates each topic of the wiring (on the emulator's SNS); answers their ARNs. */
export async function ensureTopics(sns: SNSClient, prefix: string): Promise<Record<TopicName, string>> {
  const arns = {} as Record<TopicName, string>;
  for (const topic of TOPICS) {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${prefix}-${topic.name}` }));
    if (!TopicArn) throw new Error(`topic ${topic.name} was not created`);
    arns[topic.name] = TopicArn;
  }
  return arns;
}

/**
 * Creates the attachments' bucket (on the emulator's S3) unless it exists.
 * The emulator keeps its objects in memory only, and has no CORS, encryption
 * or lifecycle rules: those are the stack's (lib/constructs/attachment-bucket.ts).
 */
export async function ensureBucket(s3: S3Client, name: string): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  } catch (error) {
    if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
  }
}
