/**
 * The modules of functions/domain generated from development packages, so
 * that the functions bundle only the data they read: `npm run generate`
 * writes them, and a unit test holds each to what its package gives now.
 */
import { SOUNDS_FILE, soundsModule } from './sounds.ts';
import { STOPWORDS_FILE, stopwordsModule } from './stopwords.ts';

export interface GeneratedModule {
  /** Its path from the project's root. */
  file: string;
  /** Its text, made anew. */
  text: () => string;
}

export const GENERATED_MODULES: readonly GeneratedModule[] = [
  { file: SOUNDS_FILE, text: soundsModule },
  { file: STOPWORDS_FILE, text: stopwordsModule },
];
