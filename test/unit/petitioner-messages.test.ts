/**
 * The petitioner's SMS texts: units by their names from the reference data
 * (never an id), a plain phrase where it has none, and nothing personal.
 */
import { describe, expect, it } from 'vitest';
import { acceptanceSchema, decideAcceptance } from '../../functions/domain/lifecycle.ts';
import { messageOf, unitsNamed } from '../../functions/domain/petitioner-messages.ts';
import { clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { unitNameOf } from '../../functions/domain/units.ts';
import { dayAfterT0, routedDemoCase, staffOf, T0 } from '../support/domain.ts';

const clock = clockOf(DEFAULT_POLICY);
const NAMES = new Map([
  ['330726:housing', unitNameOf('浦江县', '住房城乡建设')],
  ['330726:land', unitNameOf('浦江县', '国土资源')],
]);

function decided(input: Record<string, unknown>) {
  return decideAcceptance(routedDemoCase(T0, clock), acceptanceSchema.parse(input), { staff: staffOf('330726', 'clerk'), now: dayAfterT0(1), clock });
}

describe('unitNameOf', () => {
  it("names a department by its region and category, an office as the region's petition office", () => {
    expect(unitNameOf('浦江县', '国土资源')).toBe('浦江县国土资源部门');
    expect(unitNameOf('浦江县', null)).toBe('浦江县信访部门');
  });
});

describe('messageOf', () => {
  it('names the lead unit of an accepted case by its name', () => {
    const change = decided({ decision: 'accept', responsibleLeader: '王副县长' });
    expect(unitsNamed(change.case)).toEqual(['330726:housing']);
    const message = messageOf(change.case, change.entry, NAMES);
    expect(message).toMatchObject({ kind: 'accepted', text: expect.stringContaining('由浦江县住房城乡建设部门办理') });
    expect(message?.text).not.toContain('330726');
    for (const personal of ['张三', '13800138000', '王副县长', '楼顶漏水']) expect(message?.text).not.toContain(personal);
  });

  it('names the unit a case is forwarded to by its name', () => {
    const change = decided({ decision: 'forward', forwardTo: '330726:land', reason: '属国土部门职责' });
    expect(unitsNamed(change.case)).toContain('330726:land');
    const message = messageOf(change.case, change.entry, NAMES);
    expect(message).toMatchObject({ kind: 'forwarded', text: expect.stringContaining('已转送浦江县国土资源部门办理') });
    expect(message?.text).not.toContain('330726');
  });

  it('says a plain phrase, never the id, for a unit the reference data does not name', () => {
    const accepted = decided({ decision: 'accept', responsibleLeader: '王副县长' });
    expect(messageOf(accepted.case, accepted.entry, new Map())?.text).toContain('由承办单位办理');
    const forwarded = decided({ decision: 'forward', forwardTo: '330726:land', reason: '属国土部门职责' });
    const text = messageOf(forwarded.case, forwarded.entry, new Map())?.text;
    expect(text).toContain('已转送有权处理的机关办理');
    expect(text).not.toContain('330726');
  });
});
