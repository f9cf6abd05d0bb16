import { input } from "@prismatic-io/spectral";
import { STRUCTURED_OUTPUT_TOOL_NAME, THINKING_MIN_BUDGET_TOKENS } from "../defaults";
import { attachmentInputs } from "./attachments";
import {
  InputError,
  jsonArray,
  oneOf,
  optionalNumber,
  optionalString,
  parseJson,
  toBoolean,
  valueList,
} from "./clean";

/**
 * Chat's optional inputs, beyond the seed's. Each group below is one feature of
 * the Messages API; every input is left out of the request when empty.
 */

const jsonObject =
  (label: string) =>
  (value: unknown): Record<string, unknown> | undefined => {
    const parsed = parseJson(label, value);
    if (parsed === undefined) return undefined;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new InputError(label, "must be a JSON object, such as { ... }.");
    }
    return parsed as Record<string, unknown>;
  };

// Conversation

export const messagesInput = input({
  label: "Messages",
  type: "code",
  language: "json",
  required: false,
  example:
    '[{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello! How can I help?"}]',
  comments:
    "Conversation: earlier turns as a JSON array of {role, content}, role user or assistant, content a string or content blocks. The Message input, when given, is added as the last user turn.",
  clean: jsonArray("Messages"),
});

export const previousResponseInput = input({
  label: "Previous Response",
  type: "code",
  language: "json",
  required: false,
  example:
    '{"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}}]}',
  comments:
    "Conversation: the result of an earlier Chat step (its data). Its conversation so far and Claude's reply are sent first, so the chat goes on; with Tool Results, this answers Claude's tool calls. A Message from elsewhere is added after Messages as Claude's turn.",
  clean: (value: unknown) => {
    const parsed = jsonObject("Previous Response")(value);
    // The whole step result ({ data: Message }) is accepted as well as the Message itself.
    const message =
      parsed && !("content" in parsed) && parsed.data && typeof parsed.data === "object"
        ? (parsed.data as Record<string, unknown>)
        : parsed;
    if (message && !Array.isArray(message.content)) {
      throw new InputError(
        "Previous Response",
        "must be the result of an earlier Chat step: a Message with a content array.",
      );
    }
    return message;
  },
});

export const toolResultsInput = input({
  label: "Tool Results",
  type: "code",
  language: "json",
  required: false,
  example: '[{"tool_use_id": "toolu_01", "content": "18°C and sunny"}]',
  comments:
    "Conversation: the results of the tools Claude asked for, as a JSON array of {tool_use_id, content, is_error?}. Sent as a user turn after the Previous Response.",
  clean: jsonArray("Tool Results"),
});

// Sampling and control

export const topPInput = input({
  label: "Top P",
  type: "string",
  required: false,
  example: "0.9",
  comments:
    "Sampling: nucleus sampling, from 0 to 1. Use Temperature or Top P, not both. Not accepted by API version 2026-10-21.",
  clean: optionalNumber({ label: "Top P", min: 0, max: 1 }),
});

export const topKInput = input({
  label: "Top K",
  type: "string",
  required: false,
  example: "40",
  comments:
    "Sampling: only sample from the K most likely tokens (a whole number). Not accepted by API version 2026-10-21.",
  clean: optionalNumber({ label: "Top K", min: 0, integer: true }),
});

export const stopSequencesInput = input({
  label: "Stop Sequences",
  type: "string",
  collection: "valuelist",
  required: false,
  example: "END",
  comments:
    "Sampling: text that makes Claude stop when it writes it. The result's stop_sequence says which one.",
  clean: (value: unknown) => {
    const sequences = valueList("Stop Sequences", { trim: false })(value);
    return sequences.length ? sequences : undefined;
  },
});

export const metadataUserIdInput = input({
  label: "Metadata User ID",
  type: "string",
  required: false,
  example: "13803d75-b4b5-4c3e-b2a2-6f21399b021b",
  comments:
    "An opaque id (uuid or hash) of your end user, to help Anthropic detect abuse. Never a name or email.",
  clean: (value: unknown) => {
    const id = optionalString("Metadata User ID")(value)?.trim();
    if (id && id.length > 512)
      throw new InputError("Metadata User ID", "must be at most 512 characters.");
    return id || undefined;
  },
});

export const SERVICE_TIERS = ["auto", "standard_only"] as const;
export const serviceTierInput = input({
  label: "Service Tier",
  type: "string",
  required: false,
  model: SERVICE_TIERS.map((value) => ({ label: value, value })),
  example: "auto",
  comments:
    "auto uses Priority Tier capacity when your organization has it; standard_only never does. Empty leaves it to the API.",
  clean: oneOf("Service Tier", SERVICE_TIERS),
});

// Tools

