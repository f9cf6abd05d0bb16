import { action } from "@prismatic-io/spectral";
import { type AnthropicClient, createAnthropicClient } from "../../client/createAnthropicClient";
import { batchIdInput } from "../../inputs/batches";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";

/** Get, Cancel and Delete Batch differ only in the call they make on one batch id. */
export const batchIdAction = <TData>(
  display: { label: string; description: string },
  call: (client: AnthropicClient, batchId: string) => Promise<TData>,
  example: TData,
) =>
  action({
    display,
    inputs: { connection: connectionInput, batchId: batchIdInput, ...transportInputs },
    perform: async (context, { connection, batchId, ...transport }) => {
      const client = createAnthropicClient(connection, context, toClientOptions(transport));
      return { data: await call(client, batchId) };
    },
    examplePayload: { data: example },
  });
