/**
 * Matter groups: each case's text signature (and the group it is in), the
 * band items that find a new case's candidates by key, never by a scan, and
 * the groups with their members. docs/MATTERS.md describes the items.
 */
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, chinaDay, DAY_MS, dayOfMs, msOfDay } from '../domain/calendar.ts';
import { mostShared, withMember, type MatterGroup } from '../domain/matter-groups.ts';
import type { TextSignature } from '../domain/similarity.ts';
import { isRegionWithin } from '../domain/units.ts';
import * as z from '../domain/zod.ts';
import { documents, partitionItems, queryItems, tableName, untilProcessed, writeAll, writeBatches, type NamedWrite, type TransactItem } from './client.ts';
import { cursorCodec } from './cursor.ts';
import { numberAt, stringAt, type Item } from './item.ts';
import {
  caseIdOf,
  groupMemberKey,
  isMemberSk,
  MATTER_GROUP_SK,
  matterBandPk,
  matterBandSort,
  matterGroupPk,
  matterGroupsPk,
  matterGroupsSort,
  matterSignatureKey,
  memberIdOf,
} from './keys.ts';

/** A case's signature item as read back: its signature (none when staff put it in a group by hand), its group, and whether staff took it out of one. */
export interface SignedCase {
  caseId: string;
  signed: TextSignature | null;
  groupId: string | null;
  /** Staff took it out of a group: routing offers it to no new case. */
  detached: boolean;
}

const signedCaseOf = (item: Item): SignedCase => ({
  caseId: caseIdOf(stringAt(item, 'pk')),
  signed: Array.isArray(item.signature)
    ? {
        words: numberAt(item, 'words'),
        distinctive: numberAt(item, 'distinctive'),
        buildings: item.buildings as string[],
        // Signed before names were kept: shares none until the re-signing migration signs it again.
        names: Array.isArray(item.names) ? (item.names as string[]) : [],
        issue: typeof item.issue === 'string' ? item.issue : null,
        signature: item.signature as number[],
        bandKeys: item.bandKeys as string[],
      }
    : null,
  groupId: typeof item.groupId === 'string' ? item.groupId : null,
  detached: item.detached === true,
});

const groupItem = (group: MatterGroup, createdAt: string): Item => ({ pk: matterGroupPk(group.id), sk: MATTER_GROUP_SK, createdAt, ...group });
const listingItem = (group: MatterGroup, createdAt: string): Item => ({ pk: matterGroupsPk(group.regionCode), sk: matterGroupsSort(createdAt, group.id), createdAt, ...group });

const groupOf = (item: Item): MatterGroup => ({
  id: stringAt(item, 'id'),
  county: stringAt(item, 'county'),
  regionCode: stringAt(item, 'regionCode'),
  category: stringAt(item, 'category'),
  title: stringAt(item, 'title'),
  size: numberAt(item, 'size'),
  firstReceivedAt: stringAt(item, 'firstReceivedAt'),
  lastReceivedAt: stringAt(item, 'lastReceivedAt'),
  version: numberAt(item, 'version'),
});

/** A group as stored, with when it began (the listing's sort key, which never changes) and its members' case ids. */
export interface StoredGroup {
  group: MatterGroup;
  createdAt: string;
  members: string[];
}

/**
 * The writes of a group after a change: the group (on condition of the
 * version read, or that it is new) and its entry in the province's list.
 */
function groupWrites(before: StoredGroup | undefined, after: MatterGroup, createdAt: string): NamedWrite<'group' | 'listing'>[] {
  const condition = before
    ? { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': before.group.version } }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  return [
    { name: 'group', write: { Put: { TableName: tableName(), Item: groupItem(after, createdAt), ...condition } } },
    { name: 'listing', write: { Put: { TableName: tableName(), Item: listingItem(after, createdAt) } } },
  ];
}

