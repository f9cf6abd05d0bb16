import { action } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { exampleMessage } from "../../examples";
import {
  maxTokensInput,
  messageInput,
  systemPromptInput,
  temperatureInput,
} from "../../inputs/messages";
import { connectionInput, modelInput, toClientOptions, transportInputs } from "../../inputs/shared";
import { buildCreateMessageBody } from "../../messages/buildRequest";
import type { Message } from "../../messages/types";

export const chat = action({
  display: {
    label: "Chat",
    description: "Send a message to Claude and get its reply (the Messages API).",
  },
  inputs: {
    connection: connectionInput,
    model: modelInput,
    initialMessage: messageInput,
    systemPrompt: systemPromptInput,
    maxTokens: maxTokensInput,
    temperature: temperatureInput,
    ...transportInputs,
  },
  perform: async (context, { connection, initialMessage, ...values }) => {
    const body = buildCreateMessageBody({ ...values, message: initialMessage });
    const client = createAnthropicClient(connection, context, toClientOptions(values));
    const { data } = await client.request<Message>({ method: "POST", path: "/messages", body });
    return { data };
  },
  examplePayload: { data: exampleMessage },
});
