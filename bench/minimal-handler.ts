/**
 * The bundle benchmark's yardstick: the least a function taking a case in
 * needs, with the SDK clients `submitCase` bundles (the DynamoDB document
 * client and SQS, made as the store and the queue module make them). It
 * writes a case and its matter in one transaction and sends the routing
 * message; no validation, no logging, no reference data.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });

export const handler = async (event: { body?: string }) => {
  const id = randomUUID();
  const TableName = process.env.TABLE_NAME;
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName, Item: { pk: `CASE#${id}`, sk: 'CASE', body: event.body }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName, Item: { pk: `MATTER#${id}`, sk: 'MATTER', caseId: id }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }),
  );
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.QUEUE_URL, Entries: [{ Id: '0', MessageBody: JSON.stringify({ kind: 'route-case', caseId: id }) }] }));
  return { statusCode: 201, body: JSON.stringify({ id }) };
};
