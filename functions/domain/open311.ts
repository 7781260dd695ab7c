/**
 * Open311 GeoReport v2 (docs/API.md, "Open311"): a 311 app's words for the
 * system's. A service is a category, a service request a case; what a GET
 * shows of a case holds nothing personal (no text the petitioner wrote, no
 * name, phone or place finer than the region).
 */
import { DAY_MS } from './calendar.ts';
import { isOpen, legalDueAt, type Case, type CaseStatus, type HistoryEntry } from './case.ts';
import type { Category } from './categories.ts';
import { regionCode } from './fields.ts';
import type { Submission } from './intake.ts';
import * as z from './zod.ts';

/** The longest date range, and the most requests, one GET of requests answers (the spec's defaults). */
export const MAX_RANGE_DAYS = 90;
export const MAX_REQUESTS = 1000;

/** When what the Open311 endpoint offers last changed (discovery's `changeset`). */
export const CHANGESET = '2026-12-02T00:00:00Z';

/** Open311's two statuses. */
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

export const open311StatusOf = (status: CaseStatus): Open311Status => (isOpen(status) ? 'open' : 'closed');

/** The attributes every service takes (`attribute[code]` in a POST), in the spec's service definition shape. */
export const SERVICE_ATTRIBUTES = [
  {
    variable: true,
    code: 'region_code',
    datatype: 'string',
    required: true,
    datatype_description: 'GB/T 2260 区划代码（6、9 或 12 位），如 330726001001',
    order: 1,
    description: '事项发生地的行政区划代码（村、乡镇或县）',
  },
  {
    variable: true,
    code: 'title',
    datatype: 'string',
    required: false,
    datatype_description: '不超过 200 字',
    order: 2,
    description: '事项标题；不填时取描述的第一行',
  },
] as const;

export function serviceOf(category: Category) {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.name,
    // Every service has attributes (the region is one): a client reads the definition.
    metadata: true,
    type: 'realtime',
    keywords: '',
    group: category.department ?? '',
  };
}

export function serviceDefinitionOf(category: Category) {
  return { service_code: category.code, attributes: SERVICE_ATTRIBUTES.map((attribute) => ({ ...attribute, values: [] })) };
}

/** A W3C date-time with its time zone, as the spec requires of dates. */
const w3DateTime = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/, 'must be a W3C date-time with a time zone, e.g. 2026-11-05T08:15:30+08:00'),
  z.refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real date and time'),
);

/** A comma-separated list, as the spec's GET parameters are. */
const commaList = (max: number, item: z.ZodMiniType<string, string>) =>
  z.pipe(
    z.string().check(z.maxLength(2000)),
    z.pipe(
      z.transform((value: string) => value.split(',').map((part) => part.trim()).filter((part) => part !== '')),
      z.array(item).check(z.minLength(1, 'must name at least one'), z.maxLength(max)),
    ),
  );

/** GET requests: what the spec lets a client ask; anything else it sends is ignored, as the spec's clients expect. */
export const requestsQuery = z.object({
  jurisdiction_id: z.optional(regionCode),
  service_request_id: z.optional(commaList(MAX_REQUESTS, z.string().check(z.minLength(1), z.maxLength(100)))),
  service_code: z.optional(commaList(50, z.string().check(z.minLength(1), z.maxLength(40)))),
  status: z.optional(
    z.pipe(
      commaList(2, z.string().check(z.regex(/^(?:open|closed)$/, 'must be open or closed'))),
      z.transform((statuses) => statuses as Open311Status[]),
    ),
  ),
  start_date: z.optional(w3DateTime),
  end_date: z.optional(w3DateTime),
});
export type RequestsQuery = z.infer<typeof requestsQuery>;

/**
 * The instants a GET of requests covers: the spec's default is the last 90
 * days; one end given, the other is 90 days from it; more than 90 days, or
 * the ends out of order, is refused (the field at fault and why).
 */
