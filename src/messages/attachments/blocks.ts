import type { CacheControl } from "../types";

/**
 * The image and document blocks the Messages API accepts in a user turn, as far as attachments
 * build them (components.schemas RequestImageBlock / RequestDocumentBlock, and their Beta*
 * twins for `file` sources). Declared as type aliases, not interfaces, so they stay assignable
 * to `OtherBlock` (an index signature) and can sit in a `MessageParam`'s content.
 */

export type ImageMediaType = "image/jpeg" | "image/png" | "image/gif" | "image/webp";

/** Base64ImageSource */
export type Base64ImageSource = { type: "base64"; media_type: ImageMediaType; data: string };
/** Base64PDFSource */
export type Base64PdfSource = { type: "base64"; media_type: "application/pdf"; data: string };
/** PlainTextSource: the text itself, not base64. */
export type PlainTextSource = { type: "text"; media_type: "text/plain"; data: string };
/** URLImageSource / URLPDFSource */
export type UrlSource = { type: "url"; url: string };
/** BetaFileImageSource / BetaFileDocumentSource: needs the Files API beta header. */
export type FileSource = { type: "file"; file_id: string };
/** RequestCitationsConfig */
export type CitationsConfig = { enabled: boolean };

export type ImageBlockParam = {
  type: "image";
  source: Base64ImageSource | UrlSource | FileSource;
  cache_control?: CacheControl;
};

export type DocumentBlockParam = {
  type: "document";
  source: Base64PdfSource | PlainTextSource | UrlSource | FileSource;
  /** 1 to 500 characters. */
  title?: string;
  citations?: CitationsConfig;
  cache_control?: CacheControl;
};

export type ContentBlockParam = ImageBlockParam | DocumentBlockParam;
