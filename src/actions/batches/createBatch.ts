import { action } from "@prismatic-io/spectral";
import { createBatch as sendBatch } from "../../batches/api";
import { buildBatchRequests } from "../../batches/buildBatch";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { exampleNewBatch } from "../../examples";
import { promptsInput, requestsInput, sharedRequestInputs } from "../../inputs/batches";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";

export const createBatch = action({
  display: {
    label: "Create Batch",
    description:
      "Send up to 100,000 Messages requests as one batch, at half the price; results arrive within 24 hours (use the Batch Ended trigger, then Get Batch Results).",
  },
  inputs: {
    connection: connectionInput,
    prompts: promptsInput,
    requests: requestsInput,
    ...sharedRequestInputs,
    ...transportInputs,
  },
  perform: async (context, { connection, timeout, maxRetries, ...values }) => {
    const client = createAnthropicClient(
      connection,
      context,
      toClientOptions({ timeout, maxRetries }),
    );
    const requests = buildBatchRequests(values, client.settings.apiVersion);
    context.logger.info(`Creating a message batch of ${requests.length} request(s).`);
    return { data: await sendBatch(client, requests) };
  },
  examplePayload: { data: exampleNewBatch },
});
