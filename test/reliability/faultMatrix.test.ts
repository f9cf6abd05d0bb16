/**
 * The fault matrix: every action and data source that calls the API, against every fault the
 * simulator can play. Each row ends in one of two outcomes, asserted:
 *  - recovered within the retry budget: the simulator saw the expected number of requests and
 *    the wait between them followed the headers (retry-after-ms, retry-after, HTTP date, backoff);
 *  - ONE clear error: an AnthropicApiError / AnthropicAuthError with the status, type, message and
 *    request-id where there is one, bounded in size, within a bounded time.
 * Every row also checks that the simulator's key appears nowhere: not in the error (message, stack,
 * JSON, cause), not in the debug log, not in the result, and not at another host.
 */
import type { Connection } from "@prismatic-io/spectral";
import { AnthropicApiError, AnthropicAuthError } from "../../src/client/errors";
import * as defaults from "../../src/defaults";
import { minimalInputs, steps } from "../definition/inputs";
import { type Fault, SIMULATOR_API_KEY, type Simulator, startSimulator } from "../simulator";
import { capturingLogger, connectionFor, harness } from "../support/harness";
import {
  closedPortUrl,
  everythingIn,
  type Recorder,
  type Settled,
  settleWithin,
  startRecorder,
} from "./matrixSupport";

// ---------------------------------------------------------------------------------------------
// What is called: every action and data source that reaches the API.

type Json = Record<string, unknown>;

interface Target {
  name: string;
  /** The path of the first request, for same-host redirects. */
  path: string;
  /** Offers the Timeout and Max Retry Count inputs (the data source does not). */
  transport: boolean;
  stream?: boolean;
  raw?: boolean;
  /** Answers with the bytes as they come (a file download): any 200 body is a good answer. */
  binary?: boolean;
  /**
   * Deletes what it names: when the first answer is lost after the server acted, the retry
   * finds nothing there and the API answers 404, which is the clear error to give.
   */
  deletes?: boolean;
  run(
    connection: Connection,
    transport: Json,
    logger: ReturnType<typeof capturingLogger>["logger"],
    sim: Simulator,
  ): Promise<unknown>;
  /** Asserts that a recovered call returned a real answer. */
  answered(result: unknown): void;
}

/** `params` may make what the step acts on first (a batch, a file) in the row's simulator. */
const action =
  (key: string, params: Json | ((sim: Simulator) => Json)) =>
  (
    connection: Connection,
    transport: Json,
    logger: ReturnType<typeof capturingLogger>["logger"],
    sim: Simulator,
  ) =>
    harness.action(
      key,
      { connection, ...(typeof params === "function" ? params(sim) : params), ...transport },
      { logger, globalDebug: true } as unknown as Parameters<typeof harness.action>[2],
    );

const batchOf = (sim: Simulator, status: "ended" | "in_progress" = "ended"): string =>
  sim.batches.seed({ count: 8, status }).id;
const fileOf = (sim: Simulator, downloadable = false): string =>
  sim.files.add({
    filename: "matrix.txt",
    mimeType: "text/plain",
    bytes: Buffer.from("fault matrix"),
    downloadable,
  }).id;
const typed = (type: string) => (result: unknown) => expect(dataOf(result)).toMatchObject({ type });

const dataOf = (result: unknown): Json => (result as { data: Json }).data;

const chatAnswered = (result: unknown) => {
  const data = dataOf(result);
  expect(data).toMatchObject({ type: "message", role: "assistant" });
  expect(data.text).toEqual(expect.stringContaining("Simulated reply to: fault matrix"));
};

