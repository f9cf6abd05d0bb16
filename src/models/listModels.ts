import { MODEL_PAGE_ANSWER } from "../client/answers";
import type { AnthropicClient } from "../client/createAnthropicClient";
import { MODELS_PAGE_LIMIT_MAX } from "../defaults";
import { collectPages } from "../pagination/collectPages";

export interface ModelInfo {
  type: "model";
  id: string;
  display_name: string;
  created_at: string;
  [field: string]: unknown;
}

export interface ModelPage {
  data: ModelInfo[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

export interface PageQuery {
  limit?: number;
  afterId?: string;
  beforeId?: string;
}

export const fetchModelPage = async (
  client: AnthropicClient,
  query: PageQuery,
): Promise<ModelPage> => {
  const { data } = await client.request<ModelPage>({
    method: "GET",
    path: "/models",
    query: { limit: query.limit, after_id: query.afterId, before_id: query.beforeId },
    answer: MODEL_PAGE_ANSWER,
  });
  return data;
};

/** Follows `last_id` until `has_more` is false; answers in the API's own page shape. */
export const fetchAllModels = async (
  client: AnthropicClient,
  pageSize: number = MODELS_PAGE_LIMIT_MAX,
): Promise<ModelPage> => {
  const models = await collectPages("Fetch All models", async (afterId) => {
    const page = await fetchModelPage(client, { limit: pageSize, afterId });
    return {
      items: page.data,
      nextCursor: page.has_more && page.last_id ? page.last_id : undefined,
    };
  });
  return {
    data: models,
    has_more: false,
    first_id: models[0]?.id ?? null,
    last_id: models.at(-1)?.id ?? null,
  };
};
