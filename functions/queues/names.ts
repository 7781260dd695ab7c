/** The work queues, by name. Each has a dead-letter queue and one consumer (see lib/wiring.ts). */
export const QUEUE_NAMES = ['routing', 'deadline', 'notification', 'petitionerMessage'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** The SNS topics, by name: where notices go out to operators and gateways (SMS, e-mail). */
export const TOPIC_NAMES = ['notices'] as const;
export type TopicName = (typeof TOPIC_NAMES)[number];
