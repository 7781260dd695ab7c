import { describe, expect, it } from 'vitest';
import { mayJoin, rankCandidates } from '../../functions/domain/matter-candidates.ts';
import { GROUPING_POLICY, largestMatters, mostShared, type MatterGroup } from '../../functions/domain/matter-groups.ts';
import { SIMILARITY, textSignature } from '../../functions/domain/similarity.ts';
import { clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { registeredDemoCase } from '../support/domain.ts';

const clock = clockOf(DEFAULT_POLICY);
const demo = (changes: Record<string, unknown>) => ({ ...registeredDemoCase('2026-12-01T02:00:00.000Z', clock), ...changes });

describe('who a new case may join', () => {
  const subject = demo({ id: 'new', petitioners: [{ name: '甲', phone: '13800000001' }] });

  it('an open case of another petitioner in its county and category', () => {
    expect(mayJoin(subject, demo({ id: 'other', petitioners: [{ name: '乙', phone: '13800000002' }] }))).toBe(true);
  });

  it('not the same petitioner’s own case, nor a closed one, nor one of another category or county', () => {
    expect(mayJoin(subject, demo({ id: 'own', petitioners: [{ name: '甲', phone: '13800000001' }] }))).toBe(false);
    expect(mayJoin(subject, demo({ id: 'closed', status: 'closed', petitioners: [{ name: '乙', phone: '13800000002' }] }))).toBe(false);
    expect(mayJoin(subject, demo({ id: 'land', category: 'land', petitioners: [{ name: '乙', phone: '13800000002' }] }))).toBe(false);
    expect(mayJoin(subject, demo({ id: 'yiwu', regionCode: '330782001001', petitioners: [{ name: '乙', phone: '13800000002' }] }))).toBe(false);
  });
});

describe('ranking candidates', () => {
  it('keeps the same matter, most similar first, and drops what is not', () => {
    const sign = (text: string) => textSignature(text, SIMILARITY);
    const subject = sign('白马镇鑫达化工厂天天排放臭气，家里老人孩子一直咳嗽');
    const ranked = rankCandidates(
      subject,
      [
        { caseId: 'unrelated', signed: sign('城南社区3幢楼顶漏水，物业不予处理'), groupId: null },
        { caseId: 'close', signed: sign('白马镇鑫达化工厂天天排放臭气，老人孩子咳嗽'), groupId: null },
        { caseId: 'same', signed: sign('白马镇鑫达化工厂天天排放臭气，家里老人孩子一直咳嗽。'), groupId: null },
      ],
      GROUPING_POLICY,
    );
    expect(ranked.map((candidate) => candidate.caseId)).toEqual(['same', 'close']);
  });

  it('leaves English function words of a mixed text out: only what names the matter counts', () => {
    expect(textSignature('鑫达化工厂 the smell is terrible').words).toBe(textSignature('鑫达化工厂 smell terrible').words);
  });
});

describe('the candidates whose signatures a new case reads', () => {
  it('are those under most of its keys, the newest first among equals, at most as many as asked', () => {
    const found = [['crowd-a', 'match'], ['crowd-b', 'match', 'older'], ['older', 'match'], ['crowd-c']];
    expect(mostShared(found, 2)).toEqual(['match', 'older']);
    expect(mostShared(found, 5)).toEqual(['match', 'older', 'crowd-a', 'crowd-b', 'crowd-c']);
    expect(mostShared([[], []], 3)).toEqual([]);
  });
});

describe('the largest matters of a region', () => {
  const group = (id: string, regionCode: string, size: number): MatterGroup => ({
    id, county: regionCode.slice(0, 6), regionCode, category: 'environment', title: id, size,
    firstReceivedAt: '2026-12-01T00:00:00.000Z', lastReceivedAt: '2026-12-01T00:00:00.000Z', version: 1,
  });

  it('are the groups under it, largest first, at most as many as asked', () => {
    const groups = [group('a', '330726001001', 3), group('b', '330726002001', 12), group('c', '330782001001', 40), group('d', '330726001002', 5)];
    expect(largestMatters(groups, '330726', 2).map((matter) => matter.id)).toEqual(['b', 'd']);
    expect(largestMatters(groups, '330726001', 5).map((matter) => matter.id)).toEqual(['d', 'a']);
  });
});
