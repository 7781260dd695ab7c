/**
 * The public Open311 GeoReport v2 routes (GET), each as .json and .xml:
 * discovery, services, a service's definition, service requests, one
 * request, and a token. Nothing personal in any of them (domain/open311.ts).
 */
import { CHANGESET, requestRange, requestsQuery, serviceDefinitionOf, serviceOf } from '../domain/open311.ts';
import { invalid, notFound } from '../domain/problem.ts';
import * as z from '../domain/zod.ts';
import { now } from '../shared/clock.ts';
import { parseWith, type ApiAnswer, type ApiRequest } from '../shared/http.ts';
import { caseStatusesOf, jurisdictionOf, newestCaseIds, serviceRequests, servicesByCode } from '../services/open311.ts';
import { getCase } from '../store/cases.ts';
import { open311Answer, open311Handler, withoutFormat, type Format } from './open311-answers.ts';

const jurisdictionQuery = z.object({ jurisdiction_id: requestsQuery.shape.jurisdiction_id });
const jurisdictionIn = async (request: ApiRequest) => jurisdictionOf(parseWith(jurisdictionQuery, request.query, 'query').jurisdiction_id);

/** Where this API is, as the client reached it: API Gateway says how, the local runtime is plain HTTP. */
function baseUrl(request: ApiRequest): string {
  return `${request.headers['x-forwarded-proto'] ?? 'http'}://${request.headers.host ?? 'localhost'}/open311/v2`;
}

function discovery(request: ApiRequest, format: Format) {
  return open311Answer(format, 'discovery', {
    changeset: CHANGESET,
    contact: '各级人民政府信访部门',
    key_service: 'API keys for POST requests are issued by an administrator (POST /v1/client-apps).',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: baseUrl(request),
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  });
}

async function services(request: ApiRequest, format: Format) {
  await jurisdictionIn(request);
  return open311Answer(format, 'services', [...(await servicesByCode()).values()].map(serviceOf));
}

async function serviceDefinition(request: ApiRequest, format: Format) {
  await jurisdictionIn(request);
  const code = withoutFormat(request.params.service_code ?? '');
  const category = (await servicesByCode()).get(code);
  if (!category) throw notFound(`service_code ${code} was not found (GET services).`);
  return open311Answer(format, 'service_definition', serviceDefinitionOf(category));
}

async function requests(request: ApiRequest, format: Format) {
  const query = parseWith(requestsQuery, request.query, 'query');
  const jurisdiction = await jurisdictionOf(query.jurisdiction_id);
  const known = await servicesByCode();
  // The spec: with service_request_id, every other parameter is ignored.
  if (query.service_request_id) {
    return open311Answer(format, 'service_requests', await serviceRequests([...new Set(query.service_request_id)], jurisdiction, known));
  }
  const unknown = (query.service_code ?? []).filter((code) => !known.has(code));
  if (unknown.length > 0) throw invalid('Unknown service_code.', [{ path: 'service_code', message: `${unknown.join(', ')} not found (GET services)` }]);
  const range = requestRange(query, now());
  if ('path' in range) throw invalid('The date range is not one this endpoint answers.', [range]);
  const ids = await newestCaseIds(jurisdiction, caseStatusesOf(query.status), range, query.service_code);
  return open311Answer(format, 'service_requests', await serviceRequests(ids, jurisdiction, known));
}

async function oneRequest(request: ApiRequest, format: Format) {
  const jurisdiction = await jurisdictionIn(request);
  const id = withoutFormat(request.params.service_request_id ?? '');
  const [found] = await serviceRequests([id], jurisdiction, await servicesByCode());
  if (!found) throw notFound(`service_request_id ${id} was not found.`);
  return open311Answer(format, 'service_requests', [found]);
}

/** A token names the request it became: a POST creates the case at once, so its token is the case id. */
async function token(request: ApiRequest, format: Format) {
  await jurisdictionIn(request);
  const id = withoutFormat(request.params.token ?? '');
  const found = id.length <= 100 ? await getCase(id) : undefined;
  if (!found) throw notFound(`token ${id} was not found.`);
  return open311Answer(format, 'service_requests', [{ service_request_id: found.id, token: id }]);
}

const BY_ROUTE: Readonly<Record<string, (request: ApiRequest, format: Format) => ApiAnswer | Promise<ApiAnswer>>> = {
  'GET /open311/v2/discovery.json': discovery,
  'GET /open311/v2/discovery.xml': discovery,
  'GET /open311/v2/services.json': services,
  'GET /open311/v2/services.xml': services,
  'GET /open311/v2/services/{service_code}': serviceDefinition,
  'GET /open311/v2/requests.json': requests,
  'GET /open311/v2/requests.xml': requests,
  'GET /open311/v2/requests/{service_request_id}': oneRequest,
  'GET /open311/v2/tokens/{token}': token,
};

export const handler = open311Handler(async (request, format) => {
  const route = BY_ROUTE[request.route];
  if (!route) throw new Error(`no Open311 route ${request.route}`);
  return route(request, format);
});
