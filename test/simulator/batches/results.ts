/**
 * A batch's results file: the lines, produced one at a time when they are needed, and their
 * JSONL encoding in chunks. Nothing here holds all lines at once, so a seeded 100,000-line batch
 * streams in constant memory.
 */
import type { ApiVersion } from "../auth";
import { ApiError } from "../errors";
import { derivedRequestId, deterministicId } from "../ids";
import { isJsonObject } from "../json";
import { PromptCache } from "../messages/cache";
import { messageFor } from "../messages/handlers";
import type { Message, MessageRequest } from "../messages/types";
import type { BatchResultCounts, BatchResultLine } from "../types";

export type ResultLine = BatchResultLine | string;

/** One request of a created batch, as validated against MessageBatchIndividualRequestParams. */
export interface BatchRequest {
  custom_id: string;
  params: MessageRequest;
}

/** The API's results chunks are about this big; small enough to stream, big enough to be cheap. */
export const RESULTS_CHUNK_BYTES = 64 * 1024;

const RESULT_TYPES = ["succeeded", "errored", "canceled", "expired"] as const;

export function erroredResult(type: string, message: string, requestId: string): object {
  return {
    type: "errored",
    error: { type: "error", error: { type, message }, request_id: requestId },
  };
}

/** The small fixed Message of a seeded succeeded line: valid against the spec, cheap to make. */
function seededMessage(batchId: string, index: number): Message {
  const text = `Simulated batch result ${index}`;
  return {
    id: deterministicId("msg", `${batchId}:${index}`),
    type: "message",
    role: "assistant",
    model: "claude-haiku-4-5-20251001",
    content: [{ type: "text", text, citations: null }],
    stop_reason: "end_turn",
    stop_sequence: null,
    stop_details: null,
    usage: {
      input_tokens: 12,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      output_tokens: Math.ceil(text.length / 4),
      service_tier: "standard",
      inference_geo: "global",
      server_tool_use: null,
    },
    container: null,
  };
}

/** The default seeded line i: custom_id `req-${i}`, types cycling through the four results. */
export function defaultSeededLine(batchId: string, index: number): BatchResultLine {
  const custom_id = `req-${index}`;
  switch (RESULT_TYPES[index % RESULT_TYPES.length]) {
    case "succeeded":
      return { custom_id, result: { type: "succeeded", message: seededMessage(batchId, index) } };
    case "errored":
      return {
        custom_id,
        result: erroredResult(
          "invalid_request_error",
          `Simulated error for request ${custom_id}`,
          derivedRequestId(`${batchId}:${custom_id}`),
        ),
      };
    case "canceled":
      return { custom_id, result: { type: "canceled" } };
    default:
      return { custom_id, result: { type: "expired" } };
  }
}

/** Counts of the default cycle, by arithmetic rather than by building every line. */
export function defaultSeededCounts(count: number): BatchResultCounts {
  const of = (position: number) => Math.floor((count + RESULT_TYPES.length - 1 - position) / 4);
  return { succeeded: of(0), errored: of(1), canceled: of(2), expired: of(3) };
}

export function* seededLines(
  count: number,
  line: (index: number) => ResultLine,
): Generator<ResultLine> {
  for (let i = 0; i < count; i++) yield line(i);
}

/**
 * The lines of a created batch once it has ended: each request answered as POST /v1/messages
 * would (an ApiError becomes an errored line), or canceled when the batch was canceled. Each
 * pass starts a fresh prompt cache, so every pass (counting, then streaming) gives the same lines.
 */
export function* createdLines(
  batchId: string,
  requests: readonly BatchRequest[],
  apiVersion: ApiVersion,
  canceled: boolean,
): Generator<BatchResultLine> {
  const cache = new PromptCache();
  for (const { custom_id, params } of requests) {
    if (canceled) {
      yield { custom_id, result: { type: "canceled" } };
      continue;
    }
    try {
      const message = messageFor(params, apiVersion, cache, `${batchId}:${custom_id}`);
      yield { custom_id, result: { type: "succeeded", message } };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const requestId = derivedRequestId(`${batchId}:${custom_id}`);
      yield { custom_id, result: erroredResult(error.type, error.message, requestId) };
    }
  }
}

function resultType(line: ResultLine): string | undefined {
  let parsed: unknown = line;
  if (typeof line === "string") {
    try {
      parsed = JSON.parse(line);
    } catch {
      return undefined;
    }
  }
  if (!isJsonObject(parsed) || !isJsonObject(parsed.result)) return undefined;
  const type = parsed.result.type;
  return typeof type === "string" ? type : undefined;
}

/** request_counts of an ended batch, counted line by line. */
export function countLines(lines: Iterable<ResultLine>): BatchResultCounts {
  const counts: BatchResultCounts = { succeeded: 0, errored: 0, canceled: 0, expired: 0 };
  for (const line of lines) {
    const type = resultType(line);
    if (type === "succeeded" || type === "errored" || type === "canceled" || type === "expired") {
      counts[type]++;
    }
  }
  return counts;
}

/**
 * JSONL in chunks of about RESULTS_CHUNK_BYTES, each produced only when the writer asks for it
 * (the server waits for 'drain' in between), so memory stays at one chunk whatever the count.
 */
export async function* jsonlChunks(lines: Iterable<ResultLine>): AsyncGenerator<string> {
  let chunk = "";
  for (const line of lines) {
    chunk += `${typeof line === "string" ? line : JSON.stringify(line)}\n`;
    if (chunk.length >= RESULTS_CHUNK_BYTES) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}
