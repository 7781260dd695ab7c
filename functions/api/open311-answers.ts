/**
 * How the Open311 routes answer (GeoReport v2): in the format the path's
 * suffix names (`.json` or `.xml`), and every refusal in the spec's error
 * format, `[{ "code", "description" }]` (`<errors><error>` in XML), with its
 * 4xx status. A fault of the service stays the API's own 500 or 503 problem
 * document (lib/openapi.ts).
 */
import { Problem, PROBLEM_STATUS } from '../domain/problem.ts';
import { httpHandler, type ApiAnswer, type ApiRequest } from '../shared/http.ts';
import { xmlDocument, type XmlValue } from './xml.ts';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

const CONTENT_TYPE: Readonly<Record<Format, string>> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };
/** The media ranges of an Accept header that take each format. */
const ACCEPTED: Readonly<Record<Format, readonly string[]>> = {
  json: ['*/*', 'application/*', 'application/json'],
  xml: ['*/*', 'text/*', 'application/*', 'text/xml', 'application/xml'],
};
/** What each list of the spec holds, by the list's name: `services` holds `service` elements. */
const ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
};
const itemName = (list: string) => ITEMS[list] ?? 'item';

/** The format a path's last segment names by its suffix; `undefined` for none or another. */
export function formatOf(path: string): Format | undefined {
  const suffix = /\.(\w+)$/.exec(path)?.[1];
  return FORMATS.find((format) => format === suffix);
}

/** A path segment without its format suffix: `housing.json` is the service code `housing`. */
export const withoutFormat = (segment: string) => segment.replace(/\.(?:json|xml)$/, '');

/** An answer in the format asked for; `root` names the XML document's element (JSON has none). */
export function open311Answer(format: Format, root: string, value: XmlValue, status = 200): ApiAnswer {
  if (format === 'json') return { status, headers: { 'content-type': CONTENT_TYPE.json }, body: value };
  return { status, headers: { 'content-type': CONTENT_TYPE.xml }, text: xmlDocument(root, value, itemName) };
}

function errorsAnswer(format: Format, status: number, descriptions: string[]): ApiAnswer {
  return open311Answer(format, 'errors', descriptions.map((description) => ({ code: status, description })), status);
}

/** A refusal as the spec's errors: one per field at fault (`field: why`), else the refusal's detail. */
function refusalOf(format: Format, problem: Problem): ApiAnswer {
  const descriptions = problem.errors.length > 0 ? problem.errors.map((error) => `${error.path}: ${error.message}`) : [problem.detail];
  return errorsAnswer(format, PROBLEM_STATUS[problem.kind], descriptions);
}

/** Whether an Accept header takes the format: no header, or a range naming it or covering it. */
function accepts(accept: string | undefined, format: Format): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  const ranges = accept.split(',').map((range) => range.split(';')[0]!.trim().toLowerCase());
  return ranges.some((range) => ACCEPTED[format].includes(range));
}

/**
 * A handler of Open311 routes: the format from the path (400 in XML, the
 * spec's required format, when the path names none it serves; 406 when the
 * Accept header refuses the one it names), and each Problem it throws
 * answered in the spec's error format.
 */
export function open311Handler(handle: (request: ApiRequest, format: Format) => Promise<ApiAnswer>) {
  return httpHandler(async (request) => {
    const format = formatOf(request.path);
    if (!format) return errorsAnswer('xml', 400, ['End the path with .json or .xml: the format of the answer.']);
    if (!accepts(request.headers.accept, format)) {
      return errorsAnswer(format, 406, [`The path asks for ${format.toUpperCase()} (${CONTENT_TYPE[format].split(';')[0]}) and the Accept header refuses it.`]);
    }
    try {
      return await handle(request, format);
    } catch (error) {
      if (error instanceof Problem) return refusalOf(format, error);
      throw error;
    }
  });
}
