/**
 * Readers of a raw item's attributes, for each entity's codec: an attribute
 * that is not what the store writes fails loudly, naming it, instead of
 * flowing on mistyped.
 */

/** An item as DynamoDB's document client gives it. */
export type Item = Record<string, unknown>;

function misread(item: Item, name: string, expected: string): Error {
  return new Error(`item ${String(item.pk)} ${String(item.sk)}: ${name} is not ${expected}`);
}

export function stringAt(item: Item, name: string): string {
  const value = item[name];
  if (typeof value !== 'string') throw misread(item, name, 'a string');
  return value;
}

export function numberAt(item: Item, name: string): number {
  const value = item[name];
  if (typeof value !== 'number') throw misread(item, name, 'a number');
  return value;
}

/** A string that may be absent or null (written as null, or left out by `removeUndefinedValues`). */
export function nullableStringAt(item: Item, name: string): string | null {
  const value = item[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw misread(item, name, 'a string or null');
  return value;
}

/** One of a closed set of strings. */
export function oneOfAt<Value extends string>(item: Item, name: string, values: readonly Value[]): Value {
  const value = item[name];
  if (!values.includes(value as Value)) throw misread(item, name, `one of ${values.join(', ')}`);
  return value as Value;
}

/** The item without its table keys. */
export function withoutKeys(item: Item): Item {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest;
}
