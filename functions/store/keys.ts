/**
 * Every key of the table, entity by entity: the partition and sort keys, and
 * the index keys an item carries. Only the store modules (and the benchmarks
 * that replay their writes) build or read key values, and only through these.
 */
import { createHash } from 'node:crypto';
import type { CaseStatus } from '../domain/case.ts';
import type { ReportKind } from '../domain/reports.ts';
import { DUE_SHARDS } from './schema.ts';

/** The partition and sort key of an item. */
export type ItemKey = { pk: string; sk: string };

// Cases: the case item, its history entries and its department assignments share the case's partition.
const CASE_PREFIX = 'CASE#';
export const CASE_SK = 'CASE';
const HISTORY_PREFIX = 'HISTORY#';
export const casePk = (id: string): string => `${CASE_PREFIX}${id}`;
export const caseKey = (id: string): ItemKey => ({ pk: casePk(id), sk: CASE_SK });
/** The case id of an item of a case's partition (or of an index entry of one). */
export const caseIdOf = (pk: string): string => pk.slice(CASE_PREFIX.length);
export const isCasePk = (pk: string): boolean => pk.startsWith(CASE_PREFIX);
// Zero-padded so that the history sorts by version.
export const historyKey = (id: string, version: number): ItemKey => ({ pk: casePk(id), sk: `${HISTORY_PREFIX}${String(version).padStart(8, '0')}` });
export const isHistorySk = (sk: string): boolean => sk.startsWith(HISTORY_PREFIX);
// A case's side due entries (its idle warning, its co-handling tasks' clocks), beside the case item's own due entry.
const SIDE_DUE_PREFIX = 'DUE#';
/** A side due entry of a case in the due index: one per stage, and per `ref` within it (a task's id). */
export const sideDueKey = (id: string, stage: string, ref: string | null): ItemKey => ({ pk: casePk(id), sk: `${SIDE_DUE_PREFIX}${stage}${ref === null ? '' : `#${ref}`}` });
/** The `ref` of a due index entry, from its sort key: `null` for the case item's own entry and entries of a stage without refs. */
export function sideDueRefOf(sk: string): string | null {
  if (!sk.startsWith(SIDE_DUE_PREFIX)) return null;
  const hash = sk.indexOf('#', SIDE_DUE_PREFIX.length);
  return hash === -1 ? null : sk.slice(hash + 1);
}
export const assignmentKey = (id: string, unit: string): ItemKey => ({ pk: casePk(id), sk: `UNIT#${unit}` });
// Case numbers: one counter a county and year, the last sequence given in that series.
export const caseNumberCounterKey = (county: string, year: string): ItemKey => ({ pk: `CASENUMBERS#${county}`, sk: `YEAR#${year}` });
const MATTER_PREFIX = 'MATTER#';
export const matterKey = (fingerprint: string): ItemKey => ({ pk: `${MATTER_PREFIX}${fingerprint}`, sk: 'MATTER' });
export const isMatterPk = (pk: string): boolean => pk.startsWith(MATTER_PREFIX);

// Matter groups (举一反三). A case's text signature, and the group it is in, sit in its partition;
// band items index the open cases of a county and category by LSH band key, newest first; a group's
// item and its members share the group's partition; a province's groups are listed by when they began.
export const matterSignatureKey = (caseId: string): ItemKey => ({ pk: casePk(caseId), sk: 'MATTERSIG' });
export const matterBandPk = (county: string, category: string, bandKey: string): string => `MATTERBAND#${county}#${category}#${bandKey}`;
export const matterBandSort = (receivedAt: string, caseId: string): string => `${receivedAt}#${caseId}`;
const MATTER_GROUP_PREFIX = 'MATTERGROUP#';
export const matterGroupPk = (id: string): string => `${MATTER_GROUP_PREFIX}${id}`;
export const MATTER_GROUP_SK = 'GROUP';
const MEMBER_PREFIX = 'MEMBER#';
export const groupMemberKey = (id: string, caseId: string): ItemKey => ({ pk: matterGroupPk(id), sk: `${MEMBER_PREFIX}${caseId}` });
export const isMemberSk = (sk: string): boolean => sk.startsWith(MEMBER_PREFIX);
export const memberIdOf = (sk: string): string => sk.slice(MEMBER_PREFIX.length);
export const matterGroupsPk = (regionCode: string): string => `MATTERGROUPS#${regionCode.slice(0, 2)}`;
export const matterGroupsSort = (createdAt: string, id: string): string => `${createdAt}#${id}`;

// The due index: sharded by a stable hash of the case id, so a case's due entry always lands in one place.
const dueShard = (n: number) => `DUE#${String(n).padStart(2, '0')}`;
export function dueShardOf(caseId: string): string {
  return dueShard(createHash('sha256').update(caseId).digest().readUInt32BE(0) % DUE_SHARDS);
}
export const ALL_DUE_SHARDS = Array.from({ length: DUE_SHARDS }, (_, i) => dueShard(i));

// The worklist index. An office entry's partition is its province and status; its sort key starts
// with the office region, so an office's subtree is one prefix. A department's is its unit and status.
export const officeWorklistKey = (region: string, status: CaseStatus): string => `OFFICE#${region.slice(0, 2)}#${status}`;
export const officeWorklistSort = (office: string, receivedAt: string, id: string): string => `${office}#${receivedAt}#${id}`;
export const unitWorklistKey = (unit: string, status: CaseStatus): string => `UNIT#${unit}#${status}`;
export const unitWorklistSort = (receivedAt: string, id: string): string => `${receivedAt}#${id}`;

// The responsibility list (包案) in the worklist index: an owned case's entries beside its worklist entries, keyed the
// same way (its office's, and each assigned department's), in partitions of their own; kept in every status.
export const ownedKey = (id: string): ItemKey => ({ pk: casePk(id), sk: 'OWNED' });
export const ownedAssignmentKey = (id: string, unit: string): ItemKey => ({ pk: casePk(id), sk: `OWNED#UNIT#${unit}` });
export const ownedOfficeKey = (region: string, status: CaseStatus): string => `OWNEDOFFICE#${region.slice(0, 2)}#${status}`;
export const ownedUnitKey = (unit: string, status: CaseStatus): string => `OWNEDUNIT#${unit}#${status}`;

// Visits, and the visits index: a province's visits by start time.
const VISIT_PREFIX = 'VISIT#';
export const visitKey = (id: string): ItemKey => ({ pk: `${VISIT_PREFIX}${id}`, sk: 'VISIT' });
export const visitIdOf = (pk: string): string => pk.slice(VISIT_PREFIX.length);
export const visitsPartition = (regionCode: string): string => `VISITS#${regionCode.slice(0, 2)}`;
export const visitsSort = (startsAt: string, id: string): string => `${startsAt}#${id}`;

// Reports: a region's reports, newest period first; the id names region, kind and first day, so it is the key.
export const reportsPk = (regionCode: string): string => `REPORTS#${regionCode}`;
export const reportKey = (regionCode: string, kind: ReportKind, from: string): ItemKey => ({ pk: reportsPk(regionCode), sk: `${from}#${kind}` });

// Notices: newest first by time; the case and version make each notice's key its own, so a redelivery overwrites it.
export const noticesPk = (unit: string): string => `NOTICES#${unit}`;
export const noticeSk = (notice: { at: string; caseId: string; version: number }): string => `${notice.at}#${notice.caseId}#${String(notice.version).padStart(8, '0')}`;

// Figures: a region's counters, one item a day; a visit's, one item.
export const figuresKey = (region: string, day: string): ItemKey => ({ pk: `FIGURES#${region}`, sk: `DAY#${day}` });
export const visitFiguresKey = (visitId: string): ItemKey => ({ pk: `FIGURES#VISIT#${visitId}`, sk: 'TOTAL' });

// Reference data. The children index takes `TOP` for the top level's parent.
export const TOP_REGIONS = 'TOP';
export const regionKey = (code: string): ItemKey => ({ pk: `REGION#${code}`, sk: 'REGION' });
export const CATEGORIES_PK = 'CATEGORIES';
export const categoryKey = (code: string): ItemKey => ({ pk: CATEGORIES_PK, sk: code });
// The statutory calendar: one item a year, in one partition read by year range.
export const CALENDAR_PK = 'CALENDAR';
export const calendarSk = (year: number): string => `YEAR#${year}`;
export const calendarKey = (year: number): ItemKey => ({ pk: CALENDAR_PK, sk: calendarSk(year) });

// The first answer kept for an Idempotency-Key: hashed, so the key a client chose is not kept.
export const answerKey = (idempotencyKey: string): ItemKey => ({
  pk: `IDEMPOTENCY#${createHash('sha256').update(idempotencyKey).digest('base64url')}`,
  sk: 'IDEMPOTENCY',
});

// Client apps: found by their API key's hash (domain/client-apps.ts); the key itself is never kept.
export const clientAppKey = (keyHash: string): ItemKey => ({ pk: `CLIENT_APP#${keyHash}`, sk: 'CLIENT_APP' });

export const migrationKey = (id: string): ItemKey => ({ pk: `MIGRATION#${id}`, sk: 'MIGRATION' });

// Attachments of a case, in a partition of their own (the case's partition is read whole for its history);
// beside them, the count of those available, which a conditional write holds to the limit.
export const attachmentsPk = (caseId: string): string => `ATTACHMENTS#${caseId}`;
export const ATTACHMENT_PREFIX = 'ATTACHMENT#';
export const attachmentKey = (caseId: string, id: string): ItemKey => ({ pk: attachmentsPk(caseId), sk: `${ATTACHMENT_PREFIX}${id}` });
export const attachmentCountKey = (caseId: string): ItemKey => ({ pk: attachmentsPk(caseId), sk: 'COUNT' });

// Messages to the petitioner: a case's in a partition of their own, by the version of the change that made each;
// a direct message's delivery (a verification code, a recovered access code), marked once.
const MESSAGES_PREFIX = 'MESSAGES#';
const MESSAGE_PREFIX = 'MESSAGE#';
export const messagesPk = (caseId: string): string => `${MESSAGES_PREFIX}${caseId}`;
/** Whether a due index entry is a message waiting to be sent again (not a case's clock). */
export const isMessagesPk = (pk: string): boolean => pk.startsWith(MESSAGES_PREFIX);
/** The case and the version of a message, from its key. */
export const messageOfKey = (pk: string, sk: string): { caseId: string; version: number } => ({
  caseId: pk.slice(MESSAGES_PREFIX.length),
  version: Number(sk.slice(MESSAGE_PREFIX.length)),
});
export const messageKey = (caseId: string, version: number): ItemKey => ({ pk: messagesPk(caseId), sk: `${MESSAGE_PREFIX}${String(version).padStart(8, '0')}` });
export const deliveryKey = (id: string): ItemKey => ({ pk: `DELIVERY#${id}`, sk: 'DELIVERY' });

// Phone verifications, by id; the limits on asking for them, one item per subject (a phone's or a client
// address's keyed hash) and window, kept until shortly after the window ends.
export const verificationKey = (id: string): ItemKey => ({ pk: `VERIFICATION#${id}`, sk: 'VERIFICATION' });
export const rateKey = (limit: string, subject: string, window: string): ItemKey => ({ pk: `RATE#${limit}#${subject}#${window}`, sk: 'RATE' });

// The cases of a phone (its keyed hash, domain/verification.ts), for access recovery: one item per case.
export const phoneCasesPk = (phoneHash: string): string => `PHONECASES#${phoneHash}`;
export const phoneCaseKey = (phoneHash: string, caseId: string): ItemKey => ({ pk: phoneCasesPk(phoneHash), sk: caseId });

// Bookings of a visit (预约接访): in a partition of their own by ticket; beside them, one item per verified
// phone (its keyed hash) holding its ticket, which a conditional write keeps to one booking per phone.
export const bookingsPk = (visitId: string): string => `BOOKINGS#${visitId}`;
export const bookingKey = (visitId: string, ticket: number): ItemKey => ({ pk: bookingsPk(visitId), sk: `TICKET#${String(ticket).padStart(8, '0')}` });
export const bookingPhoneKey = (visitId: string, phoneHash: string): ItemKey => ({ pk: `BOOKINGPHONE#${visitId}#${phoneHash}`, sk: 'BOOKINGPHONE' });
