import { DUE_STAGES } from '../domain/case.ts';
import { NOTICE_KINDS, type Notice } from '../domain/ladder.ts';
import { REGION_LEVELS } from '../domain/regions.ts';
import { ROLES } from '../domain/staff.ts';
import * as z from '../domain/zod.ts';
import { queueSender, type QueueSender } from './client.ts';
import type { QueueName } from './names.ts';

const NOTIFICATION_QUEUE: QueueName = 'notification';

const id = z.string().check(z.minLength(1), z.maxLength(100));
const noticeMessage = z.strictObject({
  kind: z.literal('notice'),
  notice: z.strictObject({
    kind: z.enum(NOTICE_KINDS),
    caseId: id,
    version: z.number().check(z.int(), z.minimum(1)),
    stage: z.nullable(z.enum(DUE_STAGES)),
    level: z.nullable(z.enum(REGION_LEVELS)),
    deadline: z.nullable(id),
    to: z.array(z.strictObject({ unit: id, role: z.enum(ROLES) })),
    at: id,
    owner: z.optional(z.strictObject({ name: id, title: id })),
  }),
});

/** Makes, in a module that sends, what sends notices to the notifier; see {@link queueSender}. */
export function noticeSender(): QueueSender<Notice> {
  return queueSender(NOTIFICATION_QUEUE, (notice: Notice) => ({ kind: 'notice', notice }));
}

/** The notice in an SQS body; throws on anything else (it will end in the dead-letter queue). */
export function parseNotice(body: string): Notice {
  return noticeMessage.parse(JSON.parse(body)).notice;
}
