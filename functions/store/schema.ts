/**
 * The single table's key schema and indexes. The wiring builds the table from
 * this (on AWS and locally); only the store modules build key values (keys.ts).
 */

/** What a staff worklist shows of a case: the worklist index projects these, and each worklist entry holds them. */
export const WORKLIST_PROJECTION = ['id', 'status', 'category', 'title', 'regionCode', 'receivedAt', 'level', 'office', 'leadUnit', 'deadline'] as const;

export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds after which DynamoDB may delete the entry (idempotency answers). */
  timeToLive: 'expiresAt',
  indexes: [
    {
      /** Sparse: only open cases carry a due time. Sharded so no partition is hot. */
      name: 'due',
      partitionKey: 'dueShard',
      sortKey: 'dueAt',
      include: ['dueStage', 'version'],
    },
    {
      /**
       * Staff worklists: a case's office entry (partition: province and status;
       * sort: office region first, so an office's subtree is one prefix) and its
       * department entries (partition: the unit and status).
       */
      name: 'worklist',
      partitionKey: 'worklistKey',
      sortKey: 'worklistSort',
      include: WORKLIST_PROJECTION,
    },
    {
      /** Announced visits by province and start time, for the public list. */
      name: 'visits',
      partitionKey: 'visitsKey',
      sortKey: 'visitsSort',
      include: ['id', 'leader', 'regionCode', 'startsAt', 'venue', 'departments', 'status', 'announcedAt', 'changes'],
    },
    {
      /** The regions directly below a region, for the public reference data. */
      name: 'children',
      partitionKey: 'childrenOf',
      sortKey: 'code',
      include: ['name', 'level', 'population', 'parentCode'],
    },
  ],
} as const;

export type IndexName = (typeof TABLE_SCHEMA.indexes)[number]['name'];

/** The indexes by name, for queries: `IndexName: INDEX.due`. */
export const INDEX = Object.fromEntries(TABLE_SCHEMA.indexes.map((index) => [index.name, index.name])) as { readonly [Name in IndexName]: Name };

/** Due-index shards: writes for a million open cases spread over this many partitions. */
export const DUE_SHARDS = 16;
