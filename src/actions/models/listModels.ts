import { action, input } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { MODELS_PAGE_LIMIT_DEFAULT, MODELS_PAGE_LIMIT_MAX } from "../../defaults";
import { exampleModelPage } from "../../examples";
import { optionalId, optionalNumber, toBoolean } from "../../inputs/clean";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";
import { fetchAllModels, fetchModelPage } from "../../models/listModels";

export const listModels = action({
  display: {
    label: "List Models",
    description: "List the Claude models available to this API key, newest first.",
  },
  inputs: {
    connection: connectionInput,
    fetchAll: input({
      label: "Fetch All",
      type: "boolean",
      required: false,
      default: "false",
      comments:
        "When true, every page of results is fetched, and the Limit, After ID and Before ID inputs are ignored.",
      clean: toBoolean("Fetch All"),
    }),
    beforeId: input({
      label: "Before ID",
      type: "string",
      required: false,
      example: "claude-haiku-4-5-20251001",
      comments:
        "ID of the object to use as a cursor for pagination. Returns the page of results immediately before this object.",
      clean: optionalId("Before ID"),
    }),
    afterId: input({
      label: "After ID",
      type: "string",
      required: false,
      example: "claude-sonnet-4-6",
      comments:
        "ID of the object to use as a cursor for pagination. Returns the page of results immediately after this object.",
      clean: optionalId("After ID"),
    }),
    limit: input({
      label: "Limit",
      type: "string",
      required: false,
      default: String(MODELS_PAGE_LIMIT_DEFAULT),
      example: "50",
      comments: `Number of items to return per page. Defaults to ${MODELS_PAGE_LIMIT_DEFAULT}. Range: 1-${MODELS_PAGE_LIMIT_MAX}.`,
      clean: optionalNumber({ label: "Limit", min: 1, max: MODELS_PAGE_LIMIT_MAX, integer: true }),
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