const TARGETS: Target[] = [
  {
    name: "chat",
    path: "/v1/messages",
    transport: true,
    run: action("chat", { initialMessage: "fault matrix", maxTokens: "64" }),
    answered: chatAnswered,
  },
  {
    name: "chat (stream)",
    path: "/v1/messages",
    transport: true,
    stream: true,
    run: action("chat", { initialMessage: "fault matrix", maxTokens: "64", stream: "true" }),
    answered: chatAnswered,
  },
  {
    name: "countTokens",
    path: "/v1/messages/count_tokens",
    transport: true,
    run: action("countTokens", { message: "fault matrix" }),
    answered: (result) => expect(dataOf(result).input_tokens).toEqual(expect.any(Number)),
  },
  {
    name: "getModel",
    path: "/v1/models/claude-haiku-4-5-20251001",
    transport: true,
    run: action("getModel", { model: "claude-haiku-4-5-20251001" }),
    answered: (result) =>
      expect(dataOf(result)).toMatchObject({ type: "model", id: "claude-haiku-4-5-20251001" }),
  },
  {
    name: "listModels",
    path: "/v1/models",
    transport: true,
    run: action("listModels", {}),
    answered: (result) => expect((dataOf(result).data as unknown[]).length).toBeGreaterThan(0),
  },
  {
    name: "listModels (fetchAll)",
    path: "/v1/models",
    transport: true,
    run: action("listModels", { fetchAll: "true" }),
    answered: (result) => {
      expect((dataOf(result).data as unknown[]).length).toBeGreaterThan(0);
      expect(dataOf(result).has_more).toBe(false);
    },
  },
  {
    name: "selectModel (data source)",
    path: "/v1/models",
    transport: false,
    run: (connection, _transport, logger) =>
      harness.dataSource("selectModel", { connection }, {
        logger,
        globalDebug: true,
        debug: { enabled: true },
      } as unknown as Parameters<typeof harness.dataSource>[2]),
    answered: (result) => {
      const picks = (result as { result: Array<{ key: string; label: string }> }).result;
      expect(picks.length).toBeGreaterThan(0);
      expect(picks[0]).toEqual({ key: expect.any(String), label: expect.any(String) });
    },
  },
  {
    name: "rawRequest",
    path: "/v1/models",
    transport: true,
    raw: true,
    run: action("rawRequest", { url: "/models", method: "GET" }),
    answered: (result) => expect((dataOf(result).data as unknown[]).length).toBeGreaterThan(0),
  },
  {
    name: "createBatch",
    path: "/v1/messages/batches",
    transport: true,
    run: action("createBatch", { prompts: ["fault matrix", "fault matrix again"] }),
    answered: typed("message_batch"),
  },
  {
    name: "getBatch",
    path: "/v1/messages/batches/msgbatch_01",
    transport: true,
    run: action("getBatch", (sim) => ({ batchId: batchOf(sim) })),
    answered: typed("message_batch"),
  },
  {
    name: "cancelBatch",
    path: "/v1/messages/batches/msgbatch_01/cancel",
    transport: true,
    run: action("cancelBatch", (sim) => ({ batchId: batchOf(sim, "in_progress") })),
    answered: typed("message_batch"),
  },
  {
    name: "deleteBatch",
    path: "/v1/messages/batches/msgbatch_01",
    transport: true,
    deletes: true,
    run: action("deleteBatch", (sim) => ({ batchId: batchOf(sim) })),
    answered: typed("message_batch_deleted"),
  },
  {
    name: "listBatches (fetchAll)",
    path: "/v1/messages/batches",
    transport: true,
    run: action("listBatches", (sim) => {
      batchOf(sim);
      return { fetchAll: "true" };
    }),
    answered: (result) => expect((dataOf(result).data as unknown[]).length).toBe(1),
  },
  {
    name: "getBatchResults (JSONL)",
    path: "/v1/messages/batches/msgbatch_01/results",
    transport: true,
    run: action("getBatchResults", (sim) => ({ batchId: batchOf(sim), limit: "3" })),
    answered: (result) => expect(dataOf(result)).toMatchObject({ total: 8, nextOffset: 3 }),
  },
  {
    name: "batchEnded (trigger)",
    path: "/v1/messages/batches",
    transport: true,
    run: (connection, transport, logger) =>
      harness.trigger("batchEnded", undefined, { connection, ...transport }, {
        logger,
        globalDebug: true,
      } as unknown as Parameters<typeof harness.trigger>[3]),
    answered: (result) => expect(result).toMatchObject({ resultType: "polled_no_changes" }),
  },
  {
    name: "uploadFile (multipart)",
    path: "/v1/files",
    transport: true,
    run: action("uploadFile", {
      file: { data: Buffer.from("fault matrix"), contentType: "text/plain" },
      fileName: "matrix.txt",
    }),
    answered: typed("file"),
  },
  {
    name: "listFiles (fetchAll)",
    path: "/v1/files",
    transport: true,
    run: action("listFiles", (sim) => {
      fileOf(sim);
      return { fetchAll: "true" };
    }),
    answered: (result) => expect((dataOf(result).data as unknown[]).length).toBe(1),
  },
  {
    name: "getFileMetadata",
    path: "/v1/files/file_01",
    transport: true,
    run: action("getFileMetadata", (sim) => ({ fileId: fileOf(sim) })),
    answered: typed("file"),
  },
  {
    name: "downloadFile (bytes)",
    path: "/v1/files/file_01/content",
    transport: true,
    binary: true,
    run: action("downloadFile", (sim) => ({ fileId: fileOf(sim, true) })),
    answered: (result) => expect(String((result as { data: Buffer }).data)).toBe("fault matrix"),
  },
  {
    name: "deleteFile",
    path: "/v1/files/file_01",
    transport: true,
    deletes: true,
    run: action("deleteFile", (sim) => ({ fileId: fileOf(sim) })),
    answered: (result) => expect(dataOf(result)).toMatchObject({ id: expect.any(String) }),
  },
  {
    name: "selectFile (data source)",
    path: "/v1/files",
    transport: false,
    run: (connection, _transport, logger, sim) => {
      fileOf(sim);
      return harness.dataSource("selectFile", { connection }, {
        logger,
        globalDebug: true,
        debug: { enabled: true },
      } as unknown as Parameters<typeof harness.dataSource>[2]);
    },
    answered: (result) =>
      expect((result as { result: unknown[] }).result).toEqual([
        { key: expect.any(String), label: expect.stringContaining("matrix.txt") },
      ]),
  },
  {
    name: "createCompletion",
    path: "/v1/complete",
    transport: true,
    run: action("createCompletion", { model: "claude-2.1", prompt: "fault matrix" }),
    answered: typed("completion"),
  },
  {
    name: "runAgent",
    path: "/v1/messages",
    transport: true,
    run: action("runAgent", { input: "fault matrix", maxTokens: "64" }),
    answered: (result) =>
      expect(dataOf(result)).toMatchObject({ stopReason: "end_turn", turns: 1 }),
  },
  {
    name: "resumeAgent",
    path: "/v1/messages",
    transport: true,
    // A run stopped for approval, its one call rejected: the loop goes on with one more turn.
    run: action("resumeAgent", (sim) => {
      const step = steps.find((entry) => entry.key === "resumeAgent");
      if (!step) throw new Error("resumeAgent is not in the definition");
      const { maxRetries: _retries, ...inputs } = minimalInputs(step, sim);
      return inputs;
    }),
    answered: (result) =>
      expect(dataOf(result)).toMatchObject({ stopReason: "end_turn", turns: 2 }),
  },
  {
    name: "classifyAndBranch",
    path: "/v1/messages",
    transport: true,
    run: action("classifyAndBranch", {
      input: "Refund: charged twice",
      branches: [{ key: "Refund", value: "money back" }],
    }),
    answered: (result) => expect(result).toMatchObject({ branch: "Refund" }),
  },
  {
    name: "createCompletion (stream)",
    path: "/v1/complete",
    transport: true,
    stream: true,
    run: action("createCompletion", {
      model: "claude-2.1",
      prompt: "fault matrix",
      stream: "true",
    }),
    answered: typed("completion"),
  },
];

