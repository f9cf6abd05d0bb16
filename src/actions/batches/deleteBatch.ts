import { deleteBatch as call } from "../../batches/api";
import { EXAMPLE_BATCH_ID } from "../../inputs/batches";
import { batchIdAction } from "./byBatchId";

export const deleteBatch = batchIdAction(
  {
    label: "Delete Batch",
    description:
      "Delete a message batch and its results. Only an ended batch can be deleted: cancel one in progress first.",
  },
  call,
  { id: EXAMPLE_BATCH_ID, type: "message_batch_deleted" },
);
