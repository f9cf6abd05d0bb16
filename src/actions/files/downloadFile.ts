import { action } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { downloadFile as download } from "../../files/api";
import { fileIdInput } from "../../inputs/files";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";

export const downloadFile = action({
  display: {
    label: "Download File",
    description:
      "Download a file's bytes with their content type, for the next step to save or send. Only files a tool created (such as code execution's outputs) can be downloaded, not uploads.",
  },
  inputs: { connection: connectionInput, fileId: fileIdInput, ...transportInputs },
  perform: async (context, { connection, fileId, ...transport }) => {
    const client = createAnthropicClient(connection, context, toClientOptions(transport));
    const { data, contentType } = await download(client, fileId);
    return { data, contentType };
  },
  examplePayload: { data: Buffer.from("name,total\nAcme,42\n"), contentType: "text/csv" },
});