/** Actions run with one retry, so that broken-connection rows (standard backoff) stay fast. */
const MAX_RETRIES = 1;
/**
 * The data source has no Max Retry Count input: it retries as src/defaults says for picklists
 * (PICKLIST_MAX_RETRIES when there is one, else DEFAULT_MAX_RETRIES).
 */
const DATA_SOURCE_RETRIES = Number(
  (defaults as Record<string, unknown>).PICKLIST_MAX_RETRIES ?? defaults.DEFAULT_MAX_RETRIES,
);
const attemptsOf = (target: Target): number =>
  (target.transport ? MAX_RETRIES : DATA_SOURCE_RETRIES) + 1;
/** Each attempt is bounded anyway; stall rows use a much smaller one. */
const ROW_TIMEOUT_MS = 3000;
const STALL_TIMEOUT_MS = 300;
/** A row still pending after this is a hang. */
const HANG_AFTER_MS = 6000;
/** An error message longer than this is not "clear". */
const MAX_MESSAGE_CHARS = 4096;

// ---------------------------------------------------------------------------------------------
// The faults, and what each must lead to.

const FAST = { "retry-after-ms": "10" };
/** Waits that prove the header was followed: retry-after-ms 10 is well under the 375 ms minimum backoff. */
const FAST_GAP: [number, number] = [10, 340];
const BACKOFF_GAP: [number, number] = [350, 800];

