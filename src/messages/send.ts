import type { Readable } from "node:stream";
import type { AnthropicClient } from "../client/createAnthropicClient";
import { NON_STREAMING_MAX_TOKENS } from "../defaults";
import { readMessageStream } from "./stream";
import type { CreateMessageBody, Message } from "./types";

/** Streams when asked, or when a non-streaming answer could outlast the 10-minute limit. */
export const shouldStream = (requested: boolean, maxTokens: number): boolean =>
  requested || maxTokens > NON_STREAMING_MAX_TOKENS;

export const sendMessage = async (
  client: AnthropicClient,
  body: CreateMessageBody,
  options: { stream: boolean; betas?: string[] },
): Promise<Message> => {
  if (!options.stream) {
    const { data } = await client.request<Message>({
      method: "POST",
      path: "/messages",
      body,
      betas: options.betas,
    });
    return data;
  }
  const response = await client.request<Readable>({
    method: "POST",
    path: "/messages",
    body: { ...body, stream: true },
    betas: options.betas,
    headers: { accept: "text/event-stream" },
    responseType: "stream",
  });
  const requestId = response.headers["request-id"];
  return readMessageStream(response.data, {
    requestId: typeof requestId === "string" ? requestId : undefined,
  });
};
