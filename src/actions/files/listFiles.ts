import { action } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { exampleFilePage } from "../../examples";
import { FILES, type FileMetadata, fetchFilePage, fileListQuery } from "../../files/api";
import { InputError } from "../../inputs/clean";
import { filePagingInputs } from "../../inputs/files";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";
import { eachListItem } from "../../pagination/list";
import { collectAll } from "../../pagination/pager";

export const listFiles = action({
  display: {
    label: "List Files",
    description: "List the workspace's files, newest first, or look up given file ids.",
  },
  inputs: { connection: connectionInput, ...filePagingInputs, ...transportInputs },
  perform: async (context, { connection, fetchAll, limit, page, ids, ...transport }) => {
    if (ids.length > 0 && page !== undefined) {
      throw new InputError(
        "Page",
        "cannot be combined with IDs: the API answers ids in one page. Leave one of them empty.",
      );
    }
    const client = createAnthropicClient(connection, context, toClientOptions(transport));
    if (fetchAll && ids.length === 0) {
      return {
        data: {
          data: await collectAll(eachListItem<FileMetadata>(client, FILES)),
          next_page: null,
        },
      };
    }
    return { data: await fetchFilePage(client, fileListQuery({ limit, page, ids })) };
  },
  examplePayload: { data: exampleFilePage },
});
