import { action } from "@prismatic-io/spectral";
import { type AnthropicClient, createAnthropicClient } from "../../client/createAnthropicClient";
import { fileIdInput } from "../../inputs/files";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";

/** Get File Metadata and Delete File differ only in the call they make on one file id. */
export const fileIdAction = <TData>(
  display: { label: string; description: string },
  call: (client: AnthropicClient, fileId: string) => Promise<TData>,
  example: TData,
) =>
  action({
    display,
    inputs: { connection: connectionInput, fileId: fileIdInput, ...transportInputs },
    perform: async (context, { connection, fileId, ...transport }) => {
      const client = createAnthropicClient(connection, context, toClientOptions(transport));
      return { data: await call(client, fileId) };
    },
    examplePayload: { data: example },
  });
