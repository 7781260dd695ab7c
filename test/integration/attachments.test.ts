/**
 * Attachments through the local gateway, on DynamoDB Local and the S3 of
 * fauxqs: declare, PUT to the presigned URL, complete, list and download.
 */
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_CASE } from '../../functions/domain/attachments.ts';
import { countEntries, postJson, submission, useStaffTokens, useTestSystem } from '../support/emulators.ts';
import { jpegWithMetadata, jpegWithoutMetadata, METADATA_TEXTS, pdfOfSize, pngOfSize } from '../support/files.ts';

const system = useTestSystem();
const tokens = useStaffTokens(system, {
  clerk: ['330726', 'clerk'],
  leader: ['330726', 'leader'],
  yiwuClerk: ['330782', 'clerk'],
});

let phoneSeq = 13_500_000_000;

/** A new online case in a Pujiang village, routed to the county office. */
async function routedCase() {
  const created = await system.api('/v1/cases', postJson(submission({ petitioner: { name: '冯十一', phone: String(++phoneSeq) } })));
  const { id, accessCode } = (await created.json()) as { id: string; accessCode: string };
  await system.consume('routing', await system.receive('routing', 10, 5));
  return { id, accessCode };
}

type Who = { code: string } | { token: string };
const headersOf = (who: Who): Record<string, string> => ('code' in who ? { 'x-access-code': who.code } : { authorization: `Bearer ${who.token}` });
const call = (method: string, path: string, who: Who, body?: unknown) => system.call(method, path, { body, headers: headersOf(who) });

const declare = (caseId: string, who: Who, file: { fileName?: string; contentType: string; size: number; public?: boolean }) =>
  call('POST', `/v1/cases/${caseId}/attachments`, who, { fileName: '证据', ...file });

/** PUTs bytes to an upload URL with the headers the declaration answered. */
async function upload(declared: { uploadUrl: string; uploadHeaders: Record<string, string> }, bytes: Uint8Array): Promise<number> {
  return (await fetch(declared.uploadUrl, { method: 'PUT', headers: declared.uploadHeaders, body: bytes })).status;
}

const complete = (caseId: string, attachmentId: string, who: Who) => call('POST', `/v1/cases/${caseId}/attachments/${attachmentId}/complete`, who);

/** Declares, uploads and completes a file; answers the completion. */
async function attach(caseId: string, who: Who, contentType: string, bytes: Uint8Array, extra: { public?: boolean } = {}) {
  const declared = await declare(caseId, who, { contentType, size: bytes.length, ...extra });
  expect(declared.status).toBe(201);
  expect(await upload(declared.body, bytes)).toBe(200);
  return complete(caseId, declared.body.id, who);
}

/** The keys the bucket holds under a case's prefix. */
async function keysOf(caseId: string): Promise<string[]> {
  const keys: string[] = [];
  for (const prefix of ['uploads/', 'files/']) {
    const { Contents = [] } = await system.s3.send(new ListObjectsV2Command({ Bucket: system.bucketName, Prefix: `${prefix}${caseId}/` }));
    keys.push(...Contents.map((object) => object.Key!));
  }
  return keys.sort();
}

async function uploadExists(caseId: string, attachmentId: string): Promise<boolean> {
  try {
    await system.s3.send(new GetObjectCommand({ Bucket: system.bucketName, Key: `uploads/${caseId}/${attachmentId}` }));
    return true;
  } catch (error) {
    if (error instanceof NoSuchKey) return false;
    throw error;
  }
}

