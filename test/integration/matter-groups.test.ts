import { DeleteCommand, DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { resignMatters } from '../../functions/migrations/resign-matters.ts';
import { getCase } from '../../functions/store/cases.ts';
import { tableName } from '../../functions/store/client.ts';
import { matterBandPk, matterBandSort, matterSignatureKey } from '../../functions/store/keys.ts';
import type { MigrationPosition } from '../../functions/store/migrations.ts';
import { postJson, submission, useStaffTokens, useTestSystem } from '../support/emulators.ts';
import { SMELL, UNRELATED } from '../support/matters.ts';

const system = useTestSystem();
const tokens = useStaffTokens(system, {
  clerk: ['330726', 'clerk'],
  handler: ['330726:environment', 'handler'],
  landHandler: ['330726:land', 'handler'],
  yiwuClerk: ['330782', 'clerk'],
});

let phoneSeq = 13_700_000_000;

const call = (method: string, path: string, token?: string, body?: unknown) =>
  system.call(method, path, { token, body }).then((answer) => ({ status: answer.status, body: answer.body }));

/** A new online case of another petitioner, routed (and so grouped) before the next one arrives. */
async function routedCase(title: string, content: string, overrides: Record<string, unknown> = {}) {
  const created = await system.api(
    '/v1/cases',
    postJson(submission({ category: 'environment', title, content, petitioner: { name: '陈十二', phone: String(++phoneSeq) }, ...overrides })),
  );
  expect(created.status).toBe(201);
  const { id, accessCode } = (await created.json()) as { id: string; accessCode: string };
  expect(await system.consume('routing', await system.receive('routing', 10, 5))).toEqual({ batchItemFailures: [] });
  return { id, accessCode };
}

const routeAgain = (caseId: string) =>
  system.consume('routing', [{ MessageId: `again-${caseId}`, ReceiptHandle: 'again', Body: JSON.stringify({ kind: 'route-case', caseId }), Attributes: { ApproximateReceiveCount: '2' } }]);

const groupOf = async (id: string) => (await call('GET', `/v1/cases/${id}`, tokens.clerk)).body.matterGroup as { id: string; size: number } | null;

// The cases are received now; the list's days are China's.
const TODAY = chinaDay(new Date().toISOString());


describe('one matter, many petitioners', () => {
  const members: Array<{ id: string; accessCode: string }> = [];
  const others: string[] = [];

  beforeAll(async () => {
    for (const [title, content] of SMELL) members.push(await routedCase(title, content));
    for (const [title, content] of UNRELATED) others.push((await routedCase(title, content)).id);
  }, 300_000);

  it('puts the twelve in one group by their text, and the two unrelated cases stay out', async () => {
    const routed = await Promise.all(members.map(({ id }) => groupOf(id)));
    const sizes = new Map<string, number>();
    for (const group of routed) if (group) sizes.set(group.id, group.size);
    const [largest, size] = [...sizes].sort((a, b) => b[1] - a[1])[0]!;
    // Routing alone finds all twelve (docs/MATTERS.md); staff would put in any it missed, as below.
    expect(size).toBe(12);
    for (const id of others) expect((await groupOf(id))?.id).not.toBe(largest);
    for (const [i, { id }] of members.entries()) {
      const group = routed[i];
      if (group?.id === largest) continue;
      if (group) expect((await call('POST', `/v1/matter-groups/${group.id}/removals`, tokens.clerk, { caseId: id })).status).toBe(200);
      expect((await call('POST', `/v1/matter-groups/${largest}/members`, tokens.clerk, { caseId: id })).status).toBe(200);
    }
    const groups = await Promise.all(members.map(({ id }) => groupOf(id)));
    expect(new Set(groups.map((group) => group?.id))).toEqual(new Set([largest]));
    expect(groups[0]).toMatchObject({ size: 12 });
  });

  it('changes nothing when a routing message comes again', async () => {
    const before = await groupOf(members[3]!.id);
    expect(await routeAgain(members[3]!.id)).toEqual({ batchItemFailures: [] });
    expect(await groupOf(members[3]!.id)).toEqual(before);
  });

  it('lists the group for staff of the county, members in their scope only', async () => {
    const groupId = (await groupOf(members[0]!.id))!.id;
    const listed = await call('GET', `/v1/matter-groups?from=${TODAY}&to=${TODAY}`, tokens.clerk);
    expect(listed.status).toBe(200);
    const group = listed.body.items.find((item: { id: string }) => item.id === groupId);
    expect(group).toMatchObject({ size: 12, category: 'environment' });
    expect(SMELL.map(([title]) => title)).toContain(group.title);
    expect([...group.members].sort()).toEqual(members.map(({ id }) => id).sort());
    // Another county's office sees nothing of it.
    expect((await call('GET', `/v1/matter-groups?regionCode=330726&from=${TODAY}&to=${TODAY}`, tokens.yiwuClerk)).status).toBe(404);
    const yiwu = await call('GET', `/v1/matter-groups?from=${TODAY}&to=${TODAY}`, tokens.yiwuClerk);
    expect(yiwu.body.items).toEqual([]);
  });

  it('pages with a signed cursor, refusing one it did not give', async () => {
    const first = await call('GET', `/v1/matter-groups?from=${TODAY}&to=${TODAY}&limit=1`, tokens.clerk);
    expect(first.body.items).toHaveLength(1);
    expect((await call('GET', `/v1/matter-groups?from=${TODAY}&to=${TODAY}&limit=1&cursor=forged.cursor`, tokens.clerk)).status).toBe(400);
  });

  it('lets staff take a case out and put it back, refusing what conflicts', async () => {
    const groupId = (await groupOf(members[0]!.id))!.id;
    const removed = await call('POST', `/v1/matter-groups/${groupId}/removals`, tokens.clerk, { caseId: members[11]!.id });
    expect(removed).toMatchObject({ status: 200, body: { size: 11 } });
    expect(removed.body.members).not.toContain(members[11]!.id);
    expect(await groupOf(members[11]!.id)).toBeNull();
    expect((await call('POST', `/v1/matter-groups/${groupId}/removals`, tokens.clerk, { caseId: members[11]!.id })).status).toBe(409);
    expect((await call('POST', `/v1/matter-groups/${groupId}/members`, tokens.clerk, { caseId: members[11]!.id })).body).toMatchObject({ size: 12 });
    // A case of another category cannot join; one out of the caller's scope is not found.
    const housing = await routedCase('楼顶漏水', '城南社区3幢楼顶漏水，物业不予处理。', { category: 'housing' });
    expect((await call('POST', `/v1/matter-groups/${groupId}/members`, tokens.clerk, { caseId: housing.id })).status).toBe(409);
    expect((await call('POST', `/v1/matter-groups/${groupId}/members`, tokens.yiwuClerk, { caseId: members[0]!.id })).status).toBe(404);
    expect((await call('POST', `/v1/matter-groups/no-such-group/members`, tokens.clerk, { caseId: members[0]!.id })).status).toBe(404);
  });

  it('answers every accepted member with one reply, each petitioner told, and lists the rest with why; a retry writes nothing more', async () => {
    const groupId = (await groupOf(members[0]!.id))!.id;
    // Eleven accepted with the environment department as lead unit; the last led by housing, environment helping.
    for (const { id } of members.slice(0, 11)) expect((await call('POST', `/v1/cases/${id}/acceptance`, tokens.clerk, { decision: 'accept' })).status).toBe(200);
    const otherLead = { decision: 'accept', leadUnit: '330726:housing', coUnits: ['330726:environment'] };
    expect((await call('POST', `/v1/cases/${members[11]!.id}/acceptance`, tokens.clerk, otherLead)).status).toBe(200);
    const opinion = '已责令鑫达化工厂停产整改，环保部门每周监测。';
    const reply = await call('POST', `/v1/matter-groups/${groupId}/reply`, tokens.handler, { opinion });
    expect(reply.status).toBe(200);
    expect([...reply.body.answered].sort()).toEqual(members.slice(0, 11).map(({ id }) => id).sort());
    expect(reply.body.unanswered).toEqual([{ caseId: members[11]!.id, reason: expect.stringContaining('330726:housing') }]);
    expect(reply.body.drafted).toEqual([]);
    for (const { id, accessCode } of members.slice(0, 11)) {
      const progress = await system.api(`/v1/cases/${id}/progress`, { headers: { 'x-access-code': accessCode } });
      const body = (await progress.json()) as { timeline: Array<{ event: string; note: string }> };
      const { timeline } = body;
      // Nothing of the group, nor of the other petitioners, in a petitioner's view.
      const others = members.filter((member) => member.id !== id).map((member) => member.id);
      for (const named of [groupId, ...others]) expect(JSON.stringify(body)).not.toContain(named);
      expect(timeline.filter((event) => event.event === 'replied')).toEqual([expect.objectContaining({ note: expect.stringContaining(opinion) })]);
    }
    const versions = await Promise.all(members.map(async ({ id }) => (await getCase(id))?.version));
    const again = await call('POST', `/v1/matter-groups/${groupId}/reply`, tokens.handler, { opinion });
    expect(again.body.answered).toHaveLength(11);
    expect(await Promise.all(members.map(async ({ id }) => (await getCase(id))?.version))).toEqual(versions);
    // A unit that handles none of the members does not see the group.
    expect((await call('POST', `/v1/matter-groups/${groupId}/reply`, tokens.landHandler, { opinion })).status).toBe(404);
  });
});

/** Runs the re-signing migration to the end; answers how many cases it signed again. */
async function resignAll(): Promise<number> {
  let position: MigrationPosition | undefined;
  let changed = 0;
  for (let page = 0; page < 1000; page++) {
    const step = await resignMatters.run(position);
    changed += step.changed;
    if (!step.next) return changed;
    position = step.next;
  }
  throw new Error('the migration did not finish');
}

describe('signatures of an earlier method', () => {
  it('are made again by the re-signing migration, so a new case finds the cases open before the upgrade', async () => {
    const documents = DynamoDBDocumentClient.from(system.dynamo);
    const table = tableName();
    const before = await routedCase('华兴印染厂排污水', '郑宅镇华兴印染厂污水直接排到河里，河里的鱼都死了。');
    // As an earlier method left it: no names, other band keys, and no band item under the current ones.
    const signature = (await documents.send(new GetCommand({ TableName: table, Key: matterSignatureKey(before.id) }))).Item!;
    const { receivedAt } = (await getCase(before.id))!;
    for (const key of signature.bandKeys as string[]) {
      await documents.send(new DeleteCommand({ TableName: table, Key: { pk: matterBandPk('330726', 'environment', key), sk: matterBandSort(receivedAt, before.id) } }));
    }
    await documents.send(new UpdateCommand({ TableName: table, Key: matterSignatureKey(before.id), UpdateExpression: 'SET bandKeys = :old REMOVE #names, issue', ExpressionAttributeNames: { '#names': 'names' }, ExpressionAttributeValues: { ':old': ['00#old'] } }));
    const missed = await routedCase('华兴印染厂污水', '郑宅镇华兴印染厂天天往河里排污水，鱼都死了。');
    expect(await groupOf(missed.id)).toBeNull();

    expect(await resignAll()).toBeGreaterThanOrEqual(2);
    // Closer to the case signed before the upgrade than to the one that missed it: joins the former, and the one left alone comes in too.
    const after = await routedCase('华兴印染厂排污水', '郑宅镇华兴印染厂污水直接排到河里，河里的鱼死了一大片。');
    const group = await groupOf(after.id);
    expect(group?.size).toBe(3);
    expect((await groupOf(before.id))?.id).toBe(group?.id);
    expect((await groupOf(missed.id))?.id).toBe(group?.id);
    // Run again (a crash, a redeploy), it signs the same again and moves no case out of its group.
    await resignAll();
    expect(await groupOf(before.id)).toEqual(group);
  });
});
