/**
 * The escalation ladder (docs/DOMAIN.md): when a legal clock runs out and nobody
 * acts, the case is warned about before its deadline (预警), supervised by
 * the same level's petition office when it passes (督办), then, after a grace
 * period, escalated one level up (提级督办), again and again up to the top,
 * where it raises one critical alert and climbs no further. Every rung is
 * recorded once, with a notice of who is told; the petitioner sees the
 * supervision and the escalations in their timeline.
 */
import { clockDeadline, dueOf, idleDue, isOpen, next, type Case, type Change, type Due, type DueStage } from './case.ts';
import { withTask } from './co-handling.ts';
import { endPauseAtBound } from './pauses.ts';
import { addMs, type Clock } from './policy.ts';
import type { Region, RegionLevel } from './regions.ts';
import type { Role } from './staff.ts';

/** The notices the deadline worker sends, one a rung (or idle warning) it applies. */
export const RUNG_NOTICE_KINDS = ['warning', 'supervision', 'escalation', 'critical', 'closed', 'idle'] as const;
/** Every notice: the deadline worker's, the petitioner's urging (催办) of the unit whose clock runs, and a repeat on an owned matter. */
export const NOTICE_KINDS = [...RUNG_NOTICE_KINDS, 'urge', 'repeat'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A notice of one rung: what happened to which case, and who is told. No personal data. */
export interface Notice {
  kind: NoticeKind;
  caseId: string;
  /** The case version the rung produced: with the case id, it names the notice once. */
  version: number;
  /** The clock it concerns; `null` for a notice of no clock (a repeat on an owned matter). */
  stage: DueStage | null;
  level: RegionLevel | null;
  /** The legal deadline that ran out (or is about to). */
  deadline: string | null;
  to: Array<{ unit: string; role: Role }>;
  at: string;
  /** The owning leader (包案) a repeat on an owned matter is told to. */
  owner?: { name: string; title: string };
}

export interface DueContext {
  now: string;
  clock: Clock;
  /** The case's office and the regions above it, the office first. */
  chain: Region[];
}

/** What a due time brought: the change to save and, usually, a notice to send. */
export interface DueOutcome {
  change: Change;
  notice?: Notice;
}

/** Each recipient once. */
function unique(recipients: Notice['to']): Notice['to'] {
  return recipients.filter((r, i) => recipients.findIndex((other) => other.unit === r.unit && other.role === r.role) === i);
}

/** Who must act on the clock that is running: the office (acceptance), the lead unit (handling), the reviewing office. */
export function actingUnit(subject: Case, stage: DueStage | undefined = subject.due?.stage): { unit: string; role: Role } {
  switch (stage) {
    case 'handling':
    case 'pause':
      return { unit: subject.leadUnit ?? (subject.office as string), role: 'handler' };
    case 'receipt':
      return { unit: subject.receipt?.unit ?? (subject.office as string), role: 'clerk' };
    case 'review':
      return { unit: subject.reviews.at(-1)?.office ?? (subject.office as string), role: 'supervisor' };
    default:
      return { unit: subject.office ?? subject.regionCode, role: 'clerk' };
  }
}

/** The petition office now supervising the case: the one at its level in the chain. */
function supervisingOffice(subject: Case, chain: Region[]): Region {
  return chain.find((region) => region.level === subject.level) ?? (chain[0] as Region);
}

/** One rung as applied: the notice kind, the case patch, the history action and detail, who is told, what the petitioner sees. */
interface RungSpec {
  kind: NoticeKind;
  patch: Partial<Case>;
  action: string;
  detail?: Record<string, unknown>;
  to: Notice['to'];
  timelineNote?: string;
  /** The deadline the rung answers, when it is not the case's clock's (a co-handling task's). */
  deadline?: string;
}

function rung(subject: Case, due: Due, context: DueContext, spec: RungSpec): DueOutcome {
  const change = next(subject, spec.patch, {
    at: context.now,
    actor: 'system:deadlines',
    action: spec.action,
    // The due it answers: a redelivered message finds the rung it already applied by it.
    detail: { stage: due.stage, dueAt: due.at, ...spec.detail },
    ...(spec.timelineNote !== undefined && { timeline: { event: spec.action, note: spec.timelineNote } }),
  });
  const notice: Notice = {
    kind: spec.kind,
    caseId: subject.id,
    version: change.case.version,
    stage: due.stage,
    level: change.case.level,
    deadline: spec.deadline ?? clockDeadline(subject),
    to: spec.to,
    at: context.now,
  };
  change.entry.detail.notice = notice;
  return { change, notice };
}

/**
 * Applies what the case's due time brings, if it has come: the next rung of
 * its clock, the end of the review window (the case closes), or the bound of
 * a running pause (it ends). `undefined` when nothing is due: not yet, a
 * finished case, or routing (sent again, not laddered).
 */
export function applyDue(subject: Case, context: DueContext): DueOutcome | undefined {
  const due = subject.due;
  if (!due || !isOpen(subject.status) || due.at > context.now) return undefined;
  if (due.stage === 'pause') {
    const ended = endPauseAtBound(subject, context);
    return ended && { change: ended };
  }
  if (due.stage === 'reviewWindow') {
    return rung(subject, due, context, {
      kind: 'closed',
      patch: { status: 'closed', due: null },
      action: 'closed_after_window',
      to: [actingUnit(subject)],
      timelineNote: '申请复查（复核）的期限已过，本件办结。',
    });
  }
  if (due.rung === undefined) return undefined;
  const deadline = clockDeadline(subject) as string;
  const acting = actingUnit(subject);
  const current = supervisingOffice(subject, context.chain);

  if (due.rung === 'warning') {
    return rung(subject, due, context, {
      kind: 'warning',
      patch: { due: { stage: due.stage, at: deadline, rung: 'supervision' } },
      action: 'deadline_warning',
      detail: { deadline },
      to: [acting],
    });
  }
  if (due.rung === 'supervision') {
    return rung(subject, due, context, {
      kind: 'supervision',
      patch: { due: { stage: due.stage, at: addMs(due.at, context.clock.supervisionGrace), rung: 'escalation' } },
      action: 'supervised',
      detail: { deadline, office: current.code },
      to: [acting, { unit: current.code, role: 'supervisor' }],
      // The receipt window is the units' own: the petitioner hears of it only if the case climbs.
      ...(due.stage !== 'receipt' && { timelineNote: `本事项已超过办理期限，${current.name}信访部门已督办。` }),
    });
  }
  const upper = context.chain[context.chain.indexOf(current) + 1];
  // A matter a leader took at a visit: that leader hears of every climb.
  const visitLeader = subject.visit ? [{ unit: subject.visit.regionCode, role: 'leader' as const }] : [];
  if (!upper) {
    // The top: one critical alert, and the ladder ends. The case stays in every overdue list until someone acts.
    return rung(subject, due, context, {
      kind: 'critical',
      patch: { criticalAt: context.now, due: null },
      action: 'critical_alert',
      detail: { deadline, office: current.code },
      to: unique([{ unit: current.code, role: 'leader' }, { unit: current.code, role: 'supervisor' }, acting, ...visitLeader]),
    });
  }
  return rung(subject, due, context, {
    kind: 'escalation',
    patch: {
      level: upper.level,
      escalationCount: subject.escalationCount + 1,
      due: { stage: due.stage, at: addMs(due.at, context.clock.escalationInterval), rung: 'escalation' },
    },
    action: 'escalated',
    detail: { deadline, from: current.code, to: upper.code },
    to: unique([{ unit: upper.code, role: 'supervisor' }, { unit: upper.code, role: 'leader' }, acting, ...visitLeader]),
    timelineNote: `本事项已提级由${upper.name}督办。`,
  });
}

/**
 * The idle warning, if its time has come: nobody acted on the case for half
 * its handling limit. The lead unit is told, once; its next action restarts the idle clock.
 */
export function applyIdle(subject: Case, context: DueContext): DueOutcome | undefined {
  const due = idleDue(subject);
  if (!due || due.at > context.now) return undefined;
  return rung(subject, due, context, {
    kind: 'idle',
    patch: { idleAt: null, idleWarnings: subject.idleWarnings + 1 },
    action: 'idle_warning',
    to: [{ unit: subject.leadUnit as string, role: 'handler' }],
  });
}

/**
 * A co-handling task's clock, if its time has come: the co-unit is warned
 * before the task's deadline, and supervised by the case's office when it
 * passes without an opinion; the task climbs no further (the case's own clock does).
 */
export function applyTaskDue(subject: Case, taskId: string, context: DueContext): DueOutcome | undefined {
  const task = subject.coHandling.find((candidate) => candidate.id === taskId);
  const due = dueOf(subject, 'coHandling', taskId);
  if (!task || !due || due.at > context.now) return undefined;
  const coUnit = { unit: task.unit, role: 'handler' as const };
  const common = { detail: { ref: taskId, unit: task.unit, deadline: task.dueAt }, deadline: task.dueAt };
  if (due.rung === 'warning') {
    return rung(subject, due, context, {
      ...common,
      kind: 'warning',
      patch: { coHandling: withTask(subject, { ...task, due: { at: task.dueAt, rung: 'supervision' } }) },
      action: 'co_handling_warning',
      to: [coUnit],
    });
  }
  return rung(subject, due, context, {
    ...common,
    kind: 'supervision',
    patch: { coHandling: withTask(subject, { ...task, due: null, supervisedAt: context.now }) },
    action: 'co_handling_supervised',
    to: unique([coUnit, { unit: subject.leadUnit as string, role: 'handler' }, { unit: subject.office as string, role: 'supervisor' }]),
  });
}

/**
 * What the due entry of `stage` (and `ref`) brings, routed to its clock: the
 * idle warning, a co-handling task's rung, or the case's next due time.
 */
export function applyDueEntry(subject: Case, entry: { stage: DueStage; ref: string | null }, context: DueContext): DueOutcome | undefined {
  if (entry.stage === 'idle') return applyIdle(subject, context);
  if (entry.stage === 'coHandling') return entry.ref === null ? undefined : applyTaskDue(subject, entry.ref, context);
  return applyDue(subject, context);
}

/** The notice of the rung that answered the due time `dueAt` of `stage` (and `ref`), if it was applied already. */
export function noticeAnswering(history: Array<{ detail: Record<string, unknown> }>, stage: DueStage, dueAt: string, ref: string | null = null): Notice | undefined {
  const entry = history.find((candidate) => candidate.detail.stage === stage && candidate.detail.dueAt === dueAt && (candidate.detail.ref ?? null) === ref);
  return entry?.detail.notice as Notice | undefined;
}