const memberPut = (groupId: string, caseId: string, receivedAt: string): TransactItem => ({
  Put: { TableName: tableName(), Item: { ...groupMemberKey(groupId, caseId), caseId, receivedAt }, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** Reads a group and its members in one query of its partition. */
export async function getGroup(id: string): Promise<StoredGroup | undefined> {
  let found: { group: MatterGroup; createdAt: string } | undefined;
  const members: string[] = [];
  for await (const item of partitionItems(matterGroupPk(id))) {
    const sk = stringAt(item, 'sk');
    if (sk === MATTER_GROUP_SK) found = { group: groupOf(item), createdAt: stringAt(item, 'createdAt') };
    else if (isMemberSk(sk)) members.push(memberIdOf(sk));
  }
  return found ? { ...found, members } : undefined;
}

/** A case's signature item, if routing signed it or staff grouped it. */
export async function getSignedCase(caseId: string): Promise<SignedCase | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: matterSignatureKey(caseId), ConsistentRead: true }));
  return Item ? signedCaseOf(Item) : undefined;
}

/**
 * The cases of a county and category received since `since` that share a
 * band key with `bandKeys`, less `caseId` itself: one query per key, each the
 * newest `perKey` items, then the signature items (one batch read) of the
 * `candidates` under most of those keys (`mostShared`). So what a new case
 * reads is at most `bandKeys.length × (1 + perKey) + candidates` items,
 * however many cases are open (docs/MATTERS.md, "Items read").
 */
export async function findCandidates(
  caseId: string,
  where: { county: string; category: string; since: string },
  bandKeys: readonly string[],
  { perKey, candidates }: { perKey: number; candidates: number },
): Promise<SignedCase[]> {
  const pages = await Promise.all(
    bandKeys.map((key) =>
      documents.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND sk >= :since',
          ExpressionAttributeValues: { ':pk': matterBandPk(where.county, where.category, key), ':since': where.since },
          ScanIndexForward: false,
          Limit: perKey,
          ProjectionExpression: 'caseId',
        }),
      ),
    ),
  );
  const ids = mostShared(
    pages.map((page) => (page.Items ?? []).map((item) => stringAt(item, 'caseId')).filter((id) => id !== caseId)),
    candidates,
  );
  const found: SignedCase[] = [];
  // BatchGetItem reads at most 100 keys a request.
  for (let i = 0; i < ids.length; i += 100) {
    await untilProcessed<Record<string, unknown>>(ids.slice(i, i + 100).map(matterSignatureKey), 'signatures could not be read', async (keys) => {
      const { Responses, UnprocessedKeys } = await documents.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
      found.push(...(Responses?.[tableName()] ?? []).map(signedCaseOf));
      return UnprocessedKeys?.[tableName()]?.Keys ?? [];
    });
  }
  return found;
}

/** Where routing puts a signed case: in no group, in an existing group, or in a new group with the candidate it matched. */
export type Placement =
  | { kind: 'alone' }
  | { kind: 'join'; group: StoredGroup; alone: AloneCandidate[] }
  | { kind: 'found'; group: MatterGroup; alone: AloneCandidate[] };

/**
 * A candidate of the same matter still in no group, which comes into the
 * group with the new case: the one a new group is founded with, and any other
 * that two cases arriving together left alone (each signed before it saw the
 * other), so that a matter's cases do not stay split.
 */
export interface AloneCandidate {
  caseId: string;
  receivedAt: string;
}

/** The case routing signs: its id, its partition and when it was received. */
export interface Signing {
  caseId: string;
  county: string;
  category: string;
  receivedAt: string;
  /** Its band items expire then (the table's TTL, epoch seconds): it is nobody's candidate after the window. */
  expiresAt: number;
}

/** The band items that let later cases find this one by its band keys. */
const bandItems = (signing: Signing, signed: TextSignature): Item[] =>
  signed.bandKeys.map((key) => ({ pk: matterBandPk(signing.county, signing.category, key), sk: matterBandSort(signing.receivedAt, signing.caseId), caseId: signing.caseId, expiresAt: signing.expiresAt }));

const bandWrites = (signing: Signing, signed: TextSignature): NamedWrite<'band'>[] =>
  bandItems(signing, signed).map((item) => ({ name: 'band', write: { Put: { TableName: tableName(), Item: item } } }));

/**
 * Signs a case signed before again, after a change of the method: the new
 * signature on its signature item (its group and whether staff took it out
 * kept) and the band items of its new keys, all or nothing. The old band
 * items expire with the window; a case they still name is confirmed by its
 * new signature. `absent` when the case has no signature item.
 */