describe('a photo, from declaration to download', () => {
  it('is uploaded by a presigned URL, completed without its EXIF and GPS, listed and downloaded by a short-lived URL', async () => {
    const { id, accessCode } = await routedCase();
    const petitioner = { code: accessCode };
    const photo = jpegWithMetadata();
    const declared = await declare(id, petitioner, { fileName: '楼顶漏水.jpg', contentType: 'image/jpeg', size: photo.length });
    expect(declared.status).toBe(201);
    expect(declared.headers.get('location')).toBe(`/v1/cases/${id}/attachments/${declared.body.id}`);
    expect(declared.body.uploadHeaders).toEqual({ 'content-type': 'image/jpeg' });
    expect(new URL(declared.body.uploadUrl).searchParams.get('X-Amz-Expires')).toBe('900');
    expect(Date.parse(declared.body.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    // Before completion nobody can download it: it is not listed.
    expect((await call('GET', `/v1/cases/${id}/attachments`, petitioner)).body.items).toEqual([]);

    expect(await upload(declared.body, photo)).toBe(200);
    const completed = await complete(id, declared.body.id, petitioner);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ id: declared.body.id, fileName: '楼顶漏水.jpg', contentType: 'image/jpeg', size: jpegWithoutMetadata().length, by: 'petitioner', public: false });

    const listed = await call('GET', `/v1/cases/${id}/attachments`, petitioner);
    expect(listed.body.items).toHaveLength(1);
    const url = new URL(listed.body.items[0].downloadUrl);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    // A download under its own name, never shown inline.
    expect(url.searchParams.get('response-content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('楼顶漏水.jpg')}`);
    const downloaded = await fetch(url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/jpeg');
    const bytes = new Uint8Array(await downloaded.arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(jpegWithoutMetadata()))).toBe(true);
    for (const text of METADATA_TEXTS) expect(Buffer.from(bytes).includes(Buffer.from(text)), text).toBe(false);
    // The bytes as uploaded are gone: only the stripped file is kept.
    expect(await keysOf(id)).toEqual([`files/${id}/${declared.body.id}`]);
  });

  it('is completed once: again is 409', async () => {
    const { id, accessCode } = await routedCase();
    const first = await attach(id, { code: accessCode }, 'application/pdf', pdfOfSize(300));
    expect(first.status).toBe(200);
    expect((await complete(id, first.body.id, { code: accessCode })).status).toBe(409);
  });
});

describe('bad uploads: a clear 4xx, and nothing changes', () => {
  it('a PNG declared as a PDF is 400 and deleted; the case has no file', async () => {
    const { id, accessCode } = await routedCase();
    const petitioner = { code: accessCode };
    const png = pngOfSize(2048);
    const declared = await declare(id, petitioner, { contentType: 'application/pdf', size: png.length });
    expect(await upload(declared.body, png)).toBe(200);
    const entries = await countEntries(system);
    const refused = await complete(id, declared.body.id, petitioner);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'contentType', message: 'differs from the upload' }]);
    expect(await countEntries(system)).toBe(entries);
    expect(await uploadExists(id, declared.body.id)).toBe(false);
    expect((await call('GET', `/v1/cases/${id}/attachments`, petitioner)).body.items).toEqual([]);
    // The declaration stands: the right file may be uploaded and completed.
    expect(await upload(declared.body, pdfOfSize(png.length))).toBe(200);
    expect((await complete(id, declared.body.id, petitioner)).status).toBe(200);
  });

  it('a 0-byte or 11 MB declaration is 400 and records nothing', async () => {
    const { id, accessCode } = await routedCase();
    const entries = await countEntries(system);
    for (const size of [0, 11_000_000]) {
      const refused = await declare(id, { code: accessCode }, { contentType: 'image/png', size });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe('size');
    }
    expect(await countEntries(system)).toBe(entries);
  });

  it('an upload of another size than declared (0 bytes, 11 MB) is 400 and deleted', async () => {
    const { id, accessCode } = await routedCase();
    const petitioner = { code: accessCode };
    for (const [declaredSize, bytes] of [[100, new Uint8Array()], [MAX_ATTACHMENT_BYTES, pngOfSize(11 * 1000 * 1000)]] as const) {
      const declared = await declare(id, petitioner, { contentType: 'image/png', size: declaredSize });
      // S3 itself refuses a body of another length than the one signed; the emulator does not, so the completion must.
      expect(await upload(declared.body, bytes)).toBe(200);
      const entries = await countEntries(system);
      const refused = await complete(id, declared.body.id, petitioner);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe('size');
      expect(await countEntries(system)).toBe(entries);
      expect(await uploadExists(id, declared.body.id)).toBe(false);
    }
    expect(await keysOf(id)).toEqual([]);
  });

  it('completing an upload that never happened is 409; an unknown attachment 404; changing nothing', async () => {
    const { id, accessCode } = await routedCase();
    const petitioner = { code: accessCode };
    const declared = await declare(id, petitioner, { contentType: 'image/png', size: 100 });
    const entries = await countEntries(system);
    const early = await complete(id, declared.body.id, petitioner);
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('Nothing has been uploaded');
    expect((await complete(id, 'no-such-attachment', petitioner)).status).toBe(404);
    expect(await countEntries(system)).toBe(entries);
  });
});

