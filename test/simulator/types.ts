/** The simulator's public contract: tests and the demo code against exactly these shapes. */
import type { SimClock } from "./clock";
import type { ErrorDetails } from "./errors";

export type { SimClock } from "./clock";
export type { ErrorDetails } from "./errors";

export interface RecordedRequest {
  method: string;
  /** Without the query string, e.g. "/v1/messages". */
  path: string;
  /** Decoded; a repeated parameter keeps its last value (see `queryAll`). */
  query: Record<string, string>;
  /** Every value of every parameter in order, e.g. { "ids[]": ["file_a", "file_b"] }. */
  queryAll: Record<string, string[]>;
  /** Lower-cased names as node received them; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** utf8 of `rawBytes`; for multipart it is the raw multipart text (binary parts mangled). */
  rawBody: string;
  /** The request body exactly as received, byte for byte (multipart and binary included). */
  rawBytes: Buffer;
  /** JSON.parse(rawBody) when the content-type is JSON and parsing succeeds, else undefined. */
  body: unknown;
  /** Date.now() when the request arrived, to measure the waits between retries. */
  receivedAt: number;
}

export interface Fault {
  /** Answer with this status and the matching Anthropic error envelope. */
  status?: number;
  /** Overrides the error type derived from `status`. */
  errorType?: string;
  message?: string;
  /** Added to the response, e.g. { "retry-after-ms": "10" } or { "x-should-retry": "false" }. */
  headers?: Record<string, string>;
  /** Wait before answering; then answer normally unless `status` or `drop` is given. */
  delayMs?: number;
  /** Destroy the socket without answering: a connection error for the client. */
  drop?: boolean;
  /** stream:true only: message_start and some deltas, then an `event: error`, then the end. */
  midStreamError?: { type: string; message: string };
  /** stream:true only: end the response after some deltas, without message_stop. */
  truncateStream?: boolean;
  /** For stream:true: after some deltas, destroy the socket mid-response (a broken connection). */
  dropMidStream?: boolean;
  /**
   * Answer with a redirect instead: this status (301, 302, 303, 307, 308, ...) and a Location
   * header, with a small HTML body. Nothing else is handled.
   */
  redirect?: { status: number; location: string };
  /**
   * Answer with exactly this body instead of the API's answer: `status` defaults to 200,
   * `contentType` to application/json. For malformed 200s, HTML from a gateway, and the like.
   */
  raw?: { status?: number; contentType?: string; body: string | Buffer };
  /**
   * Whatever the answer is (JSON, SSE, `raw`, an error): send the status, the headers (with the
   * full content-length, except for SSE) and about half the body, then destroy the socket.
   */
  dropMidBody?: boolean;
  /**
   * Whatever the answer is: send the status, the headers and about half the body, then stall
   * this long (cut short when the client goes away or the simulator closes), then the rest.
   */
  stallBodyMs?: number;
  /**
   * With `status`: pad the error envelope's message so the whole body is about this many
   * bytes (e.g. 50 * 1024 * 1024), to check that error messages stay bounded.
   */
  errorBodyBytes?: number;
  /** With `status`: put this in the envelope's `error.details`, e.g. { error_code: "..." }. */
  details?: ErrorDetails;
}

export type BatchStatus = "in_progress" | "canceling" | "ended";

export interface MessageBatchRequestCounts {
  processing: number;
  succeeded: number;
  errored: number;
  canceled: number;
  expired: number;
}

/** As GET /v1/messages/batches/{id} answers it; timestamps are RFC 3339 from `sim.clock`. */
export interface MessageBatch {
  id: string;
  type: "message_batch";
  processing_status: BatchStatus;
  request_counts: MessageBatchRequestCounts;
  ended_at: string | null;
  created_at: string;
  expires_at: string;
  archived_at: string | null;
  cancel_initiated_at: string | null;
  results_url: string | null;
}

