import { resumeAgent } from "./agents/resumeAgent";
import { runAgent } from "./agents/runAgent";
import { cancelBatch } from "./batches/cancelBatch";
import { createBatch } from "./batches/createBatch";
import { deleteBatch } from "./batches/deleteBatch";
import { getBatch } from "./batches/getBatch";
import { getBatchResults } from "./batches/getBatchResults";
import { listBatches } from "./batches/listBatches";
import { classifyAndBranch } from "./classify/classifyAndBranch";
import { createCompletion } from "./completions/createCompletion";
import { deleteFile } from "./files/deleteFile";
import { downloadFile } from "./files/downloadFile";
import { getFileMetadata } from "./files/getFileMetadata";
import { listFiles } from "./files/listFiles";
import { uploadFile } from "./files/uploadFile";
import { chat } from "./messages/chat";
import { countTokens } from "./messages/countTokens";
import { getModel } from "./models/getModel";
import { listModels } from "./models/listModels";
import { rawRequest } from "./rawRequest";

/** Every action, by the key integrations refer to it with. */
export const actions = {
  chat,
  countTokens,
  getModel,
  listModels,
  rawRequest,
  createBatch,
  getBatch,
  listBatches,
  cancelBatch,
  deleteBatch,
  getBatchResults,
  uploadFile,
  listFiles,
  getFileMetadata,
  downloadFile,
  deleteFile,
  createCompletion,
  runAgent,
  resumeAgent,
  classifyAndBranch,
};
