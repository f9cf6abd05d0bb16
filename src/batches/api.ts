import { BATCH_ANSWER, DELETED_BATCH_ANSWER } from "../client/answers";
import type { AnthropicClient } from "../client/createAnthropicClient";
import { path } from "../client/path";
import { BATCHES_PAGE_LIMIT_MAX } from "../defaults";
import { eachListItem, type ListResource } from "../pagination/list";
import type { BatchRequest, MessageBatch } from "./types";

export const BATCHES: ListResource = {
  path: "/messages/batches",
  what: "batches",
  maxLimit: BATCHES_PAGE_LIMIT_MAX,
};

export interface DeletedBatch {
  id: string;
  type: "message_batch_deleted";
}

export const createBatch = async (
  client: AnthropicClient,
  requests: BatchRequest[],
): Promise<MessageBatch> => {
  const { data } = await client.request<MessageBatch>({
    method: "POST",
    path: "/messages/batches",
    body: { requests },
    answer: BATCH_ANSWER,
  });
  return data;
};

export const getBatch = async (client: AnthropicClient, id: string): Promise<MessageBatch> => {
  const { data } = await client.request<MessageBatch>({
    method: "GET",
    path: path`/messages/batches/${id}`,
    answer: BATCH_ANSWER,
  });
  return data;
};

export const cancelBatch = async (client: AnthropicClient, id: string): Promise<MessageBatch> => {
  const { data } = await client.request<MessageBatch>({
    method: "POST",
    path: path`/messages/batches/${id}/cancel`,
    answer: BATCH_ANSWER,
  });
  return data;
};

export const deleteBatch = async (client: AnthropicClient, id: string): Promise<DeletedBatch> => {
  const { data } = await client.request<DeletedBatch>({
    method: "DELETE",
    path: path`/messages/batches/${id}`,
    answer: DELETED_BATCH_ANSWER,
  });
  return data;
};

/** Newest first, fetched as the caller reads on: the trigger stops at what it has seen. */
export const eachBatch = (client: AnthropicClient): AsyncGenerator<MessageBatch, void, undefined> =>
  eachListItem<MessageBatch>(client, BATCHES);
