import { getBatch as call } from "../../batches/api";
import { exampleBatch } from "../../examples";
import { batchIdAction } from "./byBatchId";

export const getBatch = batchIdAction(
  {
    label: "Get Batch",
    description:
      "Get a message batch: its processing status and how many of its requests succeeded, errored, were canceled or expired.",
  },
  call,
  exampleBatch,
);
