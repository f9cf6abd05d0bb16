import { util } from "@prismatic-io/spectral";
import { InputError, isUnset } from "../inputs/clean";
import type { ContentBlockParam } from "./attachments/blocks";
import { FILES_LABEL, type FilePayload, fileToAttachment } from "./attachments/files";
import {
  formatLimit,
  formatSize,
  MANY_IMAGES,
  MAX_IMAGE_SIDE_WHEN_MANY,
  MAX_IMAGES,
  MAX_REQUEST_BYTES,
} from "./attachments/limits";
import { fileIdToBlock, IDS_LABEL, URLS_LABEL, urlToBlock } from "./attachments/references";
import type { Dimensions } from "./attachments/sniff";

/**
 * A chat step's attachments → Messages API image and document blocks. Everything the API would
 * refuse (type, size, pixel size, count, URL scheme, file id shape) is refused here, as an
 * InputError naming the input, before any request is sent.
 */

export type {
  Base64ImageSource,
  Base64PdfSource,
  CitationsConfig,
  ContentBlockParam,
  DocumentBlockParam,
  FileSource,
  ImageBlockParam,
  ImageMediaType,
  PlainTextSource,
  UrlSource,
} from "./attachments/blocks";
export { ACCEPTED_MEDIA_TYPES, type FilePayload } from "./attachments/files";

export interface AttachmentValues {
  /** Files from earlier steps (already passed through util.types.toBufferDataPayload). */
  files?: FilePayload[];
  /** Public https URLs of images or PDFs. */
  fileUrls?: string[];
  /** Files API ids: "file_abc" (a document) or "image:file_abc" (an image). */
  fileIds?: string[];
  /** Enable citations on document blocks. */
  citations?: boolean;
}

export interface AttachmentBlocks {
  blocks: ContentBlockParam[];
}

interface ImageEntry {
  label: string;
  /** Known for files whose header could be read. */
  file?: { name: string; dimensions?: Dimensions };
}

/** Entries of a list input that are set, trimmed. */
const present = (list: readonly unknown[] | undefined): string[] =>
  (list ?? []).filter((item) => !isUnset(item)).map((item) => String(item).trim());

/** Blocks in input order: files, then URLs, then file ids. */
export function toAttachmentBlocks(values: AttachmentValues): AttachmentBlocks {
  const citations = values.citations === true;
  const blocks: ContentBlockParam[] = [];
  const images: ImageEntry[] = [];
  let encodedBytes = 0;

  (values.files ?? []).forEach((file, index) => {
    const attachment = fileToAttachment(file, index, citations);
    blocks.push(attachment.block);
    encodedBytes += attachment.encodedBytes;
    if (attachment.image) images.push({ label: FILES_LABEL, file: attachment.image });
  });

  for (const url of present(values.fileUrls)) {
    const block = urlToBlock(url, citations);
    blocks.push(block);
    if (block.type === "image") images.push({ label: URLS_LABEL });
  }

  const fileIds = present(values.fileIds);
  for (const fileId of fileIds) {
    const block = fileIdToBlock(fileId, citations);
    blocks.push(block);
    if (block.type === "image") images.push({ label: IDS_LABEL });
  }

  checkWholeRequest(images, encodedBytes);
  return { blocks };
}

const checkWholeRequest = (images: readonly ImageEntry[], encodedBytes: number): void => {
  if (images.length > MAX_IMAGES) {
    throw new InputError(
      images[MAX_IMAGES].label,
      `${images.length} images in all across Files, File URLs and File IDs; a request may ` +
        `carry at most ${MAX_IMAGES} images.`,
    );
  }
  if (images.length > MANY_IMAGES) {
    for (const { file } of images) {
      const dimensions = file?.dimensions;
      if (dimensions && Math.max(dimensions.width, dimensions.height) > MAX_IMAGE_SIDE_WHEN_MANY) {
        throw new InputError(
          FILES_LABEL,
          `${file.name} is ${dimensions.width}x${dimensions.height} px; with more than ` +
            `${MANY_IMAGES} images in a request, each may be at most ` +
            `${MAX_IMAGE_SIDE_WHEN_MANY} px on each side.`,
        );
      }
    }
  }
  if (encodedBytes > MAX_REQUEST_BYTES) {
    throw new InputError(
      FILES_LABEL,
      `the files come to ${formatSize(encodedBytes, MAX_REQUEST_BYTES)} once base64-encoded; ` +
        `a request may carry at most ${formatLimit(encodedBytes, MAX_REQUEST_BYTES)}.`,
    );
  }
};

/** `{ type: "Buffer", data: [..] }`: a Buffer that went through JSON between steps. */
const isSerializedBuffer = (value: unknown): value is { type: "Buffer"; data: number[] } =>
  typeof value === "object" &&
  value !== null &&
  (value as { type?: unknown }).type === "Buffer" &&
  Array.isArray((value as { data?: unknown }).data);

const stringField = (value: object, key: string): string | undefined => {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" && field.trim() !== "" ? field : undefined;
};

/** One item of the Files input → a FilePayload, keeping a `fileName` when the step gave one. */
const toFilePayload = (item: unknown, index: number): FilePayload => {
  let value = item;
  if (isSerializedBuffer(value)) value = Buffer.from(value.data);
  const fileName =
    typeof value === "object" && value !== null && !Buffer.isBuffer(value)
      ? (stringField(value, "fileName") ?? stringField(value, "filename"))
      : undefined;

  if (typeof value === "object" && value !== null && "data" in value) {
    const contentType = stringField(value, "contentType");
    const data: unknown = value.data;
    if (isSerializedBuffer(data) || (data instanceof Uint8Array && !Buffer.isBuffer(data))) {
      value = { data: Buffer.from(isSerializedBuffer(data) ? data.data : data), contentType };
    } else if (typeof data === "string") {
      if (contentType !== undefined && !contentType.toLowerCase().startsWith("text/")) {
        throw new InputError(
          FILES_LABEL,
          `${fileName ?? `#${index + 1}`} holds ${contentType} as a string, not binary data; ` +
            "pass the file output of an earlier step ({ data, contentType }) or plain text.",
        );
      }
      value = { data: Buffer.from(data, "utf8"), contentType: contentType ?? "text/plain" };
    }
  }

  let payload: { data: Buffer; contentType?: string };
  try {
    payload = util.types.toBufferDataPayload(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(FILES_LABEL, `#${index + 1} could not be read as a file (${reason}).`);
  }
  const file: FilePayload = { data: payload.data };
  if (payload.contentType) file.contentType = payload.contentType;
  if (fileName !== undefined) file.fileName = fileName.trim();
  return file;
};

/**
 * Clean for a `data` input with collection "valuelist" (or a single file): unset → [], one value
 * or a list, each item through util.types.toBufferDataPayload. Unset items of a list are skipped.
 */
export function cleanFiles(value: unknown): FilePayload[] {
  if (isUnset(value)) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => !isUnset(item)).map(toFilePayload);
}
