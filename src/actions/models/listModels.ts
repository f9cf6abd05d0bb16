import { action } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { MODELS_PAGE_LIMIT_DEFAULT, MODELS_PAGE_LIMIT_MAX } from "../../defaults";
import { exampleModelPage } from "../../examples";
import { idPagingInputs } from "../../inputs/pagination";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";
import { fetchAllModels, fetchModelPage } from "../../models/listModels";

export const listModels = action({
  display: {
    label: "List Models",
    description: "List the Claude models available to this API key, newest first.",
  },
  inputs: {
    connection: connectionInput,
    ...idPagingInputs({
      max: MODELS_PAGE_LIMIT_MAX,
      byDefault: MODELS_PAGE_LIMIT_DEFAULT,
      exampleBefore: "claude-haiku-4-5-20251001",
      exampleAfter: "claude-sonnet-4-6",
    }),
    ...transportInputs,
  },
  perform: async (context, { connection, fetchAll, ...values }) => {
    const client = createAnthropicClient(connection, context, toClientOptions(values));
    const data = fetchAll ? await fetchAllModels(client) : await fetchModelPage(client, values);
    return { data };
  },
  examplePayload: { data: exampleModelPage },
});
