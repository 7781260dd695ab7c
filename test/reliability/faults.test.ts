/**
 * Faults injected into the running system: a consumer that crashes in the
 * middle of a batch, a crash between the write and the send, messages
 * delivered twice, and DynamoDB throttling. After each, every case that was
 * accepted is present once, routed once, and counted once.
 */
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { recount } from '../../functions/services/recount.ts';
import { documents } from '../../functions/store/client.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { pollQueue } from '../../lib/local/event-sources.ts';
import type { LocalLambdas } from '../../lib/local/lambda.ts';
import { bearer, postJson, quickQueue, submission, useTestSystem } from '../support/emulators.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const system = useTestSystem();
const accepted: string[] = [];
/** What the faults caused, for docs/RELIABILITY.md. */
const caused = { unavailable: 0, throttled: 0, calls: 0, batchFailures: 0, crashes: 0 };
let phone = 13_400_000_000;


/** Submits a case as a careful client does: with an Idempotency-Key, again on 503 until it is answered. */
async function submitUntilAnswered(): Promise<{ status: number; id: string }> {
  const body = submission({ petitioner: { name: '秦二十三', phone: String(++phone) } });
  const key = { 'idempotency-key': `fault-${phone}` };
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await system.api('/v1/cases', postJson(body, key));
    if (response.status === 503) {
      caused.unavailable++;
      expect(response.headers.get('retry-after')).toBe('1');
      await sleep(50);
      continue;
    }
    const answer = (await response.json()) as { id: string };
    expect(response.status).toBe(201);
    accepted.push(answer.id);
    return { status: response.status, id: answer.id };
  }
  throw new Error('never answered');
}

/** Routes what waits on the routing queue, delivering each batch twice. */
async function routeTwice(): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const messages = await system.receive('routing', 100, 0.5);
    if (messages.length === 0) return;
    await system.consume('routing', messages);
    await system.consume('routing', messages);
  }
}

async function routedOnce(id: string): Promise<boolean> {
  const found = await getCaseWithHistory(id);
  return found?.history.filter((entry) => entry.action === 'routed').length === 1 && found.case.office !== null;
}

describe('faults', () => {
  it('a consumer that crashes mid-batch: what it did stays done once, the rest is retried', async () => {
    const queue = await quickQueue(system, 'crashing');
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await submitUntilAnswered()).id);
    await system.receive('routing', 100, 0.5); // intake's own messages: this scenario uses its own queue
    let crashes = 0;
    // Routes half the batch, then dies, the first time; behaves after.
    const crashing = {
      invoke: async (name: string, event: SQSEvent) => {
        if (crashes++ === 0) {
          await system.lambdas.invoke(name as 'routeCase', { Records: event.Records.slice(0, Math.ceil(event.Records.length / 2)) });
          throw new Error('crashed mid-batch');
        }
        return system.lambdas.invoke(name as 'routeCase', event);
      },
    } as unknown as LocalLambdas;
    for (const id of ids) await system.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: JSON.stringify({ kind: 'route-case', caseId: id }) }));
    const source = pollQueue(system.sqs, crashing, { name: 'routing', consumer: 'routeCase', batchSize: 10, maxReceiveCount: 2, maxConcurrency: 1 }, queue, () => undefined);
    try {
      for (let i = 0; i < 50 && !(await Promise.all(ids.map(routedOnce))).every(Boolean); i++) await sleep(200);
    } finally {
      await source.stop();
    }
    expect(crashes).toBeGreaterThan(1);
    caused.crashes = 1;
    expect(await Promise.all(ids.map(routedOnce))).toEqual(ids.map(() => true));
  });

  it('a crash between the write and the send: the sweep sends it again', async () => {
    const queueUrl = process.env.ROUTING_QUEUE_URL;
    process.env.ROUTING_QUEUE_URL = `${queueUrl}-gone`;
    let id: string;
    try {
      ({ id } = await submitUntilAnswered());
    } finally {
      process.env.ROUTING_QUEUE_URL = queueUrl;
    }
    await system.lambdas.invoke('sweepDeadlines', {});
    expect(await routedOnce(id)).toBe(false);
    // The routing retry is 2 minutes: the sweep of 3 minutes later finds it.
    const { sweep } = await import('../../functions/services/sweep.ts');
    await sweep({ now: new Date(Date.now() + 3 * 60_000).toISOString() });
    await routeTwice();
    expect(await routedOnce(id)).toBe(true);
  });

  it('DynamoDB throttling: the SDK retries, intake answers 503 when it cannot, clients retry, workers are retried', async () => {
    // Three calls in five refused as throttled (seeded, so a run can be replayed), inside the SDK's retry loop:
    // most calls get through on a retry, some run out of retries.
    let seed = 20_261_122;
    const coin = () => ((seed = (seed * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32) < 0.6;
    const inject = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      caused.calls++;
      if (coin()) {
        caused.throttled++;
        throw Object.assign(new Error('injected throttling'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } });
      }
      return next(args);
    };
    documents.middlewareStack.add(inject as never, { step: 'deserialize', name: 'injectThrottling' });
    try {
      for (let i = 0; i < 8; i++) await submitUntilAnswered();
      for (let round = 0; round < 10; round++) {
        const messages = await system.receive('routing', 100, 0.5);
        if (messages.length === 0) break;
        const { batchItemFailures } = await system.consume('routing', messages);
        caused.batchFailures += batchItemFailures.length;
        // What failed comes back, as SQS would send it after its visibility timeout.
        if (batchItemFailures.length > 0) await system.consume('routing', messages.filter((m) => batchItemFailures.some((f) => f.itemIdentifier === m.MessageId)));
      }
    } finally {
      documents.middlewareStack.remove('injectThrottling');
    }
    expect(caused.throttled).toBeGreaterThan(10);
    expect(caused.unavailable).toBeGreaterThan(0);
    // The SDK backs off longer on throttling: this scenario takes its time.
  }, 120_000);

  it('after all of it: every accepted case present once, routed once, counted once', async () => {
    await routeTwice();
    // Anything routing could not finish under the faults, the sweep sends again.
    const { sweep } = await import('../../functions/services/sweep.ts');
    await sweep({ now: new Date(Date.now() + 3 * 60_000).toISOString() });
    await routeTwice();
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(await Promise.all(accepted.map(routedOnce))).toEqual(accepted.map(() => true));
    expect((await recount()).differences).toEqual([]);
    const today = chinaDay(new Date().toISOString());
    const stats = await system.api(`/v1/stats?regionCode=330726&from=${today}&to=${today}`, { headers: bearer(await system.token('330726', 'leader')) });
    expect(((await stats.json()) as { received: number }).received).toBe(accepted.length);
    console.info(`faults: cases=${accepted.length} throttled=${caused.throttled}/${caused.calls} unavailable_503=${caused.unavailable} batch_failures=${caused.batchFailures} mid_batch_crashes=${caused.crashes}`);
  });
});
