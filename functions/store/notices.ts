import type { Notice } from '../domain/ladder.ts';
import { writeBatches } from './client.ts';
import { numberAt, stringAt, withoutKeys, type Item } from './item.ts';
import { noticesPk, noticeSk } from './keys.ts';
import { partitionPages } from './partition-pages.ts';

/** Records a notice once for each unit it is addressed to, with the roles there it is for; again, it changes nothing. */
export async function recordNotice(notice: Notice): Promise<void> {
  const rolesByUnit = new Map<string, string[]>();
  for (const { unit, role } of notice.to) rolesByUnit.set(unit, [...(rolesByUnit.get(unit) ?? []), role]);
  await writeBatches([...rolesByUnit].map(([unit, roles]) => ({ pk: noticesPk(unit), sk: noticeSk(notice), ...notice, roles })));
}

/** A notice as a unit received it: `roles` are the roles there it is for. */
export type RecordedNotice = Notice & { roles: string[] };

function recordedNoticeOf(item: Item): RecordedNotice {
  stringAt(item, 'caseId');
  stringAt(item, 'kind');
  numberAt(item, 'version');
  if (!Array.isArray(item.roles)) throw new Error(`item ${String(item.pk)} ${String(item.sk)}: roles is not a list`);
  return withoutKeys(item) as unknown as RecordedNotice;
}

const noticePages = /* @__PURE__ */ partitionPages('notices', recordedNoticeOf);

/** The notices to a unit, newest first, paged. */
export function listNotices(unit: string, limit: number, cursor?: string): Promise<{ items: RecordedNotice[]; nextCursor: string | null }> {
  return noticePages({ pk: noticesPk(unit), binding: [unit], limit, cursor, newestFirst: true });
}