/** The request-id the simulator puts on every answer, quoted the way errors quote it. */
const REQUEST_ID = /\(request-id req_\w+\)/;
/** What a malformed 200 must say: that the answer was not JSON / not valid / not what was expected. */
const MALFORMED = /\bnot\b.*\b(JSON|valid|expected|an? (SSE|event[- ]stream)|event[- ]stream)\b/i;
/** What a refused redirect must say, besides its status. */
const REDIRECT = /redirect/i;
const HTML_TAG = /<\/?[a-z][^>]*>/i;
/** Signs of a crash passed on as the error, instead of a clear one. */
const CRASH =
  /\[object Object\]|\bundefined\b|Cannot read propert|is not a function|TypeError|Unexpected token|Unexpected end of JSON/;

interface Env {
  sim: Simulator;
  other: Recorder;
  target: Target;
  attempts: number;
}

interface Arranged {
  baseUrl?: string;
  transport?: Json;
}

type Expectation =
  | {
      kind: "recover";
      requests: number;
      /** Bounds on the wait between the first and second request, in ms. */
      gapMs?: [number, number];
      /** Replaces the target's own check of the answer. */
      answered?: (result: unknown) => void;
    }
  | {
      kind: "error";
      /** Requests the simulator must have seen: a number, every attempt, or either 1 or every attempt. */
      requests: number | "attempts" | "once-or-attempts";
      /** The error's status, also required in the message as a word. */
      status?: number;
      /** Allowed values of error.type. */
      types?: string[];
      /** error.type must also appear in the message (the API's envelope errors). */
      typeInMessage?: boolean;
      /** true: an AnthropicAuthError; false: a plain AnthropicApiError; "either": one of them. */
      auth?: boolean | "either";
      message: RegExp[];
      /** The message quotes the response's request-id, and error.requestId holds it. */
      requestId: boolean;
      /** Must not reach the other host (redirect rows). */
      otherHostRequests?: 0;
      noHtml?: boolean;
    };

interface Row {
  fault: string;
  applies?: (target: Target) => boolean;
  arrange: (env: Env) => Arranged | undefined | Promise<Arranged | undefined>;
  expect: (target: Target) => Expectation;
}

const times = (count: number, fault: Fault): Fault[] =>
  Array.from({ length: count }, () => ({ ...fault }));
const enqueue =
  (...faults: Fault[]) =>
  (env: Env) => {
    env.sim.enqueueFaults(...faults);
    return undefined;
  };
const everyAttempt = (fault: Fault) => (env: Env) => {
  env.sim.enqueueFaults(...times(env.attempts, fault));
  return undefined;
};
const recoverFast = (): Expectation => ({ kind: "recover", requests: 2, gapMs: FAST_GAP });

const apiError = (
  status: number,
  type: string,
  message: RegExp,
  extra: Partial<Extract<Expectation, { kind: "error" }>> = {},
): Expectation => ({
  kind: "error",
  requests: 1,
  status,
  types: [type],
  typeInMessage: true,
  auth: false,
  message: [message],
  requestId: true,
  ...extra,
});

const malformed = (): Expectation => ({
  kind: "error",
  requests: "once-or-attempts",
  status: 200,
  message: [MALFORMED],
  requestId: true,
  auth: false,
  noHtml: true,
});

/** A body truncated mid-JSON, shaped like what the target expects. */
const truncatedJson = (target: Target): string =>
  target.path.startsWith("/v1/messages")
    ? '{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","content":[{"type":"te'
    : '{"data":[{"type":"model","id":"claude-haiku-4-5-20251001","display_na';

const gatewayPage = (status: number, title: string, echo = "") =>
  `<!DOCTYPE html><html><head><title>${status} ${title}</title><style>body{font:14px sans-serif}</style></head><body><center><h1>${status} ${title}</h1></center><hr><center>nginx</center>${echo}</body></html>`;

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
const HUGE_BYTES = 50 * 1024 * 1024;

