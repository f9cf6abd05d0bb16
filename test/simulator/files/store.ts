/**
 * The simulator's files: uploads and test-added files with their exact bytes, the list style
 * and the storage quota. The API's refusals live in the handlers; this is the state and the
 * test controls (`sim.files`).
 */
import { rfc3339, type SimClock } from "../clock";
import { newObjectId } from "../ids";
import type {
  AddFileOptions,
  FileControl,
  FileListStyle,
  FileMetadata,
  StoredFile,
} from "../types";
import { PageCursors } from "./cursor";

export const MIN_EXPIRES_IN_SECONDS = 3600;
export const MAX_EXPIRES_IN_SECONDS = 7_776_000;

export interface FileRecord {
  file: StoredFile;
  createdAtMs: number;
  expiresAtMs: number | undefined;
  /** Creation order, which breaks created_at ties: later created lists as newer. */
  order: number;
}

/** Where a list page ends: the sort key of its last file (which may be deleted meanwhile). */
export interface ListPosition {
  createdAtMs: number;
  order: number;
}

export const metadataOf = (file: StoredFile): FileMetadata => ({
  id: file.id,
  type: "file",
  filename: file.filename,
  mime_type: file.mime_type,
  size_bytes: file.size_bytes,
  created_at: file.created_at,
  downloadable: file.downloadable,
  expires_at: file.expires_at,
});

/** Newest first: the order of every list. */
const newestFirst = (a: ListPosition, b: ListPosition): number =>
  b.createdAtMs - a.createdAtMs || b.order - a.order;

export class FileStore {
  private readonly files = new Map<string, FileRecord>();
  private created = 0;
  listStyle: FileListStyle = "current";
  quotaBytes: number | undefined;
  readonly cursors = new PageCursors();

  constructor(private readonly clock: SimClock) {}

  add(options: AddFileOptions): FileMetadata {
    const { expiresInSeconds } = options;
    if (
      expiresInSeconds !== undefined &&
      (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0)
    ) {
      throw new RangeError(`files.add: expiresInSeconds must be > 0, got ${expiresInSeconds}`);
    }
    const createdAtMs = options.createdAt ?? this.clock.now();
    const expiresAtMs =
      expiresInSeconds === undefined ? undefined : createdAtMs + expiresInSeconds * 1000;
    const file: StoredFile = {
      id: newObjectId("file"),
      type: "file",
      filename: options.filename,
      mime_type: options.mimeType,
      size_bytes: options.bytes.length,
      created_at: rfc3339(createdAtMs),
      downloadable: options.downloadable ?? false,
      expires_at: expiresAtMs === undefined ? null : rfc3339(expiresAtMs),
      bytes: options.bytes,
    };
    this.files.set(file.id, { file, createdAtMs, expiresAtMs, order: this.created++ });
    return metadataOf(file);
  }

  find(id: string): FileRecord | undefined {
    return this.files.get(id);
  }

  isExpired(record: FileRecord): boolean {
    return record.expiresAtMs !== undefined && this.clock.now() >= record.expiresAtMs;
  }

  /** The files GET /v1/files shows: not expired, newest first. */
  visible(): FileRecord[] {
    return [...this.files.values()].filter((r) => !this.isExpired(r)).sort(newestFirst);
  }

  /** The visible files listed after `position`, newest first. */
  visibleAfter(position: ListPosition): FileRecord[] {
    return this.visible().filter((record) => newestFirst(position, record) < 0);
  }

  /** Bytes that count against the quota: expired files' bytes are gone for good. */
  usedBytes(): number {
    return this.visible().reduce((sum, record) => sum + record.file.size_bytes, 0);
  }

  delete(id: string): boolean {
    return this.files.delete(id);
  }

  clear(): void {
    this.files.clear();
    this.cursors.rotate();
    this.listStyle = "current";
    this.quotaBytes = undefined;
  }

  /** The test-facing `sim.files`. */
  control(): FileControl {
    return {
      add: (options) => this.add(options),
      get: (id) => {
        const file = this.files.get(id)?.file;
        return file && { ...file };
      },
      list: () => this.visible().map((record) => ({ ...record.file })),
      setListStyle: (style) => {
        this.listStyle = style;
      },
      setQuotaBytes: (bytes) => {
        if (bytes !== undefined && (!Number.isFinite(bytes) || bytes < 0)) {
          throw new RangeError(`files.setQuotaBytes: bytes must be >= 0, got ${bytes}`);
        }
        this.quotaBytes = bytes;
      },
    };
  }
}