export const toolsInput = input({
  label: "Tools",
  type: "code",
  language: "json",
  required: false,
  example:
    '[{"name": "get_weather", "description": "Current weather for a city", "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}]',
  comments:
    'Tools: a JSON array of tool definitions: your own tools ({name, description, input_schema}) and Anthropic\'s server tools (such as {"type": "web_search_20250305", "name": "web_search"}), passed as given.',
  clean: jsonArray("Tools"),
});

export const toolChoiceInput = input({
  label: "Tool Choice",
  type: "string",
  required: false,
  example: "auto",
  comments:
    "Tools: auto (Claude decides), any (must use a tool), none (must not), or the name of one tool Claude must use. Empty means auto.",
  clean: optionalString("Tool Choice"),
});

export const disableParallelToolUseInput = input({
  label: "Disable Parallel Tool Use",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "When true, Claude asks for at most one tool per turn, so its tool calls come one at a time (Tools).",
  clean: toBoolean("Disable Parallel Tool Use"),
});

// Extended thinking

export const THINKING_MODES = ["off", "enabled", "adaptive"] as const;
export const thinkingInput = input({
  label: "Extended Thinking",
  type: "string",
  required: false,
  default: "off",
  model: [
    { label: "Off", value: "off" },
    { label: "Enabled, with a token budget", value: "enabled" },
    { label: "Adaptive (the model decides how much to think)", value: "adaptive" },
  ],
  example: "adaptive",
  comments:
    "Thinking: let Claude reason before answering. Thinking blocks and their signatures stay in the result, so a Previous Response passes them back as the API requires with tools.",
  clean: (value: unknown) => oneOf("Extended Thinking", THINKING_MODES)(value) ?? "off",
});

export const budgetTokensInput = input({
  label: "Thinking Budget Tokens",
  type: "string",
  required: false,
  example: "2048",
  comments: `Thinking: with Extended Thinking enabled, the most tokens Claude may think with: at least ${THINKING_MIN_BUDGET_TOKENS} and below Max Tokens.`,
  clean: optionalNumber({
    label: "Thinking Budget Tokens",
    min: THINKING_MIN_BUDGET_TOKENS,
    integer: true,
  }),
});

export const EFFORT_LEVELS = ["low", "medium", "high", "xhigh", "max"] as const;
export const effortInput = input({
  label: "Effort",
  type: "string",
  required: false,
  model: EFFORT_LEVELS.map((value) => ({ label: value, value })),
  example: "medium",
  comments:
    "Thinking: how much effort the model puts into its answer, on models that take it (with adaptive thinking, how much it thinks). Empty leaves it to the model.",
  clean: oneOf("Effort", EFFORT_LEVELS),
});

// Prompt caching

export const CACHE_MODES = ["off", "5m", "1h"] as const;
export const cacheInput = input({
  label: "Prompt Caching",
  type: "string",
  required: false,
  default: "off",
  model: [
    { label: "Off", value: "off" },
    { label: "5 minutes", value: "5m" },
    { label: "1 hour", value: "1h" },
  ],
  example: "5m",
  comments:
    "Caching: mark the system prompt, the tools and the last user turn for caching, so repeated calls with the same beginning cost less. The usage shows cache_creation_input_tokens and cache_read_input_tokens.",
  clean: (value: unknown) => oneOf("Prompt Caching", CACHE_MODES)(value) ?? "off",
});

// Structured output and streaming

export const outputSchemaInput = input({
  label: "Output Schema",
  type: "code",
  language: "json",
  required: false,
  example:
    '{"type": "object", "properties": {"name": {"type": "string"}, "email": {"type": "string"}}, "required": ["name", "email"]}',
  comments: `Output: a JSON Schema the answer must follow. The parsed answer is returned as data.output, checked against the schema. Uses the API's structured outputs, or a forced "${STRUCTURED_OUTPUT_TOOL_NAME}" tool on models without them.`,
  clean: jsonObject("Output Schema"),
});

export const streamInput = input({
  label: "Stream",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "When true, the answer arrives as server-sent events and is assembled here, for long answers (Output). Turned on automatically when Max Tokens is above what finishes within the 10-minute limit.",
  clean: toBoolean("Stream"),
});

/**
 * What Chat and Count Tokens share beyond the seed inputs, in form order: the
 * same request builder reads them, so both count and send the same thing.
 */
export const conversationInputs = {
  messages: messagesInput,
  previousResponse: previousResponseInput,
  toolResults: toolResultsInput,
  ...attachmentInputs,
  tools: toolsInput,
  toolChoice: toolChoiceInput,
  disableParallelToolUse: disableParallelToolUseInput,
  thinking: thinkingInput,
  budgetTokens: budgetTokensInput,
};
