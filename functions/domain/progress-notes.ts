/**
 * Progress notes (办理进展): the lead unit records how the handling goes;
 * a note it marks visible is shown to the petitioner in their timeline.
 */
import { next, type Case, type Change } from './case.ts';
import { longText } from './fields.ts';
import { requireHandling, type Acting } from './lifecycle.ts';
import * as z from './zod.ts';

export const progressNoteSchema = z.strictObject({ note: longText(2000), visibleToPetitioner: z.boolean() });
export type ProgressNoteInput = z.infer<typeof progressNoteSchema>;

/** A note of the lead unit on the case's progress, in its history and, when visible, in the petitioner's timeline. */
export function addProgressNote(subject: Case, input: ProgressNoteInput, { staff, now }: Acting): Change {
  requireHandling(subject, staff, 'record progress', 'have progress recorded', ['clerk', 'handler', 'leader']);
  return next(subject, {}, {
    at: now,
    actor: staff.sub,
    action: 'progress_noted',
    detail: { note: input.note, visibleToPetitioner: input.visibleToPetitioner },
    ...(input.visibleToPetitioner && { timeline: { event: 'progress', note: `办理进展：${input.note}` } }),
  });
}
