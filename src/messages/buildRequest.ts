import { InputError } from "../inputs/clean";
import type { CountTokensBody, CreateMessageBody, MessageParam } from "./types";

/** Cleaned inputs shared by Chat and Count Tokens. */
export interface ConversationValues {
  model: string;
  message?: string;
  systemPrompt?: string;
}

export interface GenerationValues extends ConversationValues {
  maxTokens: number;
  temperature?: number;
}

/** Keeps the body free of keys whose input was left empty. */
const withoutUnset = <T extends object>(body: T): T =>
  Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as T;

const buildMessages = (values: ConversationValues): MessageParam[] => {
  if (!values.message) {
    throw new InputError("Message", "is required; enter the message to send to Claude.");
  }
  return [{ role: "user", content: values.message }];
};

/** One builder serves Chat and Count Tokens, so both send the same conversation. */
export const buildCountTokensBody = (values: ConversationValues): CountTokensBody =>
  withoutUnset({
    model: values.model,
    messages: buildMessages(values),
    system: values.systemPrompt,
  });

export const buildCreateMessageBody = (values: GenerationValues): CreateMessageBody =>
  withoutUnset({
    ...buildCountTokensBody(values),
    max_tokens: values.maxTokens,
    temperature: values.temperature,
  });
