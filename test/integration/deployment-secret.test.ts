/**
 * What the deployment secret keys, on the emulators: matter fingerprints
 * (and their re-keying from the unkeyed SHA-256 ones) and the answers kept
 * for Idempotency-Key retries.
 */
import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCase } from '../../functions/store/cases.ts';
import { rekeyMatterFingerprints } from '../../functions/store/matters.ts';
import { postJson, submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();
let documents: DynamoDBDocumentClient;
beforeAll(async () => {
  documents = DynamoDBDocumentClient.from(system.dynamo);
});

async function submit(body: unknown, headers: Record<string, string> = {}) {
  const response = await system.api('/v1/cases', postJson(body, headers));
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Runs the migration to the end, a page of `limit` at a time; answers how many matters it moved. */
async function rekeyAll(limit: number): Promise<number> {
  let changed = 0;
  let after: string | undefined;
  for (let calls = 0; calls < 1000; calls++) {
    const step = await rekeyMatterFingerprints({ ...(after !== undefined && { after }), limit });
    changed += step.changed;
    if (step.done) return changed;
    after = step.next;
  }
  throw new Error('the migration did not finish');
}

describe('matter fingerprints', () => {
  it('are re-keyed from the old unkeyed SHA-256: a repeat is found again, and a second run changes nothing', async () => {
    const petitioner = { name: '孙七', phone: '13511112222' };
    const first = await submit(submission({ petitioner }));
    expect(first.status).toBe(201);
    const keyed = (await getCase(first.body.id))!.matterFingerprint;

    // The case as the previous release wrote it: an unkeyed fingerprint on the case and its matter entry.
    const old = createHash('sha256').update(`phone:${petitioner.phone}\nhousing\n330726001001`).digest('base64url');
    expect(keyed).not.toBe(old);
    const table = system.tableName;
    await documents.send(new DeleteCommand({ TableName: table, Key: { pk: `MATTER#${keyed}`, sk: 'MATTER' } }));
    await documents.send(new PutCommand({ TableName: table, Item: { pk: `MATTER#${old}`, sk: 'MATTER', caseId: first.body.id } }));
    await documents.send(
      new UpdateCommand({ TableName: table, Key: { pk: `CASE#${first.body.id}`, sk: 'CASE' }, UpdateExpression: 'SET matterFingerprint = :old', ExpressionAttributeValues: { ':old': old } }),
    );

    expect(await rekeyAll(1)).toBe(1);
    expect((await getCase(first.body.id))!.matterFingerprint).toBe(keyed);
    expect((await documents.send(new GetCommand({ TableName: table, Key: { pk: `MATTER#${old}`, sk: 'MATTER' } }))).Item).toBeUndefined();

    // Brought by a clerk, who may learn of the open case.
    const repeat = await submit(submission({ channel: 'letter', petitioner, content: '再次反映' }), { authorization: `Bearer ${await system.token('330726', 'clerk')}` });
    expect(repeat).toMatchObject({ status: 200, body: { id: first.body.id, repeat: true } });

    expect(await rekeyAll(2)).toBe(0);
  });
});

describe('answers kept for Idempotency-Key retries', () => {
  it('are stored without the access code in clear, and a retry still gets it', async () => {
    const headers = { 'idempotency-key': 'sealed-answer-1' };
    const body = submission({ petitioner: { name: '周八', phone: '13533334444' } });
    const first = await submit(body, headers);
    expect(first.status).toBe(201);

    const { Items = [] } = await system.dynamo.send(new ScanCommand({ TableName: system.tableName }));
    const kept = Items.filter((item) => item.pk?.S?.startsWith('IDEMPOTENCY#'));
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain(first.body.accessCode);
    expect(JSON.stringify(kept)).not.toContain(first.body.accessCode.replaceAll('-', ''));

    const retry = await submit(body, headers);
    expect(retry).toEqual(first);
  });
});
