/**
 * The TypeScript types of the API document, by openapi-typescript: what
 * client/api-types.ts holds (written by `npm run api-types`, checked current
 * by test/e2e/api-client.test.ts).
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { apiDocument } from './openapi.ts';

/** Where the generated types are kept, relative to the project root. */
export const API_TYPES_FILE = 'client/api-types.ts';

export async function apiTypes(): Promise<string> {
  // openapi-typescript types its input loosely as its own OpenAPI3 type; the document is one.
  // A field with a default may be left out of a request: keep it optional.
  const ast = await openapiTS(apiDocument() as unknown as Parameters<typeof openapiTS>[0], { defaultNonNullable: false });
  return `/* Generated from the API document by \`npm run api-types\` (lib/api-types.ts): do not edit. */\n${astToString(ast)}`;
}
