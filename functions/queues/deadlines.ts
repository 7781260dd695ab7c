import * as z from '../domain/zod.ts';
import { sendAll } from './client.ts';
import type { QueueName } from './names.ts';

const DEADLINE_QUEUE: QueueName = 'deadline';

const deadlineCheck = z.strictObject({
  kind: z.literal('deadline-check'),
  caseId: z.string().check(z.minLength(1), z.maxLength(100)),
  stage: z.enum(['acceptance', 'receipt', 'handling', 'reviewWindow', 'review']),
  /** The due time the sweep found: the worker applies the rung only if the case still has it. */
  dueAt: z.string().check(z.minLength(1), z.maxLength(40)),
});
export type DeadlineCheck = z.infer<typeof deadlineCheck>;

/** One deadline-check message per due case; see {@link sendAll} for failures. */
export async function sendDeadlineChecks(checks: Array<Omit<DeadlineCheck, 'kind'>>): Promise<void> {
  await sendAll(DEADLINE_QUEUE, checks.map((check): DeadlineCheck => ({ kind: 'deadline-check', ...check })));
}

/** The deadline check in an SQS body; throws on anything else (it will end in the dead-letter queue). */
export function parseDeadlineCheck(body: string): DeadlineCheck {
  return deadlineCheck.parse(JSON.parse(body));
}
