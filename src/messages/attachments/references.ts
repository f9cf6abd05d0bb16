import { posix } from "node:path";
import { InputError } from "../../inputs/clean";
import type { ContentBlockParam } from "./blocks";

export const URLS_LABEL = "File URLs";
export const IDS_LABEL = "File IDs";

const IMAGE_EXTENSIONS: readonly string[] = [".jpg", ".jpeg", ".png", ".gif", ".webp"];
const PDF_EXTENSION = ".pdf";

/** A Files API id, optionally prefixed with what it holds; a bare id is a document. */
const FILE_ID = /^(?:(image|document):)?(file_[A-Za-z0-9]+)$/;

/** Keeps messages readable when a value is long. */
const shown = (value: string): string => (value.length > 100 ? `${value.slice(0, 97)}...` : value);

/** A public https URL of an image or PDF → a block with a `url` source. */
export const urlToBlock = (raw: string, citations: boolean): ContentBlockParam => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(
      URLS_LABEL,
      `"${shown(raw)}" is not a valid URL; enter a full https:// address of an image or PDF.`,
    );
  }
  if (url.protocol !== "https:") {
    throw new InputError(
      URLS_LABEL,
      `${shown(raw)} uses ${url.protocol.slice(0, -1)}; only https:// URLs are accepted.`,
    );
  }
  const extension = posix.extname(url.pathname).toLowerCase();
  if (IMAGE_EXTENSIONS.includes(extension)) {
    return { type: "image", source: { type: "url", url: url.href } };
  }
  if (extension === PDF_EXTENSION) {
    return {
      type: "document",
      source: { type: "url", url: url.href },
      ...(citations ? { citations: { enabled: true } } : {}),
    };
  }
  throw new InputError(
    URLS_LABEL,
    `${shown(raw)} does not end in an accepted extension; accepted: .jpg, .jpeg, .png, .gif or ` +
      ".webp for images, .pdf for documents.",
  );
};

/** "file_abc" or "document:file_abc" → a document; "image:file_abc" → an image. */
export const fileIdToBlock = (raw: string, citations: boolean): ContentBlockParam => {
  const match = FILE_ID.exec(raw);
  if (!match) {
    throw new InputError(
      IDS_LABEL,
      `"${shown(raw)}" is not a Files API file ID; enter file_... for a document or ` +
        "image:file_... for an image.",
    );
  }
  const [, kind, fileId] = match;
  if (kind === "image") return { type: "image", source: { type: "file", file_id: fileId } };
  return {
    type: "document",
    source: { type: "file", file_id: fileId },
    ...(citations ? { citations: { enabled: true } } : {}),
  };
};
