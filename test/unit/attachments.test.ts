import { describe, expect, it } from 'vitest';
import {
  attachmentDeclarationSchema,
  checkUpload,
  declareAttachment,
  keptBytes,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_CASE,
  petitionerSees,
  requireRoomFor,
  typeOfBytes,
  withoutJpegMetadata,
  type Attachment,
} from '../../functions/domain/attachments.ts';
import { Problem } from '../../functions/domain/problem.ts';
import { GPS_MARK, jpegWithMetadata, jpegWithoutMetadata, METADATA_TEXTS, pdfOfSize, pngOfSize } from '../support/files.ts';

const NOW = '2026-12-02T08:00:00.000Z';
const declared = (contentType: Attachment['contentType'], size: number) =>
  declareAttachment({ fileName: 'a', contentType, size }, { id: 'f1', caseId: 'c1', by: 'petitioner', unit: null, now: NOW });

/** The markers of a JPEG's segments, in order, as a reader walks them. */
function markersOf(jpeg: Uint8Array): number[] {
  const markers = [jpeg[1]!];
  let at = 2;
  while (at < jpeg.length) {
    const marker = jpeg[at + 1]!;
    markers.push(marker);
    if (marker === 0xd9) break;
    at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
    if (marker === 0xda) while (!(jpeg[at] === 0xff && jpeg[at + 1] !== 0 && (jpeg[at + 1]! < 0xd0 || jpeg[at + 1]! > 0xd7))) at++;
  }
  return markers;
}

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('a file by its own first bytes', () => {
  it('knows JPEG, PNG and PDF', () => {
    expect(typeOfBytes(jpegWithMetadata())).toBe('image/jpeg');
    expect(typeOfBytes(pngOfSize(100))).toBe('image/png');
    expect(typeOfBytes(pdfOfSize(100))).toBe('application/pdf');
  });

  it('knows nothing else, nor a file too short to tell', () => {
    expect(typeOfBytes(Buffer.from('GIF89a....'))).toBeUndefined();
    expect(typeOfBytes(Buffer.from('<html><script>'))).toBeUndefined();
    expect(typeOfBytes(new Uint8Array())).toBeUndefined();
    expect(typeOfBytes(pngOfSize(4))).toBeUndefined();
  });
});

describe('an upload against its declaration', () => {
  it('passes when size and type are as declared', () => {
    expect(() => checkUpload(declared('image/png', 100), { size: 100, head: pngOfSize(100) })).not.toThrow();
  });

  it('refuses a PNG declared as a PDF, naming the content type', () => {
    const problem = refusal(() => checkUpload(declared('application/pdf', 100), { size: 100, head: pngOfSize(100) }));
    expect(problem.kind).toBe('invalid');
    expect(problem.errors).toEqual([{ path: 'contentType', message: 'differs from the upload' }]);
    expect(problem.detail).toContain('image/png');
  });

  it('refuses another size than declared, naming the size', () => {
    const problem = refusal(() => checkUpload(declared('image/png', 100), { size: 0, head: new Uint8Array() }));
    expect(problem.errors[0]!.path).toBe('size');
  });

  it('declares only the three types, 1 byte to 10 MB', () => {
    const valid = { fileName: '漏水.jpg', contentType: 'image/jpeg', size: MAX_ATTACHMENT_BYTES };
    expect(attachmentDeclarationSchema.safeParse(valid).success).toBe(true);
    for (const wrong of [{ size: 0 }, { size: MAX_ATTACHMENT_BYTES + 1 }, { size: 11_000_000 }, { contentType: 'image/gif' }, { contentType: 'text/html' }, { fileName: '../etc/passwd' }, { fileName: '' }, { fileName: 'a\u202Egpj.exe' }]) {
      expect(attachmentDeclarationSchema.safeParse({ ...valid, ...wrong }).success, JSON.stringify(wrong)).toBe(false);
    }
  });
});

describe('who adds and who sees', () => {
  it('a petitioner cannot mark a file public; staff can', () => {
    const input = { fileName: 'a.pdf', contentType: 'application/pdf' as const, size: 9, public: true };
    expect(refusal(() => declareAttachment(input, { id: 'f', caseId: 'c', by: 'petitioner', unit: null, now: NOW })).errors[0]!.path).toBe('public');
    expect(declareAttachment(input, { id: 'f', caseId: 'c', by: 'staff', unit: '330726', now: NOW }).public).toBe(true);
  });

  it("the petitioner sees their own files and staff's public ones, not staff's others", () => {
    const base = declared('image/png', 9);
    expect(petitionerSees(base)).toBe(true);
    expect(petitionerSees({ ...base, by: 'staff', public: false })).toBe(false);
    expect(petitionerSees({ ...base, by: 'staff', public: true })).toBe(true);
  });

  it(`a case holds ${MAX_ATTACHMENTS_PER_CASE} files`, () => {
    expect(() => requireRoomFor(MAX_ATTACHMENTS_PER_CASE - 1)).not.toThrow();
    expect(refusal(() => requireRoomFor(MAX_ATTACHMENTS_PER_CASE)).kind).toBe('conflict');
  });
});

