/**
 * The messages to petitioners: each milestone message of a case, written
 * with the change that made it (so none is lost and none is made twice),
 * and where its delivery stands; the deliveries of direct messages.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MESSAGE_KINDS, MESSAGE_STATUSES, type CaseMessage, type MessageStatus } from '../domain/petitioner-messages.ts';
import { partitionPages } from './partition-pages.ts';
import { documents, tableName, updateOnCondition, type TransactItem } from './client.ts';
import { numberAt, oneOfAt, stringAt, type Item } from './item.ts';
import { deliveryKey, dueShardOf, messageKey, messagesPk } from './keys.ts';

/** A case's message as kept: where its delivery stands. */
export type KeptMessage = CaseMessage & { status: MessageStatus };

// A direct message's delivery mark is kept long enough for any redrive (SQS keeps a message 14 days at most).
const DELIVERY_KEPT_SECONDS = 15 * 86_400;

/**
 * A pending message is in the due index until it is settled, due when it
 * should have been sent: if handing it to the sender failed after its change
 * was written (or a delivery stopped half way), the sweep sends it again.
 * Each claim moves the time on, so one under way is not sent twice.
 */
const RESEND_AFTER_MS = 5 * 60_000;

const resendAfter = (at: string) => new Date(Date.parse(at) + RESEND_AFTER_MS).toISOString();

/** The write of a new message, pending, in the transaction of the change that made it. */
export function messageWrite(message: CaseMessage): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...messageKey(message.caseId, message.version), ...message, status: 'pending', dueStage: 'message', dueShard: dueShardOf(message.caseId), dueAt: resendAfter(message.at) },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function keptMessageOf(item: Item): KeptMessage {
  return {
    caseId: stringAt(item, 'caseId'),
    version: numberAt(item, 'version'),
    at: stringAt(item, 'at'),
    kind: oneOfAt(item, 'kind', MESSAGE_KINDS),
    text: stringAt(item, 'text'),
    status: oneOfAt(item, 'status', MESSAGE_STATUSES),
  };
}

export async function getMessage(caseId: string, version: number): Promise<KeptMessage | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: messageKey(caseId, version), ConsistentRead: true }));
  return Item ? keptMessageOf(Item) : undefined;
}

/**
 * What a delivery found: it may send (`claimed`: no other delivery of the
 * message is under way, it holds it for the lease), it was done already
 * (`done`), or another delivery of it is under way (`busy`).
 */
export type Claim = 'claimed' | 'done' | 'busy';

// Longer than a sender's tries take, shorter than the queue's visibility timeout.
const LEASE_MS = 60_000;

const lease = (at: string) => new Date(Date.parse(at) + LEASE_MS).toISOString();

/** Claims a pending message for one delivery: two deliveries of it at once (a duplicate, a redrive) send it once. */
export async function claimMessage(caseId: string, version: number, at: string): Promise<Claim> {
  const claimed = await updateOnCondition({
    Key: messageKey(caseId, version),
    UpdateExpression: 'SET leaseUntil = :lease, dueAt = :resend',
    ConditionExpression: '#status = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :at)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':lease': lease(at), ':pending': 'pending', ':at': at, ':resend': resendAfter(at) },
  });
  if (claimed) return 'claimed';
  return (await getMessage(caseId, version))?.status === 'pending' ? 'busy' : 'done';
}

/** Gives up a claim whose send failed, so that the message's next try sends it at once. */
export async function releaseMessage(caseId: string, version: number): Promise<void> {
  await documents.send(new UpdateCommand({ TableName: tableName(), Key: messageKey(caseId, version), UpdateExpression: 'REMOVE leaseUntil' }));
}

/** Records where a claimed message's delivery ended. */
export async function settleMessage(caseId: string, version: number, status: Exclude<MessageStatus, 'pending'>, at: string): Promise<void> {
  await documents.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: messageKey(caseId, version),
      // Settled, it leaves the due index.
      UpdateExpression: 'SET #status = :status, settledAt = :at REMOVE leaseUntil, dueShard, dueAt, dueStage',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':at': at },
    }),
  );
}

// Pure: a function that never lists (the sender) leaves it, and its Query, out of its bundle.
const messagePages = /* @__PURE__ */ partitionPages('messages', keptMessageOf);

/** A case's messages, oldest first, paged. */
export function listMessages(caseId: string, limit: number, cursor?: string): Promise<{ items: KeptMessage[]; nextCursor: string | null }> {
  return messagePages({ pk: messagesPk(caseId), binding: [caseId], limit, cursor });
}

/** Claims a direct message for one delivery, as {@link claimMessage} does. */
export async function claimDelivery(id: string, at: string): Promise<Claim> {
  const claimed = await updateOnCondition({
    Key: deliveryKey(id),
    UpdateExpression: 'SET leaseUntil = :lease, expiresAt = :expires',
    ConditionExpression: 'attribute_not_exists(pk) OR (attribute_not_exists(deliveredAt) AND leaseUntil < :at)',
    ExpressionAttributeValues: { ':lease': lease(at), ':at': at, ':expires': Math.floor(Date.parse(at) / 1000) + DELIVERY_KEPT_SECONDS },
  });
  if (claimed) return 'claimed';
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: deliveryKey(id), ConsistentRead: true }));
  return Item?.deliveredAt === undefined ? 'busy' : 'done';
}

/** Gives up a claim of a direct message whose send failed. */
export async function releaseDelivery(id: string): Promise<void> {
  await documents.send(new UpdateCommand({ TableName: tableName(), Key: deliveryKey(id), UpdateExpression: 'REMOVE leaseUntil' }));
}

/** Marks a claimed direct message delivered. */
export async function markDelivered(id: string, at: string): Promise<void> {
  await documents.send(new UpdateCommand({ TableName: tableName(), Key: deliveryKey(id), UpdateExpression: 'SET deliveredAt = :at REMOVE leaseUntil', ExpressionAttributeValues: { ':at': at } }));
}
