/**
 * Co-handling (协办): the lead unit asks another unit of the office's area
 * for its opinion, each task with a deadline of its own (a week of working
 * days by default, the policy's `coHandling`). A task's clock is warned
 * before its deadline and supervised when it passes, addressed to the
 * co-unit. The reply is not released while a task is open: the co-unit
 * gives its opinion, or the lead unit closes the task with its reason.
 */
import { clockDue, isTaskOpen, next, type Case, type Change, type CoHandlingTask } from './case.ts';
import { longText, unitId } from './fields.ts';
import { requireHandling, requireLeadUnit, requireStatus, type Acting } from './lifecycle.ts';
import { daysAfter, deadlineAfter, type Clock } from './policy.ts';
import { conflict, notFound, Problem } from './problem.ts';
import { requireRole } from './staff.ts';
import { isUnitWithin } from './units.ts';
import * as z from './zod.ts';

export const coHandlingRequestSchema = z.strictObject({
  unit: unitId,
  request: longText(2000),
  /** Days for the opinion, counted as the policy's `coHandling` counts them (working days by default). */
  days: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(60))),
});
export const coHandlingOpinionSchema = z.strictObject({ opinion: longText(4000) });
export const coHandlingClosureSchema = z.strictObject({ reason: longText(2000) });

/** Tasks open at once on one case, at most: each is an entry of the due index written with the case. */
export const MAX_OPEN_TASKS = 10;

/** The deadline of a task asked at `askedAt`: `days` if the request names them, else the policy's `coHandling`. */
export function taskDeadline(askedAt: string, days: number | undefined, clock: Clock): string {
  return days === undefined ? deadlineAfter(askedAt, 'coHandling', clock) : daysAfter(askedAt, days, 'coHandling', clock);
}

/** The first rung of a task's clock running to `deadline`. */
function taskDue(deadline: string, now: string, clock: Clock): CoHandlingTask['due'] {
  const { at, rung } = clockDue('coHandling', deadline, now, clock);
  return { at, rung: rung === 'warning' ? 'warning' : 'supervision' };
}

function taskOf(subject: Case, taskId: string): CoHandlingTask {
  const task = subject.coHandling.find((candidate) => candidate.id === taskId);
  if (!task) throw notFound(`The case has no co-handling task ${taskId}.`);
  return task;
}

/** The case's tasks with `task` in place of the one of its id. */
export const withTask = (subject: Case, task: CoHandlingTask): CoHandlingTask[] =>
  subject.coHandling.map((candidate) => (candidate.id === task.id ? task : candidate));

const stateOf = (task: CoHandlingTask): string => (task.opinion ? 'answered' : task.closure ? 'closed' : 'open');

/**
 * The lead unit asks `unit` (of the office's area, not itself) for its
 * opinion: the task's clock starts. The petitioner hears that other units
 * were asked to help (once), not which or what.
 */
export function askCoHandling(subject: Case, input: z.infer<typeof coHandlingRequestSchema>, { staff, now, clock }: Acting): Change {
  requireHandling(subject, staff, 'ask for co-handling', 'be co-handled');
  if (input.unit === subject.leadUnit) throw conflict(`${input.unit} is the lead unit itself: co-handling asks another unit.`);
  if (subject.office === null || !isUnitWithin(input.unit, subject.office)) {
    throw conflict(`${input.unit} is outside the petition office ${subject.office}'s area: only its units can be asked to co-handle.`);
  }
  const open = subject.coHandling.filter(isTaskOpen);
  const same = open.find((task) => task.unit === input.unit);
  if (same) throw conflict(`${input.unit} has an open co-handling task already (task ${same.id}): wait for its opinion or close it.`);
  if (open.length >= MAX_OPEN_TASKS) throw conflict(`The case has ${open.length} open co-handling tasks, the most at once: close one or wait for an opinion.`);
  const dueAt = taskDeadline(now, input.days, clock);
  const task: CoHandlingTask = {
    id: String(subject.coHandling.length + 1),
    unit: input.unit,
    request: input.request,
    days: input.days ?? null,
    askedAt: now,
    askedBy: staff.sub,
    dueAt,
    due: taskDue(dueAt, now, clock),
    supervisedAt: null,
    opinion: null,
    closure: null,
  };
  return next(subject, { coHandling: [...subject.coHandling, task] }, {
    at: now,
    actor: staff.sub,
    action: 'co_handling_asked',
    detail: { taskId: task.id, unit: task.unit, request: task.request, dueAt },
    ...(subject.coHandling.length === 0 && { timeline: { event: 'co_handling', note: '已商请相关单位协助办理。' } }),
  });
}

/** The co-unit (handler or leader; an admin for it) gives its opinion on its open task: the task's clock stops. */
export function giveCoHandlingOpinion(subject: Case, input: z.infer<typeof coHandlingOpinionSchema>, { staff, now }: Acting, taskId: string): Change {
  requireRole(staff, 'give a co-handling opinion', 'handler', 'leader');
  const task = taskOf(subject, taskId);
  if (staff.unit !== task.unit && !staff.roles.includes('admin')) {
    throw new Problem('forbidden', 'Not allowed', `Only ${task.unit}, the unit asked, may give the opinion of co-handling task ${task.id}.`);
  }
  requireStatus(subject, ['accepted'], 'take a co-handling opinion');
  if (!isTaskOpen(task)) throw conflict(`Co-handling task ${task.id} is ${stateOf(task)} already: it takes one opinion.`);
  return next(subject, { coHandling: withTask(subject, { ...task, opinion: { opinion: input.opinion, at: now, by: staff.sub }, due: null }) }, {
    at: now,
    actor: staff.sub,
    action: 'co_handling_opinion',
    detail: { taskId: task.id, unit: task.unit, opinion: input.opinion, late: now > task.dueAt },
  });
}

/** The lead unit closes an open task without its opinion, with the reason: it no longer holds the reply back. */
export function closeCoHandling(subject: Case, input: z.infer<typeof coHandlingClosureSchema>, { staff, now }: Acting, taskId: string): Change {
  requireRole(staff, 'close a co-handling task', 'handler', 'leader');
  requireLeadUnit(staff, subject, 'close a co-handling task');
  const task = taskOf(subject, taskId);
  requireStatus(subject, ['accepted'], 'have a co-handling task closed');
  if (!isTaskOpen(task)) throw conflict(`Co-handling task ${task.id} is ${stateOf(task)} already: only an open task can be closed.`);
  return next(subject, { coHandling: withTask(subject, { ...task, closure: { reason: input.reason, at: now, by: staff.sub }, due: null }) }, {
    at: now,
    actor: staff.sub,
    action: 'co_handling_closed',
    detail: { taskId: task.id, unit: task.unit, reason: input.reason },
  });
}

/** The tasks' deadlines counted afresh (the calendar changed), each task's next rung following its deadline unless it was supervised already. */
export function recountTasks(subject: Case, now: string, clock: Clock): CoHandlingTask[] {
  return subject.coHandling.map((task) => {
    if (!isTaskOpen(task) || task.due === null) return task;
    const dueAt = taskDeadline(task.askedAt, task.days ?? undefined, clock);
    return { ...task, dueAt, due: taskDue(dueAt, now, clock) };
  });
}
