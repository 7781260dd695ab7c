import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { Problem } from '../domain/problem.ts';
import { ROLES, type Role, type Staff } from '../domain/staff.ts';
import { isUnitId } from '../domain/units.ts';
import { ENV, needsSetting, requireEnv } from './env.ts';

const unauthorized = (detail: string) => new Problem('unauthorized', 'Not signed in', detail);

/**
 * Roles as a token carries them: an array, a space- or comma-separated string
 * (Cognito's custom attribute), or "[clerk handler]" (API Gateway's rendering
 * of an array claim). Unknown roles are ignored.
 */
function rolesOf(claim: unknown): Role[] {
  const names = Array.isArray(claim) ? claim.map(String) : String(claim ?? '').replace(/^\[|\]$/g, '').split(/[\s,]+/);
  return names.filter((name): name is Role => (ROLES as readonly string[]).includes(name));
}

/** The staff member a verified token's claims name; 401 if they do not name one. */
export function staffOf(claims: JWTPayload | Record<string, unknown>): Staff {
  const { sub, unit } = claims;
  const roles = rolesOf(claims.roles);
  if (typeof sub !== 'string' || sub === '' || typeof unit !== 'string' || !isUnitId(unit) || roles.length === 0) {
    throw unauthorized('The token does not name a unit and a role of this system.');
  }
  return { sub, unit, roles };
}

let keys: { source: string; get: JWTVerifyGetKey } | undefined;

function issuerKeys(): JWTVerifyGetKey {
  const jwks = process.env[ENV.jwtJwks];
  const source = jwks || requireEnv(ENV.jwtJwksUrl);
  if (keys?.source !== source) {
    // The remote set is fetched once and cached (and refetched for an unknown key id).
    keys = { source, get: jwks ? createLocalJWKSet(JSON.parse(jwks)) : createRemoteJWKSet(new URL(source)) };
  }
  return keys.get;
}

/**
 * Declares the settings {@link verifyToken} reads, so that a function that
 * checks tokens itself fails its start without them rather than answering 401
 * to every staff member.
 */
export function needsTokenSettings(): void {
  needsSetting(ENV.jwtIssuer);
  needsSetting(ENV.jwtAudience);
  needsSetting(ENV.jwtJwks, ENV.jwtJwksUrl);
}

/**
 * Checks a token as API Gateway's JWT authorizer does (signature, issuer,
 * audience, expiry) and answers its claims; 401 for any fault. A token
 * without an expiry is refused: it would be good for ever (jose checks `exp`
 * only when it is there).
 */
export async function verifyToken(token: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, issuerKeys(), {
      issuer: requireEnv(ENV.jwtIssuer),
      audience: requireEnv(ENV.jwtAudience),
      algorithms: ['RS256', 'ES256'],
      requiredClaims: ['exp'],
    });
    return payload;
  } catch {
    throw unauthorized('The token is not valid: expired, malformed, or not issued for this system.');
  }
}

/** Verifies a staff token and answers who it names; 401 for any fault. */
export async function verifyStaffToken(token: string): Promise<Staff> {
  return staffOf(await verifyToken(token));
}

/** The bearer token of an Authorization header, if it has one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
