import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { queueUrlEnv, requireEnv } from '../shared/env.ts';

// Made on first send, so that a function that only reads messages bundles no
// SQS client. The endpoint comes from the environment (AWS_ENDPOINT_URL_SQS
// locally); queue URLs of the local emulator name hosts that do not resolve,
// so never use them as endpoints.
let client: SQSClient | undefined;
const sqs = () => (client ??= new SQSClient({ useQueueUrlAsEndpoint: false }));

const MAX_BATCH = 10;

/**
 * Sends messages to a queue in batches of ten. Throws, after trying every
 * batch, if any message was not accepted: the caller's safety net (the due
 * index) will send it again.
 */
export async function sendAll(queue: string, bodies: unknown[]): Promise<void> {
  const queueUrl = requireEnv(queueUrlEnv(queue));
  let failed = 0;
  for (let i = 0; i < bodies.length; i += MAX_BATCH) {
    const entries = bodies.slice(i, i + MAX_BATCH).map((body, n) => ({ Id: String(n), MessageBody: JSON.stringify(body) }));
    try {
      const { Failed = [] } = await sqs().send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      failed += Failed.length;
    } catch {
      failed += entries.length;
    }
  }
  if (failed > 0) throw new Error(`${failed} of ${bodies.length} messages were not sent to the ${queue} queue`);
}
