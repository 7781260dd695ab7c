import { isOpen, type Case } from '../domain/case.ts';
import { CHECKED_CANDIDATES, commonWordsFor, mayJoin, rankCandidates, textOf } from '../domain/matter-candidates.ts';
import { GROUPING_POLICY, groupIdOf, partitionOf, type GroupingPolicy, type MatterGroup } from '../domain/matter-groups.ts';
import { SIMILARITY, textSignature, type TextSignature } from '../domain/similarity.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';
import { getCases } from '../store/get-cases.ts';
import { findCandidates, getGroup, getSignedCase, resign, saveSigning, type AloneCandidate, type Placement, type SignedCase, type Signing } from '../store/matter-groups.ts';

// Another case may join the same group, or found one with the same candidate, meanwhile: read again.
const ATTEMPTS = 4;

export type Grouping = 'grouped' | 'alone' | 'done';

/**
 * Where a signed case goes: the group of the most similar candidate it may
 * join, or a new group with the most similar one still alone, or none; with
 * it come the other candidates of the matter still alone (cases that arrived
 * together and did not see each other).
 */
async function placementOf(subject: Case, signed: TextSignature, candidates: SignedCase[], policy: GroupingPolicy): Promise<Placement> {
  const offered = candidates.flatMap((found) => (found.signed && !found.detached ? [{ ...found, signed: found.signed }] : []));
  const ranked = rankCandidates(signed, offered, policy).slice(0, CHECKED_CANDIDATES);
  if (ranked.length === 0) return { kind: 'alone' };
  const cases = new Map((await getCases(ranked.map((candidate) => candidate.caseId))).map((found) => [found.id, found]));
  const joinable = ranked.flatMap((candidate) => {
    const found = cases.get(candidate.caseId);
    return found && mayJoin(subject, found) ? [{ candidate, found }] : [];
  });
  const alone: AloneCandidate[] = joinable.filter(({ candidate }) => candidate.groupId === null).map(({ found }) => ({ caseId: found.id, receivedAt: found.receivedAt }));
  // Ranked with those in a group first.
  for (const { candidate } of joinable) {
    if (candidate.groupId === null) break;
    const group = await getGroup(candidate.groupId);
    if (group) return { kind: 'join', group, alone };
  }
  const first = joinable.find(({ candidate }) => candidate.groupId === null)?.found;
  if (!first) return { kind: 'alone' };
  const received = [subject.receivedAt, ...alone.map((candidate) => candidate.receivedAt)].sort();
  const group: MatterGroup = {
    id: groupIdOf(subject.id),
    ...partitionOf(subject),
    regionCode: subject.regionCode,
    title: first.title,
    size: received.length,
    firstReceivedAt: received[0]!,
    lastReceivedAt: received.at(-1)!,
    version: 1,
  };
  return { kind: 'found', group, alone };
}

/** A case's signature by its text, and where the store indexes it. */
function signingOf(subject: Case, policy: GroupingPolicy): { signing: Signing; signed: TextSignature } {
  const { county, category } = partitionOf(subject);
  const expiresAt = Math.floor((Date.parse(subject.receivedAt) + policy.windowMs) / 1000);
  return { signing: { caseId: subject.id, county, category, receivedAt: subject.receivedAt, expiresAt }, signed: textSignature(textOf(subject), SIMILARITY, commonWordsFor(category)) };
}

/**
 * Signs an open case routing signed before again, by the current method
 * (after a change of it, `functions/migrations/resign-matters.ts`), keeping
 * its group. A case with no signature (never routed, or put in a group by
 * staff only) is left as it is. Answers whether it was signed again.
 */
export async function resignByText(subject: Case, policy: GroupingPolicy = GROUPING_POLICY): Promise<boolean> {
  if (!isOpen(subject.status) || !(await getSignedCase(subject.id))?.signed) return false;
  const { signing, signed } = signingOf(subject, policy);
  return (await resign(signing, signed)) === 'signed';
}

/**
 * Puts an open case in the matter group of the open cases of other
 * petitioners in its county and category that are the same matter by their
 * text (docs/MATTERS.md), or in none, and indexes it so that later cases find
 * it. Idempotent: a case signed already (a redelivered routing message, or
 * one staff grouped by hand) is left as it is.
 */
export async function groupByText(subject: Case, policy: GroupingPolicy = GROUPING_POLICY): Promise<Grouping> {
  if (!isOpen(subject.status)) return 'done';
  return retryWhileStale(ATTEMPTS, () => new Error(`case ${subject.id}: its matter group kept changing while it was grouped`), async () => {
    // A redelivery stops here, before the lookups.
    if (await getSignedCase(subject.id)) return 'done';
    const { signing, signed } = signingOf(subject, policy);
    const since = new Date(Date.parse(subject.receivedAt) - policy.windowMs).toISOString();
    const candidates = signed.bandKeys.length > 0 ? await findCandidates(subject.id, { county: signing.county, category: signing.category, since }, signed.bandKeys, policy) : [];
    const placement = await placementOf(subject, signed, candidates, policy);
    const saved = await saveSigning(signing, signed, placement);
    if (saved === 'stale') return STALE;
    if (saved === 'done') return 'done';
    return placement.kind === 'alone' ? 'alone' : 'grouped';
  });
}
