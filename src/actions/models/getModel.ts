import { action } from "@prismatic-io/spectral";
import { MODEL_ANSWER } from "../../client/answers";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { path } from "../../client/path";
import { exampleModel } from "../../examples";
import { connectionInput, modelInput, toClientOptions, transportInputs } from "../../inputs/shared";
import type { ModelInfo } from "../../models/listModels";

export const getModel = action({
  display: {
    label: "Get Model",
    description: "Get details of a specific Claude model, resolving an alias to its dated id.",
  },
  inputs: { connection: connectionInput, model: modelInput, ...transportInputs },
  perform: async (context, { connection, model, ...transport }) => {
    const client = createAnthropicClient(connection, context, toClientOptions(transport));
    const { data } = await client.request<ModelInfo>({
      method: "GET",
      path: path`/models/${model}`,
      answer: MODEL_ANSWER,
    });
    return { data };
  },
  examplePayload: { data: exampleModel },
});
