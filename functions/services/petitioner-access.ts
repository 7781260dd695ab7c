import { accessCodeMatches } from '../domain/access-code.ts';
import type { Case, HistoryEntry } from '../domain/case.ts';
import { Problem } from '../domain/problem.ts';
import type { ApiRequest } from '../shared/http.ts';
import { getCaseWithHistory } from '../store/cases.ts';
import { findVisible } from './find-visible.ts';

/**
 * The case a petitioner may see: the one whose access code they send as
 * X-Access-Code. A wrong code answers exactly as an unknown case does.
 */
export async function caseOfPetitioner(request: ApiRequest): Promise<{ case: Case; history: HistoryEntry[] }> {
  const code = request.headers['x-access-code'];
  if (!code) {
    throw new Problem('unauthorized', 'Access code required', 'Send the access code given at submission as the X-Access-Code header.');
  }
  const id = request.params.id ?? '';
  return findVisible(id, getCaseWithHistory, (found) => accessCodeMatches(code, found.case.accessCodeHash), `There is no case ${id} for this access code.`);
}
