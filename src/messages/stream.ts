/**
 * Turns the server-sent events of `POST /v1/messages` with `stream: true` into
 * the Message a non-streaming call returns. Accumulation follows the official
 * SDK's MessageStream, with one difference: a stream that is broken or cut short
 * fails loudly instead of yielding a partial Message.
 */
import { StreamError } from "../client/errors";
import { sseEventsByChunk, streamErrorEvent } from "../client/sse";

export { StreamError };

import { isObject } from "../util/isObject";
import type { Message, OtherBlock, Usage } from "./types";

/** One SSE event as the parser hands it over. */
export interface RawStreamEvent {
  event?: string;
  data: string;
}

export interface StreamOptions {
  /** The response's request-id header, quoted in error messages for support. */
  requestId?: string;
}

type JsonObject = Record<string, unknown>;

/** Blocks whose `input` is streamed as JSON text: the two the SDK tracks, plus any newer block starting with an `input`. */
const TOOL_INPUT_BLOCKS = new Set(["tool_use", "server_tool_use"]);

/** `message_delta` fields a null may clear; for the rest a null means "no news". */
const NULLABLE_DELTA_FIELDS = new Set(["stop_reason", "stop_sequence", "stop_details"]);

const requestSuffix = (requestId: string | undefined): string =>
  requestId ? ` (request-id ${requestId})` : "";

const describeError = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const tracksToolInput = (block: OtherBlock): boolean =>
  TOOL_INPUT_BLOCKS.has(block.type) || "input" in block;

/** Accumulates parsed stream events into a Message; pure and synchronous, for reuse and tests. */
export class MessageAccumulator {
  private readonly requestId?: string;
  private message?: Message;
  private blocks: OtherBlock[] = [];
  /** Tool input arrives as JSON fragments that only parse once joined, so they wait here. */
  private readonly toolJson = new Map<number, string>();
  private stopped = false;

  constructor(options: StreamOptions = {}) {
    this.requestId = options.requestId;
  }

  push(event: RawStreamEvent): void {
    // The message is final at message_stop; nothing later can change the answer.
    if (this.stopped) return;
    if (event.event === "ping") return;
    if (event.event === "error") this.throwApiError(event.data);
    if (event.data === "") return;
    const payload = this.parseEvent(event);
    const type = typeof payload.type === "string" ? payload.type : event.event;
    switch (type) {
      case "error":
        this.throwApiError(event.data);
        break;
      case "message_start":
        this.startMessage(payload);
        break;
      case "content_block_start":
        this.startBlock(payload);
        break;
      case "content_block_delta":
        this.applyBlockDelta(payload);
        break;
      case "content_block_stop":
        this.stopBlock(payload);
        break;
      case "message_delta":
        this.applyMessageDelta(payload);
        break;
      case "message_stop":
        this.requireMessage("message_stop");
        this.stopped = true;
        break;
      default:
        // ping and event types newer than this code: ignored for forward compatibility.
        break;
    }
  }

  finish(): Message {
    if (!this.message || !this.stopped) {
      throw this.error(
        "incomplete_stream",
        "Anthropic API stream ended before message_stop; the answer is incomplete, so no partial result is returned. Retry the step.",
      );
    }
    // A tool block the server never closed still gets its one parse, so its input is not lost.
    for (const index of [...this.toolJson.keys()]) this.parseToolInput(index);
    return { ...this.message, content: [...this.blocks] };
  }

  private parseEvent(event: RawStreamEvent): JsonObject {
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch (cause) {
      throw this.error(
        "invalid_stream",
        `Anthropic API stream sent an event${event.event ? ` (${event.event})` : ""} whose data is not valid JSON: ${describeError(cause)}`,
        cause,
      );
    }
    if (!isObject(payload)) {
      throw this.invalid(
        `an event${event.event ? ` (${event.event})` : ""} whose data is not a JSON object`,
      );
    }
    return payload;
  }

  private throwApiError(data: string): never {
    throw streamErrorEvent(data, this.requestId);
  }

  private startMessage(payload: JsonObject): void {
    if (this.message) throw this.invalid("a second message_start before message_stop");
    const message = payload.message;
    if (!isObject(message) || !Array.isArray(message.content) || !isObject(message.usage)) {
      throw this.invalid("a message_start without a message, its content or its usage");
    }
    const content: unknown[] = message.content;
    if (!content.every(isBlock)) throw this.invalid("a message_start with malformed content");
    // Copies, so later merges never write into the caller's parsed objects.
    this.blocks = content.map((block) => ({ ...block }));
    this.message = {
      ...(message as Message),
      content: [],
      usage: { ...(message.usage as Usage) },
    };
  }

  private startBlock(payload: JsonObject): void {
    this.requireMessage("content_block_start");
    const index = this.indexOf(payload, "content_block_start");
    const block = payload.content_block;
    if (!isBlock(block)) throw this.invalid("a content_block_start without a typed content_block");
    // Indexes are sequential; a gap or a repeat means an event was lost or duplicated.
    if (index !== this.blocks.length) {
      throw this.invalid(
        `content_block_start for index ${index} while ${this.blocks.length} blocks were open`,
      );
    }
    this.blocks.push({ ...block });
  }

