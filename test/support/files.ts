/**
 * Files for the attachment tests, made here byte by byte: a real JPEG (a
 * 1×1 grey baseline image any decoder shows) carrying EXIF with a GPS
 * position, XMP, IPTC and a comment, and PNG and PDF files of a given size.
 */

/** The GPS position the EXIF of {@link jpegWithMetadata} carries, as its ASCII latitude reference and degree numerators. */
export const GPS_MARK = { latitudeRef: 'N', degrees: 29, minutes: 27, seconds: 4123 };
/** Text the metadata segments carry, which must not survive stripping. */
export const METADATA_TEXTS = ['Exif\0\0', 'PetitionsCam', 'http://ns.adobe.com/xap/1.0/', 'Photoshop 3.0', '城南社区3幢'];

const ascii = (text: string) => [...Buffer.from(text, 'utf8')];
const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const segment = (marker: number, data: number[]) => [0xff, marker, ...u16(data.length + 2), ...data];

/** A big-endian TIFF (EXIF) with IFD0 (Make, the GPS IFD's offset) and a GPS IFD (latitude reference and latitude). */
function exif(): number[] {
  const make = ascii('PetitionsCam\0');
  // Offsets from the TIFF header: header 8, IFD0 at 8 with 2 entries (2 + 24 + 4 = 30), Make's text at 38, GPS IFD after it.
  const makeAt = 38;
  const gpsAt = makeAt + make.length;
  // GPS IFD: 2 entries (2 + 24 + 4 = 30), then the latitude's three rationals.
  const latitudeAt = gpsAt + 30;
  const entry = (tag: number, type: number, count: number, value: number[]) => [...u16(tag), ...u16(type), ...u32(count), ...value];
  const tiff = [
    ...ascii('MM'), ...u16(42), ...u32(8),
    ...u16(2),
    ...entry(0x010f, 2, make.length, u32(makeAt)), // Make
    ...entry(0x8825, 4, 1, u32(gpsAt)), // GPSInfo
    ...u32(0),
    ...make,
    ...u16(2),
    ...entry(0x0001, 2, 2, [...ascii(GPS_MARK.latitudeRef), 0, 0, 0]), // GPSLatitudeRef
    ...entry(0x0002, 5, 3, u32(latitudeAt)), // GPSLatitude
    ...u32(0),
    ...u32(GPS_MARK.degrees), ...u32(1), ...u32(GPS_MARK.minutes), ...u32(1), ...u32(GPS_MARK.seconds), ...u32(100),
  ];
  return [...ascii('Exif\0\0'), ...tiff];
}

/** The segments of the image itself: quantization and Huffman tables, the frame, the scan and its data. */
function image(): { header: number[]; scan: number[] } {
  const dqt = segment(0xdb, [0x00, ...Array<number>(64).fill(1)]);
  const sof0 = segment(0xc0, [8, ...u16(1), ...u16(1), 1, 1, 0x11, 0]);
  // One code each: DC category 0 and AC end-of-block, both the 1-bit code 0.
  const dcTable = segment(0xc4, [0x00, 1, ...Array<number>(15).fill(0), 0x00]);
  const acTable = segment(0xc4, [0x10, 1, ...Array<number>(15).fill(0), 0x00]);
  const sos = segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  // Bits 0 (DC 0), 0 (EOB), padded with ones.
  return { header: [...dqt, ...sof0, ...dcTable, ...acTable], scan: [...sos, 0x3f] };
}

const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const JFIF = segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, ...u16(1), ...u16(1), 0, 0]);

/** The JPEG as a camera might write it: JFIF, then EXIF with GPS, XMP, IPTC and a comment before the image, and a second image appended after its end. */
export function jpegWithMetadata(): Uint8Array {
  const { header, scan } = image();
  const xmp = segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description photoshop:City="城南社区3幢"/></x:xmpmeta>'));
  const iptc = segment(0xed, ascii('Photoshop 3.0\0 8BIM'));
  const comment = segment(0xfe, ascii('PetitionsCam'));
  const appended = [...SOI, ...segment(0xe1, exif()), ...header, ...scan, ...EOI];
  return Uint8Array.from([...SOI, ...JFIF, ...segment(0xe1, exif()), ...xmp, ...iptc, ...comment, ...header, ...scan, ...EOI, ...appended]);
}

/** The same image as {@link jpegWithMetadata}, with nothing but JFIF: what stripping must give. */
export function jpegWithoutMetadata(): Uint8Array {
  const { header, scan } = image();
  return Uint8Array.from([...SOI, ...JFIF, ...header, ...scan, ...EOI]);
}

/** Bytes of `size` beginning with `head`, the rest zero. */
function padded(head: number[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(head.slice(0, size));
  return bytes;
}

/** A file that begins as a PNG does, of `size` bytes. */
export const pngOfSize = (size: number) => padded([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size);
/** A file that begins as a PDF does, of `size` bytes. */
export const pdfOfSize = (size: number) => padded(ascii('%PDF-1.7\n'), size);