describe('who sees which files', () => {
  it('staff in scope see every file; the petitioner their own and the public ones; others nothing', async () => {
    const { id, accessCode } = await routedCase();
    const petitioner = { code: accessCode };
    const clerk = { token: tokens.clerk! };
    expect((await attach(id, petitioner, 'image/png', pngOfSize(64))).status).toBe(200);
    const internal = await attach(id, clerk, 'application/pdf', pdfOfSize(64));
    expect(internal.body).toMatchObject({ by: 'staff', public: false });
    const shown = await attach(id, clerk, 'application/pdf', pdfOfSize(65), { public: true });
    expect(shown.body).toMatchObject({ by: 'staff', public: true });

    const byStaff = await call('GET', `/v1/cases/${id}/attachments`, clerk);
    expect(byStaff.body.items.map((item: { size: number }) => item.size).sort()).toEqual([64, 64, 65]);
    const byPetitioner = await call('GET', `/v1/cases/${id}/attachments`, petitioner);
    expect(byPetitioner.body.items.map((item: { id: string }) => item.id).sort()).not.toContain(internal.body.id);
    expect(byPetitioner.body.items).toHaveLength(2);
    // The progress view lists the same files, without URLs.
    const progress = await call('GET', `/v1/cases/${id}/progress`, petitioner);
    expect(progress.body.attachments.map((item: { id: string }) => item.id).sort()).toEqual(byPetitioner.body.items.map((item: { id: string }) => item.id).sort());
    expect(progress.body.attachments[0].downloadUrl).toBeUndefined();

    // Out of scope, a wrong code: as an unknown case. No code and no token: 401.
    expect((await call('GET', `/v1/cases/${id}/attachments`, { token: tokens.yiwuClerk! })).status).toBe(404);
    expect((await call('GET', `/v1/cases/${id}/attachments`, { code: 'WRONG-CODE' })).status).toBe(404);
    expect((await system.call('GET', `/v1/cases/${id}/attachments`)).status).toBe(401);
    // Each completes only what its side declared; a leader reads but adds nothing; a petitioner cannot mark public.
    const staffDeclared = await declare(id, clerk, { contentType: 'image/png', size: 64 });
    expect((await complete(id, staffDeclared.body.id, petitioner)).status).toBe(404);
    expect((await declare(id, { token: tokens.leader! }, { contentType: 'image/png', size: 64 })).status).toBe(403);
    expect((await declare(id, petitioner, { contentType: 'image/png', size: 64, public: true })).status).toBe(400);
  });
});

describe(`at most ${MAX_ATTACHMENTS_PER_CASE} files a case`, () => {
  it('holds under concurrent completions: exactly 20 pass, the others 409 and leave no file', async () => {
    const { id, accessCode } = await routedCase();
    const petitioner = { code: accessCode };
    const png = pngOfSize(32);
    const declared = [];
    for (let i = 0; i < MAX_ATTACHMENTS_PER_CASE + 3; i++) {
      const answer = await declare(id, petitioner, { contentType: 'image/png', size: png.length });
      expect(await upload(answer.body, png)).toBe(200);
      declared.push(answer.body.id as string);
    }
    const statuses = (await Promise.all(declared.map((attachmentId) => complete(id, attachmentId, petitioner)))).map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(MAX_ATTACHMENTS_PER_CASE);
    expect(statuses.filter((status) => status !== 200).every((status) => status === 409)).toBe(true);
    expect((await call('GET', `/v1/cases/${id}/attachments`, petitioner)).body.items).toHaveLength(MAX_ATTACHMENTS_PER_CASE);
    expect((await keysOf(id)).filter((key) => key.startsWith('files/'))).toHaveLength(MAX_ATTACHMENTS_PER_CASE);
    expect((await declare(id, petitioner, { contentType: 'image/png', size: png.length })).status).toBe(409);
  });
});
