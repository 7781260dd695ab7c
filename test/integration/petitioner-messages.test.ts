/**
 * The messages to petitioners: kept with the change that makes them, sent
 * once through the petitioner-message queue by the configured sender; a
 * sender that fails is retried, then the message waits in the dead-letter
 * queue, and a redrive delivers it once. The webhook sender against a real
 * HTTP server: signed, retried with backoff, given up.
 */
import { mkdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { sweep } from '../../functions/services/sweep.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollQueue } from '../../lib/local/event-sources.ts';
import { ENV } from '../../functions/shared/env.ts';
import { webhookSender, webhookSignature } from '../../functions/senders/webhook.ts';
import { postJson, quickQueue, submission, useTestSystem } from '../support/emulators.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const system = useTestSystem();

const PHONE = '13700001234';

async function submitted(phone = PHONE): Promise<{ id: string; accessCode: string }> {
  const answer = await system.api('/v1/cases', postJson(submission({ petitioner: { name: '王五', phone } })));
  expect(answer.status).toBe(201);
  return (await answer.json()) as { id: string; accessCode: string };
}

describe('messages to the petitioner', () => {
  it('a new case is told once that it was received, however often its message comes', async () => {
    const { id, accessCode } = await submitted();
    const messages = await system.receive('petitionerMessage', 10, 2);
    expect(messages).toHaveLength(1);
    await system.consume('petitionerMessage', messages);
    await system.consume('petitionerMessage', messages);
    const sent = await system.outbox(PHONE);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ phone: PHONE, kind: 'received' });
    expect(sent[0]?.text).toContain('已登记');
    expect(sent[0]?.text).not.toContain('王五');
    const listed = await system.call('GET', `/v1/cases/${id}/messages`, { headers: { 'x-access-code': accessCode } });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([{ at: expect.any(String), kind: 'received', text: sent[0]?.text, status: 'sent' }]);
  });

  it('a message whose send to the queue was lost is sent again by the sweep, once, and then leaves the due index', async () => {
    const phone = '13700004321';
    const { id, accessCode } = await submitted(phone);
    // The send after the commit "failed": the queue's copy is dropped, the message stays pending.
    const lost = await system.receive('petitionerMessage', 10, 2);
    expect(lost).toHaveLength(1);
    for (const message of lost) await system.sqs.send(new DeleteMessageCommand({ QueueUrl: system.queues.petitionerMessage.url, ReceiptHandle: message.ReceiptHandle }));
    const pending = async () => (await system.call('GET', `/v1/cases/${id}/messages`, { headers: { 'x-access-code': accessCode } })).body.items;
    expect((await pending()).map((m: { status: string }) => m.status)).toEqual(['pending']);

    // Not before its resend time: a sweep now sends nothing of it.
    expect((await sweep()).messages).toBe(0);
    const later = new Date(Date.now() + 6 * 60_000).toISOString();
    expect((await sweep({ now: later })).messages).toBe(1);
    const resent = await system.receive('petitionerMessage', 10, 2);
    expect(resent).toHaveLength(1);
    await system.consume('petitionerMessage', resent);
    expect((await system.outbox(phone)).map((m) => m.kind)).toEqual(['received']);
    expect((await pending()).map((m: { status: string }) => m.status)).toEqual(['sent']);
    // Settled, it is no longer due.
    expect((await sweep({ now: new Date(Date.now() + 60 * 60_000).toISOString() })).messages).toBe(0);
  });

  it('a sender that fails: retried, then in the dead-letter queue; a redrive delivers it once', async () => {
    const phone = '13700005678';
    await submitted(phone);
    const [message] = await system.receive('petitionerMessage', 10, 2);
    const queue = await quickQueue(system, 'messages');
    const outbox = process.env[ENV.outboxFile] as string;
    // The outbox cannot be written: a directory stands where its file should be.
    await rm(outbox, { force: true });
    await mkdir(outbox);
    await system.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: message?.Body ?? '' }));
    const wiring = { name: 'petitionerMessage', consumer: 'sendPetitionerMessage', batchSize: 10, maxReceiveCount: 2, maxConcurrency: 1 } as const;
    let source = pollQueue(system.sqs, system.lambdas, wiring, queue, () => undefined);
    const deadLettered = async () => (await system.sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.deadLetterUrl, WaitTimeSeconds: 1 }))).Messages ?? [];
    let dead: Awaited<ReturnType<typeof deadLettered>> = [];
    try {
      for (let i = 0; i < 20 && dead.length === 0; i++) dead = await deadLettered();
    } finally {
      await source.stop();
    }
    expect(dead).toHaveLength(1);
    await rm(outbox, { recursive: true });

    // The redrive: the message back to its queue, twice over (a redrive repeated); delivered once.
    for (let i = 0; i < 2; i++) await system.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: dead[0]?.Body ?? '' }));
    source = pollQueue(system.sqs, system.lambdas, wiring, queue, () => undefined);
    try {
      for (let i = 0; i < 50 && (await system.outbox(phone)).length === 0; i++) await sleep(100);
      await sleep(1500);
    } finally {
      await source.stop();
    }
    expect(await system.outbox(phone)).toHaveLength(1);
  });
});