export async function resign(signing: Signing, signed: TextSignature): Promise<'signed' | 'absent'> {
  const { words, distinctive, buildings, names, issue, signature, bandKeys } = signed;
  const refused = await writeAll<'signature' | 'band'>([
    {
      name: 'signature',
      write: {
        Update: {
          TableName: tableName(),
          Key: matterSignatureKey(signing.caseId),
          UpdateExpression: 'SET words = :words, distinctive = :distinctive, buildings = :buildings, #names = :names, issue = :issue, signature = :signature, bandKeys = :bandKeys',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#names': 'names' },
          ExpressionAttributeValues: { ':words': words, ':distinctive': distinctive, ':buildings': buildings, ':names': names, ':issue': issue, ':signature': signature, ':bandKeys': bandKeys },
        },
      },
    },
    ...bandWrites(signing, signed),
  ]);
  return refused.length === 0 ? 'signed' : 'absent';
}

/**
 * Writes a case's band items, then its signature and its place in a group,
 * all or nothing. `done` when the case was signed already (a redelivered
 * routing message, or staff grouped it by hand): nothing more is written.
 * `stale` when the group or the candidate changed since they were read: read
 * again.
 *
 * The band items go first, outside the transaction, where a write costs half
 * (64 of them a case): putting them again changes nothing, and until the
 * signature is written a case they name is nobody's candidate, since
 * `findCandidates` reads only signatures that exist.
 */
