import { describe, expect, it } from 'vitest';
import type { TextSignature } from '../../functions/domain/similarity.ts';
import { findCandidates, saveSigning } from '../../functions/store/matter-groups.ts';
import { useTestSystem } from '../support/emulators.ts';

useTestSystem();

const KEYS = Array.from({ length: 8 }, (_, band) => `0${band}#k`);
const WHERE = { county: '330726', category: 'environment', since: '2026-12-01T00:00:00.000Z' };

/** A case indexed under `bandKeys` alone, received `minute` minutes into the day: what `findCandidates` reads is keys and ids, not the signature's values. */
async function indexed(caseId: string, bandKeys: string[], minute: number) {
  const signed: TextSignature = { words: 3, distinctive: 3, buildings: [], names: ['a1'], issue: null, signature: Array.from({ length: 128 }, () => 1), bandKeys };
  const receivedAt = new Date(Date.parse('2026-12-02T00:00:00.000Z') + minute * 60_000).toISOString();
  expect(await saveSigning({ caseId, ...WHERE, receivedAt, expiresAt: 2_000_000_000 }, signed, { kind: 'alone' })).toBe('saved');
}

describe('finding a new case’s candidates', () => {
  it('reads the signatures of at most `candidates` cases, those under most of its keys, however many the keys return', async () => {
    // Three cases of one matter, under five of the new case's keys; then a crowd, newer, each under one of the other three.
    for (const [i, caseId] of ['near-1', 'near-2', 'near-3'].entries()) await indexed(caseId, KEYS.slice(0, 5), i);
    for (let i = 0; i < 24; i++) await indexed(`crowd-${String(i).padStart(2, '0')}`, [KEYS[5 + (i % 3)]!], 10 + i);
    const ids = async (perKey: number, candidates: number) => (await findCandidates('new', WHERE, KEYS, { perKey, candidates })).map(({ caseId }) => caseId).sort();

    // The lookups return 3 + 12 cases (4 a key), or all 27: the signatures read stay 3, the matter's.
    expect(await ids(4, 3)).toEqual(['near-1', 'near-2', 'near-3']);
    expect(await ids(100, 3)).toEqual(['near-1', 'near-2', 'near-3']);
    // Among the crowd, each under one key, the newest of each key come first.
    expect(await ids(4, 6)).toEqual(['crowd-21', 'crowd-22', 'crowd-23', 'near-1', 'near-2', 'near-3']);
    // Fewer candidates than allowed: each read once, the case itself never.
    expect(await ids(1, 100)).toHaveLength(4);
    expect((await findCandidates('near-1', WHERE, KEYS.slice(0, 5), { perKey: 4, candidates: 10 })).map(({ caseId }) => caseId).sort()).toEqual(['near-2', 'near-3']);
  });
});
