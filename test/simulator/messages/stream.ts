import type { SseEvent } from "../sse";
import type { Message, OutputBlock } from "./types";

/** Splits text into a handful of deltas (more for long texts), never inside a code point. */
export function chunkText(text: string, pieces = 8): string[] {
  const chars = Array.from(text);
  const size = Math.min(1024, Math.max(4, Math.ceil(chars.length / pieces)));
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += size) chunks.push(chars.slice(i, i + size).join(""));
  return chunks;
}

function startShape(block: OutputBlock): object {
  switch (block.type) {
    case "text":
      return { type: "text", text: "", citations: block.citations ? [] : null };
    case "thinking":
      return { type: "thinking", thinking: "", signature: "" };
    case "tool_use":
      return { type: "tool_use", id: block.id, name: block.name, input: {}, caller: block.caller };
    // tool calls run by the server stream their input as tool_use does (the API's captures)
    case "server_tool_use":
      return { ...block, input: {} };
    case "mcp_tool_use":
      return { ...block, input: {} };
    // their results arrive whole in content_block_start, with no deltas
    case "web_search_tool_result":
    case "mcp_tool_result":
      return block;
  }
}

function deltas(block: OutputBlock): object[] {
  switch (block.type) {
    case "text":
      // the API sends a cited block's citations before its text
      return [
        ...(block.citations ?? []).map((citation) => ({ type: "citations_delta", citation })),
        ...chunkText(block.text).map((text) => ({ type: "text_delta", text })),
      ];
    case "thinking":
      return [
        ...chunkText(block.thinking).map((thinking) => ({ type: "thinking_delta", thinking })),
        { type: "signature_delta", signature: block.signature },
      ];
    case "tool_use":
    case "server_tool_use":
    case "mcp_tool_use":
      // an empty first piece, then the JSON in parts, as in the API's captures
      return ["", ...chunkText(JSON.stringify(block.input), 4)].map((partial_json) => ({
        type: "input_json_delta",
        partial_json,
      }));
    case "web_search_tool_result":
    case "mcp_tool_result":
      return [];
  }
}

function event<T extends { type: string }>(data: T): SseEvent {
  return { event: data.type, data };
}

/**
 * The event sequence of a streamed Message. An SDK accumulating these events rebuilds exactly
 * `message`: message_start carries everything but content, stop and output tokens, which the
 * blocks and message_delta supply. A beta Message (with `context_management`) streams the
 * beta events: message_delta carries `context_management` and `usage.iterations`.
 */
export function messageEvents(message: Message): SseEvent[] {
  const { usage } = message;
  const events: SseEvent[] = [
    event({
      type: "message_start",
      message: {
        ...message,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        stop_details: null,
        usage: { ...usage, output_tokens: Math.min(1, usage.output_tokens) },
      },
    }),
  ];
  message.content.forEach((block, index) => {
    events.push(event({ type: "content_block_start", index, content_block: startShape(block) }));
    if (index === 0) events.push(event({ type: "ping" }));
    for (const delta of deltas(block))
      events.push(event({ type: "content_block_delta", index, delta }));
    events.push(event({ type: "content_block_stop", index }));
  });
  if (message.content.length === 0) events.push(event({ type: "ping" }));
  const beta = "context_management" in message;
  const deltaUsage = {
    input_tokens: usage.input_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    cache_read_input_tokens: usage.cache_read_input_tokens,
    output_tokens: usage.output_tokens,
    server_tool_use: usage.server_tool_use,
  };
  events.push(
    event({
      type: "message_delta",
      delta: {
        stop_reason: message.stop_reason,
        stop_sequence: message.stop_sequence,
        stop_details: message.stop_details,
        container: null,
      },
      usage: beta ? { ...deltaUsage, iterations: null } : deltaUsage,
      ...(beta ? { context_management: null } : {}),
    }),
    event({ type: "message_stop" }),
  );
  return events;
}
