import type { ApiVersion } from "../defaults";
import { InputError } from "../inputs/clean";
import { withoutUndefined } from "../util/withoutUndefined";
import { type AttachmentValues, toAttachmentBlocks } from "./attachments";
import { applyCaching, type CacheMode } from "./caching";
import { buildConversation, checkVersionRules } from "./conversation";
import { rejectsSamplingParameters } from "./modelTraits";
import {
  checkOutputSchema,
  closeObjects,
  type StructuredOutputMode,
  structuredOutputMode,
  structuredOutputTool,
} from "./structuredOutput";
import { buildToolChoice, checkTools, type ToolChoice, type ToolDefinition } from "./tools";
import type { CountTokensBody, CreateMessageBody, MessageParam } from "./types";

export type ThinkingMode = "off" | "enabled" | "adaptive";

/** Cleaned inputs shared by Chat and Count Tokens. */
export interface ConversationValues extends AttachmentValues {
  model: string;
  message?: string;
  systemPrompt?: string;
  messages?: unknown[];
  previousResponse?: Record<string, unknown>;
  toolResults?: unknown[];
  tools?: unknown[];
  toolChoice?: string;
  disableParallelToolUse?: boolean;
  thinking?: ThinkingMode;
  budgetTokens?: number;
  effort?: string;
  outputSchema?: Record<string, unknown>;
}

/** Chat's inputs on top of the conversation. */
export interface GenerationValues extends ConversationValues {
  maxTokens: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
  metadataUserId?: string;
  serviceTier?: string;
  cache?: CacheMode;
}

export interface BuiltRequest<TBody> {
  body: TBody;
  /** How the answer is to be read back when an Output Schema is given. */
  outputMode?: StructuredOutputMode;
  /** The conversation sent, without the cache markers this step added, for the next step to carry on. */
  history: MessageParam[];
}

const thinkingConfig = (values: ConversationValues) => {
  const mode = values.thinking ?? "off";
  if (mode === "off") {
    if (values.budgetTokens !== undefined) {
      throw new InputError(
        "Thinking Budget Tokens",
        "only applies with Extended Thinking enabled; turn it on or leave this empty.",
      );
    }
    return undefined;
  }
  if (mode === "adaptive") {
    if (values.budgetTokens !== undefined) {
      throw new InputError(
        "Thinking Budget Tokens",
        "does not apply to adaptive thinking (use Effort instead); leave it empty.",
      );
    }
    return { type: "adaptive" as const };
  }
  if (values.budgetTokens === undefined) {
    throw new InputError(
      "Thinking Budget Tokens",
      "is required with Extended Thinking enabled: at least 1024 and below Max Tokens.",
    );
  }
  return { type: "enabled" as const, budget_tokens: values.budgetTokens };
};

interface ToolParts {
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
  outputMode?: StructuredOutputMode;
  output_config?: Record<string, unknown>;
}

/** Tools, tool choice and structured output, which can force a tool of their own. */
const toolParts = (values: ConversationValues): ToolParts => {
  const tools = checkTools(values.tools ?? []);
  const toolChoice = buildToolChoice(
    values.toolChoice,
    values.disableParallelToolUse ?? false,
    tools,
  );
  const forced = toolChoice?.type === "any" || toolChoice?.type === "tool";
  if (forced && (values.thinking ?? "off") !== "off") {
    throw new InputError(
      "Tool Choice",
      `"${values.toolChoice}" forces a tool, which the API does not allow with Extended Thinking; use auto or turn thinking off.`,
    );
  }
  // No tools means no `tools` key at all, not an empty list.
  const sentTools = tools.length ? tools : undefined;
  const effort = values.effort ? { effort: values.effort } : undefined;
  const schema = values.outputSchema;
  if (!schema) return { tools: sentTools, tool_choice: toolChoice, output_config: effort };
  checkOutputSchema(schema);
  const closed = closeObjects(schema) as Record<string, unknown>;
  const outputMode = structuredOutputMode(values.model);
  if (outputMode === "native") {
    return {
      tools: sentTools,
      tool_choice: toolChoice,
      outputMode,
      output_config: { format: { type: "json_schema", schema: closed }, ...effort },
    };
  }
  if (values.toolChoice || (values.thinking ?? "off") !== "off") {
    throw new InputError(
      "Output Schema",
      `on ${values.model} is answered through a forced tool, which cannot be combined with Tool Choice or Extended Thinking; leave those empty or use a newer model.`,
    );
  }
  const outputTool = structuredOutputTool(closed);
  return {
    tools: [...tools, outputTool],
    tool_choice: { type: "tool", name: outputTool.name },
    outputMode,
    output_config: effort,
  };
};

