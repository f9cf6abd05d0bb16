import { StreamError } from "../client/errors";
import { sseEventsByChunk, streamErrorEvent } from "../client/sse";
import { isObject } from "../util/isObject";

/** What `POST /v1/complete` answers, streamed or not. */
export interface Completion {
  type: "completion";
  id: string;
  completion: string;
  stop_reason: string | null;
  model: string;
  stop?: string | null;
  [field: string]: unknown;
}

const withId = (message: string, requestId: string | undefined): string =>
  `${message}${requestId ? ` (request-id ${requestId})` : ""}`;

/**
 * Joins a Text Completions stream (`completion` events whose `completion` is the next piece of
 * text, `ping`, `error`) into the answer a non-streaming call gives. The last completion event
 * carries the stop_reason; a stream that ends before it is an error, never a partial answer.
 */
/** One event at a time: completion streams are short, so clarity wins over batching here. */
async function* eachEvent(body: AsyncIterable<Uint8Array | string>) {
  for await (const events of sseEventsByChunk(body)) yield* events;
}

export const readCompletionStream = async (
  body: AsyncIterable<Uint8Array | string>,
  requestId: string | undefined,
): Promise<Completion> => {
  const pieces: string[] = [];
  for await (const event of eachEvent(body)) {
    if (event.event === "ping") continue;
    if (event.event === "error") throw streamErrorEvent(event.data, requestId);
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch {
      throw new StreamError(
        withId(
          `Anthropic API stream sent a ${event.event ?? "message"} event whose data is not JSON`,
          requestId,
        ),
        { type: "invalid_stream", requestId },
      );
    }
    if (!isObject(payload)) continue;
    if (payload.type === "error") throw streamErrorEvent(event.data, requestId);
    if (payload.type !== "completion") continue;
    if (typeof payload.completion !== "string") {
      throw new StreamError(
        withId(
          "Anthropic API stream sent a completion event without its completion text",
          requestId,
        ),
        { type: "invalid_stream", requestId },
      );
    }
    pieces.push(payload.completion);
    if (typeof payload.stop_reason === "string") {
      return { ...(payload as Completion), completion: pieces.join("") };
    }
  }
  throw new StreamError(
    withId(
      "Anthropic API stream ended before the final completion event with its stop_reason; the completion is incomplete, so no partial result is returned. Retry the step.",
      requestId,
    ),
    { type: "incomplete_stream", requestId },
  );
};
