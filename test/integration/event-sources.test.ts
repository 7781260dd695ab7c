import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { pollQueue } from '../../lib/local/event-sources.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { postJson, quickQueue, submission, useTestSystem } from '../support/emulators.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const system = useTestSystem();

async function until<T>(probe: () => Promise<T | undefined>, seconds = 15): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(200);
  }
}

describe('the local SQS event source', () => {
  it('deletes what the consumer handled, retries what it reported failed, and redrives it to the dead-letter queue', async () => {
    const queue = await quickQueue(system, 'quick');
    const created = await system.api('/v1/cases', postJson(submission({ petitioner: { name: '吴九', phone: '13300001111' } })));
    const { id: caseId } = (await created.json()) as { id: string };
    const log: string[] = [];
    const source = pollQueue(system.sqs, system.lambdas, { name: 'routing', consumer: 'routeCase', batchSize: 10, maxReceiveCount: 2, maxConcurrency: 1 }, queue, (line) => log.push(line));
    try {
      await system.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'poison' }));
      await system.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: JSON.stringify({ kind: 'route-case', caseId }) }));

      const routed = await until(async () => {
        const found = await getCaseWithHistory(caseId);
        return found?.case.office ? found : undefined;
      });
      expect(routed.case.office).toBe('330726');

      const deadLettered = await until(async () => {
        const { Attributes } = await system.sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: queue.deadLetterUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
        );
        return Number(Attributes?.ApproximateNumberOfMessages) > 0 ? Number(Attributes?.ApproximateNumberOfMessages) : undefined;
      });
      expect(deadLettered).toBe(1);
      const { Attributes } = await system.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queue.url,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      expect(Number(Attributes?.ApproximateNumberOfMessages) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible)).toBe(0);
      expect(log.some((line) => line.includes('1 of 1 messages failed') || line.includes('of 2 messages failed'))).toBe(true);
    } finally {
      await source.stop();
    }
  });
});
