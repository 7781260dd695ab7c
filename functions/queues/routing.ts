import { z } from 'zod';
import { sendAll } from './client.ts';
import type { QueueName } from './names.ts';

const ROUTING_QUEUE: QueueName = 'routing';

const routeCaseMessage = z.object({ kind: z.literal('route-case'), caseId: z.string().min(1).max(100) }).strict();
export type RouteCaseMessage = z.infer<typeof routeCaseMessage>;

/** Asks routing to route these cases; see {@link sendAll} for failures. */
export async function sendRouteCase(caseIds: string[]): Promise<void> {
  await sendAll(ROUTING_QUEUE, caseIds.map((caseId): RouteCaseMessage => ({ kind: 'route-case', caseId })));
}

/** The routing message in an SQS body; throws on anything else (it will end in the dead-letter queue). */
export function parseRouteCase(body: string): RouteCaseMessage {
  return routeCaseMessage.parse(JSON.parse(body));
}
