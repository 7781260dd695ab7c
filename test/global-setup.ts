/**
 * Starts the emulators once for the whole test run (DynamoDB Local in memory,
 * fauxqs) and hands their endpoints to the test files.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDb, startSqs } from '../lib/local/emulators.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    sqsEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const [dynamoDb, sqs] = await Promise.all([startDynamoDb(), startSqs()]);
  project.provide('dynamoDbEndpoint', dynamoDb.endpoint);
  project.provide('sqsEndpoint', sqs.endpoint);
  return async () => {
    await Promise.all([dynamoDb.stop(), sqs.stop()]);
  };
}
