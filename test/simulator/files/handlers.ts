/**
 * The Files endpoints as SDK 1.12 knows them (out of beta since Aug 2026): no beta header
 * needed (one is accepted), `page` / `next_page` lists with an `ids` filter, expiring uploads
 * and `error.details.error_code` on the file errors.
 */
import { invalidRequest, notFound } from "../errors";
import { paginate, parseLimit, parsePageQuery } from "../pagination";
import type { HandlerResult, RequestContext } from "../router";
import { type FormPart, multipartBoundary, parseMultipart } from "./multipart";
import {
  type FileRecord,
  type FileStore,
  MAX_EXPIRES_IN_SECONDS,
  MIN_EXPIRES_IN_SECONDS,
  metadataOf,
} from "./store";

/** The Files API's per-file limit. */
export const MAX_FILE_BODY_BYTES = 500 * 1024 * 1024;
const MAX_IDS = 100;

/** Extensions for an unnamed upload, as the API names it "unnamed" plus the type's extension. */
const EXTENSIONS: Record<string, string> = {
  "application/pdf": ".pdf",
  "text/plain": ".txt",
  "text/csv": ".csv",
  "text/markdown": ".md",
  "application/json": ".json",
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/gif": ".gif",
  "image/webp": ".webp",
};

/** Only the final path component of the part's filename is kept, as the API does. */
function storedFilename(part: FormPart, mimeType: string): string {
  const name = (part.filename ?? "").split(/[/\\]/).pop() ?? "";
  return name === "" ? `unnamed${EXTENSIONS[mimeType.split(";")[0].trim()] ?? ""}` : name;
}

function expiresInSeconds(part: FormPart | undefined): number | undefined {
  if (part === undefined) return undefined;
  const text = part.body.toString("utf8").trim();
  if (!/^-?\d+$/.test(text)) {
    throw invalidRequest(
      "expires_in_seconds: Input should be a valid integer, unable to parse string as an integer",
    );
  }
  const seconds = Number(text);
  if (seconds < MIN_EXPIRES_IN_SECONDS) {
    throw invalidRequest(
      `expires_in_seconds: Input should be greater than or equal to ${MIN_EXPIRES_IN_SECONDS}`,
    );
  }
  if (seconds > MAX_EXPIRES_IN_SECONDS) {
    throw invalidRequest(
      `expires_in_seconds: Input should be less than or equal to ${MAX_EXPIRES_IN_SECONDS}`,
    );
  }
  return seconds;
}

function checkQuota(files: FileStore, size: number): void {
  const quota = files.quotaBytes;
  if (quota === undefined || files.usedBytes() + size <= quota) return;
  throw invalidRequest(
    "The organization's file storage quota is exhausted. Delete files to free up space, then retry the upload.",
    { error_code: "storage_quota_exceeded" },
  );
}

export function uploadFile(context: RequestContext): HandlerResult {
  const { request, files } = context;
  const boundary = multipartBoundary(request.headers["content-type"]);
  if (boundary === undefined) {
    throw invalidRequest("Content-Type must be multipart/form-data with a boundary");
  }
  const parts = parseMultipart(request.rawBytes, boundary);
  const file = parts.find((part) => part.name === "file");
  if (!file) throw invalidRequest("file: Field required");
  const seconds = expiresInSeconds(parts.find((part) => part.name === "expires_in_seconds"));
  checkQuota(files, file.body.length);
  const mimeType = file.contentType || "application/octet-stream";
  const metadata = files.add({
    filename: storedFilename(file, mimeType),
    mimeType,
    // a copy: the stored file should not pin (or share) the whole request's buffer
    bytes: Buffer.from(file.body),
    expiresInSeconds: seconds,
  });
  return { kind: "json", body: metadata };
}

/** `ids` as the SDK sends it (`ids[]=a&ids[]=b`) or repeated plain `ids=a&ids=b`. */
function idsFilter(queryAll: Record<string, string[]>): string[] | undefined {
  if (!("ids" in queryAll) && !("ids[]" in queryAll)) return undefined;
  return [...new Set([...(queryAll.ids ?? []), ...(queryAll["ids[]"] ?? [])])];
}

function legacyList(context: RequestContext): HandlerResult {
  const files = context.files.visible().map((record) => metadataOf(record.file));
  const query = parsePageQuery(context.request.query);
  const page = paginate(files, query, (id) => files.findIndex((file) => file.id === id));
  return { kind: "json", body: page };
}

export function listFiles(context: RequestContext): HandlerResult {
  const { files } = context;
  if (files.listStyle === "legacy") return legacyList(context);
  const { query, queryAll } = context.request;
  const page = query.page || undefined;
  const ids = idsFilter(queryAll);
  if (ids !== undefined) {
    // as SDK 1.12 documents it: ids answers a single page, so page and limit make no sense
    if (page !== undefined) throw invalidRequest("ids: cannot be combined with page");
    if (query.limit !== undefined) throw invalidRequest("ids: cannot be combined with limit");
    if (ids.length > MAX_IDS) {
      throw invalidRequest(
        `ids: List should have at most ${MAX_IDS} items after validation, not ${ids.length}`,
      );
    }
    const wanted = new Set(ids);
    const data = files
      .visible()
      .filter((record) => wanted.has(record.file.id))
      .map((record) => metadataOf(record.file));
    return { kind: "json", body: { data, next_page: null } };
  }
  const limit = parseLimit(query.limit);
  let records: FileRecord[];
  if (page === undefined) {
    records = files.visible();
  } else {
    const position = files.cursors.read(page);
    if (!position) throw invalidRequest(`page: invalid page cursor: ${page}`);
    records = files.visibleAfter(position);
  }
  const shown = records.slice(0, limit);
  const last = shown[shown.length - 1];
  const nextPage = records.length > limit && last ? files.cursors.issue(last) : null;
  return {
    kind: "json",
    body: { data: shown.map((record) => metadataOf(record.file)), next_page: nextPage },
  };
}

/** The file, if it exists and has not expired; the API's 404s otherwise. */
function liveFile(context: RequestContext): FileRecord {
  const id = context.params.file_id;
  const record = context.files.find(id);
  if (!record) throw notFound(`File not found: ${id}`);
  if (context.files.isExpired(record)) {
    throw notFound(
      `File ${id} expired at ${record.file.expires_at}; its content is no longer available`,
      {
        error_code: "file_expired",
      },
    );
  }
  return record;
}

export function getFile(context: RequestContext): HandlerResult {
  return { kind: "json", body: metadataOf(liveFile(context).file) };
}

export function downloadFile(context: RequestContext): HandlerResult {
  const { file } = liveFile(context);
  if (!file.downloadable) {
    throw invalidRequest(
      `File ${file.id} is not downloadable. Only files created by tools or skills (such as the code execution tool) can be downloaded.`,
      { error_code: "file_not_downloadable" },
    );
  }
  return { kind: "bytes", contentType: file.mime_type, body: file.bytes };
}

/** Expired files can still be deleted: it is how their metadata goes away for good. */
export function deleteFile(context: RequestContext): HandlerResult {
  const id = context.params.file_id;
  if (!context.files.delete(id)) throw notFound(`File not found: ${id}`);
  return { kind: "json", body: { id, type: "file_deleted" } };
}
