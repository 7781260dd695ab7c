import { describe, expect, it } from 'vitest';
import { dueOf, type Case } from '../../functions/domain/case.ts';
import { contributionOf, figuresOf } from '../../functions/domain/figures.ts';
import { idleAfter, withIdleClock } from '../../functions/domain/idle.ts';
import { applyDue, applyIdle } from '../../functions/domain/ladder.ts';
import { acceptanceSchema, decideAcceptance, extendHandling, replyToCase, type Acting } from '../../functions/domain/lifecycle.ts';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { messageOf } from '../../functions/domain/petitioner-messages.ts';
import { decidePause, endPause, pausedMsOf, pauseRequestSchema, requestPause } from '../../functions/domain/pauses.ts';
import { holidayCalendar } from '../../functions/domain/calendar.ts';
import { addMs, clockOf, DEFAULT_POLICY, withCalendar, type Clock } from '../../functions/domain/policy.ts';
import { shippedCalendarYear } from '../../functions/reference/calendar.ts';
import { addProgressNote, progressNoteSchema } from '../../functions/domain/progress-notes.ts';
import { decideReceipt } from '../../functions/domain/receipt.ts';
import { recountDeadlines } from '../../functions/domain/recount-deadlines.ts';
import type { Staff } from '../../functions/domain/staff.ts';
import { progressOf } from '../../functions/domain/views.ts';
import { dayAfterT0 as at, demoChain, refusal, routedDemoCase, staffOf as staff, T0, ONE_STEP } from '../support/domain.ts';

const DAY = 86_400_000;
const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP });

const clerk = staff('330726', 'clerk');
const supervisor = staff('330726', 'supervisor');
const handler = staff('330726:housing', 'handler');
const acting = (who: Staff, days: number, withClock: Clock = clock): Acting => ({ staff: who, now: at(days), clock: withClock });
/** A staff action as the API applies it: the step, then the idle clock restarted. */
const act = (step: (acting: Acting) => { case: Case }, who: Staff, days: number, withClock: Clock = clock): Case => {
  const acted = acting(who, days, withClock);
  return withIdleClock(step(acted) as never, acted).case;
};

/** Accepted on day 1: handling due on day 61, the idle warning on day 31. */
const accepted = (withClock: Clock = clock): Case => act((a) => decideAcceptance(routedDemoCase(T0, withClock), acceptanceSchema.parse({ decision: 'accept' }), a), clerk, 1, withClock);
const hearing = pauseRequestSchema.parse({ reason: 'hearing', note: '定于下月组织听证' });
const requested = (days = 2): Case => act((a) => requestPause(accepted(), hearing, a), handler, days);
const running = (): Case => act((a) => decidePause(requested(), { approve: true }, a, '1'), supervisor, 3);

describe('the petitioner told of a pause and its end', () => {
  it('by an SMS at each end, naming the reason and then the new deadline, with nothing of the case', () => {
    const approved = decidePause(requested(), { approve: true }, acting(supervisor, 3), '1');
    expect(messageOf(approved.case, approved.entry, new Map())).toMatchObject({ kind: 'paused', text: expect.stringContaining('因需要举行听证中止计算办理期限') });
    const ended = endPause(approved.case, {}, acting(handler, 10), '1');
    const told = messageOf(ended.case, ended.entry, new Map());
    expect(told).toMatchObject({ kind: 'resumed', text: expect.stringContaining(`期限顺延至${chinaDay(ended.case.handlingDueAt as string)}`) });
    for (const personal of ['张三', '13800138000', '楼顶漏水', '定于下月组织听证']) expect(told?.text).not.toContain(personal);
  });
});

