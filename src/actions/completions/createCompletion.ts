import { action } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { buildCompletionBody } from "../../completions/buildRequest";
import { sendCompletion } from "../../completions/send";
import { exampleCompletion } from "../../examples";
import {
  metadataUserIdInput,
  stopSequencesInput,
  topKInput,
  topPInput,
} from "../../inputs/chatOptions";
import {
  completionModelInput,
  completionStreamInput,
  maxTokensToSampleInput,
  promptInput,
} from "../../inputs/completions";
import { temperatureInput } from "../../inputs/messages";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";

export const createCompletion = action({
  display: {
    label: "Create Completion (Legacy)",
    description:
      "[Legacy] Complete a prompt with the Text Completions API (POST /v1/complete), for older prompts and gateways that still use it. New flows should use Chat.",
  },
  inputs: {
    connection: connectionInput,
    model: completionModelInput,
    prompt: promptInput,
    maxTokensToSample: maxTokensToSampleInput,
    stopSequences: stopSequencesInput,
    temperature: temperatureInput,
    topP: topPInput,
    topK: topKInput,
    metadataUserId: metadataUserIdInput,
    stream: completionStreamInput,
    ...transportInputs,
  },
  perform: async (context, { connection, stream, timeout, maxRetries, ...values }) => {
    const client = createAnthropicClient(
      connection,
      context,
      toClientOptions({ timeout, maxRetries }),
    );
    return { data: await sendCompletion(client, buildCompletionBody(values), stream) };
  },
  examplePayload: { data: exampleCompletion },
});
