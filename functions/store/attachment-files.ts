/**
 * The attachments' bytes, in the bucket. An upload lands under `uploads/`,
 * where the bucket's lifecycle rule removes what is never completed; only a
 * file that passed its check (and lost its JPEG metadata) is written under
 * `files/`, and download URLs are only ever made for `files/`: nobody can be
 * sent the bytes as uploaded.
 */
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DOWNLOAD_URL_SECONDS, MAX_ATTACHMENT_BYTES, UPLOAD_URL_SECONDS, type Attachment } from '../domain/attachments.ts';
import { ENV, needsSetting, requireEnv } from '../shared/env.ts';

// Endpoint and region come from the environment (AWS_ENDPOINT_URL_S3 locally, whose emulator wants bucket names in the path).
// Checksums only when an operation requires one: a presigned PUT must not carry the checksum of an empty body.
const s3 = new S3Client({
  forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

// Loaded only by the function that reaches the bucket.
needsSetting(ENV.bucketName);
const bucket = () => requireEnv(ENV.bucketName);
const uploadKey = (attachment: Attachment) => `uploads/${attachment.caseId}/${attachment.id}`;
const fileKey = (attachment: Attachment) => `files/${attachment.caseId}/${attachment.id}`;

/**
 * A URL to PUT the declared file to, and the headers the PUT must carry: the
 * declared type and length are signed, so S3 itself refuses another.
 */
export async function uploadUrl(attachment: Attachment): Promise<{ url: string; headers: Record<string, string> }> {
  const command = new PutObjectCommand({ Bucket: bucket(), Key: uploadKey(attachment), ContentType: attachment.contentType, ContentLength: attachment.size });
  const url = await getSignedUrl(s3, command, { expiresIn: UPLOAD_URL_SECONDS, signableHeaders: new Set(['content-type', 'content-length']) });
  return { url, headers: { 'content-type': attachment.contentType } };
}

/**
 * The bytes uploaded for an attachment: `undefined` if nothing was uploaded,
 * only the size of a file too large to be read.
 */
export async function readUpload(attachment: Attachment): Promise<{ size: number; bytes: Uint8Array | undefined } | undefined> {
  try {
    const { ContentLength = 0, Body } = await s3.send(new GetObjectCommand({ Bucket: bucket(), Key: uploadKey(attachment) }));
    if (ContentLength > MAX_ATTACHMENT_BYTES) {
      (Body as { destroy?: () => void } | undefined)?.destroy?.();
      return { size: ContentLength, bytes: undefined };
    }
    return { size: ContentLength, bytes: (await Body?.transformToByteArray()) ?? new Uint8Array() };
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
}

export async function deleteUpload(attachment: Attachment): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: bucket(), Key: uploadKey(attachment) }));
}

/** Keeps the checked bytes of an attachment where downloads are made from. */
export async function keepFile(attachment: Attachment, bytes: Uint8Array): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket(), Key: fileKey(attachment), Body: bytes, ContentType: attachment.contentType }));
}

export async function deleteFile(attachment: Attachment): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: bucket(), Key: fileKey(attachment) }));
}

/** A file name as an RFC 8187 `filename*` value: UTF-8, percent-encoded, including the few characters encodeURIComponent leaves. */
const headerFileName = (name: string) => `UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** A URL to download a kept file by, as a download under its own name (never shown inline by the browser). */
export async function downloadUrl(attachment: Attachment): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: bucket(),
    Key: fileKey(attachment),
    ResponseContentType: attachment.contentType,
    ResponseContentDisposition: `attachment; filename*=${headerFileName(attachment.fileName)}`,
  });
  return getSignedUrl(s3, command, { expiresIn: DOWNLOAD_URL_SECONDS });
}
