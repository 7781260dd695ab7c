import { attachmentListing, petitionerSees } from '../domain/attachments.ts';
import { progressOf } from '../domain/views.ts';
import { httpHandler } from '../shared/http.ts';
import { caseOfPetitioner } from '../services/petitioner-access.ts';
import { listAttachments } from '../store/attachments.ts';

/** GET /v1/cases/{id}/progress: the petitioner follows their own case with its access code, and sees the files they may. */
export const handler = httpHandler(async (request) => {
  const found = await caseOfPetitioner(request);
  const attachments = (await listAttachments(found.case.id)).filter(petitionerSees).map(attachmentListing);
  return { status: 200, body: { ...progressOf(found.case, found.history), attachments } };
});
