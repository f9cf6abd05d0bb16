import { action } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { exampleChatResult } from "../../examples";
import {
  cacheInput,
  conversationInputs,
  effortInput,
  metadataUserIdInput,
  outputSchemaInput,
  serviceTierInput,
  stopSequencesInput,
  streamInput,
  topKInput,
  topPInput,
} from "../../inputs/chatOptions";
import {
  maxTokensInput,
  messageInput,
  systemPromptInput,
  temperatureInput,
} from "../../inputs/messages";
import { connectionInput, modelInput, toClientOptions, transportInputs } from "../../inputs/shared";
import { buildCreateMessageRequest } from "../../messages/buildRequest";
import { toChatResult } from "../../messages/result";
import { sendMessage, shouldStream } from "../../messages/send";

export const chat = action({
  display: {
    label: "Chat",
    description:
      "Send a message or a whole conversation to Claude and get its reply: files, tools, thinking, prompt caching, structured output and streaming (the Messages API).",
  },
  inputs: {
    connection: connectionInput,
    model: modelInput,
    initialMessage: messageInput,
    systemPrompt: systemPromptInput,
    maxTokens: maxTokensInput,
    temperature: temperatureInput,
    ...conversationInputs,
    effort: effortInput,
    cache: cacheInput,
    outputSchema: outputSchemaInput,
    topP: topPInput,
    topK: topKInput,
    stopSequences: stopSequencesInput,
    metadataUserId: metadataUserIdInput,
    serviceTier: serviceTierInput,
    stream: streamInput,
    ...transportInputs,
  },
  perform: async (context, { connection, initialMessage, stream, ...values }) => {
    const client = createAnthropicClient(connection, context, toClientOptions(values));
    const { body, outputMode, history } = buildCreateMessageRequest(
      { ...values, message: initialMessage },
      client.settings.apiVersion,
    );
    const streaming = shouldStream(stream, values.maxTokens);
    if (streaming && !stream) {
      context.logger.info(
        `Max Tokens ${values.maxTokens} could outlast the 10-minute limit without streaming; streaming the answer.`,
      );
    }
    const message = await sendMessage(client, body, { stream: streaming });
    return {
      data: toChatResult(message, {
        logger: context.logger,
        history,
        outputSchema: values.outputSchema,
        outputMode,
      }),
    };
  },
  examplePayload: { data: exampleChatResult },
});
