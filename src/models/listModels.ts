import type { AnthropicClient } from "../client/createAnthropicClient";
import { MODELS_PAGE_LIMIT_MAX } from "../defaults";
import {
  fetchEveryItem,
  fetchIdPage,
  type ListResource,
  type PageValues,
} from "../pagination/list";
import type { ListAnswer } from "../pagination/pager";

export interface ModelInfo {
  type: "model";
  id: string;
  display_name: string;
  created_at: string;
  [field: string]: unknown;
}

export type ModelPage = ListAnswer<ModelInfo>;

export const MODELS: ListResource = {
  path: "/models",
  what: "models",
  maxLimit: MODELS_PAGE_LIMIT_MAX,
};

export const fetchModelPage = (client: AnthropicClient, values: PageValues): Promise<ModelPage> =>
  fetchIdPage<ModelInfo>(client, MODELS, values);

/** Follows the cursors to the last page; answers in the API's own page shape. */
export const fetchAllModels = (
  client: AnthropicClient,
  pageSize: number = MODELS_PAGE_LIMIT_MAX,
): Promise<ModelPage> => fetchEveryItem<ModelInfo>(client, { ...MODELS, maxLimit: pageSize });
