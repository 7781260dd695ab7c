/**
 * The lead unit's leader signs off what a handler may not do alone (审批):
 * an extension of the handling time, and the written reply, which is the
 * authority's act (答复意见书). A leader does not approve a request of
 * their own: one made by a leader is granted at once.
 */
import { next, type Case, type Change } from './case.ts';
import { longText } from './fields.ts';
import { grantExtension, releaseReply, requireLeadUnit, requireStatus, type Acting } from './lifecycle.ts';
import { conflict } from './problem.ts';
import { requireRole } from './staff.ts';
import * as z from './zod.ts';

export const extensionApprovalSchema = z.strictObject({ approve: z.boolean(), reason: z.optional(longText(2000)) });
export const replyApprovalSchema = z.strictObject({ approve: z.boolean(), comment: z.optional(longText(2000)) });

/** The lead unit's leader approves a handler's pending extension (the deadline moves) or refuses it (it counts as the one extension). */
export function approveExtension(subject: Case, input: z.infer<typeof extensionApprovalSchema>, acting: Acting): Change {
  const { staff } = acting;
  requireRole(staff, 'approve an extension', 'leader');
  requireStatus(subject, ['accepted'], 'have its extension approved');
  requireLeadUnit(staff, subject, 'approve an extension');
  if (subject.extension?.status !== 'pending') throw conflict('There is no extension awaiting approval.');
  if (subject.extension.by === staff.sub) throw conflict('You asked for this extension: another leader of the unit approves it.');
  return grantExtension(subject, input, acting);
}

/** The lead unit's leader releases a handler's draft reply to the petitioner, or sends it back to be redrafted. */
export function approveReply(subject: Case, input: z.infer<typeof replyApprovalSchema>, acting: Acting): Change {
  const { staff, now } = acting;
  requireRole(staff, 'sign off a reply', 'leader');
  requireStatus(subject, ['accepted'], 'have its reply signed off');
  requireLeadUnit(staff, subject, 'sign off a reply');
  const draft = subject.replyDraft;
  if (draft === null) throw conflict('There is no draft reply awaiting sign-off.');
  if (draft.by === staff.sub) throw conflict('You drafted this reply: another leader of the unit signs it off.');
  if (input.approve) return releaseReply(subject, draft, acting);
  return next(subject, { replyDraft: null }, {
    at: now,
    actor: staff.sub,
    action: 'reply_sent_back',
    detail: { draftedBy: draft.by, comment: input.comment ?? null },
  });
}
