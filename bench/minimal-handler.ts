/**
 * The bundle benchmark's yardstick: the least a function taking a case in
 * needs, with the SDK clients `submitCase` bundles (the DynamoDB document
 * client and SQS, made as the store and the queue module make them, and
 * Secrets Manager for the deployment secret, read once at start as
 * functions/shared/secrets.ts reads it). It writes a case and its matter,
 * keyed with the secret, in one transaction and sends the routing message; no
 * validation, no logging, no reference data.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
const secretArn = process.env.DEPLOYMENT_SECRET_ARN;
const secret = secretArn
  ? (await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }))).SecretString!
  : process.env.DEPLOYMENT_SECRET!;

export const handler = async (event: { body?: string }) => {
  const id = randomUUID();
  const TableName = process.env.TABLE_NAME;
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName, Item: { pk: `CASE#${id}`, sk: 'CASE', body: event.body }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName, Item: { pk: `MATTER#${createHmac('sha256', secret).update(event.body ?? '').digest('hex')}`, sk: 'MATTER', caseId: id }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }),
  );
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.QUEUE_URL, Entries: [{ Id: '0', MessageBody: JSON.stringify({ kind: 'route-case', caseId: id }) }] }));
  return { statusCode: 201, body: JSON.stringify({ id }) };
};
