import type { Message } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, it } from 'vitest';
import { sweep } from '../../functions/services/sweep.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { queueUrlEnv } from '../../functions/shared/env.ts';
import { postJson, submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();
beforeEach(() => system.receive('routing', 100, 0));

let phoneSeq = 13_500_000_000;

async function submitCase(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await system.api('/v1/cases', postJson(submission({ petitioner: { name: '周八', phone: String(++phoneSeq) }, ...overrides })));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function message(body: string, id: string): Message {
  return { MessageId: id, ReceiptHandle: id, Body: body, Attributes: { ApproximateReceiveCount: '1' } };
}

const routeCase = (caseId: string, id = caseId) => message(JSON.stringify({ kind: 'route-case', caseId }), id);

describe('the routing worker', () => {
  it('routes the case intake sent it: the office, the proposed lead unit, the level, a timeline entry', async () => {
    const caseId = await submitCase();
    const messages = await system.receive('routing', 1, 5);
    expect(messages).toHaveLength(1);
    expect(await system.consume('routing', messages)).toEqual({ batchItemFailures: [] });
    const routed = await getCaseWithHistory(caseId);
    expect(routed?.case).toMatchObject({
      office: '330726',
      proposedLeadUnit: '330726:housing',
      level: 'county',
      status: 'received',
      overLevel: false,
      version: 2,
      // The acceptance clock's first rung: the warning before its deadline.
      due: { stage: 'acceptance', rung: 'warning' },
    });
    expect(routed?.history.map((entry) => entry.action)).toEqual(['registered', 'routed']);
  });

  it('recognises an over-level case and routes it down', async () => {
    const caseId = await submitCase({ category: 'land', addressedTo: '330700' });
    await system.consume('routing', [routeCase(caseId)]);
    expect((await getCaseWithHistory(caseId))?.case).toMatchObject({ office: '330726001', overLevel: true, level: 'township' });
  });

  it('changes nothing when the same message comes again', async () => {
    const caseId = await submitCase();
    await system.consume('routing', [routeCase(caseId)]);
    const once = await getCaseWithHistory(caseId);
    expect(await system.consume('routing', [routeCase(caseId, 'again-1'), routeCase(caseId, 'again-2')])).toEqual({ batchItemFailures: [] });
    expect(await getCaseWithHistory(caseId)).toEqual(once);
  });

  it('reports only the messages it could not handle as failures, and handles the rest', async () => {
    const caseId = await submitCase();
    const response = await system.consume('routing', [
      message('not json', 'poison'),
      message(JSON.stringify({ kind: 'something-else', caseId }), 'wrong-kind'),
      routeCase('no-such-case', 'unknown-case'),
      routeCase(caseId, 'good'),
    ]);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['poison', 'unknown-case', 'wrong-kind']);
    expect((await getCaseWithHistory(caseId))?.case.office).toBe('330726');
  });
});

describe('the safety net: a case whose routing message is lost is routed all the same', () => {
  it('is found by the sweep once its routing is due, sent again, and routed', async () => {
    const queueUrl = process.env[queueUrlEnv('routing')];
    // The crash between the write and the send: the send goes nowhere.
    process.env[queueUrlEnv('routing')] = `${queueUrl}-that-does-not-exist`;
    let caseId: string;
    try {
      caseId = await submitCase();
    } finally {
      process.env[queueUrlEnv('routing')] = queueUrl;
    }
    expect(await system.receive('routing', 10, 1)).toHaveLength(0);

    // Before its routing is due, the sweep leaves it alone.
    expect(await sweep({ now: new Date().toISOString() })).toMatchObject({ due: 0, routing: 0 });
    const later = new Date(Date.now() + 3 * 60_000).toISOString();
    expect(await sweep({ now: later })).toMatchObject({ due: 1, routing: 1 });

    const resent = await system.receive('routing', 10, 5);
    expect(resent.map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([{ kind: 'route-case', caseId }]);
    await system.consume('routing', resent);
    expect((await getCaseWithHistory(caseId))?.case.office).toBe('330726');

    // Routed, its next due time is the acceptance deadline: the sweep no longer sends it to routing.
    // (Its acceptance warning is twelve days off.)
    expect(await sweep({ now: later })).toMatchObject({ due: 0, routing: 0 });
  });
});
