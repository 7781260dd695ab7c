import { describe, expect, it } from 'vitest';
import { dueOf, sideDues, unitsOf, type Case } from '../../functions/domain/case.ts';
import { askCoHandling, closeCoHandling, coHandlingRequestSchema, giveCoHandlingOpinion, taskDeadline } from '../../functions/domain/co-handling.ts';
import { holidayCalendar, limitEnd } from '../../functions/domain/calendar.ts';
import { contributionOf, figuresOf } from '../../functions/domain/figures.ts';
import { withIdleClock } from '../../functions/domain/idle.ts';
import { applyDueEntry, applyTaskDue, noticeAnswering } from '../../functions/domain/ladder.ts';
import { acceptanceSchema, canSee, decideAcceptance, replyToCase, type Acting } from '../../functions/domain/lifecycle.ts';
import { addMs, clockOf, DEFAULT_POLICY, withCalendar, type Clock } from '../../functions/domain/policy.ts';
import { recountDeadlines } from '../../functions/domain/recount-deadlines.ts';
import { approveReply } from '../../functions/domain/sign-off.ts';
import type { Staff } from '../../functions/domain/staff.ts';
import { progressOf } from '../../functions/domain/views.ts';
import { shippedCalendarYear } from '../../functions/reference/calendar.ts';
import { dayAfterT0 as at, demoChain, refusal, routedDemoCase, staffOf as staff, T0, ONE_STEP } from '../support/domain.ts';

const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP });
const clerk = staff('330726', 'clerk');
const handler = staff('330726:housing', 'handler');
const coUnit = staff('330726:civil_affairs', 'handler');
const acting = (who: Staff, days: number, withClock: Clock = clock): Acting => ({ staff: who, now: at(days), clock: withClock });
const context = (days: number) => ({ now: at(days), clock, chain: demoChain('330726') });

/** Accepted by the county office on day 1: handling due on day 61. */
const accepted = (withClock: Clock = clock): Case =>
  withIdleClock(decideAcceptance(routedDemoCase(T0, withClock), acceptanceSchema.parse({ decision: 'accept' }), acting(clerk, 1, withClock)), acting(clerk, 1, withClock)).case;
const request = coHandlingRequestSchema.parse({ unit: '330726:civil_affairs', request: '请就物业资质提出意见' });
/** Civil affairs asked on day 2: seven (working) days, due on day 9, warned on day 6. */
const asked = (subject: Case = accepted()): Case => askCoHandling(subject, request, acting(handler, 2)).case;

describe('asking a unit to co-handle', () => {
  it('opens a task with its own deadline and clock, puts it in the due index, and tells the petitioner once', () => {
    const change = askCoHandling(accepted(), request, acting(handler, 2));
    expect(change.case.coHandling).toEqual([
      expect.objectContaining({ id: '1', unit: '330726:civil_affairs', days: null, askedAt: at(2), dueAt: at(9), due: { at: at(6), rung: 'warning' }, opinion: null, closure: null }),
    ]);
    expect(change.entry).toMatchObject({ action: 'co_handling_asked', detail: { taskId: '1', unit: '330726:civil_affairs', dueAt: at(9) } });
    expect(progressOf(change.case, [change.entry]).timeline).toEqual([{ at: at(2), event: 'co_handling', note: '已商请相关单位协助办理。' }]);
    expect(sideDues(change.case)).toContainEqual({ stage: 'coHandling', at: at(6), rung: 'warning', ref: '1' });
    expect(dueOf(change.case, 'coHandling', '1')).toEqual({ stage: 'coHandling', at: at(6), rung: 'warning' });
    // The case's own clock does not move.
    expect(change.case.due).toEqual(accepted().due);
    const second = askCoHandling(change.case, { ...request, unit: '330726:land', days: 3 }, acting(handler, 3));
    expect(second.case.coHandling[1]).toMatchObject({ id: '2', days: 3, dueAt: at(6), due: { at: at(6), rung: 'supervision' } });
    expect(second.entry.timeline).toBeUndefined();
  });

  it('counts working days by the calendar where the clock has one', () => {
    const byCalendar = withCalendar(clock, holidayCalendar([shippedCalendarYear(2026)!]));
    const calendar = byCalendar.calendar!;
    expect(taskDeadline(at(2), undefined, byCalendar)).toBe(limitEnd(at(2), { days: 7, working: true }, calendar));
    expect(taskDeadline(at(2), 3, byCalendar)).toBe(limitEnd(at(2), { days: 3, working: true }, calendar));
    // Across the National Day holiday (1 to 7 October), with Saturday 10 October a make-up workday (docs/DOMAIN.md).
    expect(taskDeadline('2026-09-30T02:00:00.000Z', undefined, byCalendar)).toBe('2026-10-15T15:59:59.999Z');
    // Seven working days from a Wednesday span a weekend: more than seven calendar days.
    expect(Date.parse(taskDeadline(at(2), undefined, byCalendar))).toBeGreaterThan(Date.parse(at(9)));
  });

  it('is the signed lead unit’s, to another unit of the office’s area, once per unit at a time', () => {
    expect(refusal(() => askCoHandling(accepted(), request, acting(staff('330726:land', 'handler'), 2)))).toBe('forbidden');
    expect(refusal(() => askCoHandling(accepted(), request, acting(staff('330726:housing', 'clerk'), 2)))).toBe('forbidden');
    expect(refusal(() => askCoHandling(accepted(), { ...request, unit: '330726:housing' }, acting(handler, 2)))).toBe('conflict');
    expect(refusal(() => askCoHandling(accepted(), { ...request, unit: '330782:housing' }, acting(handler, 2)))).toBe('conflict');
    expect(refusal(() => askCoHandling(asked(), request, acting(handler, 3)))).toBe('conflict');
    expect(refusal(() => askCoHandling(routedDemoCase(T0, clock), request, acting(handler, 2)))).toBe('conflict');
    const signing = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, signForReceipt: true });
    expect(refusal(() => askCoHandling(accepted(signing), request, acting(handler, 2, signing)))).toBe('conflict');
    expect(() => coHandlingRequestSchema.parse({ unit: '330726:civil_affairs', request: 'x', days: 0 })).toThrow();
    // Answered, the unit may be asked again.
    const answered = giveCoHandlingOpinion(asked(), { opinion: '同意' }, acting(coUnit, 3), '1').case;
    expect(askCoHandling(answered, request, acting(handler, 4)).case.coHandling).toHaveLength(2);
  });

  it('lets the co-unit see the case', () => {
    expect(canSee(coUnit, accepted())).toBe(false);
    expect(canSee(coUnit, asked())).toBe(true);
    expect(unitsOf(asked())).toContain('330726:civil_affairs');
  });
});

