import { isUtf8 } from "node:buffer";
import { InputError } from "../../inputs/clean";
import type { ContentBlockParam, DocumentBlockParam, ImageMediaType } from "./blocks";
import {
  base64Length,
  formatLimit,
  formatSize,
  MAX_IMAGE_ENCODED_BYTES,
  MAX_IMAGE_SIDE,
  MAX_REQUEST_BYTES,
  MAX_TITLE_LENGTH,
} from "./limits";
import {
  type Dimensions,
  describeSniffed,
  hasPdfHeader,
  imageDimensions,
  type SniffedType,
  sniffMediaType,
} from "./sniff";

/** A file from an earlier step, as `util.types.toBufferDataPayload` gives it. */
export interface FilePayload {
  data: Buffer;
  contentType?: string;
  fileName?: string;
}

export const FILES_LABEL = "Files";

const IMAGE_TYPES: readonly ImageMediaType[] = [
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
];
/** Sent as PlainTextSource, whose media type is always text/plain. */
const TEXT_TYPES: readonly string[] = ["text/plain", "text/markdown", "text/csv"];

export const ACCEPTED_MEDIA_TYPES: readonly string[] = [
  ...IMAGE_TYPES,
  "application/pdf",
  ...TEXT_TYPES,
];

const ACCEPTED = "accepted: JPEG, PNG, GIF or WebP images, PDF, or plain text.";
const MUST_MATCH = "the declared type must match the file's contents.";

/** Non-standard names seen in the wild for accepted types. */
const ALIASES: Readonly<Record<string, string>> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "text/x-markdown": "text/markdown",
};
/** Types that say nothing about the contents: the bytes decide. */
const UNDECLARED = new Set(["application/octet-stream", "binary/octet-stream"]);
/** An undeclared file with one of these names is taken as text when it is valid UTF-8. */
const TEXT_FILE_NAME = /\.(txt|text|md|markdown|csv)$/i;

/** "Image/PNG; charset=binary" → "image/png"; undefined when not given. */
export const normalizeContentType = (value: string | undefined): string | undefined => {
  const base = value?.split(";")[0].trim().toLowerCase();
  if (!base) return undefined;
  return ALIASES[base] ?? base;
};

const isImageType = (type: string): type is ImageMediaType =>
  (IMAGE_TYPES as readonly string[]).includes(type);

/**
 * The text, with any byte-order mark dropped, or undefined when the bytes are not UTF-8.
 * Buffer's own check, not a fatal TextDecoder: building one at load costs every step's cold start.
 */
const decodeUtf8 = (data: Buffer): string | undefined => {
  if (!isUtf8(data)) return undefined;
  const text = data.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};

type Kind = { kind: "image"; mediaType: ImageMediaType } | { kind: "pdf" } | { kind: "text" };

const kindOf = (type: SniffedType): Kind =>
  type === "application/pdf" ? { kind: "pdf" } : { kind: "image", mediaType: type };

const refuse = (problem: string): never => {
  throw new InputError(FILES_LABEL, problem);
};

const mismatch = (name: string, declared: string, contents: string): never =>
  refuse(`${name} is declared ${declared} but its contents are ${contents}; ${MUST_MATCH}`);

/** Decides what the file is from its declared type, checked against its bytes. */
const resolveKind = (file: FilePayload, name: string): Kind => {
  const declared = normalizeContentType(file.contentType);
  const sniffed = sniffMediaType(file.data);

  if (declared === undefined || UNDECLARED.has(declared)) {
    if (sniffed) return kindOf(sniffed);
    const textName = file.fileName !== undefined && TEXT_FILE_NAME.test(file.fileName);
    if (textName && decodeUtf8(file.data) !== undefined) return { kind: "text" };
    return refuse(
      `${name} is ${declared ?? "of no declared type"} and its contents are not a recognised ` +
        `image or PDF; ${ACCEPTED}`,
    );
  }

  if (isImageType(declared)) {
    if (sniffed === declared) return { kind: "image", mediaType: declared };
    return mismatch(
      name,
      declared,
      sniffed ? describeSniffed(sniffed) : `not ${describeSniffed(declared)}`,
    );
  }

  if (declared === "application/pdf") {
    if (sniffed && sniffed !== declared) return mismatch(name, declared, describeSniffed(sniffed));
    if (!hasPdfHeader(file.data)) return mismatch(name, declared, "not a PDF");
    return { kind: "pdf" };
  }

  if (TEXT_TYPES.includes(declared)) {
    if (sniffed) return mismatch(name, declared, describeSniffed(sniffed));
    if (decodeUtf8(file.data) === undefined) {
      return refuse(`${name} is declared ${declared} but is not valid UTF-8; text must be UTF-8.`);
    }
    return { kind: "text" };
  }

  return refuse(`${name} is ${declared}; ${ACCEPTED}`);
};

