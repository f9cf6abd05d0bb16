/** The Message Batches endpoints: /v1/messages/batches and below. */
import { validBody } from "../body";
import { invalidRequest, notFound } from "../errors";
import { isJsonObject } from "../json";
import { paginate, parsePageQuery } from "../pagination";
import type { HandlerResult, RequestContext } from "../router";
import type { MessageBatch } from "../types";
import { type BatchRequest, jsonlChunks } from "./results";

/** The API's limits: 100,000 requests (this status and message) and 256 MB (a 413). */
export const MAX_BATCH_REQUESTS = 100_000;
export const MAX_BATCH_BODY_BYTES = 256 * 1024 * 1024;

/** application/x-jsonl, as the API labels results (the SDK decodes JSONL whatever the label). */
const JSONL = "application/x-jsonl";

function batchOf(context: RequestContext): MessageBatch {
  const id = context.params.message_batch_id;
  const batch = context.batches.find(id);
  if (!batch) throw notFound(`Message batch not found: ${id}`);
  return batch;
}

/**
 * Checked before the schema, so that an oversized batch is refused at once rather than after
 * validating 100,000 requests' params.
 */
function checkCount(body: unknown): void {
  if (!isJsonObject(body) || !Array.isArray(body.requests)) return;
  const count = body.requests.length;
  if (count > MAX_BATCH_REQUESTS) {
    throw invalidRequest(
      `requests: List should have at most ${MAX_BATCH_REQUESTS} items after validation, not ${count}`,
    );
  }
}

function checkUniqueIds(requests: readonly BatchRequest[]): void {
  const firstUse = new Map<string, number>();
  requests.forEach(({ custom_id }, index) => {
    const first = firstUse.get(custom_id);
    if (first !== undefined) {
      throw invalidRequest(
        `requests.${index}.custom_id: duplicate custom_id "${custom_id}" (also requests.${first}.custom_id); custom_id must be unique within a batch`,
      );
    }
    firstUse.set(custom_id, index);
  });
}

export function createBatch(context: RequestContext): HandlerResult {
  checkCount(context.request.body);
  // the SDK's beta.messages.batches posts to ?beta=true, whose params are the Beta ones
  const schema =
    context.request.query.beta === "true"
      ? "BetaCreateMessageBatchParams"
      : "CreateMessageBatchParams";
  const { requests } = validBody(context.request, schema) as { requests: BatchRequest[] };
  checkUniqueIds(requests);
  return { kind: "json", body: context.batches.create(requests, context.apiVersion) };
}

export function listBatches(context: RequestContext): HandlerResult {
  const query = parsePageQuery(context.request.query);
  const batches = context.batches.list();
  const page = paginate(batches, query, (id) => batches.findIndex((b) => b.id === id));
  return { kind: "json", body: page };
}

export function getBatch(context: RequestContext): HandlerResult {
  return { kind: "json", body: batchOf(context) };
}

export function cancelBatch(context: RequestContext): HandlerResult {
  const batch = batchOf(context);
  if (batch.processing_status === "ended") {
    throw invalidRequest(`Message batch ${batch.id} has already ended and cannot be canceled`);
  }
  return { kind: "json", body: context.batches.setStatus(batch.id, "canceling") };
}

export function deleteBatch(context: RequestContext): HandlerResult {
  const batch = batchOf(context);
  if (batch.processing_status !== "ended") {
    throw invalidRequest(
      `Message batch ${batch.id} cannot be deleted while it is ${batch.processing_status}; cancel it and wait until it has ended`,
    );
  }
  context.batches.delete(batch.id);
  return { kind: "json", body: { id: batch.id, type: "message_batch_deleted" } };
}

export function batchResults(context: RequestContext): HandlerResult {
  const batch = batchOf(context);
  const lines = context.batches.results(batch.id);
  if (batch.processing_status !== "ended" || !lines) {
    throw invalidRequest(
      `Message batch ${batch.id} is still ${batch.processing_status}; its results are available once it has ended`,
    );
  }
  return { kind: "stream", contentType: JSONL, chunks: jsonlChunks(lines) };
}