const ROWS: Row[] = [
  // Retryable answers: recovered within the budget, waiting what the headers say.
  {
    fault: "429 with retry-after: 1 (seconds)",
    arrange: enqueue({ status: 429, headers: { "retry-after": "1" } }),
    expect: () => ({ kind: "recover", requests: 2, gapMs: [950, 1700] }),
  },
  {
    fault: "429 without retry-after (standard backoff)",
    arrange: enqueue({ status: 429 }),
    expect: () => ({ kind: "recover", requests: 2, gapMs: BACKOFF_GAP }),
  },
  {
    fault: 'retry-after-ms: "10" on a 429',
    arrange: enqueue({ status: 429, headers: FAST }),
    expect: recoverFast,
  },
  {
    fault: "429 with retry-after as an HTTP date",
    arrange: (env) => {
      // a whole second at least 1 s ahead: the wait is 1 to 2 s, longer than any backoff
      const at = new Date(Math.ceil((Date.now() + 1000) / 1000) * 1000).toUTCString();
      env.sim.enqueueFaults({ status: 429, headers: { "retry-after": at } });
      return undefined;
    },
    expect: () => ({ kind: "recover", requests: 2, gapMs: [800, 2300] }),
  },
  {
    fault: "529 overloaded",
    arrange: enqueue({ status: 529, headers: FAST }),
    expect: recoverFast,
  },
  { fault: "500", arrange: enqueue({ status: 500, headers: FAST }), expect: recoverFast },
  {
    fault: "502 with an HTML body (text/html)",
    arrange: enqueue({
      raw: { status: 502, contentType: "text/html", body: gatewayPage(502, "Bad Gateway") },
      headers: FAST,
    }),
    expect: recoverFast,
  },
  { fault: "503", arrange: enqueue({ status: 503, headers: FAST }), expect: recoverFast },
  { fault: "504", arrange: enqueue({ status: 504, headers: FAST }), expect: recoverFast },
  { fault: "408", arrange: enqueue({ status: 408, headers: FAST }), expect: recoverFast },
  { fault: "409", arrange: enqueue({ status: 409, headers: FAST }), expect: recoverFast },
  {
    fault: "x-should-retry: true on a 400",
    arrange: enqueue({ status: 400, headers: { ...FAST, "x-should-retry": "true" } }),
    expect: recoverFast,
  },

  // Retryable answers that do not go away, or that say not to retry: one clear error.
  {
    fault: "x-should-retry: false on a 529",
    arrange: enqueue({ status: 529, headers: { ...FAST, "x-should-retry": "false" } }),
    expect: () => apiError(529, "overloaded_error", /Overloaded/),
  },
  {
    fault: "529 on every attempt",
    arrange: everyAttempt({ status: 529, headers: FAST, message: "Overloaded" }),
    expect: () => apiError(529, "overloaded_error", /Overloaded/, { requests: "attempts" }),
  },
  {
    fault: "502 HTML page (echoing the key) on every attempt",
    arrange: everyAttempt({
      raw: {
        status: 502,
        contentType: "text/html",
        body: gatewayPage(502, "Bad Gateway", `<!-- x-api-key: ${SIMULATOR_API_KEY} -->`),
      },
      headers: FAST,
    }),
    expect: () => ({
      kind: "error",
      requests: "attempts",
      status: 502,
      auth: false,
      message: [/Bad Gateway/i],
      requestId: true,
      noHtml: true,
    }),
  },

  // Refusals: not retried, one clear error.
  {
    fault: "401",
    arrange: enqueue({ status: 401, message: "invalid x-api-key" }),
    expect: () => apiError(401, "authentication_error", /invalid x-api-key/, { auth: true }),
  },
  {
    fault: "403",
    arrange: enqueue({ status: 403 }),
    expect: () => apiError(403, "permission_error", /Permission denied/, { auth: "either" }),
  },
  {
    fault: "404",
    arrange: enqueue({ status: 404 }),
    expect: () => apiError(404, "not_found_error", /Not found/),
  },
  {
    fault: "413",
    arrange: enqueue({ status: 413 }),
    expect: () => apiError(413, "request_too_large", /exceeds the maximum/),
  },
  {
    fault: "400 (message echoing the key)",
    arrange: enqueue({
      status: 400,
      message: `messages.0.content: Field required (request had x-api-key ${SIMULATOR_API_KEY})`,
    }),
    expect: () => apiError(400, "invalid_request_error", /messages\.0\.content: Field required/),
  },

  // The connection itself.
  {
    fault: "connection refused (closed port as Base URL)",
    arrange: async () => ({ baseUrl: await closedPortUrl() }),
    expect: () => ({
      kind: "error",
      requests: 0,
      types: ["connection_error"],
      auth: false,
      message: [/ECONNREFUSED/],
      requestId: false,
    }),
  },
  {
    fault: "socket dropped before the answer (every attempt)",
    arrange: everyAttempt({ drop: true }),
    expect: () => ({
      kind: "error",
      requests: "attempts",
      types: ["connection_error"],
      auth: false,
      message: [/(socket|connection|network|ECONNRESET|hang up|closed|dropped)/i],
      requestId: false,
    }),
  },
  {
    fault: "socket dropped in the middle of a 200 body (every attempt)",
    arrange: everyAttempt({ dropMidBody: true }),
    expect: (target) =>
      target.deletes
        ? {
            kind: "error",
            requests: "attempts",
            status: 404,
            auth: false,
            message: [/\b404\b/],
            requestId: true,
          }
        : {
            kind: "error",
            requests: "attempts",
            types: ["connection_error", "timeout_error"],
            auth: false,
            message: [
              /(broke|reset|closed|aborted|dropped|interrupted|incomplete|ECONNRESET|socket|connection)/i,
            ],
            requestId: false,
          },
  },
  {
    fault: "200 body that stalls past the timeout (every attempt)",
    applies: (target) => target.transport,
    arrange: (env) => {
      env.sim.enqueueFaults(...times(env.attempts, { stallBodyMs: 20_000 }));
      return { transport: { timeout: String(STALL_TIMEOUT_MS) } };
    },
    expect: () => ({
      kind: "error",
      requests: "attempts",
      types: ["timeout_error", "connection_error"],
      auth: false,
      message: [/(timed? ?out|timeout|broke|aborted|incomplete)/i],
      requestId: false,
    }),
  },
  {
    fault: "answer slower than the timeout (every attempt)",
    applies: (target) => target.transport,
    arrange: (env) => {
      env.sim.enqueueFaults(...times(env.attempts, { delayMs: 3000 }));
      return { transport: { timeout: String(STALL_TIMEOUT_MS) } };
    },
    expect: () => ({
      kind: "error",
      requests: "attempts",
      types: ["timeout_error"],
      auth: false,
      message: [/timed out/i, new RegExp(`\\b${STALL_TIMEOUT_MS} ms\\b`)],
      requestId: false,
    }),
  },

  // Redirects: never followed, to another host or to the same one.
  ...REDIRECT_STATUSES.flatMap((status): Row[] =>
    (
      [
        ["another host", (env) => env.other.url],
        ["the same host", (env) => env.sim.url],
      ] as const satisfies ReadonlyArray<readonly [string, (env: Env) => string]>
    ).map(([where, origin]) => ({
      fault: `redirect ${status} to ${where}`,
      arrange: (env) => {
        env.sim.enqueueFaults({
          redirect: { status, location: `${origin(env)}${env.target.path}` },
        });
        return undefined;
      },
      expect: () => ({
        kind: "error",
        requests: 1,
        status,
        auth: false,
        message: [REDIRECT],
        requestId: true,
        otherHostRequests: 0,
      }),
    })),
  ),

  // Streams broken by the server.
  {
    fault: "mid-stream error event (message echoing the key)",
    applies: (target) => Boolean(target.stream),
    arrange: everyAttempt({
      midStreamError: {
        type: "overloaded_error",
        message: `Overloaded (upstream saw x-api-key ${SIMULATOR_API_KEY})`,
      },
    }),
    expect: () => ({
      kind: "error",
      requests: "once-or-attempts",
      types: ["overloaded_error"],
      typeInMessage: true,
      auth: false,
      message: [/Overloaded/],
      requestId: true,
    }),
  },
  {
    fault: "stream cut short (no message_stop)",
    applies: (target) => Boolean(target.stream),
    arrange: everyAttempt({ truncateStream: true }),
    expect: () => ({
      kind: "error",
      requests: "once-or-attempts",
      auth: false,
      message: [/(incomplete|ended|cut short|message_stop)/i],
      requestId: true,
    }),
  },

  // 200s that are not what the API answers.
  {
    fault: "200 with malformed / truncated JSON",
    applies: (target) => !target.binary,
    arrange: (env) => {
      env.sim.enqueueFaults(...times(env.attempts, { raw: { body: truncatedJson(env.target) } }));
      return undefined;
    },
    expect: malformed,
  },
  {
    fault: "200 with an empty body",
    applies: (target) => !target.binary,
    arrange: everyAttempt({ raw: { body: "" } }),
    expect: malformed,
  },
  {
    fault: "200 with an HTML content type",
    applies: (target) => !target.binary,
    arrange: everyAttempt({
      raw: {
        contentType: "text/html; charset=utf-8",
        body: "<!doctype html><html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1><form></form></body></html>",
      },
    }),
    expect: malformed,
  },
  {
    fault: '200 {"hello":"world"}',
    applies: (target) => !target.binary,
    arrange: everyAttempt({ raw: { body: '{"hello":"world"}' } }),
    // Raw Request returns any JSON the path answers; every other caller knows the shape it needs.
    expect: (target) =>
      target.raw
        ? {
            kind: "recover",
            requests: 1,
            answered: (result) => expect(dataOf(result)).toEqual({ hello: "world" }),
          }
        : malformed(),
  },
];

