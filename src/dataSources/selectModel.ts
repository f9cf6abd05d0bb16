import { dataSource } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../client/createAnthropicClient";
import { PICKLIST_MAX_RETRIES, PICKLIST_TIMEOUT_MS } from "../defaults";
import { connectionInput } from "../inputs/shared";
import { fetchAllModels } from "../models/listModels";

export const selectModel = dataSource({
  display: {
    label: "Select Model",
    description: "Pick a Claude model from every model the API key can use.",
  },
  inputs: { connection: connectionInput },
  perform: async (context, { connection }) => {
    const client = createAnthropicClient(connection, context, {
      timeoutMs: PICKLIST_TIMEOUT_MS,
      retry: { retries: PICKLIST_MAX_RETRIES },
    });
    const { data } = await fetchAllModels(client);
    return {
      result: data.map((model) => ({ key: model.id, label: model.display_name || model.id })),
    };
  },
  dataSourceType: "picklist",
  examplePayload: {
    result: [
      { key: "claude-sonnet-4-6", label: "Claude Sonnet 4.6" },
      { key: "claude-haiku-4-5-20251001", label: "Claude Haiku 4.5" },
    ],
  },
});
