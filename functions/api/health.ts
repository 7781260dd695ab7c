import { httpHandler } from '../shared/http.ts';

/** GET /v1/health */
export const handler = httpHandler(async () => ({ status: 200, body: { status: 'ok' } }));
