/** Client apps, each one item found by its API key's hash: the key itself is never stored. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ClientApp } from '../domain/client-apps.ts';
import { documents, putOnCondition, tableName } from './client.ts';
import { stringAt } from './item.ts';
import { clientAppKey } from './keys.ts';

/** Registers an app under its key's hash; a hash already taken (never, for fresh random keys) is an error. */
export async function saveClientApp(app: ClientApp, keyHash: string): Promise<void> {
  const saved = await putOnCondition({ Item: { ...clientAppKey(keyHash), ...app }, ConditionExpression: 'attribute_not_exists(pk)' });
  if (!saved) throw new Error(`client app ${app.id}: its key's hash is taken`);
}

export async function clientAppByKeyHash(keyHash: string): Promise<ClientApp | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: clientAppKey(keyHash) }));
  if (!Item) return undefined;
  return { id: stringAt(Item, 'id'), name: stringAt(Item, 'name'), registeredAt: stringAt(Item, 'registeredAt'), registeredBy: stringAt(Item, 'registeredBy') };
}
