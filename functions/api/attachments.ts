/**
 * Attachments of a case, for the petitioner (X-Access-Code) and for staff in
 * scope: declare a file (an upload URL is answered), complete it once its
 * bytes are uploaded (they are checked, a JPEG loses its metadata), and list
 * the files one may see, each with a short-lived download URL.
 */
import { randomUUID } from 'node:crypto';
import {
  attachmentDeclarationSchema,
  caseFull,
  checkUpload,
  declareAttachment,
  keptBytes,
  petitionerSees,
  requireRoomFor,
  SIGNATURE_BYTES,
  UPLOAD_URL_SECONDS,
  type Attachment,
  type Uploader,
} from '../domain/attachments.ts';
import { isOpen, type Case } from '../domain/case.ts';
import { canSee } from '../domain/lifecycle.ts';
import { conflict, invalid } from '../domain/problem.ts';
import { requireRole, type Staff } from '../domain/staff.ts';
import { addMs } from '../domain/policy.ts';
import { now } from '../shared/clock.ts';
import { httpHandler, optionalStaffCheck, type ApiAnswer, type ApiRequest } from '../shared/http.ts';
import { logger } from '../shared/logger.ts';
import { findVisible } from '../services/find-visible.ts';
import { caseOfPetitioner } from '../services/petitioner-access.ts';
import { deleteFile, deleteUpload, downloadUrl, keepFile, readUpload, uploadUrl } from '../store/attachment-files.ts';
import { countAttachments, getAttachment, listAttachments, saveAvailableAttachment, saveDeclaredAttachment } from '../store/attachments.ts';
import { getCase } from '../store/cases.ts';

/** Who is asking about which case: a staff member in scope, or the petitioner by the case's access code. */
interface Caller {
  subject: Case;
  by: Uploader;
  staff: Staff | undefined;
}

const optionalStaff = optionalStaffCheck();

async function callerOf(request: ApiRequest): Promise<Caller> {
  const staff = await optionalStaff(request);
  if (!staff) return { subject: (await caseOfPetitioner(request)).case, by: 'petitioner', staff };
  const id = request.params.id ?? '';
  const subject = await findVisible(id, getCase, (found) => canSee(staff, found), `There is no case ${id} in your unit's scope.`);
  return { subject, by: 'staff', staff };
}

/** Whether the caller sees an attachment: staff in scope see all; the petitioner, their own and those staff marked public. */
const sees = (caller: Caller, attachment: Attachment) => caller.by === 'staff' || petitionerSees(attachment);

function attachmentView(attachment: Attachment, url: string) {
  const { id, fileName, contentType, size, by, public: shown, at } = attachment;
  return { id, fileName, contentType, size, by, public: shown, at, downloadUrl: url };
}

async function declare(request: ApiRequest): Promise<ApiAnswer> {
  const caller = await callerOf(request);
  if (caller.staff) requireRole(caller.staff, 'add files to a case', 'clerk', 'handler', 'supervisor');
  const input = request.body(attachmentDeclarationSchema);
  if (!isOpen(caller.subject.status)) throw conflict(`The case is ${caller.subject.status}: no files can be added to it now.`);
  requireRoomFor(await countAttachments(caller.subject.id));
  const at = now();
  const attachment = declareAttachment(input, { id: randomUUID(), caseId: caller.subject.id, by: caller.by, unit: caller.staff?.unit ?? null, now: at });
  await saveDeclaredAttachment(attachment);
  const upload = await uploadUrl(attachment);
  return {
    status: 201,
    headers: { location: `/v1/cases/${attachment.caseId}/attachments/${attachment.id}` },
    body: { id: attachment.id, uploadUrl: upload.url, uploadHeaders: upload.headers, expiresAt: addMs(at, UPLOAD_URL_SECONDS * 1000) },
  };
}

async function complete(request: ApiRequest): Promise<ApiAnswer> {
  const caller = await callerOf(request);
  const attachmentId = request.params.attachmentId ?? '';
  // Each side completes what it declared.
  const declared = await findVisible(
    attachmentId,
    (id) => getAttachment(caller.subject.id, id),
    (found) => found.by === caller.by,
    `There is no attachment ${attachmentId} of this case for you to complete.`,
  );
  if (declared.status !== 'pending') throw conflict('This attachment is complete already.');
  requireRoomFor(await countAttachments(declared.caseId));
  const upload = await readUpload(declared);
  if (!upload) throw conflict('Nothing has been uploaded for this attachment: PUT the file to its upload URL first.');
  let bytes: Uint8Array;
  try {
    if (!upload.bytes) throw invalid(`The file uploaded has ${upload.size} bytes, more than a file may have.`, [{ path: 'size', message: 'differs from the upload' }]);
    checkUpload(declared, { size: upload.size, head: upload.bytes.subarray(0, SIGNATURE_BYTES) });
    bytes = keptBytes(declared.contentType, upload.bytes);
  } catch (error) {
    // A refused file is not kept: the declaration stays, to be uploaded again until it expires.
    await deleteUpload(declared);
    throw error;
  }
  const available: Attachment = { ...declared, size: bytes.length, status: 'available', at: now() };
  await keepFile(available, bytes);
  const saved = await saveAvailableAttachment(available);
  if (saved === 'full') {
    await deleteFile(available);
    throw caseFull();
  }
  if (saved === 'stale') throw conflict('This attachment was completed meanwhile.');
  await deleteUpload(declared);
  logger.info('attachment available', { contentType: available.contentType, size: available.size, by: available.by });
  return { status: 200, body: attachmentView(available, await downloadUrl(available)) };
}

async function list(request: ApiRequest): Promise<ApiAnswer> {
  const caller = await callerOf(request);
  const visible = (await listAttachments(caller.subject.id)).filter((attachment) => sees(caller, attachment));
  return { status: 200, body: { items: await Promise.all(visible.map(async (attachment) => attachmentView(attachment, await downloadUrl(attachment)))) } };
}

const ROUTES: Record<string, (request: ApiRequest) => Promise<ApiAnswer>> = {
  'POST /v1/cases/{id}/attachments': declare,
  'POST /v1/cases/{id}/attachments/{attachmentId}/complete': complete,
  'GET /v1/cases/{id}/attachments': list,
};

export const handler = httpHandler(async (request) => {
  const route = ROUTES[request.route];
  if (!route) throw new Error(`attachments has no route ${request.route}`);
  return route(request);
});
