/** The simulator's public contract: tests and the demo code against exactly these shapes. */

export interface RecordedRequest {
  method: string;
  /** Without the query string, e.g. "/v1/messages". */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names as node received them; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** utf8; for multipart it is the raw multipart text. */
  rawBody: string;
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
}

export interface Simulator {
  /** "http://127.0.0.1:<port>": no trailing slash, no /v1. */
  url: string;
  /** Every request received, in order, faulted ones included. */
  requests: RecordedRequest[];
  /** Each incoming request takes the next fault (FIFO) before normal handling. */
  enqueueFaults(...faults: Fault[]): void;
  /** Clears requests, pending faults and the prompt cache. */
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
