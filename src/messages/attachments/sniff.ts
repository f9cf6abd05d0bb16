import type { ImageMediaType } from "./blocks";

/** What a file's first bytes say it is. */
export type SniffedType = ImageMediaType | "application/pdf";

export interface Dimensions {
  width: number;
  height: number;
}

const startsWith = (data: Buffer, bytes: readonly number[], at = 0): boolean =>
  data.length >= at + bytes.length && bytes.every((byte, i) => data[at + i] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87A = ascii("GIF87a");
const GIF89A = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const PDF = ascii("%PDF-");

/** Recognises the formats the API takes by their magic bytes; undefined for anything else. */
export const sniffMediaType = (data: Buffer): SniffedType | undefined => {
  if (startsWith(data, PNG)) return "image/png";
  if (startsWith(data, JPEG)) return "image/jpeg";
  if (startsWith(data, GIF87A) || startsWith(data, GIF89A)) return "image/gif";
  if (startsWith(data, RIFF) && startsWith(data, WEBP, 8)) return "image/webp";
  if (startsWith(data, PDF)) return "application/pdf";
  return undefined;
};

/** PDF readers accept the header anywhere in the first 1024 bytes. */
export const hasPdfHeader = (data: Buffer): boolean =>
  data.subarray(0, 1024).indexOf(Buffer.from(PDF)) !== -1;

/** Names for messages: "image/png" → "a PNG image". */
export const describeSniffed = (type: SniffedType): string =>
  ({
    "image/png": "a PNG image",
    "image/jpeg": "a JPEG image",
    "image/gif": "a GIF image",
    "image/webp": "a WebP image",
    "application/pdf": "a PDF",
  })[type];

const pngDimensions = (data: Buffer): Dimensions | undefined => {
  // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4)
  if (data.length < 24 || data.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
};

const gifDimensions = (data: Buffer): Dimensions | undefined =>
  data.length < 10 ? undefined : { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };

/** Start-of-frame markers carry the size: C0 to CF except DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

const jpegDimensions = (data: Buffer): Dimensions | undefined => {
  let offset = 2;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) return undefined;
    let marker = data[offset + 1];
    // any number of 0xFF fill bytes may precede a marker
    while (marker === 0xff && offset + 2 < data.length) {
      offset += 1;
      marker = data[offset + 1];
    }
    const standalone = marker === 0x01 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7);
    if (standalone) {
      offset += 2;
      continue;
    }
    // end of image or start of scan before any frame header: no size to read
    if (marker === 0xd9 || marker === 0xda || offset + 4 > data.length) return undefined;
    const length = data.readUInt16BE(offset + 2);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > data.length) return undefined;
      return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
};

const webpDimensions = (data: Buffer): Dimensions | undefined => {
  const chunk = data.toString("latin1", 12, 16);
  if (chunk === "VP8X" && data.length >= 30) {
    // canvas width - 1 and height - 1, 24 bits little-endian each
    return { width: data.readUIntLE(24, 3) + 1, height: data.readUIntLE(27, 3) + 1 };
  }
  if (chunk === "VP8L" && data.length >= 25 && data[20] === 0x2f) {
    // 14 bits width - 1, then 14 bits height - 1
    const bits = data.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8 " && data.length >= 30 && startsWith(data, [0x9d, 0x01, 0x2a], 23)) {
    return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
  }
  return undefined;
};

/** The pixel size from the file's header, or undefined when it cannot be read simply. */
export const imageDimensions = (type: ImageMediaType, data: Buffer): Dimensions | undefined => {
  switch (type) {
    case "image/png":
      return pngDimensions(data);
    case "image/gif":
      return gifDimensions(data);
    case "image/jpeg":
      return jpegDimensions(data);
    case "image/webp":
      return webpDimensions(data);
  }
};
