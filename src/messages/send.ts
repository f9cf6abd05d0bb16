import { MESSAGE_ANSWER } from "../client/answers";
import type { AnthropicClient } from "../client/createAnthropicClient";
import { postEventStream } from "../client/streamed";
import { NON_STREAMING_MAX_TOKENS } from "../defaults";
import { readMessageStream } from "./stream";
import type { CreateMessageBody, Message } from "./types";

/** Streams when asked, or when a non-streaming answer could outlast the 10-minute limit. */
export const shouldStream = (requested: boolean, maxTokens: number): boolean =>
  requested || maxTokens > NON_STREAMING_MAX_TOKENS;

export const sendMessage = async (
  client: AnthropicClient,
  body: CreateMessageBody,
  options: { stream: boolean; betas?: readonly string[] },
): Promise<Message> => {
  if (!options.stream) {
    const { data } = await client.request<Message>({
      method: "POST",
      path: "/messages",
      body,
      betas: options.betas,
      answer: MESSAGE_ANSWER,
    });
    return data;
  }
  return postEventStream(
    client,
    "/messages",
    body,
    (events, requestId) => readMessageStream(events, { requestId }),
    options.betas,
  );
};