describe('the co-unit’s opinion', () => {
  it('answers the task once, and stops its clock', () => {
    const change = giveCoHandlingOpinion(asked(), { opinion: '资质有效' }, acting(coUnit, 3), '1');
    expect(change.case.coHandling[0]).toMatchObject({ opinion: { opinion: '资质有效', at: at(3), by: coUnit.sub }, due: null });
    expect(change.entry).toMatchObject({ action: 'co_handling_opinion', detail: { taskId: '1', late: false } });
    expect(change.entry.timeline).toBeUndefined();
    expect(sideDues(change.case).filter((due) => due.stage === 'coHandling')).toEqual([]);
    expect(refusal(() => giveCoHandlingOpinion(change.case, { opinion: '再议' }, acting(coUnit, 4), '1'))).toBe('conflict');
  });

  it('is the asked unit’s only, on a task that exists and is open', () => {
    expect(refusal(() => giveCoHandlingOpinion(asked(), { opinion: 'x' }, acting(handler, 3), '1'))).toBe('forbidden');
    expect(refusal(() => giveCoHandlingOpinion(asked(), { opinion: 'x' }, acting(staff('330726:civil_affairs', 'clerk'), 3), '1'))).toBe('forbidden');
    expect(refusal(() => giveCoHandlingOpinion(asked(), { opinion: 'x' }, acting(coUnit, 3), '2'))).toBe('not_found');
    const closed = closeCoHandling(asked(), { reason: '已当面听取意见' }, acting(handler, 3), '1').case;
    expect(refusal(() => giveCoHandlingOpinion(closed, { opinion: 'x' }, acting(coUnit, 4), '1'))).toBe('conflict');
  });
});

describe('closing a task', () => {
  it('is the lead unit’s, with a reason, on an open task', () => {
    const change = closeCoHandling(asked(), { reason: '已当面听取意见' }, acting(handler, 3), '1');
    expect(change.case.coHandling[0]).toMatchObject({ closure: { reason: '已当面听取意见', at: at(3), by: handler.sub }, due: null });
    expect(change.entry).toMatchObject({ action: 'co_handling_closed', detail: { taskId: '1', reason: '已当面听取意见' } });
    expect(refusal(() => closeCoHandling(change.case, { reason: 'x' }, acting(handler, 4), '1'))).toBe('conflict');
    const answered = giveCoHandlingOpinion(asked(), { opinion: '同意' }, acting(coUnit, 3), '1').case;
    expect(refusal(() => closeCoHandling(answered, { reason: 'x' }, acting(handler, 4), '1'))).toBe('conflict');
    expect(refusal(() => closeCoHandling(asked(), { reason: 'x' }, acting(coUnit, 3), '1'))).toBe('forbidden');
  });
});