describe("a JPEG's metadata", () => {
  it('is removed: EXIF with its GPS position, XMP, IPTC, the comment and the appended image', () => {
    const photo = jpegWithMetadata();
    for (const text of METADATA_TEXTS) expect(contains(photo, text), text).toBe(true);
    const stripped = withoutJpegMetadata(photo);
    for (const text of METADATA_TEXTS) expect(contains(stripped, text), text).toBe(false);
    // The GPS latitude's seconds, as the EXIF holds them (a 32-bit numerator), are gone too.
    expect(Buffer.from(stripped).includes(Buffer.from([0, 0, GPS_MARK.seconds >> 8, GPS_MARK.seconds & 0xff, 0, 0, 0, 100]))).toBe(false);
    expect(Buffer.from(photo).includes(Buffer.from([0, 0, GPS_MARK.seconds >> 8, GPS_MARK.seconds & 0xff, 0, 0, 0, 100]))).toBe(true);
  });

  it('leaves the image itself byte for byte: JFIF, tables, frame, scan, end', () => {
    const stripped = withoutJpegMetadata(jpegWithMetadata());
    expect(Buffer.from(stripped).equals(Buffer.from(jpegWithoutMetadata()))).toBe(true);
    expect(markersOf(stripped)).toEqual([0xd8, 0xe0, 0xdb, 0xc0, 0xc4, 0xc4, 0xda, 0xd9]);
  });

  it('changes nothing more the second time, nor in a JPEG without metadata', () => {
    const once = withoutJpegMetadata(jpegWithMetadata());
    expect(Buffer.from(withoutJpegMetadata(once)).equals(Buffer.from(once))).toBe(true);
  });

  it('keeps scan data with stuffed bytes and restart markers, and the scans of a progressive image', () => {
    const scan = (data: number[]) => [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, ...data];
    const data = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0xd1, 0x78];
    const table = [0xff, 0xc4, 0, 3, 0x00];
    const exif = [0xff, 0xe1, 0, 8, ...Buffer.from('Exif\0\0')];
    const jpeg = Uint8Array.from([0xff, 0xd8, ...exif, ...scan(data), ...table, ...scan([0x9a]), ...exif, 0xff, 0xd9]);
    const expected = Uint8Array.from([0xff, 0xd8, ...scan(data), ...table, ...scan([0x9a]), 0xff, 0xd9]);
    expect([...withoutJpegMetadata(jpeg)]).toEqual([...expected]);
  });

  it('keeps the colour segments an image needs: ICC profile (APP2) and Adobe (APP14); drops other APP2', () => {
    const app = (marker: number, text: string) => [0xff, marker, ...[0, text.length + 2], ...Buffer.from(text)];
    const jpeg = Uint8Array.from([0xff, 0xd8, ...app(0xe2, 'ICC_PROFILE\0\x01\x01'), ...app(0xe2, 'MPF\0'), ...app(0xee, 'Adobe\0d'), 0xff, 0xd9]);
    expect(Buffer.from(withoutJpegMetadata(jpeg)).toString('latin1')).toBe(Buffer.from([0xff, 0xd8, ...app(0xe2, 'ICC_PROFILE\0\x01\x01'), ...app(0xee, 'Adobe\0d'), 0xff, 0xd9]).toString('latin1'));
  });

  it('refuses (400) what is not a well-formed JPEG: truncated, a length past the end, no end', () => {
    const photo = jpegWithMetadata();
    for (const broken of [photo.subarray(0, 3), photo.subarray(0, 30), Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0]), Uint8Array.from([0xff, 0xd8, 0x00]), jpegWithoutMetadata().subarray(0, jpegWithoutMetadata().length - 2)]) {
      expect(refusal(() => withoutJpegMetadata(broken)).kind).toBe('invalid');
    }
  });

  it('is removed from JPEGs only: PNG and PDF are kept as uploaded', () => {
    const png = pngOfSize(64);
    expect(keptBytes('image/png', png)).toBe(png);
    expect(keptBytes('image/jpeg', jpegWithMetadata()).length).toBe(jpegWithoutMetadata().length);
  });
});
