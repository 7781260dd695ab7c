/**
 * Joint-meeting reports: compiled on request (POST /v1/reports) or on
 * schedule, listed (GET /v1/reports), fetched as JSON (GET /v1/reports/{id})
 * and as the readable page for the meeting (GET /v1/reports/{id}/page).
 * Clerks, leaders and admins compile; any staff of the region or above read,
 * a department only its own cases among the hard cases.
 */
import { chinaDay } from '../domain/calendar.ts';
import { notFound } from '../domain/problem.ts';
import { parseReportId, reportAsSeenBy, requireReportCompiler, type Report } from '../domain/reports.ts';
import { coversRegion } from '../domain/staff.ts';
import { renderReport } from '../reports/render.ts';
import { httpHandler, parseWith, requireStaff, type ApiAnswer, type ApiRequest } from '../shared/http.ts';
import { compileReport } from '../services/reports.ts';
import { listCategories } from '../store/reference.ts';
import { regionInScope } from '../services/scope.ts';
import { getReport, listReports } from '../store/reports.ts';
import { compileReportBody, reportsQuery } from './queries.ts';
import { now } from '../shared/clock.ts';

async function reportInScope(request: ApiRequest): Promise<Report> {
  const staff = requireStaff(request);
  const id = request.params.id ?? '';
  const parts = parseReportId(id);
  const report = parts && coversRegion(staff, parts.regionCode) ? await getReport(id) : undefined;
  if (!report) throw notFound(`There is no report ${id} in your unit's scope.`);
  return reportAsSeenBy(staff, report);
}

async function compile(request: ApiRequest): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  requireReportCompiler(staff);
  const input = request.body(compileReportBody);
  const region = await regionInScope(staff, input.regionCode);
  const report = await compileReport(input.kind, region, input.day ?? chinaDay(now()));
  return { status: 201, headers: { location: `/v1/reports/${report.id}` }, body: reportAsSeenBy(staff, report) };
}

async function list(request: ApiRequest): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  const query = parseWith(reportsQuery, request.query, 'query');
  const region = await regionInScope(staff, query.regionCode);
  return { status: 200, body: await listReports(region, query.kind, query.limit, query.cursor) };
}

async function page(request: ApiRequest): Promise<ApiAnswer> {
  const report = await reportInScope(request);
  const categoryNames = Object.fromEntries((await listCategories()).map((category) => [category.code, category.name]));
  // The page is self-contained: no script, no external asset; refuse to run anything in it all the same.
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" },
    text: renderReport(report, { categoryNames }),
  };
}

export const handler = httpHandler(async (request) => {
  switch (request.route) {
    case 'POST /v1/reports':
      return compile(request);
    case 'GET /v1/reports':
      return list(request);
    case 'GET /v1/reports/{id}':
      return { status: 200, body: await reportInScope(request) };
    case 'GET /v1/reports/{id}/page':
      return page(request);
    default:
      throw new Error(`reports has no route ${request.route}`);
  }
});