describe('progress notes', () => {
  it('are recorded in the history, and shown to the petitioner only when visible', () => {
    const hidden = addProgressNote(accepted(), progressNoteSchema.parse({ note: '内部研判', visibleToPetitioner: false }), acting(handler, 2));
    expect(hidden.entry).toMatchObject({ action: 'progress_noted', detail: { note: '内部研判', visibleToPetitioner: false } });
    expect(hidden.entry.timeline).toBeUndefined();
    const shown = addProgressNote(accepted(), progressNoteSchema.parse({ note: '已约物业现场查看', visibleToPetitioner: true }), acting(handler, 2));
    expect(progressOf(shown.case, [shown.entry]).timeline).toEqual([{ at: at(2), event: 'progress', note: '办理进展：已约物业现场查看' }]);
  });

  it('are the lead unit’s, after it signed, while the case is handled', () => {
    const note = progressNoteSchema.parse({ note: '进展', visibleToPetitioner: false });
    expect(refusal(() => addProgressNote(accepted(), note, acting(staff('330726:land', 'handler'), 2)))).toBe('forbidden');
    expect(refusal(() => addProgressNote(accepted(), note, acting(supervisor, 2)))).toBe('forbidden');
    expect(refusal(() => addProgressNote(routedDemoCase(T0, clock), note, acting(handler, 2)))).toBe('conflict');
    const signing = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, signForReceipt: true });
    expect(refusal(() => addProgressNote(accepted(signing), note, acting(handler, 2, signing)))).toBe('conflict');
    expect(() => progressNoteSchema.parse({ note: '进展' })).toThrow();
  });
});

describe('the idle clock', () => {
  it('starts with the handling clock and falls due after half its limit', () => {
    expect(accepted().idleAt).toBe(at(31));
    expect(dueOf(accepted(), 'idle')).toEqual({ stage: 'idle', at: at(31) });
  });

  it('waits for the signature when a receipt is asked, and restarts at every action', () => {
    const signing = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, signForReceipt: true });
    const unsigned = accepted(signing);
    expect(unsigned.idleAt).toBeNull();
    const signed = act((a) => decideReceipt(unsigned, { decision: 'sign' }, a), handler, 2, signing);
    expect(signed.idleAt).toBe(at(32));
    const noted = act((a) => addProgressNote(signed, { note: '进展', visibleToPetitioner: false }, a), handler, 10, signing);
    expect(noted.idleAt).toBe(at(40));
  });

  it('is not set when the deadline comes first, and stops with the reply', () => {
    expect(idleAfter(accepted(), at(40), clock)).toBeNull();
    const replied = act((a) => replyToCase(accepted(), { opinion: '已处理' }, a), handler, 5);
    expect(replied.idleAt).toBeNull();
  });

  it('warns the lead unit once when its time comes, and counts it', () => {
    const subject = accepted();
    const context = { now: at(31), clock, chain: demoChain('330726') };
    expect(applyIdle(subject, { ...context, now: at(30) })).toBeUndefined();
    const warned = applyIdle(subject, context)!;
    expect(warned.notice).toMatchObject({ kind: 'idle', stage: 'idle', to: [{ unit: '330726:housing', role: 'handler' }], deadline: at(61) });
    expect(warned.change.entry).toMatchObject({ action: 'idle_warning', detail: { stage: 'idle', dueAt: at(31) } });
    expect(warned.change.entry.timeline).toBeUndefined();
    expect(warned.change.case).toMatchObject({ idleAt: null, idleWarnings: 1, due: subject.due });
    expect(applyIdle(warned.change.case, context)).toBeUndefined();
    expect(figuresOf(contributionOf(warned.change.case), []).idle).toBe(1);
  });
});