export function requestRange(query: Pick<RequestsQuery, 'start_date' | 'end_date'>, now: string): { from: string; to: string } | { path: string; message: string } {
  const span = MAX_RANGE_DAYS * DAY_MS;
  const end = query.end_date !== undefined ? Date.parse(query.end_date) : query.start_date !== undefined ? Date.parse(query.start_date) + span : Date.parse(now);
  const start = query.start_date !== undefined ? Date.parse(query.start_date) : end - span;
  if (start > end) return { path: 'start_date', message: 'must not be after end_date' };
  if (end - start > span) return { path: 'end_date', message: `the range may span at most ${MAX_RANGE_DAYS} days` };
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

const attributeCodes = new Set<string>(SERVICE_ATTRIBUTES.map((attribute) => attribute.code));
const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

/**
 * POST requests: the spec's fields, as a form sends them. A location
 * (lat/long or address_string) is required by the spec; the region, which
 * routing needs, is the attribute `region_code`.
 */
export const requestForm = z
  .object({
    jurisdiction_id: z.optional(regionCode),
    service_code: z.string().check(z.minLength(1), z.maxLength(40)),
    lat: z.optional(z.pipe(z.string(), z.pipe(z.transform(Number), z.number().check(z.minimum(-90), z.maximum(90))))),
    long: z.optional(z.pipe(z.string(), z.pipe(z.transform(Number), z.number().check(z.minimum(-180), z.maximum(180))))),
    address_string: optionalText(500),
    address_id: optionalText(100),
    email: optionalText(200),
    device_id: optionalText(200),
    account_id: optionalText(200),
    first_name: optionalText(50),
    last_name: optionalText(50),
    phone: optionalText(30),
    description: optionalText(10_000),
    media_url: optionalText(2000),
    attribute: z._default(z.record(z.string(), z.string()), {}),
  })
  .check(
    z.refine((form) => form.address_string || form.address_id || (form.lat !== undefined && form.long !== undefined), {
      message: 'a location is required: lat and long, address_string or address_id',
      path: ['address_string'],
    }),
    z.refine((form) => Object.keys(form.attribute).every((code) => attributeCodes.has(code)), {
      message: `the service definition has the attributes ${[...attributeCodes].join(', ')} only`,
      path: ['attribute'],
    }),
  );
export type RequestForm = z.infer<typeof requestForm>;

const HAN = /\p{Script=Han}/u;

/** The petitioner's name from the spec's two fields: family name first, with no space, for a Chinese name (张 + 三). */
function nameOf(form: RequestForm): string | undefined {
  const parts = form.last_name && HAN.test(`${form.last_name}${form.first_name ?? ''}`) ? [form.last_name, form.first_name] : [form.first_name, form.last_name];
  const name = parts.filter((part) => part).join(HAN.test(parts.join('')) ? '' : ' ');
  return name === '' ? undefined : name;
}

/** Where the request says it is: kept in the case's content for staff, never shown by a GET. */
function placeOf(form: RequestForm): string {
  const lines = [
    form.address_string && `地址：${form.address_string}`,
    form.address_id && `地址编号：${form.address_id}`,
    form.lat !== undefined && form.long !== undefined && `坐标：${form.lat}, ${form.long}`,
    form.media_url && `图片：${form.media_url}`,
  ];
  return lines.filter((line) => line).join('\n');
}

/**
 * The online submission a POST makes: the same that POST /v1/cases takes,
 * so intake's rules apply to it (the name, and a phone to reach the
 * petitioner, are required as of any online submission). The e-mail, device
 * and account are not kept: the case has nowhere for them.
 */
export function submissionOf(form: RequestForm): Record<Exclude<keyof Submission, 'verification'>, unknown> {
  const description = form.description ?? '';
  const place = placeOf(form);
  return {
    channel: 'online',
    category: form.service_code,
    title: form.attribute.title ?? description.split('\n')[0]!.slice(0, 200),
    content: place ? `${description}\n\n${place}` : description,
    regionCode: form.attribute.region_code,
    addressedTo: undefined,
    headcount: 1,
    petitioner: { name: nameOf(form), phone: form.phone },
  };
}

/** The spec's field for a submission's field: what a 311 client sent. */
export const FORM_FIELD_OF: Readonly<Record<string, string>> = {
  category: 'service_code',
  title: 'attribute[title]',
  content: 'description',
  regionCode: 'attribute[region_code]',
  'petitioner.name': 'first_name',
  'petitioner.phone': 'phone',
};

/**
 * The status note a GET shows: a fixed phrase for the case's last public
 * event, never the note itself, which may hold a reason or an opinion
 * written about the petitioner. An event not listed shows none.
 */
const STATUS_NOTES: Readonly<Record<string, string>> = {
  received: '已登记',
  repeat: '同一事项再次反映，已并入本件办理',
  routed: '已交信访部门办理',
  accepted: '已受理，承办单位办理中',
  not_accepted: '不予受理',
  forwarded: '已转送有权处理的机关办理',
  extended: '办理期限已延长',
  replied: '已答复',
  evaluated: '信访人已评价',
  review_requested: '已申请复查',
  rereview_requested: '已申请复核',
  review_opinion: '复查意见已出具',
  rereview_opinion: '复核意见已出具',
  supervised: '已督办',
  escalated: '已提级督办',
  closed_after_window: '已办结',
  resolved_on_spot: '领导接访时当场解决',
  assigned: '领导接访时已交办',
  determined: '领导接访时已明确处理意见',
};

/** The names a request's view shows: of its category, of its office and of its region. */
export interface RequestNames {
  service: string;
  agency: string | null;
  address: string;
}

/** What anyone may see of a case as an Open311 service request. */
export function serviceRequestOf(subject: Case, history: HistoryEntry[], names: RequestNames) {
  const ordered = [...history].sort((a, b) => a.version - b.version);
  const lastEvent = ordered.findLast((entry) => entry.timeline !== undefined)?.timeline?.event;
  return {
    service_request_id: subject.id,
    status: open311StatusOf(subject.status),
    status_notes: (lastEvent !== undefined && STATUS_NOTES[lastEvent]) || null,
    service_name: names.service,
    service_code: subject.category,
    agency_responsible: names.agency,
    service_notice: null,
    requested_datetime: subject.receivedAt,
    updated_datetime: ordered.at(-1)?.at ?? subject.receivedAt,
    expected_datetime: legalDueAt(subject),
    address: names.address,
  };
}
export type ServiceRequest = ReturnType<typeof serviceRequestOf>;
