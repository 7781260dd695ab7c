/** Writes the API document's TypeScript types to client/api-types.ts (lib/api-types.ts). */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { API_TYPES_FILE, apiTypes } from '../lib/api-types.ts';

const file = resolve(import.meta.dirname, '..', API_TYPES_FILE);
await writeFile(file, await apiTypes());
console.log(`wrote ${file}`);