/** Run apart, one at a time: 50 MB bodies should not disturb the timing of the other rows. */
const HUGE_ROW: Row = {
  fault: "error body of 50 MB (400)",
  arrange: enqueue({ status: 400, message: "prompt is too long", errorBodyBytes: HUGE_BYTES }),
  expect: () => apiError(400, "invalid_request_error", /prompt is too long/),
};

// ---------------------------------------------------------------------------------------------
// Running one row, and the summary.

const summary = {
  tried: 0,
  recovered: 0,
  clearErrors: 0,
  hangs: 0,
  leaks: 0,
  failed: [] as string[],
  /** Every row's outcome, printed with FAULT_MATRIX_VERBOSE=1. */
  outcomes: [] as string[],
};

const keyLeaksIn = (settled: Settled, lines: string[], other: Recorder): string[] => {
  const where: string[] = [];
  if (settled.kind === "error" && everythingIn(settled.error).includes(SIMULATOR_API_KEY))
    where.push("error");
  if (settled.kind === "value" && JSON.stringify(settled.value ?? null).includes(SIMULATOR_API_KEY))
    where.push("result");
  if (lines.some((line) => line.includes(SIMULATOR_API_KEY))) where.push("debug log");
  if (other.received.some((request) => JSON.stringify(request.headers).includes(SIMULATOR_API_KEY)))
    where.push("another host");
  return where;
};