describe('the reply', () => {
  it('is not released while a task is open; an opinion or a closure lets it go', () => {
    expect(refusal(() => replyToCase(asked(), { opinion: '已处理' }, acting(handler, 4)))).toBe('conflict');
    const answered = giveCoHandlingOpinion(asked(), { opinion: '同意' }, acting(coUnit, 3), '1').case;
    expect(replyToCase(answered, { opinion: '已处理' }, acting(handler, 4)).case.status).toBe('replied');
    const closed = closeCoHandling(asked(), { reason: '无需书面意见' }, acting(handler, 3), '1').case;
    expect(replyToCase(closed, { opinion: '已处理' }, acting(handler, 4)).case.status).toBe('replied');
  });

  it('may be drafted while a task is open, but the leader cannot release it until the task is settled', () => {
    const signOff = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, replySignOff: true });
    const drafted = replyToCase(askCoHandling(accepted(signOff), request, acting(handler, 2, signOff)).case, { opinion: '已处理' }, acting(handler, 3, signOff)).case;
    expect(drafted.replyDraft).not.toBeNull();
    const leader = staff('330726:housing', 'leader');
    expect(refusal(() => approveReply(drafted, { approve: true }, acting(leader, 4, signOff)))).toBe('conflict');
  });
});

describe('a task’s clock', () => {
  it('warns the co-unit before its deadline, then supervises it, once each, and counts it overdue', () => {
    const subject = asked();
    expect(applyTaskDue(subject, '1', context(5))).toBeUndefined();
    const warned = applyDueEntry(subject, { stage: 'coHandling', ref: '1' }, context(6))!;
    expect(warned.notice).toMatchObject({ kind: 'warning', stage: 'coHandling', deadline: at(9), to: [{ unit: '330726:civil_affairs', role: 'handler' }] });
    expect(warned.change.entry).toMatchObject({ action: 'co_handling_warning', detail: { stage: 'coHandling', dueAt: at(6), ref: '1' } });
    expect(warned.change.case.coHandling[0]?.due).toEqual({ at: at(9), rung: 'supervision' });
    // The case's own clock is untouched.
    expect(warned.change.case.due).toEqual(subject.due);
    expect(applyTaskDue(warned.change.case, '1', context(8))).toBeUndefined();
    const supervised = applyTaskDue(warned.change.case, '1', context(9))!;
    expect(supervised.notice).toMatchObject({ kind: 'supervision', stage: 'coHandling', deadline: at(9) });
    expect(supervised.notice?.to).toEqual([
      { unit: '330726:civil_affairs', role: 'handler' },
      { unit: '330726:housing', role: 'handler' },
      { unit: '330726', role: 'supervisor' },
    ]);
    expect(supervised.change.entry.timeline).toBeUndefined();
    expect(supervised.change.case.coHandling[0]).toMatchObject({ due: null, supervisedAt: at(9) });
    expect(applyTaskDue(supervised.change.case, '1', context(20))).toBeUndefined();
    expect(figuresOf(contributionOf(supervised.change.case), []).coHandlingOverdue).toBe(1);
    expect(figuresOf(contributionOf(subject), []).coHandlingOverdue).toBe(0);
    // A redelivered check finds the rung it applied, by the task.
    const history = [warned.change.entry, supervised.change.entry];
    expect(noticeAnswering(history, 'coHandling', at(9), '1')).toEqual(supervised.notice);
    expect(noticeAnswering(history, 'coHandling', at(9), '2')).toBeUndefined();
    // A late opinion still answers it.
    const late = giveCoHandlingOpinion(supervised.change.case, { opinion: '迟复' }, acting(coUnit, 10), '1');
    expect(late.entry.detail).toMatchObject({ late: true });
  });

  it('brings nothing once the task is answered or closed, or for a task that does not exist', () => {
    const answered = giveCoHandlingOpinion(asked(), { opinion: '同意' }, acting(coUnit, 3), '1').case;
    expect(applyTaskDue(answered, '1', context(20))).toBeUndefined();
    expect(applyDueEntry(asked(), { stage: 'coHandling', ref: '7' }, context(20))).toBeUndefined();
    expect(applyDueEntry(asked(), { stage: 'coHandling', ref: null }, context(20))).toBeUndefined();
  });

  it('is counted afresh when the calendar changes, unless it was supervised already', () => {
    const byCalendar = withCalendar(clock, holidayCalendar([shippedCalendarYear(2026)!]));
    const subject = asked();
    const recounted = recountDeadlines(subject, { now: at(3), clock: byCalendar, year: 2026 })!;
    const dueAt = taskDeadline(at(2), undefined, byCalendar);
    expect(recounted.case.coHandling[0]).toMatchObject({ dueAt, due: { at: addMs(dueAt, -clock.warningBefore), rung: 'warning' } });
    expect(recountDeadlines(recounted.case, { now: at(3), clock: byCalendar, year: 2026 })).toBeUndefined();
    const supervised = applyTaskDue(applyTaskDue(subject, '1', context(6))!.change.case, '1', context(9))!.change.case;
    expect(recountDeadlines(supervised, { now: at(10), clock: byCalendar, year: 2026 })?.case.coHandling[0]).toMatchObject({ dueAt: at(9), due: null });
  });
});
