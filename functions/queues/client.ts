import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { needsSetting, queueUrlEnv, requireEnv } from '../shared/env.ts';
import type { QueueName } from './names.ts';

// Made on first send, so that a function that only reads messages bundles no
// SQS client. The endpoint comes from the environment (AWS_ENDPOINT_URL_SQS
// locally); queue URLs of the local emulator name hosts that do not resolve,
// so never use them as endpoints.
let client: SQSClient | undefined;
const sqs = () => (client ??= new SQSClient({ useQueueUrlAsEndpoint: false }));

const MAX_BATCH = 10;

/** Sends a message per item to a queue; see {@link queueSender}. */
export type QueueSender<Item> = (items: Item[]) => Promise<void>;

/**
 * A sender to `queue` of the message `messageOf` makes of each item. A module
 * that sends makes its sender when it loads,
 * which declares the queue's URL a setting the function needs (checked when
 * it starts: see needsSetting); a module that only reads the queue's messages
 * makes none. The sender sends in batches of ten and throws, after trying
 * every batch, if any message was not accepted: the caller's safety net (the
 * due index) will send it again.
 */
export function queueSender<Item>(queue: QueueName, messageOf: (item: Item) => unknown): QueueSender<Item> {
  const setting = queueUrlEnv(queue);
  needsSetting(setting);
  return (items) => sendAll(queue, requireEnv(setting), items.map(messageOf));
}

async function sendAll(queue: QueueName, queueUrl: string, bodies: unknown[]): Promise<void> {
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
