import type { Readable } from "node:stream";
import type { AnthropicClient } from "../client/createAnthropicClient";
import { AnthropicApiError } from "../client/errors";
import { NON_STREAMING_MAX_TOKENS } from "../defaults";
import { readMessageStream, StreamError } from "./stream";
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
  const header = response.headers["request-id"];
  const requestId = typeof header === "string" ? header : undefined;
  try {
    return await readMessageStream(response.data, { requestId });
  } catch (error) {
    if (error instanceof StreamError) throw error;
    // The socket broke while the answer streamed in; what arrived is not an answer, and the
    // raw error (an axios one, holding the request config) must not reach the platform.
    throw brokenStreamError(error, requestId);
  }
};

const brokenStreamError = (error: unknown, requestId: string | undefined): AnthropicApiError => {
  const code = (error as { code?: unknown }).code;
  const reason =
    typeof code === "string" ? code : error instanceof Error ? error.message : "network error";
  return new AnthropicApiError(
    `Anthropic API stream broke off before the answer was complete (${reason}); no partial result is returned. Retry the step.${requestId ? ` (request-id ${requestId})` : ""}`,
    { type: "connection_error", requestId },
  );
};
