import { action } from "@prismatic-io/spectral";
import { TOKEN_COUNT_ANSWER } from "../../client/answers";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { conversationInputs } from "../../inputs/chatOptions";
import { messageInput, systemPromptInput } from "../../inputs/messages";
import { connectionInput, modelInput, toClientOptions, transportInputs } from "../../inputs/shared";
import { buildCountTokensRequest } from "../../messages/buildRequest";

export const countTokens = action({
  display: {
    label: "Count Tokens",
    description:
      "Count the tokens a message or conversation would use, without sending it to the model.",
  },
  inputs: {
    connection: connectionInput,
    model: modelInput,
    message: messageInput,
    systemPrompt: systemPromptInput,
    ...conversationInputs,
    ...transportInputs,
  },
  perform: async (context, { connection, ...values }) => {
    const client = createAnthropicClient(connection, context, toClientOptions(values));
    const { body } = buildCountTokensRequest(values, client.settings.apiVersion);
    const { data } = await client.request<{ input_tokens: number }>({
      method: "POST",
      path: "/messages/count_tokens",
      body,
      answer: TOKEN_COUNT_ANSWER,
    });
    return { data: { input_tokens: data.input_tokens } };
  },
  examplePayload: { data: { input_tokens: 42 } },
});
