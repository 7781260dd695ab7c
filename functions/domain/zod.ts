/**
 * zod for every schema: the small, tree-shakable build (about 20 KB in a
 * bundle, against 450 KB for the full one), with its English messages.
 * Import it as a namespace (`import * as z`) so that bundles keep only what is used.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
