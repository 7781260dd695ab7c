import * as z from '../domain/zod.ts';
import { queueSender, type QueueSender } from './client.ts';
import type { QueueName } from './names.ts';

const DEADLINE_QUEUE: QueueName = 'deadline';

const deadlineCheck = z.strictObject({
  kind: z.literal('deadline-check'),
  caseId: z.string().check(z.minLength(1), z.maxLength(100)),
  stage: z.enum(['acceptance', 'receipt', 'handling', 'reviewWindow', 'review', 'idle', 'pause', 'coHandling']),
  /** Which side due entry of its stage (a co-handling task's id); absent for the others. */
  ref: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
  /** The due time the sweep found: the worker applies the rung only if the case still has it. */
  dueAt: z.string().check(z.minLength(1), z.maxLength(40)),
});
export type DeadlineCheck = z.infer<typeof deadlineCheck>;

/** Makes, in a module that sends, what sends one deadline-check message per due case; see {@link queueSender}. */
export function deadlineCheckSender(): QueueSender<Omit<DeadlineCheck, 'kind'>> {
  return queueSender(DEADLINE_QUEUE, (check: Omit<DeadlineCheck, 'kind'>): DeadlineCheck => ({ kind: 'deadline-check', ...check }));
}

/**
 * A page of the open cases of one due shard whose deadlines a calendar year
 * may move, to count again; `position` is where the page starts (the due
 * index's own key: case ids and due times, no personal data).
 */
const calendarRecount = z.strictObject({
  kind: z.literal('calendar-recount'),
  year: z.number().check(z.int()),
  shard: z.string().check(z.minLength(1), z.maxLength(20)),
  position: z.optional(z.record(z.string(), z.string())),
});
export type CalendarRecount = z.infer<typeof calendarRecount>;

/** Makes, in a module that sends, what sends one calendar-recount message per page to count (the first page of each shard, then each next page); see {@link queueSender}. */
export function calendarRecountSender(): QueueSender<Omit<CalendarRecount, 'kind'>> {
  return queueSender(DEADLINE_QUEUE, (recount: Omit<CalendarRecount, 'kind'>): CalendarRecount => ({ kind: 'calendar-recount', ...recount }));
}

/** The deadline message in an SQS body; throws on anything else (it will end in the dead-letter queue). */
export function parseDeadlineMessage(body: string): DeadlineCheck | CalendarRecount {
  return z.discriminatedUnion('kind', [deadlineCheck, calendarRecount]).parse(JSON.parse(body));
}
