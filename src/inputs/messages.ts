import { input } from "@prismatic-io/spectral";
import { DEFAULT_MAX_TOKENS } from "../defaults";
import { optionalNumber, optionalString, requiredNumber } from "./clean";

export const messageInput = input({
  label: "Message",
  type: "text",
  required: false,
  example: "Summarize this support ticket in two sentences.",
  comments: "The message to send in the conversation, as the user.",
  clean: optionalString("Message"),
});

export const systemPromptInput = input({
  label: "System Prompt",
  type: "text",
  required: false,
  example: "You are a concise assistant for a customer-support team.",
  comments: "Optional system prompt to set the context and behavior for the chat.",
  clean: optionalString("System Prompt"),
});

export const maxTokensInput = input({
  label: "Max Tokens",
  type: "string",
  required: true,
  default: String(DEFAULT_MAX_TOKENS),
  example: "1024",
  comments: `The most tokens Claude may generate before stopping (default: ${DEFAULT_MAX_TOKENS}). Each model has its own ceiling.`,
  clean: requiredNumber({ label: "Max Tokens", min: 1, integer: true }),
});

export const temperatureInput = input({
  label: "Temperature",
  type: "string",
  required: false,
  example: "0.2",
  comments:
    "Randomness of the output, from 0 (focused) to 1 (creative). Empty lets the model use its default; not accepted by API version 2026-10-21 or the newest models.",
  clean: optionalNumber({ label: "Temperature", min: 0, max: 1 }),
});
