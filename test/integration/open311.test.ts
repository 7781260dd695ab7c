/**
 * Open311 GeoReport v2, driven the way a 311 client does, from the spec's
 * own examples (discovery, services, a service definition, POST requests
 * with lat/long, address_string, attribute[...] and the personal fields,
 * GET requests by date and status, a request by id, a token), in JSON and
 * in XML, against the emulators. What a client sent about the person never
 * comes back in a GET, and bad input is refused in the spec's error format,
 * writing nothing.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeXml, xmlDocument } from '../../functions/api/xml.ts';
import { OPEN311_ROUTES } from '../../lib/wiring.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { countEntries, postJson, useTestSystem } from '../support/emulators.ts';

const V2 = '/open311/v2';
// The elements the spec's XML repeats: parsed as lists even when there is one.
const LISTS = new Set(['service', 'request', 'error', 'endpoint', 'format', 'attribute', 'value']);
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.has(name) });

const system = useTestSystem();
let apiKey: string;

beforeAll(async () => {
  const registered = await system.call('POST', '/v1/client-apps', { token: await system.token('330726', 'admin'), body: { name: '浦江县12345热线' } });
  expect(registered.status).toBe(201);
  apiKey = registered.body.apiKey;
});

type Answer = { status: number; type: string; text: string; json: any; xml: any };

async function answerOf(response: Response): Promise<Answer> {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  const isXml = type.startsWith('text/xml');
  if (isXml) expect(XMLValidator.validate(text), text).toBe(true);
  return { status: response.status, type, text, json: type.includes('json') ? JSON.parse(text) : undefined, xml: isXml ? parser.parse(text) : undefined };
}

const get = async (path: string, headers: Record<string, string> = {}) => answerOf(await system.api(`${V2}/${path}`, { headers }));

async function post(path: string, form: Record<string, string>, type = 'application/x-www-form-urlencoded') {
  return answerOf(await system.api(`${V2}/${path}`, { method: 'POST', headers: { 'content-type': type }, body: new URLSearchParams(form).toString() }));
}

/** What routing does behind a submission: the case gets its office (agency_responsible). */
async function route() {
  const messages = await system.receive('routing', 10, 2);
  if (messages.length > 0) await system.consume('routing', messages);
}

// The spec's POST example (api_key, jurisdiction_id, service_code, lat/long, address_string, email, device_id,
// account_id, first_name, last_name, phone, description, media_url), with this jurisdiction's words.
let phoneSeq = 13_800_138_000;
const specRequest = (overrides: Record<string, string> = {}) => ({
  api_key: apiKey,
  jurisdiction_id: '330000',
  service_code: 'housing',
  lat: '29.4553',
  long: '119.8921',
  address_string: '浦阳街道城南社区3幢',
  email: 'zhangsan@example.com',
  device_id: 'tt222111',
  account_id: '123456',
  first_name: '三',
  last_name: '张',
  phone: String(++phoneSeq),
  description: '楼顶漏水三个月无人处理，物业不予处理。',
  media_url: 'http://www.city.gov/media/638344.jpg',
  'attribute[region_code]': '330726001001',
  ...overrides,
});

/** What a client sent about the person and the place: none of it may show in any GET. */
const personal = (form: Record<string, string>) => [form.email!, form.phone!, '张三', form.address_string!, form.description!, form.lat!, form.long!, form.media_url!, form.device_id!];

describe('client apps', () => {
  it('are registered by an admin: the key is shown once and only its hash is kept', async () => {
    expect(apiKey).toMatch(/^pk311_[\w-]{43}$/);
    const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
    const { Items = [] } = await system.dynamo.send(new ScanCommand({ TableName: system.tableName }));
    expect(JSON.stringify(Items)).not.toContain(apiKey);
    expect(JSON.stringify(Items)).toContain('浦江县12345热线');
  });

  it('are registered by admins only (403), and bad input is a 400 problem document', async () => {
    const clerk = await system.call('POST', '/v1/client-apps', { token: await system.token('330726', 'clerk'), body: { name: '某应用' } });
    expect(clerk.status).toBe(403);
    const nameless = await system.call('POST', '/v1/client-apps', { token: await system.token('330726', 'admin'), body: { name: '' } });
    expect(nameless.status).toBe(400);
    expect(nameless.type).toContain('application/problem+json');
  });
});

