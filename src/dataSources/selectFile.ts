import { dataSource } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../client/createAnthropicClient";
import { PICKLIST_MAX_ITEMS, PICKLIST_MAX_RETRIES, PICKLIST_TIMEOUT_MS } from "../defaults";
import { eachFile } from "../files/api";
import { connectionInput } from "../inputs/shared";

export const selectFile = dataSource({
  display: {
    label: "Select File",
    description: "Pick one of the workspace's files, newest first.",
  },
  inputs: { connection: connectionInput },
  perform: async (context, { connection }) => {
    const client = createAnthropicClient(connection, context, {
      timeoutMs: PICKLIST_TIMEOUT_MS,
      retry: { retries: PICKLIST_MAX_RETRIES },
    });
    const result: Array<{ key: string; label: string }> = [];
    // A picklist nobody can scroll through is no use: stop reading pages once it is full.
    for await (const file of eachFile(client)) {
      result.push({ key: file.id, label: `${file.filename} (${file.id})` });
      if (result.length >= PICKLIST_MAX_ITEMS) break;
    }
    return { result };
  },
  dataSourceType: "picklist",
  examplePayload: {
    result: [
      {
        key: "file_011CNha8iCJcU1wXNR6q4V8w",
        label: "annual-report.pdf (file_011CNha8iCJcU1wXNR6q4V8w)",
      },
    ],
  },
});
