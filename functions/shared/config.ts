/**
 * The settings a function reads from its environment, parsed once, when this
 * module loads: on Lambda a bad setting fails the function's init, with a
 * message naming it, never a request. The rules are in env.ts.
 */
import { parseConfig, type Config } from './env.ts';

/** This process's settings (see {@link Config}). */
export const config: Config = parseConfig(process.env);