const expectedRequests = (
  expectation: Extract<Expectation, { kind: "error" }>,
  attempts: number,
): number[] => {
  if (expectation.requests === "attempts") return [attempts];
  if (expectation.requests === "once-or-attempts") return [...new Set([1, attempts])];
  return [expectation.requests];
};

const describeOutcome = (settled: Settled): string => {
  if (settled.kind === "hang") return `still pending after ${settled.ms} ms`;
  if (settled.kind === "value")
    return `succeeded with ${JSON.stringify(settled.value).slice(0, 200)}`;
  const error = settled.error as Error & { type?: unknown; status?: unknown };
  return `${error?.constructor?.name ?? typeof error} (type ${String(error?.type)}, status ${String(error?.status)}): ${String(error?.message).slice(0, 300)}`;
};

function assertRecovered(
  expectation: Extract<Expectation, { kind: "recover" }>,
  settled: Settled,
  env: Env,
): void {
  if (settled.kind !== "value") {
    throw new Error(`expected recovery, but the call ${describeOutcome(settled)}`);
  }
  (expectation.answered ?? env.target.answered)(settled.value);
  expect(env.sim.requests).toHaveLength(expectation.requests);
  if (expectation.gapMs) {
    const [first, second] = env.sim.requests;
    const gap = second.receivedAt - first.receivedAt;
    expect(gap).toBeGreaterThanOrEqual(expectation.gapMs[0]);
    expect(gap).toBeLessThanOrEqual(expectation.gapMs[1]);
  }
}

