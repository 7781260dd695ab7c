/** The work queues, by name. Each has a dead-letter queue and one consumer (see lib/wiring.ts). */
export const QUEUE_NAMES = ['routing'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