export async function saveSigning(signing: Signing, signed: TextSignature, placement: Placement): Promise<'saved' | 'done' | 'stale'> {
  const target = placement.kind === 'join' ? placement.group.group : placement.kind === 'found' ? placement.group : undefined;
  await writeBatches(bandItems(signing, signed));
  const writes: NamedWrite<'signature' | 'group' | 'listing' | 'member' | 'candidate'>[] = [
    {
      name: 'signature',
      write: {
        Put: {
          TableName: tableName(),
          Item: { ...matterSignatureKey(signing.caseId), ...signed, ...(target && { groupId: target.id }) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
  ];
  // Each candidate still alone comes in on condition that it is still alone and staff did not take it out.
  const comingIn = (groupId: string, alone: AloneCandidate[]): NamedWrite<'member' | 'candidate'>[] =>
    alone.flatMap((candidate) => [
      { name: 'member', write: memberPut(groupId, candidate.caseId, candidate.receivedAt) },
      {
        name: 'candidate',
        write: {
          Update: {
            TableName: tableName(),
            Key: matterSignatureKey(candidate.caseId),
            UpdateExpression: 'SET groupId = :group',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(groupId) AND attribute_not_exists(detached)',
            ExpressionAttributeValues: { ':group': groupId },
          },
        },
      },
    ]);
  if (placement.kind === 'join') {
    const { group, alone } = placement;
    const after = [signing.receivedAt, ...alone.map((candidate) => candidate.receivedAt)].reduce(withMember, group.group);
    writes.push(...groupWrites(group, after, group.createdAt), { name: 'member', write: memberPut(after.id, signing.caseId, signing.receivedAt) }, ...comingIn(after.id, alone));
  }
  if (placement.kind === 'found') {
    const { group, alone } = placement;
    writes.push(...groupWrites(undefined, group, signing.receivedAt), { name: 'member', write: memberPut(group.id, signing.caseId, signing.receivedAt) }, ...comingIn(group.id, alone));
  }
  const refused = await writeAll(writes);
  if (refused.length === 0) return 'saved';
  if (refused.includes('signature')) return 'done';
  return 'stale';
}

/**
 * Staff put a case in a group: the member, the group one larger, and the
 * case's group set, all or nothing. `member` when it is in this group
 * already, `elsewhere` when it is in another, `stale` when the group changed
 * since it was read.
 */
export async function addMember(stored: StoredGroup, member: { id: string; receivedAt: string }): Promise<'added' | 'member' | 'elsewhere' | 'stale'> {
  const { group } = stored;
  const after = withMember(group, member.receivedAt);
  const refused = await writeAll([
    ...groupWrites(stored, after, stored.createdAt),
    { name: 'member', write: memberPut(group.id, member.id, member.receivedAt) },
    {
      name: 'case',
      write: {
        Update: {
          TableName: tableName(),
          Key: matterSignatureKey(member.id),
          UpdateExpression: 'SET groupId = :group REMOVE detached',
          ConditionExpression: 'attribute_not_exists(groupId)',
          ExpressionAttributeValues: { ':group': group.id },
        },
      },
    },
  ]);
  if (refused.length === 0) return 'added';
  if (refused.includes('member')) return 'member';
  if (refused.includes('case')) return 'elsewhere';
  return 'stale';
}

/**
 * Staff take a case out of a group: the member gone, the group one smaller,
 * and the case marked so that routing offers it to no new case. `absent`
 * when it is not a member, `stale` when the group changed since it was read.
 */
export async function removeMember(stored: StoredGroup, caseId: string): Promise<'removed' | 'absent' | 'stale'> {
  const after: MatterGroup = { ...stored.group, size: stored.group.size - 1, version: stored.group.version + 1 };
  const refused = await writeAll([
    ...groupWrites(stored, after, stored.createdAt),
    { name: 'member', write: { Delete: { TableName: tableName(), Key: groupMemberKey(stored.group.id, caseId), ConditionExpression: 'attribute_exists(pk)' } } },
    {
      name: 'case',
      write: {
        Update: {
          TableName: tableName(),
          Key: matterSignatureKey(caseId),
          UpdateExpression: 'SET detached = :true REMOVE groupId',
          ConditionExpression: 'groupId = :group',
          ExpressionAttributeValues: { ':group': stored.group.id, ':true': true },
        },
      },
    },
  ]);
  if (refused.length === 0) return 'removed';
  if (refused.includes('member') || refused.includes('case')) return 'absent';
  return 'stale';
}

/**
 * The groups of a region and below that had a member received between the
 * days `from` and `to` (inclusive, China time), largest first. Read from the
 * province's list by when each group began, which is at most `windowMs`
 * before its first member: so from `from` less the window, a bounded range
 * of one partition, never a scan (a group still growing after more than a
 * window is missed from periods that start later).
 */
export async function groupsOf(regionCode: string, from: string, to: string, windowMs: number): Promise<MatterGroup[]> {
  // A day's margin each side: the list is by UTC instants, the days are China's.
  const since = dayOfMs(msOfDay(from) - windowMs - DAY_MS);
  const until = `${addDays(to, 1)}~`;
  const groups: MatterGroup[] = [];
  const listed = queryItems({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :since AND :until',
    ExpressionAttributeValues: { ':pk': matterGroupsPk(regionCode), ':since': since, ':until': until },
  });
  for await (const item of listed) {
    const group = groupOf(item);
    const inPeriod = chinaDay(group.lastReceivedAt) >= from && chinaDay(group.firstReceivedAt) <= to;
    if (group.size >= 2 && isRegionWithin(group.regionCode, regionCode) && inPeriod) groups.push(group);
  }
  return groups.sort((a, b) => b.size - a.size || a.firstReceivedAt.localeCompare(b.firstReceivedAt) || a.id.localeCompare(b.id));
}

/** The group a case is in, as its staff view names it: id and size; null when it is in none. */
export async function groupOfCase(caseId: string): Promise<{ id: string; size: number } | null> {
  const signed = await getSignedCase(caseId);
  if (!signed?.groupId) return null;
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: { pk: matterGroupPk(signed.groupId), sk: MATTER_GROUP_SK } }));
  return Item ? { id: signed.groupId, size: numberAt(Item, 'size') } : null;
}

// The position in a region's groups of a period, ranked by size: how many came before.
const groupCursors = cursorCodec('matter-groups', z.object({ offset: z.number().check(z.int(), z.minimum(0)) }));

/**
 * A page of {@link groupsOf}, largest first; the cursor is bound to the
 * query. The ranking is made again for each page, so a group that grew
 * meanwhile may be seen twice or missed: a list for a meeting, not a ledger.
 */
export async function listGroups(
  query: { regionCode: string; from: string; to: string; windowMs: number },
  page: { limit: number; cursor?: string },
): Promise<{ items: MatterGroup[]; nextCursor: string | null }> {
  const binding = [query.regionCode, query.from, query.to];
  const offset = page.cursor === undefined ? 0 : groupCursors.decode(page.cursor, binding).offset;
  const groups = await groupsOf(query.regionCode, query.from, query.to, query.windowMs);
  const end = offset + page.limit;
  return { items: groups.slice(offset, end), nextCursor: end < groups.length ? groupCursors.encode({ offset: end }, binding) : null };
}
