/**
 * Plays Lambda's SQS event source mapping: long-polls a queue, invokes its
 * consumer with a batch (as many batches at once as the queue's maximum
 * concurrency in the wiring), and deletes only what the consumer did not
 * report as failed. Failed messages come back after the visibility timeout,
 * and the queue's redrive policy moves them to the dead-letter queue, as on
 * AWS.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { QueueWiring } from '../wiring.ts';
import type { LocalLambdas } from './lambda.ts';
import type { ProvisionedQueue } from './provision.ts';

/** The SQS record Lambda builds of a received message. */
export function recordOf(message: Message, queueArn: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: 'us-east-1',
  };
}

/** The messages Lambda deletes after an invocation: all but the reported failures; none if it threw. */
export function settled(records: SQSRecord[], outcome: { response?: SQSBatchResponse | void; threw: boolean }): SQSRecord[] {
  if (outcome.threw) return [];
  const failed = new Set((outcome.response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
  return records.filter((record) => !failed.has(record.messageId));
}

export interface EventSource {
  queue: QueueWiring['name'];
  consumer: QueueWiring['consumer'];
  batchSize: number;
  maxConcurrency: number;
  stop(): Promise<void>;
}

/** Starts polling `queue` for its consumer until stopped, with one poller per concurrent batch allowed. */
export function pollQueue(
  sqs: SQSClient,
  lambdas: LocalLambdas,
  queue: QueueWiring,
  provisioned: ProvisionedQueue,
  log: (line: string) => void,
): EventSource {
  const abort = new AbortController();
  const poller = async () => {
    while (!abort.signal.aborted) {
      let messages: Message[] = [];
      try {
        const received = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: provisioned.url,
            MaxNumberOfMessages: queue.batchSize,
            WaitTimeSeconds: 1,
            MessageSystemAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        messages = received.Messages ?? [];
      } catch (error) {
        if (abort.signal.aborted) return;
        log(`${queue.name} queue: receive failed (${(error as Error).name}); retrying`);
        await sleep(1000);
        continue;
      }
      if (messages.length === 0) continue;
      const event: SQSEvent = { Records: messages.map((message) => recordOf(message, provisioned.arn)) };
      let outcome: { response?: SQSBatchResponse | void; threw: boolean };
      try {
        outcome = { response: (await lambdas.invoke(queue.consumer, event)) as SQSBatchResponse | void, threw: false };
      } catch (error) {
        log(`${queue.consumer} failed on a batch of ${messages.length}: ${(error as Error).message}`);
        outcome = { threw: true };
      }
      const done = settled(event.Records, outcome);
      if (done.length > 0) {
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: provisioned.url,
            Entries: done.map((record, i) => ({ Id: String(i), ReceiptHandle: record.receiptHandle })),
          }),
        );
      }
      if (done.length < messages.length) {
        log(`${queue.consumer}: ${messages.length - done.length} of ${messages.length} messages failed; they will be retried`);
      }
    }
  };
  const pollers = Array.from({ length: queue.maxConcurrency }, poller);
  return {
    queue: queue.name,
    consumer: queue.consumer,
    batchSize: queue.batchSize,
    maxConcurrency: queue.maxConcurrency,
    async stop() {
      abort.abort();
      await Promise.all(pollers);
    },
  };
}
