import { COMPLETION_ANSWER } from "../client/answers";
import type { AnthropicClient } from "../client/createAnthropicClient";
import { postEventStream } from "../client/streamed";
import type { CompletionBody } from "./buildRequest";
import { type Completion, readCompletionStream } from "./stream";

export const sendCompletion = async (
  client: AnthropicClient,
  body: CompletionBody,
  stream: boolean,
): Promise<Completion> => {
  if (!stream) {
    const { data } = await client.request<Completion>({
      method: "POST",
      path: "/complete",
      body,
      answer: COMPLETION_ANSWER,
    });
    return data;
  }
  return postEventStream(client, "/complete", body, readCompletionStream);
};
