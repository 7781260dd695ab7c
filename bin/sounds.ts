/** Writes the table of how characters sound to functions/domain/sounds.ts (lib/sounds.ts). */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SOUNDS_FILE, soundsModule } from '../lib/sounds.ts';

const file = resolve(import.meta.dirname, '..', SOUNDS_FILE);
await writeFile(file, soundsModule());
console.log(`wrote ${file}`);
