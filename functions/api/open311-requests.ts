/**
 * POST /open311/v2/requests.json and .xml: a client app submits a service
 * request for its user with its API key (a form, as the spec sends it). It
 * becomes a case through intake (services/intake.ts) like any online
 * submission, with the same rules, routing and clocks.
 */
import { hashApiKey, looksLikeApiKey } from '../domain/client-apps.ts';
import { submissionSchema } from '../domain/intake.ts';
import { FORM_FIELD_OF, requestForm, submissionOf } from '../domain/open311.ts';
import { invalid, Problem } from '../domain/problem.ts';
import { isRegionWithin } from '../domain/units.ts';
import { MAX_BODY_BYTES, parseWith, type ApiRequest } from '../shared/http.ts';
import { takeIn } from '../services/intake.ts';
import { jurisdictionOf } from '../services/open311.ts';
import { clientAppByKeyHash } from '../store/client-apps.ts';
import { open311Answer, open311Handler } from './open311-answers.ts';

const ATTRIBUTE = /^attribute\[(\w+)\]$/;

/** The form's fields, `attribute[code]` gathered into `attribute`; 413 or 415 for a body that is no form. */
function formOf(request: ApiRequest): Record<string, unknown> {
  if (Buffer.byteLength(request.rawBody) > MAX_BODY_BYTES) throw new Problem('too_large', 'Request too large', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new Problem('unsupported_media_type', 'Unsupported media type', 'Send the request as a form (application/x-www-form-urlencoded), as GeoReport v2 does; the suffix names the answer\'s format.');
  }
  const fields: Record<string, unknown> = {};
  const attribute: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(request.rawBody)) {
    // A form's empty field is one not filled in.
    if (value === '') continue;
    const code = ATTRIBUTE.exec(name)?.[1];
    if (code !== undefined) attribute[code] = value;
    else fields[name] = value;
  }
  return { ...fields, attribute };
}

/** The app whose key the request carries (in the form, or else the query string); 403 without a key of a registered app. */
async function requireClientApp(form: Record<string, unknown>, request: ApiRequest) {
  const key = form.api_key ?? request.query.api_key;
  const app = typeof key === 'string' && looksLikeApiKey(key) ? await clientAppByKeyHash(hashApiKey(key)) : undefined;
  if (!app) throw new Problem('forbidden', 'Not allowed', 'api_key was not provided or is not valid: an administrator issues one (POST /v1/client-apps).');
  return app;
}

/** Intake's refusal in the spec's words: a field of the submission named as the form's. */
function inFormTerms(error: unknown): unknown {
  if (!(error instanceof Problem)) return error;
  return new Problem(error.kind, error.title, error.detail, error.errors.map((field) => ({ ...field, path: FORM_FIELD_OF[field.path] ?? field.path })));
}

export const handler = open311Handler(async (request, format) => {
  const sent = formOf(request);
  const app = await requireClientApp(sent, request);
  const form = parseWith(requestForm, sent, 'form');
  const jurisdiction = await jurisdictionOf(form.jurisdiction_id);
  try {
    const submission = parseWith(submissionSchema, submissionOf(form), 'request');
    if (!isRegionWithin(submission.regionCode, jurisdiction.code)) {
      throw invalid('The region is outside the jurisdiction.', [{ path: 'regionCode', message: `${submission.regionCode} is not within ${jurisdiction.code}` }]);
    }
    // The app vouches for its user's phone (an admin registered it): proven, as staff are.
    const answer = await takeIn(submission, { actor: `client-app:${app.id}`, proven: true });
    const body = answer.body as { id: string; accessCode?: string };
    const request311 =
      answer.status === 201
        ? { service_request_id: body.id, service_notice: '已登记，将在法定期限内告知是否受理。', account_id: null, access_code: body.accessCode }
        : { service_request_id: body.id, service_notice: '同一事项已在办理中，本次反映已并入该件。', account_id: null };
    return open311Answer(format, 'service_requests', [request311], answer.status);
  } catch (error) {
    throw inFormTerms(error);
  }
});
