import type { Readable } from "node:stream";
import { MESSAGE_ANSWER } from "../client/answers";
import type { AnthropicClient } from "../client/createAnthropicClient";
import { AnthropicApiError, requestIdOf } from "../client/errors";
import { backoffMs } from "../client/retry";
import { NON_STREAMING_MAX_TOKENS } from "../defaults";
import { IdleTimeoutError, withIdleTimeout } from "../util/idleTimeout";
import { readAtMost } from "../util/readAtMost";
import { readMessageStream, StreamError } from "./stream";
import type { CreateMessageBody, Message } from "./types";

/** Streams when asked, or when a non-streaming answer could outlast the 10-minute limit. */
export const shouldStream = (requested: boolean, maxTokens: number): boolean =>
  requested || maxTokens > NON_STREAMING_MAX_TOKENS;

export const sendMessage = async (
  client: AnthropicClient,
  body: CreateMessageBody,
  options: { stream: boolean; betas?: string[] },
): Promise<Message> => {
  if (!options.stream) {
    const { data } = await client.request<Message>({
      method: "POST",
      path: "/messages",
      body,
      betas: options.betas,
      answer: MESSAGE_ANSWER,
    });
    return data;
  }
  // The client retries failed requests; a stream that breaks after its 200 arrived is retried
  // here, since nothing partial was handed on and the whole answer can be asked for again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await streamMessage(client, body, options.betas);
    } catch (error) {
      const transient = error instanceof BrokenStreamError;
      if (!transient || attempt > client.retries) throw error;
      await sleep(backoffMs(attempt));
    }
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes of a non-stream answer read to say what it was. */
const MAX_NON_STREAM_BYTES = 64 * 1024;

const streamMessage = async (
  client: AnthropicClient,
  body: CreateMessageBody,
  betas: string[] | undefined,
): Promise<Message> => {
  const request = { method: "POST", path: "/messages" } as const;
  const response = await client.request<Readable>({
    ...request,
    body: { ...body, stream: true },
    betas,
    headers: { accept: "text/event-stream" },
    responseType: "stream",
  });
  const requestId = requestIdOf(response.headers);
  const contentType = String(response.headers["content-type"] ?? "");
  if (!/^text\/event-stream\b/i.test(contentType)) {
    const text = await readAtMost(response.data, MAX_NON_STREAM_BYTES).catch(() => "");
    const problem = text.trim()
      ? `the content type is ${contentType || "missing"}, not text/event-stream`
      : "the body is empty";
    throw client.invalidAnswer(request, { ...response, data: text }, "an event stream", problem);
  }
  try {
    return await readMessageStream(withIdleTimeout(response.data, client.timeoutMs), {
      requestId,
    });
  } catch (error) {
    // An error event's text is the server's: it could echo the key, and it could be huge.
    if (error instanceof StreamError)
      throw new StreamError(client.redact(error.message), {
        type: error.type,
        requestId: error.requestId,
      });
    // The socket broke or stalled while the answer streamed in; what arrived is not an answer,
    // and the raw error (an axios one, holding the request config) must not reach the platform.
    throw new BrokenStreamError(
      client.redact(describeBreak(error, client.timeoutMs)),
      error,
      requestId,
    );
  }
};

const describeBreak = (error: unknown, timeoutMs: number): string => {
  if (error instanceof IdleTimeoutError)
    return `Anthropic API stream stalled: no data for ${timeoutMs} ms (the step's Timeout) before the answer was complete`;
  const code = (error as { code?: unknown }).code;
  const reason =
    typeof code === "string" ? code : error instanceof Error ? error.message : "network error";
  return `Anthropic API stream broke off before the answer was complete (${reason})`;
};

/** A stream that broke or stalled after its 200 arrived: transient, so it is retried. */
class BrokenStreamError extends AnthropicApiError {
  constructor(reason: string, cause: unknown, requestId: string | undefined) {
    super(
      `${reason}; no partial result is returned. Retry the step.${requestId ? ` (request-id ${requestId})` : ""}`,
      {
        status: 200,
        type: cause instanceof IdleTimeoutError ? "timeout_error" : "connection_error",
        requestId,
      },
    );
  }
}