describe('milestones', () => {
  /** Delivers what the petitioner-message queue holds, then answers the kinds sent to `phone`. */
  async function told(phone: string): Promise<string[]> {
    const messages = await system.receive('petitionerMessage', 50, 2);
    if (messages.length > 0) await system.consume('petitionerMessage', messages);
    return (await system.outbox(phone)).map((sms) => sms.kind);
  }

  it('the petitioner is told of each step once, with nothing of the case text, a name or an opinion', async () => {
    const phone = '13700002468';
    const answer = await system.call('POST', '/v1/cases', { body: submission({ category: 'land', regionCode: '330726101201', petitioner: { name: '钱七', phone } }) });
    const { id, accessCode } = answer.body;
    const petitioner = { 'x-access-code': accessCode };
    await system.consume('routing', await system.receive('routing', 10, 2));
    const clerk = await system.token('330726101', 'clerk');
    const handler = await system.token('330726101:land', 'handler');
    const act = async (path: string, token: string | undefined, body: unknown) => {
      const done = await system.call('POST', `/v1/cases/${id}/${path}`, { token, body, ...(token ? {} : { headers: petitioner }) });
      expect(done.status, path).toBe(200);
    };
    await act('acceptance', clerk, { decision: 'accept' });
    await act('extension', handler, { days: 10, reason: '需现场勘查' });
    await act('reply', handler, { opinion: '经核实，界址清楚。' });
    await act('review-request', undefined, { reason: '界址有误' });
    await act('review-opinion', await system.token('330726', 'supervisor'), { opinion: '维持原答复。', upheld: true });
    await act('review-request', undefined, { reason: '仍有异议' });
    await act('review-opinion', await system.token('330700', 'supervisor'), { opinion: '维持复查意见。', upheld: true });
    // One SMS per milestone; SQS keeps no order among them.
    expect((await told(phone)).sort()).toEqual(['accepted', 'extended', 'final', 'received', 'replied', 'review_opinion', 'review_requested', 'review_requested']);
    const texts = (await system.outbox(phone)).map((sms) => sms.text).join('\n');
    for (const secret of ['钱七', '楼顶漏水', '界址', '维持', phone]) expect(texts).not.toContain(secret);
    expect((await system.outbox(phone)).find((sms) => sms.kind === 'replied')?.text).toContain('30日内请求复查');
    // Units by their names from the reference data, never their ids.
    expect((await system.outbox(phone)).find((sms) => sms.kind === 'accepted')?.text).toContain('由黄宅镇国土资源部门办理');
    expect(texts).not.toMatch(/\d{6}:/);
    const listed = await system.call('GET', `/v1/cases/${id}/messages?limit=5`, { headers: petitioner });
    expect(listed.body.items).toHaveLength(5);
    const rest = await system.call('GET', `/v1/cases/${id}/messages?limit=5&cursor=${encodeURIComponent(listed.body.nextCursor)}`, { headers: petitioner });
    // Listed in the order of the changes that made them.
    expect(rest.body.items.map((item: { kind: string }) => item.kind)).toEqual(['review_opinion', 'review_requested', 'final']);
    expect((await system.call('GET', `/v1/cases/${id}/messages`, { headers: { 'x-access-code': 'WRONG-CODE-0000' } })).status).toBe(404);
  });

  it('a case not accepted is told why, one forwarded to whom', async () => {
    const clerk = await system.token('330726', 'clerk');
    for (const [phone, decision, expected] of [
      ['13700003579', { decision: 'not_accept', reason: '不属于信访事项' }, '不属于信访事项'],
      ['13700004680', { decision: 'forward', forwardTo: '330726:land', reason: '属国土部门职责' }, '已转送浦江县国土资源部门办理'],
    ] as const) {
      const { id } = (await system.call('POST', '/v1/cases', { body: submission({ petitioner: { name: '孙八', phone } }) })).body;
      await system.consume('routing', await system.receive('routing', 10, 2));
      expect((await system.call('POST', `/v1/cases/${id}/acceptance`, { token: clerk, body: decision })).status).toBe(200);
      await told(phone);
      expect((await system.outbox(phone)).find((sms) => sms.kind === decision.decision.replace('not_accept', 'not_accepted').replace('forward', 'forwarded'))?.text).toContain(expected);
    }
  });
});

describe('the webhook sender', () => {
  const KEY = 'k'.repeat(40);
  const SMS = { id: 'case-1.1', phone: PHONE, kind: 'received' as const, text: '【信访】您的信访事项已登记。', at: '2026-12-03T08:00:00.000Z' };
  let answers: number[] = [];
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    received.push({ headers: request.headers, body });
    response.writeHead(answers.shift() ?? 200).end();
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/sms`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the message signed, and tries again after a busy gateway', async () => {
    received.length = 0;
    answers = [503, 429];
    await webhookSender(url, async () => KEY)(SMS);
    expect(received).toHaveLength(3);
    const last = received[2]!;
    expect(JSON.parse(last.body)).toEqual(SMS);
    expect(last.headers['x-petitions-delivery']).toBe(SMS.id);
    const timestamp = Number(/t=(\d+)/.exec(String(last.headers['x-petitions-signature']))?.[1]);
    expect(last.headers['x-petitions-signature']).toBe(webhookSignature(KEY, timestamp, last.body));
  });

  it('gives up after its tries, and at once on a refusal', async () => {
    received.length = 0;
    answers = [500, 500, 500, 500];
    await expect(webhookSender(url, async () => KEY)(SMS)).rejects.toThrow('status 500');
    expect(received).toHaveLength(4);
    received.length = 0;
    answers = [400];
    await expect(webhookSender(url, async () => KEY)(SMS)).rejects.toThrow('status 400');
    expect(received).toHaveLength(1);
  });
});
