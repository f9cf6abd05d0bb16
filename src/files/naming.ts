import { normalizeContentType } from "../messages/attachments/files";
import { sniffMediaType } from "../messages/attachments/sniff";

const EXTENSIONS: Readonly<Record<string, string>> = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/gif": ".gif",
  "image/webp": ".webp",
  "text/plain": ".txt",
  "text/markdown": ".md",
  "text/csv": ".csv",
  "application/json": ".json",
};

/** Types that say nothing about the contents, as an HTTP step often labels a download. */
const UNDECLARED = new Set(["", "application/octet-stream", "binary/octet-stream"]);

/**
 * The content type the upload declares: the file's own, or, when it says nothing, what its
 * first bytes are. The API stores it as the file's mime_type, which decides whether Chat can
 * use the file as a document or an image.
 */
export const uploadContentType = (declared: string, data: Buffer): string => {
  const type = normalizeContentType(declared) ?? "";
  if (!UNDECLARED.has(type)) return declared;
  return sniffMediaType(data) ?? "application/octet-stream";
};

/** The File Name given, or "file" with the extension of its content type. */
export const uploadFileName = (given: string | undefined, contentType: string): string =>
  given ?? `file${EXTENSIONS[normalizeContentType(contentType) ?? ""] ?? ""}`;