/** RequestDocumentBlock.title allows 1 to 500 characters (code points). */
const titleOf = (fileName: string | undefined): string | undefined => {
  const title = fileName?.trim();
  return title ? [...title].slice(0, MAX_TITLE_LENGTH).join("") : undefined;
};

export interface FileAttachment {
  block: ContentBlockParam;
  /** What the attachment adds to the request body. */
  encodedBytes: number;
  /** Set for images, for the checks over the whole request. */
  image?: { name: string; dimensions?: Dimensions };
}

/** How messages name a file: its name, else its place in the list ("#2"). */
export const fileNameFor = (file: FilePayload, index: number): string =>
  file.fileName?.trim() || `#${index + 1}`;

/** One file → one image or document block; refuses what the API would refuse. */
export const fileToAttachment = (
  file: FilePayload,
  index: number,
  citations: boolean,
): FileAttachment => {
  const name = fileNameFor(file, index);
  if (!Buffer.isBuffer(file.data)) {
    return refuse(`${name} is not a file; pass a file from an earlier step or plain text.`);
  }
  if (file.data.length === 0) return refuse(`${name} is empty; attach a file with content.`);

  const kind = resolveKind(file, name);
  const encodedBytes = base64Length(file.data.length);
  const document: Pick<DocumentBlockParam, "title" | "citations"> = {};
  const title = titleOf(file.fileName);
  if (title !== undefined) document.title = title;
  if (citations) document.citations = { enabled: true };

  switch (kind.kind) {
    case "image": {
      if (encodedBytes > MAX_IMAGE_ENCODED_BYTES) {
        refuse(
          `${name} is ${formatSize(encodedBytes, MAX_IMAGE_ENCODED_BYTES)} once base64-encoded; ` +
            `images may be at most ${formatLimit(encodedBytes, MAX_IMAGE_ENCODED_BYTES)} encoded, ` +
            "about 3.75 MB as a file.",
        );
      }
      const dimensions = imageDimensions(kind.mediaType, file.data);
      if (dimensions && Math.max(dimensions.width, dimensions.height) > MAX_IMAGE_SIDE) {
        refuse(
          `${name} is ${dimensions.width}x${dimensions.height} px; images may be at most ` +
            `${MAX_IMAGE_SIDE} px on each side.`,
        );
      }
      return {
        block: {
          type: "image",
          source: {
            type: "base64",
            media_type: kind.mediaType,
            data: file.data.toString("base64"),
          },
        },
        encodedBytes,
        image: { name, dimensions },
      };
    }
    case "pdf": {
      if (encodedBytes > MAX_REQUEST_BYTES) {
        refuse(
          `${name} is ${formatSize(encodedBytes, MAX_REQUEST_BYTES)} once base64-encoded; a PDF ` +
            `may be at most ${formatLimit(encodedBytes, MAX_REQUEST_BYTES)} encoded, the limit ` +
            "for a whole request.",
        );
      }
      return {
        block: {
          type: "document",
          source: {
            type: "base64",
            media_type: "application/pdf",
            data: file.data.toString("base64"),
          },
          ...document,
        },
        encodedBytes,
      };
    }
    case "text": {
      const text = decodeUtf8(file.data) ?? "";
      if (text === "") return refuse(`${name} is empty; attach a file with content.`);
      return {
        block: {
          type: "document",
          source: { type: "text", media_type: "text/plain", data: text },
          ...document,
        },
        encodedBytes: Buffer.byteLength(text),
      };
    }
  }
};
