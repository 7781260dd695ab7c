/**
 * Staff tokens on this machine: the local runtime plays Cognito with one
 * signing key, kept in DATA_DIR so that tokens outlive a restart.
 * `npm run token` signs with the same key.
 */
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { TokenCheck } from '../wiring.ts';
import { keptFile } from './kept-file.ts';

export const LOCAL_ISSUER = 'petitions-local';
export const LOCAL_AUDIENCE = 'petitions';
const ALGORITHM = 'ES256';
const KEY_FILE = 'staff-token-key.json';

export interface LocalSigningKey {
  privateJwk: JWK;
  /** The public half, as the JWKS the handlers check tokens with. */
  jwks: string;
}

function withPublicHalf(privateJwk: JWK): LocalSigningKey {
  const { d: _private, ...publicJwk } = privateJwk;
  return { privateJwk, jwks: JSON.stringify({ keys: [{ ...publicJwk, alg: ALGORITHM, use: 'sig' }] }) };
}

async function newKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `local-${Date.now().toString(36)}`, alg: ALGORITHM };
}

/**
 * The local signing key: read from `dataDir`, or made and kept there on first
 * use (made in memory without a `dataDir`, for tests).
 */
export async function localSigningKey(dataDir?: string): Promise<LocalSigningKey> {
  if (dataDir === undefined) return withPublicHalf(await newKey());
  return withPublicHalf(JSON.parse(await keptFile(dataDir, KEY_FILE, async () => JSON.stringify(await newKey()))) as JWK);
}

export function localTokenCheck(key: LocalSigningKey): TokenCheck {
  return { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: key.jwks };
}

export interface StaffClaims {
  sub: string;
  unit: string;
  roles: string[];
}

/** A staff token as the local runtime accepts it (as Cognito's ID token carries them: roles space-separated). */
export async function signStaffToken(
  key: LocalSigningKey,
  claims: StaffClaims,
  options: { expiresIn?: string | number; issuer?: string } = {},
): Promise<string> {
  return new SignJWT({ unit: claims.unit, roles: claims.roles.join(' '), token_use: 'id' })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.privateJwk.kid ?? 'local' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(await importJWK(key.privateJwk, ALGORITHM));
}
