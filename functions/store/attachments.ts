/**
 * The attachments' records: each declared file, and per case the count of
 * those available, held to the limit by a conditional write so that two
 * completions at once cannot pass it.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS_PER_CASE, PENDING_UPLOAD_SECONDS, type Attachment } from '../domain/attachments.ts';
import { documents, queryItems, tableName, writeAll } from './client.ts';
import { nullableStringAt, numberAt, oneOfAt, stringAt, type Item } from './item.ts';
import { ATTACHMENT_PREFIX, attachmentCountKey, attachmentKey, attachmentsPk } from './keys.ts';
import { TABLE_SCHEMA } from './schema.ts';

function attachmentOf(item: Item): Attachment {
  return {
    id: stringAt(item, 'id'),
    caseId: stringAt(item, 'caseId'),
    fileName: stringAt(item, 'fileName'),
    contentType: oneOfAt(item, 'contentType', ATTACHMENT_TYPES),
    size: numberAt(item, 'size'),
    by: oneOfAt(item, 'by', ['petitioner', 'staff'] as const),
    unit: nullableStringAt(item, 'unit'),
    public: item.public === true,
    status: oneOfAt(item, 'status', ['pending', 'available'] as const),
    declaredAt: stringAt(item, 'declaredAt'),
    at: nullableStringAt(item, 'at'),
  };
}

/** Records a declared upload; a declaration never completed expires with its upload. */
export async function saveDeclaredAttachment(attachment: Attachment): Promise<void> {
  await documents.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...attachmentKey(attachment.caseId, attachment.id),
        ...attachment,
        [TABLE_SCHEMA.timeToLive]: Math.floor(Date.parse(attachment.declaredAt) / 1000) + PENDING_UPLOAD_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getAttachment(caseId: string, id: string): Promise<Attachment | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: attachmentKey(caseId, id), ConsistentRead: true }));
  return Item ? attachmentOf(Item) : undefined;
}

/** How many files of the case are available. */
export async function countAttachments(caseId: string): Promise<number> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: attachmentCountKey(caseId), ConsistentRead: true }));
  return Item ? numberAt(Item, 'count') : 0;
}

/**
 * Makes a pending attachment available, with the size it is kept at, and
 * counts it: 'full' when the case has its 20 already, 'stale' when it is no
 * longer pending (completed meanwhile); nothing is written then.
 */
export async function saveAvailableAttachment(available: Attachment): Promise<'saved' | 'full' | 'stale'> {
  const refused = await writeAll([
    {
      name: 'attachment' as const,
      write: {
        Update: {
          TableName: tableName(),
          Key: attachmentKey(available.caseId, available.id),
          UpdateExpression: 'SET #status = :available, #size = :size, #at = :at REMOVE #ttl',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status', '#size': 'size', '#at': 'at', '#ttl': TABLE_SCHEMA.timeToLive },
          ExpressionAttributeValues: { ':available': 'available', ':pending': 'pending', ':size': available.size, ':at': available.at },
        },
      },
    },
    {
      name: 'count' as const,
      write: {
        Update: {
          TableName: tableName(),
          Key: attachmentCountKey(available.caseId),
          UpdateExpression: 'ADD #count :one',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':one': 1, ':max': MAX_ATTACHMENTS_PER_CASE },
        },
      },
    },
  ]);
  if (refused.includes('attachment')) return 'stale';
  if (refused.includes('count')) return 'full';
  return 'saved';
}

/** The available files of a case, oldest first. */
export async function listAttachments(caseId: string): Promise<Attachment[]> {
  const found: Attachment[] = [];
  const listed = queryItems({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#status = :available',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': attachmentsPk(caseId), ':prefix': ATTACHMENT_PREFIX, ':available': 'available' },
    ConsistentRead: true,
  });
  for await (const item of listed) found.push(attachmentOf(item));
  return found.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}
