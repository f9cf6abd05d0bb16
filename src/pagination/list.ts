import { pageAnswer } from "../client/answers";
import type { AnthropicClient, ApiRequest } from "../client/createAnthropicClient";
import { asLastPage, type Cursor, collectAll, eachItem, type ListAnswer } from "./pager";

/** A list endpoint: where it is, what it lists (for errors), and its largest page. */
export interface ListResource {
  path: string;
  /** Plural, as errors name it: "models", "batches", "files". */
  what: string;
  maxLimit: number;
}

export type ListQuery = NonNullable<ApiRequest["query"]>;

/** The single-page inputs every list takes, as the API names them. */
export interface PageValues {
  limit?: number;
  afterId?: string;
  beforeId?: string;
}

export const idPageQuery = ({ limit, afterId, beforeId }: PageValues): ListQuery => ({
  limit,
  after_id: afterId,
  before_id: beforeId,
});

export const fetchListPage = async <TItem>(
  client: AnthropicClient,
  resource: ListResource,
  query: ListQuery,
): Promise<ListAnswer<TItem>> => {
  const { data } = await client.request<ListAnswer<TItem>>({
    method: "GET",
    path: resource.path,
    query,
    answer: pageAnswer(resource.what),
  });
  return data;
};

/** Every item, in the largest pages the API gives, fetched as the caller reads on. */
export const eachListItem = <TItem>(
  client: AnthropicClient,
  resource: ListResource,
  query: ListQuery = {},
): AsyncGenerator<TItem, void, undefined> =>
  eachItem<TItem>(`Fetch All ${resource.what}`, (cursor?: Cursor) =>
    fetchListPage<TItem>(client, resource, { ...query, limit: resource.maxLimit, ...cursor }),
  );

/** One page of a list that pages by id (models, batches), as the page inputs ask. */
export const fetchIdPage = <TItem>(
  client: AnthropicClient,
  resource: ListResource,
  values: PageValues,
): Promise<ListAnswer<TItem>> => fetchListPage<TItem>(client, resource, idPageQuery(values));

/** Fetch All: every item, answered in the `has_more` page shape the single page has. */
export const fetchEveryItem = async <TItem extends { id: string }>(
  client: AnthropicClient,
  resource: ListResource,
  query: ListQuery = {},
): Promise<ListAnswer<TItem>> =>
  asLastPage(await collectAll(eachListItem<TItem>(client, resource, query)));
