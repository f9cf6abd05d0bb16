import {
  batchResults,
  cancelBatch,
  createBatch,
  deleteBatch,
  getBatch,
  listBatches,
  MAX_BATCH_BODY_BYTES,
} from "./batches/handlers";
import { createCompletion } from "./complete/handlers";
import {
  deleteFile,
  downloadFile,
  getFile,
  listFiles,
  MAX_FILE_BODY_BYTES,
  uploadFile,
} from "./files/handlers";
import { countTokens, createMessage } from "./messages/handlers";
import { getModel, listModels } from "./models/handlers";
import type { Route } from "./router";

/** The endpoints the simulator serves. */
export const ROUTES: readonly Route[] = [
  { method: "POST", path: "/v1/messages", handler: createMessage },
  { method: "POST", path: "/v1/messages/count_tokens", handler: countTokens },
  {
    method: "POST",
    path: "/v1/messages/batches",
    handler: createBatch,
    maxBodyBytes: MAX_BATCH_BODY_BYTES,
  },
  { method: "GET", path: "/v1/messages/batches", handler: listBatches },
  { method: "GET", path: "/v1/messages/batches/:message_batch_id", handler: getBatch },
  { method: "DELETE", path: "/v1/messages/batches/:message_batch_id", handler: deleteBatch },
  { method: "POST", path: "/v1/messages/batches/:message_batch_id/cancel", handler: cancelBatch },
  {
    method: "GET",
    path: "/v1/messages/batches/:message_batch_id/results",
    handler: batchResults,
  },
  { method: "POST", path: "/v1/files", handler: uploadFile, maxBodyBytes: MAX_FILE_BODY_BYTES },
  { method: "GET", path: "/v1/files", handler: listFiles },
  { method: "GET", path: "/v1/files/:file_id", handler: getFile },
  { method: "DELETE", path: "/v1/files/:file_id", handler: deleteFile },
  { method: "GET", path: "/v1/files/:file_id/content", handler: downloadFile },
  { method: "POST", path: "/v1/complete", handler: createCompletion },
  { method: "GET", path: "/v1/models", handler: listModels },
  { method: "GET", path: "/v1/models/:model_id", handler: getModel },
];