/** One line of a batch's results file. */
export interface BatchResultLine {
  custom_id: string;
  result: unknown;
}

export type BatchResultCounts = Omit<MessageBatchRequestCounts, "processing">;

export interface SeedBatchOptions {
  /** Number of results, e.g. 100_000. */
  count: number;
  /** Defaults to "ended". */
  status?: BatchStatus;
  /**
   * Line i (0-based), produced lazily while the results stream (never all held at once). Default:
   * custom_id `req-${i}`, type cycling succeeded, errored, canceled, expired (succeeded with a
   * small fixed Message). A string is written as the line exactly as given (a newline follows),
   * to plant a malformed line among good ones.
   */
  result?: (index: number) => BatchResultLine | string;
  /**
   * Overrides request_counts; by default result(i) is called once for every i at seed time and
   * counted by `result.type` (a string line counts when it parses as such a line).
   */
  counts?: BatchResultCounts;
  /** Clock ms; defaults to sim.clock.now(). */
  createdAt?: number;
}

export interface BatchControl {
  /**
   * Moves a batch on: "canceling" sets cancel_initiated_at; "ended" sets ended_at, results_url
   * and request_counts from the results (processing: 0). Throws for unknown ids and for moves
   * back from "ended" (or from "canceling" to "in_progress").
   */
  setStatus(id: string, status: BatchStatus): MessageBatch;
  seed(options: SeedBatchOptions): MessageBatch;
  get(id: string): MessageBatch | undefined;
  /** Newest first: by created_at, ties by creation order (later created = newer). */
  list(): MessageBatch[];
}

/** As GET /v1/files/{id} answers it (SDK 1.12's FileMetadata). */
export interface FileMetadata {
  id: string;
  type: "file";
  filename: string;
  mime_type: string;
  size_bytes: number;
  created_at: string;
  downloadable: boolean;
  expires_at: string | null;
}

/** A stored file: its metadata and its exact bytes. */
export interface StoredFile extends FileMetadata {
  bytes: Buffer;
}

export interface AddFileOptions {
  filename: string;
  mimeType: string;
  bytes: Buffer;
  /** Defaults to false, as for uploads; true stands for a file a tool generated. */
  downloadable?: boolean;
  expiresInSeconds?: number;
  /** Clock ms; defaults to sim.clock.now(). */
  createdAt?: number;
}

/** "current": limit / page / ids → { data, next_page }; "legacy": after_id / before_id / has_more. */
export type FileListStyle = "current" | "legacy";

export interface FileControl {
  /** Stores a file as if uploaded (or tool-generated), bypassing the quota. */
  add(options: AddFileOptions): FileMetadata;
  get(id: string): StoredFile | undefined;
  /** Newest first, as GET /v1/files lists them: expired files are left out (get() has them). */
  list(): StoredFile[];
  /** Defaults to "current"; reset() restores it. */
  setListStyle(style: FileListStyle): void;
  /** Total bytes uploads may occupy; undefined (the default, and after reset()) for no quota. */
  setQuotaBytes(bytes: number | undefined): void;
}

export interface Simulator {
  /** "http://127.0.0.1:<port>": no trailing slash, no /v1. */
  url: string;
  /** Every request received, in order, faulted ones included. */
  requests: RecordedRequest[];
  /** Each incoming request takes the next fault (FIFO) before normal handling. */
  enqueueFaults(...faults: Fault[]): void;
  /** Stamps created_at / expires_at / ended_at and decides file expiry; reset() leaves it. */
  clock: SimClock;
  batches: BatchControl;
  files: FileControl;
  /**
   * Clears requests, pending faults, the prompt cache, batches and files, and restores the
   * file list style and quota to their defaults. The clock keeps its time.
   */
  reset(): void;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Keys accepted in x-api-key or Authorization: Bearer; defaults to [SIMULATOR_API_KEY]. */
  apiKeys?: string[];
}
