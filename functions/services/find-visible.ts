import { notFound } from '../domain/problem.ts';

/** No id the system gives out is longer: a longer one names nothing and is not looked up. */
const MAX_ID_LENGTH = 100;

/**
 * What `id` names, if the caller may see it. What they may not see answers
 * 404 exactly as what does not exist, with `detail`.
 */
export async function findVisible<Found>(id: string, read: (id: string) => Promise<Found | undefined>, visible: (found: Found) => boolean, detail: string): Promise<Found> {
  const found = id.length <= MAX_ID_LENGTH ? await read(id) : undefined;
  if (!found || !visible(found)) throw notFound(detail);
  return found;
}
