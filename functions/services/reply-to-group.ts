import type { Case } from '../domain/case.ts';
import { canSee, replyToCase, type Acting } from '../domain/lifecycle.ts';
import type { Unanswered } from '../domain/matter-groups.ts';
import { conflict, Problem } from '../domain/problem.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';
import { getCase, saveChange } from '../store/cases.ts';

// A member may change while it is answered (a rating, an extension): read it again, a few times.
const ATTEMPTS = 3;

/**
 * What one group reply did: the members answered, those whose reply waits for
 * the lead unit's leader (a handler's draft under the policy's `replySignOff`),
 * and those it could not answer, with why.
 */
export interface GroupReply {
  answered: string[];
  drafted: string[];
  unanswered: Unanswered[];
}

type Outcome = Unanswered | 'answered' | 'drafted';

/**
 * Answers one member by the lifecycle's reply rules: replied, or drafted for
 * the leader's sign-off. A member already replied, or drafted, with this
 * opinion counts as before (a retry writes nothing).
 */
async function answerMember(caseId: string, opinion: string, acting: Acting): Promise<Outcome> {
  try {
    return await retryWhileStale<Outcome>(ATTEMPTS, () => conflict('The case kept changing while it was answered: reply to the group again.'), async () => {
      const subject = await getCase(caseId);
      if (!subject) return { caseId, reason: 'The case no longer exists.' };
      if (subject.status === 'replied' && subject.reply?.opinion === opinion) return 'answered';
      if (subject.replyDraft?.opinion === opinion) return 'drafted';
      const change = replyToCase(subject, { opinion }, acting);
      const saved = await saveChange(subject, change);
      if (saved === 'stale') return STALE;
      return change.case.status === 'replied' ? 'answered' : 'drafted';
    });
  } catch (error) {
    if (error instanceof Problem) return { caseId, reason: error.detail };
    throw error;
  }
}

/**
 * One answer to every member of a group in the caller's scope: each member
 * is replied as a case of its own (the lifecycle's rules, its own history,
 * its petitioner's timeline), one after another, each all or nothing. A
 * member the rules refuse (not accepted, another lead unit) is listed with
 * the reason. Safe to retry partway: members already answered with the same
 * opinion count as answered and are not written again.
 */
export async function replyToGroup(members: readonly Case[], opinion: string, acting: Acting): Promise<GroupReply> {
  const reply: GroupReply = { answered: [], drafted: [], unanswered: [] };
  for (const member of members) {
    if (!canSee(acting.staff, member)) continue;
    const outcome = await answerMember(member.id, opinion, acting);
    if (outcome === 'answered' || outcome === 'drafted') reply[outcome].push(member.id);
    else reply.unanswered.push(outcome);
  }
  return reply;
}
