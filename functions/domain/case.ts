import type { Category } from './categories.ts';
import { COLLECTIVE_HEADCOUNT, type Channel, type Petitioner, type Submission } from './intake.ts';
import { matterFingerprint } from './petitioner.ts';
import { addMs, type Clock } from './policy.ts';
import { depthOf, type Region, type RegionLevel } from './regions.ts';

export const CASE_STATUSES = [
  'received',
  'accepted',
  'not_accepted',
  'forwarded',
  'replied',
  'under_review',
  'under_rereview',
  'closed',
  'final',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Which clock a case's next due time belongs to. */
export type DueStage = 'routing' | 'acceptance';

/** The one next due time every open case carries (the sweep's index). */
export interface Due {
  stage: DueStage;
  at: string;
}

/** A case (信访事项) as the system keeps it. */
export interface Case {
  id: string;
  channel: Channel;
  category: string;
  title: string;
  content: string;
  regionCode: string;
  /** Where the matter was brought, when the petitioner named a level: over-level detection. */
  addressedTo: string | null;
  headcount: number;
  collective: boolean;
  petitioners: Petitioner[];
  accessCodeHash: string;
  /** Links repeat petitions to this case; see {@link matterFingerprint}. */
  matterFingerprint: string;
  status: CaseStatus;
  receivedAt: string;
  acceptanceDueAt: string;
  repeatCount: number;
  overLevel: boolean;
  /** The petition office that must decide on acceptance; set by routing. */
  office: string | null;
  /** The lead unit routing proposes; acceptance assigns it by default. */
  proposedLeadUnit: string | null;
  leadUnit: string | null;
  coUnits: string[];
  responsibleLeader: string | null;
  /** The region level now supervising the case; set by routing, raised by escalation. */
  level: RegionLevel | null;
  due: Due | null;
  /** Grows with every change; every write is conditional on it. */
  version: number;
}

/** What the petitioner may see of a history entry. */
export interface TimelineEvent {
  event: string;
  note: string;
}

/** One append-only entry of a case's history, written with the change it records. */
export interface HistoryEntry {
  /** The case version this entry produced: orders the history and makes each entry unique. */
  version: number;
  at: string;
  actor: string;
  action: string;
  /** Staff-facing detail; never identity numbers or phones. */
  detail: Record<string, unknown>;
  timeline?: TimelineEvent;
}

/** A case after one change, with the history entry that records it. */
export interface Change {
  case: Case;
  entry: HistoryEntry;
}

export interface Registration {
  id: string;
  now: string;
  clock: Clock;
  accessCodeHash: string;
  /** When to route the case again if its routing message is lost. Operational, not a legal clock. */
  routingRetryMs: number;
  actor: string;
}

/** Registers a new case: status `received`, the acceptance clock started. */
export function registerCase(submission: Submission, registration: Registration): Change {
  const { id, now, clock, accessCodeHash, routingRetryMs, actor } = registration;
  const petitioner = submission.petitioner;
  const registered: Case = {
    id,
    channel: submission.channel,
    category: submission.category,
    title: submission.title,
    content: submission.content,
    regionCode: submission.regionCode,
    addressedTo: submission.addressedTo ?? null,
    headcount: submission.headcount,
    collective: submission.headcount >= COLLECTIVE_HEADCOUNT,
    petitioners: [petitioner],
    accessCodeHash,
    matterFingerprint: matterFingerprint(petitioner, submission.category, submission.regionCode),
    status: 'received',
    receivedAt: now,
    acceptanceDueAt: addMs(now, clock.acceptance),
    repeatCount: 0,
    overLevel: false,
    office: null,
    proposedLeadUnit: null,
    leadUnit: null,
    coUnits: [],
    responsibleLeader: null,
    level: null,
    due: { stage: 'routing', at: addMs(now, routingRetryMs) },
    version: 1,
  };
  return {
    case: registered,
    entry: {
      version: 1,
      at: now,
      actor,
      action: 'registered',
      detail: { channel: registered.channel, category: registered.category, headcount: registered.headcount },
      timeline: { event: 'received', note: '您的信访事项已登记，将在法定期限内告知是否受理。' },
    },
  };
}

/** The same petitioner raised the same open matter again (重复访): it joins the case and is counted. */
export function recordRepeat(open: Case, at: { now: string; channel: Channel; actor: string }): Change {
  const version = open.version + 1;
  return {
    case: { ...open, repeatCount: open.repeatCount + 1, version },
    entry: {
      version,
      at: at.now,
      actor: at.actor,
      action: 'repeat',
      detail: { channel: at.channel, repeatCount: open.repeatCount + 1 },
      timeline: { event: 'repeat', note: '您再次反映的同一事项已并入本件办理。' },
    },
  };
}

/** Routing's decision for a case. */
export interface Routing {
  office: Region;
  proposedLeadUnit: string;
  overLevel: boolean;
}

/**
 * Decides which petition office must accept a case and which unit should lead
 * it: the lowest level able to handle the category, within the case's own chain.
 *
 * @param chain - the case region and its ancestors, the case region first
 */
export function decideRouting(subject: Pick<Case, 'addressedTo'>, chain: Region[], category: Category): Routing {
  const handlingDepth = depthOf(category.handlingLevel);
  // The first unit, going up, at or above the handling level. A case filed
  // above that level stays where it was filed: nothing lower is known.
  const office = chain.find((region) => depthOf(region.level) <= handlingDepth) ?? (chain[0] as Region);
  const hasDepartments = office.level !== 'village';
  const proposedLeadUnit =
    category.department !== null && hasDepartments ? `${office.code}:${category.department}` : office.code;
  const addressed = subject.addressedTo === null ? undefined : chain.find((r) => r.code === subject.addressedTo);
  const overLevel = addressed !== undefined && depthOf(addressed.level) < depthOf(office.level);
  return { office, proposedLeadUnit, overLevel };
}

/**
 * Applies routing to a case that has not been routed yet; `undefined` when it
 * already has been, so a redelivered routing message changes nothing.
 */
export function applyRouting(subject: Case, routing: Routing, now: string): Change | undefined {
  if (subject.office !== null || subject.status !== 'received') return undefined;
  const version = subject.version + 1;
  const { office, proposedLeadUnit, overLevel } = routing;
  return {
    case: {
      ...subject,
      office: office.code,
      proposedLeadUnit,
      overLevel,
      level: office.level,
      due: { stage: 'acceptance', at: subject.acceptanceDueAt },
      version,
    },
    entry: {
      version,
      at: now,
      actor: 'system:routing',
      action: 'routed',
      detail: { office: office.code, proposedLeadUnit, overLevel },
      timeline: {
        event: 'routed',
        note: overLevel
          ? `本事项由${office.name}负责，已转交${office.name}信访部门办理。`
          : `已交${office.name}信访部门办理。`,
      },
    },
  };
}

/** What a petitioner sees of their own case: no personal data, no internal notes. */
export interface Progress {
  id: string;
  status: CaseStatus;
  level: RegionLevel | null;
  dueAt: string | null;
  timeline: Array<{ at: string; event: string; note: string }>;
}

export function progressOf(subject: Case, history: HistoryEntry[]): Progress {
  return {
    id: subject.id,
    status: subject.status,
    level: subject.level,
    dueAt: subject.status === 'received' ? subject.acceptanceDueAt : (subject.due?.at ?? null),
    timeline: history
      .filter((entry) => entry.timeline !== undefined)
      .sort((a, b) => a.version - b.version)
      .map((entry) => ({ at: entry.at, event: entry.timeline!.event, note: entry.timeline!.note })),
  };
}
