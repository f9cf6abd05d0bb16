/** The parts of the Messages API's shapes the connector reads or builds. */

export type Role = "user" | "assistant";

export interface TextBlock {
  type: "text";
  text: string;
  citations?: unknown[] | null;
  cache_control?: CacheControl;
}

export interface ToolUseBlock {
  type: "tool_use";
  id: string;
  name: string;
  input: unknown;
}

export interface CacheControl {
  type: "ephemeral";
  ttl?: "5m" | "1h";
}

/** Blocks the connector does not inspect travel as they are. */
export interface OtherBlock {
  type: string;
  [field: string]: unknown;
}

export type ContentBlock = TextBlock | ToolUseBlock | OtherBlock;

export interface MessageParam {
  role: Role;
  content: string | ContentBlock[];
}

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  [field: string]: unknown;
}

export interface Message {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: ContentBlock[];
  stop_reason: string | null;
  stop_sequence: string | null;
  usage: Usage;
  [field: string]: unknown;
}

export interface SystemTextBlock {
  type: "text";
  text: string;
  cache_control?: CacheControl;
}

/** The body of POST /v1/messages/count_tokens; the create body adds to it. */
export interface CountTokensBody {
  model: string;
  messages: MessageParam[];
  system?: string | SystemTextBlock[];
  [field: string]: unknown;
}

export interface CreateMessageBody extends CountTokensBody {
  max_tokens: number;
  temperature?: number;
  stream?: boolean;
}
