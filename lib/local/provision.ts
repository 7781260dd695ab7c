/**
 * Creates the table and the queues of the wiring on the emulators, as the
 * CDK stack creates them on AWS.
 */
import {
  CreateTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { QueueName } from '../../functions/queues/names.ts';
import { QUEUES, TABLE_SCHEMA, visibilityTimeoutSeconds } from '../wiring.ts';

/** Creates the table unless it exists; answers whether it was created (a fresh system). */
export async function ensureTable(dynamo: DynamoDBClient, tableName: string): Promise<boolean> {
  const keys = new Set<string>([TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey]);
  for (const index of TABLE_SCHEMA.indexes) keys.add(index.partitionKey).add(index.sortKey);
  const definitions: AttributeDefinition[] = [...keys].map((name) => ({ AttributeName: name, AttributeType: 'S' }));
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: definitions,
        KeySchema: [
          { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE_SCHEMA.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] },
        })),
      }),
    );
  } catch (error) {
    if (error instanceof ResourceInUseException) return false;
    throw error;
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