  private applyBlockDelta(payload: JsonObject): void {
    this.requireMessage("content_block_delta");
    const index = this.indexOf(payload, "content_block_delta");
    const block = this.blockAt(index, "content_block_delta");
    const delta = payload.delta;
    if (!isObject(delta))
      throw this.invalid(`a content_block_delta for block ${index} without a delta`);
    // Like the SDK, a delta that does not fit the block's type is skipped rather than fatal.
    switch (delta.type) {
      case "text_delta":
        if (block.type === "text") {
          block.text = textOf(block.text) + this.stringField(delta, "text");
        }
        return;
      case "citations_delta":
        if (block.type === "text") {
          const citations = Array.isArray(block.citations) ? block.citations : [];
          block.citations = [...citations, delta.citation];
        }
        return;
      case "input_json_delta":
        if (tracksToolInput(block)) {
          const fragment = this.stringField(delta, "partial_json");
          this.toolJson.set(index, (this.toolJson.get(index) ?? "") + fragment);
        }
        return;
      case "thinking_delta":
        if (block.type === "thinking") {
          block.thinking = textOf(block.thinking) + this.stringField(delta, "thinking");
        }
        return;
      case "signature_delta":
        if (block.type === "thinking") block.signature = this.stringField(delta, "signature");
        return;
      default:
        // Delta types newer than this code: ignored for forward compatibility.
        return;
    }
  }

  private stopBlock(payload: JsonObject): void {
    this.requireMessage("content_block_stop");
    const index = this.indexOf(payload, "content_block_stop");
    this.blockAt(index, "content_block_stop");
    this.parseToolInput(index);
  }

  /** Parsed once, when whole: fragments are not JSON on their own. */
  private parseToolInput(index: number): void {
    const json = this.toolJson.get(index);
    if (json === undefined) return;
    this.toolJson.delete(index);
    // No fragments with text means the start's input (usually {}) is the whole input.
    if (json === "") return;
    const block = this.blockAt(index, "content_block_stop");
    try {
      block.input = JSON.parse(json);
    } catch (cause) {
      const name = typeof block.name === "string" ? ` "${block.name}"` : "";
      // max_tokens cuts a tool call short mid-JSON; say so, since the fix is a larger budget.
      const hint =
        this.message?.stop_reason === "max_tokens"
          ? " The answer reached max_tokens in the middle of the tool call: raise Max Tokens and retry the step."
          : "";
      throw this.error(
        "invalid_stream",
        `Anthropic API stream sent tool input that is not valid JSON for content block ${index} (${block.type}${name}): ${describeError(cause)}.${hint}`,
        cause,
      );
    }
  }

  private applyMessageDelta(payload: JsonObject): void {
    const message = this.requireMessage("message_delta");
    const delta = isObject(payload.delta) ? payload.delta : {};
    for (const [field, value] of Object.entries(delta)) {
      if (value !== null || NULLABLE_DELTA_FIELDS.has(field)) message[field] = value;
    }
    // Usage counters are whole-message totals: overwrite, never add; a null means "not reported".
    const usage = isObject(payload.usage) ? payload.usage : {};
    for (const [field, value] of Object.entries(usage)) {
      if (value !== null) message.usage[field] = value;
    }
  }

  private requireMessage(eventType: string): Message {
    if (!this.message) throw this.invalid(`${eventType} before message_start`);
    return this.message;
  }

  private indexOf(payload: JsonObject, eventType: string): number {
    const index = payload.index;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0) {
      throw this.invalid(`a ${eventType} without a valid index`);
    }
    return index;
  }

  private blockAt(index: number, eventType: string): OtherBlock {
    const block = this.blocks[index];
    if (!block)
      throw this.invalid(`${eventType} for content block ${index}, which was never started`);
    return block;
  }

  private stringField(delta: JsonObject, field: string): string {
    const value = delta[field];
    if (typeof value !== "string")
      throw this.invalid(`a ${String(delta.type)} without a string ${field}`);
    return value;
  }

  private invalid(what: string): StreamError {
    return this.error("invalid_stream", `Anthropic API stream sent ${what}.`);
  }

  private error(type: string, message: string, cause?: unknown): StreamError {
    return new StreamError(`${message}${requestSuffix(this.requestId)}`, {
      type,
      requestId: this.requestId,
      cause,
    });
  }
}

const isBlock = (value: unknown): value is OtherBlock =>
  isObject(value) && typeof value.type === "string";

const textOf = (value: unknown): string => (typeof value === "string" ? value : "");

/** Reads an SSE byte stream (Node Readable / AsyncIterable<Buffer|Uint8Array|string>) to the final Message. */
export async function readMessageStream(
  body: AsyncIterable<Uint8Array | string>,
  options: StreamOptions = {},
): Promise<Message> {
  const accumulator = new MessageAccumulator(options);
  for await (const events of sseEventsByChunk(body)) {
    for (const event of events) accumulator.push(event);
  }
  return accumulator.finish();
}
