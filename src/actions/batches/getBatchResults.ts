import { action } from "@prismatic-io/spectral";
import { fetchResultsPage } from "../../batches/results";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { BATCH_RESULTS_LIMIT_DEFAULT } from "../../defaults";
import { exampleBatchResults } from "../../examples";
import {
  batchIdInput,
  customIdsInput,
  offsetInput,
  resultsLimitInput,
  resultTypesInput,
} from "../../inputs/batches";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";

export const getBatchResults = action({
  display: {
    label: "Get Batch Results",
    description:
      "Read one page of an ended batch's results, filtered by type or custom id, with the count of each result type over the whole batch. The file is read as a stream, so memory stays flat however large it is.",
  },
  inputs: {
    connection: connectionInput,
    batchId: batchIdInput,
    resultTypes: resultTypesInput,
    customIds: customIdsInput,
    offset: offsetInput,
    limit: resultsLimitInput,
    ...transportInputs,
  },
  perform: async (
    context,
    { connection, batchId, resultTypes, customIds, offset, limit, ...transport },
  ) => {
    const client = createAnthropicClient(connection, context, toClientOptions(transport));
    const data = await fetchResultsPage(client, batchId, {
      resultTypes,
      customIds,
      offset,
      limit: limit ?? BATCH_RESULTS_LIMIT_DEFAULT,
    });
    return { data };
  },
  examplePayload: { data: exampleBatchResults },
});
