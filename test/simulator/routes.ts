import { countTokens, createMessage } from "./messages/handlers";
import { getModel, listModels } from "./models/handlers";
import type { Route } from "./router";

/** The endpoints the simulator serves; batches, files and /v1/complete would slot in here. */
export const ROUTES: readonly Route[] = [
  { method: "POST", path: "/v1/messages", handler: createMessage },
  { method: "POST", path: "/v1/messages/count_tokens", handler: countTokens },
  { method: "GET", path: "/v1/models", handler: listModels },
  { method: "GET", path: "/v1/models/:model_id", handler: getModel },
];
