import type { ActionLogger } from "@prismatic-io/spectral";
import { messageText, toolUsesOf } from "./blocks";
import { readStructuredOutput, type StructuredOutputMode } from "./structuredOutput";
import type { Message, MessageParam, ToolUseBlock } from "./types";

/** The Message as the API returned it, plus the fields later steps map most. */
export interface ChatResult extends Message {
  /** Every text block, joined. */
  text: string;
  /** The tool_use blocks Claude asked for, for a loop or branch on them. */
  toolUses: ToolUseBlock[];
  /** With an Output Schema: the parsed answer (null when the answer stopped early). */
  output?: unknown;
  /** The turns sent and this reply: give this result as the next step's Previous Response to go on. */
  conversation: MessageParam[];
}

/**
 * The stop reasons that leave an answer unfinished: each is returned as data
 * with a warning, and an unfinished answer is not parsed against a schema.
 */
const UNFINISHED_STOP_REASONS: Record<string, string> = {
  max_tokens:
    "Claude stopped at Max Tokens; the answer is cut short. Raise Max Tokens for the whole answer.",
  pause_turn:
    "Claude paused a long-running turn (server tools); send the response back as Previous Response to let it continue.",
  refusal: "Claude declined to answer this request (stop_reason refusal).",
  model_context_window_exceeded:
    "The conversation filled the model's context window; the answer is cut short.",
};

export interface ResultOptions {
  logger: ActionLogger;
  history: MessageParam[];
  outputSchema?: Record<string, unknown>;
  outputMode?: StructuredOutputMode;
}

export const toChatResult = (
  message: Message,
  { logger, history, outputSchema, outputMode }: ResultOptions,
): ChatResult => {
  const warning = message.stop_reason ? UNFINISHED_STOP_REASONS[message.stop_reason] : undefined;
  if (warning) logger.warn(`${warning} (message ${message.id})`);
  const text = messageText(message);
  const toolUses = toolUsesOf(message);
  const conversation: MessageParam[] = [
    ...history,
    { role: "assistant", content: message.content },
  ];
  const result: ChatResult = { ...message, text, toolUses, conversation };
  if (outputSchema && outputMode) {
    result.output = warning ? null : readStructuredOutput(message, outputSchema, outputMode);
  }
  return result;
};
