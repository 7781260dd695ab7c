import * as z from '../domain/zod.ts';
import { queueSender, type QueueSender } from './client.ts';
import type { QueueName } from './names.ts';

const ROUTING_QUEUE: QueueName = 'routing';

const routeCaseMessage = z.strictObject({ kind: z.literal('route-case'), caseId: z.string().check(z.minLength(1), z.maxLength(100)) });
export type RouteCaseMessage = z.infer<typeof routeCaseMessage>;

/** Makes, in a module that sends, what asks routing to route cases; see {@link queueSender}. */
export function routeCaseSender(): QueueSender<string> {
  return queueSender(ROUTING_QUEUE, (caseId: string): RouteCaseMessage => ({ kind: 'route-case', caseId }));
}

/** The routing message in an SQS body; throws on anything else (it will end in the dead-letter queue). */
export function parseRouteCase(body: string): RouteCaseMessage {
  return routeCaseMessage.parse(JSON.parse(body));
}