function assertClearError(
  expectation: Extract<Expectation, { kind: "error" }>,
  settled: Settled,
  env: Env,
): void {
  if (settled.kind !== "error") {
    throw new Error(`expected one clear error, but the call ${describeOutcome(settled)}`);
  }
  const error = settled.error as Error & { status?: number; type?: string; requestId?: string };
  const isAuth = error instanceof AnthropicAuthError;
  const isApi = error instanceof AnthropicApiError;
  if (!isAuth && !isApi) {
    throw new Error(
      `expected an AnthropicApiError or AnthropicAuthError, got ${describeOutcome(settled)}`,
    );
  }
  if (expectation.auth === true) expect(error).toBeInstanceOf(AnthropicAuthError);
  if (expectation.auth === false) expect(error).toBeInstanceOf(AnthropicApiError);

  const message = error.message;
  expect(typeof message).toBe("string");
  expect(message.length).toBeGreaterThan(0);
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  expect((error.stack ?? "").length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS * 4);
  expect(message).not.toMatch(CRASH);
  expect(error).not.toHaveProperty("config");
  expect(error).not.toHaveProperty("response");
  expect(error).not.toHaveProperty("request");
  expect(error).not.toHaveProperty("isAxiosError");
  expect(typeof error.type).toBe("string");

  if (expectation.status !== undefined) {
    expect(error.status).toBe(expectation.status);
    expect(message).toMatch(new RegExp(`\\b${expectation.status}\\b`));
  }
  if (expectation.types) expect(expectation.types).toContain(error.type);
  if (expectation.typeInMessage) expect(message).toContain(String(error.type));
  for (const pattern of expectation.message) expect(message).toMatch(pattern);
  if (expectation.noHtml) expect(message).not.toMatch(HTML_TAG);
  if (expectation.requestId) {
    expect(message).toMatch(REQUEST_ID);
    expect(error.requestId).toMatch(/^req_\w+$/);
    expect(message).toContain(`request-id ${error.requestId}`);
  }
  expect(expectedRequests(expectation, env.attempts)).toContain(env.sim.requests.length);
  if (expectation.otherHostRequests === 0) expect(env.other.received).toHaveLength(0);
}

async function runRow(target: Target, row: Row): Promise<void> {
  summary.tried++;
  const name = `${target.name} × ${row.fault}`;
  const sim = await startSimulator();
  const other = await startRecorder();
  const env: Env = { sim, other, target, attempts: attemptsOf(target) };
  const { lines, logger } = capturingLogger();
  let settled: Settled | undefined;
  try {
    const arranged = (await row.arrange(env)) ?? {};
    const transport = target.transport
      ? { timeout: String(ROW_TIMEOUT_MS), maxRetries: String(MAX_RETRIES), ...arranged.transport }
      : {};
    const call = target.run(connectionFor(arranged.baseUrl ?? sim.url), transport, logger, sim);
    // a hung call is abandoned; closing the servers below ends it, quietly
    call.catch(() => undefined);
    settled = await settleWithin(call, HANG_AFTER_MS);
    summary.outcomes.push(`${name} (${settled.ms} ms): ${describeOutcome(settled)}`);

    if (settled.kind === "hang") summary.hangs++;
    const leaks = keyLeaksIn(settled, lines, other);
    if (leaks.length) summary.leaks++;
    expect({ keyFoundIn: leaks }).toEqual({ keyFoundIn: [] });
    if (settled.kind === "hang") throw new Error(`hang: ${describeOutcome(settled)}`);

    const expectation = row.expect(target);
    if (expectation.kind === "recover") {
      assertRecovered(expectation, settled, env);
      summary.recovered++;
    } else {
      assertClearError(expectation, settled, env);
      summary.clearErrors++;
    }
  } catch (failure) {
    const seen = settled ? describeOutcome(settled) : "not run";
    summary.failed.push(`${name}: ${seen}`);
    throw failure;
  } finally {
    await Promise.all([sim.close(), other.close()]);
  }
}

const rowsFor = (rows: Row[]) =>
  TARGETS.flatMap((target) =>
    rows
      .filter((row) => row.applies?.(target) ?? true)
      .map((row) => [`${target.name} × ${row.fault}`, target, row] as const),
  );

afterAll(() => {
  const lines = [
    "Fault matrix summary",
    `  faults tried:  ${summary.tried}`,
    `  recovered:     ${summary.recovered}`,
    `  clear errors:  ${summary.clearErrors}`,
    `  hangs:         ${summary.hangs} (must be 0)`,
    `  leaks:         ${summary.leaks} (must be 0)`,
    `  rows failing:  ${summary.failed.length}`,
    ...summary.failed.map((failure) => `    - ${failure}`),
    ...(process.env.FAULT_MATRIX_VERBOSE
      ? ["  every row:", ...summary.outcomes.sort().map((outcome) => `    ${outcome}`)]
      : []),
  ];
  console.log(lines.join("\n"));
});

describe("fault matrix", () => {
  it.concurrent.each(rowsFor(ROWS))(
    "%s",
    async (_name, target, row) => runRow(target, row),
    15_000,
  );
});

describe("fault matrix: 50 MB error bodies", () => {
  it.each(rowsFor([HUGE_ROW]))("%s", async (_name, target, row) => runRow(target, row), 15_000);
});
