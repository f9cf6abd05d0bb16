import { action } from "@prismatic-io/spectral";
import { BATCHES } from "../../batches/api";
import type { MessageBatch } from "../../batches/types";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { BATCHES_PAGE_LIMIT_DEFAULT, BATCHES_PAGE_LIMIT_MAX } from "../../defaults";
import { exampleBatchPage } from "../../examples";
import { idPagingInputs } from "../../inputs/pagination";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";
import { fetchEveryItem, fetchIdPage } from "../../pagination/list";

export const listBatches = action({
  display: {
    label: "List Batches",
    description: "List the workspace's message batches, newest first.",
  },
  inputs: {
    connection: connectionInput,
    ...idPagingInputs({
      max: BATCHES_PAGE_LIMIT_MAX,
      byDefault: BATCHES_PAGE_LIMIT_DEFAULT,
      exampleBefore: "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d",
      exampleAfter: "msgbatch_013Zva2CMHLNnXjNJJKqJ2EF",
    }),
    ...transportInputs,
  },
  perform: async (context, { connection, fetchAll, timeout, maxRetries, ...page }) => {
    const client = createAnthropicClient(
      connection,
      context,
      toClientOptions({ timeout, maxRetries }),
    );
    const data = fetchAll
      ? await fetchEveryItem<MessageBatch>(client, BATCHES)
      : await fetchIdPage<MessageBatch>(client, BATCHES, page);
    return { data };
  },
  examplePayload: { data: exampleBatchPage },
});
