/**
 * Request and response shapes of POST /v1/messages as far as the simulator reads or writes
 * them. Requests are validated against the OpenAPI schema before these types are trusted.
 */
import type { JsonObject } from "../json";

export type CacheTtl = "5m" | "1h";

export interface CacheControl {
  type: "ephemeral";
  ttl?: CacheTtl;
}

interface Cacheable {
  cache_control?: CacheControl | null;
}

export interface TextBlockParam extends Cacheable {
  type: "text";
  text: string;
  citations?: unknown[] | null;
}

export interface Base64Source {
  type: "base64";
  media_type: string;
  data: string;
}

export interface UrlSource {
  type: "url";
  url: string;
}

export interface PlainTextSource {
  type: "text";
  media_type: "text/plain";
  data: string;
}

export interface ContentSource {
  type: "content";
  content: string | InputBlock[];
}

export interface ImageBlockParam extends Cacheable {
  type: "image";
  source: Base64Source | UrlSource;
}

export interface DocumentBlockParam extends Cacheable {
  type: "document";
  source: Base64Source | UrlSource | PlainTextSource | ContentSource;
  title?: string | null;
  context?: string | null;
  citations?: { enabled?: boolean } | null;
}

export interface ToolUseBlockParam extends Cacheable {
  type: "tool_use";
  id: string;
  name: string;
  input: JsonObject;
}

export interface ToolResultBlockParam extends Cacheable {
  type: "tool_result";
  tool_use_id: string;
  content?: string | InputBlock[];
  is_error?: boolean;
}

export interface ThinkingBlockParam {
  type: "thinking";
  thinking: string;
  signature: string;
}

/** Every other block the schema admits (server tool results, search results, …). */
export interface OtherBlockParam extends Cacheable {
  type: string;
}

export type KnownBlockParam =
  | TextBlockParam
  | ImageBlockParam
  | DocumentBlockParam
  | ToolUseBlockParam
  | ToolResultBlockParam
  | ThinkingBlockParam;

export type InputBlock = KnownBlockParam | OtherBlockParam;

/** `type` alone cannot narrow InputBlock because OtherBlockParam's type is any string. */
export function isBlock<T extends KnownBlockParam["type"]>(
  block: InputBlock,
  type: T,
): block is Extract<KnownBlockParam, { type: T }> {
  return block.type === type;
}

export interface InputMessage {
  role: "user" | "assistant";
  content: string | InputBlock[];
}

export interface CustomTool extends Cacheable {
  type?: "custom" | null;
  name: string;
  description?: string;
  input_schema: JsonObject;
}

export interface ServerTool extends Cacheable {
  type: string;
  name: string;
}

export type ToolParam = CustomTool | ServerTool;

export function isCustomTool(tool: ToolParam): tool is CustomTool {
  return tool.type === undefined || tool.type === null || tool.type === "custom";
}

export type ToolChoice =
  | { type: "auto" | "any"; disable_parallel_tool_use?: boolean }
  | { type: "none" }
  | { type: "tool"; name: string; disable_parallel_tool_use?: boolean };

export type ThinkingParam =
  | { type: "enabled"; budget_tokens: number; display?: "summarized" | "omitted" | null }
  | { type: "adaptive"; display?: "summarized" | "omitted" | null }
  | { type: "disabled" };

/** CreateMessageParams; CountMessageTokensParams is the same minus max_tokens and sampling. */
export interface MessageRequest {
  model: string;
  messages: InputMessage[];
  max_tokens?: number;
  system?: string | TextBlockParam[];
  tools?: ToolParam[];
  tool_choice?: ToolChoice;
  thinking?: ThinkingParam;
  stop_sequences?: string[];
  stream?: boolean;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  cache_control?: CacheControl | null;
  output_config?: {
    format?: { type: "json_schema"; schema: JsonObject } | null;
    effort?: string | null;
  };
  service_tier?: string;
  inference_geo?: string | null;
}

export type StopReason =
  | "end_turn"
  | "max_tokens"
  | "stop_sequence"
  | "tool_use"
  | "pause_turn"
  | "refusal"
  | "model_context_window_exceeded";

interface CitationBase {
  cited_text: string;
  document_index: number;
  document_title: string | null;
  file_id: null;
}

export type Citation =
  | (CitationBase & { type: "char_location"; start_char_index: number; end_char_index: number })
  | (CitationBase & { type: "page_location"; start_page_number: number; end_page_number: number })
  | (CitationBase & {
      type: "content_block_location";
      start_block_index: number;
      end_block_index: number;
    });

export interface TextOutput {
  type: "text";
  text: string;
  citations: Citation[] | null;
}

export interface ThinkingOutput {
  type: "thinking";
  thinking: string;
  signature: string;
}

export interface ToolUseOutput {
  type: "tool_use";
  id: string;
  name: string;
  input: JsonObject;
  caller: { type: "direct" };
}

export type OutputBlock = TextOutput | ThinkingOutput | ToolUseOutput;

export interface Usage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens: number;
  service_tier: "standard";
  inference_geo: string;
  server_tool_use: null;
}

export interface Message {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: OutputBlock[];
  stop_reason: StopReason;
  stop_sequence: string | null;
  stop_details: { type: "refusal"; category: null; explanation: null } | null;
  usage: Usage;
  container: null;
}
