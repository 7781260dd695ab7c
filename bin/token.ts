/**
 * `npm run token -- --unit 330726 --role clerk [--role handler] [--sub name] [--expires-in 12h]`
 *
 * Prints a staff token the local runtime accepts (the last line of output),
 * signed with the local key in DATA_DIR (.local/ in the checkout by default).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../functions/domain/staff.ts';
import { isUnitId } from '../functions/domain/units.ts';
import { localSigningKey, signStaffToken } from '../lib/local/identity.ts';

const usage = 'usage: npm run token -- --unit <unit id, e.g. 330726 or 330726:housing> --role <role> [--role <role>] [--sub <name>] [--expires-in 12h]';

function fail(message: string): never {
  console.error(`${message}\n${usage}\nroles: ${ROLES.join(', ')}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      unit: { type: 'string' },
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      'expires-in': { type: 'string', default: '12h' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
const { unit, role: roles = [], sub, 'expires-in': expiresIn } = values;
if (!unit || !isUnitId(unit)) fail(`--unit must be a unit id, got ${JSON.stringify(unit)}`);
const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
if (roles.length === 0 || unknown.length > 0) fail(unknown.length > 0 ? `unknown role: ${unknown.join(', ')}` : 'name at least one --role');

const dataDir = resolve(process.env.DATA_DIR || resolve(import.meta.dirname, '..', '.local'));
const key = await localSigningKey(dataDir);
const token = await signStaffToken(key, { sub: sub ?? `${roles[0]}@${unit}`, unit, roles: roles as Role[] }, { expiresIn });
console.error(`A token for ${roles.join(' ')} of ${unit}, valid ${expiresIn}, for the local runtime using ${dataDir}:`);
console.log(token);
