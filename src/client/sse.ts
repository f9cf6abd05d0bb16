import { StringDecoder } from "node:string_decoder";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { isObject } from "../util/isObject";
import { StreamError } from "./errors";

/**
 * The events of a server-sent-event byte stream, as they arrive: one array per chunk read, so a
 * long stream costs one asynchronous step per chunk rather than one per event (a 20 MB answer
 * is some 180,000 events). An accumulator (Messages, Text Completions) consumes them; the parser
 * is eventsource-parser.
 */
export async function* sseEventsByChunk(
  body: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<EventSourceMessage[], void, undefined> {
  let parsed: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => parsed.push(event) });
  // string_decoder keeps a multi-byte character split across chunks until its last byte
  // arrives, as TextDecoder's stream mode does, at a fraction of its cost per chunk.
  const decoder = new StringDecoder("utf8");
  for await (const chunk of body) {
    parser.feed(typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
    // Handed on after feed() returns, so a consumer's error is never thrown through the parser.
    if (parsed.length) {
      const events = parsed;
      parsed = [];
      yield events;
    }
  }
  parser.feed(decoder.end());
  if (parsed.length) yield parsed;
}

/** How much of an error event's data is quoted when it carries no message. */
const MAX_QUOTED_TEXT = 300;

/**
 * The StreamError for an `error` event (`{type: "error", error: {type, message, details?}}`),
 * the same for every stream the API sends: Messages and Text Completions.
 */
export const streamErrorEvent = (data: string, requestId: string | undefined): StreamError => {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    body = undefined;
  }
  const envelope = isObject(body) ? body : {};
  const detail = isObject(envelope.error) ? envelope.error : {};
  // Mid-stream failures are server-side, so an untyped one is reported as the generic api_error.
  const type = typeof detail.type === "string" ? detail.type : "api_error";
  const text =
    typeof detail.message === "string"
      ? detail.message
      : data.trim().slice(0, MAX_QUOTED_TEXT) || "no message";
  const errorCode =
    isObject(detail.details) && typeof detail.details.error_code === "string"
      ? detail.details.error_code
      : undefined;
  const id =
    requestId ?? (typeof envelope.request_id === "string" ? envelope.request_id : undefined);
  return new StreamError(
    `Anthropic API stream error ${type}${errorCode ? ` (${errorCode})` : ""}: ${text}${id ? ` (request-id ${id})` : ""}`,
    { type, requestId: id, errorCode },
  );
};
