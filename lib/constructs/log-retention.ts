import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * How long every log group of the stack keeps its logs (the functions', the
 * API's access log, the seed provider's): six months, the minimum the
 * Cybersecurity Law (网络安全法, art. 21) sets for network logs. Logs serve
 * operations and incident investigation; who did what to a case is kept in
 * the case's own append-only history in the table, and no log holds personal
 * data. See docs/SECURITY.md.
 */
export const LOG_RETENTION = RetentionDays.SIX_MONTHS;