describe('Open311 GeoReport v2', () => {
  it('discovery: the GeoReport v2 endpoint, its formats, in JSON and XML', async () => {
    const json = await get('discovery.json');
    expect(json.status).toBe(200);
    expect(json.json).toMatchObject({
      changeset: expect.any(String),
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: expect.stringMatching(/\/open311\/v2$/), type: 'production', formats: ['text/xml', 'application/json'] }],
    });
    const xml = await get('discovery.xml');
    expect(xml.type).toBe('text/xml; charset=utf-8');
    expect(xml.text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>/);
    expect(xml.xml.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('services are the categories; a service definition names its attributes (GET services.xml?jurisdiction_id=…)', async () => {
    const categories = (await system.call('GET', '/v1/categories')).body.items as Array<{ code: string; name: string }>;
    const json = await get('services.json?jurisdiction_id=330000');
    expect(json.status).toBe(200);
    expect(json.json.map((service: { service_code: string }) => service.service_code)).toEqual(categories.map((category) => category.code));
    expect(json.json[0]).toEqual({ service_code: categories[0]!.code, service_name: categories[0]!.name, description: expect.any(String), metadata: true, type: 'realtime', keywords: '', group: expect.any(String) });
    const xml = await get('services.xml?jurisdiction_id=330000');
    expect(xml.xml.services.service.map((service: { service_code: string }) => service.service_code)).toEqual(categories.map((category) => category.code));
    expect(xml.xml.services.service[0].metadata).toBe('true');

    const definition = await get('services/housing.json?jurisdiction_id=330000');
    expect(definition.json).toMatchObject({ service_code: 'housing', attributes: [{ code: 'region_code', required: true, variable: true, datatype: 'string', order: 1 }, { code: 'title', required: false }] });
    const definitionXml = await get('services/housing.xml');
    expect(definitionXml.xml.service_definition.attributes.attribute[0]).toMatchObject({ code: 'region_code', required: 'true', values: '' });
  });

  it('POST requests.json (the spec’s example): a case through intake, routed; the personal fields never come back in a GET', async () => {
    const form = specRequest();
    const created = await post('requests.json', form);
    expect(created.status).toBe(201);
    expect(created.json).toEqual([{ service_request_id: expect.any(String), service_notice: expect.any(String), account_id: null, access_code: expect.any(String) }]);
    const id = created.json[0].service_request_id;
    // The same case POST /v1/cases makes: the petitioner, the region, the category; the place kept for staff.
    const stored = (await getCaseWithHistory(id))!;
    expect(stored.case).toMatchObject({ channel: 'online', category: 'housing', regionCode: '330726001001', petitioners: [{ name: '张三', phone: form.phone }], title: form.description });
    expect(stored.case.content).toContain(form.address_string);
    expect(stored.case.content).toContain('29.4553, 119.8921');
    expect(stored.history.map((entry) => entry.actor)).toEqual([expect.stringMatching(/^client-app:/)]);
    await route();

    // The access code it gave opens the petitioner's own view, as POST /v1/cases's does.
    expect((await system.call('GET', `/v1/cases/${id}/progress`, { headers: { 'x-access-code': created.json[0].access_code } })).status).toBe(200);

    const one = await get(`requests/${id}.json?jurisdiction_id=330000`);
    expect(one.status).toBe(200);
    expect(one.json).toEqual([
      {
        service_request_id: id,
        status: 'open',
        status_notes: '已交信访部门办理',
        service_name: '住房城乡建设',
        service_code: 'housing',
        agency_responsible: '浦江县信访部门',
        service_notice: null,
        requested_datetime: stored.case.receivedAt,
        updated_datetime: expect.any(String),
        expected_datetime: stored.case.acceptanceDueAt,
        address: expect.any(String),
      },
    ]);
    const oneXml = await get(`requests/${id}.xml`);
    expect(oneXml.xml.service_requests.request[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'housing', service_notice: '' });
    const list = await get('requests.json');
    const listXml = await get('requests.xml');
    expect(list.json.map((request: { service_request_id: string }) => request.service_request_id)).toContain(id);
    for (const answer of [one, oneXml, list, listXml]) {
      for (const value of [...personal(form), created.json[0].access_code]) expect(answer.text, value).not.toContain(value);
    }
  });

  it('POST requests.xml answers in XML; the same matter again joins the open case (200), the app vouching for the phone', async () => {
    const form = specRequest({ service_code: 'land', 'attribute[title]': '宅基地纠纷' });
    const created = await post('requests.xml', form);
    expect(created.status).toBe(201);
    const [request] = created.xml.service_requests.request;
    expect(request).toMatchObject({ service_request_id: expect.any(String), account_id: '', access_code: expect.any(String) });
    expect((await getCaseWithHistory(request.service_request_id))?.case.title).toBe('宅基地纠纷');
    const before = await countEntries(system);
    const again = await post('requests.xml', { ...form, description: '又来反映宅基地纠纷' });
    expect(again.status).toBe(200);
    expect(again.xml.service_requests.request).toEqual([{ service_request_id: request.service_request_id, service_notice: expect.any(String), account_id: '' }]);
    expect(await countEntries(system)).toBe(before + 1); // the open case's repeat entry, no new case
  });

  it('GET requests by date range and status (the spec’s example), by service_code, by ids; tokens name their request', async () => {
    const created = await post('requests.json', specRequest({ service_code: 'labour' }));
    const id = created.json[0].service_request_id;
    const start = new Date(Date.now() - 86_400_000).toISOString().replace('Z', '+00:00');
    const end = new Date(Date.now() + 60_000 + 8 * 3_600_000).toISOString().replace(/\.\d+Z$/, '+08:00');
    const ids = (answer: Answer) => answer.json.map((request: { service_request_id: string }) => request.service_request_id);

    expect(ids(await get(`requests.json?start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}&status=open`))).toContain(id);
    expect(ids(await get('requests.json?status=closed'))).not.toContain(id);
    expect(ids(await get('requests.json?service_code=labour,health'))).toEqual([id]);
    expect(ids(await get('requests.json?service_code=health'))).toEqual([]);
    expect(ids(await get(`requests.json?service_request_id=${id},unknown-id&service_code=health`))).toEqual([id]);
    const old = await get('requests.xml?start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z&status=open');
    expect(old.status).toBe(200);
    expect(old.text).toMatch(/<service_requests\/>|<service_requests><\/service_requests>/);

    const token = await get(`tokens/${id}.json?jurisdiction_id=330000`);
    expect(token.json).toEqual([{ service_request_id: id, token: id }]);
    expect((await get(`tokens/${id}.xml`)).xml.service_requests.request).toEqual([{ service_request_id: id, token: id }]);
  });

  describe('bad input: the spec’s error format, a 4xx, nothing written', () => {
    const errors = (answer: Answer) => answer.json ?? answer.xml.errors.error;
    const refusals: Array<[string, () => Promise<Answer>, number, RegExp]> = [
      ['an unknown service_code', () => post('requests.json', specRequest({ service_code: 'potholes' })), 400, /service_code/],
      ['a missing api_key', () => post('requests.json', { ...specRequest(), api_key: '' }), 403, /api_key/],
      ['a wrong api_key', () => post('requests.xml', specRequest({ api_key: 'pk311_not-a-key-anyone-was-given' })), 403, /api_key/],
      ['an unknown jurisdiction_id', () => post('requests.json', specRequest({ jurisdiction_id: '990000' })), 404, /jurisdiction_id/],
      ['a jurisdiction_id that is no region code', () => get('services.json?jurisdiction_id=city.gov'), 400, /jurisdiction_id/],
      ['a region outside the jurisdiction', () => post('requests.json', specRequest({ jurisdiction_id: '330782' })), 400, /region_code/],
      ['no name and no phone (intake requires them of online submissions)', () => post('requests.json', specRequest({ first_name: '', last_name: '', phone: '' })), 400, /first_name|phone/],
      ['no location', () => post('requests.json', specRequest({ lat: '', long: '', address_string: '' })), 400, /address_string/],
      ['an attribute the definition lacks', () => post('requests.json', specRequest({ 'attribute[colour]': 'red' })), 400, /attribute/],
      ['a JSON body to requests.json', async () => answerOf(await system.api(`${V2}/requests.json`, postJson(specRequest()))), 415, /form/],
      ['an Accept header refusing the suffix’s format', () => get('services.json', { accept: 'text/xml' }), 406, /Accept/],
      ['a format the spec has not', () => get('services/housing.csv'), 400, /\.json or \.xml/],
      ['a date range over 90 days', () => get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'), 400, /90 days/],
      ['start_date after end_date', () => get('requests.xml?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'), 400, /start_date/],
      ['a date without its time zone', () => get('requests.json?start_date=2026-01-01T00:00:00'), 400, /start_date/],
      ['an unknown service_code in a GET', () => get('requests.json?service_code=potholes'), 400, /service_code/],
      ['an unknown service definition', () => get('services/potholes.xml'), 404, /service_code/],
      ['an unknown request', () => get('requests/no-such-case.json'), 404, /service_request_id/],
      ['an unknown token', () => get('tokens/no-such-token.xml'), 404, /token/],
    ];
    it.each(refusals)('%s', async (_, send, status, mentions) => {
      const before = await countEntries(system);
      const answer = await send();
      expect(answer.status, answer.text).toBe(status);
      expect(errors(answer).length).toBeGreaterThan(0);
      for (const error of errors(answer)) expect(error).toEqual({ code: answer.json ? status : String(status), description: expect.any(String) });
      expect(errors(answer).map((error: { description: string }) => error.description).join('\n')).toMatch(mentions);
      expect(await countEntries(system)).toBe(before);
    });
  });
});

describe('every Open311 route under hostile input', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '../../etc/passwd', '<x>&amp;</x>', "' OR 1=1 --", '__proto__', '\u0000', '𠀀'.repeat(50), 'a'.repeat(3000), '2026-01-01T00:00:00Z', 'open,closed', 'housing,,', '330726001001', '-91', 'NaN'),
  );
  const fields = ['jurisdiction_id', 'service_code', 'service_request_id', 'status', 'start_date', 'end_date', 'lat', 'long', 'address_string', 'first_name', 'last_name', 'phone', 'description', 'attribute[region_code]', 'attribute[title]', 'attribute[x]', 'api_key', '__proto__'];
  const input = fc.record({
    segment: fc.oneof(fc.constantFrom('housing.json', 'x.xml', '.json', 'a.b.xml'), hostile.map((text) => `${encodeURIComponent(text).slice(0, 200)}.json`)),
    query: fc.dictionary(fc.constantFrom(...fields), hostile, { maxKeys: 4 }),
    form: fc.dictionary(fc.constantFrom(...fields), hostile, { maxKeys: 6 }),
    keyed: fc.boolean(),
    accept: fc.constantFrom(undefined, '*/*', 'text/xml', 'application/json', 'image/png'),
  });

  it.each(OPEN311_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: never a 5xx, and a refusal writes nothing', { timeout: 120_000 }, async (_, route) => {
    await fc.assert(
      fc.asyncProperty(input, async ({ segment, query, form, keyed, accept }) => {
        const path = route.path.replace(/\{\w+\}/, segment);
        const search = new URLSearchParams(query).toString();
        const before = await countEntries(system);
        const response = await system.api(`${path}${search ? `?${search}` : ''}`, {
          method: route.method,
          headers: { ...(accept && { accept }), ...(route.method === 'POST' && { 'content-type': 'application/x-www-form-urlencoded' }) },
          ...(route.method === 'POST' && { body: new URLSearchParams({ ...form, ...(keyed && { api_key: apiKey }) }).toString() }),
        });
        const text = await response.text();
        expect(response.status, `${route.method} ${path}: ${text.slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await countEntries(system)).toBe(before);
      }),
      { numRuns: 10, seed: 311 },
    );
  });
});

describe('the XML writer', () => {
  it('escapes markup and leaves out what XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('行\u0000一\u001F\uD800二\n')).toBe('行一二\n');
    const text = xmlDocument('errors', [{ code: 400, description: '</error><x>' }, { code: 400, description: null }], () => 'error');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(parser.parse(text).errors.error).toEqual([{ code: '400', description: '</error><x>' }, { code: '400', description: '' }]);
  });
});
