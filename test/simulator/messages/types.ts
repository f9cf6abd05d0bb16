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

/** Beta (MCP connector, 2025-11-20): the tools of one of `mcp_servers`. */
export interface McpToolset extends Cacheable {
  type: "mcp_toolset";
  mcp_server_name: string;
}

export type ToolParam = CustomTool | ServerTool | McpToolset;

export function isCustomTool(tool: ToolParam): tool is CustomTool {
  return tool.type === undefined || tool.type === null || tool.type === "custom";
}

export function isMcpToolset(tool: ToolParam): tool is McpToolset {
  return tool.type === "mcp_toolset";
}

/** Beta (MCP connector): `mcp_servers` entries (BetaRequestMCPServerURLDefinition). */
export interface McpServerDefinition {
  type: "url";
  name: string;
  url: string;
  authorization_token?: string | null;
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
  /** Beta only (`?beta=true` with the MCP connector beta). */
  mcp_servers?: McpServerDefinition[];
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

export interface ServerToolUseOutput {
  type: "server_tool_use";
  id: string;
  name: "web_search";
  input: { query: string };
  caller: { type: "direct" };
}

export interface WebSearchResult {
  type: "web_search_result";
  url: string;
  title: string;
  encrypted_content: string;
  page_age: string | null;
}

export interface WebSearchToolResultOutput {
  type: "web_search_tool_result";
  tool_use_id: string;
  content: WebSearchResult[];
  caller: { type: "direct" };
}

/** Beta (MCP connector): BetaMCPToolUseBlock. */
export interface McpToolUseOutput {
  type: "mcp_tool_use";
  id: string;
  name: string;
  server_name: string;
  input: { query: string };
}

/** Beta (MCP connector): BetaMCPToolResultBlock. */
export interface McpToolResultOutput {
  type: "mcp_tool_result";
  tool_use_id: string;
  is_error: boolean;
  content: Array<{ type: "text"; text: string; citations: null }>;
}

export type OutputBlock =
  | TextOutput
  | ThinkingOutput
  | ToolUseOutput
  | ServerToolUseOutput
  | WebSearchToolResultOutput
  | McpToolUseOutput
  | McpToolResultOutput;

/** Blocks the server produced (a tool's result), not the model: they cost no output tokens. */
export type ServerResultOutput = WebSearchToolResultOutput | McpToolResultOutput;

export function isServerResult(block: OutputBlock): block is ServerResultOutput {
  return block.type === "web_search_tool_result" || block.type === "mcp_tool_result";
}

export interface ServerToolUsage {
  web_search_requests: number;
  web_fetch_requests: number;
}

export interface Usage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens: number;
  service_tier: "standard";
  inference_geo: string;
  server_tool_use: ServerToolUsage | null;
  /** `?beta=true` answers only (BetaUsage). */
  iterations?: null;
  speed?: null;
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
  /** `?beta=true` answers only (BetaMessage). */
  context_management?: null;
}
