import { cancelBatch as call } from "../../batches/api";
import { exampleBatch } from "../../examples";
import { batchIdAction } from "./byBatchId";

export const cancelBatch = batchIdAction(
  {
    label: "Cancel Batch",
    description:
      "Cancel a batch still in progress: it moves to canceling, then ends; requests not yet processed are reported as canceled.",
  },
  call,
  {
    ...exampleBatch,
    processing_status: "canceling",
    ended_at: null,
    results_url: null,
    cancel_initiated_at: "2026-12-03T09:12:00.000Z",
  },
);
