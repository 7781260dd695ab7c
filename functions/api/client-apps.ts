/**
 * POST /v1/client-apps: an admin registers a client app (a city's 311 app)
 * and gets its API key, shown this once; only the key's hash is kept
 * (domain/client-apps.ts). The key lets the app submit through Open311.
 */
import { randomUUID } from 'node:crypto';
import { clientAppSchema, hashApiKey, newApiKey } from '../domain/client-apps.ts';
import { requireRole } from '../domain/staff.ts';
import { now } from '../shared/clock.ts';
import { httpHandler, requireStaff } from '../shared/http.ts';
import { logger } from '../shared/logger.ts';
import { saveClientApp } from '../store/client-apps.ts';

export const handler = httpHandler(async (request) => {
  const staff = requireStaff(request);
  // The key vouches for its users' phones: only an admin may hand one out.
  requireRole(staff, 'register client apps', 'admin');
  const { name } = request.body(clientAppSchema);
  const apiKey = newApiKey();
  const app = { id: randomUUID(), name, registeredAt: now(), registeredBy: staff.sub };
  await saveClientApp(app, hashApiKey(apiKey));
  logger.info('client app registered', { clientAppId: app.id });
  return { status: 201, body: { id: app.id, name: app.name, apiKey } };
});
