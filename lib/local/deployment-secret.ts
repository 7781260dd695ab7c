/**
 * The deployment secret on this machine: the local runtime plays Secrets
 * Manager with a random secret kept in DATA_DIR, so that cursors and matter
 * fingerprints outlive a restart.
 */
import { randomBytes } from 'node:crypto';
import { keptFile } from './kept-file.ts';

const SECRET_FILE = 'deployment-secret';

const newSecret = () => randomBytes(48).toString('base64url');

/** The local deployment secret: kept in `dataDir`, or made in memory without one (tests). */
export async function localDeploymentSecret(dataDir?: string): Promise<string> {
  return dataDir === undefined ? newSecret() : keptFile(dataDir, SECRET_FILE, newSecret);
}
