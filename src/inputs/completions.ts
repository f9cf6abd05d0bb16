import { input } from "@prismatic-io/spectral";
import { DEFAULT_MAX_TOKENS_TO_SAMPLE } from "../defaults";
import { InputError, requiredNumber, toBoolean, toOptionalString } from "./clean";
import { cleanModelId } from "./ids";

export const completionModelInput = input({
  label: "Model",
  type: "string",
  required: true,
  example: "claude-2.1",
  comments:
    "A model that still answers Text Completions (claude-2.1, claude-instant-1.2), or the id a gateway maps to one. Current Claude models answer only Chat (the Messages API).",
  clean: cleanModelId("Model"),
});

export const promptInput = input({
  label: "Prompt",
  type: "text",
  required: true,
  example: "Why is the sky blue?",
  comments:
    'The prompt. Plain text is sent as "\\n\\nHuman: <prompt>\\n\\nAssistant:"; a prompt that already starts with "\\n\\nHuman:" is sent as written (with "\\n\\nAssistant:" added when it has none).',
  // Not trimmed: a prompt in the turn format begins with the "\n\n" of "\n\nHuman:".
  clean: (value: unknown): string => {
    const prompt = toOptionalString(value, "Prompt");
    if (!prompt?.trim())
      throw new InputError("Prompt", "is required; enter the prompt to complete.");
    return prompt;
  },
});

export const maxTokensToSampleInput = input({
  label: "Max Tokens To Sample",
  type: "string",
  required: true,
  default: String(DEFAULT_MAX_TOKENS_TO_SAMPLE),
  example: "256",
  comments: `The most tokens to generate before stopping (default: ${DEFAULT_MAX_TOKENS_TO_SAMPLE}).`,
  clean: requiredNumber({ label: "Max Tokens To Sample", min: 1, integer: true }),
});

export const completionStreamInput = input({
  label: "Stream",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "When true, the completion arrives as server-sent events and is joined here into the same result, so a long one does not hit a gateway's idle timeout.",
  clean: toBoolean("Stream"),
});
