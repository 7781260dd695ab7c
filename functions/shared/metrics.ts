import type { MiddlewareObj } from '@middy/core';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Counters } from '../domain/figures.ts';
import { METRIC, METRICS_NAMESPACE, SERVICE } from './metric-names.ts';

/** The one metrics emitter (CloudWatch EMF through the logs). POWERTOOLS_METRICS_DISABLED turns it off. */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE });

/** Publishes what the invocation recorded, if anything (an empty flush only warns). */
export function publishMetrics(): MiddlewareObj {
  const publish = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: publish, onError: publish };
}

export function count(name: string, value = 1): void {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
}

/** A count with one more dimension, published at once in its own EMF record. */
export function countBy(name: string, dimension: string, value: string, amount = 1): void {
  const single = metrics.singleMetric();
  single.addDimension(dimension, value);
  single.addMetric(name, MetricUnit.Count, amount);
}

/**
 * What a written change adds to the metrics: a new case is received (at
 * intake, while its counters wait for routing: the dashboard sets received
 * against routed); its counters' difference adds timely and late decisions
 * and replies, and ratings.
 */
export function countChange(created: boolean, delta: Counters): void {
  count(METRIC.casesReceived, created ? 1 : 0);
  count(METRIC.decisionsTimely, delta['acceptance:timely'] ?? 0);
  count(METRIC.decisionsLate, delta['acceptance:late'] ?? 0);
  count(METRIC.repliesOnTime, delta['handling:onTime'] ?? 0);
  count(METRIC.repliesLate, delta['handling:late'] ?? 0);
  count(METRIC.urges, delta.urges ?? 0);
  for (const [name, value] of Object.entries(delta)) if (name.startsWith('rating:') && value > 0) countBy(METRIC.ratings, 'rating', name.slice(7), value);
}
