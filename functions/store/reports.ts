import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { parseReportId, type Report, type ReportKind } from '../domain/reports.ts';
import { documents, tableName } from './client.ts';
import { stringAt, type Item } from './item.ts';
import { reportKey, reportsPk } from './keys.ts';
import { partitionPages } from './partition-pages.ts';

/** The report (or, listed, what the projection reads of it) a report item holds. */
function reportOf<Shown extends Pick<Report, 'id' | 'kind' | 'regionCode'>>(item: Item): Shown {
  const report = item.report;
  if (typeof report !== 'object' || report === null) throw new Error(`item ${String(item.pk)} ${String(item.sk)}: report is not a map`);
  const fields = report as Item;
  stringAt(fields, 'id');
  stringAt(fields, 'kind');
  stringAt(fields, 'regionCode');
  return report as Shown;
}

/** Stores a report; compiling the same period again replaces it. */
export async function putReport(report: Report): Promise<void> {
  await documents.send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...reportKey(report.regionCode, report.kind, report.period.from), kind: report.kind, report },
    }),
  );
}

export async function getReport(id: string): Promise<Report | undefined> {
  const parts = parseReportId(id);
  if (!parts) return undefined;
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: reportKey(parts.regionCode, parts.kind, parts.from) }));
  return Item ? reportOf<Report>(Item) : undefined;
}

/** What a list of reports reads of each: what it covers, not its figures. */
const LISTED = ['id', 'kind', 'regionCode', 'regionName', 'period', 'generatedAt'] as const;

/** A report as listed. */
export type ReportListing = Pick<Report, (typeof LISTED)[number]>;

const reportPages = /* @__PURE__ */ partitionPages('reports', (item) => reportOf<ReportListing>(item));

/** A region's reports (of one kind, or all), newest period first, paged. */
export function listReports(regionCode: string, kind: ReportKind | undefined, limit: number, cursor?: string): Promise<{ items: ReportListing[]; nextCursor: string | null }> {
  return reportPages({
    pk: reportsPk(regionCode),
    binding: [regionCode, kind],
    limit,
    cursor,
    newestFirst: true,
    reading: {
      ...(kind && { FilterExpression: '#kind = :kind', ExpressionAttributeValues: { ':kind': kind } }),
      ProjectionExpression: ['sk', ...LISTED.map((name) => `#report.${name}`)].join(', '),
      ExpressionAttributeNames: { '#report': 'report', ...(kind && { '#kind': 'kind' }) },
    },
  });
}
