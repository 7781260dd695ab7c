import * as z from '../domain/zod.ts';
import { queueSender } from './client.ts';
import type { QueueName } from './names.ts';

const DEADLINE_QUEUE: QueueName = 'deadline';

const deadlineCheck = z.strictObject({
  kind: z.literal('deadline-check'),
  caseId: z.string().check(z.minLength(1), z.maxLength(100)),
  stage: z.enum(['acceptance', 'handling', 'reviewWindow', 'review']),
  /** The due time the sweep found: the worker applies the rung only if the case still has it. */
  dueAt: z.string().check(z.minLength(1), z.maxLength(40)),
});
export type DeadlineCheck = z.infer<typeof deadlineCheck>;

/** Makes, in a module that sends, what sends one deadline-check message per due case; see {@link queueSender}. */
export function deadlineCheckSender(): (checks: Array<Omit<DeadlineCheck, 'kind'>>) => Promise<void> {
  const send = queueSender(DEADLINE_QUEUE);
  return (checks) => send(checks.map((check): DeadlineCheck => ({ kind: 'deadline-check', ...check })));
}

/** The deadline check in an SQS body; throws on anything else (it will end in the dead-letter queue). */
export function parseDeadlineCheck(body: string): DeadlineCheck {
  return deadlineCheck.parse(JSON.parse(body));
}
