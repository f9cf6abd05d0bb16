import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { IdleTimeoutError, withIdleTimeout } from "../util/idleTimeout";
import { readAtMost } from "../util/readAtMost";
import type { AnthropicClient, ApiRequest } from "./createAnthropicClient";
import { AnthropicApiError, requestIdOf, StreamError } from "./errors";
import { backoffMs } from "./retry";

/** What a streamed answer must be, and how it is read. */
export interface StreamedAnswer<T> {
  /** The content types a good answer has (`text/event-stream`), and what the error calls it. */
  contentType: RegExp;
  /** The content type named when another one came: "text/event-stream". */
  typeName: string;
  expected: string;
  /** Reads the body to its result; a decoder's StreamError passes on, redacted. */
  consume: (body: AsyncIterable<Buffer | string>, requestId: string | undefined) => Promise<T>;
}

/** Bytes of an answer that is not the stream asked for, read to say what it was. */
const MAX_WRONG_BODY_BYTES = 64 * 1024;

/** A stream that broke or stalled after its 200 arrived: transient, so it is asked for again. */
export class BrokenStreamError extends AnthropicApiError {
  constructor(reason: string, cause: unknown, requestId: string | undefined) {
    super(
      `${reason}; no partial result is returned. Retry the step.${requestId ? ` (request-id ${requestId})` : ""}`,
      {
        status: 200,
        type: cause instanceof IdleTimeoutError ? "timeout_error" : "connection_error",
        requestId,
      },
    );
    this.name = "AnthropicBrokenStreamError";
  }
}

const describeBreak = (error: unknown, timeoutMs: number): string => {
  if (error instanceof IdleTimeoutError)
    return `Anthropic API stream stalled: no data for ${timeoutMs} ms (the step's Timeout) before the answer was complete`;
  const code = (error as { code?: unknown }).code;
  const reason =
    typeof code === "string" ? code : error instanceof Error ? error.message : "network error";
  return `Anthropic API stream broke off before the answer was complete (${reason})`;
};

const readOnce = async <T>(
  client: AnthropicClient,
  request: ApiRequest,
  answer: StreamedAnswer<T>,
): Promise<T> => {
  const response = await client.request<Readable>({ ...request, responseType: "stream" });
  const body = response.data;
  try {
    const requestId = requestIdOf(response.headers);
    const contentType = String(response.headers["content-type"] ?? "");
    if (!answer.contentType.test(contentType)) {
      const text = await readAtMost(body, MAX_WRONG_BODY_BYTES).catch(() => "");
      const problem = text.trim()
        ? `the content type is ${contentType || "missing"}, not ${answer.typeName}`
        : "the body is empty";
      throw client.invalidAnswer(request, { ...response, data: text }, answer.expected, problem);
    }
    try {
      return await answer.consume(withIdleTimeout(body, client.timeoutMs), requestId);
    } catch (error) {
      // A decoder's or the server's error text may echo anything, the key included, at any length.
      if (error instanceof StreamError) {
        throw new StreamError(client.redact(error.message), {
          status: response.status,
          type: error.type,
          requestId: error.requestId,
          errorCode: error.errorCode,
        });
      }
      if (error instanceof AnthropicApiError) throw error;
      // The socket broke or stalled while the answer streamed in; the raw error (an axios one,
      // holding the request config) must not reach the platform.
      throw new BrokenStreamError(
        client.redact(describeBreak(error, client.timeoutMs)),
        error,
        requestId,
      );
    }
  } finally {
    // A consumer that stopped early (or failed) leaves the rest unread: let the socket go.
    body.destroy();
  }
};

/**
 * Sends a request whose answer streams (SSE, JSONL) and reads it through `answer.consume`.
 * The client retries a request that fails; a body that breaks after its 200 arrived is asked
 * for again here, since nothing partial was handed on.
 */
export const streamedRequest = async <T>(
  client: AnthropicClient,
  request: ApiRequest,
  answer: StreamedAnswer<T>,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readOnce(client, request, answer);
    } catch (error) {
      if (!(error instanceof BrokenStreamError) || attempt > client.retries) throw error;
      await sleep(backoffMs(attempt));
    }
  }
};

export const EVENT_STREAM = /^text\/event-stream\b/i;

/** A POST with `stream: true` whose server-sent events `consume` reads to the answer. */
export const postEventStream = <T>(
  client: AnthropicClient,
  path: string,
  body: object,
  consume: StreamedAnswer<T>["consume"],
  betas?: readonly string[],
): Promise<T> =>
  streamedRequest(
    client,
    {
      method: "POST",
      path,
      body: { ...body, stream: true },
      headers: { accept: "text/event-stream" },
      betas,
    },
    {
      contentType: EVENT_STREAM,
      typeName: "text/event-stream",
      expected: "an event stream",
      consume,
    },
  );