const buildConversationRequest = (
  values: ConversationValues,
  apiVersion: ApiVersion,
): BuiltRequest<CountTokensBody> => {
  const attachments = toAttachmentBlocks(values);
  const messages = buildConversation({ ...values, attachments: attachments.blocks });
  checkVersionRules(messages, apiVersion);
  const { outputMode, ...tools } = toolParts(values);
  const body = withoutUndefined({
    model: values.model,
    system: values.systemPrompt,
    messages,
    ...tools,
    thinking: thinkingConfig(values),
  });
  return { body, outputMode, history: messages };
};

/** One builder serves Chat and Count Tokens, so both send the same conversation. */
export const buildCountTokensRequest = (
  values: ConversationValues,
  apiVersion: ApiVersion,
): BuiltRequest<CountTokensBody> => buildConversationRequest(values, apiVersion);

const SAMPLING_INPUTS = [
  ["temperature", "Temperature", "temperature"],
  ["topP", "Top P", "top_p"],
  ["topK", "Top K", "top_k"],
] as const;

const checkSampling = (values: GenerationValues, apiVersion: ApiVersion): void => {
  for (const [key, label, field] of SAMPLING_INPUTS) {
    if (values[key] === undefined) continue;
    // The version is named first: it is the rule a builder can change for every model at once.
    if (apiVersion === "2026-10-21") {
      throw new InputError(
        label,
        `API version 2026-10-21 does not accept ${field}; leave it empty, or set the connection's API Version to 2023-06-01.`,
      );
    }
    if (rejectsSamplingParameters(values.model)) {
      throw new InputError(
        label,
        `${values.model} chooses its own sampling and does not accept ${field}; leave it empty.`,
      );
    }
  }
  if ((values.thinking ?? "off") === "off") return;
  if (values.temperature !== undefined)
    throw new InputError(
      "Temperature",
      "cannot be combined with Extended Thinking; leave it empty.",
    );
  if (values.topK !== undefined)
    throw new InputError("Top K", "cannot be combined with Extended Thinking; leave it empty.");
  if (values.topP !== undefined && values.topP < 0.95) {
    throw new InputError("Top P", "must be from 0.95 to 1 with Extended Thinking, or empty.");
  }
  if (
    values.thinking === "enabled" &&
    values.budgetTokens !== undefined &&
    values.budgetTokens >= values.maxTokens
  ) {
    throw new InputError(
      "Thinking Budget Tokens",
      `must be below Max Tokens (${values.maxTokens}); raise Max Tokens or lower the budget.`,
    );
  }
};

export const buildCreateMessageRequest = (
  values: GenerationValues,
  apiVersion: ApiVersion,
): BuiltRequest<CreateMessageBody> => {
  checkSampling(values, apiVersion);
  const conversation = buildConversationRequest(values, apiVersion);
  const cached = applyCaching(
    conversation.body as CountTokensBody & { tools?: ToolDefinition[] },
    values.cache ?? "off",
  );
  const body = withoutUndefined({
    ...cached,
    max_tokens: values.maxTokens,
    temperature: values.temperature,
    top_p: values.topP,
    top_k: values.topK,
    stop_sequences: values.stopSequences,
    metadata: values.metadataUserId ? { user_id: values.metadataUserId } : undefined,
    service_tier: values.serviceTier,
  });
  return { ...conversation, body };
};