describe('pauses', () => {
  it('are asked for by the lead unit and wait for the office', () => {
    const subject = requested();
    expect(subject.pauses).toEqual([expect.objectContaining({ id: '1', reason: 'hearing', status: 'pending', requestedBy: handler.sub })]);
    // A pending pause stops nothing.
    expect(subject.due).toEqual(accepted().due);
    expect(subject.idleAt).toBe(at(32));
  });

  it('are refused out of turn, to the wrong unit or role, and with a bad reason', () => {
    expect(refusal(() => requestPause(accepted(), hearing, acting(staff('330726:land', 'handler'), 2)))).toBe('forbidden');
    expect(refusal(() => requestPause(accepted(), hearing, acting(staff('330726:housing', 'clerk'), 2)))).toBe('forbidden');
    expect(refusal(() => requestPause(requested(), hearing, acting(handler, 2)))).toBe('conflict');
    expect(refusal(() => requestPause(running(), hearing, acting(handler, 4)))).toBe('conflict');
    expect(refusal(() => requestPause(accepted(), hearing, acting(handler, 62)))).toBe('conflict');
    expect(refusal(() => requestPause(routedDemoCase(T0, clock), hearing, acting(handler, 2)))).toBe('conflict');
    const replied = replyToCase(accepted(), { opinion: '已处理' }, acting(handler, 5)).case;
    expect(refusal(() => requestPause(replied, hearing, acting(handler, 6)))).toBe('conflict');
    const signing = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, signForReceipt: true });
    expect(refusal(() => requestPause(accepted(signing), hearing, acting(handler, 2, signing)))).toBe('conflict');
    expect(() => pauseRequestSchema.parse({ reason: 'holiday', note: 'x' })).toThrow();
  });

  it('start when a supervisor or leader of the office approves: the clock and the ladder stand still, the petitioner is told', () => {
    const approved = decidePause(requested(), { approve: true }, acting(supervisor, 3), '1');
    expect(approved.case.pauses[0]).toMatchObject({ status: 'running', heldRung: 'warning', decision: { approve: true, at: at(3), by: supervisor.sub } });
    // Its bound (maxPaused, 60 days) stands in for the ladder's next rung.
    expect(approved.case.due).toEqual({ stage: 'pause', at: at(63) });
    expect(approved.case.idleAt).toBeNull();
    expect(approved.entry.timeline).toMatchObject({ event: 'paused', note: expect.stringContaining('听证') });
    expect(figuresOf(contributionOf(approved.case), []).paused).toBe(1);
    // No rung fires while it runs, long after the deadline it had.
    const context = { now: at(62), clock, chain: demoChain('330726') };
    expect(applyDue(approved.case, context)).toBeUndefined();
    expect(applyIdle(approved.case, context)).toBeUndefined();
  });

  it('are approved by the office only, once', () => {
    expect(refusal(() => decidePause(requested(), { approve: true }, acting(staff('330726:housing', 'leader'), 3), '1'))).toBe('forbidden');
    expect(refusal(() => decidePause(requested(), { approve: true }, acting(clerk, 3), '1'))).toBe('forbidden');
    expect(refusal(() => decidePause(requested(), { approve: true }, acting(staff('330782', 'supervisor'), 3), '1'))).toBe('forbidden');
    expect(refusal(() => decidePause(requested(), { approve: true }, acting(supervisor, 3), '2'))).toBe('not_found');
    expect(refusal(() => decidePause(running(), { approve: true }, acting(supervisor, 4), '1'))).toBe('conflict');
    // A city leader above the office may approve.
    expect(decidePause(requested(), { approve: true }, acting(staff('330700', 'leader'), 3), '1').case.pauses[0]?.status).toBe('running');
  });

  it('refused, change no clock and let the unit ask again', () => {
    const refused = act((a) => decidePause(requested(), { approve: false, reason: '无需听证' }, a, '1'), supervisor, 3);
    expect(refused.pauses[0]).toMatchObject({ status: 'refused', decision: { approve: false, reason: '无需听证' } });
    expect(refused.due).toEqual(accepted().due);
    expect(refused.handlingDueAt).toBe(at(61));
    expect(figuresOf(contributionOf(refused), []).paused).toBe(0);
    expect(requestPause(refused, hearing, acting(handler, 4)).case.pauses.map((pause) => pause.id)).toEqual(['1', '2']);
  });

  it('end by the lead unit or the office: the deadline and the ladder move by the paused time, the petitioner is told', () => {
    const ended = endPause(running(), {}, acting(handler, 13), '1');
    expect(ended.case.handlingDueAt).toBe(at(71));
    expect(ended.case.due).toEqual({ stage: 'handling', at: at(68), rung: 'warning' });
    expect(ended.case.idleAt).toBe(at(43));
    expect(ended.case.pauses[0]).toMatchObject({ status: 'ended', endedAt: at(13), endedBy: handler.sub, pausedMs: 10 * DAY });
    expect(ended.entry.timeline).toMatchObject({ event: 'resumed', note: expect.stringContaining('恢复计算') });
    expect(endPause(running(), {}, acting(supervisor, 13), '1').case.handlingDueAt).toBe(at(71));
    expect(endPause(running(), {}, acting(staff('330726', 'clerk'), 13), '1').case.pauses[0]?.status).toBe('ended');
  });

  it('hold the clock still: no extension is granted and no reply released while one runs', () => {
    expect(refusal(() => extendHandling(running(), { days: 10, reason: '需鉴定' }, acting(staff('330726:housing', 'leader'), 4)))).toBe('conflict');
    expect(refusal(() => replyToCase(running(), { opinion: '已处理' }, acting(handler, 4)))).toBe('conflict');
    // A handler's request waits for approval, and a draft for sign-off: neither moves the clock.
    const withSteps = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, approveExtensions: true, replySignOff: true });
    expect(extendHandling(running(), { days: 10, reason: '需鉴定' }, acting(handler, 4, withSteps)).case.extension?.status).toBe('pending');
    expect(replyToCase(running(), { opinion: '已处理' }, acting(handler, 4, withSteps)).case.replyDraft).not.toBeNull();
    const resumed = endPause(running(), {}, acting(handler, 13), '1').case;
    expect(replyToCase(resumed, { opinion: '已处理' }, acting(handler, 14)).case.status).toBe('replied');
  });

  it('end only when running, and only by the lead unit or the office', () => {
    expect(refusal(() => endPause(requested(), {}, acting(handler, 3), '1'))).toBe('conflict');
    const ended = endPause(running(), {}, acting(handler, 13), '1').case;
    expect(refusal(() => endPause(ended, {}, acting(handler, 14), '1'))).toBe('conflict');
    expect(refusal(() => endPause(running(), {}, acting(staff('330726:land', 'handler'), 13), '1'))).toBe('forbidden');
    expect(refusal(() => endPause(running(), {}, acting(staff('330726:housing', 'clerk'), 13), '1'))).toBe('forbidden');
    expect(refusal(() => endPause(running(), {}, acting(staff('330726', 'handler'), 13), '1'))).toBe('forbidden');
  });

  it('end at the bound of the paused time, and a case paused to its bound is not paused again', () => {
    const context = { now: at(63), clock, chain: demoChain('330726') };
    const bounded = applyDue(running(), context)!;
    expect(bounded.notice).toBeUndefined();
    expect(bounded.change.entry).toMatchObject({ actor: 'system:deadlines', action: 'pause_ended', detail: { pausedMs: 60 * DAY } });
    expect(bounded.change.case.handlingDueAt).toBe(at(121));
    // A late sweep, or a late end, counts no more than the bound.
    expect(endPause(running(), {}, acting(handler, 70), '1').case.pauses[0]?.pausedMs).toBe(60 * DAY);
    expect(pausedMsOf(bounded.change.case)).toBe(60 * DAY);
    expect(refusal(() => requestPause(bounded.change.case, hearing, acting(handler, 64)))).toBe('conflict');
  });

  it('share one bound: a second pause may run only for what is left', () => {
    const first = endPause(running(), {}, acting(handler, 43), '1').case; // 40 days paused
    const again = decidePause(requestPause(first, hearing, acting(handler, 44)).case, { approve: true }, acting(supervisor, 45), '2').case;
    expect(again.due).toEqual({ stage: 'pause', at: at(65) });
  });

  it('scale with TIME_SCALE like every limit', () => {
    expect(clockOf({ ...DEFAULT_POLICY, ...ONE_STEP }, 86_400).maxPaused).toBe(60_000);
    expect(clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, maxPaused: 'P10D' }).maxPaused).toBe(10 * DAY);
  });

  it('are respected when a calendar change counts the deadline again', () => {
    const ended = endPause(running(), {}, acting(handler, 13), '1').case;
    // The same calendar (none): the deadline counted afresh is the one the pause moved; nothing moves.
    expect(recountDeadlines(ended, { now: at(14), clock, year: 2026 })).toBeUndefined();
    expect(recountDeadlines(running(), { now: at(4), clock, year: 2026 })).toBeUndefined();
    // With the statutory calendar: 60 days from 2 March end on 6 May (after the May Day holiday), then the ten paused days.
    const byCalendar = withCalendar(clock, holidayCalendar([shippedCalendarYear(2026)!]));
    const recounted = recountDeadlines(ended, { now: at(14), clock: byCalendar, year: 2026 })!;
    expect(recounted.case.handlingDueAt).toBe(addMs('2026-05-06T15:59:59.999Z', 10 * DAY));
    expect(recounted.case.due).toEqual({ stage: 'handling', at: addMs(recounted.case.handlingDueAt!, -clock.warningBefore), rung: 'warning' });
    // While a pause runs, the deadline is counted afresh but the ladder stays still until the end moves it.
    const whilePaused = recountDeadlines(running(), { now: at(4), clock: byCalendar, year: 2026 })!;
    expect(whilePaused.case).toMatchObject({ handlingDueAt: '2026-05-06T15:59:59.999Z', due: running().due });
    expect(endPause(whilePaused.case, {}, acting(handler, 13), '1').case.handlingDueAt).toBe(recounted.case.handlingDueAt);
  });
});
