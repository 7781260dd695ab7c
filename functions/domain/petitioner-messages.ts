/**
 * The messages a petitioner gets at each milestone of their case (事事有回音):
 * short Chinese SMS texts naming the case number and what happened, never
 * the case's text, an identity number or a name. One change of a case makes
 * at most one message, so each is sent once per (case, change).
 */
import { slotOf, type Booking } from './bookings.ts';
import { chinaDay, chinaTime } from './calendar.ts';
import type { Case, HistoryEntry } from './case.ts';
import { REASON_NAMES } from './pauses.ts';
import type { Visit } from './visits.ts';

/** What a message tells of. */
export const MESSAGE_KINDS = [
  'verification',
  'access_code',
  'received',
  'accepted',
  'not_accepted',
  'forwarded',
  'extended',
  'paused',
  'resumed',
  'replied',
  'supervised',
  'escalated',
  'review_requested',
  'review_opinion',
  'final',
  'booking_confirmed',
  'booking_reminder',
  'booking_cancelled',
  'booking_rescheduled',
  'booking_visit_cancelled',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Where a message stands: waiting for the sender, sent, or not sendable (the case has no phone to send to). */
export const MESSAGE_STATUSES = ['pending', 'sent', 'unreachable'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** A message about a case, made by one change of it (its version). */
export interface CaseMessage {
  caseId: string;
  version: number;
  at: string;
  kind: MessageKind;
  text: string;
}

/** The case number, where the case has one (cases numbered for people to read and say); else nothing. */
function numberOf(subject: Case): string {
  const caseNumber = (subject as Case & { caseNumber?: string }).caseNumber;
  return caseNumber ? `（编号${caseNumber}）` : '';
}

const SIGNATURE = '【信访】';
const YOURS = (subject: Case) => `${SIGNATURE}您的信访事项${numberOf(subject)}`;

/** The names of the units a case's messages may name (its lead unit, where it was forwarded), by unit id. */
export type UnitNames = ReadonlyMap<string, string>;

/** A unit by its name, never its id; `otherwise` where the reference data has none. */
const named = (unit: string | null | undefined, names: UnitNames, otherwise: string) => (unit ? names.get(unit) : undefined) ?? otherwise;

/**
 * Each milestone by the history action that records it: its kind and text.
 * Adding a milestone is one line here. Only changes the petitioner sees in
 * their timeline are told (a unit's own receipt window is not).
 */
const MILESTONES: Record<string, (subject: Case, names: UnitNames) => { kind: MessageKind; text: string }> = {
  registered: (s) => ({ kind: 'received', text: `${YOURS(s)}已登记，将在法定期限内告知是否受理。` }),
  accepted: (s, names) => ({ kind: 'accepted', text: `${YOURS(s)}已受理，由${named(s.leadUnit, names, '承办单位')}办理。` }),
  not_accepted: (s) => ({ kind: 'not_accepted', text: `${YOURS(s)}不予受理，理由：${s.acceptance?.reason ?? ''}。` }),
  forwarded: (s, names) => ({ kind: 'forwarded', text: `${YOURS(s)}已转送${named(s.acceptance?.forwardTo, names, '有权处理的机关')}办理。` }),
  extended: (s) => ({ kind: 'extended', text: `${YOURS(s)}办理期限延长${s.extension?.days ?? ''}日，理由：${s.extension?.reason ?? ''}。` }),
  replied: (s) => ({ kind: 'replied', text: `${YOURS(s)}已作出答复，请凭查询码查看。如不服，可自收到答复之日起30日内请求复查。` }),
  paused: (s) => ({ kind: 'paused', text: `${YOURS(s)}因${REASON_NAMES[s.pauses.at(-1)?.reason ?? 'other']}中止计算办理期限，恢复时将告知您。` }),
  pause_ended: (s) => ({ kind: 'resumed', text: `${YOURS(s)}已恢复计算办理期限，期限顺延至${s.handlingDueAt ? chinaDay(s.handlingDueAt) : ''}。` }),
  supervised: (s) => ({ kind: 'supervised', text: `${YOURS(s)}已超过办理期限，信访部门已督办。` }),
  escalated: (s) => ({ kind: 'escalated', text: `${YOURS(s)}已提级督办。` }),
  review_requested: (s) => ({ kind: 'review_requested', text: `${YOURS(s)}的复查申请已收到。` }),
  rereview_requested: (s) => ({ kind: 'review_requested', text: `${YOURS(s)}的复核申请已收到。` }),
  review_opinion: (s) => ({ kind: 'review_opinion', text: `${YOURS(s)}已作出复查意见，请凭查询码查看。如不服，可在30日内请求复核。` }),
  rereview_opinion: (s) => ({ kind: 'final', text: `${YOURS(s)}已作出复核意见，请凭查询码查看。信访程序至此终结。` }),
};

/** Whether a change is a milestone the petitioner is told of. */
export function isMilestone(entry: HistoryEntry): boolean {
  return MILESTONES[entry.action] !== undefined && entry.timeline !== undefined;
}

/** The units a case's messages may name, for their names to be looked up. */
export function unitsNamed(subject: Case): string[] {
  return [subject.leadUnit, subject.acceptance?.forwardTo].filter((unit) => typeof unit === 'string');
}

/**
 * The message one change of a case makes for its petitioner, if it is a
 * milestone they are told of; units named by `names` ({@link unitsNamed}).
 */
export function messageOf(after: Case, entry: HistoryEntry, names: UnitNames): CaseMessage | undefined {
  const milestone = MILESTONES[entry.action];
  if (!milestone || !entry.timeline) return undefined;
  return { caseId: after.id, version: entry.version, at: entry.at, ...milestone(after, names) };
}

/** The phone a case's messages go to: its first petitioner's, if they gave one. */
export function phoneOf(subject: Case): string | undefined {
  return subject.petitioners[0]?.phone;
}

/** The SMS with a verification code. */
export const verificationText = (code: string): string => `${SIGNATURE}您的验证码为${code}，5分钟内有效。请勿告诉他人。`;

/** The SMS with a case's new access code, after recovery. */
export const accessCodeText = (subject: Case, code: string): string => `${YOURS(subject)}的新查询码为${code}，原查询码已失效。请妥善保存。`;

/** What happened to a booking, or to its visit, that its petitioner is told of: each is one message, sent once (a visit's change once per change). */
export const BOOKING_CHANGES = ['confirmed', 'reminder', 'cancelled', 'rescheduled', 'visit_cancelled'] as const;
export type BookingChange = (typeof BOOKING_CHANGES)[number];

function slotText(booking: Booking, visit: Visit): string {
  const slot = slotOf(visit, booking.ticket);
  return `${visit.leader.title}${visit.leader.name}接访（${visit.venue}），${chinaTime(slot.from)}至${chinaTime(slot.to).slice(11)}，${booking.ticket}号`;
}

/**
 * The SMS of a change of a booking; the confirmation carries the code that
 * cancels it. A change of the visit (`visitChange`, its index in the visit's
 * changes) gives its public reason; a reschedule tells the slot as it now is.
 */
export function bookingMessageOf(change: BookingChange, booking: Booking, visit: Visit, code: string, visitChange?: number): { kind: MessageKind; text: string } {
  const reason = visitChange === undefined ? undefined : visit.changes[visitChange]?.reason;
  const because = reason ? `原因：${reason}。` : '';
  switch (change) {
    case 'rescheduled':
      return { kind: 'booking_rescheduled', text: `${SIGNATURE}您预约的接访已调整，现为${slotText(booking, visit)}。${because}` };
    case 'visit_cancelled':
      return { kind: 'booking_visit_cancelled', text: `${SIGNATURE}您预约的${slotText(booking, visit)}因接访取消而取消。${because}如有诉求，可网上提交或来访。` };
    case 'confirmed':
      return { kind: 'booking_confirmed', text: `${SIGNATURE}您已预约${slotText(booking, visit)}。预约码${code}，取消预约时使用。` };
    case 'reminder':
      return { kind: 'booking_reminder', text: `${SIGNATURE}提醒：您预约的${slotText(booking, visit)}，请按时到场。` };
    case 'cancelled':
      return { kind: 'booking_cancelled', text: `${SIGNATURE}您预约的${slotText(booking, visit)}已取消。` };
  }
}
