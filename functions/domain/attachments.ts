/**
 * Attachments: the photos and documents a petitioner or staff member adds to
 * a case as evidence. The rules (types, sizes, how many, who sees which), the
 * check of a file's own first bytes against what was declared, and the
 * removal of a JPEG's metadata. Plain functions: where the bytes are kept is
 * the store's business (functions/store/attachment-files.ts).
 */
import { text } from './fields.ts';
import { conflict, invalid } from './problem.ts';
import * as z from './zod.ts';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** At most 10 MB a file. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** At most 20 files a case. */
export const MAX_ATTACHMENTS_PER_CASE = 20;
/** How long an upload URL may be used: long enough for a slow phone line, short enough to be worth little to anyone who copies it. */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** How long a download URL may be used (docs/API.md). */
export const DOWNLOAD_URL_SECONDS = 5 * 60;
/** A declared upload that is never completed is forgotten after a day, as the bucket forgets its bytes. */
export const PENDING_UPLOAD_SECONDS = 24 * 3600;

// A file's name as the person named it, without a folder: it is shown and offered back as the download's name.
const fileName = text(200).check(z.refine((name) => !/[\\/]/.test(name), 'must be a file name without a folder (no / or \\)'));

export const attachmentDeclarationSchema = z.strictObject({
  fileName,
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ATTACHMENT_BYTES)),
  /** Staff only: whether the petitioner may see a file staff add. */
  public: z.optional(z.boolean()),
});
export type AttachmentDeclaration = z.infer<typeof attachmentDeclarationSchema>;

export type Uploader = 'petitioner' | 'staff';

export interface Attachment {
  id: string;
  caseId: string;
  fileName: string;
  contentType: AttachmentType;
  /** Declared at first; once available, the size of the file as kept (without a JPEG's metadata). */
  size: number;
  by: Uploader;
  /** The staff member's unit, for a file staff added. */
  unit: string | null;
  public: boolean;
  status: 'pending' | 'available';
  declaredAt: string;
  /** When it became available. */
  at: string | null;
}

/** A new, pending attachment of a case as declared. A petitioner cannot mark a file public: their own files are theirs already. */
export function declareAttachment(
  input: AttachmentDeclaration,
  { id, caseId, by, unit, now }: { id: string; caseId: string; by: Uploader; unit: string | null; now: string },
): Attachment {
  if (by === 'petitioner' && input.public !== undefined) {
    throw invalid('Only staff mark files public.', [{ path: 'public', message: 'only staff may set it' }]);
  }
  return {
    id,
    caseId,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    by,
    unit,
    public: by === 'staff' && input.public === true,
    status: 'pending',
    declaredAt: now,
    at: null,
  };
}

/** The refusal (409) of a file for a case that has its 20 already. */
export const caseFull = () => conflict(`A case holds at most ${MAX_ATTACHMENTS_PER_CASE} files, and this one has them.`);

/** Refuses a new file for a case that has its 20 already (409). */
export function requireRoomFor(count: number): void {
  if (count >= MAX_ATTACHMENTS_PER_CASE) throw caseFull();
}

/** A file as the petitioner's progress view lists it: what it is, without a download URL (the attachments' list gives those). */
export function attachmentListing({ id, fileName, contentType, size, by, at }: Attachment) {
  return { id, fileName, contentType, size, by, at };
}

/** Whether the petitioner sees a file: their own, and those staff marked public. */
export function petitionerSees(attachment: Attachment): boolean {
  return attachment.by === 'petitioner' || attachment.public;
}

const SIGNATURES: ReadonlyArray<[AttachmentType, number[]]> = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
];

/** How many first bytes {@link typeOfBytes} needs. */
export const SIGNATURE_BYTES = 8;

/** The type a file's own first bytes (its magic number) say it is, if one of ours. */
export function typeOfBytes(bytes: Uint8Array): AttachmentType | undefined {
  return SIGNATURES.find(([, signature]) => signature.every((byte, i) => bytes[i] === byte))?.[0];
}

/**
 * Refuses (400) a stored file that is not what was declared: another size,
 * too large, or whose first bytes say another type.
 */
export function checkUpload(declared: Attachment, stored: { size: number; head: Uint8Array }): void {
  if (stored.size !== declared.size) {
    throw invalid(`The file uploaded has ${stored.size} bytes, not the ${declared.size} declared.`, [{ path: 'size', message: 'differs from the upload' }]);
  }
  const actual = typeOfBytes(stored.head);
  if (actual !== declared.contentType) {
    throw invalid(`The file uploaded is ${actual ?? 'of no type accepted'}, not the ${declared.contentType} declared.`, [{ path: 'contentType', message: 'differs from the upload' }]);
  }
}

// JPEG markers (ITU T.81, B.1.1.3): segments that carry no length, and what matters to reading the image.
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;
const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

const startsWith = (bytes: Uint8Array, from: number, ascii: string) => [...ascii].every((c, i) => bytes[from + i] === c.charCodeAt(0));

/**
 * Whether an APPn or comment segment is kept: JFIF (APP0) and Adobe's (APP14,
 * which says how CMYK and YCCK colours are stored) and the ICC colour profile
 * (APP2) are needed to show the image as taken. Everything else goes: EXIF
 * (APP1: camera, time, GPS position, thumbnail), XMP, IPTC and Photoshop's
 * (APP13), other makers' segments and comments.
 */
function keepsSegment(marker: number, bytes: Uint8Array, data: number): boolean {
  if (marker === COM) return false;
  if (marker < APP0 || marker > APP15) return true;
  if (marker === APP0) return startsWith(bytes, data, 'JFIF\0') || startsWith(bytes, data, 'JFXX\0');
  if (marker === APP2) return startsWith(bytes, data, 'ICC_PROFILE\0');
  if (marker === APP14) return startsWith(bytes, data, 'Adobe');
  return false;
}

const malformed = () => invalid('The file is not a well-formed JPEG image.', [{ path: 'contentType', message: 'the upload is not a well-formed JPEG' }]);

/**
 * The JPEG without its metadata: the segments {@link keepsSegment} refuses
 * are left out, the image data is copied as it is, and whatever follows the
 * image's end (a second image some cameras append, with its own EXIF) is
 * dropped. A file that is not a well-formed JPEG is refused (400).
 */
export function withoutJpegMetadata(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) throw malformed();
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (bytes[at] !== 0xff) throw malformed();
    // Any number of 0xFF may pad before a marker.
    while (bytes[at + 1] === 0xff) at++;
    const marker = bytes[at + 1];
    if (marker === undefined) throw malformed();
    if (marker === EOI) {
      kept.push(bytes.subarray(at, at + 2));
      return Buffer.concat(kept);
    }
    if (at + 4 > bytes.length) throw malformed();
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw malformed();
    if (keepsSegment(marker, bytes, at + 4)) kept.push(bytes.subarray(at, end));
    at = end;
    if (marker === SOS) {
      // The entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      const from = at;
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0 && !isRestart(bytes[at + 1]!) && bytes[at + 1] !== 0xff)) at++;
      if (at + 1 >= bytes.length) throw malformed();
      kept.push(bytes.subarray(from, at));
    }
  }
}

/** The bytes to keep of a file that passed {@link checkUpload}: a JPEG without its metadata, anything else as it is. */
export function keptBytes(contentType: AttachmentType, bytes: Uint8Array): Uint8Array {
  return contentType === 'image/jpeg' ? withoutJpegMetadata(bytes) : bytes;
}
