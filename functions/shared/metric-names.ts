/**
 * The custom metrics, by name: the handlers emit them (EMF, through
 * Powertools) and the stack's alarms and dashboard read them. Every metric
 * carries the `service` dimension; `DeadlineRungs` also `rung`, `Ratings` also `rating`.
 */
export const METRICS_NAMESPACE = 'Petitions';
export const SERVICE = 'petitions';

export const METRIC = {
  casesReceived: 'CasesReceived',
  casesRouted: 'CasesRouted',
  /** One per rung the ladder applies, by rung (warning, supervision, escalation, critical, closed). */
  deadlineRungs: 'DeadlineRungs',
  /** Open cases past the deadline of the clock now running, all provinces (a gauge, each sweep). */
  overdueBacklog: 'OverdueBacklog',
  /** One per sweep that finished: the heartbeat the sweep alarm watches. */
  sweepsCompleted: 'SweepsCompleted',
  /** Due cases a sweep found and sent on. */
  dueFound: 'DueFound',
  /** The numerators and denominators of the three rates, as they change. */
  decisionsTimely: 'DecisionsTimely',
  decisionsLate: 'DecisionsLate',
  repliesOnTime: 'RepliesOnTime',
  repliesLate: 'RepliesLate',
  ratings: 'Ratings',
  /** The petitioners' urges (催办), as counted (once a case is routed). */
  urges: 'Urges',
  /** A deadline counted into a calendar year nobody loaded (weekends only there): an admin should load it. */
  calendarYearsMissing: 'CalendarYearsMissing',
} as const;
