import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { type Change } from '../../functions/domain/case.ts';
import { applyRouting, decideRouting } from '../../functions/domain/routing.ts';
import { config } from '../../functions/shared/config.ts';
import { createCase, getCaseWithHistory, putCases, saveChange } from '../../functions/store/cases.ts';
import { documents } from '../../functions/store/client.ts';
import { category, demoChain, demoRegistration, idNumber } from '../support/domain.ts';
import { countEntries, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();

/**
 * A case as the release before kept it: the case item without its creation's
 * entries, and its first history entry an item of its own.
 */
async function putOldShapedCase(change: Change): Promise<void> {
  await putCases([change.case]);
  await documents.send(new UpdateCommand({ TableName: system.tableName, Key: { pk: `CASE#${change.case.id}`, sk: 'CASE' }, UpdateExpression: 'REMOVE caseNumber' }));
  const { version } = change.entry;
  const item = { pk: `CASE#${change.case.id}`, sk: `HISTORY#${String(version).padStart(8, '0')}`, ...change.entry };
  await documents.send(new PutCommand({ TableName: system.tableName, Item: item }));
}

// The previous release numbered no case: the rest must read the same.
const withoutId = (found: Awaited<ReturnType<typeof getCaseWithHistory>>) => found && { ...found, case: { ...found.case, id: '', caseNumber: null } };

describe('a case history', () => {
  it('reads a case written by the previous release (separate first entry) as one written now, before and after a change', async () => {
    const now = new Date().toISOString();
    // The same registration under two ids: cases that differ only in how they were stored (the old one holds no matter item).
    const current = demoRegistration(now, config.clock, { id: '00000000-0000-4000-8000-000000000001' });
    const old = demoRegistration(now, config.clock, { id: '00000000-0000-4000-8000-000000000002' });
    const entriesBefore = await countEntries(system);
    expect(await createCase(current.case, [current.entry])).toMatchObject({ outcome: 'created' });
    // Intake writes the case, its matter and the counter of its number (the first of this table's): the first history entry is in the case item.
    expect(await countEntries(system)).toBe(entriesBefore + 3);
    await putOldShapedCase(old);

    const [readCurrent, readOld] = [await getCaseWithHistory(current.case.id), await getCaseWithHistory(old.case.id)];
    expect(readCurrent?.history).toEqual([current.entry]);
    expect(readOld?.history).toEqual([old.entry]);
    expect(withoutId(readCurrent)).toEqual(withoutId(readOld));
    expect([readCurrent?.case.caseNumber, readOld?.case.caseNumber]).toEqual([expect.stringMatching(/^330726-\d{4}-000001$/), null]);

    // Routing: a change saved on each keeps the first entry first, and the change's entry after it.
    for (const change of [current, old]) {
      const routed = applyRouting(change.case, decideRouting(change.case, demoChain('330726001001'), category('housing')), now, config.clock)!;
      expect(await saveChange(change.case, routed)).toBe('saved');
    }
    const [routedCurrent, routedOld] = [await getCaseWithHistory(current.case.id), await getCaseWithHistory(old.case.id)];
    expect(routedCurrent?.history.map((entry) => [entry.version, entry.action])).toEqual([[1, 'registered'], [2, 'routed']]);
    expect(routedCurrent?.case).toMatchObject({ version: 2, office: '330726' });
    expect(withoutId(routedCurrent)).toEqual(withoutId(routedOld));
  });

  it('removes from the case item what a change takes away (its due time), and keeps its creation entries', async () => {
    const now = new Date().toISOString();
    const current = demoRegistration(now, config.clock, { id: '00000000-0000-4000-8000-000000000003', idNumber: idNumber('33072619800101123') });
    expect(await createCase(current.case, [current.entry])).toMatchObject({ outcome: 'created' });
    const withoutDue = { case: { ...current.case, due: null, version: 2 }, entry: { ...current.entry, version: 2, action: 'noted' } };
    expect(await saveChange(current.case, withoutDue)).toBe('saved');
    const { Item } = await documents.send(new GetCommand({ TableName: system.tableName, Key: { pk: `CASE#${current.case.id}`, sk: 'CASE' } }));
    expect(Object.keys(Item ?? {}).filter((name) => name.startsWith('due'))).toEqual([]);
    const found = await getCaseWithHistory(current.case.id);
    expect(found?.case.due).toBeNull();
    expect(found?.history.map((entry) => entry.action)).toEqual(['registered', 'noted']);
  });
});
